// JSV reader: ServiceStack's vectors read back, its reading rules, round trips of rich and seed
// DTOs, and malformed input with error kind, path and position.
#include "text_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/jsv.hpp>

#include <catch2/catch.hpp>

using namespace sstk;

namespace {
template <class T>
error read_error(std::string_view text) {
    auto r = jsv::try_read<T>(text);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

template <class T>
void round_trip(const T& v, const jsv::write_options& o = {}) {
    const std::string text = jsv::write(v, o);
    INFO(text);
    jsv::read_options ro;
    ro.zone = o.zone;
    CHECK(jsv::read<T>(text, ro) == v);
}
}  // namespace

TEST_CASE("the library's vectors read back") {
    CHECK(jsv::read<tt::strmap>("{One:1st,Two:2nd,Three:3rd}") == tt::strmap{{"One", "1st"}, {"Two", "2nd"}, {"Three", "3rd"}});
    CHECK(jsv::read<tt::strmap>(R"({One:"""1st",Two:"2:nd",Three:"3r,d",Four:four%})") ==
          tt::strmap{{"One", "\"1st"}, {"Two", "2:nd"}, {"Three", "3r,d"}, {"Four", "four%"}});
    // Can_parse_string_list_with_special_chars_as_object: an unquoted ':' is fine in a value.
    CHECK(jsv::read<std::vector<std::string>>(R"(["""1st",2:nd,"3r,d",four%])") ==
          std::vector<std::string>{"\"1st", "2:nd", "3r,d", "four%"});
    CHECK(jsv::read<std::vector<std::string>>("[]").empty());
    CHECK(jsv::read<std::vector<std::vector<double>>>("[[1,0],[0,1]]") == std::vector<std::vector<double>>{{1, 0}, {0, 1}});
    CHECK(jsv::read<std::string>(R"("https://url.com")") == "https://url.com");
    CHECK(jsv::read<std::vector<std::string>>(R"(["a, b",c 'd])") == std::vector<std::string>{"a, b", "c 'd"});
    CHECK(jsv::read<tt::WithObj>("{Obj:{Key:Value}}") == tt::WithObj{tt::strmap{{"Key", "Value"}}});
    CHECK(jsv::read<tt::IdNameObj>("{Id:1234,Name:TEST,Obj:{}}") == tt::IdNameObj{1234, "TEST", tt::strmap{}});
    CHECK(jsv::read<tt::WithExcludes>("{Excludes:[{Key:Value},{Key:Value}]}").Excludes->size() == 2);
    const auto p = jsv::read<jt::Person>("{MyID:123,Name:Abc}");
    CHECK(p.Id == 123);
    CHECK(p.Name == "Abc");
    CHECK(jsv::read<tt::Named>(R"({Name:"Me, Junior"})").Name == "Me, Junior");
    CHECK(jsv::read<tt::Sized>(R"({Size:"2"" x 1"""})").Size == "2\" x 1\"");
    CHECK(jsv::read<tt::BasicData>("{Float:1.1,Double:2.2,Decimal:3.3}") == tt::BasicData{1.1f, 2.2, decimal::parse("3.3")});
    const auto f = jsv::read<jt::UnsignedFlags>("{EnumProp1:3,EnumProp2:8}");
    CHECK(static_cast<int>(f.EnumProp1) == 3);
    CHECK(f.EnumProp2 == jt::ULongFlags::Eight);
    CHECK(jsv::read<tt::Day>("SUN") == tt::Day::Sunday);
    CHECK(jsv::read<guid>("adfa988b01f6490db65b63750f869496") == guid::parse("adfa988b-01f6-490d-b65b-63750f869496"));
    CHECK(jsv::read<date_time>("1979-05-09T00:00:00.0010000Z") == date_time::from_civil(1979, 5, 9, 0, 0, 0, 10000, date_time_kind::utc));
    CHECK(jsv::read<time_span>("-PT1H30M") == -time_span::from_minutes(90));
}

TEST_CASE("reading rules: keys, whitespace, null, empty, quoted keys, bools") {
    CHECK(jsv::read<tt::Named>("{name:x}").Name == "x");
    CHECK(jsv::read<tt::Named>("{NAME:x}").Name == "x");
    CHECK(jsv::read<tt::Named>(R"({"Name":x})").Name == "x");  // current ServiceStack unquotes keys
    // Whitespace in string values is kept (ServiceStack: "{ UserName : jane }" → " jane ").
    CHECK(jsv::read<tt::Named>("{ Name : jane }").Name == " jane ");
    CHECK(jsv::read<tt::Named>("{Name:null}").Name == "null");
    CHECK(jsv::read<tt::Named>("{Name:}").Name == std::nullopt);
    CHECK(jsv::read<tt::Named>(R"({Name:""})").Name == "");
    CHECK(jsv::read<tt::Child>("{ Id : 5 , Tags : [ a , b ] }").Id == 5);
    CHECK(jsv::read<tt::Child>("{Id:5,Tags:[ a , b ]}").Tags == std::vector<std::optional<std::string>>{" a ", " b "});
    CHECK(jsv::read<std::vector<bool>>("[True,false,TRUE,1,0]") == std::vector<bool>{true, false, true, true, false});
    CHECK(jsv::read<std::vector<std::optional<int>>>("[1,,3]") == std::vector<std::optional<int>>{1, std::nullopt, 3});
    CHECK(jsv::read<std::vector<std::optional<std::string>>>("[a,]") == std::vector<std::optional<std::string>>{"a", std::nullopt});
    CHECK(jsv::read<std::vector<int>>("1,2,3") == std::vector<int>{1, 2, 3});  // top-level list without brackets
    CHECK(jsv::read<jt::Obj>("{Id:1,Unknown:{a:[1,{b:\"}\"}]},RootId:2}").RootId == 2);
    CHECK(jsv::read<tt::Named>("{Name:{A:1,B:[x]}}").Name == "{A:1,B:[x]}");  // a string holding JSV
    CHECK(jsv::read<jt::Permission>("Read, Write") == static_cast<jt::Permission>(3));
    CHECK(jsv::read<jt::Color>("blue") == jt::Color::Blue);
    CHECK(jsv::read<char16_t>(R"(",")") == u',');
    CHECK(jsv::read<char16_t>("x") == u'x');
    CHECK(jsv::read<char16_t>(" ") == u' ');     // ServiceStack writes a space char raw
    CHECK(jsv::read<char16_t>(" x ") == u'x');   // around a character, whitespace is trimmed
    CHECK_THROWS_AS(jsv::read<char16_t>("  "), sstk::error);
}

TEST_CASE("untyped members read JSV structure with string scalars") {
    const auto v = jsv::read<boost::json::value>("{a:1,b:[x,\"y,z\"],c:{d:}}");
    CHECK(v.at("a") == "1");
    CHECK(v.at("b").at(1) == "y,z");
    CHECK(v.at("c").at("d").is_null());
    CHECK(jsv::write(v) == R"({a:1,b:[x,"y,z"],c:{d:}})");
}

// fuzz_jsv, tests/fuzz/regressions/jsv/any_null_entry_dropped: `{…,Fla7.8900t:,…}` inside an
// untyped member read as a null entry, which the writer dropped, so the object lost a key.
TEST_CASE("untyped members: what the reader gives writes back to the same value") {
    const auto v = jsv::read<boost::json::value>(R"({a:,b:[,],c:{d:}," k ":x,"":y,e:[],f:{},g:" ",h:""})");
    REQUIRE(v.is_object());
    CHECK(v.at("a").is_null());
    CHECK(v.at("b") == boost::json::array{nullptr, nullptr});
    CHECK(v.at(" k ") == "x");
    CHECK(v.at("") == "y");
    CHECK(v.at("h") == "");
    const std::string text = jsv::write(v);
    CHECK(text == R"({a:,b:[,],c:{d:}," k ":x,"":y,e:[],f:{},g: ,h:""})");
    CHECK(jsv::read<boost::json::value>(text) == v);

    jt::Everything e;
    e.Any = v;
    CHECK(jsv::read<jt::Everything>(jsv::write(e)).Any == v);
}

TEST_CASE("untyped members: keys with surrounding whitespace are quoted; numbers and bools read back as their text") {
    const auto v = boost::json::parse(R"({" a":1,"b ":[true,2.5,null,"x"],"\t":{"n":null}})");
    const std::string text = jsv::write(v);
    CHECK(text == "{\" a\":1,\"b \":[True,2.5,,x],\"\t\":{n:}}");
    // JSV carries no types: a number or bool comes back as its text (as ServiceStack reads an
    // object member), everything else as it was.
    CHECK(jsv::read<boost::json::value>(text) == boost::json::parse(R"({" a":"1","b ":["True","2.5",null,"x"],"\t":{"n":null}})"));
    // Typed dictionaries too.
    const sstk::dictionary<std::string, int> m{{" x", 1}, {"y ", 2}, {"z", 3}};
    CHECK(jsv::write(m) == R"({" x":1,"y ":2,z:3})");
    CHECK(jsv::read<sstk::dictionary<std::string, int>>(jsv::write(m)) == m);
}

TEST_CASE("a list of one null item has no JSV form: an error, not the empty list") {
    auto r = jsv::try_write(boost::json::parse(R"({"x":[1,[null]]})"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::invalid_value);
    CHECK(r.error().path() == R"(["x"][1][0])");
    auto typed = jsv::try_write(std::vector<std::optional<int>>{std::nullopt});
    REQUIRE_FALSE(typed.has_value());
    CHECK(typed.error().path() == "[0]");
    // Two nulls, or a null after a value, have a form.
    CHECK(jsv::write(std::vector<std::optional<int>>{std::nullopt, std::nullopt}) == "[,]");
    CHECK(jsv::read<std::vector<std::optional<int>>>("[,]") == std::vector<std::optional<int>>{std::nullopt, std::nullopt});
    CHECK(jsv::write(boost::json::parse("[[],[\"\"]]")) == R"([[],[""]])");
}

TEST_CASE("round trips: a rich DTO and every shape") {
    jsv::write_options o;
    o.zone = &time_zone::utc();
    round_trip(tt::make_rich(), o);
    o.casing = casing::camel;
    round_trip(tt::make_rich(), o);
    o.casing = casing::snake;
    round_trip(tt::make_rich(), o);
    round_trip(tt::Rich{}, o);
    round_trip(std::vector<std::optional<std::string>>{"", " x ", "a\r\nb", "\"", std::nullopt, "z"});
    round_trip(std::vector<char16_t>{u',', u'"', u'[', u':', u'a', u' ', u'\t', u'\n'});
    jt::Movie m;
    m.Id = 1;
    m.Title = "The Shawshank Redemption";
    m.Rating = decimal::parse("9.20");
    m.ReleaseDate = date_time::from_civil(1995, 2, 17, 0, 0, 0, 0, date_time_kind::utc);
    m.Genres = std::vector<std::string>{"Crime", "Drama"};
    tt::MovieResponse resp;
    resp.Total = 1;
    resp.Results = std::vector<jt::Movie>{m, m};
    resp.Meta = tt::metamap{{"k", "v"}};
    o.casing = casing::camel;
    const std::string text = jsv::write(resp, o);
    CHECK(text == "{offset:0,total:1,results:[{id:1,title:The Shawshank Redemption,rating:9.20,releaseDate:1995-02-17,"
                  "genres:[Crime,Drama]},{id:1,title:The Shawshank Redemption,rating:9.20,releaseDate:1995-02-17,"
                  "genres:[Crime,Drama]}],meta:{k:v}}");
    CHECK(jsv::read<tt::MovieResponse>(text).Results->at(1).Rating == decimal::parse("9.20"));
}

TEST_CASE("round trips: each seed DTO") {
    using namespace sstk::apis;
    ResponseStatus status;
    status.ErrorCode = "ValidationException";
    status.Message = "Validation failed: 2 errors";
    status.Errors = std::vector<ResponseError>{{"NotEmpty", "Password", "'Password' must not be empty.", tt::metamap{{"PropertyName", "Password"}}},
                                               {"Email", "EmailAddress", "not, an: email", std::nullopt}};

    antel_api::ResetPassword rp;
    rp.ApiKey = "k";
    rp.Latitude = -33.9;
    rp.Longitude = 18.4;
    rp.EmailAddress = "a@b.c";
    rp.Password = rp.PasswordConfirm = "s3cret!,{}";
    rp.TemporaryPassword = "";
    CHECK(jsv::write(rp) ==
          R"({TemporaryPassword:"",EmailAddress:a@b.c,Password:"s3cret!,{}",PasswordConfirm:"s3cret!,{}",ApiKey:k,Latitude:-33.9,Longitude:18.4})");
    round_trip(rp);
    antel_api::ResetPasswordResponse rr;
    rr.SystemUserId = 5;
    rr.WasSuccessful = false;
    rr.ResponseStatus = status;
    round_trip(rr);

    antel_merchandiser::ResetPassword mp;
    mp.ApiKey = "key";
    mp.Password = "p";
    round_trip(mp);
    antel_merchandiser::ResetPasswordResponse mr;
    mr.Heading = "Done";
    mr.Description = "Line 1\nLine 2";
    mr.ResponseStatus = status;
    round_trip(mr);

    platform_api::GetResetPasswordToken g;
    g.UserName = "bob smith";
    g.ApplianceId = guid::parse("b6170a18-3dd7-4a9b-b5d6-21033b5ad162");
    g.ApplianceLoginUrl = "https://x.example/login?a=1&b=2";
    CHECK(jsv::write(g) ==
          R"({UserName:bob smith,ApplianceId:b6170a183dd74a9bb5d621033b5ad162,ApplianceLoginUrl:"https://x.example/login?a=1&b=2"})");
    round_trip(g);
    round_trip(platform_api::GetResetPasswordTokenResponse{status});
    platform_api::PasswordReset pr;
    pr.NewPassword = pr.ConfirmPassword = "p\"w";
    pr.Token = "t";
    round_trip(pr);
    round_trip(platform_api::PasswordResetResponse{status});

    ppw_assist::ResetPasswordRequest q;
    q.Email = "a@b.c";
    q.NewPassword = "x";
    round_trip(q);
    ppw_assist::ResetPasswordResponse a;
    a.Success = true;
    a.ServerDateTime = "2024-01-02 03:04:05";
    a.Username = "u";
    CHECK(jsv::write(a) == R"({Username:u,Success:True,ServerDateTime:"2024-01-02 03:04:05",ErrorType:SystemError})");
    round_trip(a);
}

TEST_CASE("malformed JSV: errors with kind, member path and position") {
    {
        const error e = read_error<tt::Named>(R"({Name:"abc})");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.offset() == 6);
        CHECK(e.path() == "Name");
        CHECK(e.column() == 7);
    }
    {
        const error e = read_error<jt::Everything>("{Children:[{Id:1},\n{Id:x1}]}");
        CHECK(e.kind() == errc::invalid_value);
        CHECK(e.path() == "Children[1].Id");
        CHECK(e.offset() == 23);
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
    }
    {
        const error e = read_error<jt::Everything>("{Int:99999999999}");
        CHECK(e.kind() == errc::out_of_range);
        CHECK(e.path() == "Int");
        CHECK(e.offset() == 5);
    }
    CHECK(read_error<jt::Everything>("{Int:}").kind() == errc::type_mismatch);
    CHECK(read_error<jt::Everything>("{Int:1").kind() == errc::syntax);
    CHECK(read_error<jt::Everything>("{Int 1}").kind() == errc::syntax);
    CHECK(read_error<jt::Everything>("[1]").kind() == errc::type_mismatch);
    CHECK(read_error<jt::Everything>("{Color:Purple}").path() == "Color");
    CHECK(read_error<jt::Everything>(R"({Str:"a"b})").kind() == errc::syntax);
    CHECK(read_error<jt::Everything>("{IntList:[1,2}").kind() == errc::syntax);
    CHECK(read_error<jt::Everything>("{Int:{A:1}}").kind() == errc::type_mismatch);
    CHECK(read_error<jt::Everything>("{Int:1} x").kind() == errc::syntax);
    {
        const error e = read_error<jt::Everything>(R"({Map:{"k":1,"j)");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.offset() == 12);
    }
    jsv::read_options strict;
    strict.unknown_members = jsv::unknown_member_policy::error;
    auto r = jsv::try_read<jt::Obj>("{Id:1,Nope:2}", strict);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::unknown_member);
    CHECK(r.error().offset() == 6);
    const std::string deep = "{Any:" + std::string(100, '[') + std::string(100, ']') + "}";
    CHECK(read_error<jt::Everything>(deep).kind() == errc::limit_exceeded);
    CHECK(read_error<jt::Obj>("{X:" + std::string(100, '[') + std::string(100, ']') + "}").kind() == errc::limit_exceeded);
}
