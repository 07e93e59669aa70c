// DataContract names and namespaces of C++ types (research/datacontract-xml.md §6.1, §6.4;
// servicestack-formats.md §4.2, §4.7): what DataContractSerializer calls a type's stable name.
//
//   primitives  boolean, int, string, … in XMLSchema; char, guid, duration in …/Serialization/
//   enums, DTOs the contract's name in [DataContract(Namespace)] / ContractNamespace, else
//               http://schemas.datacontract.org/2004/07/<CLR namespace>
//   generics    Name + "Of" + argument names (+ MD5 digest when an argument's namespace is not
//               built-in): QueryResponse<Movie> in MyApp.ServiceModel → QueryResponseOfMovietlJ4_P31p
//   List<T>     ArrayOf<item name>, in the item's namespace, or …/Arrays for built-in items
//   Dictionary  ArrayOfKeyValueOf<K><V>[digest] in …/Arrays
//   T? (value)  NullableOf<T> in …/2004/07/System (only visible as an item or generic argument)
//   DateTimeOffset (complex, …/System); std::pair = KeyValuePair (…/System.Collections.Generic).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/detail/attributes.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/xml/detail/md5.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sstk::xml::detail {

inline constexpr std::string_view xsi_ns = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr std::string_view xs_ns = "http://www.w3.org/2001/XMLSchema";
inline constexpr std::string_view ser_ns = "http://schemas.microsoft.com/2003/10/Serialization/";
inline constexpr std::string_view arrays_ns = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
inline constexpr std::string_view dc_ns_prefix = "http://schemas.datacontract.org/2004/07/";
inline constexpr std::string_view system_ns = "http://schemas.datacontract.org/2004/07/System";
inline constexpr std::string_view generic_collections_ns = "http://schemas.datacontract.org/2004/07/System.Collections.Generic";

template <class T>
struct is_pair : std::false_type {};
template <class K, class V>
struct is_pair<std::pair<K, V>> : std::true_type {};

// .NET integer types by width and sign (std::int64_t is `long` here, but `long long` is the same type to .NET).
template <class T>
concept xml_integer = std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> &&
                      !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t> && !std::is_same_v<T, wchar_t> &&
                      !std::is_same_v<T, char8_t>;

// Written as one text node (DataContractSerializer's primitive contracts, plus enums).
template <class T>
concept xml_primitive = std::is_same_v<T, bool> || xml_integer<T> || std::is_same_v<T, char16_t> || std::is_floating_point_v<T> ||
                        std::is_same_v<T, decimal> || std::is_same_v<T, guid> || std::is_same_v<T, date_time> ||
                        std::is_same_v<T, time_span> || string_like<T> || byte_sequence<T> || std::is_enum_v<T>;

// A .NET value type: std::optional of it is Nullable<T>; std::optional of anything else is a
// nullable reference (string, class, List, byte[]).
template <class T>
concept dotnet_value_type = std::is_same_v<T, bool> || xml_integer<T> || std::is_same_v<T, char16_t> || std::is_floating_point_v<T> ||
                            std::is_same_v<T, decimal> || std::is_same_v<T, guid> || std::is_same_v<T, date_time> ||
                            std::is_same_v<T, time_span> || std::is_same_v<T, date_time_offset> || std::is_enum_v<T> ||
                            is_pair<T>::value;

template <class T>
struct unwrap_optional {
    using type = T;
};
template <class T>
struct unwrap_optional<std::optional<T>> {
    using type = T;
};
template <class T>
using unwrap_optional_t = typename unwrap_optional<T>::type;

struct primitive_name {
    std::string_view name;
    std::string_view ns;
};

template <class T>
constexpr primitive_name primitive_name_of() {
    if constexpr (std::is_same_v<T, bool>) return {"boolean", xs_ns};
    else if constexpr (std::is_same_v<T, char16_t>) return {"char", ser_ns};
    else if constexpr (xml_integer<T>) {
        if constexpr (sizeof(T) == 1) return {std::is_signed_v<T> ? "byte" : "unsignedByte", xs_ns};
        else if constexpr (sizeof(T) == 2) return {std::is_signed_v<T> ? "short" : "unsignedShort", xs_ns};
        else if constexpr (sizeof(T) == 4) return {std::is_signed_v<T> ? "int" : "unsignedInt", xs_ns};
        else return {std::is_signed_v<T> ? "long" : "unsignedLong", xs_ns};
    } else if constexpr (std::is_same_v<T, float>) return {"float", xs_ns};
    else if constexpr (std::is_floating_point_v<T>) return {"double", xs_ns};
    else if constexpr (std::is_same_v<T, decimal>) return {"decimal", xs_ns};
    else if constexpr (std::is_same_v<T, guid>) return {"guid", ser_ns};
    else if constexpr (std::is_same_v<T, date_time>) return {"dateTime", xs_ns};
    else if constexpr (std::is_same_v<T, time_span>) return {"duration", ser_ns};
    else if constexpr (string_like<T>) return {"string", xs_ns};
    else if constexpr (byte_sequence<T>) return {"base64Binary", xs_ns};
    else return {"", ""};
}

// XMLSchema and …/Serialization/ are "built in": generic arguments from them add no digest,
// and collections of them live in …/Arrays.
constexpr bool is_builtin_ns(std::string_view ns) noexcept { return ns == xs_ns || ns == ser_ns; }

struct stable_name {
    std::string name;
    std::string ns;
};

template <class T>
const stable_name& stable_name_of();

// The digest DataContractSerializer appends to a generic name whose arguments are not all built in:
// base64(MD5(" " + arity + " " + ns1 + " " + ns2 …)[0..6]), '=' dropped, '/' → "_S", '+' → "_P".
inline void append_generic_digest(std::string& name, std::initializer_list<const stable_name*> args) {
    bool builtin = true;
    for (const stable_name* a : args) builtin = builtin && is_builtin_ns(a->ns);
    if (builtin) return;
    std::string input = " " + std::to_string(args.size());
    for (const stable_name* a : args) {
        input += ' ';
        input += a->ns;
    }
    const auto h = md5(input);
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int g = 0; g < 2; ++g) {
        const std::uint32_t v = std::uint32_t(h[g * 3]) << 16 | std::uint32_t(h[g * 3 + 1]) << 8 | h[g * 3 + 2];
        for (int s = 18; s >= 0; s -= 6) {
            const char c = alphabet[(v >> s) & 63];
            if (c == '/') name += "_S";
            else if (c == '+') name += "_P";
            else name += c;
        }
    }
}

template <class... A>
std::string generic_name(std::string_view base) {
    std::string name(base);
    if constexpr (sizeof...(A) > 0) {
        name += "Of";
        ((name += stable_name_of<A>().name), ...);
        append_generic_digest(name, {&stable_name_of<A>()...});
    }
    return name;
}

// The contract's namespace: [DataContract(Namespace)] when given, else the CLR namespace under
// http://schemas.datacontract.org/2004/07/. Not inlined: every DTO calls it with its constants.
SSTK_NOINLINE inline std::string contract_namespace(bool has_xml_ns, std::string_view xml_ns, std::string_view clr_ns) {
    if (has_xml_ns) return std::string(xml_ns);
    std::string ns;
    ns.reserve(dc_ns_prefix.size() + clr_ns.size());
    ns += dc_ns_prefix;
    ns += clr_ns;
    return ns;
}

SSTK_NOINLINE inline stable_name contract_stable_name(std::string_view name, bool has_xml_ns, std::string_view xml_ns,
                                                      std::string_view clr_ns) {
    return {std::string(name), contract_namespace(has_xml_ns, xml_ns, clr_ns)};
}

template <class C>
std::string contract_namespace() {
    constexpr auto c = contract_of<C>();
    return contract_namespace(c.has_xml_ns, c.xml_ns, c.clr_ns);
}

// The template arguments of a generic DTO (class templates of types only).
template <class T>
struct generic_args {
    using type = boost::mp11::mp_list<>;
};
template <template <class...> class C, class... A>
struct generic_args<C<A...>> {
    using type = boost::mp11::mp_list<A...>;
};

template <class L>
struct generic_name_of_list;
template <class... A>
struct generic_name_of_list<boost::mp11::mp_list<A...>> {
    static std::string get(std::string_view base) { return generic_name<A...>(base); }
};

template <class T>
stable_name make_stable_name() {
    if constexpr (is_optional_v<T>) {
        using U = typename T::value_type;
        if constexpr (dotnet_value_type<U>) return {generic_name<U>("Nullable"), std::string(system_ns)};
        else return stable_name_of<U>();
    } else if constexpr (std::is_enum_v<T>) {
        constexpr auto c = contract_of<T>();
        return contract_stable_name(c.name, c.has_xml_ns, c.xml_ns, c.clr_ns);
    } else if constexpr (xml_primitive<T>) {
        constexpr primitive_name p = primitive_name_of<T>();
        return {std::string(p.name), std::string(p.ns)};
    } else if constexpr (std::is_same_v<T, date_time_offset>) {
        return {"DateTimeOffset", std::string(system_ns)};
    } else if constexpr (is_pair<T>::value) {
        return {generic_name<typename T::first_type, typename T::second_type>("KeyValuePair"), std::string(generic_collections_ns)};
    } else if constexpr (described_class<T>) {
        constexpr auto c = contract_of<T>();
        if constexpr (boost::mp11::mp_empty<typename generic_args<T>::type>::value)
            return contract_stable_name(c.name, c.has_xml_ns, c.xml_ns, c.clr_ns);
        else
            return {generic_name_of_list<typename generic_args<T>::type>::get(c.name), contract_namespace<T>()};
    } else if constexpr (map_like<T>) {
        return {"ArrayOf" + generic_name<typename T::key_type, typename T::mapped_type>("KeyValue"), std::string(arrays_ns)};
    } else if constexpr (sequence_like<T>) {
        const stable_name& item = stable_name_of<std::ranges::range_value_t<T>>();
        return {"ArrayOf" + item.name, is_builtin_ns(item.ns) ? std::string(arrays_ns) : item.ns};
    } else {
        static_assert(sizeof(T) == 0, "sstk::xml: this type has no DataContract mapping");
    }
}

// The stable name of a non-generic DTO or enum, allocated once and never destroyed: all a DTO's
// stable_name_of compiles to is a guarded call of this with its contract's constants.
SSTK_NOINLINE inline const stable_name* new_contract_stable_name(std::string_view name, bool has_xml_ns,
                                                                  std::string_view xml_ns, std::string_view clr_ns) {
    return new stable_name(contract_stable_name(name, has_xml_ns, xml_ns, clr_ns));
}

// Computed once per type (a function-local static: thread-safe, and stable for string_views).
template <class T>
const stable_name& stable_name_of() {
    if constexpr (std::is_enum_v<T> || (described_class<T> && boost::mp11::mp_empty<typename generic_args<T>::type>::value)) {
        // static: a plain constexpr local would be copied to the stack on every call (the whole
        // contract, member list included), before the guard is even checked.
        static constexpr auto c = contract_of<T>();
        static const stable_name* const n = new_contract_stable_name(c.name, c.has_xml_ns, c.xml_ns, c.clr_ns);
        return *n;
    } else {
        static const stable_name n = make_stable_name<T>();
        return n;
    }
}

// Name of a collection's item elements: the item contract's name, Nullable unwrapped
// (List<int?> items are <int>).
template <class Item>
const std::string& item_name_of() {
    return stable_name_of<unwrap_optional_t<Item>>().name;
}

// KeyValueOf<K><V>[digest]: the element name of one dictionary entry.
template <class Map>
const std::string& entry_name_of() {
    static const std::string n = generic_name<typename Map::key_type, typename Map::mapped_type>("KeyValue");
    return n;
}

// The namespace DataContractSerializer declares (xmlns:dNpM) on an element of declared type T
// whose parent contract is in `parent_ns` (ClassDataContract.GetChildNamespaceToDeclare):
// Nullable unwrapped; enums and primitives never; otherwise T's namespace when non-empty and
// different from the parent's. Empty when nothing is to be declared.
template <class T>
std::string_view child_ns_to_declare(std::string_view parent_ns) {
    using U = unwrap_optional_t<T>;
    if constexpr (xml_primitive<U>) {
        return {};
    } else {
        const std::string& ns = stable_name_of<U>().ns;
        if (ns.empty() || ns == parent_ns) return {};
        return ns;
    }
}

}  // namespace sstk::xml::detail
