// JSON writer vectors from ServiceStack.Text's tests and live servers
// (research/servicestack-formats.md §1, servicestack-text-observed.md).
#include "json_test_dtos.hpp"

#include <sstk/apis/platform_api.hpp>
#include <sstk/json.hpp>
#include <sstk/servicestack/error_response.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace sstk;
using json::write_options;

namespace {
write_options camel() {
    write_options o;
    o.casing = casing::camel;
    return o;
}
const time_zone& utc = time_zone::utc();
write_options in_time_zone_new_york() {
    static const auto zone = time_zone::fixed(-300);  // New York in November
    write_options o;
    o.zone = &zone;
    return o;
}
write_options in_utc(write_options o = {}) {
    o.zone = &utc;
    return o;
}
}  // namespace

TEST_CASE("casing policies (JsConfigTests.TestJsonDataWithJsConfigScope_ext)") {
    const jt::Obj o{1, 100, "Test object"};
    write_options snake;
    snake.casing = casing::snake;
    CHECK(json::write(o, snake) == R"({"id":1,"root_id":100,"display_name":"Test object"})");
    CHECK(json::write(o, camel()) == R"({"id":1,"rootId":100,"displayName":"Test object"})");
    CHECK(json::write(o) == R"({"Id":1,"RootId":100,"DisplayName":"Test object"})");
}

TEST_CASE("DataMember Order, camelCase and snake_case (CamelCaseTests, LowercaseUnderscoreTests)") {
    jt::Movie m;
    m.Id = 1;
    m.Title = "The Shawshank Redemption";
    m.ImdbId = "tt0111161";
    m.Rating = decimal::parse("9.2");
    m.Director = "Frank Darabont";
    m.ReleaseDate = date_time::from_civil(1995, 2, 17, 0, 0, 0, 0, date_time_kind::utc);
    m.TagLine = "Fear can hold you prisoner. Hope can set you free.";
    m.Genres = std::vector<std::string>{"Crime", "Drama"};
    CHECK(json::write(m, camel()) ==
          R"({"id":1,"title":"The Shawshank Redemption","imdbId":"tt0111161","rating":9.2,"director":"Frank Darabont","releaseDate":"\/Date(792979200000)\/","tagLine":"Fear can hold you prisoner. Hope can set you free.","genres":["Crime","Drama"]})");
    write_options snake;
    snake.casing = casing::snake;
    CHECK(json::write(m, snake) ==
          R"({"id":1,"title":"The Shawshank Redemption","imdb_id":"tt0111161","rating":9.2,"director":"Frank Darabont","release_date":"\/Date(792979200000)\/","tag_line":"Fear can hold you prisoner. Hope can set you free.","genres":["Crime","Drama"]})");
    CHECK(json::read<jt::Movie>(json::write(m, snake)) == m);
}

TEST_CASE("a DataMember Name is never re-cased (CamelCaseTests.Can_override_name)") {
    CHECK(json::write(jt::Person{123, "Abc"}, camel()) == R"({"MyID":123,"name":"Abc"})");
}

TEST_CASE("nulls are omitted unless IncludeNullValues (BasicJsonTests)") {
    jt::Brandon b;
    b.Name = "Brandon";
    b.Type = "Programmer";
    b.SampleKey = 12;
    CHECK(json::write(b) == R"({"Name":"Brandon","Type":"Programmer","SampleKey":12})");
    write_options inv;
    inv.include_null_values = true;
    CHECK(json::write(b, inv) ==
          R"({"Name":"Brandon","Type":"Programmer","SampleKey":12,"Nothing":null,"NullClass":null,"NullableDateTime":null})");
    CHECK(json::write(std::vector<std::optional<std::string>>{"hello", std::nullopt}) == R"(["hello",null])");
    CHECK(json::write(std::vector<std::optional<int>>{1, 2, 3, std::nullopt, 5}) == "[1,2,3,null,5]");
}

TEST_CASE("enums: names, [Flags] as numbers, default-enum options (EnumTests)") {
    jt::Enums e;
    e.NoFlagsEnum = jt::NoFlagsEnum::One;
    CHECK(json::write(e) == R"({"FlagsEnum":0,"NoFlagsEnum":"One"})");
    write_options no_default_enums;
    no_default_enums.include_default_enums = false;
    CHECK(json::write(e, no_default_enums) == R"({"NoFlagsEnum":"One"})");

    jt::Enums zero;
    write_options edv;
    edv.exclude_default_values = true;
    CHECK(json::write(zero, edv) == R"({"FlagsEnum":0,"NoFlagsEnum":"Zero"})");
    edv.include_default_enums = false;
    CHECK(json::write(zero, edv) == "{}");

    jt::Enums all{jt::FlagsEnum::One, jt::NoFlagsEnum::One, jt::FlagsEnum::Two, jt::NoFlagsEnum::Two};
    CHECK(json::write(all) == R"({"FlagsEnum":1,"NoFlagsEnum":"One","NullableFlagsEnum":2,"NullableNoFlagsEnum":"Two"})");

    const jt::UnsignedFlags u{static_cast<jt::ULongFlags>(3), jt::ULongFlags::Eight};
    CHECK(json::write(u) == R"({"EnumProp1":3,"EnumProp2":8})");

    jt::Enums undefined;
    undefined.NoFlagsEnum = static_cast<jt::NoFlagsEnum>(99);
    CHECK(json::write(undefined) == R"({"FlagsEnum":0,"NoFlagsEnum":"99"})");
    write_options teai;
    teai.treat_enum_as_integer = true;
    CHECK(json::write(all, teai) == R"({"FlagsEnum":1,"NoFlagsEnum":1,"NullableFlagsEnum":2,"NullableNoFlagsEnum":2})");
}

TEST_CASE("string escaping (EscapedCharsTests, JsConfigTests.Can_escape_Html_Chars)") {
    CHECK(json::write(std::string("Line1\nLine2")) == R"("Line1\nLine2")");
    CHECK(json::write(jt::Named{"JříАбвĀašū"}) == R"({"Name":"JříАбвĀašū"})");
    write_options eu;
    eu.escape_unicode = true;
    CHECK(json::write(jt::Named{"JříАбвĀašū"}, eu) == R"({"Name":"J\u0159\u00ED\u0410\u0431\u0432\u0100a\u0161\u016B"})");
    CHECK(json::write(std::vector<std::string>{"\x18", "Ω"}) == R"(["\u0018","Ω"])");
    CHECK(json::write(jt::Html{"<script>danger();</script>"}) == R"({"FooBar":"<script>danger();</script>"})");
    write_options html;
    html.escape_html_chars = true;
    CHECK(json::write(jt::Html{"<script>danger();</script>"}, html) == R"({"FooBar":"\u003cscript\u003edanger();\u003c/script\u003e"})");
    // Observed on ServiceStack.Text: \" \\ \t \b \f, uppercase \u001F and \u007F, '/' and emoji raw.
    CHECK(json::write(std::string("\"\\\t\b\f\x1f\x7f/😀\u2028'")) == "\"\\\"\\\\\\t\\b\\f\\u001F\\u007F/😀\u2028'\"");
    CHECK(json::write(std::string("\xc2\x85")) == R"("\u0085")");  // C1 controls are char.IsControl too
    CHECK_THROWS_AS(json::write(std::string("bad \xff byte")), error);
}

TEST_CASE("EchoTypes defaults as test.servicestack.net writes them (camelCase)") {
    jt::EchoTypes e;
    e.String = "String";
    CHECK(json::write(e, in_utc(camel())) ==
          R"({"byte":0,"short":0,"int":0,"long":0,"uShort":0,"uInt":0,"uLong":0,"float":0,"double":0,"decimal":0,"string":"String","dateTime":"\/Date(-62135596800000-0000)\/","timeSpan":"PT0S","dateTimeOffset":"\/Date(-62135596800000)\/","guid":"00000000000000000000000000000000","char":"\u0000"})");
    // Read back, everything returns; the Unspecified DateTime comes back Local (its "-0000"
    // suffix makes ServiceStack read it as Local too), at the same ticks.
    json::read_options strict;
    strict.unknown_members = json::unknown_member_policy::error;
    strict.zone = &utc;
    auto back = json::read<jt::EchoTypes>(json::write(e, in_utc(camel())), strict);
    CHECK(back.DateTime.ticks() == e.DateTime.ticks());
    CHECK(back.DateTime.kind() == date_time_kind::local);
    back.DateTime = e.DateTime;
    CHECK(back == e);
}

TEST_CASE("dates per DateHandler (JsonDateTimeTests)") {
    const auto utc_midnight = date_time::from_civil(1994, 11, 24, 0, 0, 0, 0, date_time_kind::utc);
    CHECK(json::write(utc_midnight) == R"("\/Date(785635200000)\/")");
    const auto utc_noon = date_time::from_civil(1994, 11, 24, 12, 34, 56, 0, date_time_kind::utc);
    write_options iso = in_utc();
    iso.date_handler = json::date_handler::iso8601;
    CHECK(json::write(utc_noon, iso) == R"("1994-11-24T12:34:56.0000000Z")");
    CHECK(json::write(date_time::from_civil(1994, 11, 24, 12, 34, 56, 0, date_time_kind::unspecified), iso) == R"("1994-11-24T12:34:56.0000000")");
    write_options rfc = in_utc();
    rfc.date_handler = json::date_handler::rfc1123;
    CHECK(json::write(utc_noon, rfc) == R"("Thu, 24 Nov 1994 12:34:56 GMT")");
    write_options iso_utc = in_time_zone_new_york();
    iso_utc.date_handler = json::date_handler::iso8601_utc;
    CHECK(json::write(date_time::from_civil(1994, 11, 24, 7, 34, 56, 0, date_time_kind::local), iso_utc) == R"("1994-11-24T12:34:56.0000000Z")");
    write_options unix_ms = in_utc();
    unix_ms.date_handler = json::date_handler::unix_time_ms;
    CHECK(json::write(utc_midnight, unix_ms) == "785635200000");

    CHECK(json::write(date_time_offset(date_time::from_civil(1994, 11, 24, 12, 34, 56).ticks(), 0), iso) ==
          R"("1994-11-24T12:34:56.0000000+00:00")");
    CHECK(json::write(date_time_offset(date_time::from_civil(1994, 11, 24, 12, 34, 56).ticks(), -420), iso) ==
          R"("1994-11-24T12:34:56.0000000-07:00")");
    // DateTimeSerializerTests.CanDeserialize_DateTimeOffset_with_Offset
    const date_time_offset dto(date_time::from_civil(2012, 6, 27, 11, 26, 4, 5240000).ticks(), 480);
    CHECK(json::write(dto) == R"("\/Date(1340767564524+0800)\/")");
    CHECK(json::read<date_time_offset>(json::write(dto)) == dto);

    CHECK(json::write(time_span()) == R"("PT0S")");
    CHECK(json::write(time_span(1)) == R"("PT0.0000001S")");
}

TEST_CASE("scalars: Guid N, decimal scale, byte[] base64, dictionaries, NaN") {
    CHECK(json::write(guid::parse("98ECE840-0BE4-452E-B6AD-7C3A4404F119")) == R"("98ece8400be4452eb6ad7c3a4404f119")");
    CHECK(json::write(std::vector<decimal>{decimal::parse("1.50"), decimal::parse("3.3"), decimal::parse("33333333.333"), decimal::parse("0.00")}) ==
          "[1.50,3.3,33333333.333,0.00]");
    CHECK(json::write(std::vector<std::uint8_t>{0, 65, 97, 255}) == R"("AEFh/w==")");
    CHECK(json::write(std::map<int, std::string>{{-2, "minus two"}, {1, "one"}}) == R"({"-2":"minus two","1":"one"})");
    CHECK(json::write(dictionary<std::string, std::optional<std::string>>{{"value", std::nullopt}, {"k", "v"}}) == R"({"k":"v"})");
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(json::write(std::vector<double>{0.0, 1.0, 2.2, 1e20, 1e-7, std::nan(""), inf, -inf}) == "[0,1,2.2,1E+20,1E-07,NaN,Infinity,-Infinity]");
    write_options netfx;
    netfx.doubles = float_format::netfx_general;
    CHECK(json::write(1.0 / 3, netfx) == "0.333333333333333");
    CHECK(json::write(1.0 / 3) == "0.3333333333333333");
    CHECK(json::write(char16_t(u'A')) == R"("A")");
    CHECK(json::write(std::uint64_t(18446744073709551615ull)) == "18446744073709551615");
}

TEST_CASE("a validation ErrorResponse, camelCase") {
    ErrorResponse r;
    r.ResponseStatus.emplace();
    r.ResponseStatus->ErrorCode = "NotEmpty";
    r.ResponseStatus->Message = "'Name' must not be empty.";
    ResponseError e{"NotEmpty", "Name", "'Name' must not be empty.", dictionary<std::string, std::optional<std::string>>{{"PropertyName", "Name"}, {"Severity", "Error"}}};
    r.ResponseStatus->Errors = std::vector<ResponseError>{e};
    const std::string expected =
        R"({"responseStatus":{"errorCode":"NotEmpty","message":"'Name' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Name","message":"'Name' must not be empty.","meta":{"PropertyName":"Name","Severity":"Error"}}]}})";
    CHECK(json::write(r, camel()) == expected);
    CHECK(json::read<ErrorResponse>(expected) == r);
}

TEST_CASE("System.Text.Json dialect: camelCase, dashed Guids, ISO dates, strict numbers") {
    const auto stj = in_utc(write_options::for_dialect(json::dialect::system_text_json));
    jt::EchoTypes e;
    e.String = "<a&b>'\"é";
    e.DateTime = date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000, date_time_kind::utc);
    CHECK(json::write(e, stj) ==
          R"({"byte":0,"short":0,"int":0,"long":0,"uShort":0,"uInt":0,"uLong":0,"float":0,"double":0,"decimal":0,"string":"\u003Ca\u0026b\u003E\u0027\u0022\u00E9","dateTime":"2021-03-04T05:06:07.89Z","timeSpan":"PT0S","dateTimeOffset":"0001-01-01T00:00:00+00:00","guid":"00000000-0000-0000-0000-000000000000","char":"\u0000"})");
    CHECK_THROWS_AS(json::write(std::nan(""), stj), error);
    jt::Enums undefined;
    undefined.NoFlagsEnum = static_cast<jt::NoFlagsEnum>(99);
    CHECK(json::write(undefined, stj) == R"({"flagsEnum":0,"noFlagsEnum":99})");
}

TEST_CASE("the seed page's JSON samples are reproduced byte for byte (seed 000)") {
    const std::string request =
        R"({"UserName":"String","ApplianceId":"00000000-0000-0000-0000-000000000000","SubdomainName":"String","SuiteId":"00000000-0000-0000-0000-000000000000","ApplianceLoginUrl":"String"})";
    const std::string response =
        R"({"ResponseStatus":{"ErrorCode":"String","Message":"String","StackTrace":"String","Errors":[{"ErrorCode":"String","FieldName":"String","Message":"String","Meta":{"String":"String"}}],"Meta":{"String":"String"}}})";
    write_options dashed;
    dashed.guids = guid_format::d;
    CHECK(json::write(json::read<apis::platform_api::GetResetPasswordToken>(request), dashed) == request);
    CHECK(json::write(json::read<apis::platform_api::GetResetPasswordTokenResponse>(response)) == response);
}

TEST_CASE("indentation, and a failed write leaves the buffer as it was") {
    CHECK(json::write(jt::Obj{1, 2, "x"}, [] { write_options o; o.indent = true; return o; }()) ==
          "{\n  \"Id\": 1,\n  \"RootId\": 2,\n  \"DisplayName\": \"x\"\n}");
    std::string buffer = "prefix";
    jt::Named bad{"ok \xc3"};
    try {
        json::write(buffer, bad);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.path() == "Name");
        CHECK(e.kind() == errc::invalid_value);
    }
    CHECK(buffer == "prefix");
    CHECK_FALSE(json::try_write(bad).has_value());
}
