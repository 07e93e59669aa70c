// Transport-agnostic HTTP messages: what a client hands to its HTTP library and what a server
// receives from its own. sstk never opens a socket; these are plain values.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/member_lookup.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sstk::http {

struct header {
    std::string name;
    std::string value;
    friend bool operator==(const header&, const header&) = default;
};

// Headers in the order they were given; names compare ASCII case-insensitively.
using header_list = std::vector<header>;

// The value of the first header named `name`, or nullopt.
inline std::optional<std::string_view> find_header(const header_list& headers, std::string_view name) noexcept {
    for (const header& h : headers)
        if (sstk::detail::iequals(h.name, name)) return std::string_view(h.value);
    return std::nullopt;
}

struct request {
    std::string verb;    // "GET", "POST", ...
    std::string target;  // path + query, e.g. "/api/account/bob/passwordresettoken?suiteId=..."
    header_list headers;
    std::string body;    // empty for GET, DELETE, HEAD, OPTIONS

    std::optional<std::string_view> header(std::string_view name) const noexcept { return find_header(headers, name); }
    std::string_view path() const noexcept { return std::string_view(target).substr(0, target.find('?')); }
    // The query string without its '?', empty when there is none.
    std::string_view query() const noexcept {
        const std::size_t q = target.find('?');
        return q == std::string::npos ? std::string_view() : std::string_view(target).substr(q + 1);
    }
    friend bool operator==(const request&, const request&) = default;
};

struct response {
    int status = 200;
    std::string status_description;  // the reason phrase; empty: the standard one for `status`
    header_list headers;
    std::string body;

    std::optional<std::string_view> header(std::string_view name) const noexcept { return find_header(headers, name); }
    friend bool operator==(const response&, const response&) = default;
};

// "get", "Post" → the verb; anything else → http_verb::none.
constexpr http_verb parse_verb(std::string_view v) noexcept {
    for (const http_verb x : {http_verb::get, http_verb::post, http_verb::put, http_verb::delete_, http_verb::patch,
                              http_verb::options, http_verb::head})
        if (sstk::detail::iequals(to_string(x), v)) return x;
    return http_verb::none;
}

// ServiceStack's HttpUtils.HasRequestBody: every verb but GET, DELETE, HEAD and OPTIONS carries
// the DTO in its body; those four carry it in the query string.
constexpr bool has_request_body(std::string_view verb) noexcept {
    using sstk::detail::iequals;
    return !(iequals(verb, "GET") || iequals(verb, "DELETE") || iequals(verb, "HEAD") || iequals(verb, "OPTIONS"));
}
constexpr bool has_request_body(http_verb v) noexcept { return has_request_body(to_string(v)); }

// The standard reason phrase of a status code (RFC 9110), what .NET's HttpStatusCode gives a
// WebServiceException as StatusDescription when the server sent none.
constexpr std::string_view reason_phrase(int status) noexcept {
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: break;
    }
    return "";
}

}  // namespace sstk::http
