// sstk::decimal — exact .NET System.Decimal: a 96-bit unsigned mantissa, a scale 0..28 and a sign.
//
// The scale is part of the value's identity on the wire: 1.10m is written "1.10" by every
// ServiceStack format and by DataContractSerializer, so parse -> format keeps it ("0.000",
// "1.00000"). Arithmetic is out of scope; this type carries values between the wire and the user.
//
// Equality and ordering are numeric, like .NET's decimal ==/CompareTo: 1.10 == 1.1 and -0 == 0.
// same_representation() compares mantissa, scale and sign exactly. std::hash agrees with ==.
//
// Parsing follows .NET's Number.TryNumberToDecimal (dotnet/runtime
// System.Private.CoreLib/src/System/Number.Parsing.cs): digits are taken while the mantissa fits
// in 96 bits and the scale stays <= 28; the rest is rounded half to even (a 5 followed only by
// zeros rounds to even, anything above rounds up). An integer part that does not fit is an
// OverflowException in .NET and out_of_range here; tiny values round to zero with scale 28
// instead of failing (decimal.Parse("1e-40", Float) == 0.0000000000000000000000000000m).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>

#include <array>
#include <charconv>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>

namespace sstk {

struct decimal_parse_options {
    // Accept `1e2`, `1.5E-3` (ServiceStack.Text's JSON reader parses with NumberStyles.Float).
    // XmlConvert.ToDecimal rejects exponents, so this is off by default.
    bool allow_exponent = false;
    // Accept and ignore leading/trailing XML whitespace (XmlConvert does; JSON tokens have none).
    bool allow_whitespace = false;
};

class decimal {
public:
    static constexpr std::uint8_t max_scale = 28;

    constexpr decimal() noexcept = default;

    // Any integer (scale 0). Every int64/uint64 fits in 96 bits.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    constexpr decimal(T v) noexcept {  // NOLINT: implicit, like C#'s int -> decimal
        if constexpr (std::is_signed_v<T>) {
            negative_ = v < 0;
            // Negate in unsigned arithmetic so INT64_MIN is fine.
            const std::uint64_t mag = negative_ ? std::uint64_t(0) - static_cast<std::uint64_t>(v)
                                                : static_cast<std::uint64_t>(v);
            set_mantissa(mag);
        } else {
            set_mantissa(static_cast<std::uint64_t>(v));
        }
    }

    // new decimal(lo, mid, hi, isNegative, scale); scale above 28 is out_of_range.
    static constexpr decimal from_parts(std::uint32_t lo, std::uint32_t mid, std::uint32_t hi,
                                        bool negative, std::uint8_t scale) {
        if (scale > max_scale)
            throw error(errc::out_of_range,
                        "decimal: scale " + std::to_string(scale) + " is above 28");
        decimal d;
        d.lo_ = lo;
        d.mid_ = mid;
        d.hi_ = hi;
        d.negative_ = negative;
        d.scale_ = scale;
        return d;
    }

    // decimal.GetBits layout: {lo, mid, hi, flags} with flags = scale << 16 | sign << 31.
    // Other flag bits set, or a scale above 28, is invalid_value (as new decimal(int[]) throws).
    static constexpr decimal from_bits(const std::array<std::int32_t, 4>& bits) {
        const auto flags = static_cast<std::uint32_t>(bits[3]);
        const std::uint32_t scale = (flags >> 16) & 0xFF;
        if ((flags & 0x7F00FFFFu) != 0 || scale > max_scale)
            throw error(errc::invalid_value, "decimal: invalid flags word in GetBits representation");
        return from_parts(static_cast<std::uint32_t>(bits[0]), static_cast<std::uint32_t>(bits[1]),
                          static_cast<std::uint32_t>(bits[2]), (flags >> 31) != 0,
                          static_cast<std::uint8_t>(scale));
    }
    constexpr std::array<std::int32_t, 4> to_bits() const noexcept {
        const std::uint32_t flags = (std::uint32_t(scale_) << 16) | (negative_ ? 0x80000000u : 0u);
        return {static_cast<std::int32_t>(lo_), static_cast<std::int32_t>(mid_),
                static_cast<std::int32_t>(hi_), static_cast<std::int32_t>(flags)};
    }

    static constexpr decimal max_value() noexcept { return raw(~0u, ~0u, ~0u, false, 0); }
    static constexpr decimal min_value() noexcept { return raw(~0u, ~0u, ~0u, true, 0); }

    constexpr std::uint32_t lo() const noexcept { return lo_; }
    constexpr std::uint32_t mid() const noexcept { return mid_; }
    constexpr std::uint32_t hi() const noexcept { return hi_; }
    constexpr std::uint8_t scale() const noexcept { return scale_; }
    // The sign bit; -0 and -0.00 exist (decimal.Parse("-0") keeps it) but format as "0", "0.00".
    constexpr bool is_negative() const noexcept { return negative_; }
    constexpr bool is_zero() const noexcept { return (lo_ | mid_ | hi_) == 0; }

    // Identical mantissa, scale and sign (1.10 and 1.1 are == but not the same representation).
    constexpr bool same_representation(const decimal& o) const noexcept {
        return lo_ == o.lo_ && mid_ == o.mid_ && hi_ == o.hi_ && scale_ == o.scale_ &&
               negative_ == o.negative_;
    }

    // ---- text ----------------------------------------------------------------------------

    // Invariant culture, scale kept, never an exponent: "1.10", "0.000", "-0.5",
    // "79228162514264337593543950335". A negative zero prints without the sign, as .NET does.
    void append_to(std::string& out) const {
        char digits[32];
        char* end = digits + sizeof digits;
        char* p = end;
        u128 m = mantissa();
        do {
            *--p = static_cast<char>('0' + static_cast<int>(m % 10));
            m /= 10;
        } while (m != 0);
        const auto n = static_cast<std::size_t>(end - p);
        if (negative_ && !is_zero()) out += '-';
        if (n > scale_) {
            out.append(p, n - scale_);
            if (scale_ != 0) {
                out += '.';
                out.append(p + (n - scale_), scale_);
            }
        } else {
            out += "0.";
            out.append(scale_ - n, '0');
            out.append(p, n);
        }
    }
    std::string to_string() const {
        std::string s;
        append_to(s);
        return s;
    }

    // `[ws][+-]digits[.digits][e[+-]digits][ws]` — ".5" and "5." are accepted as .NET and
    // xsd:decimal accept them; whitespace and exponent only when the options say so.
    static decimal parse(std::string_view text, decimal_parse_options opt = {}) {
        return parse_impl(text, opt);
    }
    static result<decimal> try_parse(std::string_view text, decimal_parse_options opt = {}) {
        return capture([&] { return parse_impl(text, opt); });
    }

    // ---- conversions ---------------------------------------------------------------------

    // (long)d in C#: drops the fraction; out_of_range when the integer part does not fit.
    constexpr std::int64_t truncate_to_int64() const {
        const u128 ip = mantissa() / pow10(scale_);
        return to_int64_checked(ip);
    }
    // The value as int64 only when it is an integer (1.00 is fine, 1.5 is invalid_value).
    constexpr std::int64_t to_int64() const {
        const u128 p = pow10(scale_);
        if (mantissa() % p != 0)
            throw error(errc::invalid_value, "decimal: " + to_string() + " has a fractional part");
        return to_int64_checked(mantissa() / p);
    }
    // Correctly rounded (via the exact decimal text). .NET's (double)d can be 1 ulp off for long
    // mantissas; a wire value is never computed this way, so exactness wins here.
    double to_double() const {
        std::string s;
        append_to(s);
        if (negative_ && is_zero()) return -0.0;
        double d = 0;
        std::from_chars(s.data(), s.data() + s.size(), d);
        return d;
    }

    // ---- comparison (numeric) --------------------------------------------------------------

    // -1, 0 or 1, numerically (decimal.Compare).
    static constexpr int compare(const decimal& a, const decimal& b) noexcept {
        const bool az = a.is_zero(), bz = b.is_zero();
        if (az && bz) return 0;
        const bool an = a.negative_ && !az, bn = b.negative_ && !bz;
        if (an != bn) return an ? -1 : 1;
        const int mag = compare_magnitude(a, b);
        return an ? -mag : mag;
    }
    friend constexpr bool operator==(const decimal& a, const decimal& b) noexcept {
        return compare(a, b) == 0;
    }
    // weak: 1.10 and 1.1 are equivalent but distinguishable (same_representation, to_string).
    friend constexpr std::weak_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
        const int c = compare(a, b);
        return c < 0 ? std::weak_ordering::less
                     : c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent;
    }

    // Hash of the normalized value (trailing zeros of the fraction dropped; all zeros alike).
    std::size_t hash() const noexcept {
        if (is_zero()) return 0x5bd1e995u;
        u128 m = mantissa();
        unsigned s = scale_;
        while (s > 0 && m % 10 == 0) {
            m /= 10;
            --s;
        }
        std::uint64_t h = static_cast<std::uint64_t>(m) ^ (static_cast<std::uint64_t>(m >> 64) * 0x9E3779B97F4A7C15ull);
        h ^= (std::uint64_t(s) << 56) ^ (negative_ ? 0xA5A5A5A5ull : 0);
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return static_cast<std::size_t>(h);
    }

private:
    __extension__ using u128 = unsigned __int128;

    static constexpr u128 max_mantissa = (u128(1) << 96) - 1;

    static constexpr decimal raw(std::uint32_t lo, std::uint32_t mid, std::uint32_t hi, bool neg,
                                 std::uint8_t scale) noexcept {
        decimal d;
        d.lo_ = lo;
        d.mid_ = mid;
        d.hi_ = hi;
        d.negative_ = neg;
        d.scale_ = scale;
        return d;
    }
    constexpr u128 mantissa() const noexcept {
        return (u128(hi_) << 64) | (u128(mid_) << 32) | u128(lo_);
    }
    constexpr void set_mantissa(u128 m) noexcept {
        lo_ = static_cast<std::uint32_t>(m);
        mid_ = static_cast<std::uint32_t>(m >> 32);
        hi_ = static_cast<std::uint32_t>(m >> 64);
    }
    static constexpr u128 pow10(unsigned n) noexcept {
        u128 p = 1;
        while (n-- > 0) p *= 10;
        return p;
    }
    constexpr std::int64_t to_int64_checked(u128 ip) const {
        const u128 limit = negative_ ? u128(1) << 63 : (u128(1) << 63) - 1;
        if (ip > limit)
            throw error(errc::out_of_range, "decimal: " + to_string() + " is outside the range of int64");
        return negative_ ? static_cast<std::int64_t>(std::uint64_t(0) - static_cast<std::uint64_t>(ip))
                         : static_cast<std::int64_t>(ip);
    }
    static constexpr int compare_magnitude(const decimal& a, const decimal& b) noexcept {
        u128 ma = a.mantissa(), mb = b.mantissa();
        // Bring both to the larger scale; if that overflows 128 bits the scaled side is larger
        // (the other side is < 2^96).
        if (a.scale_ < b.scale_) {
            const u128 p = pow10(b.scale_ - a.scale_);
            if (ma > ~u128(0) / p) return 1;
            ma *= p;
        } else if (b.scale_ < a.scale_) {
            const u128 p = pow10(a.scale_ - b.scale_);
            if (mb > ~u128(0) / p) return -1;
            mb *= p;
        }
        return ma < mb ? -1 : ma > mb ? 1 : 0;
    }

    static decimal parse_impl(std::string_view text, const decimal_parse_options& opt) {
        using detail::scalars::describe_char;
        using detail::scalars::is_digit;
        std::size_t i = 0, end = text.size();
        if (opt.allow_whitespace) {
            const auto t = detail::scalars::trim_xml_space(text);
            i = t.first;
            end = t.last;
        }
        const std::size_t start = i;
        if (i == end)
            throw error(errc::syntax, "decimal: expected a number, found empty text", i);

        bool neg = false;
        if (text[i] == '+' || text[i] == '-') {
            neg = text[i] == '-';
            ++i;
        }

        // Significant digits as .NET's NumberBuffer keeps them: leading zeros dropped, trailing
        // zeros kept (they carry the scale); digits beyond the buffer only matter as "non-zero".
        constexpr std::size_t buffer_size = 40;  // > 29 digits + the rounding digit
        char digits[buffer_size];
        std::size_t ndigits = 0;
        bool nonzero_tail = false;
        long long point = 0;  // .NET NumberBuffer.Scale: decimal exponent of the first digit + 1
        bool any_digit = false, seen_nonzero = false, seen_point = false;

        for (; i < end; ++i) {
            const char c = text[i];
            if (is_digit(c)) {
                any_digit = true;
                if (c != '0' || seen_nonzero) {
                    seen_nonzero = true;
                    if (ndigits < buffer_size) digits[ndigits++] = c;
                    else if (c != '0') nonzero_tail = true;
                    if (!seen_point) ++point;
                } else if (seen_point) {
                    --point;  // a leading zero after the point shifts the first digit right
                }
            } else if (c == '.' && !seen_point) {
                seen_point = true;
            } else {
                break;
            }
        }
        if (!any_digit)
            throw error(errc::syntax,
                        i < end ? "decimal: expected a digit, found " + describe_char(text[i])
                                : std::string("decimal: expected a digit after the sign"),
                        i);

        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            if (!opt.allow_exponent)
                throw error(errc::syntax,
                            "decimal: exponent notation is not accepted here (decimal is written "
                            "as plain digits)",
                            i);
            std::size_t j = i + 1;
            bool eneg = false;
            if (j < end && (text[j] == '+' || text[j] == '-')) {
                eneg = text[j] == '-';
                ++j;
            }
            if (j == end || !is_digit(text[j]))
                throw error(errc::syntax, "decimal: expected exponent digits", j);
            long long ev = 0;
            for (; j < end && is_digit(text[j]); ++j)
                if (ev < 100000) ev = ev * 10 + (text[j] - '0');  // saturate: far beyond any decimal
            point += eneg ? -ev : ev;
            i = j;
        }
        if (i != end)
            throw error(errc::syntax, "decimal: unexpected " + describe_char(text[i]) + " after the number", i);

        if (ndigits == 0) {
            // All zeros: keep the sign and the scale the text shows (clamped to 28).
            const long long s = point < 0 ? -point : 0;
            return raw(0, 0, 0, neg, static_cast<std::uint8_t>(s > 28 ? 28 : s));
        }

        auto overflow = [&] {
            return error(errc::out_of_range,
                         "decimal: " + detail::scalars::quote_excerpt(text.substr(start, end - start)) +
                             " is outside the range of decimal (+/-79228162514264337593543950335)",
                         start);
        };
        long long e = point;
        if (e > 29) throw overflow();

        u128 m = 0;
        std::size_t k = 0;
        while (e > 0 || (k < ndigits && e > -28)) {
            const unsigned d = k < ndigits ? unsigned(digits[k] - '0') : 0u;
            if (m > (max_mantissa - d) / 10) break;  // one more digit would not fit in 96 bits
            m = m * 10 + d;
            if (k < ndigits) ++k;
            --e;
        }
        if (k < ndigits && digits[k] >= '5') {
            bool round_up = true;
            if (digits[k] == '5' && (m & 1) == 0) {
                // Exactly half (5 then only zeros): round to even, i.e. keep m.
                bool zero_tail = !nonzero_tail;
                for (std::size_t t = k + 1; t < ndigits && zero_tail; ++t) zero_tail = digits[t] == '0';
                round_up = !zero_tail;
            }
            if (round_up && ++m > max_mantissa) {
                // 2^96 does not fit: drop a digit (.NET uses 2^96/10 rounded up).
                m = max_mantissa / 10 + 1;
                ++e;
            }
        }
        if (e > 0) throw overflow();
        if (e <= -29) return raw(0, 0, 0, neg, 28);
        decimal r;
        r.set_mantissa(m);
        r.negative_ = neg;
        r.scale_ = static_cast<std::uint8_t>(-e);
        return r;
    }

    std::uint32_t lo_ = 0, mid_ = 0, hi_ = 0;
    std::uint8_t scale_ = 0;
    bool negative_ = false;
};

inline std::string to_string(const decimal& d) { return d.to_string(); }

}  // namespace sstk

template <>
struct std::hash<sstk::decimal> {
    std::size_t operator()(const sstk::decimal& d) const noexcept { return d.hash(); }
};
