// A DTO as a message body in any format, through the codecs, with the options of the side
// that writes it: a ServiceStack client (PascalCase JSON/JSV, XML without declaration as
// XmlServiceClient sends it, forms as QueryStringSerializer writes them) or a .NET Core
// ServiceStack server (HostConfig.UseCamelCase: camelCase JSON and JSV; XML with its
// declaration, research §4.1).
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/csv.hpp>
#include <sstk/http/format.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <string>
#include <string_view>

namespace sstk::http {

struct body_write_options {
    json::write_options json{};
    xml::write_options xml{};
    jsv::write_options jsv{};
    csv::write_options csv{};
    query::write_options form = query::write_options::for_style(query::style::query_string_serializer);

    // What a ServiceStack C# client sends.
    static body_write_options client() {
        body_write_options o;
        o.xml.form = xml::form::client;
        return o;
    }
    // What a .NET Core ServiceStack server answers.
    static body_write_options server() {
        body_write_options o;
        o.json.casing = casing::camel;
        o.jsv.casing = casing::camel;
        o.csv.nested_casing = casing::camel;
        return o;
    }
};

struct body_read_options {
    json::read_options json{};
    xml::read_options xml{};
    jsv::read_options jsv{};
    csv::read_options csv{};
    query::read_options form{};
};

namespace detail {

// The same error with `context` before its message, path and position kept.
inline error with_context(const error& e, std::string_view context) {
    error wrapped(e.kind(), std::string(context) + e.message(), e.offset());
    if (!e.path().empty()) wrapped.prepend_member(e.path());
    if (e.line() != 0) wrapped.at_line_column(e.line(), e.column());
    return wrapped;
}

}  // namespace detail

template <class T>
void write_body(std::string& out, const T& dto, format f, const body_write_options& o = {}) {
    switch (f) {
    case format::json: json::write(out, dto, o.json); return;
    case format::xml: xml::write(out, dto, o.xml); return;
    case format::jsv: jsv::write(out, dto, o.jsv); return;
    case format::csv: csv::write(out, dto, o.csv); return;
    case format::form: query::write(out, dto, o.form); return;
    }
}

template <class T>
std::string write_body(const T& dto, format f, const body_write_options& o = {}) {
    std::string out;
    write_body(out, dto, f, o);
    return out;
}

// Reads `text` into `out` (reset first). Codec errors come back with the format named in the
// message: "invalid value at Id (line 1, column 7, byte 6): application/json body: ...".
template <class T>
void read_body(std::string_view text, T& out, format f, const body_read_options& o = {}) {
    try {
        switch (f) {
        case format::json: json::read(text, out, o.json); return;
        case format::xml: xml::read(text, out, o.xml); return;
        case format::jsv: jsv::read(text, out, o.jsv); return;
        case format::csv: csv::read(text, out, o.csv); return;
        case format::form: query::read(text, out, o.form); return;
        }
    } catch (const error& e) {
        throw detail::with_context(e, std::string(mime_type(f)) + " body: ");
    }
}

template <class T>
T read_body(std::string_view text, format f, const body_read_options& o = {}) {
    T out{};
    read_body(text, out, f, o);
    return out;
}

}  // namespace sstk::http
