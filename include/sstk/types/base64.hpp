// Standard base64 (RFC 4648 alphabet, '=' padding, no line breaks) — how .NET writes byte[]
// everywhere: Convert.ToBase64String in ServiceStack JSON/JSV/CSV/query strings, and
// XmlWriter.WriteBase64 in DataContract XML (one line, no wrapping).
//
// Decoding is strict: only the alphabet, padding only at the end and only to a multiple of 4.
// Whitespace is an option: both .NET decoders a peer uses skip it (Convert.FromBase64String
// ignores ' ', '\t', '\r', '\n'; XmlReader.ReadContentAsBase64's Base64Decoder skips XML
// whitespace), so an XML reader turns it on; a JSON reader need not. Like those decoders, unused
// low bits in the last group ("AB==") are ignored rather than rejected.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sstk {

struct base64_options {
    bool skip_whitespace = false;  // ignore XML whitespace (space, tab, CR, LF) anywhere
};

inline void append_base64(std::string& out, std::span<const std::uint8_t> data) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const std::size_t n = data.size();
    out.reserve(out.size() + (n + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        const std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8) | data[i + 2];
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (n - i == 1) {
        const std::uint32_t v = std::uint32_t(data[i]) << 16;
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (n - i == 2) {
        const std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
}

inline std::string to_base64(std::span<const std::uint8_t> data) {
    std::string s;
    append_base64(s, data);
    return s;
}

namespace detail::scalars {

constexpr int base64_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace detail::scalars

// Decodes into `out`, replacing its contents (its capacity is reused).
inline void base64_decode(std::string_view text, std::vector<std::uint8_t>& out, base64_options opt = {}) {
    using detail::scalars::describe_char;
    out.clear();
    out.reserve(text.size() / 4 * 3);
    std::uint32_t acc = 0;
    int in_group = 0;      // symbols (including '=') seen in the current group of 4
    int padding = 0;       // '=' seen
    std::size_t pad_at = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (opt.skip_whitespace && detail::scalars::is_xml_space(c)) continue;
        if (c == '=') {
            // Only the last one or two symbols of a group may be padding.
            if (padding == 0) {
                if (in_group < 2)
                    throw error(errc::syntax, "base64: '=' padding can only end a group of four", i);
                pad_at = i;
            }
            ++padding;
            ++in_group;
            if (in_group == 4) in_group = 0;
            continue;
        }
        if (padding != 0)
            throw error(errc::syntax, "base64: " + describe_char(c) + " after '=' padding", i);
        const int v = detail::scalars::base64_value(c);
        if (v < 0)
            throw error(errc::syntax, "base64: expected a base64 character, found " + describe_char(c), i);
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        if (++in_group == 4) {
            out.push_back(static_cast<std::uint8_t>(acc >> 16));
            out.push_back(static_cast<std::uint8_t>(acc >> 8));
            out.push_back(static_cast<std::uint8_t>(acc));
            acc = 0;
            in_group = 0;
        }
    }
    if (in_group != 0)
        throw error(errc::syntax, "base64: text ends inside a group of four (missing '=' padding?)", text.size());
    if (padding == 1) {
        // acc holds 3 symbols = 18 bits: 2 bytes + 2 unused bits.
        out.push_back(static_cast<std::uint8_t>(acc >> 10));
        out.push_back(static_cast<std::uint8_t>(acc >> 2));
    } else if (padding == 2) {
        out.push_back(static_cast<std::uint8_t>(acc >> 4));
    } else if (padding > 2) {
        throw error(errc::syntax, "base64: more than two '=' padding characters", pad_at);
    }
}

inline std::vector<std::uint8_t> base64_decode(std::string_view text, base64_options opt = {}) {
    std::vector<std::uint8_t> v;
    base64_decode(text, v, opt);
    return v;
}

inline result<std::vector<std::uint8_t>> try_base64_decode(std::string_view text, base64_options opt = {}) {
    return capture([&] { return base64_decode(text, opt); });
}

}  // namespace sstk
