// The wire formats an sstk endpoint speaks, with ServiceStack's MIME types and file extensions
// (ServiceStack.Interfaces MimeTypes: application/json, application/xml, text/jsv, text/csv,
// application/x-www-form-urlencoded; research/servicestack-formats.md §1.1, §2, §3, §4.1, §5.4).
//
// A Content-Type is matched ASCII case-insensitively and its parameters are ignored
// (`Application/JSON; charset=utf-8` is JSON); the aliases a ServiceStack server also registers
// for the same serializer (text/json, text/xml) are accepted on read.
#pragma once

#include <sstk/core/member_lookup.hpp>

#include <optional>
#include <string_view>

namespace sstk::http {

enum class format : unsigned char {
    json,  // ServiceStack.Text JSON (or System.Text.Json on 8.1+ endpoints)
    xml,   // DataContractSerializer XML
    jsv,   // ServiceStack's JSV
    csv,   // ServiceStack's CSV
    form,  // application/x-www-form-urlencoded: a request body only, never a response
};

inline constexpr format all_formats[] = {format::json, format::xml, format::jsv, format::csv, format::form};

constexpr std::string_view mime_type(format f) noexcept {
    switch (f) {
    case format::json: return "application/json";
    case format::xml: return "application/xml";
    case format::jsv: return "text/jsv";
    case format::csv: return "text/csv";
    case format::form: return "application/x-www-form-urlencoded";
    }
    return "";
}

// The name used in `?format=`, the `/{format}/reply/` predefined route and the `.ext` route
// suffix. A form body has none (it is not a response format): empty.
constexpr std::string_view extension(format f) noexcept {
    switch (f) {
    case format::json: return "json";
    case format::xml: return "xml";
    case format::jsv: return "jsv";
    case format::csv: return "csv";
    case format::form: break;
    }
    return "";
}

// Whether a server can answer in this format (everything but form bodies).
constexpr bool is_response_format(format f) noexcept { return f != format::form; }

// `json`, `XML`, ... → the format; anything else (html, msgpack, "") → nullopt.
constexpr std::optional<format> format_from_extension(std::string_view name) noexcept {
    for (const format f : all_formats)
        if (f != format::form && sstk::detail::iequals(extension(f), name)) return f;
    return std::nullopt;
}

// The media type of a header value: parameters dropped, surrounding blanks trimmed.
constexpr std::string_view media_type(std::string_view header_value) noexcept {
    const std::size_t semi = header_value.find(';');
    std::string_view t = header_value.substr(0, semi);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
}

// A Content-Type (or one Accept entry) → the format it names; nullopt for anything else
// (text/html, multipart/form-data, application/octet-stream, */*).
constexpr std::optional<format> format_from_content_type(std::string_view content_type) noexcept {
    const std::string_view t = media_type(content_type);
    using sstk::detail::iequals;
    if (iequals(t, "application/json") || iequals(t, "text/json")) return format::json;
    if (iequals(t, "application/xml") || iequals(t, "text/xml")) return format::xml;
    if (iequals(t, "text/jsv")) return format::jsv;
    if (iequals(t, "text/csv")) return format::csv;
    if (iequals(t, "application/x-www-form-urlencoded")) return format::form;
    return std::nullopt;
}

// The Content-Type a ServiceStack server puts on a response: it appends "; charset=utf-8" to
// JSON only (HostConfig.AppendUtf8CharsetOnContentTypes = [MimeTypes.Json]).
constexpr std::string_view response_content_type(format f) noexcept {
    return f == format::json ? std::string_view("application/json; charset=utf-8") : mime_type(f);
}

}  // namespace sstk::http
