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

#include <cstddef>
#include <string>
#include <string_view>

namespace sstk::query {

inline void escape_data_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

inline void url_encode(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ',' || c == '-' || c == '.') {
            out += ch;
        } else if (c == ' ') {
            out += '+';
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
}

// Appends the decoded text to `out`. Offsets in errors are relative to `s`.
inline void percent_decode(std::string& out, std::string_view s, bool plus_as_space = true) {
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+' && plus_as_space) {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= s.size())
                throw error(errc::syntax, "truncated percent-escape (expected two hex digits after '%')", i);
            const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
            if (hi < 0 || lo < 0) throw error(errc::syntax, "invalid percent-escape (expected two hex digits after '%')", i);
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += c;
        }
    }
}

}  // namespace sstk::query
