// Options of the CSV codec (ServiceStack's CsvSerializer, content type text/csv). Defaults are
// CsvConfig's: `,` between cells, `"` around them, CRLF after every row.
#pragma once

#include <sstk/core/casing.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/jsv/options.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_zone.hpp>

#include <cstddef>
#include <string_view>

namespace sstk::csv {

// Which rows a single DTO becomes (research/servicestack-formats.md §3.1).
enum class tabulate : unsigned char {
    // ServiceStack's rule: a [DataContract] DTO writes its first list member (skipping one named
    // ResponseStatus), e.g. QueryResponse<T>.Results; failing that its first other reference-type
    // member as one row; any other DTO is itself one row.
    automatic,
    first_enumerable,  // the [DataContract] rule for any DTO: [Csv(CsvBehavior.FirstEnumerable)]
    self,              // the DTO itself is always one row
};

struct write_options {
    std::string_view separator = ",";        // CsvConfig.ItemSeperatorString
    std::string_view delimiter = "\"";       // CsvConfig.ItemDelimiterString
    std::string_view row_separator = "\r\n"; // CsvConfig.RowSeparatorString, written after every row
    bool omit_headers = false;               // CsvConfig<T>.OmitHeaders
    csv::tabulate tabulate = csv::tabulate::automatic;
    // Nested values (lists, maps, objects) are JSV inside one cell; their keys follow this casing
    // (a .NET Core server camelCases them while the header row stays as declared).
    sstk::casing nested_casing = sstk::casing::as_declared;
    date_time_format dates = date_time_format::jsv_net_core;  // as in JSV
    float_format doubles = float_format::shortest;
    guid_format guids = guid_format::n;
    const time_zone* zone = nullptr;
    std::size_t max_depth = 64;

    jsv::write_options jsv() const {
        jsv::write_options o;
        o.casing = nested_casing;
        o.dates = dates;
        o.doubles = doubles;
        o.guids = guids;
        o.zone = zone;
        o.max_depth = max_depth;
        return o;
    }
};

// Derives from sstk::read_limits (docs/limits.md). Whole-document reads bound the document
// (max_document_size) and its rows (max_collection_count); every read bounds each cell
// (max_string_length), the cells of a row (max_members), and what a cell's JSV holds.
struct read_options : sstk::read_limits {
    char separator = ',';
    char delimiter = '"';
    csv::tabulate tabulate = csv::tabulate::automatic;
    const time_zone* zone = nullptr;
    std::size_t chunk_size = 64 * 1024;  // bytes read from a std::istream at a time

    jsv::read_options jsv() const {
        jsv::read_options o;
        o.zone = zone;
        o.limits() = limits();
        return o;
    }
};

}  // namespace sstk::csv
