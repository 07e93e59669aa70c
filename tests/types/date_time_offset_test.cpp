// sstk::date_time_offset: model, "o", WCF (current and v6.0.2 ms), xsd, parsing.
// Vectors: research servicestack-formats.md §1.8, servicestack-text-observed.md (caveat v6 vs HEAD),
// vectors/datacontract/datetimeoffsets.*.
#include <sstk/types/date_time_offset.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

using sstk::date_time;
using sstk::date_time_kind;
using sstk::date_time_offset;
using sstk::date_time_offset_format;
using sstk::date_time_offset_syntax;
using sstk::errc;
using sstk::time_zone;
using sstk::wcf_offset_ms;

namespace {

date_time_offset dto(int y, int mo, int d, int h, int mi, int s, int f, int offset) {
    return date_time_offset::from_civil(y, mo, d, h, mi, s, f, offset);
}

void check_error(std::string_view text, date_time_offset_syntax s, errc kind, std::size_t offset,
                 const time_zone& zone = time_zone::utc()) {
    INFO("text '" << std::string(text) << "'");
    auto r = date_time_offset::try_parse(text, s, zone);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == kind);
    CHECK(r.error().offset() == offset);
    CHECK_THROWS_AS(date_time_offset::parse(text, s, zone), sstk::error);
}

}  // namespace

TEST_CASE("model") {
    const date_time_offset d;
    CHECK(d.clock_ticks() == 0);
    CHECK(d.offset_minutes() == 0);
    CHECK(d == date_time_offset::min_value());
    CHECK(date_time_offset::max_value().clock_ticks() == 3155378975999999999);
    // vectors/datacontract/datetimeoffsets.desc.txt
    const date_time_offset a(637135310450000000, 330);
    CHECK(a == dto(2020, 1, 2, 3, 4, 5, 0, 330));
    CHECK(a.offset() == sstk::time_span::from_minutes(330));
    CHECK(a.utc_date_time() == date_time::from_civil(2020, 1, 1, 21, 34, 5, 0, date_time_kind::utc));
    CHECK(a.clock_date_time() == date_time::from_civil(2020, 1, 2, 3, 4, 5));
    CHECK(a.local_date_time(time_zone::fixed(-300)) == date_time::from_civil(2020, 1, 1, 16, 34, 5, 0, date_time_kind::local));
    const date_time_offset b(637135310456780009, -480);
    CHECK(b.utc_ticks() == date_time::from_civil(2020, 1, 2, 11, 4, 5, 6780009).ticks());

    // == is exact; same_instant is .NET's ==.
    const date_time_offset c = a.to_offset(0);
    CHECK(c == dto(2020, 1, 1, 21, 34, 5, 0, 0));
    CHECK(a != c);
    CHECK(date_time_offset::same_instant(a, c));
    CHECK_FALSE(a < c);
    CHECK(c < b);
    CHECK(date_time_offset::from_utc_ticks(a.utc_ticks(), 330) == a);
    CHECK(date_time_offset::from_date_time(date_time::from_civil(2020, 1, 2, 3, 4, 5, 0, date_time_kind::utc)) ==
          dto(2020, 1, 2, 3, 4, 5, 0, 0));
    CHECK(date_time_offset::from_date_time(date_time::from_civil(2020, 7, 2, 3, 4, 5), time_zone::fixed(-240)) ==
          dto(2020, 7, 2, 3, 4, 5, 0, -240));
    static_assert(date_time_offset(637135310450000000, 840).offset_minutes() == 840);
    static_assert(date_time_offset(0, -840).utc_ticks() == 840 * 600000000LL);

    // Range: ±14:00, and both the wall clock and the instant inside the calendar.
    CHECK(date_time_offset(637135310450000000, 840).offset_minutes() == 840);
    CHECK(date_time_offset(637135310450000000, -840).offset_minutes() == -840);
    CHECK_THROWS_AS(date_time_offset(637135310450000000, 841), sstk::error);
    CHECK_THROWS_AS(date_time_offset(637135310450000000, -841), sstk::error);
    CHECK_THROWS_AS(date_time_offset(0, 60), sstk::error);  // 0001-01-01T00:00+01:00 is before MinValue in UTC
    CHECK_THROWS_AS(date_time_offset(3155378975999999999, -60), sstk::error);
    CHECK_THROWS_AS(date_time_offset(-1, 0), sstk::error);
    CHECK_THROWS_AS(date_time_offset::min_value().to_offset(-60), sstk::error);
    CHECK(date_time_offset::min_value().to_offset(60).clock_ticks() == 36000000000);
    try {
        date_time_offset(0, 900);
    } catch (const sstk::error& e) {
        CHECK(e.kind() == errc::out_of_range);
    }
}

TEST_CASE("\"o\" format (ISO8601 handler, JSV, CSV)") {
    const auto f = date_time_offset_format::iso8601;
    CHECK(dto(1994, 11, 24, 12, 34, 56, 0, 0).to_string(f) == "1994-11-24T12:34:56.0000000+00:00");
    CHECK(dto(1994, 11, 24, 12, 34, 56, 0, -420).to_string(f) == "1994-11-24T12:34:56.0000000-07:00");
    CHECK(dto(2021, 3, 4, 5, 6, 7, 8900000, 120).to_string(f) == "2021-03-04T05:06:07.8900000+02:00");
    CHECK(date_time_offset(637135310450000000, 330).to_string(f) == "2020-01-02T03:04:05.0000000+05:30");
    CHECK(date_time_offset(637135310456780009, -480).to_string(f) == "2020-01-02T03:04:05.6780009-08:00");
    CHECK(date_time_offset::min_value().to_string(f) == "0001-01-01T00:00:00.0000000+00:00");
    CHECK(date_time_offset::max_value().to_string(f) == "9999-12-31T23:59:59.9999999+00:00");
    for (const char* text : {"1994-11-24T12:34:56.0000000+00:00", "1994-11-24T12:34:56.0000000-07:00",
                             "2021-03-04T05:06:07.8900000+02:00", "2020-01-02T03:04:05.6780009-08:00",
                             "0001-01-01T00:00:00.0000000+00:00", "9999-12-31T23:59:59.9999999+00:00"}) {
        INFO(text);
        CHECK(date_time_offset::parse(text).to_string(f) == text);
        CHECK(date_time_offset::parse(text, date_time_offset_syntax::iso8601).to_string(f) == text);
    }
}

TEST_CASE("WCF /Date()/: current ServiceStack (UTC ms) and v6.0.2 (wall-clock ms)") {
    const auto esc = date_time_offset_format::wcf_json_escaped;
    // DateTimeSerializerTests.CanDeserialize_DateTimeOffset_with_Offset
    const date_time_offset a = dto(2012, 6, 27, 11, 26, 4, 5240000, 480);
    CHECK(a.to_string(esc) == "\\/Date(1340767564524+0800)\\/");
    CHECK(date_time_offset::parse("\\/Date(1340767564524+0800)\\/") == a);
    // servicestack-text-observed.md caveat: v6.0.2 writes the wall clock.
    const date_time_offset b = dto(2021, 3, 4, 5, 6, 7, 8900000, 120);
    CHECK(b.to_string(date_time_offset_format::wcf_json, wcf_offset_ms::wall_clock) == "/Date(1614834367890+0200)/");
    CHECK(b.to_string(date_time_offset_format::wcf_json) == "/Date(1614827167890+0200)/");
    CHECK(date_time_offset::parse("/Date(1614834367890+0200)/", date_time_offset_syntax::servicestack, time_zone::utc(),
                                  wcf_offset_ms::wall_clock) == b);
    CHECK(date_time_offset::parse("/Date(1614827167890+0200)/") == b);
    // Offset 0 → no suffix (live EchoTypes); Min/Max.
    CHECK(date_time_offset::min_value().to_string(esc) == "\\/Date(-62135596800000)\\/");
    CHECK(date_time_offset::max_value().to_string(esc) == "\\/Date(253402300799999)\\/");
    CHECK(date_time_offset::parse("\\/Date(-62135596800000)\\/") == date_time_offset::min_value());
    CHECK(date_time_offset::parse("\\/Date(253402300799999)\\/") == date_time_offset::max_value());
    CHECK(dto(1969, 12, 31, 23, 59, 59, 9990000, 0).to_string(esc) == "\\/Date(-1)\\/");
    CHECK(date_time_offset::parse("/Date(-1)/") == dto(1969, 12, 31, 23, 59, 59, 9990000, 0));
    // -0000: the reader's zone offset at that instant.
    CHECK(date_time_offset::parse("/Date(1593878400000-0000)/", date_time_offset_syntax::servicestack,
                                  time_zone::fixed(-240)) == dto(2020, 7, 4, 12, 0, 0, 0, -240));
    CHECK(date_time_offset::parse("/Date(1593878400000+0000)/") == dto(2020, 7, 4, 16, 0, 0, 0, 0));
    // Negative ms with an offset; the v6 ms are truncated toward zero like .NET's long division.
    CHECK(dto(1969, 12, 31, 23, 0, 0, 5, -60).to_string(date_time_offset_format::wcf_json) == "/Date(0-0100)/");

    const auto s = date_time_offset_syntax::servicestack;
    check_error("/Date(1614827167890+1401)/", s, errc::out_of_range, 19);
    check_error("/Date(-62135596800000-0100)/", s, errc::out_of_range, 0);  // wall clock before MinValue
    check_error("/Date(253402300800000)/", s, errc::out_of_range, 6);
    check_error("/Date(1614827167890+0200)", s, errc::syntax, 25);
}

TEST_CASE("xsd (XmlConvert) and the DataContract complex form") {
    const auto f = date_time_offset_format::xsd;
    CHECK(date_time_offset(637135310450000000, 0).to_string(f) == "2020-01-02T03:04:05Z");
    CHECK(date_time_offset(637135310450000000, 330).to_string(f) == "2020-01-02T03:04:05+05:30");
    CHECK(date_time_offset(637135310456780009, -480).to_string(f) == "2020-01-02T03:04:05.6780009-08:00");
    // datetimeoffsets.xml: <DateTime> is the UTC instant in xsd form, <OffsetMinutes> the offset.
    const auto& z = time_zone::utc();
    const auto x = sstk::date_time_format::xsd;
    CHECK(date_time_offset(637135310450000000, 0).utc_date_time().to_string(x, z) == "2020-01-02T03:04:05Z");
    CHECK(date_time_offset(637135310450000000, 330).utc_date_time().to_string(x, z) == "2020-01-01T21:34:05Z");
    CHECK(date_time_offset(637135310456780009, -480).utc_date_time().to_string(x, z) == "2020-01-02T11:04:05.6780009Z");
    CHECK(date_time_offset::min_value().utc_date_time().to_string(x, z) == "0001-01-01T00:00:00Z");
    CHECK(date_time_offset::max_value().utc_date_time().to_string(x, z) == "9999-12-31T23:59:59.9999999Z");
    // ...and back.
    const date_time u = date_time::parse("2020-01-01T21:34:05Z", sstk::date_time_syntax::xsd, z);
    CHECK(date_time_offset::from_utc_ticks(u.ticks(), 330) == date_time_offset(637135310450000000, 330));

    const auto s = date_time_offset_syntax::xsd;
    CHECK(date_time_offset::parse(" 2020-01-02T03:04:05+05:30 ", s) == date_time_offset(637135310450000000, 330));
    CHECK(date_time_offset::parse("2020-01-02T03:04:05Z", s) == date_time_offset(637135310450000000, 0));
    // No zone: the zone's offset for that wall time (XmlConvert.ToDateTimeOffset).
    CHECK(date_time_offset::parse("2020-01-02T03:04:05", s, time_zone::fixed(-300)) ==
          date_time_offset(637135310450000000, -300));
    check_error("2020-01-02T03:04:05-0800", s, errc::syntax, 22);
    check_error("03:04:05Z", s, errc::unsupported, 0);
    check_error("", s, errc::syntax, 0);
}

TEST_CASE("ServiceStack and ISO parsing") {
    const auto s = date_time_offset_syntax::servicestack;
    // No zone → +00:00 (ServiceStack appends Z).
    CHECK(date_time_offset::parse("2021-03-04T05:06:07.89", s, time_zone::fixed(120)) == dto(2021, 3, 4, 5, 6, 7, 8900000, 0));
    CHECK(date_time_offset::parse("2021-03-04", s) == dto(2021, 3, 4, 0, 0, 0, 0, 0));
    CHECK(date_time_offset::parse("2021-03-04 05:06:07-0500", s) == dto(2021, 3, 4, 5, 6, 7, 0, -300));
    CHECK(date_time_offset::parse("2021-03-04T05:06:07.123456789z", s) == dto(2021, 3, 4, 5, 6, 7, 1234568, 0));
    CHECK(date_time_offset::parse("Thu, 24 Nov 1994 12:34:56 GMT", s) == dto(1994, 11, 24, 12, 34, 56, 0, 0));
    // ISO (DateTimeOffset.Parse / System.Text.Json): no zone → the zone's offset.
    CHECK(date_time_offset::parse("2021-03-04T05:06:07", date_time_offset_syntax::iso8601, time_zone::fixed(120)) ==
          dto(2021, 3, 4, 5, 6, 7, 0, 120));

    check_error("", s, errc::syntax, 0);
    check_error("garbage", s, errc::syntax, 0);
    check_error("2021-03-04T05:06:07+14:01", s, errc::out_of_range, 19);
    check_error("2021-03-04T05:06:07-14:01", s, errc::out_of_range, 19);
    check_error("0001-01-01T00:00:00+01:00", s, errc::out_of_range, 19);
    check_error("9999-12-31T23:59:59-01:00", s, errc::out_of_range, 19);
    check_error("10000-01-01", s, errc::out_of_range, 0);
    check_error("2021-02-29T00:00:00Z", s, errc::out_of_range, 8);
    check_error("2021-03-04T05:06:07.", s, errc::syntax, 20);
    check_error("2021-03-04 05:06:07", date_time_offset_syntax::iso8601, errc::syntax, 10);
}

TEST_CASE("round trips") {
    std::uint64_t seed = 12345;
    for (int i = 0; i < 3000; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        const int offset = static_cast<int>((seed >> 40) % 1681) - 840;
        const auto ticks = static_cast<std::int64_t>((seed >> 2) % 3155378975999999999ull);
        const auto r = date_time_offset::try_parse("x");  // keep the non-throwing path exercised
        REQUIRE_FALSE(r.has_value());
        date_time_offset v;
        try {
            v = date_time_offset(ticks, offset);
        } catch (const sstk::error&) {
            continue;  // instant outside the calendar
        }
        INFO(v.to_string());
        CHECK(date_time_offset::parse(v.to_string()) == v);
        CHECK(date_time_offset::parse(v.to_string(date_time_offset_format::xsd), date_time_offset_syntax::xsd) == v);
        const std::int64_t clock_ms = v.clock_ticks() - v.clock_ticks() % 10000;
        if (clock_ms - offset * 600000000LL >= 0) {
            const date_time_offset ms_v(clock_ms, offset);
            CHECK(date_time_offset::parse(ms_v.to_string(date_time_offset_format::wcf_json_escaped)) == ms_v);
            CHECK(date_time_offset::parse(ms_v.to_string(date_time_offset_format::wcf_json, wcf_offset_ms::wall_clock),
                                          date_time_offset_syntax::servicestack, time_zone::utc(),
                                          wcf_offset_ms::wall_clock) == ms_v);
        }
    }
    std::string out = "<";
    date_time_offset::max_value().append_to(out, date_time_offset_format::wcf_json);
    out += '>';
    CHECK(out == "</Date(253402300799999)/>");
    CHECK(sstk::to_string(date_time_offset()) == "0001-01-01T00:00:00.0000000+00:00");
}
