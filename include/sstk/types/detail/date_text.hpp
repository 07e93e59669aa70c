// Text helpers for the date/time types: digit appenders (no temporaries), a cursor that reports
// the byte offset of every fault, and the shared ISO-8601 / xsd:dateTime field scanner.
// Internal.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/types/detail/civil.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk::detail::dates {

// ---- writing -------------------------------------------------------------------------------

inline void append_fixed(std::string& out, std::uint64_t v, int width) {
    char buf[20];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    out.append(buf, static_cast<std::size_t>(width));
}

inline void append_uint(std::string& out, std::uint64_t v) {
    char buf[20];
    int n = 0;
    do {
        buf[19 - n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    out.append(buf + 20 - n, static_cast<std::size_t>(n));
}

inline void append_int(std::string& out, std::int64_t v) {
    if (v < 0) {
        out += '-';
        append_uint(out, 0 - static_cast<std::uint64_t>(v));
    } else {
        append_uint(out, static_cast<std::uint64_t>(v));
    }
}

// ".fffffff" with exactly 7 digits ("o" format).
inline void append_fraction7(std::string& out, int fraction) {
    out += '.';
    append_fixed(out, static_cast<std::uint64_t>(fraction), 7);
}

// ".f" .. ".fffffff" with trailing zeros removed, nothing when zero (XmlConvert, System.Text.Json).
inline void append_fraction_trimmed(std::string& out, int fraction) {
    if (fraction == 0) return;
    int digits = 7;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    out += '.';
    append_fixed(out, static_cast<std::uint64_t>(fraction), digits);
}

// yyyy-MM-dd
inline void append_date(std::string& out, const civil_time& c) {
    append_fixed(out, static_cast<std::uint64_t>(c.year), 4);
    out += '-';
    append_fixed(out, static_cast<std::uint64_t>(c.month), 2);
    out += '-';
    append_fixed(out, static_cast<std::uint64_t>(c.day), 2);
}

// HH:mm:ss
inline void append_time(std::string& out, const civil_time& c) {
    append_fixed(out, static_cast<std::uint64_t>(c.hour), 2);
    out += ':';
    append_fixed(out, static_cast<std::uint64_t>(c.minute), 2);
    out += ':';
    append_fixed(out, static_cast<std::uint64_t>(c.second), 2);
}

// ±hh:mm (colon) or ±hhmm (WCF). A zero offset is "+00:00"/"+0000".
inline void append_offset(std::string& out, int minutes, bool colon) {
    out += minutes < 0 ? '-' : '+';
    const int m = minutes < 0 ? -minutes : minutes;
    append_fixed(out, static_cast<std::uint64_t>(m / 60), 2);
    if (colon) out += ':';
    append_fixed(out, static_cast<std::uint64_t>(m % 60), 2);
}

// ---- reading -------------------------------------------------------------------------------

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Describes the byte at `pos` for an error message, never echoing raw control bytes.
inline std::string describe_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return "end of text";
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
    static constexpr char hex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
}

struct cursor {
    std::string_view s;
    std::size_t pos = 0;
    const char* what;  // "DateTime", "TimeSpan" ... prefixes every message

    bool at_end() const noexcept { return pos >= s.size(); }
    char peek() const noexcept { return pos < s.size() ? s[pos] : '\0'; }
    bool peek_is(char c) const noexcept { return pos < s.size() && s[pos] == c; }
    bool eat(char c) noexcept {
        if (peek_is(c)) {
            ++pos;
            return true;
        }
        return false;
    }

    [[noreturn]] void fail(errc kind, std::string_view msg, std::size_t at) const {
        std::string m(what);
        m += ": ";
        m += msg;
        throw error(kind, std::move(m), at);
    }
    [[noreturn]] void fail_expected(std::string_view expected) const {
        std::string m("expected ");
        m += expected;
        m += ", found ";
        m += describe_at(s, pos);
        fail(errc::syntax, m, pos);
    }
    void expect(char c, std::string_view expected) {
        if (!eat(c)) fail_expected(expected);
    }
    // Exactly n digits.
    int digits(int n, std::string_view expected) {
        int v = 0;
        for (int i = 0; i < n; ++i) {
            if (!is_digit(peek())) fail_expected(expected);
            v = v * 10 + (s[pos++] - '0');
        }
        return v;
    }
    void expect_end() const {
        if (!at_end()) {
            std::string m("unexpected ");
            m += describe_at(s, pos);
            m += " after the value";
            fail(errc::syntax, m, pos);
        }
    }
};

// Fraction digits after '.', any count >= 1: the first 7 are kept and the rest round the 7th
// half-to-even, as XsdDateTime's parser does (dotnet/runtime XsdDateTime.Parser.ParseTime).
// The result may be 10'000'000 (a carry into the next second).
inline std::int64_t parse_fraction(cursor& c) {
    const std::size_t start = c.pos;
    std::int64_t frac = 0;
    int n = 0;
    int round = 0;  // 0 none, -1 exactly half so far, 1 up
    while (is_digit(c.peek())) {
        const int d = c.s[c.pos++] - '0';
        if (n < 7) {
            frac = frac * 10 + d;
        } else if (n == 7) {
            round = d > 5 ? 1 : (d == 5 ? -1 : 0);
        } else if (round < 0 && d != 0) {
            round = 1;
        }
        ++n;
    }
    if (n == 0) {
        c.pos = start;
        c.fail_expected("a fraction digit after '.'");
    }
    for (int i = n; i < 7; ++i) frac *= 10;
    if (round < 0) round = static_cast<int>(frac & 1);
    return frac + round;
}

enum class zone_designator : std::uint8_t { none, utc, offset };

struct iso_fields {
    int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    std::int64_t fraction = 0;  // ticks, may be 10'000'000 after rounding
    bool has_time = false;
    zone_designator zone = zone_designator::none;
    int offset_minutes = 0;
    std::size_t zone_pos = 0;  // where the zone designator starts (for errors)
};

struct iso_rules {
    bool space_separator = false;  // "2021-03-04 05:06:07"
    bool optional_seconds = false; // "2021-03-04T05:06"
    bool basic_offset = false;     // "-0500" as well as "-05:00"
    bool year_month_only = false;  // xsd gYearMonth "2021-03" and gYear "2021"
    bool date_only = true;         // "2021-03-04"
};

// ±hh:mm or (basic) ±hhmm, limited to ±14:00 (DateTimeOffset's range; XmlConvert alone would take
// up to ±99:99, which no zone uses).
inline int parse_offset(cursor& c, bool basic_allowed) {
    const std::size_t start = c.pos;
    const bool neg = c.peek() == '-';
    ++c.pos;
    const int hh = c.digits(2, "two offset hour digits");
    if (!c.eat(':') && !basic_allowed) c.fail_expected("':' in the UTC offset");
    const int mm = c.digits(2, "two offset minute digits");
    if (mm > 59 || hh * 60 + mm > max_offset_minutes)
        c.fail(errc::out_of_range, "UTC offset must be within -14:00..+14:00", start);
    return neg ? -(hh * 60 + mm) : hh * 60 + mm;
}

// After the seconds (or date): Z, z, ±hh:mm, ±hhmm or nothing.
inline void parse_zone(cursor& c, iso_fields& f, const iso_rules& r) {
    f.zone_pos = c.pos;
    if (c.eat('Z') || c.eat('z')) {
        f.zone = zone_designator::utc;
    } else if (c.peek_is('+') || c.peek_is('-')) {
        f.offset_minutes = parse_offset(c, r.basic_offset);
        f.zone = zone_designator::offset;
    }
}

inline void check_date(cursor& c, const iso_fields& f, std::size_t start) {
    if (f.month < 1 || f.month > 12) c.fail(errc::out_of_range, "month must be 01..12", start + 5);
    if (f.day < 1 || f.day > days_in_month(f.year, f.month))
        c.fail(errc::out_of_range, "day is not in the month", start + 8);
}

// yyyy-MM-dd[(T|' ')HH:mm[:ss[.f+]]][zone], starting at c.pos. Field values are range-checked here
// so each fault points at its own field.
inline iso_fields parse_iso(cursor& c, const iso_rules& r) {
    iso_fields f;
    const std::size_t start = c.pos;
    f.year = c.digits(4, "a four-digit year");
    if (is_digit(c.peek())) c.fail(errc::out_of_range, "year must be 0001..9999", start);
    if (f.year == 0) c.fail(errc::out_of_range, "year must be 0001..9999", start);
    if (r.year_month_only && !c.peek_is('-')) {
        parse_zone(c, f, r);
        return f;
    }
    c.expect('-', "'-' after the year");
    f.month = c.digits(2, "a two-digit month");
    if (f.month < 1 || f.month > 12) c.fail(errc::out_of_range, "month must be 01..12", start + 5);
    if (r.year_month_only && !c.peek_is('-')) {
        parse_zone(c, f, r);
        return f;
    }
    c.expect('-', "'-' after the month");
    f.day = c.digits(2, "a two-digit day");
    check_date(c, f, start);
    const bool t = c.peek_is('T') || (r.space_separator && c.peek_is(' '));
    if (!t) {
        if (!r.date_only) c.fail_expected("'T' after the date");
        parse_zone(c, f, r);
        return f;
    }
    ++c.pos;
    f.has_time = true;
    const std::size_t tpos = c.pos;
    f.hour = c.digits(2, "a two-digit hour");
    if (f.hour > 23) c.fail(errc::out_of_range, "hour must be 00..23", tpos);
    c.expect(':', "':' after the hour");
    f.minute = c.digits(2, "two-digit minutes");
    if (f.minute > 59) c.fail(errc::out_of_range, "minutes must be 00..59", tpos + 3);
    if (c.eat(':')) {
        f.second = c.digits(2, "two-digit seconds");
        if (f.second > 59) c.fail(errc::out_of_range, "seconds must be 00..59", tpos + 6);
        if (c.eat('.')) f.fraction = parse_fraction(c);
    } else if (!r.optional_seconds) {
        c.fail_expected("':' after the minutes");
    }
    parse_zone(c, f, r);
    return f;
}

// Wall-clock ticks of the fields; a fraction carry past 9999-12-31T23:59:59.9999999 is an error.
inline std::int64_t wall_ticks(const cursor& c, const iso_fields& f, std::size_t start) {
    const std::int64_t t = days_from_civil(f.year, f.month, f.day) * ticks_per_day + f.hour * ticks_per_hour +
                           f.minute * ticks_per_minute + f.second * ticks_per_second + f.fraction;
    if (t > max_ticks) c.fail(errc::out_of_range, "rounding the fraction passes 9999-12-31T23:59:59.9999999", start);
    return t;
}

// [-]digits as int64; at least one digit.
inline std::int64_t parse_int64(cursor& c, std::string_view expected) {
    const std::size_t start = c.pos;
    const bool neg = c.eat('-');
    if (!is_digit(c.peek())) c.fail_expected(expected);
    std::uint64_t v = 0;
    const std::uint64_t limit = neg ? 9223372036854775808ull : 9223372036854775807ull;
    while (is_digit(c.peek())) {
        const unsigned d = static_cast<unsigned>(c.s[c.pos++] - '0');
        if (v > (limit - d) / 10) c.fail(errc::out_of_range, "number does not fit in 64 bits", start);
        v = v * 10 + d;
    }
    return neg ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
}

}  // namespace sstk::detail::dates
