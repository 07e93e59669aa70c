// .NET `char` (one UTF-16 code unit, C++ char16_t) on the wire.
//
// ServiceStack JSON/JSV write it as a one-character string, so it crosses UTF-8 text; a lone
// surrogate (0xD800..0xDFFF) has no UTF-8 form, so appending one is an error the caller sees
// first (try_append_char16_utf8 returns false) and can then escape instead (JSON \uD83D).
// DataContract XML writes the code unit as a decimal number: 'A' -> 65, '\uFFFF' -> 65535.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>
#include <sstk/types/integer.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk {

constexpr bool is_surrogate(char16_t c) noexcept { return c >= 0xD800 && c <= 0xDFFF; }

// Appends c as UTF-8 (1-3 bytes); false, appending nothing, for a surrogate.
inline bool try_append_char16_utf8(std::string& out, char16_t c) {
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        if (is_surrogate(c)) return false;
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
    return true;
}

// As above; a surrogate is invalid_value.
inline void append_char16_utf8(std::string& out, char16_t c) {
    if (!try_append_char16_utf8(out, c)) {
        constexpr char hex[] = "0123456789ABCDEF";
        std::string msg = "char: lone surrogate U+";
        for (int s = 12; s >= 0; s -= 4) msg += hex[(c >> s) & 15];
        msg += " has no UTF-8 form";
        throw error(errc::invalid_value, std::move(msg));
    }
}

// The UTF-8 text of c, as the text formats (JSV, CSV, query) write a char; a surrogate is
// invalid_value.
inline std::string char16_text(char16_t c) {
    std::string s;
    if (!try_append_char16_utf8(s, c)) throw error(errc::invalid_value, "char: a lone UTF-16 surrogate has no UTF-8 form");
    return s;
}

// Exactly one BMP character from UTF-8 text. Empty text, more than one character and a
// character outside the BMP (it needs two UTF-16 units) are invalid_value; malformed UTF-8
// (bad lead or continuation byte, overlong form, encoded surrogate, truncation) is syntax.
inline char16_t parse_char16_utf8(std::string_view text) {
    if (text.empty()) throw error(errc::invalid_value, "char: expected one character, found empty text", 0);
    const auto b0 = static_cast<unsigned char>(text[0]);
    std::uint32_t cp;
    std::size_t len;
    if (b0 < 0x80) {
        cp = b0;
        len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        cp = b0 & 0x1Fu;
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        cp = b0 & 0x0Fu;
        len = 3;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        cp = b0 & 0x07u;
        len = 4;
    } else {
        throw error(errc::syntax, "char: invalid UTF-8 lead " + detail::scalars::describe_char(text[0]), 0);
    }
    if (text.size() < len) throw error(errc::syntax, "char: UTF-8 sequence is truncated", text.size());
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) != 0x80)
            throw error(errc::syntax,
                        "char: expected a UTF-8 continuation byte, found " + detail::scalars::describe_char(text[i]), i);
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        throw error(errc::syntax, "char: overlong or out-of-range UTF-8 sequence", 0);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        throw error(errc::syntax, "char: UTF-8 encodes a surrogate code point", 0);
    if (len == 4)
        throw error(errc::invalid_value,
                    "char: the character is outside the BMP and needs two UTF-16 units; a .NET char holds one", 0);
    if (text.size() != len)
        throw error(errc::invalid_value, "char: expected exactly one character, found more", len);
    return static_cast<char16_t>(cp);
}

inline result<char16_t> try_parse_char16_utf8(std::string_view text) {
    return capture([&] { return parse_char16_utf8(text); });
}

// DataContract XML: the code unit as a decimal number.
inline void append_char16_number(std::string& out, char16_t c) {
    append_integer(out, static_cast<std::uint16_t>(c));
}

// 0..65535 with XML whitespace trimmed; anything above is out_of_range. DataContractSerializer
// reads char through XmlConvert's int parsing, so a leading '+' is fine.
inline char16_t parse_char16_number(std::string_view text) {
    return static_cast<char16_t>(parse_integer<std::uint16_t>(text, xml_integer_options));
}

inline result<char16_t> try_parse_char16_number(std::string_view text) {
    return capture([&] { return parse_char16_number(text); });
}

}  // namespace sstk
