// ServiceStack's `/types/metadata` document (MetadataTypes) for C++ DTOs, built from their
// reflection and contracts, so that ServiceStack's own "Add ServiceStack Reference" tooling (and
// sstk-codegen) can generate clients for a C++ service.
//
// Schema: ServiceStack/src/ServiceStack.Client/MetadataTypes.cs, derivation rules
// NativeTypes/NativeTypesMetadata.cs (research: servicestack-formats.md §6.2):
//  - `properties` lists only the members declared on that type; the base goes in `inherits`;
//  - a property's `type` is the CLR Type.Name (``List`1``, ``Nullable`1``, `Int32`) with its
//    CLR `namespace`, and `genericArgs` are expanded names (`"List<Poco>"`, `"Nullable<Int32>"`);
//  - `isValueType`/`isEnum` describe the underlying type (``Nullable`1`` of Int32 is a value type);
//  - flags are written only when true (ServiceStack's NullIfFalse), nulls are omitted;
//  - enums list `enumNames`, and `enumValues` only when [Flags] or the values are not 0..n-1,
//    `enumMemberValues` only when an [EnumMember(Value)] differs from the name.
// ServiceStack's own DTOs (ResponseStatus, QueryResponse<T>, ...; CLR namespace `ServiceStack`)
// are referenced, never defined, as ServiceStack does unless AddServiceStackTypes adds them.
//
// Limitation: the definition of a user-defined generic DTO (`Page<T>`, whose members are written
// in terms of T) cannot be recovered from the C++ instances the service uses; such a type is an
// sstk::error(errc::unsupported) naming it. ServiceStack's generic built-ins are fine.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/describe/bases.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::metadata {

// A CLR type as MetadataTypes names it.
struct clr_type {
    std::string name;                       // Type.Name: "List`1", "Int32", "Poco", "Byte[]"
    std::string ns;                         // CLR namespace
    std::vector<std::string> generic_args;  // expanded: "Int32", "List<Poco>"
    bool value_type = false;
    bool is_enum = false;

    // "List<Poco>", "Nullable<Int32>", "Int32": how a generic argument spells this type.
    std::string expanded() const {
        std::string base = name.substr(0, name.find('`'));
        if (generic_args.empty()) return base;
        base += '<';
        for (std::size_t i = 0; i < generic_args.size(); ++i) {
            if (i) base += ',';
            base += generic_args[i];
        }
        return base + '>';
    }
};

// Options of the document (MetadataTypesConfig); only what a reader of it needs.
struct metadata_options {
    std::string base_url;  // config.baseUrl, omitted when empty
};

namespace detail {

// ServiceStack's own DTOs live in the CLR namespace `ServiceStack`: referenced, not defined.
inline constexpr std::string_view servicestack_ns = "ServiceStack";

template <class T>
struct template_args {
    using type = boost::mp11::mp_list<>;
};
template <template <class...> class Tmpl, class... A>
struct template_args<Tmpl<A...>> {
    using type = boost::mp11::mp_list<A...>;
};
template <class T>
inline constexpr std::size_t generic_arity = boost::mp11::mp_size<typename template_args<T>::type>::value;

template <class T>
clr_type system_value(std::string name) {
    return clr_type{std::move(name), "System", {}, true, false};
}

}  // namespace detail

// The CLR type a C++ member type stands for (the inverse of sstk-codegen's type mapping).
template <class T>
clr_type clr_type_of() {
    using U = std::remove_cv_t<T>;
    using namespace std::string_literals;
    if constexpr (is_optional_v<U>) {
        clr_type inner = clr_type_of<typename U::value_type>();
        if (!inner.value_type) return inner;  // reference types are nullable already
        return clr_type{"Nullable`1", "System", {inner.expanded()}, true, inner.is_enum};
    } else if constexpr (std::is_same_v<U, bool>) {
        return detail::system_value<U>("Boolean");
    } else if constexpr (std::is_same_v<U, std::int8_t>) {
        return detail::system_value<U>("SByte");
    } else if constexpr (std::is_same_v<U, std::uint8_t>) {
        return detail::system_value<U>("Byte");
    } else if constexpr (std::is_same_v<U, std::int16_t>) {
        return detail::system_value<U>("Int16");
    } else if constexpr (std::is_same_v<U, std::uint16_t>) {
        return detail::system_value<U>("UInt16");
    } else if constexpr (std::is_same_v<U, std::int32_t>) {
        return detail::system_value<U>("Int32");
    } else if constexpr (std::is_same_v<U, std::uint32_t>) {
        return detail::system_value<U>("UInt32");
    } else if constexpr (std::is_same_v<U, std::int64_t> || std::is_same_v<U, long long>) {
        return detail::system_value<U>("Int64");
    } else if constexpr (std::is_same_v<U, std::uint64_t> || std::is_same_v<U, unsigned long long>) {
        return detail::system_value<U>("UInt64");
    } else if constexpr (std::is_same_v<U, float>) {
        return detail::system_value<U>("Single");
    } else if constexpr (std::is_same_v<U, double>) {
        return detail::system_value<U>("Double");
    } else if constexpr (std::is_same_v<U, char16_t>) {
        return detail::system_value<U>("Char");
    } else if constexpr (std::is_same_v<U, decimal>) {
        return detail::system_value<U>("Decimal");
    } else if constexpr (std::is_same_v<U, guid>) {
        return detail::system_value<U>("Guid");
    } else if constexpr (std::is_same_v<U, date_time>) {
        return detail::system_value<U>("DateTime");
    } else if constexpr (std::is_same_v<U, date_time_offset>) {
        return detail::system_value<U>("DateTimeOffset");
    } else if constexpr (std::is_same_v<U, time_span>) {
        return detail::system_value<U>("TimeSpan");
    } else if constexpr (std::is_same_v<U, boost::json::value>) {
        return clr_type{"Object", "System", {}, false, false};
    } else if constexpr (string_like<U>) {
        return clr_type{"String", "System", {}, false, false};
    } else if constexpr (byte_sequence<U>) {
        return clr_type{"Byte[]", "System", {}, false, false};
    } else if constexpr (std::is_enum_v<U>) {
        constexpr auto c = contract_of<U>();
        return clr_type{std::string(c.name), std::string(c.clr_ns), {}, true, true};
    } else if constexpr (map_like<U>) {
        return clr_type{"Dictionary`2", "System.Collections.Generic",
                        {clr_type_of<typename U::key_type>().expanded(), clr_type_of<typename U::mapped_type>().expanded()}};
    } else if constexpr (sequence_like<U>) {
        return clr_type{"List`1", "System.Collections.Generic", {clr_type_of<std::ranges::range_value_t<U>>().expanded()}};
    } else if constexpr (described_class<U>) {
        constexpr auto c = contract_of<U>();
        clr_type t{std::string(c.name), std::string(c.clr_ns), {}, false, false};
        constexpr std::size_t arity = detail::generic_arity<U>;
        if constexpr (arity > 0) {
            t.name += '`' + std::to_string(arity);
            boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename detail::template_args<U>::type>>(
                [&](auto id) { t.generic_args.push_back(clr_type_of<typename decltype(id)::type>().expanded()); });
        }
        return t;
    } else {
        static_assert(sizeof(U) == 0, "sstk::metadata: this C++ type has no CLR counterpart");
    }
}

// Builds one MetadataTypes document: add the request DTOs (their responses, bases and member
// types follow), then take the JSON.
class types_builder {
public:
    explicit types_builder(metadata_options options = {}) : options_(std::move(options)) {}

    template <class Request>
    types_builder& add_operation() {
        static_assert(described_class<Request>, "sstk::metadata: a request DTO must be described");
        constexpr auto c = contract_of<Request>();
        using Response = response_type_t<Request>;
        boost::json::object op;
        op["request"] = type_entry<Request>();
        if constexpr (std::is_same_v<Response, void_response>) {
            op["returnsVoid"] = true;
        } else if constexpr (!std::is_same_v<Response, no_response>) {
            if constexpr (is_defined_here<Response>()) op["response"] = type_entry<Response>();
            op["returnType"] = type_name_json(clr_type_of<Response>());
            add_references<Response>();
        }
        op["actions"] = boost::json::array{"ANY"};
        if (c.verb != http_verb::none) op["method"] = std::string(to_string(c.verb));
        if (c.route_list.size() > 0) {
            boost::json::array routes;
            for (const route_contract& r : c.route_list) {
                boost::json::object route;
                route["path"] = std::string(r.path);
                if (!r.verbs.empty()) route["verbs"] = std::string(r.verbs);
                if (!r.summary.empty()) route["summary"] = std::string(r.summary);
                if (!r.notes.empty()) route["notes"] = std::string(r.notes);
                routes.push_back(std::move(route));
            }
            op["routes"] = std::move(routes);
        }
        operations_.push_back(std::move(op));
        operation_types_.insert(key_of(clr_type_of<Request>()));
        if constexpr (!std::is_same_v<Response, void_response> && !std::is_same_v<Response, no_response>)
            operation_types_.insert(key_of(clr_type_of<Response>()));
        add_references<Request>();
        return *this;
    }

    // Another type to list even if no operation reaches it.
    template <class T>
    types_builder& add_type() {
        add_type_once<T>();
        return *this;
    }

    boost::json::object document() const {
        boost::json::object doc;
        boost::json::object config;
        if (!options_.base_url.empty()) config["baseUrl"] = options_.base_url;
        doc["config"] = std::move(config);
        boost::json::array namespaces;
        for (const std::string& ns : namespaces_) namespaces.push_back(boost::json::string(ns));
        doc["namespaces"] = std::move(namespaces);
        boost::json::array types;
        for (const auto& [key, entry] : types_)
            if (!operation_types_.contains(key)) types.push_back(entry);
        doc["types"] = std::move(types);
        doc["operations"] = operations_;
        return doc;
    }

    std::string json() const { return boost::json::serialize(document()); }

private:
    static std::string key_of(const clr_type& t) { return t.ns + "." + t.name; }

    static boost::json::object type_name_json(const clr_type& t) {
        boost::json::object o;
        o["name"] = t.name;
        if (!t.ns.empty()) o["namespace"] = t.ns;
        if (!t.generic_args.empty()) {
            boost::json::array a;
            for (const std::string& g : t.generic_args) a.push_back(boost::json::string(g));
            o["genericArgs"] = std::move(a);
        }
        return o;
    }

    void note_namespace(const std::string& ns) {
        if (ns.empty()) return;
        for (const std::string& n : namespaces_)
            if (n == ns) return;
        namespaces_.push_back(ns);
    }

    // Types sstk defines itself (CLR namespace ServiceStack) are referenced, not defined.
    template <class T>
    static constexpr bool is_defined_here() {
        if constexpr (std::is_enum_v<T> || described_class<T>) return contract_of<T>().clr_ns != detail::servicestack_ns;
        else return false;
    }

    // Every type T refers to: bases, member types and their element types.
    template <class T>
    void add_references() {
        using U = std::remove_cv_t<T>;
        if constexpr (is_optional_v<U>) {
            add_references<typename U::value_type>();
        } else if constexpr (std::is_same_v<U, boost::json::value> || string_like<U> || byte_sequence<U>) {
        } else if constexpr (std::is_enum_v<U>) {
            add_type_once<U>();
        } else if constexpr (map_like<U>) {
            add_references<typename U::key_type>();
            add_references<typename U::mapped_type>();
        } else if constexpr (sequence_like<U>) {
            add_references<std::ranges::range_value_t<U>>();
        } else if constexpr (described_class<U>) {
            note_namespace(clr_type_of<U>().ns);
            boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename detail::template_args<U>::type>>(
                [&](auto id) { add_references<typename decltype(id)::type>(); });
            if constexpr (is_defined_here<U>()) add_type_once<U>();
        } else {
            note_namespace(clr_type_of<U>().ns);
        }
    }

    template <class T>
    void add_type_once() {
        if constexpr (is_defined_here<T>()) {
            const std::string key = key_of(clr_type_of<T>());
            if (visiting_.contains(key)) return;
            visiting_.insert(key);
            note_namespace(clr_type_of<T>().ns);
            if constexpr (described_class<T>) {
                boost::mp11::mp_for_each<boost::describe::describe_bases<T, boost::describe::mod_public>>(
                    [&](auto b) { add_references<typename decltype(b)::type>(); });
                boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
                    using D = decltype(d);
                    add_references<std::remove_reference_t<decltype(std::declval<T&>().*D::pointer)>>();
                });
            }
            // Dependencies first: a reader meets every type before its users.
            types_.emplace_back(key, type_entry<T>());
        }
    }

    template <class T>
    boost::json::object type_entry() const {
        const clr_type t = clr_type_of<T>();
        boost::json::object o;
        if constexpr (described_class<T> && detail::generic_arity<T> > 0) {
            if constexpr (is_defined_here<T>())
                throw error(errc::unsupported,
                            "the generic DTO " + t.expanded() +
                                " cannot be described in /types/metadata: its generic definition is not recoverable from C++ instances");
        }
        o["name"] = t.name;
        o["namespace"] = t.ns;
        if constexpr (std::is_enum_v<T>) {
            enum_entry<T>(o);
        } else {
            constexpr auto c = contract_of<T>();
            boost::mp11::mp_for_each<boost::describe::describe_bases<T, boost::describe::mod_public>>([&](auto b) {
                o["inherits"] = type_name_json(clr_type_of<typename decltype(b)::type>());
            });
            boost::json::array implements;
            for (std::string_view i : c.interface_list) {
                boost::json::object n;
                n["name"] = std::string(i);
                implements.push_back(std::move(n));
            }
            o["implements"] = std::move(implements);
            if (!c.summary.empty()) o["description"] = std::string(c.summary);
            if (c.is_data_contract || c.has_xml_ns) {
                boost::json::object dc;
                if (c.has_xml_ns) dc["namespace"] = std::string(c.xml_ns);
                o["dataContract"] = std::move(dc);
            }
            boost::json::array properties;
            boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto d) {
                using D = decltype(d);
                using M = std::remove_reference_t<decltype(std::declval<T&>().*D::pointer)>;
                properties.push_back(property_entry<M>(sstk::detail::find_member_contract<T>(D::name), c.is_data_contract));
            });
            if (!properties.empty()) o["properties"] = std::move(properties);
        }
        return o;
    }

    template <class M>
    static boost::json::object property_entry(const member_contract& mc, bool data_contract) {
        const clr_type t = clr_type_of<M>();
        boost::json::object p;
        p["name"] = std::string(mc.cpp_name);
        p["type"] = t.name;
        p["namespace"] = t.ns;
        if (t.value_type) p["isValueType"] = true;
        if (t.is_enum) p["isEnum"] = true;
        if (!t.generic_args.empty()) {
            boost::json::array a;
            for (const std::string& g : t.generic_args) a.push_back(boost::json::string(g));
            p["genericArgs"] = std::move(a);
        }
        if (!mc.description.empty()) p["description"] = std::string(mc.description);
        if (mc.required) p["isRequired"] = true;
        const bool renamed = !mc.wire_name.empty() && mc.wire_name != mc.cpp_name;
        if (data_contract || renamed || mc.order >= 0 || !mc.emit_default) {
            boost::json::object dm;
            if (renamed) dm["name"] = std::string(mc.wire_name);
            if (mc.order >= 0) dm["order"] = mc.order;
            if (mc.required) dm["isRequired"] = true;
            if (!mc.emit_default) dm["emitDefaultValue"] = false;
            p["dataMember"] = std::move(dm);
        }
        if (mc.ignored) p["attributes"] = boost::json::array{boost::json::object{{"name", "IgnoreDataMember"}}};
        return p;
    }

    template <class E>
    static void enum_entry(boost::json::object& o) {
        constexpr auto c = contract_of<E>();
        o["implements"] = boost::json::array{};
        o["isEnum"] = true;
        if (c.is_flags) o["isEnumInt"] = true;
        boost::json::array names, values, member_values;
        bool sequential = true, renamed = false;
        std::int64_t expect = 0;
        for (const auto& e : enumerators<E>) {
            const auto v = static_cast<std::int64_t>(static_cast<std::underlying_type_t<E>>(e.value));
            sequential = sequential && v == expect++;
            renamed = renamed || e.name != e.cpp_name;
            names.push_back(boost::json::string(e.cpp_name));
            values.push_back(boost::json::string(std::to_string(v)));
            member_values.push_back(boost::json::string(e.name));
        }
        o["enumNames"] = std::move(names);
        if (c.is_flags || !sequential) o["enumValues"] = std::move(values);
        if (renamed) o["enumMemberValues"] = std::move(member_values);
    }

    metadata_options options_;
    std::vector<std::string> namespaces_;
    std::vector<std::pair<std::string, boost::json::object>> types_;
    std::set<std::string> visiting_;
    std::set<std::string> operation_types_;
    boost::json::array operations_;
};

// The document for the given request DTOs.
template <class... Requests>
std::string types_metadata_json(metadata_options options = {}) {
    types_builder b(std::move(options));
    (b.add_operation<Requests>(), ...);
    return b.json();
}

}  // namespace sstk::metadata
