// JSON string escaping of both dialects.
//
// ServiceStack.Text (Json/JsonUtils.WriteString): \" \\ \n \r \t \b \f as two-character escapes;
// every other char.IsControl character (U+0000-U+001F, U+007F-U+009F) as \uXXXX with upper-case
// hex; everything else raw, including '/', non-ASCII and emoji. EscapeHtmlChars adds < > & = '
// as \u003c ... (lower-case, as its literal table has them); EscapeUnicode writes every
// non-ASCII UTF-16 unit as \uXXXX.
// System.Text.Json (JavaScriptEncoder.Default, which ServiceStack does not replace): the same
// two-character escapes for \\ \n \r \t \b \f, and \uXXXX (upper-case) for '"', the
// HTML-sensitive < > & ' + `, every other control character and every non-ASCII character.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/json/options.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sstk::json::detail {

inline void append_u_escape(std::string& out, unsigned unit, bool upper) {
    const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    const char buf[6] = {'\\', 'u', hex[(unit >> 12) & 0xF], hex[(unit >> 8) & 0xF], hex[(unit >> 4) & 0xF], hex[unit & 0xF]};
    out.append(buf, 6);
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is not valid UTF-8.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, std::uint32_t& cp) noexcept {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c0 = b(i);
    std::size_t len;
    if (c0 < 0x80) { cp = c0; return 1; }
    if (c0 >= 0xC2 && c0 <= 0xDF) { len = 2; cp = c0 & 0x1F; }
    else if (c0 >= 0xE0 && c0 <= 0xEF) { len = 3; cp = c0 & 0x0F; }
    else if (c0 >= 0xF0 && c0 <= 0xF4) { len = 4; cp = c0 & 0x07; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

inline void append_code_point_escaped(std::string& out, std::uint32_t cp, bool upper) {
    if (cp >= 0x10000) {
        cp -= 0x10000;
        append_u_escape(out, 0xD800 + (cp >> 10), upper);
        append_u_escape(out, 0xDC00 + (cp & 0x3FF), upper);
    } else {
        append_u_escape(out, cp, upper);
    }
}

// Appends `"s"`. Text that is not valid UTF-8 is an error (offset = byte within s): .NET strings
// cannot hold it, so no server would have sent or accept it.
inline void append_string(std::string& out, std::string_view s, const write_options& o) {
    const bool stj = o.dialect == dialect::system_text_json;
    out.push_back('"');
    std::size_t run = 0;  // start of the pending raw run
    const auto flush = [&](std::size_t i) {
        out.append(s.data() + run, i - run);
    };
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {
            bool escape = c == '"' || c == '\\';
            if (!escape && (stj || o.escape_html_chars))
                escape = c == '<' || c == '>' || c == '&' || c == '\'' || (stj ? (c == '+' || c == '`') : c == '=');
            if (!escape) { ++i; continue; }
            flush(i);
            if (c == '\\') out.append("\\\\");
            else if (c == '"' && !stj) out.append("\\\"");
            else append_u_escape(out, c, stj);
            run = ++i;
            continue;
        }
        if (c < 0x80) {  // control characters, DEL
            flush(i);
            switch (c) {
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            default: append_u_escape(out, c, true);
            }
            run = ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = utf8_sequence(s, i, cp);
        if (len == 0) {
            throw error(errc::invalid_value, "string is not valid UTF-8", i);
        }
        const bool c1_control = cp >= 0x80 && cp <= 0x9F;
        if (c1_control || stj || o.escape_unicode) {
            flush(i);
            append_code_point_escaped(out, cp, true);
            run = i + len;
        }
        i += len;
    }
    flush(s.size());
    out.push_back('"');
}

}  // namespace sstk::json::detail
