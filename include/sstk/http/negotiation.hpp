// Content negotiation as a ServiceStack server does it: which format a request body is in, and
// which format the response must be written in.
//
// The request body is read in the format its Content-Type names, nothing else.
// The response format is the first of (ServiceStack/src/ServiceStack: Host/RestHandler.cs
// FindMatchingRestPath, HttpRequestExtensions.cs GetQueryStringContentType and
// GetResponseContentType, HostConfig.cs defaults):
//  1. a `.json`/`.xml`/`.jsv`/`.csv` suffix on the path (AllowRouteContentTypeExtensions; it is
//     assigned to ResponseContentType outright, so it beats everything below) — the suffix is
//     taken off the path before routes are matched;
//  2. `?callback=` (JSONP) → JSON; else `?format=json` (text before a '.' , any case); only when
//     there is no `format` parameter at all, a 3–4 letter first path segment naming a format
//     (`/xml/reply/Hello`);
//  3. Accept: ServiceStack ignores q-values; it scans the entries in order for its
//     PreferredContentTypes [text/html, application/json, application/xml, text/jsv] (prefix
//     match), returns at once one that equals the request's Content-Type, else the first
//     preferred type in *that* list's order which appeared (`Accept: application/xml,
//     application/json` gives JSON); then `*/*` gives the request's Content-Type (a form post
//     counts as none) or the default; then the other registered types (text/csv) in Accept order;
//  4. the default (DefaultContentType; JSON).
// sstk differs only where it must: text/html is not a format here, so an Accept entry for it is
// passed over; media types compare case-insensitively (RFC 9110) where ServiceStack's StartsWith
// is ordinal. negotiation_options::honour_q_values switches step 3 to RFC 9110 (§12.5.1) rules
// for peers that are not ServiceStack.
#pragma once

#include <sstk/core/member_lookup.hpp>
#include <sstk/http/format.hpp>
#include <sstk/http/message.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sstk::http {

struct negotiation_options {
    bool allow_route_extensions = true;    // HostConfig.AllowRouteContentTypeExtensions
    bool honour_q_values = false;          // false: ServiceStack's order; true: RFC 9110 q-values
    format default_format = format::json;  // HostConfig.DefaultContentType
};

// Which rule chose the response format.
enum class format_source : unsigned char { extension, jsonp_callback, query_format, predefined_route, accept, content_type, fallback };

struct negotiated {
    format response = format::json;
    format_source source = format_source::fallback;
    std::optional<format> request;  // the body's format (from Content-Type); nullopt: none or unknown
    std::string_view path;          // the request path, the format suffix taken off
};

namespace detail {

// The decoded value of the first query parameter named `key` (case-insensitive, as
// NameValueCollection looks it up); nullopt when absent or not decodable.
inline std::optional<std::string> query_param(std::string_view query, std::string_view key) {
    const auto decode = [](std::string_view s) -> std::optional<std::string> {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '+') {
                out += ' ';
            } else if (s[i] == '%') {
                if (i + 2 >= s.size()) return std::nullopt;
                const auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
                const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
                if (hi < 0 || lo < 0) return std::nullopt;
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
            } else {
                out += s[i];
            }
        }
        return out;
    };
    std::size_t i = 0;
    while (i <= query.size()) {
        std::size_t end = query.find('&', i);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view pair = query.substr(i, end - i);
        const std::size_t eq = pair.find('=');
        const auto k = decode(pair.substr(0, eq));
        if (k && sstk::detail::iequals(*k, key)) return eq == std::string_view::npos ? std::optional<std::string>("") : decode(pair.substr(eq + 1));
        i = end + 1;
    }
    return std::nullopt;
}

constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && sstk::detail::iequals(s.substr(0, prefix.size()), prefix);
}

struct accept_entry {
    std::string_view type;
    double q = 1.0;
};

inline std::vector<accept_entry> parse_accept(std::string_view accept) {
    std::vector<accept_entry> out;
    std::size_t i = 0;
    while (i <= accept.size()) {
        std::size_t end = accept.find(',', i);
        if (end == std::string_view::npos) end = accept.size();
        const std::string_view item = accept.substr(i, end - i);
        accept_entry e{media_type(item)};
        // q parameter: "q=0.5" among the ;-separated parameters.
        for (std::size_t p = item.find(';'); p != std::string_view::npos; p = item.find(';', p + 1)) {
            std::string_view param = media_type(item.substr(p + 1));
            if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
                double q = 0, scale = 1;
                bool frac = false, ok = param.size() > 2;
                for (const char c : param.substr(2)) {
                    if (c == '.' && !frac) frac = true;
                    else if (c >= '0' && c <= '9') {
                        if (frac) { scale /= 10; q += (c - '0') * scale; }
                        else q = q * 10 + (c - '0');
                    } else { ok = false; break; }
                }
                if (ok) e.q = std::min(q, 1.0);
            }
        }
        if (!e.type.empty()) out.push_back(e);
        i = end + 1;
    }
    return out;
}

// The format Accept picks, and whether it was picked through `*/*` (the request's own format or
// the default) rather than named.
inline std::optional<std::pair<format, format_source>> from_accept(std::string_view accept, std::optional<format> content_type,
                                                                   const negotiation_options& o) {
    using picked = std::pair<format, format_source>;
    bool accepts_anything = false;
    std::vector<accept_entry> entries = parse_accept(accept);
    // The request's own format, a form post counting as none (GetResponseContentType).
    // A flag and a value rather than an optional: g++ -O1 misreads the optional as maybe-uninitialized.
    const bool has_own = content_type.has_value() && is_response_format(*content_type);
    const format own_format = has_own ? *content_type : o.default_format;
    if (o.honour_q_values) {
        std::stable_sort(entries.begin(), entries.end(), [](const accept_entry& a, const accept_entry& b) { return a.q > b.q; });
        for (const accept_entry& e : entries) {
            if (e.q <= 0) continue;
            if (e.type == "*/*") return has_own ? picked{own_format, format_source::content_type} : picked{o.default_format, format_source::fallback};
            if (const auto f = format_from_content_type(e.type); f && is_response_format(*f)) return picked{*f, format_source::accept};
            const bool app = sstk::detail::iequals(e.type, "application/*"), text = sstk::detail::iequals(e.type, "text/*");
            if (app || text) {
                const bool own_fits = has_own && (app ? (own_format == format::json || own_format == format::xml)
                                                      : (own_format == format::jsv || own_format == format::csv));
                return picked{own_fits ? own_format : app ? format::json : format::jsv, format_source::accept};
            }
        }
        return std::nullopt;
    }
    static constexpr std::pair<std::string_view, format> preferred[] = {
        {"application/json", format::json}, {"application/xml", format::xml}, {"text/jsv", format::jsv}};
    bool seen[3] = {false, false, false};
    for (const accept_entry& e : entries) {
        accepts_anything = accepts_anything || e.type == "*/*";
        for (std::size_t i = 0; i < 3; ++i) {
            if (seen[i]) continue;
            seen[i] = istarts_with(e.type, preferred[i].first);
            if (seen[i] && has_own && own_format == preferred[i].second) return picked{own_format, format_source::accept};  // the request's own type first
        }
    }
    for (std::size_t i = 0; i < 3; ++i)
        if (seen[i]) return picked{preferred[i].second, format_source::accept};
    if (accepts_anything) return has_own ? picked{own_format, format_source::content_type} : picked{o.default_format, format_source::fallback};
    for (const accept_entry& e : entries)
        if (istarts_with(e.type, mime_type(format::csv))) return picked{format::csv, format_source::accept};
    return std::nullopt;
}

}  // namespace detail

// Negotiates from the parts of a request: its target (path + query), Content-Type and Accept
// (either may be absent). The returned path views `target`.
inline negotiated negotiate(std::string_view target, std::optional<std::string_view> content_type,
                            std::optional<std::string_view> accept, const negotiation_options& o = {}) {
    negotiated n;
    const std::size_t qpos = target.find('?');
    n.path = target.substr(0, qpos);
    const std::string_view query = qpos == std::string_view::npos ? std::string_view() : target.substr(qpos + 1);
    if (content_type) n.request = format_from_content_type(*content_type);

    if (o.allow_route_extensions) {
        const std::size_t dot = n.path.rfind('.');
        if (dot != std::string_view::npos) {
            if (const auto f = format_from_extension(n.path.substr(dot + 1))) {
                n.path = n.path.substr(0, dot);
                n.response = *f;
                n.source = format_source::extension;
                return n;
            }
        }
    }
    if (const auto cb = detail::query_param(query, "callback"); cb && !cb->empty()) {
        n.response = format::json;
        n.source = format_source::jsonp_callback;
        return n;
    }
    if (const auto fmt = detail::query_param(query, "format")) {
        if (const auto f = format_from_extension(std::string_view(*fmt).substr(0, fmt->find('.')))) {
            n.response = *f;
            n.source = format_source::query_format;
            return n;
        }
    } else {
        std::string_view p = n.path;
        if (!p.empty() && p.front() == '/') p.remove_prefix(1);
        const std::string_view first = p.substr(0, p.find('/'));
        if (first.size() >= 3 && first.size() <= 4) {
            if (const auto f = format_from_extension(first)) {
                n.response = *f;
                n.source = format_source::predefined_route;
                return n;
            }
        }
    }
    if (accept) {
        if (const auto f = detail::from_accept(*accept, n.request, o)) {
            n.response = f->first;
            n.source = f->second;
            return n;
        }
    }
    n.response = o.default_format;
    n.source = format_source::fallback;
    return n;
}

inline negotiated negotiate(const request& r, const negotiation_options& o = {}) {
    return negotiate(r.target, r.header("Content-Type"), r.header("Accept"), o);
}

}  // namespace sstk::http
