// sstk::read_limits — the bounds every reader enforces on untrusted input.
//
// The readers take bytes from the network, so each one bounds what a document can make it do:
// how deep it recurses, how much it reads, and how much memory one string, list or object can
// make it allocate. Every reader's read_options derives from read_limits, so the limits are set
// on the options directly (`o.max_string_length = 1 << 20;`) or all at once
// (`o.limits() = my_limits;`). A violation throws sstk::error with errc::limit_exceeded, a
// message naming the limit and its value, and the member path and position where it was hit.
// See docs/limits.md.
#pragma once

#include <sstk/core/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace sstk {

struct read_limits {
    // Nesting of objects, lists and maps (elements in XML). Readers recurse once per level, so
    // this is what keeps a hostile document from overflowing the stack.
    std::size_t max_depth = 64;
    // Bytes of one document given to a whole-document read. Streaming CSV readers have no
    // document; they bound each row instead (max_string_length per cell, max_members per row).
    std::size_t max_document_size = std::size_t{64} << 20;  // 64 MiB
    // Bytes of one decoded string value (and of one base64 text, one CSV cell, one query value).
    std::size_t max_string_length = std::size_t{16} << 20;  // 16 MiB
    // Items of one list or entries of one map; the rows of a whole-document CSV read.
    std::size_t max_collection_count = 1'000'000;
    // Members of one object, counting the ones the DTO does not have (and so skips): the keys of
    // a JSON/JSV object, the child elements of an XML element, the cells of a CSV row, the
    // key=value pairs of a query string or form.
    std::size_t max_members = 10'000;

    // No max_depth takes a reader deeper than this: each level of a typed value costs a few
    // hundred bytes of stack (measured: 1000 levels of a recursive DTO fit in 512 KiB with g++
    // -O1, in 2 MiB under AddressSanitizer), so the ceiling leaves most of the 8 MiB a Linux
    // thread has by default to the caller.
    static constexpr std::size_t depth_ceiling = 1000;

    // The depth a reader enforces: max_depth, capped at depth_ceiling.
    constexpr std::size_t depth() const noexcept { return max_depth < depth_ceiling ? max_depth : depth_ceiling; }

    read_limits& limits() noexcept { return *this; }
    const read_limits& limits() const noexcept { return *this; }
};

// The error a reader throws when `limit` (named as in read_limits) of `value` is exceeded by
// `what` ("string", "list", "object", ...).
inline error limit_error(std::string_view what, std::string_view limit, std::size_t value, std::size_t offset = error::npos) {
    std::string m(what);
    m += " exceeds ";
    m += limit;
    m += " (";
    m += std::to_string(value);
    m += ')';
    return error(errc::limit_exceeded, std::move(m), offset);
}

// The error for nesting past read_limits::depth().
inline error depth_error(const read_limits& l, std::size_t offset = error::npos) {
    if (l.max_depth > read_limits::depth_ceiling)
        return limit_error("nesting", "read_limits::depth_ceiling", read_limits::depth_ceiling, offset);
    return limit_error("nesting", "max_depth", l.max_depth, offset);
}

// Throws unless a whole document of `size` bytes is within max_document_size.
inline void check_document_size(std::size_t size, const read_limits& l) {
    if (size > l.max_document_size) throw limit_error("document", "max_document_size", l.max_document_size, l.max_document_size);
}

// Throws unless a string of `size` bytes is within max_string_length.
inline void check_string_length(std::size_t size, const read_limits& l, std::size_t offset = error::npos) {
    if (size > l.max_string_length) throw limit_error("string", "max_string_length", l.max_string_length, offset);
}

// Throws unless a list or map now holding `count` items is within max_collection_count.
inline void check_collection_count(std::size_t count, const read_limits& l, std::size_t offset = error::npos) {
    if (count > l.max_collection_count) throw limit_error("collection", "max_collection_count", l.max_collection_count, offset);
}

// Throws unless an object now holding `count` members is within max_members.
inline void check_member_count(std::size_t count, const read_limits& l, std::size_t offset = error::npos) {
    if (count > l.max_members) throw limit_error("object", "max_members", l.max_members, offset);
}

}  // namespace sstk
