// Percent-encoding as the two .NET writers do it, and decoding as a server does.
//  - escape_data_string: Uri.EscapeDataString (RFC 3986): A-Z a-z 0-9 - . _ ~ kept, every other
//    UTF-8 byte %XX with upper-case hex; what the C# client uses for path variables and query
//    values (research §5.2; UrlExtensionTests.Show_what_uri_escaping_encodes).
//  - url_encode: ServiceStack.Text StringExtensions.UrlEncode: A-Z a-z 0-9 , - . kept, space → +,
//    every other byte %xx with lower-case hex (§5.5).
//  - percent_decode: %XX in either case → the byte, '+' → space when asked (query strings and
//    form bodies as ASP.NET reads them); a malformed escape is an sstk::error with its offset.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/output_buffer.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sstk::query {

namespace detail {

struct byte_set {
    bool kept[256];
};

// Uri.EscapeDataString's unreserved characters.
inline constexpr byte_set unreserved = [] {
    byte_set t{};
    for (int c = 0; c < 256; ++c)
        t.kept[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    return t;
}();

// What StringExtensions.UrlEncode keeps (space, which becomes '+', is not kept).
inline constexpr byte_set url_safe = [] {
    byte_set t{};
    for (int c = 0; c < 256; ++c)
        t.kept[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ',' || c == '-' || c == '.';
    return t;
}();

// Per byte: its encoding (the byte kept, '+' for a space, or %XX) in the first three chars and
// its length in the fourth, so the encoding loop copies four bytes and advances without a branch.
struct encoding_table {
    char entry[256][4];
};

constexpr encoding_table make_encoding_table(const byte_set& kept, const char* hex, bool space_as_plus) {
    encoding_table t{};
    for (unsigned c = 0; c < 256; ++c) {
        char* e = t.entry[c];
        if (kept.kept[c] || (space_as_plus && c == ' ')) {
            e[0] = c == ' ' ? '+' : static_cast<char>(c);
            e[3] = 1;
        } else {
            e[0] = '%';
            e[1] = hex[c >> 4];
            e[2] = hex[c & 15];
            e[3] = 3;
        }
    }
    return t;
}

inline constexpr encoding_table escape_data_string_table = make_encoding_table(unreserved, "0123456789ABCDEF", false);
inline constexpr encoding_table url_encode_table = make_encoding_table(url_safe, "0123456789abcdef", true);

// Encodes s into p, which has room for 3 bytes per input byte plus one; returns the bytes written.
inline std::size_t encode_to(char* p, std::string_view s, const encoding_table& t) noexcept {
    std::size_t k = 0;
    for (const char ch : s) {
        const char* e = t.entry[static_cast<unsigned char>(ch)];
        std::memcpy(p + k, e, 4);
        k += static_cast<unsigned char>(e[3]);
    }
    return k;
}

// Index of the first byte Uri.EscapeDataString changes, or s.size().
inline std::size_t first_escaped(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size() && unreserved.kept[static_cast<unsigned char>(s[i])]) ++i;
    return i;
}

}  // namespace detail

inline void escape_data_string(std::string& out, std::string_view s) {
    const std::size_t at = out.size();
    out.resize(at + 3 * s.size() + 1);
    out.resize(at + detail::encode_to(out.data() + at, s, detail::escape_data_string_table));
}

inline void escape_data_string(output_buffer& out, std::string_view s) {
    out.commit(detail::encode_to(out.reserve(3 * s.size() + 1), s, detail::escape_data_string_table));
}

namespace detail {

// Uri.EscapeDataString as an encoding policy of the JSV writer (jsv::detail::basic_writer): the
// C# client's query values are encoded while their JSV is written, not written and then encoded.
struct escape_data_string_encoding {
    static constexpr bool active = true;
    static constexpr const char* hex = "0123456789ABCDEF";
    static constexpr bool kept(char c) noexcept { return unreserved.kept[static_cast<unsigned char>(c)]; }
    static void append(output_buffer& out, std::string_view s) { escape_data_string(out, s); }
    static std::size_t first_changed(std::string_view s) noexcept { return first_escaped(s); }
};

}  // namespace detail

inline void url_encode(std::string& out, std::string_view s) {
    const std::size_t at = out.size();
    out.resize(at + 3 * s.size() + 1);
    out.resize(at + detail::encode_to(out.data() + at, s, detail::url_encode_table));
}

inline void url_encode(output_buffer& out, std::string_view s) {
    out.commit(detail::encode_to(out.reserve(3 * s.size() + 1), s, detail::url_encode_table));
}

// Appends the decoded text to `out`. Offsets in errors are relative to `s`.
inline void percent_decode(std::string& out, std::string_view s, bool plus_as_space = true) {
    static constexpr auto hex = [] {
        std::array<signed char, 256> t{};
        for (int c = 0; c < 256; ++c)
            t[c] = static_cast<signed char>(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1);
        return t;
    }();
    const std::size_t at = out.size();
    out.resize(at + s.size());  // decoding never lengthens
    char* p = out.data() + at;
    std::size_t k = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            if (i + 2 >= s.size()) {
                out.resize(at + k);
                throw error(errc::syntax, "truncated percent-escape (expected two hex digits after '%')", i);
            }
            const int hi = hex[static_cast<unsigned char>(s[i + 1])], lo = hex[static_cast<unsigned char>(s[i + 2])];
            if (hi < 0 || lo < 0) {
                out.resize(at + k);
                throw error(errc::syntax, "invalid percent-escape (expected two hex digits after '%')", i);
            }
            p[k++] = static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            p[k++] = c == '+' && plus_as_space ? ' ' : c;
        }
    }
    out.resize(at + k);
}

}  // namespace sstk::query
