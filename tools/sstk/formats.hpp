// The wire formats the sstk tool speaks, by name, with the codec options each name stands for.
#pragma once

#include <sstk/csv/options.hpp>
#include <sstk/http/format.hpp>
#include <sstk/json/options.hpp>
#include <sstk/jsv/options.hpp>
#include <sstk/query/options.hpp>
#include <sstk/xml/options.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace sstk_tool {

enum class wire : unsigned char { json, xml, jsv, csv, query, form };

struct format_spec {
    std::string name;  // canonical name, e.g. "xml-client"
    wire kind = wire::json;
    sstk::json::write_options json_write{};
    sstk::json::read_options json_read{};
    sstk::xml::write_options xml_write{};
    sstk::xml::read_options xml_read{};
    sstk::jsv::write_options jsv_write{};
    sstk::jsv::read_options jsv_read{};
    sstk::csv::write_options csv_write{};
    sstk::csv::read_options csv_read{};
    sstk::query::write_options query_write{};
    sstk::query::read_options query_read{};
};

// "json", "json-camel", "stj", "xml", "xml-client", "xml-indented", "jsv", "jsv-camel", "csv",
// "query", "form" (case-insensitive); nullopt for anything else.
std::optional<format_spec> parse_format(std::string_view name);

// The table printed by --help: one line per format name.
const char* format_table();

// The HTTP format of a spec (query strings are form bodies on the wire).
sstk::http::format http_format(const format_spec& f);

// Codec options the command line can change on top of a format name.
struct format_tweaks {
    bool indent = false;                                // JSON: two-space indentation
    std::optional<sstk::float_format> doubles;          // --doubles
    std::optional<sstk::xml::emit_default_rule> emit_defaults;  // --emit-default
    bool crlf = false;                                  // XML: Windows server newlines
    bool include_nulls = false;                         // JSON: IncludeNullValues
};
void apply(format_spec& f, const format_tweaks& t);

}  // namespace sstk_tool
