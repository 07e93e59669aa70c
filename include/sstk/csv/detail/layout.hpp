// How a C++ type is laid out as CSV: the columns of a row type and which member of a DTO is
// tabulated. Shared by the CSV writer and reader so both make the same choice.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/csv/options.hpp>

#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <ranges>
#include <optional>
#include <string_view>
#include <type_traits>

namespace sstk::csv::detail {

template <class T>
struct unwrap_optional {
    using type = T;
};
template <class T>
struct unwrap_optional<std::optional<T>> {
    using type = T;
};
template <class T>
using unwrapped_t = typename unwrap_optional<T>::type;

// Columns: ServiceStack's CsvWriter uses TypeConfig<T>.Properties, .NET reflection order
// (derived members first, then bases) WITHOUT the [DataMember(Order)] sort JSON and JSV apply
// (servicestack-text-observed.md "Member selection/order"). The walker's unsorted list is that.
template <described_class T>
using columns_of = sstk::members_of<T, sstk::member_order::declaration>;

template <described_class T>
inline constexpr std::size_t column_count = boost::mp11::mp_size<columns_of<T>>::value;

template <described_class T, class F>
constexpr void for_each_column(F&& f) {
    boost::mp11::mp_for_each<columns_of<T>>(f);
}

template <described_class T, class F>
constexpr decltype(auto) visit_column(std::size_t index, F&& f) {
    using list = columns_of<T>;
    return boost::mp11::mp_with_index<boost::mp11::mp_size<list>::value>(
        index, [&](auto I) -> decltype(auto) { return f(boost::mp11::mp_at_c<list, I>{}); });
}

template <described_class T>
struct column_lookup {
    static constexpr std::size_t size = column_count<T>;
    static constexpr auto names = [] {
        std::array<std::string_view, size> a{};
        std::size_t i = 0;
        for_each_column<T>([&](auto m) { a[i++] = decltype(m)::name; });
        return a;
    }();
    // An exact header match first: two columns may differ only in case (`aB`, `AB`).
    static constexpr std::size_t find(std::string_view key) noexcept {
        for (std::size_t i = 0; i < size; ++i)
            if (names[i] == key) return i;
        for (std::size_t i = 0; i < size; ++i)
            if (sstk::detail::iequals(names[i], key)) return i;
        for (std::size_t i = 0; i < size; ++i)
            if (sstk::detail::loose_equals(names[i], key)) return i;
        return size;
    }
};

// A row type: a DTO (one column per member) or a dictionary (one column per key).
template <class E>
inline constexpr bool is_row_v = described_class<E> || map_like<E>;

template <class L>
constexpr bool is_row_list() {
    if constexpr (sequence_like<L>) return is_row_v<unwrapped_t<std::ranges::range_value_t<L>>>;
    else return false;
}
// A list of DTOs or dictionaries, which CSV writes as rows.
template <class L>
inline constexpr bool is_row_list_v = is_row_list<L>();

// A member CsvSerializer considers for tabulation: not a string, value type or byte[]
// (a list, dictionary or DTO).
template <class V>
inline constexpr bool is_reference_member_v =
    !std::is_same_v<V, boost::json::value> && (described_class<V> || map_like<V> || sequence_like<V>);

// The index (in columns_of<T>) of the member a DataContract DTO tabulates: the first list member
// not named ResponseStatus, else the first other reference-type member; column_count<T> if none.
template <described_class T>
constexpr std::size_t tabulated_member() {
    std::size_t i = 0, list = column_count<T>, other = column_count<T>;
    for_each_column<T>([&](auto m) {
        using M = decltype(m);
        using V = unwrapped_t<typename M::value_type>;
        if constexpr (is_reference_member_v<V>) {
            if (M::name != "ResponseStatus") {
                if (sequence_like<V> && list == column_count<T>) list = i;
                else if (!sequence_like<V> && other == column_count<T>) other = i;
            }
        }
        ++i;
    });
    return list != column_count<T> ? list : other;
}

// The tabulated member's member_info (only when there is one).
template <described_class T>
using tabulated_t = boost::mp11::mp_at_c<columns_of<T>, tabulated_member<T>()>;

// Whether a DTO is written through one of its members rather than as its own row.
template <described_class T>
constexpr bool tabulates_member(csv::tabulate t) {
    if (tabulated_member<T>() == column_count<T>) return false;
    if (t == csv::tabulate::self) return false;
    return t == csv::tabulate::first_enumerable || contract_of<T>().is_data_contract;
}

}  // namespace sstk::csv::detail
