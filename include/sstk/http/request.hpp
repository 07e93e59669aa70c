// A request DTO as the HTTP request a ServiceStack client sends for it:
//
//   auto r = sstk::http::request_for(dto, sstk::http::format::json);
//   // r.verb "POST", r.target "/user/password/reset", r.headers {Accept, Content-Type}, r.body "{...}"
//
// Verb: request_options::verb, else the one the client infers (IVerb marker, a single route
// verb, AutoQuery interface: infer_verb), else POST — JsonServiceClient.Send(dto) POSTs what it
// cannot infer (ServiceStack.Client/ServiceClientBase.cs SendAsync: `httpMethod =
// DefaultHttpMethod`, HttpMethods.Post).
// Target: per request_options::endpoint; by default the [Route] the C# client picks for that
// verb (routing.hpp), or /{format}/reply/{Name} when the type has none (ToUrl's fallback).
// GET, DELETE, HEAD and OPTIONS put the DTO in the query string the C# client builds (keys
// camelCase, members used in the path left out, research §5.2 step 6); other verbs put it in
// the body, in the chosen format (a form body as QueryStringSerializer writes it).
// Path variables in the body: the C# client serializes the whole DTO, path variables included,
// and a ServiceStack server binds the path over the body anyway; that is the default. With
// path_variables_in_body = false they are reset to their default first (null, so the text
// formats leave them out; a non-nullable value type still writes its default).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/http/body.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/routing.hpp>
#include <sstk/query.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sstk::http {

// Which URL the request goes to.
enum class endpoint : unsigned char {
    route,  // the [Route] for the verb, as client.Get/Post/Put/...(dto); none declared: /{format}/reply/{Name}
    send,   // JsonServiceClient.Send(dto): `route` when a verb was given or inferred, else POST /{format}/reply/{Name}
    reply,  // always the predefined /{format}/reply/{Name}
    api,    // always /api/{Name} (JsonApiClient, and the TypeScript and Python clients)
};

struct request_options {
    std::optional<http_verb> verb;                // nullopt: inferred, else POST
    http::endpoint endpoint = http::endpoint::route;
    bool path_variables_in_body = true;           // the C# client sends the whole DTO
    std::optional<format> accept;                 // response format asked for; nullopt: the body's (JSON for a form)
    body_write_options body = body_write_options::client();
    query::write_options query{};                 // the C# client's query string (style::client)
};

namespace detail {

// The wire names of the members a route's variables name (for the query writer's `exclude`).
template <class T>
std::vector<std::string_view> path_members(const route_template* route) {
    std::vector<std::string_view> names;
    if (!route) return names;
    for (const std::string_view v : route->variables()) {
        const std::size_t m = member_lookup<T>::find(v);
        if (m != member_lookup<T>::size) names.push_back(member_lookup<T>::names[m]);
    }
    return names;
}

}  // namespace detail

// Throws sstk::error when no route fits (see select_route) or a codec fails.
template <class T>
request request_for(const T& dto, format f, const request_options& o = {}) {
    static_assert(described_class<T>, "request_for takes a request DTO (a described struct)");
    const http_verb inferred = infer_verb<T>();
    const bool known_verb = o.verb.has_value() || inferred != http_verb::none;
    const http_verb verb = o.verb ? *o.verb : inferred != http_verb::none ? inferred : http_verb::post;

    request r;
    r.verb = std::string(to_string(verb));
    const route_template* used = nullptr;
    const endpoint ep = o.endpoint == endpoint::send ? (known_verb ? endpoint::route : endpoint::reply) : o.endpoint;
    if (ep == endpoint::route && !contract_of<T>().route_list.empty()) {
        route_choice c = select_route(dto, r.verb);
        used = c.route;
        r.target = std::move(c.path);
    } else if (ep == endpoint::api) {
        r.target = api_path<T>();
    } else {
        r.target = reply_path<T>(f);
    }

    const std::vector<std::string_view> in_path = detail::path_members<T>(used);
    if (!has_request_body(verb)) {
        query::write_options qo = o.query;
        qo.exclude = in_path;
        std::string qs = query::write(dto, qo);
        if (!qs.empty()) r.target += '?' + qs;
    } else if (o.path_variables_in_body || in_path.empty()) {
        write_body(r.body, dto, f, o.body);
    } else {
        T stripped = dto;
        for (const std::string_view name : in_path)
            visit_member<T>(member_lookup<T>::find(name), [&](auto m) {
                using M = decltype(m);
                M::get(stripped) = typename M::value_type{};
            });
        write_body(r.body, stripped, f, o.body);
    }

    const format accept = o.accept ? *o.accept : is_response_format(f) ? f : format::json;
    r.headers.push_back({"Accept", std::string(mime_type(accept))});
    if (has_request_body(verb)) r.headers.push_back({"Content-Type", std::string(mime_type(f))});
    return r;
}

template <class T>
result<request> try_request_for(const T& dto, format f, const request_options& o = {}) {
    return capture([&] { return request_for(dto, f, o); });
}

}  // namespace sstk::http
