// The tool's run-time view of the registered DTOs: a type-erased DTO value that reads, writes,
// compares and becomes an HTTP request through the codecs. The codec instantiations live in
// registered_types.cpp, once per registered type; nothing else in the tool includes a codec.
#pragma once

#include "formats.hpp"

#include <sstk/core/error.hpp>
#include <sstk/core/registry.hpp>
#include <sstk/http/message.hpp>
#include <sstk/http/request.hpp>

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sstk_tool {

// One DTO value (or a List<DTO>) of a registered type.
class dto {
public:
    virtual ~dto() = default;
    // Reads `text` (the value is reset first); throws sstk::error with path and line:column.
    virtual void read(std::string_view text, const format_spec& f) = 0;
    // Appends the value in format `f`; throws sstk::error (out unchanged).
    virtual void write(std::string& out, const format_spec& f) const = 0;
    // Same type and equal values.
    virtual bool equals(const dto& other) const = 0;
    // Reads `text` and returns every problem the codec can report: for JSON each unknown member
    // (unless allow_unknown) and then the first hard error; other formats stop at the first error
    // (XML also at an element out of DataContract order, which a real server would drop). With
    // check_required, a payload that read cleanly is also checked for required members left null.
    virtual std::vector<sstk::error> validate(std::string_view text, const format_spec& f, bool allow_unknown,
                                              bool check_required) = 0;
    // The HTTP request a ServiceStack client sends for this request DTO, body in format `body`.
    // Throws sstk::error for a list.
    virtual sstk::http::request request(const format_spec& body, const sstk::http::request_options& o) const = 0;
};

// Called while streaming: rows converted so far and input bytes consumed.
using progress_fn = std::function<void(std::size_t rows, std::size_t bytes)>;

struct tool_type {
    const sstk::type_info* info;
    std::unique_ptr<dto> (*make)();       // a default T
    std::unique_ptr<dto> (*make_list)();  // an empty std::vector<T>
    // Converts a CSV stream of T rows to `to` row by row (constant memory); returns the row
    // count. `to` must be streamable (can_stream_rows_to); throws sstk::error on a bad row.
    std::size_t (*stream_csv_rows)(std::istream& in, const format_spec& from, std::ostream& out,
                                   const format_spec& to, const progress_fn& progress);
};

// Whether stream_csv_rows can write this format row by row: json, stj, jsv, csv.
bool can_stream_rows_to(const format_spec& to);

// Every registered type (classes, then enums), as sstk::registry lists them.
std::span<const sstk::type_info> all_types();
std::span<const std::string_view> all_services();

struct found_type {
    const tool_type* match = nullptr;          // the class found
    const sstk::type_info* info = nullptr;     // set for an enum too (match stays null)
    std::vector<const sstk::type_info*> candidates;  // when ambiguous
};
found_type find_type(std::string_view name);

// The registered response type of a request, or nullptr.
const sstk::type_info* response_of(const sstk::type_info& request);

}  // namespace sstk_tool
