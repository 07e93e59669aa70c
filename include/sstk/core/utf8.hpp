// UTF-8 validation for the text readers: invalid UTF-8 in a document is an error, never text
// passed on to the DTO (where it would break the writers of every other format).
#pragma once

#include <sstk/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sstk {

// Offset of the first byte that does not begin a well-formed UTF-8 sequence, or error::npos.
// Well-formed as in the Unicode Standard, Table 3-7: no overlong forms, no surrogates
// (U+D800..U+DFFF, which is what `&#xD800;` and CESU-8 produce), nothing above U+10FFFF, no
// truncated sequence.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII runs, eight bytes at a time.
        while (n - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else return i;
        if (n - i < len) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return error::npos;
}

// Throws sstk::error (syntax) at the first invalid byte; `base` is added to its offset.
inline void check_utf8(std::string_view s, std::size_t base = 0) {
    const std::size_t at = find_invalid_utf8(s);
    if (at != error::npos) throw error(errc::syntax, "invalid UTF-8", base + at);
}

}  // namespace sstk
