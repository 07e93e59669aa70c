// A registry of DTO types, so that a program can find a DTO by its .NET name at run time and
// run generic code on it:
//
//   using apis = sstk::registry<sstk::apis::platform_api::platform_api_service,
//                               sstk::apis::antel_api::antel_api_service>;
//   apis::with_type("PasswordReset", [&](auto tag) {
//       using T = typename decltype(tag)::type;           // sstk::apis::platform_api::PasswordReset
//       T dto = sstk::json::read<T>(text);
//       ...
//   });
//   for (const sstk::type_info& t : apis::types()) std::cout << t.name << '\n';
//
// A service is any struct with `static constexpr std::string_view name`, `using types =
// sstk::type_list<...>` (its DTO classes), `using requests = sstk::type_list<...>` (the request
// DTOs among them: its operations) and `using enums = sstk::type_list<...>`. `sstk-codegen
// --registry` writes one next to each DTO header (<service>_registry.hpp); one is as easy to
// write by hand for hand-written DTOs.
//
// Everything a type_info says comes from the DTO's contract (contract.hpp), so the registry is
// core-layer code: it knows no codec. The generic code a caller dispatches to (with_type) is
// where codecs get instantiated, so that cost is paid by the program that asks for it.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/type_name.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk {

template <class... T>
struct type_list {
    static constexpr std::size_t size = sizeof...(T);
};

enum class type_kind : unsigned char {
    request,      // an operation: a request DTO of the service
    dto,          // any other class: responses, nested types, bases
    enumeration,  // listed only; with_type does not dispatch to enums
};

constexpr std::string_view to_string(type_kind k) noexcept {
    switch (k) {
    case type_kind::request: return "request";
    case type_kind::dto: return "dto";
    case type_kind::enumeration: return "enum";
    }
    return "";
}

// What the registry knows about one type: names, and for a request its operation facts.
struct type_info {
    std::string_view service;             // the service's name (`platform_api`)
    std::string_view name;                // .NET name (`PasswordReset`)
    std::string_view clr_namespace;       // `Eros.Subtle.Canvara.WebAPIModel.ServiceModel`
    std::string_view cpp_name;            // `sstk::apis::platform_api::PasswordReset`
    type_kind kind = type_kind::dto;
    std::string_view response{};          // IReturn<T>'s .NET name; empty when none is declared
    std::string_view response_namespace{};
    bool returns_void = false;            // IReturnVoid
    http_verb verb = http_verb::none;     // IGet, IPost, ... marker
    std::span<const route_contract> routes{};
    std::string_view summary{};
    std::size_t index = npos;             // position among the dispatchable classes; npos for enums

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // `Namespace.Name`, as INDEX.tsv files and DataContract root types name it.
    std::string full_name() const {
        std::string s(clr_namespace);
        if (!s.empty()) s += '.';
        s += name;
        return s;
    }
};

// The outcome of a lookup by name: one match, none, or several (then `candidates` lists them).
struct type_lookup {
    const type_info* match = nullptr;
    std::vector<const type_info*> candidates;

    explicit operator bool() const noexcept { return match != nullptr; }
    bool ambiguous() const noexcept { return match == nullptr && candidates.size() > 1; }
};

namespace detail {

template <class T>
inline constexpr auto registry_contract_v = contract_of<T>();

template <class S, class T>
struct registry_entry {
    using service = S;
    using type = T;
};

template <class S, class L>
struct registry_entries;
template <class S, class... T>
struct registry_entries<S, type_list<T...>> {
    using type = boost::mp11::mp_list<registry_entry<S, T>...>;
};

template <class L>
struct as_mp_list;
template <class... T>
struct as_mp_list<type_list<T...>> {
    using type = boost::mp11::mp_list<T...>;
};

constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// `Ns.Name` == a qualified spelling split at `sep` ("." or "::")?
inline bool qualified_equals(std::string_view qualified, std::string_view ns, std::string_view sep,
                             std::string_view name) {
    return qualified.size() == ns.size() + sep.size() + name.size() && qualified.substr(0, ns.size()) == ns &&
           qualified.substr(ns.size(), sep.size()) == sep && qualified.substr(ns.size() + sep.size()) == name;
}

template <class E, bool IsEnum>
constexpr type_info make_type_info(std::size_t index, bool is_request) {
    using T = typename E::type;
    constexpr auto& c = registry_contract_v<T>;
    type_info info;
    info.service = E::service::name;
    info.name = c.name;
    info.clr_namespace = c.clr_ns;
    info.cpp_name = qualified_type_name<T>();
    if constexpr (IsEnum) {
        info.kind = type_kind::enumeration;
    } else {
        info.index = index;
        using R = typename std::remove_cvref_t<decltype(c)>::response_type;
        info.kind = is_request || !c.route_list.empty() || !std::is_same_v<R, no_response> ? type_kind::request
                                                                                           : type_kind::dto;
        if constexpr (std::is_same_v<R, void_response>) {
            info.returns_void = true;
        } else if constexpr (!std::is_same_v<R, no_response>) {
            info.response = registry_contract_v<R>.name;
            info.response_namespace = registry_contract_v<R>.clr_ns;
        }
        info.verb = c.verb;
        info.routes = std::span<const route_contract>(c.route_list.data(), c.route_list.size());
        info.summary = c.summary;
    }
    return info;
}

}  // namespace detail

// The types of several services, found by name, listed, and dispatched to generic code.
template <class... Services>
class registry {
    using classes = boost::mp11::mp_append<boost::mp11::mp_list<>,
                                           typename detail::registry_entries<Services, typename Services::types>::type...>;
    using enums = boost::mp11::mp_append<boost::mp11::mp_list<>,
                                         typename detail::registry_entries<Services, typename Services::enums>::type...>;
    using requests = boost::mp11::mp_append<boost::mp11::mp_list<>,
                                            typename detail::as_mp_list<typename Services::requests>::type...>;

    static constexpr std::size_t class_count = boost::mp11::mp_size<classes>::value;
    static constexpr std::size_t enum_count = boost::mp11::mp_size<enums>::value;

    template <std::size_t... I, std::size_t... J>
    static constexpr std::array<type_info, class_count + enum_count> build(std::index_sequence<I...>,
                                                                           std::index_sequence<J...>) {
        return {{detail::make_type_info<boost::mp11::mp_at_c<classes, I>, false>(
                     I, boost::mp11::mp_contains<requests, typename boost::mp11::mp_at_c<classes, I>::type>::value)...,
                 detail::make_type_info<boost::mp11::mp_at_c<enums, J>, true>(type_info::npos, false)...}};
    }

    static constexpr std::array<type_info, class_count + enum_count> infos_ =
        build(std::make_index_sequence<class_count>{}, std::make_index_sequence<enum_count>{});

public:
    // Every registered type: the classes (in service order, then declaration order), then the enums.
    static constexpr std::span<const type_info> types() noexcept { return infos_; }

    static constexpr std::array<std::string_view, sizeof...(Services)> services() noexcept {
        return {Services::name...};
    }

    // Finds a type by its .NET name (`PasswordReset`), its full CLR name
    // (`Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordReset`), `service.Name`
    // (`platform_api.PasswordReset`) or its C++ name. A name several types share is ambiguous
    // (candidates lists them); an exact spelling wins over one that differs only in case.
    static type_lookup lookup(std::string_view name) {
        type_lookup r;
        for (int pass = 0; pass < 2 && r.candidates.empty(); ++pass) {
            for (const type_info& t : infos_) {
                const bool hit =
                    pass == 0 ? (t.name == name || detail::qualified_equals(name, t.clr_namespace, ".", t.name) ||
                                 detail::qualified_equals(name, t.service, ".", t.name) || t.cpp_name == name)
                              : (detail::ascii_iequals(t.name, name) || detail::ascii_iequals(t.full_name(), name));
                if (hit) r.candidates.push_back(&t);
            }
        }
        if (r.candidates.size() == 1) r.match = r.candidates.front();
        return r;
    }

    // Calls f(sstk::type_tag<T>{}) for the class `info` describes and returns what f returns
    // (f must return the same type for every T). `info` must come from this registry and must
    // not be an enum (info.index != npos).
    template <class F>
    static decltype(auto) with_type(const type_info& info, F&& f) {
        return boost::mp11::mp_with_index<class_count>(info.index, [&](auto i) -> decltype(auto) {
            using E = boost::mp11::mp_at_c<classes, decltype(i)::value>;
            return f(type_tag<typename E::type>{});
        });
    }

    // Looks `name` up and calls f(sstk::type_tag<T>{}) for the one class it names. False (f not
    // called) when the name is unknown, ambiguous or an enum.
    template <class F>
    static bool with_type(std::string_view name, F&& f) {
        const type_lookup r = lookup(name);
        if (!r.match || r.match->index == type_info::npos) return false;
        with_type(*r.match, [&](auto tag) { f(tag); });
        return true;
    }

    // Calls f(sstk::type_tag<T>{}, info) for every registered class, in types() order.
    template <class F>
    static void for_each_type(F&& f) {
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<class_count>>([&](auto i) {
            using E = boost::mp11::mp_at_c<classes, decltype(i)::value>;
            f(type_tag<typename E::type>{}, infos_[decltype(i)::value]);
        });
    }

    // The registered response type of a request, or nullptr.
    static const type_info* response_of(const type_info& request) {
        if (request.response.empty()) return nullptr;
        for (const type_info& t : infos_)
            if (t.name == request.response && t.clr_namespace == request.response_namespace && t.service == request.service)
                return &t;
        for (const type_info& t : infos_)
            if (t.name == request.response && t.clr_namespace == request.response_namespace) return &t;
        return nullptr;
    }
};

}  // namespace sstk
