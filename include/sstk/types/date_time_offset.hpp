// sstk::date_time_offset — .NET System.DateTimeOffset: a wall-clock time plus its offset from UTC
// (whole minutes, −14:00..+14:00). Both the wall clock and the UTC instant lie in
// 0001-01-01..9999-12-31, as .NET requires.
//
// `==` compares wall clock and offset exactly (10:00+02:00 != 08:00+00:00); .NET's == compares
// instants: use same_instant(). `<=>` orders by instant like DateTimeOffset.CompareTo.
//
// Writing, date_time_offset_format:
//   iso8601             ToString("o"): 2021-03-04T05:06:07.8900000+02:00 (+00:00 for zero).
//                       ServiceStack DateHandler.ISO8601, JSV, CSV and query strings.
//   wcf_json[_escaped]  ServiceStack's default JSON: /Date(ms±hhmm)/, no suffix for offset 0.
//                       Which ms is written depends on the version (wcf_offset_ms): current
//                       ServiceStack the UTC instant (DateTimeSerializerTests:
//                       2012-06-27T11:26:04.524+08:00 → \/Date(1340767564524+0800)\/), v6.0.2 the
//                       wall clock read as if UTC (05:06:07.89+02:00 → /Date(1614834367890+0200)/).
//   xsd                 XmlConvert.ToString(DateTimeOffset): trimmed fraction, Z for offset 0.
//                       (DataContractSerializer writes a DateTimeOffset member as the complex
//                       {DateTime = utc_date_time() in xsd form, OffsetMinutes}; the XML codec
//                       composes that from the accessors.)
// Reading, date_time_offset_syntax:
//   servicestack  DateTimeSerializer.ParseDateTimeOffset: /Date(ms)/ (offset 0), /Date(ms-0000)/
//                 (the zone's offset at that instant), /Date(ms±hhmm)/ (per wcf_offset_ms), ISO with
//                 T or ' ', Z/z, ±hh:mm or ±hhmm, and no zone → +00:00; RFC1123 → +00:00.
//                 ServiceStack maps /Date(253402300799999)/ to MaxValue; so does this.
//   iso8601       DateTimeOffset.Parse of ISO text; no zone → the zone's offset for that wall time.
//   xsd           XmlConvert.ToDateTimeOffset: no zone → the zone's offset for that wall time.
// Malformed or out-of-range text (including offsets beyond ±14:00) is an sstk::error with the
// byte offset of the fault; ServiceStack.Text would return default(DateTimeOffset) for "".
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/detail/civil.hpp>
#include <sstk/types/detail/date_text.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/types/time_zone.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk {

enum class date_time_offset_format : std::uint8_t { iso8601, wcf_json, wcf_json_escaped, xsd };
enum class date_time_offset_syntax : std::uint8_t { servicestack, iso8601, xsd };
// The milliseconds inside /Date(ms±hhmm)/: `utc` as current ServiceStack writes and reads them,
// `wall_clock` as ServiceStack.Text v6.0.2 did.
enum class wcf_offset_ms : std::uint8_t { utc, wall_clock };

class date_time_offset {
public:
    // 0001-01-01T00:00:00+00:00: default(DateTimeOffset).
    constexpr date_time_offset() noexcept = default;

    // new DateTimeOffset(new DateTime(clock_ticks), TimeSpan.FromMinutes(offset_minutes)).
    constexpr date_time_offset(std::int64_t clock_ticks, int offset_minutes)
        : clock_ticks_(clock_ticks), offset_minutes_(static_cast<std::int16_t>(offset_minutes)) {
        namespace d = detail::dates;
        if (offset_minutes < -d::max_offset_minutes || offset_minutes > d::max_offset_minutes)
            d::throw_error(errc::out_of_range, "DateTimeOffset: offset must be within -14:00..+14:00");
        if (clock_ticks < 0 || clock_ticks > d::max_ticks)
            d::throw_error(errc::out_of_range, "DateTimeOffset: ticks must be within 0..3155378975999999999");
        const std::int64_t utc = clock_ticks - offset_minutes * d::ticks_per_minute;
        if (utc < 0 || utc > d::max_ticks)
            d::throw_error(errc::out_of_range, "DateTimeOffset: the UTC instant is outside 0001-01-01..9999-12-31");
    }

    static constexpr date_time_offset from_civil(int year, int month, int day, int hour, int minute, int second,
                                                 int fraction_ticks, int offset_minutes) {
        return date_time_offset(date_time::from_civil(year, month, day, hour, minute, second, fraction_ticks).ticks(),
                                offset_minutes);
    }
    // The instant `utc_ticks` seen at `offset_minutes`.
    static constexpr date_time_offset from_utc_ticks(std::int64_t utc_ticks, int offset_minutes) {
        if (utc_ticks < 0 || utc_ticks > detail::dates::max_ticks)
            detail::dates::throw_error(errc::out_of_range, "DateTimeOffset: UTC ticks out of range");
        return date_time_offset(utc_ticks + offset_minutes * detail::dates::ticks_per_minute, offset_minutes);
    }
    // The implicit DateTime → DateTimeOffset conversion: Utc gets +00:00, Local and Unspecified the
    // zone's offset for that wall time.
    static date_time_offset from_date_time(const date_time& v, const time_zone& zone = time_zone::system()) {
        return date_time_offset(v.ticks(), v.utc_offset_minutes(zone));
    }

    static constexpr date_time_offset min_value() noexcept { return date_time_offset(); }
    static constexpr date_time_offset max_value() noexcept {
        date_time_offset r;
        r.clock_ticks_ = detail::dates::max_ticks;
        return r;
    }

    // DateTimeOffset.Ticks: the wall clock.
    constexpr std::int64_t clock_ticks() const noexcept { return clock_ticks_; }
    constexpr int offset_minutes() const noexcept { return offset_minutes_; }
    constexpr time_span offset() const noexcept { return time_span::from_ticks(offset_minutes_ * detail::dates::ticks_per_minute); }
    constexpr std::int64_t utc_ticks() const noexcept { return clock_ticks_ - offset_minutes_ * detail::dates::ticks_per_minute; }
    // DateTimeOffset.DateTime (Unspecified wall clock), .UtcDateTime, .LocalDateTime.
    constexpr date_time clock_date_time() const { return date_time::from_ticks(clock_ticks_); }
    constexpr date_time utc_date_time() const { return date_time::from_ticks(utc_ticks(), date_time_kind::utc); }
    date_time local_date_time(const time_zone& zone = time_zone::system()) const {
        return date_time::local_from_utc_ticks(utc_ticks(), zone);
    }
    constexpr date_time_offset to_offset(int offset_minutes) const { return from_utc_ticks(utc_ticks(), offset_minutes); }

    friend constexpr bool operator==(date_time_offset a, date_time_offset b) noexcept {
        return a.clock_ticks_ == b.clock_ticks_ && a.offset_minutes_ == b.offset_minutes_;
    }
    friend constexpr std::weak_ordering operator<=>(date_time_offset a, date_time_offset b) noexcept {
        return a.utc_ticks() <=> b.utc_ticks();
    }
    // .NET's DateTimeOffset == : same instant, offsets ignored.
    static constexpr bool same_instant(date_time_offset a, date_time_offset b) noexcept {
        return a.utc_ticks() == b.utc_ticks();
    }

    void append_to(std::string& out, date_time_offset_format f = date_time_offset_format::iso8601,
                   wcf_offset_ms ms = wcf_offset_ms::utc) const;
    std::string to_string(date_time_offset_format f = date_time_offset_format::iso8601,
                          wcf_offset_ms ms = wcf_offset_ms::utc) const {
        std::string s;
        append_to(s, f, ms);
        return s;
    }
    static date_time_offset parse(std::string_view text,
                                  date_time_offset_syntax syntax = date_time_offset_syntax::servicestack,
                                  const time_zone& zone = time_zone::system(), wcf_offset_ms ms = wcf_offset_ms::utc);
    static result<date_time_offset> try_parse(std::string_view text,
                                              date_time_offset_syntax syntax = date_time_offset_syntax::servicestack,
                                              const time_zone& zone = time_zone::system(),
                                              wcf_offset_ms ms = wcf_offset_ms::utc) {
        return capture([&] { return parse(text, syntax, zone, ms); });
    }

private:
    std::int64_t clock_ticks_ = 0;
    std::int16_t offset_minutes_ = 0;
};

inline std::string to_string(const date_time_offset& v,
                             date_time_offset_format f = date_time_offset_format::iso8601,
                             wcf_offset_ms ms = wcf_offset_ms::utc) {
    return v.to_string(f, ms);
}

inline void date_time_offset::append_to(std::string& out, date_time_offset_format f, wcf_offset_ms ms) const {
    namespace d = detail::dates;
    switch (f) {
    case date_time_offset_format::iso8601: {
        const d::civil_time c = d::split_ticks(clock_ticks_);
        d::append_date(out, c);
        out += 'T';
        d::append_time(out, c);
        d::append_fraction7(out, c.fraction);
        d::append_offset(out, offset_minutes_, true);
        return;
    }
    case date_time_offset_format::xsd: {
        const d::civil_time c = d::split_ticks(clock_ticks_);
        d::append_date(out, c);
        out += 'T';
        d::append_time(out, c);
        d::append_fraction_trimmed(out, c.fraction);
        if (offset_minutes_ == 0) out += 'Z';
        else d::append_offset(out, offset_minutes_, true);
        return;
    }
    case date_time_offset_format::wcf_json:
    case date_time_offset_format::wcf_json_escaped: {
        // (ticks - UnixEpoch) / TicksPerMillisecond: integer division, truncating toward zero.
        const bool esc = f == date_time_offset_format::wcf_json_escaped;
        const std::int64_t t = ms == wcf_offset_ms::utc ? utc_ticks() : clock_ticks_;
        out += esc ? "\\/Date(" : "/Date(";
        d::append_int(out, (t - d::unix_epoch_ticks) / d::ticks_per_ms);
        if (offset_minutes_ != 0) d::append_offset(out, offset_minutes_, false);
        out += esc ? ")\\/" : ")/";
        return;
    }
    }
}

namespace detail::dates {

// A wall clock with its offset; the error points at `at` when the instant leaves the calendar.
inline date_time_offset dto_from_zoned(const cursor& c, std::int64_t wall, int offset, std::size_t at) {
    const std::int64_t utc = wall - offset * ticks_per_minute;
    if (utc < 0 || utc > max_ticks) c.fail(errc::out_of_range, "the UTC instant is outside 0001-01-01..9999-12-31", at);
    return date_time_offset(wall, offset);
}

}  // namespace detail::dates

inline date_time_offset date_time_offset::parse(std::string_view text, date_time_offset_syntax syntax,
                                                const time_zone& zone, wcf_offset_ms ms) {
    namespace d = detail::dates;
    d::cursor c{text, 0, "DateTimeOffset"};
    if (syntax == date_time_offset_syntax::xsd) {
        std::size_t e = text.size();
        while (c.pos < e && d::is_xml_space(text[c.pos])) ++c.pos;
        while (e > c.pos && d::is_xml_space(text[e - 1])) --e;
        c.s = text.substr(0, e);
    }
    const std::size_t start = c.pos;
    if (c.at_end()) c.fail(errc::syntax, "expected a date, found empty text", start);
    if (syntax == date_time_offset_syntax::servicestack) {
        if (text.substr(0, 6) == "/Date(" || text.substr(0, 7) == "\\/Date(") {
            // ServiceStack compares against its MaxValue spelling; one tick past MaxValue is no alias here.
            const d::wcf_date w = d::parse_wcf(c, false);
            if (!w.has_offset) {
                if (w.utc_ticks == 253'402'300'799'999 * d::ticks_per_ms + d::unix_epoch_ticks) return max_value();
                return from_utc_ticks(w.utc_ticks, 0);
            }
            if (w.unspecified_offset) return from_utc_ticks(w.utc_ticks, zone.offset_minutes_for_utc(w.utc_ticks));
            if (ms == wcf_offset_ms::utc) {
                const std::int64_t clock = w.utc_ticks + w.offset_minutes * d::ticks_per_minute;
                if (clock < 0 || clock > d::max_ticks)
                    c.fail(errc::out_of_range, "the wall clock is outside 0001-01-01..9999-12-31", 0);
                return date_time_offset(clock, w.offset_minutes);
            }
            return d::dto_from_zoned(c, w.utc_ticks, w.offset_minutes, 0);
        }
        if (text.size() >= 4 && text[3] == ',') return from_utc_ticks(d::parse_rfc1123(c), 0);
    }
    d::iso_rules r;
    r.space_separator = syntax == date_time_offset_syntax::servicestack;
    r.optional_seconds = syntax != date_time_offset_syntax::xsd;
    r.basic_offset = syntax != date_time_offset_syntax::xsd;
    r.year_month_only = syntax == date_time_offset_syntax::xsd;
    if (syntax == date_time_offset_syntax::xsd &&
        (c.peek_is('-') || (c.s.size() > start + 2 && c.s[start + 2] == ':')))
        c.fail(errc::unsupported, "xsd:time, gMonthDay, gDay and gMonth are not supported as a DateTimeOffset", start);
    const d::iso_fields f = d::parse_iso(c, r);
    c.expect_end();
    const std::int64_t wall = d::wall_ticks(c, f, start);
    switch (f.zone) {
    case d::zone_designator::utc: return date_time_offset(wall, 0);
    case d::zone_designator::offset: return d::dto_from_zoned(c, wall, f.offset_minutes, f.zone_pos);
    case d::zone_designator::none: break;
    }
    if (syntax == date_time_offset_syntax::servicestack) return date_time_offset(wall, 0);
    return d::dto_from_zoned(c, wall, zone.offset_minutes_for_local(wall), start);
}

}  // namespace sstk
