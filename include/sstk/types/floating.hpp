// .NET spellings of double and float, and their parsers.
//
// Three digit policies, because the server's runtime decides what is on the wire:
//   float_format::shortest         .NET Core 3.0+ ToString() and "R": the shortest text that
//                                  round-trips (0.3333333333333333, 5E-324, 0.33333334).
//   float_format::netfx_roundtrip  .NET Framework / Mono "R", which XmlConvert (DataContract XML)
//                                  and ServiceStack's float writer use there: G15 if it parses
//                                  back to the same double, else G17 (float: G7, else G9):
//                                  0.1, 3.1415926535897931, 4.94065645841247E-324, 0.333333343.
//   float_format::netfx_general    .NET Framework / Mono ToString(): G15 (float G7), lossy;
//                                  what ServiceStack.Text on Mono writes for double
//                                  (0.333333333333333, 1.23456789012346E+17).
//
// Layout is .NET's FormatGeneral (dotnet/runtime Number.Formatting.cs): with `scale` = decimal
// exponent + 1, scientific notation is used when scale > max_digits or scale < -3, written
// d[.ddd]E+XX / E-XX with at least two exponent digits. max_digits is the precision for the G15/
// G17/G7/G9 forms and max(digit count, 17) — 9 for float — for the shortest form (the constants
// DoublePrecision = 17 / SinglePrecision = 9 there). So .NET Core writes 1E+17 but
// 10000000000000000 for 1e16, and 0.0001 but 1E-05, while the Framework's G15 gives 1E+15.
//
// Specials: float_specials::text is NumberFormatInfo.InvariantInfo (NaN, Infinity, -Infinity),
// what ServiceStack JSON/JSV write bare. float_specials::xml is XmlConvert.ToString: NaN, INF,
// -INF, and negative zero always "-0" (XmlConvert checks it before formatting; .NET Framework's
// own ToString drops the sign of -0, .NET Core keeps it).
//
// Digits come from std::to_chars, which rounds correctly. The .NET Framework's own digit
// generator was not always correctly rounded beyond 15 digits (dotnet/coreclr#13106), so a
// 17-digit value from a Framework server may, rarely, differ in its last digit.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>

#include <bit>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace sstk {

enum class float_format : unsigned char {
    shortest,         // .NET Core 3.0+ ToString() / "R"
    netfx_roundtrip,  // .NET Framework / Mono "R" (XmlConvert.ToString on those runtimes)
    netfx_general,    // .NET Framework / Mono ToString(): G15 / G7
};

enum class float_specials : unsigned char {
    text,  // NaN, Infinity, -Infinity (ServiceStack JSON/JSV/CSV, System.Text.Json named literals)
    xml,   // NaN, INF, -INF, and -0 for negative zero (XmlConvert)
};

enum class float_syntax : unsigned char {
    // XmlConvert.ToDouble/ToSingle: surrounding XML whitespace trimmed; INF, -INF, NaN, also
    // Infinity and -Infinity (the invariant symbols double.Parse knows).
    xml,
    // A JSON/JSV token as ServiceStack reads it: no whitespace; NaN, Infinity, -Infinity.
    json,
};

namespace detail::scalars {

template <class T>
concept dotnet_float = std::same_as<T, double> || std::same_as<T, float>;

// Significant digits and decimal exponent of |v| as d.ddd * 10^exp10, trailing zeros dropped.
struct float_digits {
    char digits[24];
    int count = 0;
    int exp10 = 0;
};

// precision < 0: shortest round-trip digits; else exactly `precision` significant digits,
// correctly rounded. v must be finite and non-zero.
template <dotnet_float T>
inline float_digits decompose(T v, int precision) {
    char buf[64];
    const T a = std::fabs(v);
    const auto r = precision < 0 ? std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific)
                                 : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific,
                                                 precision - 1);
    float_digits d;
    const char* p = buf;
    for (; p < r.ptr && *p != 'e'; ++p)
        if (*p != '.') d.digits[d.count++] = *p;
    while (d.count > 1 && d.digits[d.count - 1] == '0') --d.count;
    // p at 'e', then sign and at least two digits.
    ++p;
    const bool eneg = *p == '-';
    ++p;
    int e = 0;
    for (; p < r.ptr; ++p) e = e * 10 + (*p - '0');
    d.exp10 = eneg ? -e : e;
    return d;
}

// .NET FormatGeneral with the given max_digits.
inline void layout_general(std::string& out, const float_digits& d, int max_digits) {
    const int scale = d.exp10 + 1;
    if (scale > max_digits || scale < -3) {
        out += d.digits[0];
        if (d.count > 1) {
            out += '.';
            out.append(d.digits + 1, static_cast<std::size_t>(d.count - 1));
        }
        out += 'E';
        int e = d.exp10;
        out += e < 0 ? '-' : '+';
        if (e < 0) e = -e;
        char eb[8];
        int n = 0;
        do {
            eb[n++] = static_cast<char>('0' + e % 10);
            e /= 10;
        } while (e != 0);
        if (n < 2) eb[n++] = '0';
        while (n > 0) out += eb[--n];
        return;
    }
    if (scale > 0) {
        if (d.count <= scale) {
            out.append(d.digits, static_cast<std::size_t>(d.count));
            out.append(static_cast<std::size_t>(scale - d.count), '0');
        } else {
            out.append(d.digits, static_cast<std::size_t>(scale));
            out += '.';
            out.append(d.digits + scale, static_cast<std::size_t>(d.count - scale));
        }
    } else {
        out += "0.";
        out.append(static_cast<std::size_t>(-scale), '0');
        out.append(d.digits, static_cast<std::size_t>(d.count));
    }
}

template <dotnet_float T>
inline bool digits_round_trip(const float_digits& d, T v) {
    // Rebuild "d.dddEexp" and parse it back as T.
    char buf[48];
    int n = 0;
    buf[n++] = d.digits[0];
    if (d.count > 1) {
        buf[n++] = '.';
        for (int i = 1; i < d.count; ++i) buf[n++] = d.digits[i];
    }
    buf[n++] = 'e';
    const auto r = std::to_chars(buf + n, buf + sizeof buf, d.exp10);
    T back{};
    const auto pr = std::from_chars(buf, r.ptr, back);
    return pr.ec == std::errc() && back == std::fabs(v);
}

}  // namespace detail::scalars

// Appends the .NET spelling of v.
template <detail::scalars::dotnet_float T>
void append_floating(std::string& out, T v, float_format fmt = float_format::shortest,
                     float_specials sp = float_specials::text) {
    constexpr bool is_double = std::is_same_v<T, double>;
    if (std::isnan(v)) {
        out += "NaN";
        return;
    }
    if (std::isinf(v)) {
        if (sp == float_specials::xml) out += v < 0 ? "-INF" : "INF";
        else out += v < 0 ? "-Infinity" : "Infinity";
        return;
    }
    if (v == 0) {
        // .NET Core keeps the sign of -0; the Framework drops it; XmlConvert always writes "-0".
        const bool show_sign = std::signbit(v) && (sp == float_specials::xml || fmt == float_format::shortest);
        out += show_sign ? "-0" : "0";
        return;
    }
    if (v < 0) out += '-';
    using detail::scalars::decompose;
    const int lossy = is_double ? 15 : 7;   // Framework G15 / G7
    const int full = is_double ? 17 : 9;    // G17 / G9, and the shortest form's max_digits floor
    switch (fmt) {
    case float_format::shortest: {
        const auto d = decompose(v, -1);
        detail::scalars::layout_general(out, d, d.count > full ? d.count : full);
        return;
    }
    case float_format::netfx_general:
        detail::scalars::layout_general(out, decompose(v, lossy), lossy);
        return;
    case float_format::netfx_roundtrip: {
        const auto d = decompose(v, lossy);
        if (detail::scalars::digits_round_trip(d, v)) detail::scalars::layout_general(out, d, lossy);
        else detail::scalars::layout_general(out, decompose(v, full), full);
        return;
    }
    }
}

inline void append_double(std::string& out, double v, float_format fmt = float_format::shortest,
                          float_specials sp = float_specials::text) {
    append_floating(out, v, fmt, sp);
}
inline void append_float(std::string& out, float v, float_format fmt = float_format::shortest,
                         float_specials sp = float_specials::text) {
    append_floating(out, v, fmt, sp);
}
inline std::string double_to_string(double v, float_format fmt = float_format::shortest,
                                    float_specials sp = float_specials::text) {
    std::string s;
    append_floating(s, v, fmt, sp);
    return s;
}
inline std::string float_to_string(float v, float_format fmt = float_format::shortest,
                                   float_specials sp = float_specials::text) {
    std::string s;
    append_floating(s, v, fmt, sp);
    return s;
}

namespace detail::scalars {

template <dotnet_float T>
T parse_floating(std::string_view text, float_syntax syn) {
    constexpr const char* type_name = std::is_same_v<T, double> ? "double" : "float";
    std::size_t b = 0, e = text.size();
    if (syn == float_syntax::xml) {
        const auto t = trim_xml_space(text);
        b = t.first;
        e = t.last;
    }
    const std::string_view s = text.substr(b, e - b);
    if (s.empty())
        throw error(errc::syntax, std::string(type_name) + ": expected a number, found empty text", b);

    constexpr T inf = std::numeric_limits<T>::infinity();
    if (s == "NaN") return std::numeric_limits<T>::quiet_NaN();
    if (s == "Infinity") return inf;
    if (s == "-Infinity") return -inf;
    if (syn == float_syntax::xml) {
        if (s == "INF") return inf;
        if (s == "-INF") return -inf;
    }

    // [+-] (digits [. digits*] | . digits) ([eE] [+-] digits)?  — what NumberStyles.Float takes.
    std::size_t i = 0;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-') {
        neg = s[i] == '-';
        ++i;
    }
    const std::size_t mant_begin = i;
    std::size_t int_digits = 0, frac_digits = 0;
    long long first_nonzero_exp = 0;  // decimal exponent of the first non-zero digit (approx.)
    bool nonzero = false;
    for (; i < s.size() && is_digit(s[i]); ++i, ++int_digits)
        if (!nonzero && s[i] != '0') nonzero = true;
    long long lead_int = 0;  // count of integer digits from the first non-zero one
    {
        std::size_t k = mant_begin;
        while (k < mant_begin + int_digits && s[k] == '0') ++k;
        lead_int = static_cast<long long>(mant_begin + int_digits - k);
    }
    long long frac_zeros = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        for (; i < s.size() && is_digit(s[i]); ++i, ++frac_digits) {
            if (!nonzero) {
                if (s[i] == '0') ++frac_zeros;
                else nonzero = true;
            }
        }
    }
    if (int_digits + frac_digits == 0)
        throw error(errc::syntax,
                    std::string(type_name) + ": expected a digit, found " +
                        (i < s.size() ? describe_char(s[i]) : std::string("end of text")),
                    b + i);
    long long exp = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        bool eneg = false;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) {
            eneg = s[j] == '-';
            ++j;
        }
        if (j == s.size() || !is_digit(s[j]))
            throw error(errc::syntax, std::string(type_name) + ": expected exponent digits", b + j);
        for (; j < s.size() && is_digit(s[j]); ++j)
            if (exp < 100000) exp = exp * 10 + (s[j] - '0');
        if (eneg) exp = -exp;
        i = j;
    }
    if (i != s.size())
        throw error(errc::syntax,
                    std::string(type_name) + ": unexpected " + describe_char(s[i]) + " after the number",
                    b + i);
    if (!nonzero) return neg ? -T(0) : T(0);
    first_nonzero_exp = (lead_int > 0 ? lead_int - 1 : -(frac_zeros + 1)) + exp;

    // std::from_chars takes no '+' and no leading '.', so hand it "0" + the mantissa if needed.
    std::string_view num = s.substr(mant_begin, i - mant_begin);
    T value{};
    std::from_chars_result r;
    if (num.front() == '.') {
        std::string tmp = "0";
        tmp.append(num);
        r = std::from_chars(tmp.data(), tmp.data() + tmp.size(), value);
    } else {
        r = std::from_chars(num.data(), num.data() + num.size(), value);
    }
    if (r.ec == std::errc::result_out_of_range) {
        // libstdc++ reports both overflow and underflow this way; tell them apart by magnitude.
        if (first_nonzero_exp > 0)
            throw error(errc::out_of_range,
                        std::string(type_name) + ": " + quote_excerpt(s) + " is outside the range of " + type_name,
                        b);
        value = 0;  // underflow: .NET rounds to zero without an error
    } else if (r.ec != std::errc()) {
        throw error(errc::syntax, std::string(type_name) + ": malformed number " + quote_excerpt(s), b);
    }
    return neg ? -value : value;
}

}  // namespace detail::scalars

// Parses a double as XmlConvert (xml) or ServiceStack's JSON/JSV reader (json) accepts it.
// Overflow such as 1e400 is out_of_range (.NET Framework/Mono throw; .NET Core 3.0+ would return
// Infinity); underflow gives a signed zero; "" and "1,5" are syntax errors.
inline double parse_double(std::string_view text, float_syntax syn = float_syntax::xml) {
    return detail::scalars::parse_floating<double>(text, syn);
}
inline float parse_float(std::string_view text, float_syntax syn = float_syntax::xml) {
    return detail::scalars::parse_floating<float>(text, syn);
}
inline result<double> try_parse_double(std::string_view text, float_syntax syn = float_syntax::xml) {
    return capture([&] { return parse_double(text, syn); });
}
inline result<float> try_parse_float(std::string_view text, float_syntax syn = float_syntax::xml) {
    return capture([&] { return parse_float(text, syn); });
}

}  // namespace sstk
