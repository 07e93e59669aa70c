#include "formats.hpp"

#include <cctype>

namespace sstk_tool {

namespace {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

}  // namespace

std::optional<format_spec> parse_format(std::string_view given) {
    const std::string n = lower(given);
    format_spec f;
    f.name = n;
    if (n == "json") {
        f.kind = wire::json;
    } else if (n == "json-camel") {
        f.kind = wire::json;
        f.json_write.casing = sstk::casing::camel;
    } else if (n == "stj" || n == "json-stj") {
        f.name = "stj";
        f.kind = wire::json;
        f.json_write = sstk::json::write_options::for_dialect(sstk::json::dialect::system_text_json);
    } else if (n == "xml" || n == "xml-server") {
        f.name = "xml";
        f.kind = wire::xml;
    } else if (n == "xml-client") {
        f.kind = wire::xml;
        f.xml_write.form = sstk::xml::form::client;
    } else if (n == "xml-indented") {
        f.kind = wire::xml;
        f.xml_write.form = sstk::xml::form::indented;
    } else if (n == "jsv") {
        f.kind = wire::jsv;
    } else if (n == "jsv-camel") {
        f.kind = wire::jsv;
        f.jsv_write.casing = sstk::casing::camel;
    } else if (n == "csv") {
        f.kind = wire::csv;
    } else if (n == "query") {
        f.kind = wire::query;
    } else if (n == "form") {
        f.kind = wire::form;
        f.query_write = sstk::query::write_options::for_style(sstk::query::style::query_string_serializer);
    } else {
        return std::nullopt;
    }
    return f;
}

const char* format_table() {
    return "  json          ServiceStack.Text JSON, members as declared (what the C# client sends)\n"
           "  json-camel    ServiceStack.Text JSON in camelCase (what a .NET Core ServiceStack server answers)\n"
           "  stj           System.Text.Json as ServiceStack 8.1+ endpoints speak it (camelCase)\n"
           "                (every JSON format reads both dialects and any casing)\n"
           "  xml           DataContract XML, server form (declaration + one line)\n"
           "  xml-client    DataContract XML as XmlServiceClient sends it (no declaration)\n"
           "  xml-indented  DataContract XML as the metadata pages show it (2-space indent)\n"
           "  jsv           ServiceStack JSV, members as declared; jsv-camel: camelCase\n"
           "  csv           ServiceStack CSV (header row + one row per item)\n"
           "  query         query string as the C# client puts a GET on the URL (camelCase keys)\n"
           "  form          application/x-www-form-urlencoded as QueryStringSerializer writes it\n";
}

sstk::http::format http_format(const format_spec& f) {
    switch (f.kind) {
    case wire::json: return sstk::http::format::json;
    case wire::xml: return sstk::http::format::xml;
    case wire::jsv: return sstk::http::format::jsv;
    case wire::csv: return sstk::http::format::csv;
    case wire::query:
    case wire::form: return sstk::http::format::form;
    }
    return sstk::http::format::json;
}

void apply(format_spec& f, const format_tweaks& t) {
    f.json_write.indent = t.indent;
    f.json_write.include_null_values = t.include_nulls;
    if (t.doubles) {
        f.json_write.doubles = *t.doubles;
        f.xml_write.doubles = *t.doubles;
        f.jsv_write.doubles = *t.doubles;
        f.csv_write.doubles = *t.doubles;
        f.query_write.doubles = *t.doubles;
    }
    if (t.emit_defaults) f.xml_write.emit_defaults = *t.emit_defaults;
    if (t.crlf) f.xml_write.newline = sstk::xml::newline::crlf;
}

}  // namespace sstk_tool
