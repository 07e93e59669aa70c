// Member-name casing policies, applied by the codecs (C++ members keep their .NET names).
//
// camelCase and snake_case follow ServiceStack.Text's StringExtensions exactly:
//   ToCamelCase lower-cases the leading run of upper-case ASCII letters, except the last one of
//   a run that is followed by a non-upper-case character: ULongMax -> uLongMax, UUUl -> uuUl,
//   UU -> uu, lU -> lU. (ServiceStack.Text/src/ServiceStack.Text/StringExtensions.cs; vectors
//   from ServiceStack.Text.Tests StringExtensionsTests.)
//   ToLowercaseUnderscore camel-cases first, then writes every character that is not a digit, a
//   lower-case letter or '_' as '_' + its lower-case form: ImdbId -> imdb_id, user_id -> user_id.
// Names given explicitly ([DataMember(Name=...)]) are never re-cased; the walker enforces that.
#pragma once

#include <sstk/core/detail/ascii.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace sstk {

enum class casing : unsigned char {
    as_declared,  // PascalCase as the .NET property is declared (ServiceStack TextCase.Default)
    camel,        // TextCase.CamelCase; what .NET Core ServiceStack servers emit by default
    snake,        // TextCase.SnakeCase
};

namespace detail {

// Calls emit(char) for each output character; one algorithm serves the constexpr key tables
// and the run-time conversion.
template <class Emit>
constexpr void emit_cased(std::string_view name, casing policy, Emit&& emit) {
    if (policy == casing::as_declared) {
        for (char c : name) emit(c);
        return;
    }
    bool first_part = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c0 = name[i];
        const char c1 = i + 1 < name.size() ? name[i + 1] : 'A';
        if (first_part && is_upper_ascii(c0) && (is_upper_ascii(c1) || i == 0))
            c0 = to_lower_ascii(c0);
        else
            first_part = false;
        if (policy == casing::snake && !is_digit_ascii(c0) && !is_lower_ascii(c0) && c0 != '_') {
            emit('_');
            emit(to_lower_ascii(c0));
        } else {
            emit(c0);
        }
    }
}

}  // namespace detail

// Writes the cased name to `out` (room for name.size() * 2 characters), returning its length:
// one function for every constexpr key table (a lambda per table would instantiate emit_cased
// once per DTO).
constexpr std::size_t write_cased(std::string_view name, casing policy, char* out) {
    std::size_t n = 0;
    detail::emit_cased(name, policy, [&](char c) { out[n++] = c; });
    return n;
}

constexpr std::size_t cased_length(std::string_view name, casing policy) {
    std::size_t n = 0;
    detail::emit_cased(name, policy, [&](char) { ++n; });
    return n;
}

inline std::string to_cased(std::string_view name, casing policy) {
    std::string out;
    out.reserve(name.size() + 4);
    detail::emit_cased(name, policy, [&](char c) { out.push_back(c); });
    return out;
}

// A compile-time cased copy of a name, for pre-encoded keys: `cased_name<Src, casing::camel>`
// where Src is a type with `static constexpr std::string_view value`.
template <class Src, casing Policy>
struct cased_name {
private:
    static constexpr std::size_t size_ = cased_length(Src::value, Policy);
    static constexpr std::array<char, size_ + 1> storage_ = [] {
        std::array<char, size_ + 1> a{};
        std::size_t i = 0;
        detail::emit_cased(Src::value, Policy, [&](char c) { a[i++] = c; });
        return a;
    }();

public:
    static constexpr std::string_view value{storage_.data(), size_};
};

}  // namespace sstk
