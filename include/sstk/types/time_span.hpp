// sstk::time_span — .NET System.TimeSpan (signed 64-bit count of 100 ns ticks) with its wire
// spellings.
//
// Writing (append_to / to_string):
//   time_span_format::xsd              XmlConvert.ToString(TimeSpan), as DataContractSerializer
//                                      writes it: exact, P10675199DT2H48M5.4775807S for MaxValue,
//                                      -P10675199DT2H48M5.4775808S for MinValue.
//   time_span_format::servicestack     ServiceStack.Text TimeSpanConverter.ToXsdDuration (JSON,
//                                      JSV, CSV, query strings, System.Text.Json endpoints). It
//                                      works in doubles, so MinValue/MaxValue are special-cased to
//                                      ±P10675199DT2H48M5.4775391S and other huge values may differ
//                                      from the exact form in the last digits; reproduced here.
//   time_span_format::constant         .NET "c": [-][d.]hh:mm:ss[.fffffff]
//                                      (ServiceStack's TimeSpanHandler.StandardFormat).
// Reading (parse / try_parse):
//   time_span_syntax::xsd              what XmlConvert.ToTimeSpan accepts: surrounding XML
//                                      whitespace, [-]P[nY][nM][nD][T[nH][nM][n[.f]S]], each number
//                                      an Int32, years as 365 days and months as 30 days
//                                      (dotnet/runtime XsdDuration.TryToTimeSpan), fraction digits
//                                      past the 7th truncated, "PT.5S" and "PT1.S" accepted.
//                                      "01:00:00" is rejected.
//   time_span_syntax::servicestack     DateTimeSerializer.ParseTimeSpan's forms: xsd durations
//                                      (including its ±…5.4775391S constants), [-][d.]h:mm[:ss[.f]]
//                                      and a plain number of seconds ("3600" → 1 h, "1.5").
//                                      Years and months are rejected: ServiceStack silently reads
//                                      them as 0 while XmlConvert reads 365/30 days, so the value
//                                      is ambiguous.
//   time_span_syntax::constant         strict "c": [-][d.]hh:mm:ss[.f{1,7}]
// Unlike ServiceStack.Text, which returns TimeSpan.Zero for "", "P1Y" or garbage, every malformed
// or out-of-range text is an sstk::error with the byte offset of the fault.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/civil.hpp>
#include <sstk/types/detail/date_text.hpp>

#include <compare>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

namespace sstk {

enum class time_span_format : std::uint8_t { xsd, servicestack, constant };
enum class time_span_syntax : std::uint8_t { xsd, servicestack, constant };

class time_span {
public:
    static constexpr std::int64_t ticks_per_millisecond = detail::dates::ticks_per_ms;
    static constexpr std::int64_t ticks_per_second = detail::dates::ticks_per_second;
    static constexpr std::int64_t ticks_per_minute = detail::dates::ticks_per_minute;
    static constexpr std::int64_t ticks_per_hour = detail::dates::ticks_per_hour;
    static constexpr std::int64_t ticks_per_day = detail::dates::ticks_per_day;

    constexpr time_span() noexcept = default;
    constexpr explicit time_span(std::int64_t ticks) noexcept : ticks_(ticks) {}

    static constexpr time_span zero() noexcept { return time_span(); }
    static constexpr time_span min_value() noexcept { return time_span(std::numeric_limits<std::int64_t>::min()); }
    static constexpr time_span max_value() noexcept { return time_span(std::numeric_limits<std::int64_t>::max()); }

    static constexpr time_span from_ticks(std::int64_t ticks) noexcept { return time_span(ticks); }
    static constexpr time_span from_days(std::int64_t n) { return scaled(n, ticks_per_day); }
    static constexpr time_span from_hours(std::int64_t n) { return scaled(n, ticks_per_hour); }
    static constexpr time_span from_minutes(std::int64_t n) { return scaled(n, ticks_per_minute); }
    static constexpr time_span from_seconds(std::int64_t n) { return scaled(n, ticks_per_second); }
    static constexpr time_span from_milliseconds(std::int64_t n) { return scaled(n, ticks_per_millisecond); }
    // new TimeSpan(days, hours, minutes, seconds, milliseconds) plus extra ticks; components may be
    // negative or exceed their usual range, as in .NET; overflow is an error.
    static constexpr time_span from_parts(std::int64_t days, std::int64_t hours, std::int64_t minutes,
                                          std::int64_t seconds, std::int64_t milliseconds = 0, std::int64_t ticks = 0) {
        return from_days(days) + from_hours(hours) + from_minutes(minutes) + from_seconds(seconds) +
               from_milliseconds(milliseconds) + time_span(ticks);
    }

    constexpr std::int64_t ticks() const noexcept { return ticks_; }
    // Components as .NET exposes them: truncated toward zero, all carrying the value's sign.
    constexpr std::int64_t days() const noexcept { return ticks_ / ticks_per_day; }
    constexpr int hours() const noexcept { return static_cast<int>(ticks_ / ticks_per_hour % 24); }
    constexpr int minutes() const noexcept { return static_cast<int>(ticks_ / ticks_per_minute % 60); }
    constexpr int seconds() const noexcept { return static_cast<int>(ticks_ / ticks_per_second % 60); }
    constexpr int milliseconds() const noexcept { return static_cast<int>(ticks_ / ticks_per_millisecond % 1000); }
    constexpr int fraction_ticks() const noexcept { return static_cast<int>(ticks_ % ticks_per_second); }
    constexpr double total_seconds() const noexcept { return static_cast<double>(ticks_) / ticks_per_second; }
    constexpr double total_milliseconds() const noexcept {
        return static_cast<double>(ticks_) / static_cast<double>(ticks_per_millisecond);
    }

    // Arithmetic reports overflow as an out_of_range error, like .NET's OverflowException.
    friend constexpr time_span operator+(time_span a, time_span b) {
        std::int64_t r = 0;
        if (detail::dates::add_overflows(a.ticks_, b.ticks_, r))
            detail::dates::throw_error(errc::out_of_range, "TimeSpan: addition overflows");
        return time_span(r);
    }
    friend constexpr time_span operator-(time_span a, time_span b) {
        std::int64_t r = 0;
        if (detail::dates::sub_overflows(a.ticks_, b.ticks_, r))
            detail::dates::throw_error(errc::out_of_range, "TimeSpan: subtraction overflows");
        return time_span(r);
    }
    friend constexpr time_span operator-(time_span a) {
        if (a.ticks_ == std::numeric_limits<std::int64_t>::min())
            detail::dates::throw_error(errc::out_of_range, "TimeSpan: MinValue cannot be negated");
        return time_span(-a.ticks_);
    }
    constexpr time_span& operator+=(time_span b) { return *this = *this + b; }
    constexpr time_span& operator-=(time_span b) { return *this = *this - b; }
    constexpr time_span duration() const { return ticks_ < 0 ? -*this : *this; }

    friend constexpr bool operator==(time_span, time_span) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(time_span, time_span) noexcept = default;

    void append_to(std::string& out, time_span_format f = time_span_format::xsd) const;
    std::string to_string(time_span_format f = time_span_format::xsd) const {
        std::string s;
        append_to(s, f);
        return s;
    }
    static time_span parse(std::string_view text, time_span_syntax syntax = time_span_syntax::xsd);
    static result<time_span> try_parse(std::string_view text, time_span_syntax syntax = time_span_syntax::xsd) {
        return capture([&] { return parse(text, syntax); });
    }

private:
    static constexpr time_span scaled(std::int64_t n, std::int64_t unit) {
        std::int64_t r = 0;
        if (detail::dates::mul_overflows(n, unit, r))
            detail::dates::throw_error(errc::out_of_range, "TimeSpan: value is too large");
        return time_span(r);
    }

    std::int64_t ticks_ = 0;
};

inline std::string to_string(const time_span& v, time_span_format f = time_span_format::xsd) { return v.to_string(f); }

namespace detail::dates {

// .NET formats a double with a custom pattern ("{0:0.0000000}") from its first 15 significant
// digits, then rounds half away from zero on those digits. Appends that text for 0 <= v < 1e15.
inline void append_dotnet_fixed7(std::string& out, double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.14e", v);  // d.dddddddddddddde±XX: 15 significant digits
    int digits[15];
    int n = 0;
    const char* p = buf;
    for (; *p != 'e'; ++p)
        if (is_digit(*p)) digits[n++] = *p - '0';
    int exp = 0;
    std::sscanf(p + 1, "%d", &exp);
    // digits[i] has weight 10^(exp - i); keep through weight 10^-7, i.e. index exp + 7.
    int value_digits[32] = {};  // integer part and 7 decimals as one number, most significant first
    const int int_len = exp >= 0 ? exp + 1 : 1;
    const int total = int_len + 7;
    for (int i = 0; i < total; ++i) {
        const int src = i - (int_len - 1) + exp;  // digit index with weight 10^(int_len-1-i)
        value_digits[i] = (src >= 0 && src < 15) ? digits[src] : 0;
    }
    const int next = total - (int_len - 1) + exp;  // first dropped digit
    bool carry = next >= 0 && next < 15 && digits[next] >= 5;
    for (int i = total - 1; i >= 0 && carry; --i) {
        if (++value_digits[i] == 10) value_digits[i] = 0;
        else carry = false;
    }
    if (carry) out += '1';
    for (int i = 0; i < total; ++i) {
        if (i == int_len) out += '.';
        out += static_cast<char>('0' + value_digits[i]);
    }
}

}  // namespace detail::dates

inline void time_span::append_to(std::string& out, time_span_format f) const {
    namespace d = detail::dates;
    const bool neg = ticks_ < 0;
    const std::uint64_t mag = neg ? 0 - static_cast<std::uint64_t>(ticks_) : static_cast<std::uint64_t>(ticks_);
    const std::uint64_t per_day = static_cast<std::uint64_t>(ticks_per_day);
    switch (f) {
    case time_span_format::constant: {
        if (neg) out += '-';
        const std::uint64_t days = mag / per_day;
        if (days != 0) {
            d::append_uint(out, days);
            out += '.';
        }
        const std::uint64_t tod = mag % per_day;
        d::append_fixed(out, tod / static_cast<std::uint64_t>(ticks_per_hour), 2);
        out += ':';
        d::append_fixed(out, tod / static_cast<std::uint64_t>(ticks_per_minute) % 60, 2);
        out += ':';
        d::append_fixed(out, tod / static_cast<std::uint64_t>(ticks_per_second) % 60, 2);
        const std::uint64_t frac = mag % static_cast<std::uint64_t>(ticks_per_second);
        if (frac != 0) {
            out += '.';
            d::append_fixed(out, frac, 7);
        }
        return;
    }
    case time_span_format::xsd: {
        // XsdDuration(TimeSpan).ToString(): D, then T with H, M, S only when non-zero; PT0S for 0.
        if (neg) out += '-';
        out += 'P';
        const std::uint64_t days = mag / per_day;
        const std::uint64_t h = mag / static_cast<std::uint64_t>(ticks_per_hour) % 24;
        const std::uint64_t m = mag / static_cast<std::uint64_t>(ticks_per_minute) % 60;
        const std::uint64_t s = mag / static_cast<std::uint64_t>(ticks_per_second) % 60;
        const std::uint64_t frac = mag % static_cast<std::uint64_t>(ticks_per_second);
        if (days != 0) {
            d::append_uint(out, days);
            out += 'D';
        }
        if (h != 0 || m != 0 || s != 0 || frac != 0) {
            out += 'T';
            if (h != 0) { d::append_uint(out, h); out += 'H'; }
            if (m != 0) { d::append_uint(out, m); out += 'M'; }
            if (s != 0 || frac != 0) {
                d::append_uint(out, s);
                d::append_fraction_trimmed(out, static_cast<int>(frac));
                out += 'S';
            }
        } else if (days == 0) {
            out += "T0S";
        }
        return;
    }
    case time_span_format::servicestack: {
        // TimeSpanConverter.ToXsdDuration, step for step (ServiceStack.Text/Support/TimeSpanConverter.cs).
        if (ticks_ == std::numeric_limits<std::int64_t>::min()) {
            out += "-P10675199DT2H48M5.4775391S";
            return;
        }
        if (ticks_ == std::numeric_limits<std::int64_t>::max()) {
            out += "P10675199DT2H48M5.4775391S";
            return;
        }
        const std::size_t start = out.size();
        out += neg ? "-P" : "P";
        const double total_seconds = static_cast<double>(static_cast<std::int64_t>(mag)) / 1e7;
        const auto whole = static_cast<std::int64_t>(total_seconds);
        const std::int64_t sec = whole % 60;
        const std::int64_t min = whole / 60 % 60;
        const std::int64_t hours = whole / 3600 % 24;
        const std::int64_t days = whole / 86400;
        const double remaining = static_cast<double>(sec) + (total_seconds - static_cast<double>(whole));
        if (days > 0) {
            d::append_int(out, days);
            out += 'D';
        }
        if (days == 0 || static_cast<double>(hours + min + sec) + remaining > 0) {
            out += 'T';
            if (hours > 0) { d::append_int(out, hours); out += 'H'; }
            if (min > 0) { d::append_int(out, min); out += 'M'; }
            if (remaining > 0) {
                const std::size_t num = out.size();
                d::append_dotnet_fixed7(out, remaining);
                // TrimEnd('0').TrimEnd('.')
                while (out.size() > num && out.back() == '0') out.pop_back();
                if (out.size() > num && out.back() == '.') out.pop_back();
                out += 'S';
            } else if (out.size() - start == 2) {  // "PT"
                out += "0S";
            }
        }
        return;
    }
    }
}

namespace detail::dates {

// [-]P[nY][nM][nD][T[nH][nM][n[.f]S]] after the caller trimmed the text. `int32_parts` applies
// XmlConvert's Int32 limit per number; `allow_year_month` is false for ServiceStack.
inline time_span parse_xsd_duration(cursor& c, bool int32_parts, bool allow_year_month) {
    const bool neg = c.eat('-');
    c.expect('P', "'P' to start a duration");
    std::uint64_t years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0, fraction = 0;
    bool any = false;
    const auto number = [&](std::uint64_t& v) -> bool {
        const std::size_t start = c.pos;
        v = 0;
        while (is_digit(c.peek())) {
            const unsigned dgt = static_cast<unsigned>(c.s[c.pos++] - '0');
            const std::uint64_t limit = int32_parts ? 2147483647u : 9223372036854775807u;
            if (v > (limit - dgt) / 10) c.fail(errc::out_of_range, "duration component is too large", start);
            v = v * 10 + dgt;
        }
        return c.pos != start;
    };
    // Date part: Y, M, D in this order, each at most once.
    const char date_designators[] = {'Y', 'M', 'D'};
    std::uint64_t* date_slots[] = {&years, &months, &days};
    int next = 0;
    while (!c.at_end() && c.peek() != 'T') {
        std::uint64_t v = 0;
        if (!number(v)) c.fail_expected(any ? "a number or 'T'" : "a number or 'T' after 'P'");
        if (c.at_end()) c.fail_expected("a designator (Y, M, D) after the number");
        int k = next;
        while (k < 3 && date_designators[k] != c.peek()) ++k;
        if (k == 3) c.fail_expected(next == 0 ? "Y, M or D" : (next == 1 ? "M or D" : (next == 2 ? "D" : "'T'")));
        if (k < 2 && !allow_year_month)
            c.fail(errc::invalid_value,
                   "years and months are not supported (ServiceStack reads them as 0, XmlConvert as 365/30 "
                   "days); use time_span_syntax::xsd for XmlConvert's rule",
                   c.pos);
        *date_slots[k] = v;
        next = k + 1;
        ++c.pos;
        any = true;
    }
    if (c.eat('T')) {
        if (c.at_end()) c.fail_expected("a time component after 'T'");
        const char time_designators[] = {'H', 'M', 'S'};
        std::uint64_t* time_slots[] = {&hours, &minutes, &seconds};
        int tnext = 0;
        while (!c.at_end()) {
            if (tnext == 3) c.expect_end();
            std::uint64_t v = 0;
            const bool has_number = number(v);
            if (c.peek_is('.')) {
                // Seconds with a fraction; XmlConvert accepts "PT.5S" and "PT1.S" too.
                ++c.pos;
                int n = 0;
                while (is_digit(c.peek())) {
                    if (n < 7) fraction = fraction * 10 + static_cast<unsigned>(c.peek() - '0');
                    ++n;
                    ++c.pos;
                }
                for (int i = n; i < 7; ++i) fraction *= 10;
                seconds = v;
                c.expect('S', "'S' after the seconds");
                tnext = 3;
                any = true;
                continue;
            }
            if (!has_number) c.fail_expected("a number");
            if (c.at_end()) c.fail_expected("a designator (H, M, S) after the number");
            int k = tnext;
            while (k < 3 && time_designators[k] != c.peek()) ++k;
            if (k == 3) c.fail_expected(tnext == 0 ? "H, M or S" : (tnext == 1 ? "M or S" : "S"));
            *time_slots[k] = v;
            tnext = k + 1;
            ++c.pos;
            any = true;
        }
    }
    c.expect_end();
    if (!any) c.fail(errc::syntax, "a duration needs at least one component", 0);
    // XsdDuration.TryToTimeSpan: checked unsigned arithmetic, then the sign.
    std::uint64_t t = 0;
    bool over = false;
    const auto mul = [&](std::uint64_t k) { over |= __builtin_mul_overflow(t, k, &t); };
    const auto add = [&](std::uint64_t k) { over |= __builtin_add_overflow(t, k, &t); };
    add(years + months / 12);
    mul(365);
    add((months % 12) * 30);
    add(days);
    mul(24);
    add(hours);
    mul(60);
    add(minutes);
    mul(60);
    add(seconds);
    mul(10'000'000);
    add(fraction);
    const std::uint64_t limit = neg ? 9223372036854775808ull : 9223372036854775807ull;
    if (over || t > limit) c.fail(errc::out_of_range, "duration does not fit in a TimeSpan", 0);
    return time_span(neg ? static_cast<std::int64_t>(0 - t) : static_cast<std::int64_t>(t));
}

// [-][d.]h[h]:mm[:ss[.f{1,7}]] (TimeSpan.Parse's common shapes); `strict` is the "c" format:
// two-digit hours and mandatory seconds.
inline time_span parse_clock_span(cursor& c, bool strict) {
    const bool neg = c.eat('-');
    const std::size_t first = c.pos;
    std::uint64_t days = 0, head = 0;
    int n = 0;
    while (is_digit(c.peek())) {
        head = head * 10 + static_cast<unsigned>(c.s[c.pos++] - '0');
        if (++n > 8) c.fail(errc::out_of_range, "TimeSpan days must be at most 10675199", first);
    }
    if (n == 0) c.fail_expected(strict ? "days or hours" : "a number");
    std::size_t hpos = first;
    if (c.eat('.')) {
        days = head;
        if (days > 10675199) c.fail(errc::out_of_range, "TimeSpan days must be at most 10675199", first);
        hpos = c.pos;
        head = static_cast<std::uint64_t>(c.digits(2, "two-digit hours"));
        if (!strict && is_digit(c.peek())) c.fail(errc::out_of_range, "hours must be 0..23", hpos);
    } else if (strict && n != 2) {
        c.fail_expected(n < 2 ? "two-digit hours" : "'.' after the days");
    } else if (n > 2) {
        c.fail(errc::out_of_range, "hours must be 0..23", hpos);
    }
    if (head > 23) c.fail(errc::out_of_range, "hours must be 0..23", hpos);
    c.expect(':', "':' after the hours");
    const std::size_t mpos = c.pos;
    const int minutes = c.digits(2, "two-digit minutes");
    if (minutes > 59) c.fail(errc::out_of_range, "minutes must be 00..59", mpos);
    int seconds = 0;
    std::int64_t fraction = 0;
    if (c.eat(':')) {
        const std::size_t spos = c.pos;
        seconds = c.digits(2, "two-digit seconds");
        if (seconds > 59) c.fail(errc::out_of_range, "seconds must be 00..59", spos);
        if (c.eat('.')) {
            const std::size_t fpos = c.pos;
            int k = 0;
            while (is_digit(c.peek())) {
                if (++k > 7) c.fail(errc::out_of_range, "a TimeSpan fraction has at most 7 digits", fpos);
                fraction = fraction * 10 + (c.s[c.pos++] - '0');
            }
            if (k == 0) c.fail_expected("a fraction digit after '.'");
            for (; k < 7; ++k) fraction *= 10;
        }
    } else if (strict) {
        c.fail_expected("':' after the minutes");
    }
    c.expect_end();
    const std::uint64_t t = ((days * 24 + head) * 60 + static_cast<unsigned>(minutes)) * 60 * 10'000'000ull +
                            static_cast<unsigned>(seconds) * 10'000'000ull + static_cast<std::uint64_t>(fraction);
    const std::uint64_t limit = neg ? 9223372036854775808ull : 9223372036854775807ull;
    if (t > limit) c.fail(errc::out_of_range, "value does not fit in a TimeSpan", 0);
    return time_span(neg ? static_cast<std::int64_t>(0 - t) : static_cast<std::int64_t>(t));
}

// [-]digits[.digits] seconds (ParseNSTimeInterval). Converted exactly and truncated toward zero
// to whole ticks, as .NET Core's TimeSpan.FromSeconds(double) truncates.
inline time_span parse_seconds(cursor& c) {
    const bool neg = c.eat('-');
    const std::size_t first = c.pos;
    std::uint64_t whole = 0;
    while (is_digit(c.peek())) {
        const unsigned dgt = static_cast<unsigned>(c.s[c.pos++] - '0');
        if (whole > (922337203685ull - dgt) / 10) c.fail(errc::out_of_range, "seconds do not fit in a TimeSpan", first);
        whole = whole * 10 + dgt;
    }
    std::uint64_t frac = 0;
    int k = 0;
    if (c.eat('.')) {
        while (is_digit(c.peek())) {
            if (k < 7) frac = frac * 10 + static_cast<unsigned>(c.peek() - '0');
            ++k;
            ++c.pos;
        }
        if (k == 0 && c.pos - first == 1) c.fail_expected("a digit");
        for (int i = k; i < 7; ++i) frac *= 10;
    }
    if (c.pos == first) c.fail_expected("'P', a clock time or a number of seconds");
    c.expect_end();
    const std::uint64_t t = whole * 10'000'000ull + frac;
    const std::uint64_t limit = neg ? 9223372036854775808ull : 9223372036854775807ull;
    if (t > limit) c.fail(errc::out_of_range, "seconds do not fit in a TimeSpan", first);
    return time_span(neg ? static_cast<std::int64_t>(0 - t) : static_cast<std::int64_t>(t));
}

}  // namespace detail::dates

inline time_span time_span::parse(std::string_view text, time_span_syntax syntax) {
    namespace d = detail::dates;
    d::cursor c{text, 0, "TimeSpan"};
    switch (syntax) {
    case time_span_syntax::xsd: {
        // XsdDuration.TryParse trims; the trimmed tail is cut off so offsets stay those of `text`.
        std::size_t e = text.size();
        while (c.pos < e && d::is_xml_space(text[c.pos])) ++c.pos;
        while (e > c.pos && d::is_xml_space(text[e - 1])) --e;
        c.s = text.substr(0, e);
        if (c.at_end()) c.fail(errc::syntax, "expected a duration, found empty text", c.pos);
        return d::parse_xsd_duration(c, true, true);
    }
    case time_span_syntax::servicestack: {
        if (text.empty()) c.fail(errc::syntax, "expected a duration, found empty text", 0);
        if (text == "-P10675199DT2H48M5.4775391S") return min_value();
        if (text == "P10675199DT2H48M5.4775391S") return max_value();
        if (text[0] == 'P' || (text.size() > 1 && text[0] == '-' && text[1] == 'P'))
            return d::parse_xsd_duration(c, false, false);
        if (text.find(':') != std::string_view::npos) return d::parse_clock_span(c, false);
        return d::parse_seconds(c);
    }
    case time_span_syntax::constant:
        if (text.empty()) c.fail(errc::syntax, "expected [-][d.]hh:mm:ss[.fffffff], found empty text", 0);
        return d::parse_clock_span(c, true);
    }
    c.fail(errc::invalid_value, "unknown time_span_syntax", 0);
}

}  // namespace sstk
