// Query strings and form bodies: the C# client's and QueryStringSerializer's vectors
// (research/servicestack-formats.md §5.2, §5.5), server-side binding (§5.4) with ServiceStack's
// defects fixed, round trips of rich and seed DTOs, and bad percent-escapes.
#include "../jsv/text_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/query.hpp>

#include <catch2/catch.hpp>

using namespace sstk;

namespace {
using ostr = std::optional<std::string>;

enum class Gender { None, Male, Female };
BOOST_DESCRIBE_ENUM(Gender, None, Male, Female)

struct Request {
    int Id = 0;
    ostr Name;
    ostr Included;
    ostr Excluded;
    Gender Gender1 = Gender::None;
    std::optional<Gender> Gender2;
    friend bool operator==(const Request&, const Request&) = default;
};
BOOST_DESCRIBE_STRUCT(Request, (), (Id, Name, Included, Excluded, Gender1, Gender2))
constexpr auto sstk_contract(sstk::type_tag<Request>) { return sstk::contract("Request").members(sstk::member("Excluded").ignore()); }

struct DcRequest {
    int Id = 0;
    ostr Included;
};
BOOST_DESCRIBE_STRUCT(DcRequest, (), (Id, Included))
constexpr auto sstk_contract(sstk::type_tag<DcRequest>) {
    return sstk::contract("DcRequest").data_contract().members(sstk::member("Id").rename("Key"), sstk::member("Included").rename("Inc"));
}

struct RichRequest {
    std::optional<std::vector<std::string>> StringList, StringSet, StringArray;
};
BOOST_DESCRIBE_STRUCT(RichRequest, (), (StringList, StringSet, StringArray))

struct Values {
    ostr Email;
    date_time When;
    std::optional<tt::strmap> Dict;
    std::optional<tt::Named> Nested;
    std::optional<std::vector<int>> Ids;
};
BOOST_DESCRIBE_STRUCT(Values, (), (Email, When, Dict, Nested, Ids))

// QueryStringWriterTests.Movie
struct QsMovie {
    ostr Id, Title;
    decimal Rating;
    ostr Director;
    date_time ReleaseDate;
    ostr TagLine;
    std::optional<std::vector<std::string>> Genres;
};
BOOST_DESCRIBE_STRUCT(QsMovie, (), (Id, Title, Rating, Director, ReleaseDate, TagLine, Genres))

struct C {
    std::optional<int> A, B;
};
BOOST_DESCRIBE_STRUCT(C, (), (A, B))
struct S {
    ostr A;
};
BOOST_DESCRIBE_STRUCT(S, (), (A))
struct Lower {
    ostr newline, tab;
    std::optional<std::vector<std::string>> list;
};
BOOST_DESCRIBE_STRUCT(Lower, (), (newline, tab, list))
struct P {
    ostr Property;
};
BOOST_DESCRIBE_STRUCT(P, (), (Property))
struct B {
    ostr Property, Property2, Property3;
    friend bool operator==(const B&, const B&) = default;
};
BOOST_DESCRIBE_STRUCT(B, (), (Property, Property2, Property3))
struct A {
    std::optional<std::vector<B>> ListOfB;
    friend bool operator==(const A&, const A&) = default;
};
BOOST_DESCRIBE_STRUCT(A, (), (ListOfB))
struct ListOfAs {
    std::optional<std::vector<A>> ListOfA;
    friend bool operator==(const ListOfAs&, const ListOfAs&) = default;
};
BOOST_DESCRIBE_STRUCT(ListOfAs, (), (ListOfA))

Request req(int id, ostr name = {}, ostr inc = {}, ostr exc = {}, Gender g1 = Gender::None, std::optional<Gender> g2 = {}) {
    return Request{id, std::move(name), std::move(inc), std::move(exc), g1, g2};
}
B b(ostr p1, ostr p2 = {}, ostr p3 = {}) { return B{std::move(p1), std::move(p2), std::move(p3)}; }

query::write_options qss() { return query::write_options::for_style(query::style::query_string_serializer); }

query::write_options in_utc(query::write_options o = {}) {
    o.zone = &time_zone::utc();
    return o;
}

template <class T>
error read_error(std::string_view text) {
    auto r = query::try_read<T>(text);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}
}  // namespace

TEST_CASE("Uri.EscapeDataString and UrlEncode") {
    std::string s;
    query::escape_data_string(s, "amp&mod%space comma,dot.colon:semicolon;slash/");
    CHECK(s == "amp%26mod%25space%20comma%2Cdot.colon%3Asemicolon%3Bslash%2F");  // Show_what_uri_escaping_encodes
    s.clear();
    query::escape_data_string(s, "-._~AZaz09");
    CHECK(s == "-._~AZaz09");
    s.clear();
    query::url_encode(s, "Field with comma, to demo. _~'\xEB\xAF\xAC\xE3\xBC\xBC");
    CHECK(s == "Field+with+comma,+to+demo.+%5f%7e%27%eb%af%ac%e3%bc%bc");
}

TEST_CASE("the C# client's query strings (UrlExtensionTests)") {
    const std::string_view id[] = {"Id"};
    query::write_options path_id;
    path_id.exclude = id;
    CHECK(query::write(req(1, "foo"), path_id) == "name=foo");
    CHECK(query::write(req(1, std::nullopt, "Yes", "No"), path_id) == "included=Yes");
    CHECK(query::write(DcRequest{1, "Yes"}) == "key=1&inc=Yes");  // DataMember names camelCased too
    const std::string_view key[] = {"Key"};
    query::write_options path_key;
    path_key.exclude = key;
    CHECK(query::write(DcRequest{1, "Yes"}, path_key) == "inc=Yes");
    CHECK(query::write(req(1), path_id).empty());  // non-nullable enum default skipped
    CHECK(query::write(req(1, std::nullopt, std::nullopt, std::nullopt, Gender::Male), path_id) == "gender1=Male");
    CHECK(query::write(req(1, std::nullopt, std::nullopt, std::nullopt, Gender::None, Gender::None), path_id) == "gender2=None");
    CHECK(query::write(req(1)) == "id=1");  // ToOneWayUrl: /json/oneway/JustId?id=1
    const Request full = req(3, "n", "i", std::nullopt, Gender::Female, Gender::None);
    CHECK(query::read<Request>(query::write(full)) == full);
    RichRequest rr{std::vector<std::string>{"d", "e", "f"}, std::vector<std::string>{"g", "h", "i"}, std::vector<std::string>{"a", "b", "c"}};
    CHECK(query::write(rr) == "stringList=d%2Ce%2Cf&stringSet=g%2Ch%2Ci&stringArray=a%2Cb%2Cc");  // ReqStarsService
    Values v;
    v.Email = "a@b.c";
    v.When = date_time::from_civil(2013, 1, 2, 3, 4, 5, 0, date_time_kind::utc);
    v.Dict = tt::strmap{{"A", "1"}};
    v.Nested = tt::Named{"x"};
    v.Ids = std::vector<int>{};
    CHECK(query::write(v, in_utc()) == "email=a%40b.c&when=2013-01-02T03%3A04%3A05Z&dict=%7BA%3A1%7D&nested=%7BName%3Ax%7D&ids=%5B%5D");
    query::write_options skip = in_utc();
    skip.skip_empty_arrays = true;
    CHECK(query::write(v, skip).ends_with("%7BName%3Ax%7D"));
    query::write_options snake;
    snake.casing = casing::snake;
    CHECK(query::write(rr, snake).starts_with("string_list=d%2Ce%2Cf&"));
}

TEST_CASE("ServiceStack.Text QueryStringSerializer vectors") {
    QsMovie m{"tt0110912", "Pulp Fiction", decimal::parse("8.9"), "Quentin Tarantino",
              date_time::from_civil(1994, 10, 24, 0, 0, 0, 0, date_time_kind::utc),
              "Girls like me don't make invitations like this to just anyone!",
              std::vector<std::string>{"Crime", "Drama", "Thriller"}};
    CHECK(query::write(m, qss()) ==
          "Id=tt0110912&Title=Pulp+Fiction&Rating=8.9&Director=Quentin+Tarantino&ReleaseDate=1994-10-24&TagLine=Girls+like+me+don%27t+"
          "make+invitations+like+this+to+just+anyone%21&Genres=Crime,Drama,Thriller");
    CHECK(query::write(C{1, 2}, qss()) == "A=1&B=2");
    CHECK(query::write(C{std::nullopt, 2}, qss()) == "B=2");
    CHECK(query::write(S{"Field with comma, to demo. "}, qss()) == "A=Field+with+comma,+to+demo.+");
    CHECK(query::write(Lower{"\r\n", "\t", std::vector<std::string>{"Foo:Bar", "Get:Out"}}, qss()) == "newline=%0d%0a&tab=%09&list=Foo%3aBar,Get%3aOut");
    CHECK(query::write(P{"\"quoted content\""}, qss()) == "Property=%22quoted+content%22");
    CHECK(query::write(P{"Foo,Bar"}, qss()) == "Property=Foo,Bar");
    CHECK(query::write(P{"Foo&Bar"}, qss()) == "Property=Foo%26Bar");
    ListOfAs la{std::vector<A>{A{std::vector<B>{b("prop1"), b("prop2")}}}};
    CHECK(query::write(la, qss()) == "ListOfA={ListOfB:[{Property:prop1},{Property:prop2}]}");
    ListOfAs doe{std::vector<A>{A{std::vector<B>{b("Doe, John", "Doe", "John")}}}};
    CHECK(query::write(doe, qss()) == "ListOfA={ListOfB:[{Property:%22Doe,+John%22,Property2:Doe,Property3:John}]}");
    CHECK(query::read<ListOfAs>("ListOfA={ListOfB:[{Property:%22Doe,+John%22,Property2:Doe,Property3:John}]}") == doe);
    CHECK(query::write(tt::Child{5, std::nullopt, std::vector<ostr>{"a", "b,c", "d\"e"}}, qss()) == "Id=5&Tags=a,%22b,c%22,d%22e");
    CHECK(query::read<tt::Child>("Id=5&Tags=a,%22b,c%22,d%22e").Tags == std::vector<ostr>{"a", "b,c", "d\"e"});
}

TEST_CASE("fixed defects: unencoded '+' and nested lists read back right") {
    // QueryStringSerializer writes offsets, exponents and base64 with a raw '+', which a server
    // decodes as a space; the reader restores it.
    const auto f = query::read<tt::FindMovies>("since=2021-03-04T05:06:07.8900000+02:00&after=2021-03-04 05:06:07");
    REQUIRE(f.Since.has_value());
    CHECK(f.Since->offset_minutes() == 120);
    CHECK(f.After.hour() == 5);
    const auto r = query::read<tt::Rich>("Dbl=1E+21&Bytes=+/8=&When=2021-03-04T05:06:07.8900000+00:00");
    CHECK(r.Dbl == 1e21);
    CHECK(r.Bytes == std::vector<std::uint8_t>{0xfb, 0xff});
    // sstk's own serializer style encodes them.
    tt::Rich w;
    w.Dbl = 1e21;
    w.Offset = date_time_offset(date_time::from_civil(2021, 3, 4, 5, 6, 7).ticks(), 120);
    const std::string qs = query::write(w, qss());
    CHECK(qs.find("Dbl=1E%2b21") != std::string::npos);
    CHECK(qs.find("Offset=2021-03-04T05%3a06%3a07.0000000%2b02%3a00") != std::string::npos);
    CHECK(query::read<tt::Rich>(qs).Offset == w.Offset);
    // List<List<int>>: .NET trims every bracket (1,2],[3); sstk keeps the outer pair for nested lists.
    tt::Rich n;
    n.Nested = std::vector<std::vector<int>>{{1, 2}, {3}};
    CHECK(query::write(n, qss()).find("Nested=[[1,2],[3]]") != std::string::npos);
    CHECK(query::write(n).find("nested=%5B%5B1%2C2%5D%2C%5B3%5D%5D") != std::string::npos);
    CHECK(query::read<tt::Rich>(query::write(n)).Nested == n.Nested);
    CHECK(query::read<tt::Rich>(query::write(n, qss())).Nested == n.Nested);
}

TEST_CASE("server binding: keys, lists, maps, objects, repeated keys, form brackets") {
    const auto g = query::read<apis::platform_api::GetResetPasswordToken>(
        "?USERNAME=bob%20smith&applianceId=b6170a18-3dd7-4a9b-b5d6-21033b5ad162&subdomain_name=x+y&unknown=1");
    CHECK(g.UserName == "bob smith");
    CHECK(g.ApplianceId == guid::parse("b6170a183dd74a9bb5d621033b5ad162"));
    CHECK(g.SubdomainName == "x y");
    CHECK(query::read<tt::FindMovies>("ids=1,2,3").Ids == std::vector<int>{1, 2, 3});
    CHECK(query::read<tt::FindMovies>("ids=[1,2,3]").Ids == std::vector<int>{1, 2, 3});
    CHECK(query::read<tt::FindMovies>("ids=1&ids=2").Ids == std::vector<int>{1, 2});
    CHECK(query::read<tt::FindMovies>("desc=true").Desc);
    CHECK(query::read<tt::FindMovies>("desc=True").Desc);
    CHECK(query::read<tt::FindMovies>("title=").Title == "");
    CHECK(query::read<tt::FindMovies>("title").Title == std::nullopt);
    CHECK(query::read<tt::FindMovies>("skip=").Skip == std::nullopt);
    const auto f = query::read<tt::FindMovies>("filter={Id:1,DisplayName:x y}&genres=Crime,Drama");
    CHECK(f.Filter == jt::Obj{1, 0, "x y"});
    CHECK(f.Genres == std::vector<std::string>{"Crime", "Drama"});
    const auto m = query::read<tt::Rich>("Map={k:v,k2:v2}&One[Id]=6&One[Name]=a%2Cb&IntMap[1]=one");
    CHECK(m.Map == tt::strmap{{"k", "v"}, {"k2", "v2"}});
    CHECK(m.One == tt::Child{6, "a,b", std::nullopt});
    CHECK(m.IntMap == std::map<int, std::string>{{1, "one"}});
    query::write_options form = qss();
    form.complex = query::complex_strategy::form_url_encoded;
    tt::Rich w;
    w.One = tt::Child{6, "a b", std::nullopt};
    w.Map = tt::strmap{{"k", "v"}};
    const std::string body = query::write(w, form);
    CHECK(body.find("One[Id]=6&One[Name]=a+b") != std::string::npos);
    CHECK(body.find("Map[k]=v") != std::string::npos);
    const auto back = query::read<tt::Rich>(body);
    CHECK(back.One == w.One);
    CHECK(back.Map == w.Map);
}

TEST_CASE("round trips: a rich DTO and the seed request DTOs") {
    query::read_options ro;
    ro.zone = &time_zone::utc();
    tt::Rich r = tt::make_rich();
    r.Strs = std::vector<ostr>{"a", "b,c", "", "d\"e", "{x}"};  // a list's null item has no query form of its own
    r.Text = "Hello, \"World\": & = + % [x] {y}\r\nline2";
    CHECK(query::read<tt::Rich>(query::write(r, in_utc()), ro) == r);
    CHECK(query::read<tt::Rich>(query::write(r, in_utc(qss())), ro) == r);
    tt::FindMovies fm;
    fm.Genres = std::vector<std::string>{"Sci-Fi", "Film Noir"};
    fm.Take = 10;
    fm.Skip = 0;
    fm.Title = "a&b=c";
    fm.After = date_time::from_civil(2013, 1, 2, 3, 4, 5, 0, date_time_kind::utc);
    fm.Filter = jt::Obj{1, 2, "d"};
    CHECK(query::write(fm, in_utc()) ==
          "genres=Sci-Fi%2CFilm%20Noir&take=10&skip=0&title=a%26b%3Dc&after=2013-01-02T03%3A04%3A05Z&filter=%7BId%3A1%2CRootId%3A2%2CDisplayName%3Ad%7D");
    CHECK(query::read<tt::FindMovies>(query::write(fm, in_utc()), ro) == fm);

    using namespace sstk::apis;
    platform_api::GetResetPasswordToken g;
    g.UserName = "bob smith";
    g.ApplianceId = guid::parse("b6170a18-3dd7-4a9b-b5d6-21033b5ad162");
    g.ApplianceLoginUrl = "https://x.example/login?a=1&b=2";
    const std::string_view user[] = {"UserName"};
    query::write_options path;
    path.exclude = user;
    CHECK(query::write(g, path) == "applianceId=b6170a183dd74a9bb5d621033b5ad162&applianceLoginUrl=https%3A%2F%2Fx.example%2Flogin%3Fa%3D1%26b%3D2");
    CHECK(query::read<platform_api::GetResetPasswordToken>(query::write(g)) == g);
    platform_api::PasswordReset pr;
    pr.NewPassword = pr.ConfirmPassword = "p w+%";
    pr.Token = "t";
    CHECK(query::read<platform_api::PasswordReset>(query::write(pr)) == pr);
    CHECK(query::read<platform_api::PasswordReset>(query::write(pr, qss())) == pr);
    antel_api::ResetPassword rp;
    rp.ApiKey = "k";
    rp.Latitude = -33.9;
    rp.Longitude = 18.4;
    rp.EmailAddress = "a@b.c";
    rp.Password = rp.PasswordConfirm = "s3cret!";
    CHECK(query::write(rp) == "emailAddress=a%40b.c&password=s3cret%21&passwordConfirm=s3cret%21&apiKey=k&latitude=-33.9&longitude=18.4");
    CHECK(query::read<antel_api::ResetPassword>(query::write(rp)) == rp);
    CHECK(query::read<antel_api::ResetPassword>(query::write(rp, qss())) == rp);
    ppw_assist::ResetPasswordRequest q;
    q.Email = "a@b.c";
    q.PasswordResetCode = "123 456";
    CHECK(query::read<ppw_assist::ResetPasswordRequest>(query::write(q)) == q);
    ppw_assist::ResetPasswordResponse resp;
    resp.Success = true;
    resp.ErrorType = ppw_assist::Errors::SystemError;
    CHECK(query::read<ppw_assist::ResetPasswordResponse>(query::write(resp, qss())) == resp);
}

// fuzz_query, tests/fuzz/regressions/query/any_null_entry_dropped: `any={Id:` and `any={Id:7?=}`
// join to `{Id:,{Id:7?=}`, an untyped object with a null entry `Id`, which the writer dropped.
TEST_CASE("untyped members: what the reader gives writes back to the same value, in both styles") {
    const auto e = query::read<jt::Everything>("any={Id:&any={Id:7?=}");
    REQUIRE(e.Any.is_object());
    CHECK(e.Any.at("Id").is_null());
    CHECK(e.Any.at("{Id") == "7?=");
    CHECK(query::write(e).find("&any=%7BId%3A%2C%22%7BId%22%3A7%3F%3D%7D") != std::string::npos);
    CHECK(query::read<jt::Everything>(query::write(e)).Any == e.Any);
    CHECK(query::read<jt::Everything>(query::write(e, qss())).Any == e.Any);

    jt::Everything w;
    w.Any = boost::json::parse(R"({" k ":{"a":null,"b":[null,""," "]},"":"x,y","l":[[],{}]})");
    CHECK(query::write(w, qss()).find("&Any={%22+k+%22:{a:,b:[,%22%22,+]},%22%22:%22x,y%22,l:[[],{}]}") != std::string::npos);
    CHECK(query::read<jt::Everything>(query::write(w)).Any == w.Any);
    CHECK(query::read<jt::Everything>(query::write(w, qss())).Any == w.Any);

    // A list of one null item has no form (it would read back empty): an error naming the member.
    w.Any = boost::json::parse(R"({"l":[null]})");
    auto r = query::try_write(w);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::invalid_value);
    CHECK(r.error().path().starts_with("Any"));
}

// A char holding whitespace is written raw, as ServiceStack writes a char; it reads back as itself.
TEST_CASE("a char holding whitespace reads back as itself") {
    for (const char16_t c : {u' ', u'\t', u'\n', u'\r'}) {
        jt::Everything e;
        e.Ch = c;
        CHECK(query::read<jt::Everything>(query::write(e)).Ch == c);
        CHECK(query::read<jt::Everything>(query::write(e, qss())).Ch == c);
    }
    CHECK(query::read<jt::Everything>("ch=%20").Ch == u' ');
    CHECK(query::read<jt::Everything>("ch=+x+").Ch == u'x');  // surrounding whitespace of a character is still trimmed
}

TEST_CASE("bad input: invalid percent-escapes and values, with kind, path and position") {
    {
        const error e = read_error<tt::FindMovies>("take=1&title=%G1");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.offset() == 13);
        CHECK(e.column() == 14);
    }
    {
        const error e = read_error<tt::FindMovies>("title=ab%4");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.offset() == 8);
    }
    CHECK(read_error<tt::FindMovies>("ti%zztle=1").offset() == 2);
    {
        const error e = read_error<tt::FindMovies>("skip=1&take=abc");
        CHECK(e.kind() == errc::invalid_value);
        CHECK(e.path() == "Take");
        CHECK(e.offset() == 12);
    }
    {
        const error e = read_error<tt::FindMovies>("ids=1,x");
        CHECK(e.path() == "Ids[1]");
        CHECK(e.offset() == 6);
    }
    CHECK(read_error<tt::FindMovies>("take=99999999999").kind() == errc::out_of_range);
    CHECK(read_error<tt::FindMovies>("filter={Id:1").kind() == errc::syntax);
    query::read_options strict;
    strict.unknown_members = jsv::unknown_member_policy::error;
    auto r = query::try_read<tt::FindMovies>("take=1&nope=2", strict);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::unknown_member);
    CHECK(r.error().offset() == 7);
}

TEST_CASE("binding in place: a reused target gets every member the input leaves out reset") {
    tt::FindMovies target = query::read<tt::FindMovies>("title=first%20one&take=5&ids=1,2,3&genres=Crime");
    CHECK(target.Title == "first one");
    query::read("ids=7&title=", target);
    CHECK(target.Ids == std::vector<int>{7});
    CHECK(target.Title == "");
    CHECK(target.Take == 0);
    CHECK(target.Genres == std::nullopt);
    // Escaped values joined by a repeated key, and an escaped nested value with its offsets.
    CHECK(query::read<tt::FindMovies>("genres=a%2Cb&genres=c+d").Genres == std::vector<std::string>{"a", "b", "c d"});
    const error e = read_error<tt::FindMovies>("filter=%7BId%3Ax%7D");
    CHECK(e.path() == "Filter.Id");
    CHECK(e.offset() == 7);  // decoded text: the raw value's start
    // A malformed escape is an error even in a key no member has.
    CHECK(read_error<tt::FindMovies>("take=1&nope=%4").offset() == 12);
}
