// The server side of a request: a raw HTTP request (verb, target, headers, body) bound onto the
// request DTO the way a ServiceStack server binds it (ServiceStack/Host/RestHandler.cs
// CreateRequest, Host/RestPath.cs CreateRequest, research §5.4):
//
//   auto b = sstk::http::bind_request<GetResetPasswordToken>(req);   // throws sstk::error
//   b.dto.UserName; b.response_format;                             // answer in this format
//
//  1. the route: the predefined /{format}/reply|oneway/{Name} and /api/{Name}, else the best
//     scoring [Route] of the type for the verb and the path (format suffix removed);
//  2. the body, in the format of its Content-Type (JSON, XML, JSV, CSV);
//  3. then, each overriding the one before member by member: path variables < query string <
//     form body (`path variables < query string < form data`, RestPath.CreateRequest). Those
//     are text bound as the server's StringMapTypeDeserializer binds it (sstk::query::read):
//     strings verbatim, everything else parsed as JSV.
// The response format is negotiated as ServiceStack does (negotiation.hpp); a predefined route
// answers in its own format (/api in JSON).
// Failures are sstk::errors: no route of the type matches (invalid_value), a body whose
// Content-Type sstk cannot read (unsupported), a path variable naming no member
// (missing_member), and codec errors with "query string: ", "path: " or the body's media type
// before the message.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/http/body.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/negotiation.hpp>
#include <sstk/http/routing.hpp>
#include <sstk/query.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sstk::http {

struct bind_options {
    negotiation_options negotiation{};
    body_read_options read{};
    bool predefined_routes = true;  // /{format}/reply/{Name}, /{format}/oneway/{Name}, /api/{Name}
};

template <class T>
struct bound_request {
    T dto{};
    format response_format = format::json;
    format_source response_format_source = format_source::fallback;
    std::optional<format> body_format;  // nullopt: no body
    server_route route;
};

namespace detail {

// Binds `text` (k=v&...) over `out`: only the members it names change.
template <class T>
void overlay(T& out, std::string_view text, const query::read_options& o, std::string_view context) {
    if (text.empty()) return;
    T tmp{};
    try {
        query::read(text, tmp, o);
    } catch (const error& e) {
        throw with_context(e, context);
    }
    std::vector<bool> named(member_lookup<T>::size, false);
    for (std::size_t i = 0; i <= text.size();) {
        std::size_t end = text.find('&', i);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view pair = text.substr(i, end - i);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos) {  // `k` alone is null: it binds nothing
            std::string key;
            query::percent_decode(key, pair.substr(0, eq), o.plus_as_space);
            if (const std::size_t b = key.find('['); b != std::string::npos && b > 0) key.resize(b);
            if (const std::size_t m = member_lookup<T>::find(key); m < named.size()) named[m] = true;
        }
        i = end + 1;
    }
    for (std::size_t m = 0; m < named.size(); ++m)
        if (named[m]) visit_member<T>(m, [&](auto info) { decltype(info)::get(out) = std::move(decltype(info)::get(tmp)); });
}

}  // namespace detail

template <class T>
bound_request<T> bind_request(const request& req, const bind_options& o = {}) {
    static_assert(described_class<T>, "bind_request binds onto a request DTO (a described struct)");
    static constexpr auto c = contract_of<T>();  // static: not copied to the stack on every request
    const negotiated n = negotiate(req, o.negotiation);
    bound_request<T> b;
    b.response_format = n.response;
    b.response_format_source = n.source;

    auto route = match_route<T>(req.verb, n.path, o.predefined_routes);
    if (!route) {
        std::string known;
        for (const route_contract& r : c.route_list) known += "\n\t" + std::string(r.verbs.empty() ? "ANY" : r.verbs) + " " + std::string(r.path);
        throw error(errc::invalid_value, "no route of '" + std::string(c.name) + "' matches " + req.verb + " " + std::string(n.path) +
                                             (known.empty() ? std::string(" (it declares no routes)") : ":" + known));
    }
    if (route->path_format) {
        b.response_format = *route->path_format;
        b.response_format_source = format_source::predefined_route;
    }
    // A wildcard route binds the path as sent, format suffix included (RestHandler.CreateRequest).
    if (route->route && route->route->has_wildcard() && n.path.size() != req.path().size())
        if (auto full = route->route->match(req.path())) route->captures = std::move(full->captures);

    std::string_view form;
    if (!req.body.empty()) {
        const auto ct = req.header("Content-Type");
        b.body_format = n.request ? n.request : !ct && route->path_format ? route->path_format : std::nullopt;
        if (!b.body_format)
            throw error(errc::unsupported, "cannot read a request body of Content-Type '" + std::string(ct.value_or("")) +
                                               "' (application/json, application/xml, text/jsv, text/csv or "
                                               "application/x-www-form-urlencoded)");
        if (*b.body_format == format::form) form = req.body;
        else read_body(req.body, b.dto, *b.body_format, o.read);
    }

    std::string from_path;
    for (const route_capture& cap : route->captures) {
        if (!cap.value) continue;
        if (member_lookup<T>::find(cap.name) == member_lookup<T>::size) {
            if (sstk::detail::iequals(cap.name, "ignore")) continue;  // Keywords.Ignore: a placeholder
            throw error(errc::missing_member, "Could not find property " + cap.name + " on " + std::string(c.name));
        }
        if (!from_path.empty()) from_path += '&';
        query::escape_data_string(from_path, cap.name);
        from_path += '=';
        query::escape_data_string(from_path, *cap.value);
    }
    query::read_options path_options = o.read.form;
    path_options.plus_as_space = false;
    detail::overlay(b.dto, from_path, path_options, "path: ");
    detail::overlay(b.dto, req.query(), o.read.form, "query string: ");
    detail::overlay(b.dto, form, o.read.form, "application/x-www-form-urlencoded body: ");
    b.route = std::move(*route);
    return b;
}

template <class T>
result<bound_request<T>> try_bind_request(const request& req, const bind_options& o = {}) {
    return capture([&] { return bind_request<T>(req, o); });
}

}  // namespace sstk::http
