// Character data as .NET's XmlWriters write it (research/datacontract-xml.md §6.5,
// servicestack-formats.md §4.9): `&`, `<` and `>` escaped (`>` always), quotes raw, non-ASCII raw
// UTF-8. Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, surrogates)
// and malformed UTF-8 are an sstk::error: the server writer throws on them too, and the client
// writer's `&#x1;` is not well-formed XML (strings_control_chars.client.xml).
#pragma once

#include <sstk/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace sstk::xml::detail {

[[noreturn]] inline void bad_char(std::string_view what, std::uint32_t cp, std::size_t at) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    throw error(errc::invalid_value, std::string(what) + " " + hex + " at byte " + std::to_string(at) +
                                         " of the string cannot be written in XML 1.0");
}

// Decodes one UTF-8 sequence at s[i] (s[i] >= 0x80); returns its length or throws.
inline std::size_t check_utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
    const std::uint8_t b0 = b(i);
    std::size_t len;
    std::uint32_t cp, min;
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else throw error(errc::invalid_value, "malformed UTF-8 at byte " + std::to_string(i) + " of the string");
    if (i + len > s.size()) throw error(errc::invalid_value, "truncated UTF-8 at byte " + std::to_string(i) + " of the string");
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80)
            throw error(errc::invalid_value, "malformed UTF-8 at byte " + std::to_string(i + k) + " of the string");
        cp = cp << 6 | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF) throw error(errc::invalid_value, "malformed UTF-8 at byte " + std::to_string(i) + " of the string");
    if (cp >= 0xD800 && cp <= 0xDFFF) bad_char("the lone surrogate", cp, i);
    if (cp == 0xFFFE || cp == 0xFFFF) bad_char("the non-character", cp, i);
    return len;
}

// Appends s escaped. `newline` is empty to write CR/LF raw (XmlTextWriter), else the text every
// \r\n, \r and \n becomes (XmlWriter.Create's NewLineHandling.Replace).
inline void append_text(std::string& out, std::string_view s, std::string_view newline) {
    std::size_t run = 0;  // start of the pending run of bytes copied verbatim
    std::size_t i = 0;
    const auto flush = [&](std::size_t end) { out.append(s.data() + run, end - run); };
    while (i < s.size()) {
        const auto c = static_cast<std::uint8_t>(s[i]);
        if (c >= 0x80) {
            i += check_utf8_sequence(s, i);
            continue;
        }
        if (c >= 0x20 && c != '&' && c != '<' && c != '>') {
            ++i;
            continue;
        }
        switch (c) {
        case '&': flush(i); out += "&amp;"; break;
        case '<': flush(i); out += "&lt;"; break;
        case '>': flush(i); out += "&gt;"; break;
        case '\t': ++i; continue;
        case '\n':
        case '\r':
            if (newline.empty()) { ++i; continue; }
            flush(i);
            out += newline;
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            break;
        default: bad_char("the control character", c, i);
        }
        ++i;
        run = i;
    }
    flush(i);
}

// Attribute values (namespace URIs from contracts): `&`, `<` and `"` escaped.
inline void append_attribute(std::string& out, std::string_view s) {
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

}  // namespace sstk::xml::detail
