// Integers on the wire: one parser every codec shares, so overflow and junk are errors in exactly
// one way everywhere.
//
// Grammar: [ws] [sign] digits [ws]. Leading zeros are fine (ServiceStack reads "007" and
// "01" as 7 and 1). A leading '+' and surrounding whitespace are options: XmlConvert.ToInt32 & co.
// parse with NumberStyles.AllowLeadingSign | AllowLeadingWhite | AllowTrailingWhite and take
// both, while ServiceStack.Text's JSON reader drops "+5" for an int (research:
// servicestack-text-observed.md, JSON reading). "-0" is 0 even for unsigned types, as in .NET;
// any other negative number into an unsigned type is out_of_range (OverflowException in .NET).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace sstk {

template <class T>
concept wire_integer = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                       !std::same_as<T, char8_t> && !std::same_as<T, char16_t> &&
                       !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>;

struct integer_parse_options {
    bool allow_plus = false;        // accept a leading '+'
    bool allow_whitespace = false;  // ignore leading/trailing XML whitespace
};

// XmlConvert.ToInt32/ToInt64/...: '+' and surrounding whitespace accepted.
inline constexpr integer_parse_options xml_integer_options{true, true};

template <wire_integer T>
T parse_integer(std::string_view text, integer_parse_options opt = {}) {
    using detail::scalars::describe_char;
    std::size_t i = 0, end = text.size();
    if (opt.allow_whitespace) {
        const auto t = detail::scalars::trim_xml_space(text);
        i = t.first;
        end = t.last;
    }
    const std::size_t start = i;
    if (i == end) throw error(errc::syntax, "integer: expected digits, found empty text", i);
    bool neg = false;
    if (text[i] == '-' || text[i] == '+') {
        if (text[i] == '+' && !opt.allow_plus)
            throw error(errc::syntax, "integer: a leading '+' is not accepted here", i);
        neg = text[i] == '-';
        ++i;
    }
    if (i == end || !detail::scalars::is_digit(text[i]))
        throw error(errc::syntax,
                    "integer: expected a digit, found " +
                        (i == end ? std::string("end of text") : describe_char(text[i])),
                    i);
    // Accumulate the magnitude in uint64 with overflow detection, then range-check for T.
    std::uint64_t mag = 0;
    bool overflow = false;
    for (; i < end && detail::scalars::is_digit(text[i]); ++i) {
        const auto d = static_cast<std::uint64_t>(text[i] - '0');
        if (mag > (std::numeric_limits<std::uint64_t>::max() - d) / 10) overflow = true;
        else mag = mag * 10 + d;
    }
    if (i != end)
        throw error(errc::syntax, "integer: unexpected " + describe_char(text[i]) + " after the digits", i);

    auto out_of_range = [&] {
        std::string msg = "integer: ";
        msg += detail::scalars::quote_excerpt(text.substr(start, end - start));
        msg += " is outside the range ";
        msg += std::to_string(+std::numeric_limits<T>::min());
        msg += "..";
        msg += std::to_string(+std::numeric_limits<T>::max());
        return error(errc::out_of_range, std::move(msg), start);
    };
    if (overflow) throw out_of_range();
    if (!neg) {
        if (mag > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) throw out_of_range();
        return static_cast<T>(mag);
    }
    if (mag == 0) return T(0);
    if constexpr (std::is_unsigned_v<T>) {
        throw out_of_range();
    } else {
        // |min| = max + 1.
        const auto limit = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) + 1;
        if (mag > limit) throw out_of_range();
        return static_cast<T>(-static_cast<std::int64_t>(mag - 1) - 1);
    }
}

template <wire_integer T>
result<T> try_parse_integer(std::string_view text, integer_parse_options opt = {}) {
    return capture([&] { return parse_integer<T>(text, opt); });
}

// Invariant decimal text, as every .NET writer spells integers.
template <wire_integer T>
void append_integer(std::string& out, T v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

}  // namespace sstk
