// sstk::date_time — .NET System.DateTime: 100 ns ticks since 0001-01-01T00:00:00 plus a kind
// (Unspecified, Utc, Local), with every wire spelling ServiceStack and DataContractSerializer use.
//
// Local (and Unspecified, where .NET needs an instant) is read through a sstk::time_zone that the
// caller passes; it defaults to time_zone::system(), the process TZ, like .NET's TimeZoneInfo.Local.
//
// Equality: `==` compares ticks AND kind. .NET's DateTime.Equals/== compare ticks only; use
// equals_ignoring_kind() for that, or same_instant() to compare instants. `<=>` orders by ticks
// like DateTime.CompareTo (so two values can be equivalent without being equal).
//
// Writing (append_to / to_string), date_time_format:
//   wcf_json, wcf_json_escaped  ServiceStack DateHandler.TimestampOffset (the default):
//               Utc `/Date(ms)/`; Local `/Date(utcMs±hhmm)/` with the zone's offset at that time;
//               Unspecified is taken as local for the instant but suffixed with the literal -0000;
//               MinValue (any kind but Utc) `/Date(-62135596800000-0000)/` with no zone shift.
//               ms is ServiceStack's (long)TimeSpan.TotalMilliseconds, a double, so sub-ms ticks
//               may round up: MaxValue → 253402300800000. The _escaped form is `\/Date(…)\/`, the
//               bytes a JSON writer must emit.
//   iso8601     DateHandler.ISO8601 = ToString("o"): 7 fraction digits; Z / ±hh:mm / nothing.
//   xsd         XmlConvert RoundtripKind (DataContractSerializer): fraction trimmed of trailing
//               zeros and left out when zero; Z / ±hh:mm / nothing.
//   system_text_json  System.Text.Json's ISO form, which is byte-identical to xsd.
//   jsv         ServiceStack's shortest form (JSV, CSV, query strings; DateHandler ignored):
//               midnight (any kind) → yyyy-MM-dd; Utc → ss[.f trimmed]Z as Mono/.NET Framework
//               write it (observed); Local/Unspecified → ss[.fffffff]±hh:mm with the zone offset.
//   jsv_net_core  the same on .NET Core, whose Utc fraction is always 7 digits (…00.0010000Z).
//   iso8601_date_only `yyyy-MM-dd`, iso8601_date_time `yyyy-MM-dd HH:mm:ss` (wall clock).
//   rfc1123     `Thu, 24 Nov 1994 12:34:56 GMT` of the UTC instant.
//   unix_seconds, unix_ms  DateHandler.UnixTime / UnixTimeMs (instant as for wcf_json).
//
// Reading (parse / try_parse), date_time_syntax:
//   servicestack  DateTimeSerializer.ParseShortestXsdDateTime's forms with the kinds ServiceStack
//                 v6 assigns (observed on the real library; see the table at parse_servicestack).
//   xsd           XmlConvert.ToDateTime(s, RoundtripKind), as DataContractSerializer reads.
//   iso8601       ISO 8601 as System.Text.Json reads it: Z → Utc, offset → Local (same instant),
//                 no zone → Unspecified.
//   unix_seconds, unix_ms  a bare integer, as DateHandler.UnixTime/UnixTimeMs → Utc.
// ServiceStack.Text returns default(DateTime) for "", bare numbers and garbage; sstk never
// defaults silently: every malformed or out-of-range text is an sstk::error carrying the byte
// offset of the fault.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/civil.hpp>
#include <sstk/types/detail/date_text.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/types/time_zone.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk {

enum class date_time_kind : std::uint8_t { unspecified, utc, local };

// System.DayOfWeek numbering.
enum class day_of_week : std::uint8_t { sunday, monday, tuesday, wednesday, thursday, friday, saturday };

enum class date_time_format : std::uint8_t {
    wcf_json,
    wcf_json_escaped,
    iso8601,
    xsd,
    system_text_json,
    jsv,
    jsv_net_core,
    iso8601_date_only,
    iso8601_date_time,
    rfc1123,
    unix_seconds,
    unix_ms,
};

enum class date_time_syntax : std::uint8_t { servicestack, xsd, iso8601, unix_seconds, unix_ms };

class date_time {
public:
    static constexpr std::int64_t max_ticks = detail::dates::max_ticks;

    // 0001-01-01T00:00:00, Unspecified: default(DateTime).
    constexpr date_time() noexcept = default;

    static constexpr date_time from_ticks(std::int64_t ticks, date_time_kind kind = date_time_kind::unspecified) {
        if (ticks < 0 || ticks > max_ticks)
            detail::dates::throw_error(errc::out_of_range,
                                       "DateTime: ticks must be within 0..3155378975999999999");
        return date_time(ticks, checked_kind(kind));
    }
    static constexpr date_time from_civil(int year, int month, int day, int hour = 0, int minute = 0, int second = 0,
                                          int fraction_ticks = 0,
                                          date_time_kind kind = date_time_kind::unspecified) {
        namespace d = detail::dates;
        if (year < 1 || year > 9999) d::throw_error(errc::out_of_range, "DateTime: year must be 1..9999");
        if (month < 1 || month > 12) d::throw_error(errc::out_of_range, "DateTime: month must be 1..12");
        if (day < 1 || day > d::days_in_month(year, month))
            d::throw_error(errc::out_of_range, "DateTime: day is not in the month");
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
            d::throw_error(errc::out_of_range, "DateTime: time of day out of range");
        if (fraction_ticks < 0 || fraction_ticks > 9'999'999)
            d::throw_error(errc::out_of_range, "DateTime: fraction must be 0..9999999 ticks");
        return date_time(d::days_from_civil(year, month, day) * d::ticks_per_day + hour * d::ticks_per_hour +
                             minute * d::ticks_per_minute + second * d::ticks_per_second + fraction_ticks,
                         checked_kind(kind));
    }
    // Milliseconds since 1970-01-01T00:00:00Z (kind Utc unless told otherwise).
    static constexpr date_time from_unix_ms(std::int64_t ms, date_time_kind kind = date_time_kind::utc) {
        namespace d = detail::dates;
        std::int64_t t = 0;
        if (d::mul_overflows(ms, d::ticks_per_ms, t) || d::add_overflows(t, d::unix_epoch_ticks, t) || t < 0 ||
            t > max_ticks)
            d::throw_error(errc::out_of_range, "DateTime: Unix milliseconds outside 0001-01-01..9999-12-31");
        return date_time(t, checked_kind(kind));
    }
    static constexpr date_time from_unix_seconds(std::int64_t s, date_time_kind kind = date_time_kind::utc) {
        std::int64_t ms = 0;
        if (detail::dates::mul_overflows(s, 1000, ms))
            detail::dates::throw_error(errc::out_of_range, "DateTime: Unix seconds outside 0001-01-01..9999-12-31");
        return from_unix_ms(ms, kind);
    }

    static constexpr date_time min_value() noexcept { return date_time(); }
    static constexpr date_time max_value() noexcept { return date_time(max_ticks, 0); }
    static constexpr date_time unix_epoch() noexcept {
        return date_time(detail::dates::unix_epoch_ticks, static_cast<std::uint8_t>(date_time_kind::utc));
    }

    constexpr std::int64_t ticks() const noexcept { return ticks_; }
    constexpr date_time_kind kind() const noexcept {
        return kind_ == ambiguous_dst_bits ? date_time_kind::local : static_cast<date_time_kind>(kind_);
    }
    // True for a Local value that is the first (daylight-time) occurrence of a repeated hour, as
    // .NET's internal KindLocalAmbiguousDst records when ToLocalTime produces it. Formatting then
    // uses the daylight offset, so such values round-trip to the right instant.
    constexpr bool is_ambiguous_dst() const noexcept { return kind_ == ambiguous_dst_bits; }

    constexpr int year() const noexcept { return detail::dates::civil_from_days(ticks_ / detail::dates::ticks_per_day).year; }
    constexpr int month() const noexcept { return detail::dates::civil_from_days(ticks_ / detail::dates::ticks_per_day).month; }
    constexpr int day() const noexcept { return detail::dates::civil_from_days(ticks_ / detail::dates::ticks_per_day).day; }
    constexpr int hour() const noexcept { return static_cast<int>(ticks_ / detail::dates::ticks_per_hour % 24); }
    constexpr int minute() const noexcept { return static_cast<int>(ticks_ / detail::dates::ticks_per_minute % 60); }
    constexpr int second() const noexcept { return static_cast<int>(ticks_ / detail::dates::ticks_per_second % 60); }
    constexpr int millisecond() const noexcept { return static_cast<int>(ticks_ / detail::dates::ticks_per_ms % 1000); }
    // Ticks within the second, 0..9999999.
    constexpr int fraction_ticks() const noexcept { return static_cast<int>(ticks_ % detail::dates::ticks_per_second); }
    constexpr sstk::day_of_week day_of_week() const noexcept {
        return static_cast<sstk::day_of_week>((ticks_ / detail::dates::ticks_per_day + 1) % 7);  // 0001-01-01: Monday
    }
    constexpr int day_of_year() const noexcept {
        const auto c = detail::dates::civil_from_days(ticks_ / detail::dates::ticks_per_day);
        return static_cast<int>(ticks_ / detail::dates::ticks_per_day - detail::dates::days_from_civil(c.year, 1, 1)) + 1;
    }
    constexpr time_span time_of_day() const noexcept { return time_span(ticks_ % detail::dates::ticks_per_day); }
    constexpr date_time date() const noexcept { return date_time(ticks_ - ticks_ % detail::dates::ticks_per_day, plain_kind()); }
    constexpr date_time specify_kind(date_time_kind k) const { return date_time(ticks_, checked_kind(k)); }

    // DateTime + TimeSpan; leaving 0001..9999 is an out_of_range error. Keeps the kind.
    constexpr date_time add(time_span d) const {
        std::int64_t t = 0;
        if (detail::dates::add_overflows(ticks_, d.ticks(), t) || t < 0 || t > max_ticks)
            detail::dates::throw_error(errc::out_of_range, "DateTime: result is outside 0001-01-01..9999-12-31");
        return date_time(t, plain_kind());
    }
    friend constexpr date_time operator+(date_time a, time_span d) { return a.add(d); }
    friend constexpr date_time operator-(date_time a, time_span d) { return a.add(-d); }
    // Difference of the wall clocks (kinds ignored, as in .NET).
    friend constexpr time_span operator-(date_time a, date_time b) noexcept { return time_span(a.ticks_ - b.ticks_); }

    // .NET ToUniversalTime(): Utc unchanged; Local and Unspecified read as local time in `zone`;
    // the result is clamped to MinValue/MaxValue as .NET clamps.
    date_time to_universal(const time_zone& zone = time_zone::system()) const {
        if (kind() == date_time_kind::utc) return *this;
        return date_time(detail::dates::clamp_ticks(ticks_ - utc_offset_minutes(zone) * detail::dates::ticks_per_minute),
                         static_cast<std::uint8_t>(date_time_kind::utc));
    }
    // .NET ToLocalTime(): Local unchanged; Utc and Unspecified read as UTC; clamped like .NET.
    date_time to_local(const time_zone& zone = time_zone::system()) const {
        if (kind() == date_time_kind::local) return *this;
        return local_from_utc_ticks(ticks_, zone);
    }
    // Offset (minutes east of UTC) that applies to this value: 0 for Utc, the zone's offset for
    // the wall time otherwise (the daylight one for is_ambiguous_dst()).
    int utc_offset_minutes(const time_zone& zone = time_zone::system()) const {
        if (kind() == date_time_kind::utc) return 0;
        if (is_ambiguous_dst()) return zone.resolve_local(ticks_).earlier;
        return zone.offset_minutes_for_local(ticks_);
    }

    // The Local value for a UTC instant, clamped like ToLocalTime, marking the daylight half of a
    // repeated hour.
    static date_time local_from_utc_ticks(std::int64_t utc_ticks, const time_zone& zone = time_zone::system()) {
        namespace d = detail::dates;
        const int off = zone.offset_minutes_for_utc(utc_ticks);
        std::int64_t local = utc_ticks + off * d::ticks_per_minute;
        if (local < 0 || local > max_ticks)
            return date_time(d::clamp_ticks(local), static_cast<std::uint8_t>(date_time_kind::local));
        const time_zone::local_offsets r = zone.resolve_local(local);
        const bool first_of_two = r.kind == time_zone::mapping::ambiguous && off == r.earlier && r.earlier != r.later;
        return date_time(local, first_of_two ? ambiguous_dst_bits : static_cast<std::uint8_t>(date_time_kind::local));
    }

    friend constexpr bool operator==(date_time a, date_time b) noexcept {
        return a.ticks_ == b.ticks_ && a.kind() == b.kind();
    }
    friend constexpr std::weak_ordering operator<=>(date_time a, date_time b) noexcept { return a.ticks_ <=> b.ticks_; }
    // .NET's DateTime == : ticks only.
    static constexpr bool equals_ignoring_kind(date_time a, date_time b) noexcept { return a.ticks_ == b.ticks_; }
    // Same UTC instant, reading Local/Unspecified through `zone`.
    static bool same_instant(date_time a, date_time b, const time_zone& zone = time_zone::system()) {
        return a.to_universal(zone).ticks_ == b.to_universal(zone).ticks_;
    }

    void append_to(std::string& out, date_time_format f, const time_zone& zone = time_zone::system()) const;
    std::string to_string(date_time_format f, const time_zone& zone = time_zone::system()) const {
        std::string s;
        append_to(s, f, zone);
        return s;
    }
    static date_time parse(std::string_view text, date_time_syntax syntax = date_time_syntax::servicestack,
                           const time_zone& zone = time_zone::system());
    static result<date_time> try_parse(std::string_view text, date_time_syntax syntax = date_time_syntax::servicestack,
                                       const time_zone& zone = time_zone::system()) {
        return capture([&] { return parse(text, syntax, zone); });
    }

private:
    static constexpr std::uint8_t ambiguous_dst_bits = 3;

    constexpr date_time(std::int64_t t, std::uint8_t k) noexcept : ticks_(t), kind_(k) {}
    static constexpr std::uint8_t checked_kind(date_time_kind k) {
        if (static_cast<std::uint8_t>(k) > static_cast<std::uint8_t>(date_time_kind::local))
            detail::dates::throw_error(errc::invalid_value, "DateTime: unknown kind");
        return static_cast<std::uint8_t>(k);
    }
    constexpr std::uint8_t plain_kind() const noexcept { return static_cast<std::uint8_t>(kind()); }

    std::int64_t ticks_ = 0;
    std::uint8_t kind_ = 0;
};

inline std::string to_string(const date_time& v, date_time_format f, const time_zone& zone = time_zone::system()) {
    return v.to_string(f, zone);
}

namespace detail::dates {

// The UTC ticks ServiceStack derives for /Date()/ and Unix times (DateTimeExtensions
// .ToDateTimeSinceUnixEpoch): Unspecified strictly between Min and Max is read as local time;
// otherwise ToStableUniversalTime, which maps a non-Utc MinValue to MinValue Utc unshifted.
inline std::int64_t servicestack_utc_ticks(const date_time& v, const time_zone& zone) {
    switch (v.kind()) {
    case date_time_kind::utc: return v.ticks();
    case date_time_kind::unspecified:
        if (v.ticks() > 0 && v.ticks() < max_ticks)
            return clamp_ticks(v.ticks() - zone.offset_minutes_for_local(v.ticks()) * ticks_per_minute);
        [[fallthrough]];
    case date_time_kind::local:
        if (v.ticks() == 0) return 0;
        return v.to_universal(zone).ticks();
    }
    return v.ticks();
}

// (long)TimeSpan.TotalMilliseconds on .NET Core: (double)ticks / 10000, truncated toward zero.
inline std::int64_t servicestack_unix_ms(std::int64_t utc_ticks) {
    return static_cast<std::int64_t>(static_cast<double>(utc_ticks - unix_epoch_ticks) / static_cast<double>(ticks_per_ms));
}

inline constexpr const char* day_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
inline constexpr const char* month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace detail::dates

inline void date_time::append_to(std::string& out, date_time_format f, const time_zone& zone) const {
    namespace d = detail::dates;
    const d::civil_time c = d::split_ticks(ticks_);
    const date_time_kind k = kind();
    switch (f) {
    case date_time_format::wcf_json:
    case date_time_format::wcf_json_escaped: {
        const bool esc = f == date_time_format::wcf_json_escaped;
        out += esc ? "\\/Date(" : "/Date(";
        d::append_int(out, d::servicestack_unix_ms(d::servicestack_utc_ticks(*this, zone)));
        if (k == date_time_kind::unspecified) out += "-0000";
        else if (k == date_time_kind::local) d::append_offset(out, utc_offset_minutes(zone), false);
        out += esc ? ")\\/" : ")/";
        return;
    }
    case date_time_format::iso8601:
        d::append_date(out, c);
        out += 'T';
        d::append_time(out, c);
        d::append_fraction7(out, c.fraction);
        break;
    case date_time_format::xsd:
    case date_time_format::system_text_json:
        d::append_date(out, c);
        out += 'T';
        d::append_time(out, c);
        d::append_fraction_trimmed(out, c.fraction);
        break;
    case date_time_format::jsv:
    case date_time_format::jsv_net_core:
        // DateTimeSerializer.ToShortestXsdDateTimeString.
        d::append_date(out, c);
        if (ticks_ % d::ticks_per_day == 0) return;
        out += 'T';
        d::append_time(out, c);
        if (k == date_time_kind::utc) {
            if (c.fraction != 0) {
                if (f == date_time_format::jsv) d::append_fraction_trimmed(out, c.fraction);
                else d::append_fraction7(out, c.fraction);
            }
            out += 'Z';
        } else {
            if (c.fraction != 0) d::append_fraction7(out, c.fraction);
            d::append_offset(out, utc_offset_minutes(zone), true);
        }
        return;
    case date_time_format::iso8601_date_only:
        d::append_date(out, c);
        return;
    case date_time_format::iso8601_date_time:
        d::append_date(out, c);
        out += ' ';
        d::append_time(out, c);
        return;
    case date_time_format::rfc1123: {
        const date_time u = to_universal(zone);
        const d::civil_time uc = d::split_ticks(u.ticks_);
        out += d::day_names[static_cast<int>(u.day_of_week())];
        out += ", ";
        d::append_fixed(out, static_cast<std::uint64_t>(uc.day), 2);
        out += ' ';
        out += d::month_names[uc.month - 1];
        out += ' ';
        d::append_fixed(out, static_cast<std::uint64_t>(uc.year), 4);
        out += ' ';
        d::append_time(out, uc);
        out += " GMT";
        return;
    }
    case date_time_format::unix_seconds:
        d::append_int(out, (d::servicestack_utc_ticks(*this, zone) - d::unix_epoch_ticks) / d::ticks_per_second);
        return;
    case date_time_format::unix_ms:
        d::append_int(out, d::servicestack_unix_ms(d::servicestack_utc_ticks(*this, zone)));
        return;
    }
    // Shared zone suffix of iso8601 / xsd / system_text_json.
    if (k == date_time_kind::utc) out += 'Z';
    else if (k == date_time_kind::local) d::append_offset(out, utc_offset_minutes(zone), true);
}

namespace detail::dates {

// Result of the /Date(…)/ scanner.
struct wcf_date {
    std::int64_t utc_ticks;
    bool has_offset;
    bool unspecified_offset;  // the literal "-0000"
    int offset_minutes;
};

// /Date(ms[±hhmm])/ or \/Date(ms[±hhmm])\/ (the closing must match the opening). The offset
// may also be written ±hh:mm (ServiceStack's FromTimeOffsetString inserts the colon itself).
// `max_alias`: read 253402300800000 as MaxValue although it is one tick past it, because that is
// how ServiceStack writes DateTime.MaxValue (rounding up through a double).
inline wcf_date parse_wcf(cursor& c, bool max_alias) {
    const bool esc = c.eat('\\');
    if (c.s.substr(c.pos, 6) != "/Date(") c.fail_expected("'/Date('");
    c.pos += 6;
    const std::size_t num = c.pos;
    const std::int64_t ms = parse_int64(c, "milliseconds since 1970");
    wcf_date r{0, false, false, 0};
    if (c.peek_is('+') || c.peek_is('-')) {
        r.has_offset = true;
        r.unspecified_offset = c.s.substr(c.pos, 5) == "-0000" && !(c.pos + 5 < c.s.size() && c.s[c.pos + 5] == ':');
        r.offset_minutes = parse_offset(c, true);
    }
    c.expect(')', "')' to close /Date(");
    if (esc) c.expect('\\', "'\\' (the date opened with '\\/')");
    c.expect('/', "'/' after ')'");
    c.expect_end();
    if (max_alias && ms == 253'402'300'800'000) {
        r.utc_ticks = max_ticks;
        return r;
    }
    std::int64_t t = 0;
    if (mul_overflows(ms, ticks_per_ms, t) || add_overflows(t, unix_epoch_ticks, t) || t < 0 || t > max_ticks)
        c.fail(errc::out_of_range, "milliseconds outside 0001-01-01..9999-12-31", num);
    r.utc_ticks = t;
    return r;
}

// "Thu, 24 Nov 1994 12:34:56 GMT" (the "R" pattern); the weekday must match the date, as
// DateTime.ParseExact checks. Returns UTC ticks.
inline std::int64_t parse_rfc1123(cursor& c) {
    const std::size_t start = c.pos;
    int dow = -1;
    for (int i = 0; i < 7; ++i)
        if (c.s.substr(c.pos, 3) == day_names[i]) dow = i;
    if (dow < 0) c.fail_expected("a day name (Mon..Sun)");
    c.pos += 3;
    c.expect(',', "',' after the day name");
    c.expect(' ', "' ' after ','");
    iso_fields f;
    const std::size_t dpos = c.pos;
    f.day = c.digits(2, "a two-digit day");
    c.expect(' ', "' ' after the day");
    int mon = -1;
    for (int i = 0; i < 12; ++i)
        if (c.s.substr(c.pos, 3) == month_names[i]) mon = i;
    if (mon < 0) c.fail_expected("a month name (Jan..Dec)");
    f.month = mon + 1;
    c.pos += 3;
    c.expect(' ', "' ' after the month");
    const std::size_t ypos = c.pos;
    f.year = c.digits(4, "a four-digit year");
    if (f.year == 0) c.fail(errc::out_of_range, "year must be 0001..9999", ypos);
    if (f.day < 1 || f.day > days_in_month(f.year, f.month)) c.fail(errc::out_of_range, "day is not in the month", dpos);
    c.expect(' ', "' ' after the year");
    const std::size_t tpos = c.pos;
    f.hour = c.digits(2, "a two-digit hour");
    c.expect(':', "':' after the hour");
    f.minute = c.digits(2, "two-digit minutes");
    c.expect(':', "':' after the minutes");
    f.second = c.digits(2, "two-digit seconds");
    if (f.hour > 23 || f.minute > 59 || f.second > 59) c.fail(errc::out_of_range, "time of day out of range", tpos);
    if (c.s.substr(c.pos) != " GMT") c.fail_expected("' GMT' at the end");
    c.pos += 4;
    const std::int64_t days = days_from_civil(f.year, f.month, f.day);
    if ((days + 1) % 7 != dow) c.fail(errc::invalid_value, "the day name does not match the date", start);
    return days * ticks_per_day + f.hour * ticks_per_hour + f.minute * ticks_per_minute + f.second * ticks_per_second;
}

// Local value of a zone-qualified ISO time (the same instant); the UTC instant must be in range.
inline date_time local_from_zoned(const cursor& c, const iso_fields& f, std::int64_t wall, const time_zone& zone) {
    const std::int64_t utc = wall - f.offset_minutes * ticks_per_minute;
    if (utc < 0 || utc > max_ticks) c.fail(errc::out_of_range, "the UTC instant is outside 0001-01-01..9999-12-31", f.zone_pos);
    return date_time::local_from_utc_ticks(utc, zone);
}

// DateTimeSerializer.ParseShortestXsdDateTime, as observed on ServiceStack.Text v6 (research:
// servicestack-text-observed.md "Date parsing"):
//   /Date(ms)/, \/Date(ms)\/                → Utc
//   /Date(ms±hhmm)/, incl. -0000            → Local, the same instant in `zone`
//   ISO with Z/z or ±hh:mm/±hhmm, T or ' ' → Local, the same instant (1..n fraction digits,
//                                              past 7 rounded half-to-even; seconds optional)
//   ISO without a zone                      → Unspecified
//   yyyy-MM-dd                              → Local midnight (wall clock, not shifted)
//   yyyyMMdd                                → Unspecified
//   dd/MM/yyyy (10 chars, day first)        → Local midnight
//   MM/dd/yyyy HH:mm:ss[.f] (month first!)  → Unspecified (DateTime.Parse, invariant culture)
//   RFC1123 "…GMT"                          → Local, the same instant
// Deviations, all deliberate: a /Date()/ offset is converted to `zone` (ServiceStack keeps the
// writer's wall clock and labels it Local); .NET Core reads …Z with 3–7 fraction digits as Utc
// and no-zone forms of unusual lengths as Local; bare numbers, "" and garbage are errors (use
// date_time_syntax::unix_seconds/unix_ms for numbers). /Date(253402300800000…)/, which is how
// ServiceStack writes MaxValue, reads back as MaxValue instead of failing.
inline date_time parse_servicestack(cursor& c, const time_zone& zone) {
    const std::string_view s = c.s;
    if (s.empty()) c.fail(errc::syntax, "expected a date, found empty text", 0);
    if (s.substr(0, 6) == "/Date(" || s.substr(0, 7) == "\\/Date(") {
        const wcf_date w = parse_wcf(c, true);
        if (!w.has_offset) return date_time::from_ticks(w.utc_ticks, date_time_kind::utc);
        return date_time::local_from_utc_ticks(w.utc_ticks, zone);
    }
    if (s.size() >= 4 && s[3] == ',') return date_time::local_from_utc_ticks(parse_rfc1123(c), zone);
    if (s.size() >= 3 && s[2] == '/') {
        iso_fields f;
        const bool day_first = s.size() == 10;
        const int a = c.digits(2, "two digits");
        c.expect('/', "'/'");
        const int b = c.digits(2, "two digits");
        c.expect('/', "'/'");
        const std::size_t ypos = c.pos;
        f.year = c.digits(4, "a four-digit year");
        if (f.year == 0) c.fail(errc::out_of_range, "year must be 0001..9999", ypos);
        f.day = day_first ? a : b;
        f.month = day_first ? b : a;
        if (f.month < 1 || f.month > 12) c.fail(errc::out_of_range, "month must be 01..12", day_first ? 3 : 0);
        if (f.day < 1 || f.day > days_in_month(f.year, f.month))
            c.fail(errc::out_of_range, "day is not in the month", day_first ? 0 : 3);
        if (day_first) return date_time::from_ticks(wall_ticks(c, f, 0), date_time_kind::local);
        c.expect(' ', "' ' after the date");
        const std::size_t tpos = c.pos;
        f.hour = c.digits(2, "a two-digit hour");
        c.expect(':', "':' after the hour");
        f.minute = c.digits(2, "two-digit minutes");
        c.expect(':', "':' after the minutes");
        f.second = c.digits(2, "two-digit seconds");
        if (f.hour > 23 || f.minute > 59 || f.second > 59) c.fail(errc::out_of_range, "time of day out of range", tpos);
        if (c.eat('.')) f.fraction = parse_fraction(c);
        c.expect_end();
        return date_time::from_ticks(wall_ticks(c, f, 0), date_time_kind::unspecified);
    }
    bool all_digits = true;
    for (char ch : s) all_digits = all_digits && is_digit(ch);
    if (all_digits && s.size() == 8) {
        iso_fields f;
        f.year = c.digits(4, "a four-digit year");
        if (f.year == 0) c.fail(errc::out_of_range, "year must be 0001..9999", 0);
        f.month = c.digits(2, "a two-digit month");
        f.day = c.digits(2, "a two-digit day");
        if (f.month < 1 || f.month > 12) c.fail(errc::out_of_range, "month must be 01..12", 4);
        if (f.day < 1 || f.day > days_in_month(f.year, f.month)) c.fail(errc::out_of_range, "day is not in the month", 6);
        return date_time::from_ticks(wall_ticks(c, f, 0), date_time_kind::unspecified);
    }
    if (all_digits || (s[0] == '-' && s.size() > 1 && s.find_first_not_of("0123456789", 1) == std::string_view::npos))
        c.fail(errc::invalid_value,
               "a bare number is not a date here (ServiceStack reads it as default(DateTime) unless DateHandler is "
               "UnixTime/UnixTimeMs); use date_time_syntax::unix_seconds or unix_ms",
               0);
    iso_rules r;
    r.space_separator = true;
    r.optional_seconds = true;
    r.basic_offset = true;
    const iso_fields f = parse_iso(c, r);
    c.expect_end();
    const std::int64_t wall = wall_ticks(c, f, 0);
    if (!f.has_time && f.zone == zone_designator::none) return date_time::from_ticks(wall, date_time_kind::local);
    if (f.zone == zone_designator::none) return date_time::from_ticks(wall, date_time_kind::unspecified);
    return local_from_zoned(c, f, wall, zone);
}

// XmlConvert.ToDateTime(s, XmlDateTimeSerializationMode.RoundtripKind) (dotnet/runtime
// XsdDateTime): surrounding XML whitespace; xsd:dateTime, xsd:date, gYearMonth and gYear (missing
// parts are 1); `Z`/`z` → Utc, no zone → Unspecified, ±hh:mm → Local (same instant). When that
// instant falls outside the calendar .NET returns the wall time shifted by the local offset,
// clamped, as Local; so does this. Time-only, gMonthDay, gDay and gMonth (which .NET completes with
// the current date) are rejected as unsupported.
inline date_time parse_xsd(cursor& c, const time_zone& zone) {
    std::size_t e = c.s.size();
    while (c.pos < e && is_xml_space(c.s[c.pos])) ++c.pos;
    while (e > c.pos && is_xml_space(c.s[e - 1])) --e;
    c.s = c.s.substr(0, e);
    const std::size_t start = c.pos;
    if (c.at_end()) c.fail(errc::syntax, "expected an xsd:dateTime, found empty text", start);
    if (c.peek_is('-') || (c.s.size() > start + 2 && c.s[start + 2] == ':'))
        c.fail(errc::unsupported, "xsd:time, gMonthDay, gDay and gMonth are not supported as a DateTime", start);
    iso_rules r;
    r.year_month_only = true;
    const iso_fields f = parse_iso(c, r);
    c.expect_end();
    const std::int64_t wall = wall_ticks(c, f, start);
    switch (f.zone) {
    case zone_designator::none: return date_time::from_ticks(wall, date_time_kind::unspecified);
    case zone_designator::utc: return date_time::from_ticks(wall, date_time_kind::utc);
    case zone_designator::offset: break;
    }
    const std::int64_t utc = wall - f.offset_minutes * ticks_per_minute;
    if (utc < 0 || utc > max_ticks) {
        const std::int64_t shifted = utc + zone.offset_minutes_for_local(wall) * ticks_per_minute;
        return date_time::from_ticks(clamp_ticks(shifted), date_time_kind::local);
    }
    return date_time::local_from_utc_ticks(utc, zone);
}

// System.Text.Json's reading: yyyy-MM-dd[THH:mm[:ss[.f]]][Z|±hh:mm|±hhmm].
inline date_time parse_iso8601(cursor& c, const time_zone& zone) {
    if (c.at_end()) c.fail(errc::syntax, "expected an ISO 8601 date, found empty text", 0);
    iso_rules r;
    r.optional_seconds = true;
    r.basic_offset = true;
    const iso_fields f = parse_iso(c, r);
    c.expect_end();
    const std::int64_t wall = wall_ticks(c, f, 0);
    switch (f.zone) {
    case zone_designator::none: return date_time::from_ticks(wall, date_time_kind::unspecified);
    case zone_designator::utc: return date_time::from_ticks(wall, date_time_kind::utc);
    case zone_designator::offset: break;
    }
    return local_from_zoned(c, f, wall, zone);
}

}  // namespace detail::dates

inline date_time date_time::parse(std::string_view text, date_time_syntax syntax, const time_zone& zone) {
    namespace d = detail::dates;
    d::cursor c{text, 0, "DateTime"};
    switch (syntax) {
    case date_time_syntax::servicestack: return d::parse_servicestack(c, zone);
    case date_time_syntax::xsd: return d::parse_xsd(c, zone);
    case date_time_syntax::iso8601: return d::parse_iso8601(c, zone);
    case date_time_syntax::unix_seconds:
    case date_time_syntax::unix_ms: {
        const std::int64_t n = d::parse_int64(c, "an integer");
        c.expect_end();
        try {
            return syntax == date_time_syntax::unix_ms ? from_unix_ms(n) : from_unix_seconds(n);
        } catch (error& e) {
            throw e.at_offset(0);
        }
    }
    }
    c.fail(errc::invalid_value, "unknown date_time_syntax", 0);
}

}  // namespace sstk
