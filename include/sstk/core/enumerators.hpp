// Enumerators of a described enum (BOOST_DESCRIBE_ENUM) with their wire names, in declaration
// order, and name <-> value lookups. Values outside the enumerators are representable (an
// enum class holds any value of its underlying type), so codecs can keep unknown values.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/detail/ascii.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace sstk {

template <class E>
concept described_enum = std::is_enum_v<E> && boost::describe::has_describe_enumerators<E>::value;

template <class E>
struct enumerator_info {
    E value;
    std::string_view cpp_name;
    std::string_view name;  // [EnumMember(Value)] or the C++ (= .NET) name
};

namespace detail {

template <class E>
constexpr std::string_view enumerator_wire_name(std::string_view cpp_name) {
    constexpr auto c = contract_of<E>();
    for (const enumerator_contract& v : c.value_list)
        if (v.cpp_name == cpp_name) return v.wire_name;
    return cpp_name;
}

template <class E, template <class...> class L, class... D>
constexpr auto make_enumerator_table(L<D...>) {
    return std::array<enumerator_info<E>, sizeof...(D)>{
        enumerator_info<E>{D::value, D::name, enumerator_wire_name<E>(D::name)}...};
}

template <class E>
constexpr bool enum_contract_names_exist() {
    constexpr auto c = contract_of<E>();
    using list = boost::describe::describe_enumerators<E>;
    for (const enumerator_contract& v : c.value_list) {
        bool found = false;
        boost::mp11::mp_for_each<list>([&](auto d) { found = found || std::string_view(d.name) == v.cpp_name; });
        if (!found) return false;
    }
    return true;
}


}  // namespace detail

// All enumerators in declaration order (the order DataContractSerializer walks [Flags] in).
template <described_enum E>
inline constexpr auto enumerators = [] {
    static_assert(detail::enum_contract_names_exist<E>(), "an enumerator named in this enum's sstk_contract() does not exist");
    return detail::make_enumerator_table<E>(boost::describe::describe_enumerators<E>{});
}();

template <described_enum E>
inline constexpr bool is_flags_enum = contract_of<E>().is_flags;

// The wire name of a value that equals a declared enumerator exactly (first declared wins).
template <described_enum E>
constexpr std::optional<std::string_view> enum_to_name(E value) noexcept {
    for (const auto& e : enumerators<E>)
        if (e.value == value) return e.name;
    return std::nullopt;
}

// The enumerator with this wire name, or with this C++ name; ASCII case-insensitive when asked
// (ServiceStack.Text reads enum names case-insensitively, DataContractSerializer does not).
template <described_enum E>
constexpr std::optional<E> enum_from_name(std::string_view name, bool case_insensitive = false) noexcept {
    for (const auto& e : enumerators<E>)
        if (case_insensitive ? detail::iequals(e.name, name) : e.name == name) return e.value;
    for (const auto& e : enumerators<E>)
        if (case_insensitive ? detail::iequals(e.cpp_name, name) : e.cpp_name == name) return e.value;
    return std::nullopt;
}

}  // namespace sstk
