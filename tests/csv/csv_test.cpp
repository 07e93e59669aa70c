// CSV writer and reader: ServiceStack.Text's vectors (research/servicestack-formats.md §3.3,
// §3.4; servicestack-text-observed.md "CSV"), round trips, streaming and bad input.
#include "../jsv/text_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/csv.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <sstream>

using namespace sstk;

namespace {
using ostr = std::optional<std::string>;

struct Adhoc {
    ostr Column1Data, Column2Data, Column3Data, Column4Data, Column5Data;
    friend bool operator==(const Adhoc&, const Adhoc&) = default;
};
BOOST_DESCRIBE_STRUCT(Adhoc, (), (Column1Data, Column2Data, Column3Data, Column4Data, Column5Data))

const std::vector<Adhoc> adhoc{
    {"I", "Like", "To", "Read", "Novels"},           {"I am", "Very", "Cool", "And", "Awesome"},
    {"I", " Like ", "Reading", std::nullopt, std::nullopt}, {"I", "Don't", "Know,", "Do", "You?"},
    {"I", "Saw", "The", "Movie", "\"Jaws\""},         {"I", "Went", "To", "Space\nCamp", "Last\r\nYear"},
};

struct IdName {
    int Id = 0;
    ostr Name;
    friend bool operator==(const IdName&, const IdName&) = default;
};
BOOST_DESCRIBE_STRUCT(IdName, (), (Id, Name))

struct ValueRow {
    std::optional<bool> Value;
};
BOOST_DESCRIBE_STRUCT(ValueRow, (), (Value))

struct DateRow {
    date_time DateTime;
};
BOOST_DESCRIBE_STRUCT(DateRow, (), (DateTime))

// A POCO (no [DataContract]) response: one row, its list a JSV cell.
struct FindMoviesResponse {
    std::optional<std::vector<IdName>> Results;
    friend bool operator==(const FindMoviesResponse&, const FindMoviesResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(FindMoviesResponse, (), (Results))

csv::write_options utc() {
    csv::write_options o;
    o.zone = &time_zone::utc();
    return o;
}

template <class T>
error read_error(std::string_view text, const csv::read_options& o = {}) {
    auto r = csv::try_read<T>(text, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}
}  // namespace

TEST_CASE("NewLineTests.Serializes_adhoc_data, and back") {
    const std::string expected = "Column1Data,Column2Data,Column3Data,Column4Data,Column5Data\r\n"
                                 "I,Like,To,Read,Novels\r\n"
                                 "I am,Very,Cool,And,Awesome\r\n"
                                 "I, Like ,Reading,,\r\n"
                                 "I,Don't,\"Know,\",Do,You?\r\n"
                                 "I,Saw,The,Movie,\"\"\"Jaws\"\"\"\r\n"
                                 "I,Went,To,\"Space\nCamp\",\"Last\r\nYear\"\r\n";
    CHECK(csv::write(adhoc) == expected);
    CHECK(csv::read<std::vector<Adhoc>>(expected) == adhoc);
    csv::write_options pipe;
    pipe.separator = "|";
    CHECK(csv::write(adhoc, pipe).find("I|Don't|Know,|Do|You?\r\n") != std::string::npos);
    csv::read_options rpipe;
    rpipe.separator = '|';
    CHECK(csv::read<std::vector<Adhoc>>(csv::write(adhoc, pipe), rpipe) == adhoc);
}

TEST_CASE("CsvSerializerConfigTests.Does_use_CsvConfig") {
    csv::write_options o;
    o.separator = "|";
    o.delimiter = "`";
    o.row_separator = "\n\n";
    const std::vector<IdName> rows{{1, "Value"}, {2, "Value|Escaped"}};
    CHECK(csv::write(rows, o) == "Id|Name\n\n1|Value\n\n2|`Value|Escaped`\n\n");
    csv::read_options r;
    r.separator = '|';
    r.delimiter = '`';
    CHECK(csv::read<std::vector<IdName>>(csv::write(rows, o), r) == rows);
}

TEST_CASE("scalar cells: bool, null, dates, doubled quotes, dictionaries, enums") {
    CHECK(csv::write(std::vector<ValueRow>{{true}, {false}, {std::nullopt}}) == "Value\r\nTrue\r\nFalse\r\n\r\n");
    CHECK(csv::write(std::vector<DateRow>{{date_time::from_civil(2018, 1, 1, 0, 0, 0, 0, date_time_kind::utc)},
                                          {date_time::from_civil(2018, 1, 1, 12, 0, 0, 0, date_time_kind::utc)}},
                     utc()) == "DateTime\r\n2018-01-01\r\n2018-01-01T12:00:00Z\r\n");
    csv::write_options lf;
    lf.row_separator = "\n";
    CHECK(csv::write(std::vector<IdName>{{1, "\"Mr. Lee\""}}, lf) == "Id,Name\n1,\"\"\"Mr. Lee\"\"\"\n");
    CHECK(csv::write(std::vector<IdName>{{1, "\"Anon\" Review"}}, lf) == "Id,Name\n1,\"\"\"Anon\"\" Review\"\n");
    CHECK(csv::read<std::vector<IdName>>("Id,Name\n1,\"\"\"Anon\"\" Review\"").at(0).Name == "\"Anon\" Review");
    using dyn = sstk::dictionary<std::string, boost::json::value>;
    CHECK(csv::write(std::vector<dyn>{{{"id", 1}, {"name", "Foo"}}, {{"id", 2}, {"name", "Bar"}}}) == "id,name\r\n1,Foo\r\n2,Bar\r\n");
    CHECK(csv::write(std::vector<tt::strmap>{{{"b", "1"}}, {{"a", "2"}, {"b", "3"}}}) == "a,b\r\n,1\r\n2,3\r\n");
    CHECK(csv::write(std::vector<tt::DayDto>{{tt::Day::Sunday, std::nullopt}}, lf) == "Day,NDay\nSUN,\n");
    CHECK(csv::read<std::vector<tt::DayDto>>("Day,NDay\nSUN,\nMON,MON\n").at(1).NDay == tt::Day::Monday);
    CHECK(csv::write(std::vector<int>{1, 2, 3}) == "1,2,3\r\n");
    CHECK(csv::read<std::vector<int>>("1,2,3\r\n") == std::vector<int>{1, 2, 3});
    CHECK(csv::write(std::string("a,b")) == "\"a,b\"\r\n");
}

TEST_CASE("nested values are JSV in one cell; a leading bracket or brace is quoted") {
    tt::IdNameObj row{1, "x", tt::strmap{{"a", "1"}}};
    CHECK(csv::write(std::vector<tt::IdNameObj>{row}) == "Id,Name,Obj\r\n1,x,\"{a:1}\"\r\n");
    CHECK(csv::write(std::vector<tt::IdNameObj>{{1, "[x", tt::strmap{}}}) == "Id,Name,Obj\r\n1,\"[x\",\"{}\"\r\n");
    tt::Child c{1, "n", std::vector<ostr>{"a", "b,c"}};
    CHECK(csv::write(std::vector<tt::Child>{c}) == "Id,Name,Tags\r\n1,n,\"[a,\"\"b,c\"\"]\"\r\n");
    CHECK(csv::read<std::vector<tt::Child>>(csv::write(std::vector<tt::Child>{c})).at(0) == c);
    jt::Movie m;
    m.Genres = std::vector<std::string>{"Crime", "Drama"};
    CHECK(csv::write(m).ends_with(",\"[Crime,Drama]\"\r\n") == false);  // a [DataContract] DTO has no list rows of its own…
    CHECK(csv::write(std::vector<jt::Movie>{m}, utc()).starts_with("Genres,TagLine,ReleaseDate,Director,Rating,ImdbId,Title,Id\r\n\"[Crime,Drama]\",,0001-01-01,,0,,,0\r\n"));
    FindMoviesResponse poco{std::vector<IdName>{{1, "a"}, {2, "b"}}};
    CHECK(csv::write(poco) == "Results\r\n\"[{Id:1,Name:a},{Id:2,Name:b}]\"\r\n");
    CHECK(csv::read<FindMoviesResponse>(csv::write(poco)) == poco);
    csv::write_options camel;
    camel.nested_casing = casing::camel;
    CHECK(csv::write(poco, camel) == "Results\r\n\"[{id:1,name:a},{id:2,name:b}]\"\r\n");
}

TEST_CASE("DataContract responses tabulate their first list member") {
    jt::Movie m;
    m.Id = 7;
    m.Title = "Jaws";
    m.Rating = decimal::parse("8.0");
    m.ReleaseDate = date_time::from_civil(1975, 6, 20, 0, 0, 0, 0, date_time_kind::utc);
    tt::MovieResponse resp;
    resp.Total = 1;
    resp.Results = std::vector<jt::Movie>{m};
    const std::string text = csv::write(resp, utc());
    CHECK(text == "Genres,TagLine,ReleaseDate,Director,Rating,ImdbId,Title,Id\r\n,,1975-06-20,,8.0,,Jaws,7\r\n");
    const auto back = csv::read<tt::MovieResponse>(text);
    REQUIRE(back.Results.has_value());
    CHECK(back.Results->at(0).Title == "Jaws");
    CHECK(back.Results->at(0).Rating == decimal::parse("8.0"));
    resp.Results = std::vector<jt::Movie>{};
    CHECK(csv::write(resp) == "Genres,TagLine,ReleaseDate,Director,Rating,ImdbId,Title,Id\r\n");  // header only
    CHECK(csv::write(ResponseStatus{}) == "ErrorCode,FieldName,Message,Meta\r\n");
    ResponseStatus st;
    ResponseError err;
    err.ErrorCode = "E";
    err.FieldName = "F";
    err.Message = "M, m";
    err.Meta = tt::metamap{{"k", "v"}};
    st.Errors = std::vector<ResponseError>{err};
    CHECK(csv::write(st) == "ErrorCode,FieldName,Message,Meta\r\nE,F,\"M, m\",\"{k:v}\"\r\n");
    CHECK(csv::read<ResponseStatus>(csv::write(st)) == st);
    csv::write_options self;
    self.tabulate = csv::tabulate::self;
    CHECK(csv::write(st, self) == "ErrorCode,Message,StackTrace,Errors,Meta\r\n,,,\"[{ErrorCode:E,FieldName:F,Message:\"\"M, m\"\",Meta:{k:v}}]\",\r\n");
    csv::write_options first;
    first.tabulate = csv::tabulate::first_enumerable;  // [Csv(CsvBehavior.FirstEnumerable)]
    CHECK(csv::write(FindMoviesResponse{std::vector<IdName>{{1, "a"}}}, first) == "Id,Name\r\n1,a\r\n");
    CHECK(csv::write(std::vector<IdName>{}) == "Id,Name\r\n");
}

TEST_CASE("reading: ParseFields vectors, header rules, BOM, LF rows, missing and unknown cells") {
    using cells = std::vector<ostr>;
    CHECK(csv::read<cells>("\"A\",B") == cells{"A", "B"});
    CHECK(csv::read<cells>("\"A\",\"B,C\"") == cells{"A", "B,C"});
    CHECK(csv::read<cells>("\"A\nB\",\"B,\r\nC\"") == cells{"A\nB", "B,\r\nC"});
    CHECK(csv::read<cells>("\"A\"\",B\"") == cells{"A\",B"});
    CHECK(csv::read<cells>(",A,B") == cells{std::nullopt, "A", "B"});
    CHECK(csv::read<cells>("\"\"") == cells{""});
    CHECK(csv::read<cells>("[A,{B") == cells{"[A", "{B"});  // unmatched JSV marks are literal
    CHECK(csv::read<std::vector<IdName>>("Id,Name\r\n1,a\r\n\r\n\r\n").size() == 1);  // trailing empty lines dropped
    const auto rows = csv::read<std::vector<IdName>>("\xEF\xBB\xBF name ,ID,Extra\n a ,1,zzz\n,2\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == IdName{1, " a "});  // cells are not trimmed; header cells are
    CHECK(rows[1] == IdName{2, std::nullopt});
    CHECK(csv::read<std::vector<IdName>>("Id\n3").at(0) == IdName{3, std::nullopt});
    CHECK(csv::read<std::vector<IdName>>("").empty());
    CHECK(csv::read<std::vector<tt::strmap>>("a,b\n1,\n").at(0) == tt::strmap{{"a", "1"}});
}

TEST_CASE("streaming: row by row from a stream or chunks, any chunk size") {
    std::string doc = "Id,Name\r\n";
    for (int i = 0; i < 500; ++i) doc += std::to_string(i) + ",\"n " + std::to_string(i) + ",\r\n\"\"x\"\"\"\r\n";
    for (const std::size_t chunk : {1, 2, 3, 7, 64, 100000}) {
        csv::read_options o;
        o.chunk_size = chunk;
        std::istringstream in(doc);
        csv::row_stream<IdName> rows(in, o);
        IdName row;
        int n = 0;
        bool ok = true;
        while (rows.next(row)) {
            ok = ok && row.Id == n && row.Name == "n " + std::to_string(n) + ",\r\n\"x\"";
            ++n;
        }
        CHECK(ok);
        CHECK(n == 500);
        std::istringstream in2(doc);
        int m = 0;
        csv::read_rows<IdName>(in2, [&](IdName&& r) { m += r.Id == m ? 1 : 0; }, o);
        CHECK(m == 500);
    }
    csv::reader<IdName> r;
    std::vector<IdName> got;
    const auto push = [&](IdName&& x) { got.push_back(std::move(x)); };
    r.feed("Id,Na", push);
    r.feed("me\n1,\"a", push);
    CHECK(got.empty());
    r.feed("\n\"\n2,b", push);
    CHECK(got.size() == 1);
    r.finish(push);
    CHECK(got == std::vector<IdName>{{1, "a\n"}, {2, "b"}});
}

TEST_CASE("round trips: a rich DTO and the seed DTOs") {
    const auto o = utc();
    csv::read_options ro;
    ro.zone = &time_zone::utc();
    const std::vector<tt::Rich> rich{tt::make_rich(), tt::Rich{}};
    CHECK(csv::read<std::vector<tt::Rich>>(csv::write(rich, o), ro) == rich);

    using namespace sstk::apis;
    antel_api::ResetPassword rp;
    rp.ApiKey = "k";
    rp.Latitude = -33.9;
    rp.EmailAddress = "a@b.c";
    rp.Password = rp.PasswordConfirm = "s3,cret\"";
    CHECK(csv::write(std::vector<antel_api::ResetPassword>{rp}) ==
          "TemporaryPassword,EmailAddress,Password,PasswordConfirm,ApiKey,Latitude,Longitude\r\n"
          ",a@b.c,\"s3,cret\"\"\",\"s3,cret\"\"\",k,-33.9,\r\n");
    CHECK(csv::read<antel_api::ResetPassword>(csv::write(rp)) == rp);

    ResponseStatus st;
    st.ErrorCode = "ValidationException";
    st.Message = "Validation failed: 2 errors";
    st.Errors = std::vector<ResponseError>{{"NotEmpty", "Password", "'Password' must not be empty.", std::nullopt}};
    antel_api::ResetPasswordResponse rr;
    rr.SystemUserId = 5;
    rr.WasSuccessful = true;
    rr.ResponseStatus = st;
    // A nested string that needed JSV quoting comes back unquoted (ServiceStack's CSV loses it).
    CHECK(csv::read<antel_api::ResetPasswordResponse>(csv::write(rr)) == rr);

    platform_api::GetResetPasswordToken g;
    g.UserName = "bob";
    g.ApplianceId = guid::parse("b6170a18-3dd7-4a9b-b5d6-21033b5ad162");
    CHECK(csv::write(g) == "UserName,ApplianceId,SubdomainName,SuiteId,ApplianceLoginUrl\r\n"
                           "bob,b6170a183dd74a9bb5d621033b5ad162,,,\r\n");
    CHECK(csv::read<platform_api::GetResetPasswordToken>(csv::write(g)) == g);
    CHECK(csv::read<platform_api::GetResetPasswordTokenResponse>(csv::write(platform_api::GetResetPasswordTokenResponse{st})) ==
          platform_api::GetResetPasswordTokenResponse{st});
    platform_api::PasswordReset pr;
    pr.Token = "t";
    CHECK(csv::read<std::vector<platform_api::PasswordReset>>(csv::write(std::vector<platform_api::PasswordReset>{pr, pr})).size() == 2);
    ppw_assist::ResetPasswordResponse a;
    a.Success = true;
    a.ErrorMessage = "x";
    CHECK(csv::write(a) == "Username,Password,Success,ErrorMessage,ServerDateTime,ErrorType\r\n,,True,x,,SystemError\r\n");
    CHECK(csv::read<ppw_assist::ResetPasswordResponse>(csv::write(a)) == a);
    ppw_assist::ResetPasswordRequest q;
    q.Email = "a@b.c";
    CHECK(csv::read<ppw_assist::ResetPasswordRequest>(csv::write(q)) == q);
}

TEST_CASE("bad CSV: unterminated quotes, ragged rows, bad cells: kind, path, position") {
    {
        const error e = read_error<std::vector<IdName>>("Id,Name\n1,\"abc\n2,x\n");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.offset() == 10);
        CHECK(e.line() == 2);
        CHECK(e.column() == 3);
    }
    {
        const error e = read_error<std::vector<IdName>>("Id,Name\n1,a\n2,b,c\n");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.path() == "[1]");
        CHECK(e.offset() == 16);
        CHECK(e.line() == 3);
        CHECK(e.column() == 5);
    }
    {
        const error e = read_error<std::vector<IdName>>("Id,Name\n1,a\nx2,b\n");
        CHECK(e.kind() == errc::invalid_value);
        CHECK(e.path() == "[1].Id");
        CHECK(e.line() == 3);
        CHECK(e.column() == 1);
    }
    {
        const error e = read_error<std::vector<tt::Child>>("Id,Tags\n1,\"[a,\"\"b]\"\n");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.path() == "[0].Tags[1]");
        CHECK(e.offset() == 10);
    }
    CHECK(read_error<std::vector<IdName>>("Id,Name\n1,\"a\"b\n").kind() == errc::syntax);
    CHECK(read_error<IdName>("Id,Name\n1,a\n2,b\n").kind() == errc::syntax);
    std::istringstream in("Id\n1\n2\n3,4\n");
    csv::row_stream<IdName> rows(in);
    IdName row;
    CHECK(rows.next(row));
    CHECK(rows.next(row));
    try {
        rows.next(row);
        FAIL("expected an error");
    } catch (const error& e) {
        CHECK(e.path() == "[2]");
        CHECK(e.line() == 4);
        CHECK(e.column() == 3);
        CHECK(e.offset() == 9);
    }
}

TEST_CASE("dictionary keys are quoted in the header like cells, so they read back") {
    // Keys sort ordinally: '"' < '[' < 'a' < 'l' < 'p'.
    const std::vector<tt::strmap> rows{{{"a,b", "1"}, {"\"q\"", "2"}, {"line\nbreak", "3"}, {"[x", "4"}, {"plain", "5"}}};
    const std::string text = csv::write(rows);
    CHECK(text == "\"\"\"q\"\"\",\"[x\",\"a,b\",\"line\nbreak\",plain\r\n2,4,1,3,5\r\n");
    const auto back = csv::read<std::vector<tt::strmap>>(text);
    REQUIRE(back.size() == 1);
    CHECK(back[0] == tt::strmap{{"\"q\"", "2"}, {"[x", "4"}, {"a,b", "1"}, {"line\nbreak", "3"}, {"plain", "5"}});
    csv::write_options pipe;
    pipe.separator = "|";
    pipe.delimiter = "`";
    CHECK(csv::write(std::vector<tt::strmap>{{{"a|b", "1"}, {"c`d", "x|y"}}}, pipe) == "`a|b`|`c``d`\r\n1|`x|y`\r\n");
    // The fuzzer's input: the header key `"` (from an unquoted `\t"` cell) comes back as itself.
    const auto fuzzed = csv::read<std::vector<tt::strmap>>("\t\"\n3");
    CHECK(csv::read<std::vector<tt::strmap>>(csv::write(fuzzed)) == fuzzed);
}

// fuzz_csv, tests/fuzz/regressions/csv/header_key_starting_with_bom: the first header cell
// `\uFEFFd` was written raw, so the document began with EF BB BF, which the reader takes for a
// byte order mark: the key came back as `d`.
TEST_CASE("a cell starting with U+FEFF is quoted, so it is not taken for a byte order mark") {
    const std::string zwnbsp = "\xEF\xBB\xBF";
    const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD sorts after U+FEFF (keys are sorted ordinally)
    const std::vector<tt::strmap> rows{{{zwnbsp + "d", "1"}, {replacement, zwnbsp}}};
    const std::string text = csv::write(rows);
    CHECK(text == "\"" + zwnbsp + "d\"," + replacement + "\r\n1,\"" + zwnbsp + "\"\r\n");
    CHECK(csv::read<std::vector<tt::strmap>>(text) == rows);
    // A real BOM in front is still skipped.
    CHECK(csv::read<std::vector<tt::strmap>>(zwnbsp + text) == rows);
    // The first cell of a header-less row and a single scalar likewise.
    using cells = std::vector<ostr>;
    const cells row{zwnbsp + "x", "y"};
    CHECK(csv::write(row) == "\"" + zwnbsp + "x\",y\r\n");
    CHECK(csv::read<cells>(csv::write(row)) == row);
    CHECK(csv::write(zwnbsp + "z") == "\"" + zwnbsp + "z\"\r\n");
}

// fuzz_csv, tests/fuzz/regressions/csv/char_quote_cell: a char '"' (read from the JSV-quoted
// cell text """") was written as the cell """" (the char itself, CSV-quoted), whose text " the
// reader took for the start of a quoted JSV value: "unterminated quoted value".
TEST_CASE("a char cell is the character itself, a quote or a space included") {
    for (const char16_t ch : {u'"', u' ', u',', u'x', u'\u00e9', u'\u20ac', u'['}) {
        tt::Rich r;
        r.Ch = ch;
        const std::string text = csv::write(std::vector<tt::Rich>{r});
        INFO(text);
        CHECK(csv::read<std::vector<tt::Rich>>(text).at(0).Ch == ch);
    }
    CHECK(csv::read<std::vector<tt::Rich>>("Ch\n\"\"\"\"\n").at(0).Ch == u'"');
    CHECK(csv::read<std::vector<tt::Rich>>("Ch\n\"\"\"\"\"\"\"\"\"\"\n").at(0).Ch == u'"');  // the JSV-quoted """" still reads
    CHECK(csv::read<std::vector<tt::Rich>>("Ch\n x \n").at(0).Ch == u'x');                // trimmed when longer than one character
}

TEST_CASE("dictionary keys with surrounding whitespace are quoted and read back verbatim") {
    const std::vector<tt::strmap> rows{{{" a", "1"}, {"b\t", "2"}, {"c", "3"}}};
    const std::string text = csv::write(rows);
    CHECK(text == "\" a\",\"b\t\",c\r\n1,2,3\r\n");
    CHECK(csv::read<std::vector<tt::strmap>>(text) == rows);
    // Unquoted header cells are still trimmed.
    CHECK(csv::read<std::vector<tt::strmap>>(" a ,b\n1,2\n").at(0) == tt::strmap{{"a", "1"}, {"b", "2"}});
}

namespace {
// Everything a read gives back (rows, or the error with its position), for comparing readers.
std::string outcome(const std::function<void(std::vector<IdName>&)>& read) {
    std::vector<IdName> rows;
    try {
        read(rows);
    } catch (const error& e) {
        return "error " + std::string(e.what()) + " @" + std::to_string(e.offset()) + " " + std::to_string(e.line()) + ":" +
               std::to_string(e.column()) + " " + e.path();
    }
    std::string s;
    for (const auto& r : rows) s += std::to_string(r.Id) + "=" + (r.Name ? "[" + *r.Name + "]" : "null") + ";";
    return s;
}
}  // namespace

TEST_CASE("streaming in chunks of any size reads what a whole-document read does, errors included") {
    const std::vector<std::string> docs{
        "Id,Name\r\n1,a\r\n2,\"b\"\"c\"\r\n",
        "\xEF\xBB\xBFId,Name\n1,\"x\ny\"\n2,z",             // BOM, a line break inside quotes, no final LF
        "\xEF\xBBId,Name\n1,a\n",                            // an incomplete BOM is data (an unknown column)
        "Id,Name\r\n1,a\rb\r\n2,\"q\"\r\r\n3,\"r\"\r",        // lone CRs: data, also after a closing quote
        "Id,Name\n\n1,\n\n2,\"\"\n",                          // empty lines; a null and an empty name
        "Id,Name\n1,a\n2,\"b\"x\n",                           // a character after a closing quote
        "Id,Name\n1,\"open\n2,b\n",                           // unterminated
        "Id,Name\n1,a,extra\n",                               // more cells than the header
        "Id,Name\n1,a\nq\"\",b\n",                            // a bad Id on line 3
        "Id,Name\r\n7,\"multi\r\nline\",\r\n",               // a trailing separator is an empty cell
    };
    for (const std::string& doc : docs) {
        const std::string whole = outcome([&](std::vector<IdName>& rows) { csv::read(doc, rows); });
        for (std::size_t chunk = 1; chunk <= 5; ++chunk) {
            const std::string streamed = outcome([&](std::vector<IdName>& rows) {
                csv::reader<IdName> r;
                const auto push = [&](IdName&& x) { rows.push_back(std::move(x)); };
                for (std::size_t i = 0; i < doc.size(); i += chunk) r.feed(std::string_view(doc).substr(i, chunk), push);
                r.finish(push);
            });
            INFO("document " << doc << " chunk " << chunk);
            CHECK(streamed == whole);
        }
    }
    CHECK(outcome([](std::vector<IdName>& rows) { csv::read("\xEF\xBB\xBFId,Name\n1,\"x\ny\"\n2,z", rows); }) == "1=[x\ny];2=[z];");
    CHECK(outcome([](std::vector<IdName>& rows) { csv::read("Id,Name\r\n1,a\rb\r\n2,\"q\"\r\r\n3,\"r\"\r", rows); }) ==
          "1=[a\rb];2=[q\r];3=[r\r];");
}
