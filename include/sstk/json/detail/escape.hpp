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
#include <sstk/core/output_buffer.hpp>
#include <sstk/json/options.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sstk::json::detail {

inline void append_u_escape(output_buffer& out, unsigned unit, bool upper) {
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

inline void append_code_point_escaped(output_buffer& out, std::uint32_t cp, bool upper) {
    if (cp >= 0x10000) {
        cp -= 0x10000;
        append_u_escape(out, 0xD800 + (cp >> 10), upper);
        append_u_escape(out, 0xDC00 + (cp & 0x3FF), upper);
    } else {
        append_u_escape(out, cp, upper);
    }
}

// Byte classes for the escaping loop: 0 = copy as is, 1 = ASCII that needs a look (quote,
// backslash, control, or an HTML/System.Text.Json-sensitive character), 2 = start of a
// multi-byte UTF-8 sequence (validated; C1 controls and, for System.Text.Json or
// EscapeUnicode, everything non-ASCII is escaped).
struct escape_table {
    unsigned char cls[256];
};

constexpr escape_table make_escape_table(bool html, bool stj) {
    escape_table t{};
    for (int c = 0; c < 256; ++c) {
        unsigned char v = 0;
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') v = 1;
        else if ((html || stj) && (c == '<' || c == '>' || c == '&' || c == '\'')) v = 1;
        else if (html && !stj && c == '=') v = 1;
        else if (stj && (c == '+' || c == '`')) v = 1;
        else if (c >= 0x80) v = 2;
        t.cls[c] = v;
    }
    return t;
}

// True when any byte of w is < 0x20, '"', '\\', 0x7F or >= 0x80 (SWAR, no false negatives).
constexpr bool needs_look(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) | has_zero(w ^ (ones * 0x7F)) | (w & highs)) != 0;
}

inline constexpr escape_table servicestack_escapes = make_escape_table(false, false);
inline constexpr escape_table servicestack_html_escapes = make_escape_table(true, false);
inline constexpr escape_table system_text_json_escapes = make_escape_table(false, true);

// Appends `"s"`. Text that is not valid UTF-8 is an error (offset = byte within s): .NET strings
// cannot hold it, so no server would have sent or accept it.
inline void append_string(output_buffer& out, std::string_view s, const write_options& o) {
    const bool stj = o.dialect == dialect::system_text_json;
    const escape_table& table = stj ? system_text_json_escapes : o.escape_html_chars ? servicestack_html_escapes : servicestack_escapes;
    const bool escape_non_ascii = stj || o.escape_unicode;
    out.put('"');
    const char* const data = s.data();
    const std::size_t n = s.size();
    std::size_t run = 0;  // start of the pending raw run
    std::size_t i = 0;
    while (i < n) {
        // Hot loop: most text needs no escaping at all. Eight bytes at a time while none is a
        // control, '"', '\\', DEL or non-ASCII (the ServiceStack.Text table's only specials).
        if (&table == &servicestack_escapes) {
            while (n - i >= 8) {
                std::uint64_t w;
                std::memcpy(&w, data + i, 8);
                if (needs_look(w)) break;
                i += 8;
            }
        }
        while (i < n && table.cls[static_cast<unsigned char>(data[i])] == 0) ++i;
        if (i == n) break;
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (table.cls[c] == 1) {
            out.append(data + run, i - run);
            switch (c) {
            case '\\': out.append("\\\\", 2); break;
            case '"':
                if (stj) append_u_escape(out, c, true);
                else out.append("\\\"", 2);
                break;
            case '\n': out.append("\\n", 2); break;
            case '\r': out.append("\\r", 2); break;
            case '\t': out.append("\\t", 2); break;
            case '\b': out.append("\\b", 2); break;
            case '\f': out.append("\\f", 2); break;
            default: append_u_escape(out, c, c < 0x20 || c == 0x7F || stj);  // EscapeHtmlChars writes lower-case hex
            }
            run = ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = utf8_sequence(s, i, cp);
        if (len == 0) throw error(errc::invalid_value, "string is not valid UTF-8", i);
        if (escape_non_ascii || (cp >= 0x80 && cp <= 0x9F)) {
            out.append(data + run, i - run);
            append_code_point_escaped(out, cp, true);
            run = i + len;
        }
        i += len;
    }
    out.append(data + run, n - run);
    out.put('"');
}

}  // namespace sstk::json::detail
