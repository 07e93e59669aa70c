// sstk::time_span: xsd:duration (DataContract and ServiceStack flavours), "c" format, parsing.
// Vectors: vectors/datacontract/timespans.*, research servicestack-formats.md §1.9/§4.8,
// servicestack-text-observed.md "TimeSpan".
#include <sstk/types/time_span.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

using sstk::errc;
using sstk::time_span;
using sstk::time_span_format;
using sstk::time_span_syntax;

namespace {

constexpr std::int64_t tick = 1;
constexpr std::int64_t ms = 10'000;
constexpr std::int64_t sec = 10'000'000;
constexpr std::int64_t minute = 60 * sec;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;

// Checks the golden text and that it parses back to the same value.
void write_and_read(std::int64_t ticks, time_span_format f, time_span_syntax s, const std::string& expected) {
    INFO("ticks " << ticks << " expected " << expected);
    const time_span v(ticks);
    CHECK(v.to_string(f) == expected);
    CHECK(time_span::parse(expected, s).ticks() == ticks);
}

void check_error(std::string_view text, time_span_syntax s, errc kind, std::size_t offset) {
    INFO("text '" << std::string(text) << "'");
    auto r = time_span::try_parse(text, s);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == kind);
    CHECK(r.error().offset() == offset);
    CHECK_THROWS_AS(time_span::parse(text, s), sstk::error);
}

}  // namespace

TEST_CASE("xsd duration as DataContractSerializer writes it (timespans vector)") {
    const auto f = time_span_format::xsd;
    const auto s = time_span_syntax::xsd;
    write_and_read(0, f, s, "PT0S");
    write_and_read(1, f, s, "PT0.0000001S");
    write_and_read(5000, f, s, "PT0.0005S");
    write_and_read(36000000000, f, s, "PT1H");
    write_and_read(-36000000000, f, s, "-PT1H");
    write_and_read(937845000000, f, s, "P1DT2H3M4.5S");
    write_and_read(1296000000000, f, s, "P1DT12H");
    write_and_read(-937845000000, f, s, "-P1DT2H3M4.5S");
    write_and_read(12345678, f, s, "PT1.2345678S");
    write_and_read(864000000000, f, s, "P1D");
    write_and_read(std::numeric_limits<std::int64_t>::max(), f, s, "P10675199DT2H48M5.4775807S");
    write_and_read(std::numeric_limits<std::int64_t>::min(), f, s, "-P10675199DT2H48M5.4775808S");
    // research §4.8
    write_and_read(hour + 2 * minute + 3 * sec, f, s, "PT1H2M3S");
    write_and_read(-(hour + 30 * minute), f, s, "-PT1H30M");
    write_and_read(day + 2 * hour + 3 * minute + 4 * sec + 567 * ms, f, s, "P1DT2H3M4.567S");
    write_and_read(54000000000, f, s, "PT1H30M");  // lists_misc <d2p1:duration>
}

TEST_CASE("xsd duration as ServiceStack writes it (TimeSpanConverterTests.Can_Serialize_TimeSpan)") {
    const auto f = time_span_format::servicestack;
    const auto s = time_span_syntax::servicestack;
    write_and_read(day, f, s, "P1D");
    write_and_read(hour, f, s, "PT1H");
    write_and_read(minute, f, s, "PT1M");
    write_and_read(sec, f, s, "PT1S");
    write_and_read(ms, f, s, "PT0.001S");
    write_and_read(day + hour + minute + sec + ms, f, s, "P1DT1H1M1.001S");
    const std::int64_t t = day + 2 * hour + 3 * minute + 4 * sec + 567 * ms + tick;
    write_and_read(t, f, s, "P1DT2H3M4.5670001S");
    write_and_read(-day, f, s, "-P1D");
    write_and_read(-hour, f, s, "-PT1H");
    write_and_read(-minute, f, s, "-PT1M");
    write_and_read(-sec, f, s, "-PT1S");
    write_and_read(-ms, f, s, "-PT0.001S");
    write_and_read(-t, f, s, "-P1DT2H3M4.5670001S");
    write_and_read(1, f, s, "PT0.0000001S");
    write_and_read(0, f, s, "PT0S");
    write_and_read(3605 * day, f, s, "P3605D");
    write_and_read(90000 * day, f, s, "P90000D");
    // servicestack-text-observed.md
    write_and_read(hour + 2 * minute + 3 * sec + 5 * sec / 10, f, s, "PT1H2M3.5S");
    write_and_read(-(hour + 30 * minute), f, s, "-PT1H30M");
    write_and_read(2 * day, f, s, "P2D");
    // MinValue/MaxValue are special-cased on both sides.
    write_and_read(std::numeric_limits<std::int64_t>::max(), f, s, "P10675199DT2H48M5.4775391S");
    write_and_read(std::numeric_limits<std::int64_t>::min(), f, s, "-P10675199DT2H48M5.4775391S");
}

TEST_CASE("ServiceStack's double arithmetic differs from the exact form only for huge values") {
    // 10 675 198 days + 1 tick: the double cannot hold the tick, so ServiceStack drops it.
    const time_span big(10675198 * day + 1);
    CHECK(big.to_string(time_span_format::xsd) == "P10675198DT0.0000001S");
    CHECK(big.to_string(time_span_format::servicestack) == "P10675198D");
    // Ordinary values agree.
    for (std::int64_t v : {std::int64_t{1}, std::int64_t{5000}, std::int64_t{12345678}, std::int64_t{937845000000}, 3605 * day + 7 * ms})
        CHECK(time_span(v).to_string(time_span_format::servicestack) == time_span(v).to_string(time_span_format::xsd));
}

TEST_CASE("\"c\" format") {
    const auto f = time_span_format::constant;
    const auto s = time_span_syntax::constant;
    write_and_read(0, f, s, "00:00:00");
    write_and_read(1, f, s, "00:00:00.0000001");
    write_and_read(5000, f, s, "00:00:00.0005000");
    write_and_read(hour, f, s, "01:00:00");
    write_and_read(-hour, f, s, "-01:00:00");
    write_and_read(937845000000, f, s, "1.02:03:04.5000000");
    write_and_read(1296000000000, f, s, "1.12:00:00");
    write_and_read(-937845000000, f, s, "-1.02:03:04.5000000");
    write_and_read(12345678, f, s, "00:00:01.2345678");
    write_and_read(std::numeric_limits<std::int64_t>::max(), f, s, "10675199.02:48:05.4775807");
    write_and_read(std::numeric_limits<std::int64_t>::min(), f, s, "-10675199.02:48:05.4775808");
    CHECK(time_span::parse("00:00:00.5", s).ticks() == 5 * sec / 10);
    check_error("1:00:00", s, errc::syntax, 1);
    check_error("01:00", s, errc::syntax, 5);
    check_error("00:00:00.12345678", s, errc::out_of_range, 9);
    check_error("24:00:00", s, errc::out_of_range, 0);
    check_error("00:60:00", s, errc::out_of_range, 3);
    check_error("10675200.00:00:00", s, errc::out_of_range, 0);
    check_error("10675199.02:48:05.4775808", s, errc::out_of_range, 0);
    check_error("", s, errc::syntax, 0);
}

TEST_CASE("xsd parsing follows XmlConvert.ToTimeSpan") {
    const auto s = time_span_syntax::xsd;
    // Years are 365 days and months 30 days (dotnet/runtime XsdDuration.TryToTimeSpan).
    CHECK(time_span::parse("P1Y", s).ticks() == 365 * day);
    CHECK(time_span::parse("P1M", s).ticks() == 30 * day);
    CHECK(time_span::parse("P13M", s).ticks() == 395 * day);
    CHECK(time_span::parse("P1Y2M3DT4H5M6.7S", s).ticks() == (365 + 60 + 3) * day + 4 * hour + 5 * minute + 67 * sec / 10);
    CHECK(time_span::parse("PT1M", s).ticks() == minute);
    CHECK(time_span::parse("PT36H", s).ticks() == 36 * hour);
    CHECK(time_span::parse("PT90M", s).ticks() == 90 * minute);
    CHECK(time_span::parse(" \t PT1H\r\n", s).ticks() == hour);  // XsdDuration trims
    // Quirks XmlConvert accepts: no seconds digits before '.', no digits after it.
    CHECK(time_span::parse("PT.5S", s).ticks() == 5 * sec / 10);
    CHECK(time_span::parse("PT1.S", s).ticks() == sec);
    CHECK(time_span::parse("PT1H.5S", s).ticks() == hour + 5 * sec / 10);
    // Fraction digits past the 7th are truncated, not rounded.
    CHECK(time_span::parse("PT0.00000009S", s).ticks() == 0);
    CHECK(time_span::parse("PT1.99999999999S", s).ticks() == 19999999);
    CHECK(time_span::parse("-PT0.00000019S", s).ticks() == -1);

    check_error("01:00:00", s, errc::syntax, 0);
    check_error("", s, errc::syntax, 0);
    check_error("   ", s, errc::syntax, 3);
    check_error("P", s, errc::syntax, 0);
    check_error("-P", s, errc::syntax, 0);
    check_error("PT", s, errc::syntax, 2);
    check_error("P1DT", s, errc::syntax, 4);
    check_error("1D", s, errc::syntax, 0);
    check_error("P1H", s, errc::syntax, 2);
    check_error("PT1D", s, errc::syntax, 3);
    check_error("P1D2Y", s, errc::syntax, 4);
    check_error("PT1S2M", s, errc::syntax, 4);
    check_error("PT1H2", s, errc::syntax, 5);
    check_error("P-1D", s, errc::syntax, 1);
    check_error("P1.5D", s, errc::syntax, 2);
    check_error("PT1.5", s, errc::syntax, 5);
    check_error("PT1H x", s, errc::syntax, 4);
}

TEST_CASE("xsd parsing: overflow") {
    const auto s = time_span_syntax::xsd;
    check_error("PT2147483648S", s, errc::out_of_range, 2);  // each number is an Int32
    check_error("P10675200D", s, errc::out_of_range, 0);
    check_error("P10675199DT2H48M5.4775808S", s, errc::out_of_range, 0);
    CHECK(time_span::parse("-P10675199DT2H48M5.4775808S", s) == time_span::min_value());
    check_error("P2147483647D", s, errc::out_of_range, 0);
}

TEST_CASE("ServiceStack parsing: xsd, clock times and seconds") {
    const auto s = time_span_syntax::servicestack;
    CHECK(time_span::parse("3600", s).ticks() == hour);
    CHECK(time_span::parse("1.5", s).ticks() == 15 * sec / 10);
    CHECK(time_span::parse("-2", s).ticks() == -2 * sec);
    CHECK(time_span::parse("0.00000019", s).ticks() == 1);  // truncated like FromSeconds on .NET Core
    CHECK(time_span::parse("01:02:03", s).ticks() == hour + 2 * minute + 3 * sec);
    CHECK(time_span::parse("1:02:03", s).ticks() == hour + 2 * minute + 3 * sec);
    CHECK(time_span::parse("01:02", s).ticks() == hour + 2 * minute);
    CHECK(time_span::parse("1.02:03:04.5", s).ticks() == 937845000000);
    CHECK(time_span::parse("-01:00:00", s).ticks() == -hour);
    CHECK(time_span::parse("PT1H2M3.5S", s).ticks() == hour + 2 * minute + 35 * sec / 10);
    CHECK(time_span::parse("P10675199DT2H48M5.4775807S", s) == time_span::max_value());

    // ServiceStack reads these as TimeSpan.Zero; sstk reports them.
    check_error("P1Y", s, errc::invalid_value, 2);
    check_error("P2M", s, errc::invalid_value, 2);
    check_error("", s, errc::syntax, 0);
    check_error("garbage", s, errc::syntax, 0);
    check_error("12abc", s, errc::syntax, 2);
    check_error(".", s, errc::syntax, 1);
    check_error("24:00:00", s, errc::out_of_range, 0);
    check_error("00:00:00.12345678", s, errc::out_of_range, 9);
    check_error("99999999999999", s, errc::out_of_range, 0);
    check_error("PT1H junk", s, errc::syntax, 4);
}

TEST_CASE("time_span arithmetic and components") {
    const time_span v = time_span::from_parts(1, 2, 3, 4, 567, 1);
    CHECK(v.ticks() == day + 2 * hour + 3 * minute + 4 * sec + 567 * ms + 1);
    CHECK(v.days() == 1);
    CHECK(v.hours() == 2);
    CHECK(v.minutes() == 3);
    CHECK(v.seconds() == 4);
    CHECK(v.milliseconds() == 567);
    CHECK(v.fraction_ticks() == 5670001);
    const time_span n = -v;
    CHECK(n.days() == -1);
    CHECK(n.hours() == -2);
    CHECK(n.fraction_ticks() == -5670001);
    CHECK(n.duration() == v);
    CHECK(v + n == time_span::zero());
    CHECK(v - v == time_span::zero());
    CHECK(time_span::from_hours(36) == time_span::from_parts(1, 12, 0, 0));
    CHECK(time_span::from_minutes(90).total_seconds() == 5400.0);
    CHECK(time_span::from_milliseconds(1).total_milliseconds() == 1.0);
    CHECK(time_span::from_seconds(1) < time_span::from_minutes(1));
    time_span acc;
    acc += time_span::from_days(2);
    acc -= time_span::from_hours(1);
    CHECK(acc.to_string() == "P1DT23H");

    static_assert(time_span::from_hours(1).ticks() == 36'000'000'000);
    static_assert(time_span::max_value().days() == 10675199);

    CHECK_THROWS_AS(time_span::max_value() + time_span(1), sstk::error);
    CHECK_THROWS_AS(time_span::min_value() - time_span(1), sstk::error);
    CHECK_THROWS_AS(-time_span::min_value(), sstk::error);
    CHECK_THROWS_AS(time_span::min_value().duration(), sstk::error);
    CHECK_THROWS_AS(time_span::from_days(10675200), sstk::error);
    try {
        (void)(time_span::max_value() + time_span(1));
    } catch (const sstk::error& e) {
        CHECK(e.kind() == errc::out_of_range);
    }
}

TEST_CASE("append_to appends without clearing") {
    std::string out = "x=";
    time_span::from_hours(1).append_to(out);
    out += ',';
    time_span::from_hours(1).append_to(out, time_span_format::servicestack);
    out += ',';
    time_span::zero().append_to(out, time_span_format::servicestack);
    out += ',';
    time_span::from_hours(-1).append_to(out, time_span_format::constant);
    CHECK(out == "x=PT1H,PT1H,PT0S,-01:00:00");
    CHECK(sstk::to_string(time_span::from_days(1)) == "P1D");
}
