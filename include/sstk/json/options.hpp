// Options of the JSON codec. Defaults reproduce ServiceStack.Text's JsConfig defaults exactly
// (ServiceStack.Text/src/ServiceStack.Text/JsConfigScope.cs, Config.Defaults).
#pragma once

#include <sstk/core/casing.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_zone.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace sstk::json {

// Which server's JSON to speak. ServiceStack 8.1+ endpoint routing serializes with
// System.Text.Json; classic ServiceStack (and every ServiceStack client) with ServiceStack.Text.
enum class dialect : unsigned char { servicestack_text, system_text_json };

// ServiceStack.Text's DateHandler.
enum class date_handler : unsigned char {
    timestamp_offset,  // "\/Date(ms±hhmm)\/" (default)
    dcjs_compatible,   // same as timestamp_offset on the wire for the kinds sstk models
    iso8601,           // "o": 2021-03-04T05:06:07.8900000Z
    iso8601_utc,       // converted to UTC, then "o" (…Z): what every ServiceStack reader reads alike
    iso8601_date_only, // 2021-03-04
    iso8601_date_time, // 2021-03-04 05:06:07
    rfc1123,           // Thu, 04 Mar 2021 05:06:07 GMT
    unix_time,         // bare seconds
    unix_time_ms,      // bare milliseconds
};

struct write_options {
    json::dialect dialect = json::dialect::servicestack_text;
    // Member-name casing. ServiceStack.Text's default is the declared PascalCase (what the C#
    // client sends); .NET Core ServiceStack servers answer in camelCase; System.Text.Json is
    // always camelCase (see for_dialect()).
    sstk::casing casing = sstk::casing::as_declared;
    bool include_null_values = false;     // JsConfig.IncludeNullValues
    bool exclude_default_values = false;  // JsConfig.ExcludeDefaultValues (never drops enums)
    bool include_default_enums = true;    // JsConfig.IncludeDefaultEnums
    bool treat_enum_as_integer = false;   // JsConfig.TreatEnumAsInteger
    json::date_handler date_handler = json::date_handler::timestamp_offset;
    // Doubles as .NET Core 3+ writes them (shortest round trip); float_format::framework_general
    // gives what ServiceStack.Text on .NET Framework / Mono writes (15 digits, lossy).
    float_format doubles = float_format::shortest;
    // Guid spelling of the servicestack_text dialect: N (32 hex digits, the default) or D, as
    // with JsConfig.SystemJsonCompatible. System.Text.Json always writes D.
    guid_format guids = guid_format::n;
    bool escape_unicode = false;     // JsConfig.EscapeUnicode: non-ASCII as \uXXXX
    bool escape_html_chars = false;  // JsConfig.EscapeHtmlChars
    bool indent = false;             // two-space indentation, for people
    // The zone Local and Unspecified DateTimes are interpreted in (ServiceStack uses the server's
    // local zone). nullptr: the process's zone (TZ).
    const time_zone* zone = nullptr;
    std::size_t max_depth = 64;  // nesting deeper than this is an error, not a stack overflow

    // The defaults of a dialect: System.Text.Json as ServiceStack 8.1+ configures it is camelCase.
    static write_options for_dialect(json::dialect d) {
        write_options o;
        o.dialect = d;
        if (d == json::dialect::system_text_json) o.casing = sstk::casing::camel;
        return o;
    }
};

// What the reader does with a member the DTO does not have.
enum class unknown_member_policy : unsigned char {
    skip,     // ServiceStack's behaviour (default)
    error,    // reject the document
    collect,  // skip it, and record it in read_options::unknown (so nothing is lost unseen)
};

// A member the DTO does not have, as read_options::unknown collects it.
struct unknown_member {
    std::string path;    // where it was: `ResponseStatus.Errors[1].Extra`
    std::string json;    // its value, as it stood in the document
    std::size_t offset;  // byte offset of its key
};

// Derives from sstk::read_limits: max_depth, max_document_size, max_string_length,
// max_collection_count and max_members are set here directly (docs/limits.md).
struct read_options : sstk::read_limits {
    unknown_member_policy unknown_members = unknown_member_policy::skip;
    // Bare numbers read into a DateTime are Unix seconds (unix_time) or milliseconds
    // (unix_time_ms), as with ServiceStack's DateHandler; with any other handler they are errors
    // (ServiceStack silently reads them as default(DateTime)).
    json::date_handler date_handler = json::date_handler::timestamp_offset;
    // The zone used when a date with an offset is converted to a Local DateTime.
    const time_zone* zone = nullptr;
    // With unknown_member_policy::collect: where the unknown members go (appended).
    std::vector<unknown_member>* unknown = nullptr;
};

}  // namespace sstk::json
