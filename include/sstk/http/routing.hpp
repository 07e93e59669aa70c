// The routes of one request DTO type, from its contract: which one the C# client picks for a
// DTO value and a verb, which one a server matches for a request path, the verb a client infers,
// and the predefined routes every ServiceStack server has.
//
// Client (ServiceStack.Client/UrlExtensions.cs ToUrl, research §5.2 steps 3–4): every route is
// applied; it fails when it does not allow the verb or a non-wildcard variable is null. None
// left: "None of the given rest routes matches '<Name>' request: ...". Several: the one with
// the most variables; with as many, the shorter template; if the remaining candidates do not
// all use the same variables: "Ambiguous matching routes found for '<Name>' request: ...".
// Server (Host/RestPath.cs MatchScore, research §5.6): a matching route scores
// max(100 − wildcard parts, 1)·1000 + max(10 − variables, 1)·100 + (its only verb ? 10 : 1);
// the highest wins, the first declared on a tie.
// Predefined routes (research §5.1): /{format}/reply/{Name}, /{format}/oneway/{Name} and the
// JSON /api/{Name}; servers check them before user routes.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/route.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sstk::http {

// The DTO's routes parsed once, in contract order; a malformed one is kept as its error so the
// others still work and the error surfaces where the route would have been used.
template <class T>
const std::vector<result<route_template>>& routes_of() {
    static const std::vector<result<route_template>> routes = [] {
        std::vector<result<route_template>> v;
        for (const route_contract& r : contract_of<T>().route_list) v.push_back(route_template::try_parse(r.path));
        return v;
    }();
    return routes;
}

// The predefined routes.
template <class T>
std::string reply_path(format f) {
    return "/" + std::string(extension(is_response_format(f) ? f : format::json)) + "/reply/" + std::string(contract_of<T>().name);
}
template <class T>
std::string oneway_path(format f) {
    return "/" + std::string(extension(is_response_format(f) ? f : format::json)) + "/oneway/" + std::string(contract_of<T>().name);
}
template <class T>
std::string api_path() {
    return "/api/" + std::string(contract_of<T>().name);
}

// The verb a ServiceStack client infers for a request type (ServiceStack.Client/
// ServiceClientUtils.cs GetHttpMethod): its IVerb marker; else the one verb its routes name
// (routes with no verbs or several are not counted, HEAD is not a client verb); else what its
// AutoQuery interface implies (ICreateDb/ISaveDb → POST, IUpdateDb → PUT, IPatchDb → PATCH,
// IDeleteDb → DELETE, IQuery → GET); else none (JsonServiceClient.Send then POSTs).
template <class T>
constexpr http_verb infer_verb() {
    constexpr auto c = contract_of<T>();
    if (c.verb != http_verb::none) return c.verb;
    http_verb single = http_verb::none;
    std::size_t distinct = 0;
    for (const route_contract& r : c.route_list) {
        if (r.verbs.empty()) continue;
        http_verb v = http_verb::none;
        for (const http_verb x : {http_verb::get, http_verb::post, http_verb::put, http_verb::patch, http_verb::delete_, http_verb::options})
            if (sstk::detail::iequals(r.verbs, to_string(x))) v = x;
        if (v == http_verb::none || v == single) continue;
        single = v;
        ++distinct;
    }
    if (distinct == 1) return single;
    const auto named = [](std::string_view iface, std::string_view name) {
        const std::size_t cut = iface.find_first_of("<`");
        return iface.substr(0, cut) == name;
    };
    for (const std::string_view i : c.interface_list) {
        if (named(i, "ICreateDb") || named(i, "ISaveDb")) return http_verb::post;
        if (named(i, "IUpdateDb")) return http_verb::put;
        if (named(i, "IPatchDb")) return http_verb::patch;
        if (named(i, "IDeleteDb")) return http_verb::delete_;
        if (named(i, "IQuery") || named(i, "IQueryDb") || named(i, "IQueryData")) return http_verb::get;
    }
    return http_verb::none;
}

// The route a client picked: its index in the contract, its template and the expanded path.
struct route_choice {
    std::size_t index = 0;
    const route_template* route = nullptr;
    std::string path;
};

// The C# client's choice for `dto` sent with `verb`. Throws sstk::error: missing_member when no
// route applies (the message lists each route's reason), invalid_value when the choice is
// ambiguous or the type has no routes, syntax when a template is malformed.
template <class T>
route_choice select_route(const T& dto, std::string_view verb) {
    constexpr auto c = contract_of<T>();
    const auto& routes = routes_of<T>();
    if (routes.empty())
        throw error(errc::invalid_value, "There are no rest routes mapped for '" + std::string(c.name) + "' type.");
    struct applied {
        std::size_t index;
        std::string path;
    };
    std::vector<applied> ok;
    std::string reasons;
    for (std::size_t i = 0; i < routes.size(); ++i) {
        if (!routes[i]) throw routes[i].error();
        const route_contract& rc = c.route_list[i];
        std::string why;
        std::string path;
        if (!rc.allows(verb)) {
            why = "Allowed HTTP methods '" + std::string(rc.verbs) + "' does not support the specified '" + std::string(verb) + "' method.";
        } else if (auto fail = routes[i]->expand_into(dto, path)) {
            why = std::move(*fail);
        }
        if (why.empty()) ok.push_back({i, std::move(path)});
        else reasons += "\r\n\t" + std::string(rc.path) + ":\t" + why;
    }
    if (ok.empty())
        throw error(errc::missing_member, "None of the given rest routes matches '" + std::string(c.name) + "' request:" + reasons);

    // FindMostSpecificRoute: most variables, then the shorter template; the rest must agree on
    // the variables used.
    const auto vars = [&](const applied& a) { return routes[a.index]->variable_count(); };
    const auto len = [&](const applied& a) { return routes[a.index]->path().size(); };
    std::size_t best = 0;
    std::vector<std::size_t> others;
    for (std::size_t k = 1; k < ok.size(); ++k) {
        if (vars(ok[k]) > vars(ok[best])) {
            others.clear();
            best = k;
        } else if (vars(ok[k]) == vars(ok[best])) {
            if (len(ok[k]) < len(ok[best])) {
                others.push_back(best);
                best = k;
            } else {
                others.push_back(k);
            }
        }
    }
    for (const std::size_t k : others) {
        bool same = true;
        for (const std::string_view v : routes[ok[k].index]->variables()) same = same && routes[ok[best].index]->has_variable(v);
        if (!same) {
            std::string list;
            for (const applied& a : ok) list += "\r\n\t" + routes[a.index]->path();
            throw error(errc::invalid_value, "Ambiguous matching routes found for '" + std::string(c.name) + "' request:" + list);
        }
    }
    return route_choice{ok[best].index, &*routes[ok[best].index], std::move(ok[best].path)};
}

template <class T>
result<route_choice> try_select_route(const T& dto, std::string_view verb) {
    return capture([&] { return select_route(dto, verb); });
}

// Which kind of route a server matched.
enum class route_kind : unsigned char { declared, reply, oneway, api };

struct server_route {
    route_kind kind = route_kind::declared;
    std::size_t index = 0;               // in the contract's route list (declared routes)
    const route_template* route = nullptr;
    int score = 0;                       // RestPath.MatchScore (declared routes)
    std::optional<format> path_format;   // the {format} of /{format}/reply|oneway/; json for /api
    std::vector<route_capture> captures;
};

// RestPath.MatchScore of one route for a verb and a (suffix-free) path; -1 when it does not match.
inline int match_score(const route_contract& rc, const route_template& t, std::string_view verb, std::string_view path,
                       route_match* out = nullptr) {
    const bool any = rc.verbs.empty() || rc.verbs == "*";
    if (!any && !rc.allows(verb)) return -1;
    auto m = t.match(path);
    if (!m) return -1;
    const int wildcard = static_cast<int>(m->wildcard_match_count), variables = static_cast<int>(t.variable_count());
    int score = std::max(100 - wildcard, 1) * 1000 + std::max(10 - variables, 1) * 100;
    score += !any && sstk::detail::iequals(rc.verbs, verb) ? 10 : 1;
    if (out) *out = std::move(*m);
    return score;
}

// The route of T a server would serve `verb path` with (path without query and format suffix),
// predefined routes first; nullopt when none matches. A malformed template throws.
template <class T>
std::optional<server_route> match_route(std::string_view verb, std::string_view path, bool predefined_routes = true) {
    constexpr auto c = contract_of<T>();
    if (predefined_routes) {
        std::vector<std::string_view> seg;
        for (std::size_t i = 0; i < path.size();) {
            while (i < path.size() && path[i] == '/') ++i;
            if (i == path.size()) break;
            std::size_t e = path.find('/', i);
            if (e == std::string_view::npos) e = path.size();
            seg.push_back(path.substr(i, e - i));
            i = e;
        }
        using sstk::detail::iequals;
        if (seg.size() == 3 && iequals(seg[2], c.name)) {
            const auto f = format_from_extension(seg[0]);
            if (f && (iequals(seg[1], "reply") || iequals(seg[1], "oneway"))) {
                server_route r;
                r.kind = iequals(seg[1], "reply") ? route_kind::reply : route_kind::oneway;
                r.path_format = f;
                return r;
            }
        }
        if (seg.size() == 2 && iequals(seg[0], "api") && iequals(seg[1], c.name)) {
            server_route r;
            r.kind = route_kind::api;
            r.path_format = format::json;
            return r;
        }
    }
    const auto& routes = routes_of<T>();
    std::optional<server_route> best;
    for (std::size_t i = 0; i < routes.size(); ++i) {
        if (!routes[i]) throw routes[i].error();
        route_match m;
        const int score = match_score(c.route_list[i], *routes[i], verb, path, &m);
        if (score < 0 || (best && score <= best->score)) continue;
        best = server_route{route_kind::declared, i, &*routes[i], score, std::nullopt, std::move(m.captures)};
    }
    return best;
}

}  // namespace sstk::http
