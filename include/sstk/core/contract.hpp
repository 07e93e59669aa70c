// DTO contract metadata: the one customization point through which a DTO tells sstk what
// .NET attributes would tell ServiceStack — its .NET name and namespace, whether it is a
// [DataContract], per member [DataMember(Name, Order, EmitDefaultValue, IsRequired)] and
// [ApiMember(Description)], and per request DTO its [Route]s, IReturn<T> / IReturnVoid and
// verb marker interfaces.
//
// A contract is declared next to the DTO, in the DTO's own namespace, as a constexpr function
// found by argument-dependent lookup (codegen writes these; they are as easy to write by hand):
//
//   constexpr auto sstk_contract(sstk::type_tag<ResetPassword>) {
//       return sstk::contract("ResetPassword")
//           .clr_namespace("WebService.ServiceModel")
//           .returns<ResetPasswordResponse>()
//           .routes(sstk::route("/user/password/reset", "POST"))
//           .members(sstk::member("Password").is_required().describe("Plain text new user password"));
//   }
//
// For a class template, declare a function template: `template <class T> constexpr auto
// sstk_contract(sstk::type_tag<QueryResponse<T>>)`. A DTO without a contract gets defaults:
// its C++ name, its C++ namespace with "::" as ".", POCO rules, no routes.
#pragma once

#include <sstk/core/type_name.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace sstk {

template <class T>
struct type_tag {
    using type = T;
};

// Marker response types: no IReturn<T> declared, or IReturnVoid.
struct no_response {};
struct void_response {};

// ServiceStack's verb marker interfaces (IGet, IPost, IPut, IDelete, IPatch, IOptions).
enum class http_verb : std::uint8_t { none, get, post, put, delete_, patch, options, head };

constexpr std::string_view to_string(http_verb v) noexcept {
    switch (v) {
    case http_verb::get: return "GET";
    case http_verb::post: return "POST";
    case http_verb::put: return "PUT";
    case http_verb::delete_: return "DELETE";
    case http_verb::patch: return "PATCH";
    case http_verb::options: return "OPTIONS";
    case http_verb::head: return "HEAD";
    case http_verb::none: break;
    }
    return "";
}

// [DataMember]/[ApiMember] facts about one member, keyed by the C++ member name.
struct member_contract {
    std::string_view cpp_name;
    std::string_view wire_name{};    // [DataMember(Name=...)]; empty: the C++ name. Never re-cased.
    int order = -1;                  // [DataMember(Order=...)]; -1 when unspecified, as in .NET
    bool emit_default = true;        // [DataMember(EmitDefaultValue=false)] clears it
    bool required = false;           // [DataMember(IsRequired=true)] / [ApiMember(IsRequired=true)]
    bool ignored = false;            // [IgnoreDataMember], or not a [DataMember] of a [DataContract]
    std::string_view description{};  // [ApiMember(Description=...)]

    constexpr member_contract rename(std::string_view name) const { auto c = *this; c.wire_name = name; return c; }
    constexpr member_contract with_order(int n) const { auto c = *this; c.order = n; return c; }
    constexpr member_contract emit_default_value(bool b) const { auto c = *this; c.emit_default = b; return c; }
    constexpr member_contract is_required(bool b = true) const { auto c = *this; c.required = b; return c; }
    constexpr member_contract ignore() const { auto c = *this; c.ignored = true; return c; }
    constexpr member_contract describe(std::string_view text) const { auto c = *this; c.description = text; return c; }
};

constexpr member_contract member(std::string_view cpp_name) { return member_contract{cpp_name}; }

// A [Route(path, verbs)]. `verbs` is ServiceStack's spelling: "GET", "GET,POST", "GET POST",
// or empty for any verb.
struct route_contract {
    std::string_view path;
    std::string_view verbs{};
    std::string_view summary{};
    std::string_view notes{};

    constexpr route_contract with_summary(std::string_view s) const { auto c = *this; c.summary = s; return c; }
    constexpr route_contract with_notes(std::string_view s) const { auto c = *this; c.notes = s; return c; }

    // Whether `verb` (upper case, e.g. "POST") is allowed; "ANY" and an empty list allow all.
    constexpr bool allows(std::string_view verb) const noexcept {
        if (verbs.empty()) return true;
        std::size_t i = 0;
        while (i < verbs.size()) {
            while (i < verbs.size() && (verbs[i] == ',' || verbs[i] == ' ')) ++i;
            std::size_t j = i;
            while (j < verbs.size() && verbs[j] != ',' && verbs[j] != ' ') ++j;
            const std::string_view v = verbs.substr(i, j - i);
            if (!v.empty() && (equals_upper(v, verb) || equals_upper(v, "ANY"))) return true;
            i = j;
        }
        return false;
    }

private:
    static constexpr bool equals_upper(std::string_view a, std::string_view b) noexcept {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            char c = a[i];
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (c != b[i]) return false;
        }
        return true;
    }
};

constexpr route_contract route(std::string_view path, std::string_view verbs = {}) { return route_contract{path, verbs}; }

// The contract of one DTO type. Response is the IReturn<T> type, void_response for IReturnVoid,
// no_response when neither is declared. Built with the chainable constexpr setters below.
template <class Response = no_response, std::size_t NMembers = 0, std::size_t NRoutes = 0, std::size_t NInterfaces = 0>
struct contract_def {
    using response_type = Response;

    std::string_view name{};            // .NET type name without generic arity (`QueryResponse`)
    std::string_view clr_ns{};          // CLR namespace (`WebService.ServiceModel`)
    std::string_view xml_ns{};          // [DataContract(Namespace)] or [ContractNamespace]; empty: derived
    bool has_xml_ns = false;            // distinguishes Namespace="" from "not given"
    bool is_data_contract = false;      // [DataContract]
    std::string_view summary{};         // [Api(Description)] / [Description]
    http_verb verb = http_verb::none;   // IGet / IPost / ... marker
    std::array<member_contract, NMembers> member_list{};
    std::array<route_contract, NRoutes> route_list{};
    std::array<std::string_view, NInterfaces> interface_list{};  // other implemented interfaces, by .NET name

    constexpr contract_def clr_namespace(std::string_view ns) const { auto c = *this; c.clr_ns = ns; return c; }
    constexpr contract_def xml_namespace(std::string_view ns) const { auto c = *this; c.xml_ns = ns; c.has_xml_ns = true; return c; }
    constexpr contract_def data_contract(bool b = true) const { auto c = *this; c.is_data_contract = b; return c; }
    constexpr contract_def describe(std::string_view text) const { auto c = *this; c.summary = text; return c; }
    constexpr contract_def verb_marker(http_verb v) const { auto c = *this; c.verb = v; return c; }

    template <class R>
    constexpr contract_def<R, NMembers, NRoutes, NInterfaces> returns() const {
        return {name, clr_ns, xml_ns, has_xml_ns, is_data_contract, summary, verb, member_list, route_list, interface_list};
    }
    constexpr contract_def<void_response, NMembers, NRoutes, NInterfaces> returns_void() const {
        return returns<void_response>();
    }
    template <class... M>
    constexpr contract_def<Response, sizeof...(M), NRoutes, NInterfaces> members(M... m) const {
        static_assert((std::is_same_v<M, member_contract> && ...), "members() takes sstk::member(...) values");
        return {name, clr_ns, xml_ns, has_xml_ns, is_data_contract, summary, verb, {m...}, route_list, interface_list};
    }
    template <class... R>
    constexpr contract_def<Response, NMembers, sizeof...(R), NInterfaces> routes(R... r) const {
        static_assert((std::is_same_v<R, route_contract> && ...), "routes() takes sstk::route(...) values");
        return {name, clr_ns, xml_ns, has_xml_ns, is_data_contract, summary, verb, member_list, {r...}, interface_list};
    }
    template <class... I>
    constexpr contract_def<Response, NMembers, NRoutes, sizeof...(I)> implements(I... i) const {
        return {name, clr_ns, xml_ns, has_xml_ns, is_data_contract, summary, verb, member_list, route_list,
                {std::string_view(i)...}};
    }
};

// Starts a contract: `sstk::contract("ResetPassword")`.
constexpr contract_def<> contract(std::string_view dotnet_name) {
    contract_def<> c;
    c.name = dotnet_name;
    return c;
}

// [EnumMember(Value=...)] for one enumerator, keyed by its C++ name.
struct enumerator_contract {
    std::string_view cpp_name;
    std::string_view wire_name;
};

constexpr enumerator_contract enumerator(std::string_view cpp_name, std::string_view wire_name) {
    return enumerator_contract{cpp_name, wire_name};
}

// The contract of an enum: its .NET name and namespace, [Flags], and renamed enumerators.
// Declared through the same customization point: `constexpr auto sstk_contract(sstk::type_tag<Color>)
// { return sstk::enum_contract("Color").flags(); }`.
template <std::size_t NValues = 0>
struct enum_contract_def {
    std::string_view name{};
    std::string_view clr_ns{};
    std::string_view xml_ns{};
    bool has_xml_ns = false;
    bool is_flags = false;
    std::array<enumerator_contract, NValues> value_list{};

    constexpr enum_contract_def clr_namespace(std::string_view ns) const { auto c = *this; c.clr_ns = ns; return c; }
    constexpr enum_contract_def xml_namespace(std::string_view ns) const { auto c = *this; c.xml_ns = ns; c.has_xml_ns = true; return c; }
    constexpr enum_contract_def flags(bool b = true) const { auto c = *this; c.is_flags = b; return c; }
    template <class... V>
    constexpr enum_contract_def<sizeof...(V)> values(V... v) const {
        static_assert((std::is_same_v<V, enumerator_contract> && ...), "values() takes sstk::enumerator(...) values");
        return {name, clr_ns, xml_ns, has_xml_ns, is_flags, {v...}};
    }
};

constexpr enum_contract_def<> enum_contract(std::string_view dotnet_name) {
    enum_contract_def<> c;
    c.name = dotnet_name;
    return c;
}

namespace detail {
template <class T>
concept has_declared_contract = requires { sstk_contract(type_tag<T>{}); };
}  // namespace detail

// The declared contract of T, or the defaults.
template <class T>
constexpr auto contract_of() {
    if constexpr (detail::has_declared_contract<T>) {
        constexpr auto c = sstk_contract(type_tag<T>{});
        if constexpr (c.name.empty()) {
            auto d = c;
            d.name = unqualified_type_name<T>();
            return d;
        } else {
            return c;
        }
    } else if constexpr (std::is_enum_v<T>) {
        return enum_contract(unqualified_type_name<T>()).clr_namespace(dotted_namespace_of<T>::value);
    } else {
        return contract(unqualified_type_name<T>()).clr_namespace(dotted_namespace_of<T>::value);
    }
}

// IReturn<T>: the response DTO type of a request (no_response or void_response otherwise).
template <class Request>
using response_type_t = typename decltype(contract_of<Request>())::response_type;

template <class Request>
inline constexpr bool returns_void = std::is_same_v<response_type_t<Request>, void_response>;

template <class Request>
inline constexpr bool has_response_type =
    !std::is_same_v<response_type_t<Request>, no_response> && !std::is_same_v<response_type_t<Request>, void_response>;

}  // namespace sstk
