// Resetting the members a document left out, shared by the readers that read into an existing
// object (JSON, XML): a member not in the input gets the value a default-constructed DTO has
// (its default member initializer, not just V{}).
//
// Why not `field = default_field` for every member type: for a member holding DTOs
// (std::optional<Order>, std::vector<Order>, a dictionary of them) that compiles the nested DTOs'
// whole copy-assignment, inlined level by level, into the reset of each such member type — in a
// header of 250 generated types that was about a sixth of the codecs' compile time. DTOs are
// reset through their member tables instead (one loop for every DTO), and containers are rebuilt
// with the clear/push_back/insert_or_assign the readers compile anyway; only scalars and strings
// are copy-assigned.
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
#include <utility>
#include <vector>

namespace sstk {

// The default object of a DTO and the reset of a DTO-typed value to it, shared by the readers.
// A class template with out-of-line members so that a generated header's codecs can be compiled
// once: `extern template struct sstk::dto_defaults<T>;` where they are used, `template struct
// sstk::dto_defaults<T>;` in one source file (sstk-codegen --codecs writes both). Without that,
// every translation unit that reads a T compiles the reset of T and of every DTO inside it.
template <class T>
struct dto_defaults {
    // A default-constructed T, built on first use.
    static const T& instance();
    // *field = the value it has in a default-constructed object, given that value
    // (default_field); both point to a T. Members holding DTOs recurse through their own
    // dto_defaults<...>::reset.
    static void reset(void* field, const void* default_field);
};

// What the readers do to a std::vector<T> of DTOs that needs T's moves and destructor: append a
// default T, drop the items from n on. Instantiated with T's codecs (sstk-codegen --codecs
// declares it `extern template` like dto_defaults), so a file that only holds Ts does not compile
// the vector's reallocation, and T's moves and destruction inside it, again.
template <class T>
struct dto_vector {
    static T& append(std::vector<T>& v);
    static void truncate(std::vector<T>& v, std::size_t n);
    // A nullable list of DTOs (std::optional<std::vector<T>>) made to hold an empty list, or null.
    static std::vector<T>& emplace(std::optional<std::vector<T>>& o);
    static void reset(std::optional<std::vector<T>>& o) noexcept;
};

// The reset of one member type V to its default value, which every DTO member of that type
// shares (the reset and reader tables point here): a unit a build can compile once, like the
// codecs' member_codec<V> (sstk-codegen --codecs instantiates both for the same member types).
template <class V>
struct member_reset {
    static void reset(void* field, const void* default_field);
};

// What the readers do to a std::optional<T> of a DTO: make it hold a default T, or empty it.
// Compiled with T's codecs (sstk-codegen --codecs declares it `extern template` for the DTOs a
// member holds), so a file whose DTOs only hold a T does not compile T's construction and
// destruction, with every DTO inside T, again.
template <class T>
struct dto_optional {
    static T& emplace(std::optional<T>& o);
    static void reset(std::optional<T>& o) noexcept;
};

}  // namespace sstk

namespace sstk::detail {

template <class T>
const void* default_object() {
    return &dto_defaults<T>::instance();
}

// A dictionary a reader can fill (the JSON reader's insert_or_assign, which the reset reuses).
template <class V>
concept assignable_map =
    map_like<V> && requires(V& m, typename V::key_type k, typename V::mapped_type v) { m.insert_or_assign(std::move(k), std::move(v)); };

template <class V>
struct is_dto_vector : std::false_type {};
template <class D>
struct is_dto_vector<std::vector<D>> : std::bool_constant<described_class<D>> {};

// A default item appended to a sequence the readers fill; for a vector of DTOs through
// dto_vector (compiled with the DTO's codecs).
template <class V>
auto& append_item(V& v) {
    if constexpr (is_dto_vector<V>::value) return dto_vector<typename V::value_type>::append(v);
    else return v.emplace_back();
}

template <class V>
void truncate_items(V& v, std::size_t n) {
    if constexpr (is_dto_vector<V>::value) dto_vector<typename V::value_type>::truncate(v, n);
    else v.resize(n);
}

template <class V>
void clear_items(V& v) {
    if constexpr (is_dto_vector<V>::value) dto_vector<typename V::value_type>::truncate(v, 0);
    else v.clear();
}

// A nullable DTO or list of DTOs made to hold its default, or emptied: through dto_optional /
// dto_vector (compiled with the DTO's codecs).
template <class V>
auto& emplace_optional(std::optional<V>& o) {
    if constexpr (described_class<V>) return dto_optional<V>::emplace(o);
    else if constexpr (is_dto_vector<V>::value) return dto_vector<typename V::value_type>::emplace(o);
    else return o.emplace();
}

template <class V>
void reset_optional(std::optional<V>& o) noexcept {
    if constexpr (described_class<V>) dto_optional<V>::reset(o);
    else if constexpr (is_dto_vector<V>::value) dto_vector<typename V::value_type>::reset(o);
    else o.reset();
}

template <class V>
concept rebuildable_sequence = appendable_sequence<V> && std::is_default_constructible_v<std::ranges::range_value_t<V>>;

struct reset_entry {
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
    return {reset_entry{&member_reset<typename M::value_type>::reset}...};
}

template <class T>
inline constexpr auto reset_table = make_reset_table<T>(typename all_members<T>::type{});

SSTK_NOINLINE inline void reset_object(void* field, const void* default_field, const reset_entry* table, std::size_t count,
                                       member_address_fn address) {
    const member_address_buffer fields(address, field, count);
    const member_address_buffer given(address, const_cast<void*>(default_field), count);  // only read
    for (std::size_t i = 0; i < count; ++i) table[i].reset(fields[i], given[i]);
}

template <class V>
void reset_member(void* field, const void* default_field) {
    V& f = *static_cast<V*>(field);
    const V& d = *static_cast<const V*>(default_field);
    if constexpr (described_class<V>) {
        dto_defaults<V>::reset(field, default_field);
    } else if constexpr (is_optional_v<V>) {
        if (!d) {
            reset_optional(f);
            return;
        }
        if (!f) emplace_optional(f);
        reset_member<typename V::value_type>(&*f, &*d);
    } else if constexpr (assignable_map<V>) {
        // Rebuilt with the operations the readers use anyway (the default is nearly always
        // empty): a copy-assignment would compile one more deep copy per container type.
        f.clear();
        for (const auto& [k, v] : d) {
            // Named parameters, not `requires { f.try_emplace(k); }`: clang 14 refuses a structured
            // binding inside a requires-expression.
            if constexpr (requires(V & m, const typename V::key_type& key) { m.try_emplace(key); }) {
                reset_member<typename V::mapped_type>(&f.try_emplace(k).first->second, &v);  // in place, as the readers
            } else {
                typename V::key_type key(k);
                typename V::mapped_type value{};
                reset_member<typename V::mapped_type>(&value, &v);
                f.insert_or_assign(std::move(key), std::move(value));
            }
        }
    } else if constexpr (is_dto_vector<V>::value) {
        clear_items(f);
        for (const auto& item : d) reset_member<typename V::value_type>(&append_item(f), &item);
    } else if constexpr (rebuildable_sequence<V>) {
        f.clear();
        for (const auto& item : d) {
            std::ranges::range_value_t<V> value{};
            reset_member<std::ranges::range_value_t<V>>(&value, &item);
            f.push_back(std::move(value));
        }
    } else {
        f = d;  // scalars, strings, byte arrays, other containers
    }
}

}  // namespace sstk::detail

// Never destroyed: a static T would compile T's destructor, and with it the destruction of every
// DTO T holds, into T's codecs for the one call at exit. The object stays reachable (leak
// checkers do not report it).
// Not inlined into default_object<T>(), the readers' pointer to it: the guarded construction is
// compiled once per DTO, not twice.
template <class T>
SSTK_NOINLINE const T& sstk::dto_defaults<T>::instance() {
    static const T& d = *new T{};
    return d;
}

template <class T>
void sstk::dto_defaults<T>::reset(void* field, const void* default_field) {
    detail::reset_object(field, default_field, detail::reset_table<T>.data(), detail::reset_table<T>.size(),
                         &member_addresses<T, typename detail::all_members<T>::type>::all);
}

template <class T>
T& sstk::dto_vector<T>::append(std::vector<T>& v) {
    return v.emplace_back();
}

template <class T>
void sstk::dto_vector<T>::truncate(std::vector<T>& v, std::size_t n) {
    if (n < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
}

template <class T>
std::vector<T>& sstk::dto_vector<T>::emplace(std::optional<std::vector<T>>& o) {
    return o.emplace();
}

template <class T>
void sstk::dto_vector<T>::reset(std::optional<std::vector<T>>& o) noexcept {
    o.reset();
}

template <class T>
T& sstk::dto_optional<T>::emplace(std::optional<T>& o) {
    return o.emplace();
}

template <class T>
void sstk::dto_optional<T>::reset(std::optional<T>& o) noexcept {
    o.reset();
}

template <class V>
void sstk::member_reset<V>::reset(void* field, const void* default_field) {
    detail::reset_member<V>(field, default_field);
}
