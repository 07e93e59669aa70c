// Options of the query-string / form-urlencoded codec.
#pragma once

#include <sstk/core/casing.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/jsv/options.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_zone.hpp>

#include <cstddef>
#include <span>
#include <string_view>

namespace sstk::query {

// Which .NET writer to reproduce.
enum class style : unsigned char {
    // The ServiceStack C# client building a GET/DELETE URL (UrlExtensions, research §5.2 step 6):
    // keys camelCased (DataMember names too), null and default value-type values skipped,
    // strings as-is, other values JSV with the list brackets trimmed, then Uri.EscapeDataString.
    client,
    // ServiceStack.Text's QueryStringSerializer (ToQueryString / ToFormUrlEncoded, §5.5): keys
    // per TextCase, defaults included, UrlEncode (space → +, lower-case hex).
    query_string_serializer,
};

// How QueryStringSerializer writes nested objects and dictionaries.
enum class complex_strategy : unsigned char {
    jsv,               // Nested={Id:5,Name:x} (default)
    form_url_encoded,  // Nested[Id]=5&Nested[Name]=x (QueryStringStrategy.FormUrlEncoded)
};

struct write_options {
    query::style style = query::style::client;
    sstk::casing casing = sstk::casing::camel;
    // Keys inside JSV values (JsConfig.TextCase, PascalCase by default on clients).
    sstk::casing value_casing = sstk::casing::as_declared;
    bool skip_empty_arrays = false;  // ClientConfig.SkipEmptyArrays (client style)
    // Members left out (matched case-insensitively by wire name): the route's path variables,
    // which the C# client removes from the query string.
    std::span<const std::string_view> exclude{};
    query::complex_strategy complex = query::complex_strategy::jsv;
    date_time_format dates = date_time_format::jsv_net_core;
    float_format doubles = float_format::shortest;
    guid_format guids = guid_format::n;
    const time_zone* zone = nullptr;
    std::size_t max_depth = 64;

    // The defaults of a style: QueryStringSerializer keeps the declared PascalCase.
    static write_options for_style(query::style s) {
        write_options o;
        o.style = s;
        if (s == query::style::query_string_serializer) o.casing = sstk::casing::as_declared;
        return o;
    }

    jsv::write_options jsv() const {
        jsv::write_options o;
        o.casing = value_casing;
        o.dates = dates;
        o.doubles = doubles;
        o.guids = guids;
        o.zone = zone;
        o.max_depth = max_depth;
        return o;
    }
};

// Derives from sstk::read_limits (docs/limits.md): max_members bounds the key=value pairs,
// max_string_length each decoded key and value (and a repeated key's joined value).
struct read_options : sstk::read_limits {
    // '+' is a space in query strings and form bodies as ASP.NET decodes them; off for a
    // decoder that keeps '+' (e.g. a path segment).
    bool plus_as_space = true;
    jsv::unknown_member_policy unknown_members = jsv::unknown_member_policy::skip;
    const time_zone* zone = nullptr;

    jsv::read_options jsv() const {
        jsv::read_options o;
        o.zone = zone;
        o.limits() = limits();
        return o;
    }
};

}  // namespace sstk::query
