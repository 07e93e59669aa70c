// Small text helpers shared by the scalar value types (guid, decimal, floating, integer, base64,
// char16). Internal: codecs use the public headers.
#pragma once

#include <sstk/core/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sstk::detail::scalars {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// XML whitespace (XmlConvert trims exactly these: space, tab, LF, CR).
constexpr bool is_xml_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Returns the hex digit's value, or -1.
constexpr int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Bounds of `text` without leading and trailing XML whitespace, as [first, last).
struct trimmed {
    std::size_t first;
    std::size_t last;
};
constexpr trimmed trim_xml_space(std::string_view text) noexcept {
    std::size_t b = 0, e = text.size();
    while (b < e && is_xml_space(text[b])) ++b;
    while (e > b && is_xml_space(text[e - 1])) --e;
    return {b, e};
}

// "'x'" for a printable ASCII byte, "byte 0xNN" otherwise — error messages never carry raw
// control characters or partial UTF-8.
inline std::string describe_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) return std::string{'\'', c, '\''};
    constexpr char hex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

// The text as a short quoted excerpt for messages (at most 40 bytes).
inline std::string quote_excerpt(std::string_view text) {
    std::string s = "\"";
    const std::size_t n = text.size() < 40 ? text.size() : 40;
    for (std::size_t i = 0; i < n; ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u < 0x20 || u == 0x7F) s += '?';
        else s += text[i];
    }
    if (n < text.size()) s += "...";
    s += '"';
    return s;
}

}  // namespace sstk::detail::scalars
