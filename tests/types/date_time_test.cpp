// sstk::date_time and sstk::time_zone: model, every wire spelling, both parsers, time zones.
// Vectors: research servicestack-formats.md §1.8/§2.1/§4.8, datacontract-xml.md §6.5,
// servicestack-text-observed.md "Dates…", vectors/datacontract/datetimes*.
#include <sstk/types/date_time.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

using sstk::date_time;
using sstk::date_time_format;
using sstk::date_time_kind;
using sstk::date_time_syntax;
using sstk::errc;
using sstk::time_span;
using sstk::time_zone;

namespace {

constexpr auto utc = date_time_kind::utc;
constexpr auto local = date_time_kind::local;
constexpr auto unspecified = date_time_kind::unspecified;

const time_zone& ny() {
    setenv("TZ", "America/New_York", 1);
    tzset();
    return time_zone::system();
}

date_time dt(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int f = 0, date_time_kind k = unspecified) {
    return date_time::from_civil(y, mo, d, h, mi, s, f, k);
}

void check_error(std::string_view text, date_time_syntax s, errc kind, std::size_t offset,
                 const time_zone& zone = time_zone::utc()) {
    INFO("text '" << std::string(text) << "'");
    auto r = date_time::try_parse(text, s, zone);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == kind);
    CHECK(r.error().offset() == offset);
    CHECK_THROWS_AS(date_time::parse(text, s, zone), sstk::error);
}

}  // namespace

TEST_CASE("model: ticks, civil fields, min/max") {
    CHECK(date_time().ticks() == 0);
    CHECK(date_time().kind() == unspecified);
    CHECK(date_time() == date_time::min_value());
    CHECK(date_time::max_value().ticks() == 3155378975999999999);
    CHECK(date_time::unix_epoch().ticks() == 621355968000000000);
    // vectors/datacontract/datetimes.desc.txt
    const date_time v = date_time::from_ticks(637135310451234567, utc);
    CHECK(v == dt(2020, 1, 2, 3, 4, 5, 1234567, utc));
    CHECK(v.year() == 2020);
    CHECK(v.month() == 1);
    CHECK(v.day() == 2);
    CHECK(v.hour() == 3);
    CHECK(v.minute() == 4);
    CHECK(v.second() == 5);
    CHECK(v.millisecond() == 123);
    CHECK(v.fraction_ticks() == 1234567);
    CHECK(v.day_of_year() == 2);
    CHECK(v.time_of_day() == time_span(3 * 36000000000LL + 4 * 600000000LL + 51234567));
    CHECK(v.date() == dt(2020, 1, 2, 0, 0, 0, 0, utc));
    CHECK(date_time::from_ticks(637294608000000000, local) == dt(2020, 7, 4, 12, 0, 0, 0, local));
    CHECK(date_time::max_value() == dt(9999, 12, 31, 23, 59, 59, 9999999));
    CHECK(date_time::max_value().day_of_year() == 365);
    CHECK(dt(2000, 12, 31).day_of_year() == 366);

    CHECK(dt(1, 1, 1).day_of_week() == sstk::day_of_week::monday);
    CHECK(dt(1994, 11, 24).day_of_week() == sstk::day_of_week::thursday);
    CHECK(dt(2021, 3, 4).day_of_week() == sstk::day_of_week::thursday);
    CHECK(dt(9999, 12, 31).day_of_week() == sstk::day_of_week::friday);
    static_assert(date_time::from_civil(2000, 2, 29).day_of_week() == sstk::day_of_week::tuesday);
    static_assert(date_time::from_civil(1970, 1, 1, 0, 0, 0, 0, date_time_kind::utc) == date_time::unix_epoch());

    CHECK_THROWS_AS(date_time::from_ticks(-1), sstk::error);
    CHECK_THROWS_AS(date_time::from_ticks(3155378976000000000), sstk::error);
    CHECK_THROWS_AS(date_time::from_ticks(0, static_cast<date_time_kind>(7)), sstk::error);
    CHECK_THROWS_AS(dt(10000, 1, 1), sstk::error);
    CHECK_THROWS_AS(dt(0, 1, 1), sstk::error);
    CHECK_THROWS_AS(dt(2021, 13, 1), sstk::error);
    CHECK_THROWS_AS(dt(2021, 1, 1, 24), sstk::error);
    CHECK_THROWS_AS(dt(2021, 1, 1, 0, 0, 0, 10000000), sstk::error);
}

TEST_CASE("model: leap years") {
    CHECK(dt(4, 2, 29).day() == 29);
    CHECK(dt(2000, 2, 29).month() == 2);
    CHECK(dt(2024, 2, 29).day() == 29);
    CHECK_THROWS_AS(dt(1900, 2, 29), sstk::error);
    CHECK_THROWS_AS(dt(2021, 2, 29), sstk::error);
    CHECK_THROWS_AS(dt(2021, 4, 31), sstk::error);
    CHECK(dt(2000, 3, 1).ticks() - dt(2000, 2, 28).ticks() == 2 * 864000000000LL);
    CHECK(dt(1900, 3, 1).ticks() - dt(1900, 2, 28).ticks() == 864000000000LL);
    // Every day of 400 years round-trips through the civil conversion.
    for (std::int64_t d = 0; d < 146097; d += 1) {
        const date_time a = date_time::from_ticks((d + 700000) * 864000000000LL);
        REQUIRE(dt(a.year(), a.month(), a.day()) == a);
    }
}

TEST_CASE("model: equality, ordering, arithmetic, kinds") {
    const date_time a = dt(2021, 3, 4, 5, 6, 7, 0, utc);
    const date_time b = a.specify_kind(local);
    CHECK(a != b);  // kind differs; .NET would say equal
    CHECK(date_time::equals_ignoring_kind(a, b));
    CHECK_FALSE(a < b);
    CHECK_FALSE(b < a);
    CHECK(a < a + time_span(1));
    CHECK((a + time_span::from_hours(1)).hour() == 6);
    CHECK((a + time_span::from_hours(1)).kind() == utc);
    CHECK(a - dt(2021, 3, 4, 0, 0, 0) == time_span::from_parts(0, 5, 6, 7));
    CHECK((a - time_span::from_days(1)).day() == 3);
    CHECK_THROWS_AS(date_time::max_value() + time_span(1), sstk::error);
    CHECK_THROWS_AS(date_time::min_value() - time_span(1), sstk::error);
    CHECK(date_time::from_unix_ms(0) == date_time::unix_epoch());
    CHECK(date_time::from_unix_ms(-1) == dt(1969, 12, 31, 23, 59, 59, 9990000, utc));
    CHECK(date_time::from_unix_seconds(785635200) == dt(1994, 11, 24, 0, 0, 0, 0, utc));
    CHECK_THROWS_AS(date_time::from_unix_ms(253402300800000), sstk::error);
    CHECK_THROWS_AS(date_time::from_unix_ms(-62135596800001), sstk::error);

    const auto plus2 = time_zone::fixed(120);
    CHECK(a.to_local(plus2) == dt(2021, 3, 4, 7, 6, 7, 0, local));
    CHECK(a.to_local(plus2).to_universal(plus2) == a);
    CHECK(b.to_universal(plus2) == dt(2021, 3, 4, 3, 6, 7, 0, utc));
    CHECK(a.specify_kind(unspecified).to_local(plus2).hour() == 7);       // Unspecified read as UTC
    CHECK(a.specify_kind(unspecified).to_universal(plus2).hour() == 3);   // ...and as local
    CHECK(date_time::same_instant(a, b.to_universal(time_zone::utc()), plus2));
    CHECK(date_time::same_instant(a, a.to_local(plus2), plus2));
    // .NET clamps instead of failing.
    CHECK(date_time::max_value().specify_kind(utc).to_local(plus2) == date_time::max_value().specify_kind(local));
    CHECK(date_time::min_value().specify_kind(local).to_universal(plus2) == date_time::min_value().specify_kind(utc));
    CHECK_THROWS_AS(time_zone::fixed(24 * 60), sstk::error);
}

TEST_CASE("WCF /Date()/ as ServiceStack writes it (JsonDateTimeTests, live, observed)") {
    const auto& z = time_zone::utc();
    const auto esc = date_time_format::wcf_json_escaped;
    CHECK(dt(1994, 11, 24, 0, 0, 0, 0, utc).to_string(esc, z) == "\\/Date(785635200000)\\/");
    CHECK(dt(1994, 11, 24, 0, 0, 0, 0, utc).to_string(date_time_format::wcf_json, z) == "/Date(785635200000)/");
    // Unspecified: the instant as if local, the literal -0000.
    CHECK(dt(1994, 11, 24).to_string(esc, z) == "\\/Date(785635200000-0000)\\/");
    CHECK(dt(1994, 11, 24).to_string(esc, time_zone::fixed(-300)) == "\\/Date(785653200000-0000)\\/");
    CHECK(dt(2013, 6, 14, 19, 43, 37, 6630000, utc).to_string(esc, z) == "\\/Date(1371239017663)\\/");
    // MinValue: no zone shift, whatever the zone.
    CHECK(date_time::min_value().to_string(esc, z) == "\\/Date(-62135596800000-0000)\\/");
    CHECK(date_time::min_value().to_string(esc, time_zone::fixed(330)) == "\\/Date(-62135596800000-0000)\\/");
    CHECK(date_time::min_value().to_string(esc, ny()) == "\\/Date(-62135596800000-0000)\\/");
    // MaxValue: ServiceStack's double arithmetic rounds it up.
    CHECK(date_time::max_value().to_string(esc, z) == "\\/Date(253402300800000-0000)\\/");
    CHECK(date_time::max_value().specify_kind(utc).to_string(esc, z) == "\\/Date(253402300800000)\\/");
    // ... and any tick count just below a millisecond near today.
    CHECK(dt(2020, 1, 2, 3, 4, 5, 1239999, utc).to_string(esc, z) == "\\/Date(1577934245124)\\/");
    CHECK(dt(2020, 1, 2, 3, 4, 5, 1234567, utc).to_string(esc, z) == "\\/Date(1577934245123)\\/");
    // Pre-epoch.
    CHECK(dt(1969, 12, 31, 23, 59, 59, 9990000, utc).to_string(esc, z) == "\\/Date(-1)\\/");
    CHECK(dt(1, 1, 1, 0, 0, 0, 0, utc).to_string(esc, z) == "\\/Date(-62135596800000)\\/");
    // Local: UTC ms plus the zone's offset at that instant.
    CHECK(dt(2021, 3, 4, 5, 6, 7, 0, local).to_string(esc, time_zone::fixed(120)) == "\\/Date(1614827167000+0200)\\/");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 0, local).to_string(esc, z) == "\\/Date(1614834367000+0000)\\/");
}

TEST_CASE("WCF /Date()/ parsing") {
    const auto& z = time_zone::utc();
    const auto s = date_time_syntax::servicestack;
    CHECK(date_time::parse("/Date(785635200000)/", s, z) == dt(1994, 11, 24, 0, 0, 0, 0, utc));
    CHECK(date_time::parse("\\/Date(785635200000)\\/", s, z) == dt(1994, 11, 24, 0, 0, 0, 0, utc));
    CHECK(date_time::parse("/Date(-1)/", s, z) == dt(1969, 12, 31, 23, 59, 59, 9990000, utc));
    CHECK(date_time::parse("\\/Date(-62135596800000)\\/", s, z) == date_time::min_value().specify_kind(utc));
    // An offset makes it Local: the same instant in the reader's zone.
    CHECK(date_time::parse("/Date(1614827167000+0200)/", s, time_zone::fixed(120)) == dt(2021, 3, 4, 5, 6, 7, 0, local));
    CHECK(date_time::parse("/Date(1614827167000+0200)/", s, z) == dt(2021, 3, 4, 3, 6, 7, 0, local));
    CHECK(date_time::parse("/Date(1614827167000+02:00)/", s, z) == dt(2021, 3, 4, 3, 6, 7, 0, local));
    CHECK(date_time::parse("\\/Date(785635200000-0000)\\/", s, time_zone::fixed(-300)) ==
          dt(1994, 11, 23, 19, 0, 0, 0, local));
    CHECK(date_time::parse("/Date(-1-0500)/", s, time_zone::fixed(-300)) == dt(1969, 12, 31, 18, 59, 59, 9990000, local));
    // MaxValue as ServiceStack writes it comes back as MaxValue (ServiceStack itself fails here).
    CHECK(date_time::parse("\\/Date(253402300800000)\\/", s, z) == date_time::max_value().specify_kind(utc));
    CHECK(date_time::parse("\\/Date(253402300799999)\\/", s, z) == dt(9999, 12, 31, 23, 59, 59, 9990000, utc));

    check_error("/Date(abc)/", s, errc::syntax, 6);
    check_error("/Date()/", s, errc::syntax, 6);
    check_error("/Date(1", s, errc::syntax, 7);
    check_error("/Date(1)", s, errc::syntax, 8);
    check_error("\\/Date(1)/", s, errc::syntax, 9);
    check_error("/Date(1)\\/", s, errc::syntax, 8);
    check_error("/Date(1)/x", s, errc::syntax, 9);
    check_error("/Date(1+05)/", s, errc::syntax, 10);
    check_error("/Date(1+1401)/", s, errc::out_of_range, 7);
    check_error("/Date(253402300800001)/", s, errc::out_of_range, 6);
    check_error("/Date(-62135596800001)/", s, errc::out_of_range, 6);
    check_error("/Date(99999999999999999999)/", s, errc::out_of_range, 6);
    check_error("/date(1)/", s, errc::syntax, 0);
}

TEST_CASE("ISO 8601 \"o\" (DateHandler.ISO8601)") {
    const auto& z = time_zone::utc();
    const auto f = date_time_format::iso8601;
    CHECK(dt(1994, 11, 24, 12, 34, 56, 0, utc).to_string(f, z) == "1994-11-24T12:34:56.0000000Z");
    CHECK(dt(1994, 11, 24, 12, 34, 56).to_string(f, z) == "1994-11-24T12:34:56.0000000");
    CHECK(dt(1994, 11, 24, 12, 34, 56, 0, local).to_string(f, time_zone::fixed(120)) == "1994-11-24T12:34:56.0000000+02:00");
    CHECK(dt(2013, 6, 14, 19, 43, 37, 6630000, utc).to_string(f, z) == "2013-06-14T19:43:37.6630000Z");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, utc).to_string(f, z) == "2021-03-04T05:06:07.8900000Z");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, local).to_string(f, z) == "2021-03-04T05:06:07.8900000+00:00");
    CHECK(dt(2021, 7, 4, 5, 6, 7, 8900000, local).to_string(f, ny()) == "2021-07-04T05:06:07.8900000-04:00");
    CHECK(date_time::min_value().to_string(f, z) == "0001-01-01T00:00:00.0000000");
    CHECK(date_time::max_value().to_string(f, z) == "9999-12-31T23:59:59.9999999");
    // Read back with the ISO (System.Text.Json) rules: kinds preserved.
    const auto s = date_time_syntax::iso8601;
    CHECK(date_time::parse("1994-11-24T12:34:56.0000000Z", s, z) == dt(1994, 11, 24, 12, 34, 56, 0, utc));
    CHECK(date_time::parse("1994-11-24T12:34:56.0000000", s, z) == dt(1994, 11, 24, 12, 34, 56));
    CHECK(date_time::parse("1994-11-24T12:34:56.0000000+02:00", s, time_zone::fixed(120)) ==
          dt(1994, 11, 24, 12, 34, 56, 0, local));
    CHECK(date_time::parse("2021-03-04T05:06", s, z) == dt(2021, 3, 4, 5, 6));
    CHECK(date_time::parse("2021-03-04", s, z) == dt(2021, 3, 4));
    check_error("2021-03-04 05:06:07", s, errc::syntax, 10);
    check_error("", s, errc::syntax, 0);
}

TEST_CASE("xsd:dateTime as DataContractSerializer writes it (datetimes vector, TZ=America/New_York)") {
    const auto& zone = ny();
    const auto f = date_time_format::xsd;
    struct row {
        std::int64_t ticks;
        date_time_kind kind;
        const char* text;
    };
    const row rows[] = {
        {637135310451234567, utc, "2020-01-02T03:04:05.1234567Z"},
        {637135310450000000, utc, "2020-01-02T03:04:05Z"},
        {637135310455000000, utc, "2020-01-02T03:04:05.5Z"},
        {637135310451230000, utc, "2020-01-02T03:04:05.123Z"},
        {637135310450000001, utc, "2020-01-02T03:04:05.0000001Z"},
        {637135310452500000, local, "2020-01-02T03:04:05.25-05:00"},
        {637294608000000000, local, "2020-07-04T12:00:00-04:00"},
        {637135310451234567, unspecified, "2020-01-02T03:04:05.1234567"},
        {637135310450000000, unspecified, "2020-01-02T03:04:05"},
        {0, unspecified, "0001-01-01T00:00:00"},
        {3155378975999999999, unspecified, "9999-12-31T23:59:59.9999999"},
        {0, utc, "0001-01-01T00:00:00Z"},
        {3155378975999999999, utc, "9999-12-31T23:59:59.9999999Z"},
        {621355968000000000, utc, "1970-01-01T00:00:00Z"},
    };
    for (const row& r : rows) {
        INFO(r.text);
        const date_time v = date_time::from_ticks(r.ticks, r.kind);
        CHECK(v.to_string(f, zone) == r.text);
        CHECK(v.to_string(date_time_format::system_text_json, zone) == r.text);
        CHECK(date_time::parse(r.text, date_time_syntax::xsd, zone) == v);
    }
    // research §4.8
    const auto& z = time_zone::utc();
    CHECK(dt(2013, 1, 2, 3, 4, 5, 60000, utc).to_string(f, z) == "2013-01-02T03:04:05.006Z");
    CHECK(dt(2013, 1, 2).to_string(f, z) == "2013-01-02T00:00:00");
    CHECK(dt(2013, 1, 2, 3, 4, 5, 60000).to_string(f, z) == "2013-01-02T03:04:05.006");
    CHECK(dt(2013, 1, 2, 3, 4, 5, 0, local).to_string(f, time_zone::fixed(-480)) == "2013-01-02T03:04:05-08:00");
    CHECK(date_time().to_string(f, z) == "0001-01-01T00:00:00");
}

TEST_CASE("xsd:dateTime parsing follows XmlConvert RoundtripKind") {
    const auto& z = time_zone::utc();
    const auto s = date_time_syntax::xsd;
    CHECK(date_time::parse(" \t2020-01-02T03:04:05Z\r\n", s, z) == dt(2020, 1, 2, 3, 4, 5, 0, utc));
    CHECK(date_time::parse("2020-01-02T03:04:05z", s, z) == dt(2020, 1, 2, 3, 4, 5, 0, utc));
    CHECK(date_time::parse("2020-01-02", s, z) == dt(2020, 1, 2));
    CHECK(date_time::parse("2020-01-02Z", s, z) == dt(2020, 1, 2, 0, 0, 0, 0, utc));
    CHECK(date_time::parse("2020-01", s, z) == dt(2020, 1, 1));
    CHECK(date_time::parse("2020", s, z) == dt(2020, 1, 1));
    // An offset → Local, the same instant.
    CHECK(date_time::parse("2020-01-02T03:04:05-05:00", s, z) == dt(2020, 1, 2, 8, 4, 5, 0, local));
    CHECK(date_time::parse("2020-01-02T03:04:05+05:30", s, time_zone::fixed(330)) == dt(2020, 1, 2, 3, 4, 5, 0, local));
    // Outside the calendar in UTC: .NET shifts by the local offset and clamps.
    CHECK(date_time::parse("0001-01-01T00:00:00+02:00", s, time_zone::fixed(120)) == dt(1, 1, 1, 0, 0, 0, 0, local));
    CHECK(date_time::parse("9999-12-31T23:00:00-05:00", s, time_zone::fixed(-300)) == dt(9999, 12, 31, 23, 0, 0, 0, local));
    // More than 7 fraction digits round half to even.
    CHECK(date_time::parse("2020-01-02T03:04:05.12345675", s, z).fraction_ticks() == 1234568);
    CHECK(date_time::parse("2020-01-02T03:04:05.12345665", s, z).fraction_ticks() == 1234566);
    CHECK(date_time::parse("2020-01-02T03:04:05.123456651", s, z).fraction_ticks() == 1234567);
    CHECK(date_time::parse("2020-01-02T03:04:05.12345664999", s, z).fraction_ticks() == 1234566);
    CHECK(date_time::parse("2020-01-02T23:59:59.99999995Z", s, z) == dt(2020, 1, 3, 0, 0, 0, 0, utc));

    check_error("9999-12-31T23:59:59.99999999Z", s, errc::out_of_range, 0);
    check_error("10000-01-01T00:00:00", s, errc::out_of_range, 0);
    check_error("0000-01-01T00:00:00", s, errc::out_of_range, 0);
    check_error("2020-13-01T00:00:00", s, errc::out_of_range, 5);
    check_error("1900-02-29T00:00:00", s, errc::out_of_range, 8);
    check_error("2020-01-02T24:00:00", s, errc::out_of_range, 11);
    check_error("2020-01-02T23:60:00", s, errc::out_of_range, 14);
    check_error("2020-01-02T23:59:60", s, errc::out_of_range, 17);
    check_error("2020-01-02T03:04:05+14:01", s, errc::out_of_range, 19);
    check_error("2020-01-02T03:04:05-14:01", s, errc::out_of_range, 19);
    check_error("2020-01-02T03:04:05-0500", s, errc::syntax, 22);
    check_error("2020-01-02 03:04:05", s, errc::syntax, 10);
    check_error("2020-01-02T03:04", s, errc::syntax, 16);
    check_error("2020-01-02T03:04:05.", s, errc::syntax, 20);
    check_error("2020-1-02", s, errc::syntax, 6);
    check_error("20x0-01-02", s, errc::syntax, 2);
    check_error("2020-01-02T03:04:05Zx", s, errc::syntax, 20);
    check_error("03:04:05", s, errc::unsupported, 0);
    check_error("--01-02", s, errc::unsupported, 0);
    check_error("", s, errc::syntax, 0);
    check_error("  ", s, errc::syntax, 2);
}

TEST_CASE("JSV/CSV/query shortest form (ToShortestXsdDateTimeString)") {
    const auto& z = time_zone::utc();
    const auto f = date_time_format::jsv;
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, utc).to_string(f, z) == "2021-03-04T05:06:07.89Z");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 0, utc).to_string(f, z) == "2021-03-04T05:06:07Z");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 1234567, utc).to_string(f, z) == "2021-03-04T05:06:07.1234567Z");
    CHECK(dt(2021, 3, 4, 0, 0, 0, 0, utc).to_string(f, z) == "2021-03-04");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, local).to_string(f, z) == "2021-03-04T05:06:07.8900000+00:00");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000).to_string(f, z) == "2021-03-04T05:06:07.8900000+00:00");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, local).to_string(f, ny()) == "2021-03-04T05:06:07.8900000-05:00");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 0, local).to_string(f, ny()) == "2021-03-04T05:06:07-05:00");
    CHECK(date_time::min_value().to_string(f, z) == "0001-01-01");
    CHECK(date_time::max_value().to_string(f, z) == "9999-12-31T23:59:59.9999999+00:00");
    // DateTimeSerializerTests.ToShortestXsdDateTimeString_works, live AppInitTime/ModifiedAt.
    CHECK(dt(1979, 5, 9).to_string(f, z) == "1979-05-09");
    CHECK(dt(1979, 5, 9, 0, 0, 1, 0, utc).to_string(f, z) == "1979-05-09T00:00:01Z");
    CHECK(dt(1979, 5, 9, 0, 0, 0, 10000, utc).to_string(f, z) == "1979-05-09T00:00:00.001Z");
    CHECK(dt(1979, 5, 9, 0, 0, 0, 10000, utc).to_string(date_time_format::jsv_net_core, z) ==
          "1979-05-09T00:00:00.0010000Z");
    CHECK(dt(2025, 1, 15, 6, 16, 3, 6874989, local).to_string(f, ny()) == "2025-01-15T06:16:03.6874989-05:00");
    CHECK(date_time().to_string(f, ny()) == "0001-01-01");
    // They read back (servicestack syntax) as the same instant.
    const auto s = date_time_syntax::servicestack;
    for (const date_time v : {dt(2021, 3, 4, 5, 6, 7, 8900000, utc), dt(2021, 3, 4, 5, 6, 7, 0, utc),
                              dt(2021, 3, 4, 5, 6, 7, 8900000, local), dt(2021, 3, 4, 5, 6, 7, 1, unspecified)}) {
        const std::string text = v.to_string(f, z);
        INFO(text);
        CHECK(date_time::same_instant(date_time::parse(text, s, z), v, z));
    }
}

TEST_CASE("other DateHandler spellings") {
    const auto& z = time_zone::utc();
    const date_time v = dt(1994, 11, 24, 12, 34, 56, 0, utc);
    CHECK(v.to_string(date_time_format::iso8601_date_only, z) == "1994-11-24");
    CHECK(v.to_string(date_time_format::iso8601_date_time, z) == "1994-11-24 12:34:56");
    CHECK(v.to_string(date_time_format::rfc1123, z) == "Thu, 24 Nov 1994 12:34:56 GMT");
    CHECK(dt(1994, 11, 24, 7, 34, 56, 0, local).to_string(date_time_format::rfc1123, time_zone::fixed(-300)) ==
          "Thu, 24 Nov 1994 12:34:56 GMT");
    CHECK(dt(1994, 11, 24, 0, 0, 0, 0, utc).to_string(date_time_format::unix_seconds, z) == "785635200");
    CHECK(v.to_string(date_time_format::unix_ms, z) == "785680496000");
    CHECK(dt(1969, 12, 31, 23, 59, 59, 5000000, utc).to_string(date_time_format::unix_seconds, z) == "0");
    CHECK(date_time().to_string(date_time_format::system_text_json, z) == "0001-01-01T00:00:00");
    CHECK(dt(2021, 3, 4, 5, 6, 7, 8900000, utc).to_string(date_time_format::system_text_json, z) ==
          "2021-03-04T05:06:07.89Z");
    CHECK(date_time::parse("785635200", date_time_syntax::unix_seconds, z) == dt(1994, 11, 24, 0, 0, 0, 0, utc));
    CHECK(date_time::parse("785680496000", date_time_syntax::unix_ms, z) == v);
    CHECK(date_time::parse("-1", date_time_syntax::unix_ms, z) == dt(1969, 12, 31, 23, 59, 59, 9990000, utc));
    check_error("785635200x", date_time_syntax::unix_seconds, errc::syntax, 9);
    check_error("253402300800", date_time_syntax::unix_seconds, errc::out_of_range, 0);
    check_error("", date_time_syntax::unix_ms, errc::syntax, 0);
}

TEST_CASE("ServiceStack parser: every form and the kind it gets") {
    const auto& z = time_zone::utc();
    const auto s = date_time_syntax::servicestack;
    const auto p = [&](std::string_view t) { return date_time::parse(t, s, z); };
    // Z or an offset → Local, same instant.
    CHECK(p("2021-03-04T05:06:07.89Z") == dt(2021, 3, 4, 5, 6, 7, 8900000, local));
    CHECK(p("2021-03-04T05:06:07Z") == dt(2021, 3, 4, 5, 6, 7, 0, local));
    CHECK(p("2021-03-04T05:06:07.1Z") == dt(2021, 3, 4, 5, 6, 7, 1000000, local));
    CHECK(p("2021-03-04T05:06:07.1234567Z") == dt(2021, 3, 4, 5, 6, 7, 1234567, local));
    CHECK(p("2021-03-04T05:06:07.12345678Z") == dt(2021, 3, 4, 5, 6, 7, 1234568, local));
    CHECK(p("2021-03-04T05:06:07.123456789Z") == dt(2021, 3, 4, 5, 6, 7, 1234568, local));
    CHECK(p("2021-03-04T05:06:07.89z") == dt(2021, 3, 4, 5, 6, 7, 8900000, local));
    CHECK(p("2021-03-04 05:06:07.89Z") == dt(2021, 3, 4, 5, 6, 7, 8900000, local));
    CHECK(p("2021-03-04T05:06:07-0500") == dt(2021, 3, 4, 10, 6, 7, 0, local));
    CHECK(p("2021-03-04T05:06:07-05:00") == dt(2021, 3, 4, 10, 6, 7, 0, local));
    CHECK(p("2021-03-04T05:06:07.8900000+02:00") == dt(2021, 3, 4, 3, 6, 7, 8900000, local));
    CHECK(p("Thu, 24 Nov 1994 12:34:56 GMT") == dt(1994, 11, 24, 12, 34, 56, 0, local));
    CHECK(date_time::parse("2021-03-04T05:06:07.89Z", s, ny()) == dt(2021, 3, 4, 0, 6, 7, 8900000, local));
    CHECK(p("9999-12-31T23:59:59.9999999Z") == date_time::max_value().specify_kind(local));
    CHECK(date_time::parse("9999-12-31T23:59:59.9999999Z", s, time_zone::fixed(60)) ==
          date_time::max_value().specify_kind(local));  // clamped like ToLocalTime
    // No zone → Unspecified.
    CHECK(p("2021-03-04T05:06:07") == dt(2021, 3, 4, 5, 6, 7));
    CHECK(p("2021-03-04 05:06:07") == dt(2021, 3, 4, 5, 6, 7));
    CHECK(p("2021-03-04T05:06:07.123") == dt(2021, 3, 4, 5, 6, 7, 1230000));
    CHECK(p("2021-03-04T05:06") == dt(2021, 3, 4, 5, 6));
    // Date only: Local midnight; yyyyMMdd: Unspecified.
    CHECK(p("2021-03-04") == dt(2021, 3, 4, 0, 0, 0, 0, local));
    CHECK(date_time::parse("2021-03-04", s, ny()) == dt(2021, 3, 4, 0, 0, 0, 0, local));
    CHECK(p("20210304") == dt(2021, 3, 4));
    // dd/MM/yyyy is day first, the longer slash form month first (as observed).
    CHECK(p("03/04/2021") == dt(2021, 4, 3, 0, 0, 0, 0, local));
    CHECK(p("03/04/2021 05:06:07") == dt(2021, 3, 4, 5, 6, 7));
    CHECK(p("03/04/2021 05:06:07.123") == dt(2021, 3, 4, 5, 6, 7, 1230000));

    check_error("", s, errc::syntax, 0);
    check_error("1614834367890", s, errc::invalid_value, 0);  // ServiceStack: default(DateTime)
    check_error("-5", s, errc::invalid_value, 0);
    check_error("garbage", s, errc::syntax, 0);
    check_error("2021-03-04T05:06:07.89Q", s, errc::syntax, 22);
    check_error("2021-03-04T05:06:07.Z", s, errc::syntax, 20);
    check_error("2021-02-30", s, errc::out_of_range, 8);
    check_error("2021-03-04T25:06:07", s, errc::out_of_range, 11);
    check_error("2021-03-04T05:06:07+14:01", s, errc::out_of_range, 19);
    check_error("2021-03-04T05:06:07+1", s, errc::syntax, 21);
    check_error("0001-01-01T00:00:00+01:00", s, errc::out_of_range, 19);
    check_error("10000-01-01", s, errc::out_of_range, 0);
    check_error("32/01/2021", s, errc::out_of_range, 0);
    check_error("01/13/2021", s, errc::out_of_range, 3);
    check_error("13/01/2021 00:00:00", s, errc::out_of_range, 0);
    check_error("20211304", s, errc::out_of_range, 4);
    check_error("Fri, 24 Nov 1994 12:34:56 GMT", s, errc::invalid_value, 0);
    check_error("Thu, 24 Nov 1994 12:34:56 UTC", s, errc::syntax, 25);
    check_error("Thu, 24 Nox 1994 12:34:56 GMT", s, errc::syntax, 8);
    check_error(" 2021-03-04", s, errc::syntax, 0);
    check_error("2021-03-04 ", s, errc::syntax, 11);
}

TEST_CASE("system time zone: America/New_York DST") {
    const auto& zone = ny();
    // Winter −05:00, summer −04:00.
    CHECK(zone.offset_minutes_for_utc(dt(2020, 1, 2, 8).ticks()) == -300);
    CHECK(zone.offset_minutes_for_utc(dt(2020, 7, 4, 16).ticks()) == -240);
    CHECK(zone.offset_minutes_for_local(dt(2020, 1, 2, 3).ticks()) == -300);
    CHECK(zone.offset_minutes_for_local(dt(2020, 7, 4, 12).ticks()) == -240);
    // The DataContractJsonSerializer vector made under this zone writes the same /Date()/ spelling.
    CHECK(dt(2020, 1, 2, 3, 4, 5, 2500000, local).to_string(date_time_format::wcf_json_escaped, zone) ==
          "\\/Date(1577952245250-0500)\\/");
    CHECK(dt(2020, 7, 4, 12, 0, 0, 0, local).to_string(date_time_format::wcf_json_escaped, zone) ==
          "\\/Date(1593878400000-0400)\\/");
    CHECK(dt(2020, 1, 2, 3, 4, 5, 1234567).to_string(date_time_format::wcf_json_escaped, zone) ==
          "\\/Date(1577952245123-0000)\\/");
    CHECK(date_time::parse("\\/Date(1577952245250-0500)\\/", date_time_syntax::servicestack, zone) ==
          dt(2020, 1, 2, 3, 4, 5, 2500000, local));
    CHECK(date_time::parse("/Date(1593878400000-0400)/", date_time_syntax::servicestack, zone) ==
          dt(2020, 7, 4, 12, 0, 0, 0, local));
    // The default zone argument is the system zone.
    CHECK(dt(2020, 7, 4, 12, 0, 0, 0, local).to_string(date_time_format::xsd) == "2020-07-04T12:00:00-04:00");

    // Fall back (2020-11-01 02:00 EDT → 01:00 EST): 01:30 happens twice.
    const date_time first = date_time::from_ticks(dt(2020, 11, 1, 5, 30).ticks(), utc).to_local(zone);
    const date_time second = date_time::from_ticks(dt(2020, 11, 1, 6, 30).ticks(), utc).to_local(zone);
    CHECK(first == dt(2020, 11, 1, 1, 30, 0, 0, local));
    CHECK(second == dt(2020, 11, 1, 1, 30, 0, 0, local));
    CHECK(first.is_ambiguous_dst());
    CHECK_FALSE(second.is_ambiguous_dst());
    CHECK(first.to_string(date_time_format::wcf_json, zone) == "/Date(1604208600000-0400)/");
    CHECK(second.to_string(date_time_format::wcf_json, zone) == "/Date(1604212200000-0500)/");
    CHECK(first.to_string(date_time_format::xsd, zone) == "2020-11-01T01:30:00-04:00");
    CHECK(second.to_string(date_time_format::xsd, zone) == "2020-11-01T01:30:00-05:00");
    CHECK(first.to_universal(zone) == dt(2020, 11, 1, 5, 30, 0, 0, utc));
    CHECK(date_time::parse("2020-11-01T01:30:00-04:00", date_time_syntax::xsd, zone).is_ambiguous_dst());
    // Without the marker an ambiguous wall time is standard time, as TimeZoneInfo.GetUtcOffset says.
    CHECK(dt(2020, 11, 1, 1, 30).to_string(date_time_format::jsv, zone) == "2020-11-01T01:30:00-05:00");
    // Spring forward: 02:30 does not exist; .NET uses the standard offset.
    CHECK(dt(2020, 3, 8, 2, 30).to_string(date_time_format::jsv, zone) == "2020-03-08T02:30:00-05:00");
    CHECK(zone.resolve_local(dt(2020, 3, 8, 2, 30).ticks()).kind == time_zone::mapping::skipped);
    CHECK(zone.resolve_local(dt(2020, 11, 1, 1, 30).ticks()).kind == time_zone::mapping::ambiguous);
    CHECK(zone.resolve_local(dt(2020, 11, 1, 3, 0).ticks()).kind == time_zone::mapping::unique);
    // Before 1883 New York used LMT −4:56:02, floored to −04:57 (as Mono's /Date(…-0457)/ shows).
    CHECK(zone.offset_minutes_for_utc(0) == -297);
    CHECK(dt(1, 1, 1, 0, 0, 0, 0, local).to_string(date_time_format::xsd, zone) == "0001-01-01T00:00:00-04:57");
}

TEST_CASE("round trips through every text form") {
    const auto& zone = ny();
    std::uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 2000; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        const auto ticks = static_cast<std::int64_t>((seed >> 2) % 3155378975999999999ull);
        for (const date_time_kind k : {utc, local, unspecified}) {
            const date_time v = date_time::from_ticks(ticks, k);
            INFO("ticks " << ticks << " kind " << static_cast<int>(k));
            const date_time x = date_time::parse(v.to_string(date_time_format::xsd, zone), date_time_syntax::xsd, zone);
            if (k == local) CHECK(date_time::same_instant(x, v, zone));
            else CHECK(x == v);
            const date_time o =
                date_time::parse(v.to_string(date_time_format::iso8601, zone), date_time_syntax::iso8601, zone);
            if (k == local) CHECK(date_time::same_instant(o, v, zone));
            else CHECK(o == v);
            const date_time j =
                date_time::parse(v.to_string(date_time_format::jsv, zone), date_time_syntax::servicestack, zone);
            CHECK(date_time::same_instant(j, v, zone));
        }
        // /Date()/ keeps milliseconds (ServiceStack may round the last one up).
        const date_time u = date_time::from_ticks(ticks - ticks % 10000, utc);
        if (u.ticks() > 0 && u.ticks() < 3155378975999990000) {
            const date_time w = date_time::parse(u.to_string(date_time_format::wcf_json_escaped, zone),
                                                 date_time_syntax::servicestack, zone);
            CHECK(w.kind() == utc);
            CHECK(std::abs(w.ticks() - u.ticks()) <= 10000);
        }
    }
}

TEST_CASE("append_to appends; errors carry describe()") {
    std::string out = "[";
    const date_time v = dt(2021, 3, 4, 5, 6, 7, 0, utc);
    v.append_to(out, date_time_format::wcf_json_escaped, time_zone::utc());
    out += ',';
    v.append_to(out, date_time_format::xsd, time_zone::utc());
    out += ']';
    CHECK(out == "[\\/Date(1614834367000)\\/,2021-03-04T05:06:07Z]");
    CHECK(sstk::to_string(v, date_time_format::jsv, time_zone::utc()) == "2021-03-04T05:06:07Z");
    try {
        (void)date_time::parse("2021-03-04T05:06:07.89Q", date_time_syntax::servicestack, time_zone::utc());
        FAIL("no error");
    } catch (const sstk::error& e) {
        CHECK(std::string(e.what()) == "syntax error (byte 22): DateTime: unexpected 'Q' after the value");
    }
    auto r = date_time::try_parse("2021-02-30", date_time_syntax::xsd, time_zone::utc());
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message() == "DateTime: day is not in the month");
}
