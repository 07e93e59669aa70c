// Resetting the members a document left out, shared by the readers that read into an existing
// object (JSON, XML): a member not in the input gets the value a default-constructed DTO has
// (its default member initializer, not just V{}).
//
// Why not `field = default_field` for every member type: for a member holding DTOs
// (std::optional<Order>, std::vector<Order>, a dictionary of them) that compiles the nested DTOs'
// whole copy-assignment, inlined level by level, into the reset of each such member type — in a
// header of 250 generated types that was about a sixth of the codecs' compile time. Members
// holding DTOs are reset through the DTOs' member tables instead (one loop for every DTO); only
// leaf types (strings, numbers, lists of them...) are copy-assigned.
#pragma once

#include <sstk/core/detail/attributes.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>

#include <boost/describe/bases.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <ranges>
#include <type_traits>

namespace sstk::detail {

// One default object per DTO type, built on first use.
template <class T>
const T& default_instance() {
    static const T d{};
    return d;
}

template <class T>
const void* default_object() {
    return &default_instance<T>();
}

// Whether a type holds DTOs (at any depth through optional, lists and dictionaries).
template <class V>
struct holds_dto : std::bool_constant<described_class<V>> {};
template <class U>
struct holds_dto<std::optional<U>> : holds_dto<U> {};
template <class V>
    requires(!described_class<V> && sequence_like<V>)
struct holds_dto<V> : holds_dto<std::ranges::range_value_t<V>> {};
template <class V>
    requires(!described_class<V> && map_like<V>)
struct holds_dto<V> : holds_dto<typename V::mapped_type> {};

template <class V>
concept indexable_map = map_like<V> && requires(V& m, const typename V::key_type& k) { m[k]; };
template <class V>
concept growable_sequence = sequence_like<V> && requires(V& s) { s.emplace_back(); };

struct reset_entry {
    void* (*address)(void*) noexcept;
    void (*reset)(void* field, const void* default_field);
};

// The members of T and of its bases that a codec reads, hidden ones included (XML reads both
// levels of a member a derived class redeclares); [IgnoreDataMember] ones keep their value, as
// they do at the top level.
template <class C>
struct all_members {
    template <class B>
    using of_base = typename all_members<typename B::type>::type;
    using type = boost::mp11::mp_apply<append_all, boost::mp11::mp_push_front<boost::mp11::mp_transform<of_base, boost::describe::describe_bases<
                                                                                  C, boost::describe::mod_public>>,
                                                                              own_members<C>>>;
};

template <class V>
void reset_member(void* field, const void* default_field);

template <class T, class... M>
constexpr std::array<reset_entry, sizeof...(M)> make_reset_table(boost::mp11::mp_list<M...>) {
    return {reset_entry{&member_address<T, M>, &reset_member<typename M::value_type>}...};
}

template <class T>
inline constexpr auto reset_table = make_reset_table<T>(typename all_members<T>::type{});

SSTK_NOINLINE inline void reset_object(void* field, const void* default_field, const reset_entry* table, std::size_t count) {
    void* const source = const_cast<void*>(default_field);  // only read
    for (std::size_t i = 0; i < count; ++i) table[i].reset(table[i].address(field), table[i].address(source));
}

template <class V>
void reset_member(void* field, const void* default_field) {
    V& f = *static_cast<V*>(field);
    const V& d = *static_cast<const V*>(default_field);
    if constexpr (!holds_dto<V>::value) {
        f = d;
    } else if constexpr (described_class<V>) {
        reset_object(field, default_field, reset_table<V>.data(), reset_table<V>.size());
    } else if constexpr (is_optional_v<V>) {
        if (!d) {
            f.reset();
            return;
        }
        if (!f) f.emplace();
        reset_member<typename V::value_type>(&*f, &*d);
    } else if constexpr (indexable_map<V>) {
        f.clear();
        for (const auto& [k, v] : d) reset_member<typename V::mapped_type>(&f[k], &v);
    } else if constexpr (growable_sequence<V>) {
        f.clear();
        for (const auto& item : d) reset_member<std::ranges::range_value_t<V>>(&f.emplace_back(), &item);
    } else {
        f = d;  // other containers of DTOs (sets, arrays): copied
    }
}

}  // namespace sstk::detail
