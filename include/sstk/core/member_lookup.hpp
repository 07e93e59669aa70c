// Member lookup by wire key, as ServiceStack's readers match keys: ASCII case-insensitively
// (JSON, JSV, CSV headers, query strings and form fields all go through the same property map),
// and — a tolerance sstk adds — ignoring '_' and '-', so snake_case and kebab-case keys written
// under another casing policy still land on their member.
#pragma once

#include <sstk/core/detail/ascii.hpp>
#include <sstk/core/walker.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace sstk {

namespace detail {

// Equal ignoring ASCII case, '_' and '-': user_name, user-name, UserName and userName match.
constexpr bool loose_equals(std::string_view a, std::string_view b) noexcept {
    std::size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && (a[i] == '_' || a[i] == '-')) ++i;
        while (j < b.size() && (b[j] == '_' || b[j] == '-')) ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (to_lower_ascii(a[i]) != to_lower_ascii(b[j])) return false;
        ++i;
        ++j;
    }
}

// Key lookup over a list of wire names, shared by every DTO (the per-DTO code is only its name
// table): the index of the member a key names, or `size` when none does. An exact match
// wins over a case-insensitive one, which wins over a loose one; the exact pass runs only when
// two names differ only in case (`aB` and `AB`), since only then can it decide anything.
constexpr std::size_t find_member_key(const std::string_view* names, std::size_t size, bool case_twins,
                                       std::string_view key) noexcept {
    if (case_twins) {
        for (std::size_t i = 0; i < size; ++i)
            if (names[i] == key) return i;
    }
    for (std::size_t i = 0; i < size; ++i)
        if (iequals(names[i], key)) return i;
    for (std::size_t i = 0; i < size; ++i)
        if (loose_equals(names[i], key)) return i;
    return size;
}

template <std::size_t N>
constexpr bool has_case_twins(const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (iequals(names[i], names[j])) return true;
    return false;
}

}  // namespace detail

// The members of T (in member_order::servicestack, the index visit_member<T> takes) by wire name.
template <described_class T>
struct member_lookup {
    static constexpr std::size_t size = member_count<T>;
    static constexpr std::array<std::string_view, size> names = detail::wire_names_of(members_of<T>{});

    // Whether two members differ only in case (`aB` and `AB`): then only an exact match can tell
    // them apart, and it is tried first.
    static constexpr bool case_twins = detail::has_case_twins(names);

    // Whether `key` names member i, as find() decides it.
    static constexpr bool matches(std::size_t i, std::string_view key) noexcept {
        return case_twins ? find(key) == i : detail::iequals(names[i], key);
    }

    // The index of the member a key names, or `size` when none does.
    static constexpr std::size_t find(std::string_view key) noexcept {
        return detail::find_member_key(names.data(), size, case_twins, key);
    }
};

}  // namespace sstk
