// sstk::guid — .NET System.Guid with its wire spellings.
//
// The 16 bytes are stored in the order the text shows them ("00112233-4455-..." is bytes
// 00 11 22 33 44 55 ...), so formatting and parsing are plain hex. Guid.ToByteArray() and the
// binary peers use a different order (the first three fields little-endian): see
// to_dotnet_bytes() / from_dotnet_bytes().
//
// Spellings (.NET Guid.ToString format letters):
//   N  32 hex digits                         ServiceStack.Text JSON/JSV/CSV/query strings
//   D  8-4-4-4-12 with dashes                DataContract XML, System.Text.Json, SystemJsonCompatible
//   B  {D}                                   P  (D)
// .NET writes lower case; every form parses in either case.
// Ordering is .NET's Guid.CompareTo ordering, which for this byte layout is lexicographic on the
// bytes (CompareTo compares _a, _b, _c unsigned, then d..k), i.e. on the lower-case text.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/types/detail/scalar_text.hpp>

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>

namespace sstk {

enum class guid_format : unsigned char {
    n,  // 0f8fad5bd9cb469fa16570867728950e
    d,  // 0f8fad5b-d9cb-469f-a165-70867728950e
    b,  // {0f8fad5b-d9cb-469f-a165-70867728950e}
    p,  // (0f8fad5b-d9cb-469f-a165-70867728950e)
};

class guid {
public:
    using bytes_type = std::array<std::uint8_t, 16>;

    constexpr guid() noexcept = default;
    constexpr explicit guid(const bytes_type& text_order_bytes) noexcept : bytes_(text_order_bytes) {}

    // Guid.Empty.
    static constexpr guid empty() noexcept { return guid(); }
    constexpr bool is_empty() const noexcept {
        for (auto b : bytes_)
            if (b != 0) return false;
        return true;
    }

    // A version-4 (random) guid, as Guid.NewGuid() makes.
    static guid random() {
        static thread_local std::random_device rd;
        bytes_type b{};
        for (std::size_t i = 0; i < 16; i += 4) {
            const std::uint32_t r = rd();
            b[i] = static_cast<std::uint8_t>(r);
            b[i + 1] = static_cast<std::uint8_t>(r >> 8);
            b[i + 2] = static_cast<std::uint8_t>(r >> 16);
            b[i + 3] = static_cast<std::uint8_t>(r >> 24);
        }
        b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
        b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
        return guid(b);
    }

    constexpr const bytes_type& bytes() const noexcept { return bytes_; }

    // Guid.ToByteArray() order: Data1 (4 bytes), Data2, Data3 little-endian, then Data4 as is.
    constexpr bytes_type to_dotnet_bytes() const noexcept { return swap_fields(bytes_); }
    static constexpr guid from_dotnet_bytes(const bytes_type& dotnet_order) noexcept {
        return guid(swap_fields(dotnet_order));
    }

    // Appends the spelling; lower case unless `uppercase`.
    void append_to(std::string& out, guid_format f = guid_format::d, bool uppercase = false) const {
        const char* hex = uppercase ? "0123456789ABCDEF" : "0123456789abcdef";
        if (f == guid_format::b) out += '{';
        else if (f == guid_format::p) out += '(';
        for (std::size_t i = 0; i < 16; ++i) {
            if (f != guid_format::n && (i == 4 || i == 6 || i == 8 || i == 10)) out += '-';
            out += hex[bytes_[i] >> 4];
            out += hex[bytes_[i] & 15];
        }
        if (f == guid_format::b) out += '}';
        else if (f == guid_format::p) out += ')';
    }
    std::string to_string(guid_format f = guid_format::d, bool uppercase = false) const {
        std::string s;
        s.reserve(38);
        append_to(s, f, uppercase);
        return s;
    }

    // Parses N, D, B or P in either case (mixed case too, as .NET does). No surrounding
    // whitespace: XML readers trim before calling. Throws sstk::error — syntax with the offset
    // of the first wrong byte.
    static guid parse(std::string_view text) {
        guid_format f;
        if (text.size() == 32) f = guid_format::n;
        else if (text.size() == 36) f = guid_format::d;
        else if (text.size() == 38 && text.front() == '{') f = guid_format::b;
        else if (text.size() == 38 && text.front() == '(') f = guid_format::p;
        else if (text.size() == 38)
            throw error(errc::syntax, "guid: expected '{' or '(' to open a 38-character guid, found " +
                                          detail::scalars::describe_char(text.front()), 0);
        else
            throw error(errc::syntax,
                        "guid: expected 32 hex digits (N), 36 characters (D) or 38 (B/P); got " +
                            std::to_string(text.size()) + " characters",
                        text.empty() ? 0 : text.size());
        return parse(text, f);
    }

    // Parses exactly the given form (either case).
    static guid parse(std::string_view text, guid_format f) {
        const std::size_t expected = f == guid_format::n ? 32 : f == guid_format::d ? 36 : 38;
        std::size_t pos = 0;
        if (f == guid_format::b || f == guid_format::p) {
            const char open = f == guid_format::b ? '{' : '(';
            if (text.empty() || text[0] != open)
                throw error(errc::syntax, std::string("guid: expected '") + open + "'", 0);
            pos = 1;
        }
        bytes_type b{};
        for (std::size_t i = 0; i < 16; ++i) {
            if (f != guid_format::n && (i == 4 || i == 6 || i == 8 || i == 10)) {
                if (pos >= text.size()) throw truncated(text, expected);
                if (text[pos] != '-')
                    throw error(errc::syntax,
                                "guid: expected '-' before byte " + std::to_string(i) + ", found " +
                                    detail::scalars::describe_char(text[pos]),
                                pos);
                ++pos;
            }
            int v[2];
            for (int k = 0; k < 2; ++k, ++pos) {
                if (pos >= text.size()) throw truncated(text, expected);
                v[k] = detail::scalars::hex_value(text[pos]);
                if (v[k] < 0)
                    throw error(errc::syntax,
                                "guid: expected a hex digit in byte " + std::to_string(i) + ", found " +
                                    detail::scalars::describe_char(text[pos]),
                                pos);
            }
            b[i] = static_cast<std::uint8_t>(v[0] * 16 + v[1]);
        }
        if (f == guid_format::b || f == guid_format::p) {
            const char close = f == guid_format::b ? '}' : ')';
            if (pos >= text.size()) throw truncated(text, expected);
            if (text[pos] != close)
                throw error(errc::syntax,
                            std::string("guid: expected '") + close + "', found " +
                                detail::scalars::describe_char(text[pos]),
                            pos);
            ++pos;
        }
        if (pos != text.size())
            throw error(errc::syntax, "guid: unexpected characters after the guid", pos);
        return guid(b);
    }

    static result<guid> try_parse(std::string_view text) {
        return capture([&] { return parse(text); });
    }
    static result<guid> try_parse(std::string_view text, guid_format f) {
        return capture([&] { return parse(text, f); });
    }

    friend constexpr bool operator==(const guid&, const guid&) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const guid&, const guid&) noexcept = default;

private:
    static constexpr bytes_type swap_fields(const bytes_type& in) noexcept {
        return {in[3], in[2], in[1], in[0], in[5], in[4], in[7], in[6],
                in[8], in[9], in[10], in[11], in[12], in[13], in[14], in[15]};
    }
    static error truncated(std::string_view text, std::size_t expected) {
        return error(errc::syntax,
                     "guid: text ends after " + std::to_string(text.size()) + " of " +
                         std::to_string(expected) + " characters",
                     text.size());
    }

    bytes_type bytes_{};
};

inline std::string to_string(const guid& g, guid_format f = guid_format::d) { return g.to_string(f); }

}  // namespace sstk

template <>
struct std::hash<sstk::guid> {
    std::size_t operator()(const sstk::guid& g) const noexcept {
        // FNV-1a over the 16 bytes: cheap, and every byte matters (v4 guids are random anyway).
        std::uint64_t h = 14695981039346656037ull;
        for (auto b : g.bytes()) {
            h ^= b;
            h *= 1099511628211ull;
        }
        return static_cast<std::size_t>(h);
    }
};
