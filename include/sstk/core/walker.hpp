// The reflection walker: every codec visits DTO members through here, never through
// Boost.Describe directly.
//
// Two member orders exist on the wire:
//  - member_order::servicestack — ServiceStack.Text (JSON, JSV, CSV, query strings): .NET
//    reflection order, i.e. the most-derived class's members first, then each base's, each in
//    declaration order; then a stable sort by [DataMember(Order)] (unspecified = -1).
//    (ServiceStack.Text Common/WriteType.cs: PropertyWriters.OrderBy(x => x.propertyOrder).)
//  - member_order::data_contract — DataContractSerializer (XML): base classes first; within one
//    class by Order (unspecified first), ties by ordinal (UTF-16) name. Order never moves a
//    member across a class boundary. (research/datacontract-xml.md §6.2.)
#pragma once

#include <sstk/core/casing.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/core/detail/attributes.hpp>
#include <sstk/core/detail/ordinal.hpp>

#include <boost/describe/bases.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sstk {

enum class member_order {
    servicestack,   // reflection order, then stable by DataMember Order (JSON, JSV, query strings)
    data_contract,  // base first, then Order, then ordinal name (XML)
    declaration,    // reflection order alone: derived members first (CSV columns ignore Order)
};

// A struct or class described with BOOST_DESCRIBE_STRUCT / BOOST_DESCRIBE_CLASS.
template <class T>
concept described_class = std::is_class_v<T> && boost::describe::has_describe_members<T>::value;

namespace detail {

template <class Owner>
constexpr member_contract find_member_contract(std::string_view cpp_name) {
    constexpr auto c = contract_of<Owner>();
    for (const member_contract& m : c.member_list)
        if (m.cpp_name == cpp_name) return m;
    return member_contract{cpp_name};
}

template <template <class...> class L, class... D>
constexpr std::array<std::string_view, sizeof...(D)> described_names(L<D...>) {
    return {std::string_view(D::name)...};
}

template <std::size_t N, std::size_t K>
constexpr bool names_cover(const std::array<member_contract, N>& named, const std::array<std::string_view, K>& have) {
    for (const member_contract& m : named) {
        bool found = false;
        for (std::string_view h : have) found = found || h == m.cpp_name;
        if (!found) return false;
    }
    return true;
}

// Every member a contract names must exist: a typo would otherwise silently drop a rename. The
// public members (the list the codecs use anyway) are searched first; the full list only when
// a contract names a non-public member.
template <class Owner>
constexpr bool contract_names_exist() {
    constexpr auto c = contract_of<Owner>();
    if constexpr (c.member_list.size() == 0) {
        return true;
    } else {
        namespace bd = boost::describe;
        constexpr bool all_public = names_cover(c.member_list, described_names(bd::describe_members<Owner, bd::mod_public>{}));
        if constexpr (all_public) return true;
        else return names_cover(c.member_list, described_names(bd::describe_members<Owner, bd::mod_public | bd::mod_protected | bd::mod_private>{}));
    }
}

template <class Owner>
struct cpp_name_source;

}  // namespace detail

// One member as the codecs see it: the described member D declared in class Owner, with its
// contract metadata. All of it is static and constexpr; instances are empty tags.
template <class Owner, class D>
struct member_info {
    using owner_type = Owner;  // the declaring class (XML puts the element in its namespace)
    using value_type = std::remove_cvref_t<decltype(std::declval<Owner&>().*D::pointer)>;

    static constexpr std::string_view cpp_name = D::name;
    static constexpr auto pointer = D::pointer;  // a member of Owner: usable on any class derived from it
    static constexpr member_contract contract = detail::find_member_contract<Owner>(D::name);
    // The wire name before casing: [DataMember(Name)] or the C++ (= .NET property) name.
    static constexpr std::string_view name = contract.wire_name.empty() ? cpp_name : contract.wire_name;
    static constexpr bool renamed = !contract.wire_name.empty();
    static constexpr int order = contract.order;
    static constexpr bool emit_default = contract.emit_default;
    static constexpr bool required = contract.required;
    static constexpr bool ignored = contract.ignored;
    static constexpr std::string_view description = contract.description;

private:
    struct name_source {
        static constexpr std::string_view value = name;
    };

public:
    // The key under a casing policy, precomputed at compile time. Renamed members keep their name.
    template <casing Policy>
    static constexpr std::string_view key =
        (renamed || Policy == casing::as_declared) ? name : cased_name<name_source, Policy>::value;

    static constexpr std::string_view key_for(casing policy) noexcept {
        switch (policy) {
        case casing::camel: return key<casing::camel>;
        case casing::snake: return key<casing::snake>;
        case casing::as_declared: break;
        }
        return key<casing::as_declared>;
    }

    template <class T>
    static constexpr auto& get(T& obj) noexcept {
        static_assert(std::is_base_of_v<Owner, std::remove_const_t<T>>);
        return obj.*D::pointer;
    }
};

namespace detail {

namespace mp = boost::mp11;
namespace bd = boost::describe;

template <class M>
using is_ignored = std::bool_constant<M::ignored>;

template <class Owner>
struct bind_owner {
    template <class D>
    using fn = member_info<Owner, D>;
};

template <class C>
using own_members = mp::mp_remove_if<mp::mp_transform_q<bind_owner<C>, bd::describe_members<C, bd::mod_public>>, is_ignored>;

template <class C>
struct servicestack_unsorted;
template <class C>
struct data_contract_list;

template <class B>
using servicestack_of_base = typename servicestack_unsorted<typename B::type>::type;
template <class B>
using data_contract_of_base = typename data_contract_list<typename B::type>::type;

template <class... Ls>
using append_all = mp::mp_append<mp::mp_list<>, Ls...>;

// A member list's C++ names, wire names and orders as arrays: one pack expansion (not an
// mp_at_c per index, which g++ instantiates for every position of every list).
template <template <class...> class L, class... M>
constexpr std::array<std::string_view, sizeof...(M)> cpp_names_of(L<M...>) {
    return {M::cpp_name...};
}
template <template <class...> class L, class... M>
constexpr std::array<std::string_view, sizeof...(M)> wire_names_of(L<M...>) {
    return {M::name...};
}
template <template <class...> class L, class... M>
constexpr std::array<int, sizeof...(M)> orders_of(L<M...>) {
    return {M::order...};
}

// Which members of a derived-first list are not hidden: a member redeclared in a more-derived
// class (C# `new`) hides the base one, as .NET reflection does for a property of the same name
// and signature, so a name-keyed format never writes one key twice.
template <class L>
constexpr auto visible_mask() {
    constexpr auto names = cpp_names_of(L{});
    constexpr std::size_t n = names.size();
    std::array<bool, n> keep{};
    for (std::size_t i = 0; i < n; ++i) {
        keep[i] = true;
        for (std::size_t j = 0; j < i; ++j)
            if (names[j] == names[i]) keep[i] = false;
    }
    return keep;
}

template <std::size_t N>
constexpr bool all_of(const std::array<bool, N>& a) {
    for (bool b : a)
        if (!b) return false;
    return true;
}

// The list itself when nothing is hidden (the common case: the filtering below is what costs).
template <class L, bool Unchanged = all_of(visible_mask<L>())>
struct without_hidden {
    using type = mp::mp_rename<L, mp::mp_list>;
};

template <class L>
struct without_hidden<L, false> {
    static constexpr auto keep = visible_mask<L>();
    template <class I>
    using kept = mp::mp_bool<keep[I::value]>;
    template <class I>
    using at = mp::mp_at<L, I>;
    using type = mp::mp_transform<at, mp::mp_copy_if<mp::mp_iota<mp::mp_size<L>>, kept>>;
};

template <class C, bool HasBases = (mp::mp_size<bd::describe_bases<C, bd::mod_public>>::value > 0)>
struct servicestack_unsorted_impl {
    using type = typename without_hidden<
        mp::mp_append<own_members<C>,
                      mp::mp_apply<append_all, mp::mp_transform<servicestack_of_base, bd::describe_bases<C, bd::mod_public>>>>>::type;
};

template <class C>
struct servicestack_unsorted_impl<C, false> {  // one class declares a name once: nothing to hide
    using type = mp::mp_rename<own_members<C>, mp::mp_list>;
};

template <class C>
struct servicestack_unsorted {
    static_assert(contract_names_exist<C>(), "a member named in this DTO's sstk_contract() does not exist");
    using type = typename servicestack_unsorted_impl<C>::type;
};

// Stable sort permutation of a member list: by order, then (optionally) ordinal name.
template <class L, bool ByName>
constexpr auto sort_permutation() {
    constexpr auto orders = orders_of(L{});
    constexpr auto names = wire_names_of(L{});
    constexpr std::size_t n = orders.size();
    std::array<std::size_t, n> perm{};
    for (std::size_t i = 0; i < n; ++i) perm[i] = i;
    const auto less = [&](std::size_t a, std::size_t b) {
        if (orders[a] != orders[b]) return orders[a] < orders[b];
        return ByName && compare_ordinal(names[a], names[b]) < 0;
    };
    for (std::size_t i = 1; i < n; ++i)  // insertion sort: stable, and n is small
        for (std::size_t j = i; j > 0 && less(perm[j], perm[j - 1]); --j) {
            const std::size_t t = perm[j];
            perm[j] = perm[j - 1];
            perm[j - 1] = t;
        }
    return perm;
}

template <std::size_t N>
constexpr bool is_identity(const std::array<std::size_t, N>& perm) {
    for (std::size_t i = 0; i < N; ++i)
        if (perm[i] != i) return false;
    return true;
}

// The list itself when it is in order already (most DTOs give no DataMember Order).
template <class L, bool ByName, bool Unchanged = is_identity(sort_permutation<L, ByName>())>
struct sorted {
    using type = mp::mp_rename<L, mp::mp_list>;
};

template <class L, bool ByName>
struct sorted<L, ByName, false> {
    static constexpr std::size_t n = mp::mp_size<L>::value;
    static constexpr auto perm = sort_permutation<L, ByName>();
    template <std::size_t... I>
    static auto apply(std::index_sequence<I...>) -> mp::mp_list<mp::mp_at_c<L, perm[I]>...>;
    using type = decltype(apply(std::make_index_sequence<n>{}));
};

template <class C>
struct data_contract_list {
    static_assert(contract_names_exist<C>(), "a member named in this DTO's sstk_contract() does not exist");
    using type = mp::mp_append<mp::mp_apply<append_all, mp::mp_transform<data_contract_of_base, bd::describe_bases<C, bd::mod_public>>>,
                               typename sorted<own_members<C>, true>::type>;
};

}  // namespace detail

// The members of T, bases included, in the given wire order: an mp_list of member_info.
namespace detail {
template <class T, member_order Order>
struct members_in_order;
template <class T>
struct members_in_order<T, member_order::servicestack> {
    using type = typename sorted<typename servicestack_unsorted<T>::type, false>::type;
};
template <class T>
struct members_in_order<T, member_order::data_contract> {
    using type = typename data_contract_list<T>::type;
};
template <class T>
struct members_in_order<T, member_order::declaration> {
    using type = typename servicestack_unsorted<T>::type;
};
}  // namespace detail

template <described_class T, member_order Order = member_order::servicestack>
using members_of = typename detail::members_in_order<T, Order>::type;

template <described_class T, member_order Order = member_order::servicestack>
inline constexpr std::size_t member_count = boost::mp11::mp_size<members_of<T, Order>>::value;

// Calls f(member_info<...>{}) for each member of T, in order.
template <described_class T, member_order Order = member_order::servicestack, class F>
constexpr void for_each_member(F&& f) {
    boost::mp11::mp_for_each<members_of<T, Order>>(f);
}

// Calls f(member_info<...>{}) for the index-th member of T (a run-time index, e.g. from a key
// lookup table; it must be below member_count), returning what f returns. A DTO without members
// has no index to visit: nothing is called.
template <described_class T, member_order Order = member_order::servicestack, class F>
constexpr decltype(auto) visit_member(std::size_t index, F&& f) {
    using list = members_of<T, Order>;
    if constexpr (boost::mp11::mp_size<list>::value == 0) {
        (void)index;
        (void)f;
    } else {
        return boost::mp11::mp_with_index<boost::mp11::mp_size<list>::value>(
            index, [&](auto I) -> decltype(auto) { return f(boost::mp11::mp_at_c<list, I>{}); });
    }
}

// The addresses of the members of the member list L (an mp_list of member_info) inside a T,
// type-erased: one function per DTO and list, called once per object. Codecs keep one table per
// DTO (in L's order), one function per member *type* for the work itself and one loop for all
// DTOs, so a DTO costs a table and this function, not a copy of the member code for every member
// (what made large generated headers slow to compile; a function per member was ~1,500 more
// functions for 250 DTOs). `obj` points to a T; a const T may be passed through const_cast when
// the members are only read.
template <class T, class L>
struct member_addresses;

template <class T, template <class...> class List, class... M>
struct member_addresses<T, List<M...>> {
    // out[i] = the address of the i-th member, for every member of L.
    static void all(void* obj, void** out) noexcept {
        if constexpr (sizeof...(M) > 0) {
            T* const t = static_cast<T*>(obj);
            std::size_t i = 0;
            ((out[i++] = static_cast<void*>(std::addressof(t->*M::pointer))), ...);
        } else {
            (void)obj;
            (void)out;
        }
    }
};

using member_address_fn = void (*)(void* obj, void** out) noexcept;

// The member addresses of one object, for a codec's loop: on the stack unless the DTO has more
// members than most.
class member_address_buffer {
public:
    member_address_buffer(member_address_fn all, void* obj, std::size_t count) {
        if (count > on_stack) {
            heap_ = std::make_unique<void*[]>(count);
            at_ = heap_.get();
        }
        all(obj, at_);
    }
    member_address_buffer(const member_address_buffer&) = delete;
    member_address_buffer& operator=(const member_address_buffer&) = delete;
    void* operator[](std::size_t i) const noexcept { return at_[i]; }

private:
    static constexpr std::size_t on_stack = 32;
    void* local_[on_stack];
    std::unique_ptr<void*[]> heap_;
    void** at_ = local_;
};

// The bases of T in declaration order (mp_list of the base types), for codecs that need the
// class hierarchy itself (XML namespaces per declaring class).
namespace detail {
template <class B>
using base_type_of = typename B::type;
}  // namespace detail

template <described_class T>
using bases_of = boost::mp11::mp_transform<detail::base_type_of, boost::describe::describe_bases<T, boost::describe::mod_public>>;

}  // namespace sstk
