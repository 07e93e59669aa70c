// ASCII character classes and case-insensitive comparison: the wire names, keys, MIME types and
// HTTP tokens sstk compares are ASCII, and .NET's OrdinalIgnoreCase agrees with this on ASCII.
#pragma once

#include <cstddef>
#include <string_view>

namespace sstk::detail {

constexpr bool is_upper_ascii(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower_ascii(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit_ascii(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char to_lower_ascii(char c) noexcept { return is_upper_ascii(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

// Equal ignoring ASCII case.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
    return true;
}

}  // namespace sstk::detail
