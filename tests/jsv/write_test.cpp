// JSV writer vectors from ServiceStack.Text's tests, its docs and the observed library
// (research/servicestack-formats.md §2, servicestack-text-observed.md "JSV").
#include "text_test_dtos.hpp"

#include <sstk/jsv.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace sstk;

namespace {
jsv::write_options utc_opts(date_time_format f = date_time_format::jsv_net_core) {
    jsv::write_options o;
    o.zone = &time_zone::utc();
    o.dates = f;
    return o;
}
}  // namespace

TEST_CASE("string dictionaries and lists (BasicStringSerializerTests)") {
    CHECK(jsv::write(tt::strmap{{"One", "1st"}, {"Two", "2nd"}, {"Three", "3rd"}}) == "{One:1st,Two:2nd,Three:3rd}");
    CHECK(jsv::write(tt::strmap{{"One", "\"1st"}, {"Two", "2:nd"}, {"Three", "3r,d"}, {"Four", "four%"}}) ==
          R"({One:"""1st",Two:"2:nd",Three:"3r,d",Four:four%})");
    CHECK(jsv::write(std::vector<std::string>{"\"1st", "2:nd", "3r,d", "four%"}) == R"(["""1st","2:nd","3r,d",four%])");
    CHECK(jsv::write(std::vector<std::string>{"One", "Two", "Three", "Four", "Five"}) == "[One,Two,Three,Four,Five]");
    CHECK(jsv::write(std::vector<std::string>{}) == "[]");
    CHECK(jsv::write(std::vector<std::vector<double>>{{1, 0}, {0, 1}}) == "[[1,0],[0,1]]");
    CHECK(jsv::write(std::vector<std::string>{"a, b", "c 'd"}) == R"(["a, b",c 'd])");  // ConversionTests
}

TEST_CASE("the quoting rule: quote colon comma braces brackets CR LF, doubled quotes, empty string") {
    CHECK(jsv::write(std::string("https://url.com")) == R"("https://url.com")");  // JsvBasicDataTests
    CHECK(jsv::write(tt::Named{"Me, Junior"}) == R"({Name:"Me, Junior"})");       // docs
    CHECK(jsv::write(tt::Sized{"2\" x 1\""}) == R"({Size:"2"" x 1"""})");          // docs
    CHECK(jsv::write(std::string("a\"b")) == R"("a""b")");
    CHECK(jsv::write(std::string("a:b")) == R"("a:b")");
    CHECK(jsv::write(std::string("")) == R"("")");
    for (const char* s : {"{", "}", "[", "]", "\r", "\n", ","}) CHECK(jsv::write(std::string(s)).front() == '"');
    CHECK(jsv::write(std::string("tab\t sp \\ / ' é")) == "tab\t sp \\ / ' é");  // raw
    CHECK(jsv::write(tt::Named{std::nullopt}) == "{}");                           // null omitted
}

TEST_CASE("objects, nested objects and lists of objects (AdhocModelTests)") {
    CHECK(jsv::write(tt::WithObj{tt::strmap{{"Key", "Value"}}}) == "{Obj:{Key:Value}}");
    CHECK(jsv::write(tt::IdNameObj{1234, "TEST", tt::strmap{}}) == "{Id:1234,Name:TEST,Obj:{}}");
    CHECK(jsv::write(tt::WithExcludes{std::vector<tt::strmap>{{{"Key", "Value"}}, {{"Key", "Value"}}}}) ==
          "{Excludes:[{Key:Value},{Key:Value}]}");
    CHECK(jsv::write(jt::Person{123, "Abc"}) == "{MyID:123,Name:Abc}");  // BasicJsonTests.Can_override_name
    jsv::write_options camel;
    camel.casing = casing::camel;
    CHECK(jsv::write(jt::Person{123, "Abc"}, camel) == "{MyID:123,name:Abc}");
}

TEST_CASE("scalars: numbers, bool, enums, flags, Guid N") {
    CHECK(jsv::write(tt::BasicData{1.1f, 2.2, decimal::parse("3.3")}) == "{Float:1.1,Double:2.2,Decimal:3.3}");
    jt::UnsignedFlags f;
    f.EnumProp1 = static_cast<jt::ULongFlags>(3);
    f.EnumProp2 = jt::ULongFlags::Eight;
    CHECK(jsv::write(f) == "{EnumProp1:3,EnumProp2:8}");  // Can_serialize_unsigned_flags_enum
    CHECK(jsv::write(tt::Day::Sunday) == "SUN");           // EnumTests: [EnumMember(Value="SUN")]
    CHECK(jsv::write(static_cast<jt::Color>(99)) == "99");
    CHECK(jsv::write(true) == "True");
    CHECK(jsv::write(false) == "False");
    CHECK(jsv::write(guid::parse("adfa988b-01f6-490d-b65b-63750f869496")) == "adfa988b01f6490db65b63750f869496");
    CHECK(jsv::write(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(jsv::write(-std::numeric_limits<double>::infinity()) == "-Infinity");
    CHECK(jsv::write(decimal::parse("1.10")) == "1.10");
    CHECK(jsv::write(std::vector<std::uint8_t>{0, 1, 2, 255}) == "AAEC/w==");
}

TEST_CASE("dates, DateTimeOffset and TimeSpan as ServiceStack writes them in JSV") {
    // DateTimeSerializerTests.ToShortestXsdDateTimeString_works
    CHECK(jsv::write(date_time::from_civil(1979, 5, 9), utc_opts()) == "1979-05-09");
    CHECK(jsv::write(date_time::from_civil(1979, 5, 9, 0, 0, 1, 0, date_time_kind::utc), utc_opts()) == "1979-05-09T00:00:01Z");
    CHECK(jsv::write(date_time::from_civil(1979, 5, 9, 0, 0, 0, 10000, date_time_kind::utc), utc_opts()) ==
          "1979-05-09T00:00:00.0010000Z");
    // Observed on Mono/.NET Framework: the Utc fraction is trimmed; Local gets 7 digits + offset.
    const auto mono = utc_opts(date_time_format::jsv);
    CHECK(jsv::write(date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000, date_time_kind::utc), mono) == "2021-03-04T05:06:07.89Z");
    CHECK(jsv::write(date_time::from_civil(2021, 3, 4, 5, 6, 7, 0, date_time_kind::utc), mono) == "2021-03-04T05:06:07Z");
    CHECK(jsv::write(date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000, date_time_kind::local), mono) ==
          "2021-03-04T05:06:07.8900000+00:00");
    CHECK(jsv::write(date_time::min_value(), mono) == "0001-01-01");
    CHECK(jsv::write(date_time::max_value().specify_kind(date_time_kind::local), mono) == "9999-12-31T23:59:59.9999999+00:00");
    CHECK(jsv::write(date_time_offset(date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000).ticks(), 120)) ==
          "2021-03-04T05:06:07.8900000+02:00");
    CHECK(jsv::write(time_span()) == "PT0S");
    CHECK(jsv::write(time_span::from_parts(0, 1, 2, 3, 500)) == "PT1H2M3.5S");
    CHECK(jsv::write(-time_span::from_minutes(90)) == "-PT1H30M");
    CHECK(jsv::write(time_span::from_days(2)) == "P2D");
    CHECK(jsv::write(time_span::from_ticks(1)) == "PT0.0000001S");
    CHECK(jsv::write(time_span::max_value()) == "P10675199DT2H48M5.4775391S");
}

TEST_CASE("null list items are empty slots; null members and dictionary values are omitted") {
    CHECK(jsv::write(std::vector<std::optional<int>>{1, std::nullopt, 3}) == "[1,,3]");
    CHECK(jsv::write(std::vector<std::optional<std::string>>{"a", std::nullopt}) == "[a,]");
    CHECK(jsv::write(std::vector<std::optional<std::string>>{"a", "b,c"}) == R"([a,"b,c"])");
    CHECK(jsv::write(sstk::dictionary<std::string, std::string>{{"a", "1"}, {"b,c", "x\"y"}}) == R"({a:1,"b,c":"x""y"})");
    CHECK(jsv::write(sstk::dictionary<std::string, std::optional<std::string>>{{"a", std::nullopt}, {"b", "2"}}) == "{b:2}");
    tt::Child c{5, std::nullopt, std::nullopt};
    CHECK(jsv::write(c) == "{Id:5}");
}

TEST_CASE("a char is written so that ServiceStack reads it back (deviation from its raw char)") {
    CHECK(jsv::write(u'x') == "x");
    CHECK(jsv::write(u',') == R"(",")");
    CHECK(jsv::write(u'"') == R"("""")");
    CHECK(jsv::write(u'\u00e9') == "é");
    CHECK_THROWS_AS(jsv::write(u'\xD800'), sstk::error);
}

namespace {
struct Sparse {
    int X = 0;
    int Y = 0;
    std::optional<std::string> Z;
};
BOOST_DESCRIBE_STRUCT(Sparse, (), (X, Y, Z))
constexpr auto sstk_contract(sstk::type_tag<Sparse>) {
    return sstk::contract("Sparse").members(sstk::member("X").emit_default_value(false));
}
}  // namespace

TEST_CASE("value-type defaults are written; EmitDefaultValue=false omits them") {
    using namespace std::string_literals;
    CHECK(jsv::write(jt::EchoTypes{}, utc_opts()) ==
          "{Byte:0,Short:0,Int:0,Long:0,UShort:0,UInt:0,ULong:0,Float:0,Double:0,Decimal:0,DateTime:0001-01-01,"
          "TimeSpan:PT0S,DateTimeOffset:0001-01-01T00:00:00.0000000+00:00,Guid:00000000000000000000000000000000,Char:\0}"s);
    CHECK(jsv::write(Sparse{}) == "{Y:0}");
    CHECK(jsv::write(Sparse{1, 2, ""}) == R"({X:1,Y:2,Z:""})");
}

TEST_CASE("the buffer is untouched on error, and the error has a path") {
    std::string keep = "keep";
    CHECK_THROWS_AS(jsv::write(keep, std::vector<char16_t>{u'a', u'\xDC00'}), sstk::error);
    CHECK(keep == "keep");
    auto r = jsv::try_write(std::vector<char16_t>{u'a', u'\xDC00'});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::invalid_value);
    CHECK(r.error().path() == "[1]");
    tt::Rich deep;
    deep.Many = std::vector<tt::Child>{tt::Child{}, tt::Child{}};
    jsv::write_options shallow;
    shallow.max_depth = 1;
    auto d = jsv::try_write(deep, shallow);
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().kind() == errc::limit_exceeded);
    CHECK(d.error().path() == "Many");
}
