// .NET's string.CompareOrdinal on UTF-8 input: compares UTF-16 code units, which differs from
// byte order only for characters above U+FFFF (surrogates sort below U+E000..U+FFFF).
#pragma once

#include <cstddef>
#include <string_view>

namespace sstk::detail {

// Yields the UTF-16 code units of a UTF-8 string one at a time; malformed bytes are passed
// through as themselves so that the order stays total.
class utf16_units {
public:
    constexpr explicit utf16_units(std::string_view s) noexcept : s_(s) {}

    constexpr bool done() const noexcept { return i_ >= s_.size() && pending_ == 0; }

    constexpr unsigned next() noexcept {
        if (pending_ != 0) {
            const unsigned u = pending_;
            pending_ = 0;
            return u;
        }
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s_[k]); };
        const unsigned c0 = b(i_);
        std::size_t len = c0 < 0x80 ? 1 : (c0 >> 5) == 0x6 ? 2 : (c0 >> 4) == 0xE ? 3 : (c0 >> 3) == 0x1E ? 4 : 1;
        if (i_ + len > s_.size()) len = 1;
        for (std::size_t k = 1; k < len; ++k)
            if ((b(i_ + k) & 0xC0) != 0x80) { len = 1; break; }
        unsigned cp = c0;
        if (len == 2) cp = ((c0 & 0x1F) << 6) | (b(i_ + 1) & 0x3F);
        else if (len == 3) cp = ((c0 & 0x0F) << 12) | ((b(i_ + 1) & 0x3F) << 6) | (b(i_ + 2) & 0x3F);
        else if (len == 4) cp = ((c0 & 0x07) << 18) | ((b(i_ + 1) & 0x3F) << 12) | ((b(i_ + 2) & 0x3F) << 6) | (b(i_ + 3) & 0x3F);
        i_ += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            pending_ = 0xDC00 + (cp & 0x3FF);
            return 0xD800 + (cp >> 10);
        }
        return cp;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    unsigned pending_ = 0;
};

// <0, 0, >0 like string.CompareOrdinal.
constexpr int compare_ordinal(std::string_view a, std::string_view b) noexcept {
    utf16_units ua(a), ub(b);
    while (!ua.done() && !ub.done()) {
        const unsigned x = ua.next(), y = ub.next();
        if (x != y) return x < y ? -1 : 1;
    }
    if (ua.done() && ub.done()) return 0;
    return ua.done() ? -1 : 1;
}

}  // namespace sstk::detail
