// CSV reader: ServiceStack's CSV into DTOs, whole or streamed row by row.
//
//   auto movies = sstk::csv::read<std::vector<Movie>>(text);        // throws sstk::error
//   auto resp   = sstk::csv::read<QueryResponse<Movie>>(text);      // rows into Results
//   sstk::csv::read_rows<Movie>(stream, [](Movie&& m) { ... });     // one row at a time
//   sstk::csv::reader<Movie> r; r.feed(chunk, on_row); r.finish(on_row);
//   sstk::csv::row_stream<Movie> rows(stream); Movie m; while (rows.next(m)) { ... }
//
// Rules (research/servicestack-formats.md §3.4, servicestack-text-observed.md "CSV"):
//  - the first record is the header: cells trimmed (a quoted dictionary key is kept verbatim),
//    matched to members ASCII case-insensitively (and ignoring '_'/'-'); unknown columns are
//    ignored;
//  - an empty cell is null (the member keeps its default; ServiceStack cannot tell "" from null
//    either, but a quoted "" is read as the empty string); missing trailing cells are null;
//  - more cells than the header has is an error naming the row and column (ServiceStack throws
//    ArgumentOutOfRangeException);
//  - string members take the cell verbatim (cells are not trimmed); every other member parses
//    the cell as JSV for its type, so nested lists, maps and objects round-trip;
//  - LF or CRLF rows, a UTF-8 BOM, quoted cells with embedded separators and newlines.
// The streaming readers hold only the record being read, never the document.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/utf8.hpp>
#include <sstk/csv/detail/layout.hpp>
#include <sstk/csv/detail/row_parser.hpp>
#include <sstk/csv/options.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/jsv/read.hpp>
#include <sstk/text/scalar.hpp>

#include <array>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk::csv {

namespace detail {

template <class V>
inline constexpr bool is_text_member_v = std::is_same_v<unwrapped_t<V>, std::string>;

template <class V>
void assign_text(V& out, std::string_view text) {
    if constexpr (is_optional_v<V>) {
        if (out) out->assign(text);
        else out.emplace(text);
    } else {
        out.assign(text);  // in place: the member keeps its storage
    }
}

// Whether a cell is null for a member of type V: empty, unless a string member's cell is a
// quoted "".
template <class V>
bool null_cell(const cell& c) noexcept {
    if constexpr (is_text_member_v<V>) return c.text.empty() && !c.quoted;
    else return c.text.empty();
}

// Moves an error's position from the cell's text into the document.
inline void locate_in_cell(error& e, const cell& c, std::size_t inner) {
    if (c.quoted) {
        e.at_offset(c.offset);
        e.at_line_column(c.line, c.column);
    } else {  // an unquoted cell is the document's bytes, on one line
        e.at_offset(c.offset + inner);
        e.at_line_column(c.line, c.column + inner);
    }
}

// Whether valid UTF-8 text is exactly one code point.
inline bool is_one_character(std::string_view t) noexcept {
    if (t.empty()) return false;
    const auto b = static_cast<unsigned char>(t[0]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    return t.size() == len;
}

// Reads one cell into a value: strings verbatim, anything else as JSV. Error positions are moved
// from the cell's text into the document.
template <class V>
void assign_cell(const cell& c, V& out, const read_options& o) {
    if constexpr (is_text_member_v<V>) {
        if (!c.text.empty() || c.quoted) assign_text(out, c.text);  // an empty cell is null; a quoted "" is ""
    } else {
        if (c.text.empty()) return;  // null
        using U = unwrapped_t<V>;
        if constexpr (text::is_text_scalar_v<U>) {
            // The writer puts a char into its cell as it is, so a cell of exactly one character
            // is that character, a quote or a space included (the cell """" is the char ").
            bool one_char = false;
            if constexpr (std::is_same_v<U, char16_t>) one_char = is_one_character(c.text);
            // A bare scalar, as the JSV reader takes it at the top level: trimmed, then parsed.
            if (c.text.front() != '"' || one_char) {
                std::string_view t = c.text;
                std::size_t lead = 0;
                if (!one_char) {
                    while (lead < t.size() && jsv::detail::is_space(t[lead])) ++lead;
                    t.remove_prefix(lead);
                    while (!t.empty() && jsv::detail::is_space(t.back())) t.remove_suffix(1);
                }
                try {
                    out = text::parse_scalar<U>(t, o.zone ? *o.zone : time_zone::system());
                } catch (error& e) {
                    const std::size_t inner = lead + (e.offset() == error::npos ? 0 : e.offset());
                    if (e.kind() == errc::syntax) {  // a syntax error inside a well-formed cell is a bad value
                        error bad(errc::invalid_value, e.message(), inner);
                        locate_in_cell(bad, c, inner);
                        throw bad;
                    }
                    locate_in_cell(e, c, inner);
                    throw;
                }
                return;
            }
        }
        try {
            const jsv::read_options jo = o.jsv();
            jsv::detail::reader(c.text, jo).document(out);
        } catch (error& e) {
            locate_in_cell(e, c, e.offset() == error::npos ? 0 : e.offset());
            throw;
        }
    }
}

// Invalid UTF-8 in a cell is an error at the cell (the record splitter only looks for ASCII).
inline void check_cells_utf8(const std::vector<cell>& cells, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        const cell& c = cells[i];
        if (find_invalid_utf8(c.text) == error::npos) continue;
        throw error(errc::syntax, "invalid UTF-8", c.offset).at_line_column(c.line, c.column);
    }
}

inline std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

[[noreturn]] inline void too_many_cells(const cell& extra, std::size_t cells, std::size_t header, std::size_t index) {
    error e(errc::syntax,
            "row has " + std::to_string(cells) + " cells but the header has " + std::to_string(header) + " (column " +
                std::to_string(header + 1) + " has no header)",
            extra.offset);
    e.at_line_column(extra.line, extra.column);
    e.prepend_index(index);
    throw e;
}

// Header → member map for DTO rows.
template <class E>
class row_binder {
public:
    void header(const std::vector<cell>& cells, std::size_t n) {
        columns_.assign(n, column_lookup<E>::size);
        for (std::size_t i = 0; i < n; ++i) columns_[i] = column_lookup<E>::find(trimmed(cells[i].text));
    }

    // Reads the row into `out` in place (strings and lists keep their storage); members without
    // a cell, or with a null one, get the value a default-constructed E has.
    void bind(const std::vector<cell>& cells, std::size_t n, E& out, std::size_t index, const read_options& o) const {
        if (n > columns_.size()) too_many_cells(cells[columns_.size()], n, columns_.size(), index);
        std::array<bool, column_lookup<E>::size + 1> seen{};
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t column = columns_[i];
            if (column == column_lookup<E>::size) continue;
            visit_column<E>(column, [&](auto m) {
                using M = decltype(m);
                if (null_cell<typename M::value_type>(cells[i])) return;  // a repeated column's earlier value stays
                seen[column] = true;
                try {
                    assign_cell(cells[i], M::get(out), o);
                } catch (error& e) {
                    mask_if_secret(e, M::name, M::cpp_name).prepend_member(M::name);
                    e.prepend_index(index);
                    throw;
                }
            });
        }
        for (std::size_t c = 0; c < column_lookup<E>::size; ++c) {
            if (seen[c]) continue;
            visit_column<E>(c, [&](auto m) {
                using M = decltype(m);
                static const E defaults{};
                M::get(out) = M::get(defaults);
            });
        }
    }

private:
    std::vector<std::size_t> columns_;
};

// Header → keys for dictionary rows.
template <class E>
class dictionary_binder {
public:
    void header(const std::vector<cell>& cells, std::size_t n) {
        keys_.clear();
        // A quoted key is taken verbatim: the writer quotes keys with surrounding whitespace.
        for (std::size_t i = 0; i < n; ++i) keys_.emplace_back(cells[i].quoted ? cells[i].text : trimmed(cells[i].text));
    }

    void bind(const std::vector<cell>& cells, std::size_t n, E& out, std::size_t index, const read_options& o) const {
        out.clear();
        if (n > keys_.size()) too_many_cells(cells[keys_.size()], n, keys_.size(), index);
        for (std::size_t i = 0; i < n; ++i) {
            if (cells[i].text.empty() && !cells[i].quoted) continue;  // null values are left out
            try {
                typename E::key_type key{};
                cell key_cell{keys_[i], false, cells[i].offset, cells[i].line, cells[i].column};
                assign_cell(key_cell, key, o);
                typename E::mapped_type value{};
                assign_cell(cells[i], value, o);
                out.insert_or_assign(std::move(key), std::move(value));
            } catch (error& e) {
                mask_if_secret(e, keys_[i]).prepend_key(keys_[i]);
                e.prepend_index(index);
                throw;
            }
        }
    }

private:
    std::vector<std::string> keys_;
};

template <class E>
using binder_for = std::conditional_t<described_class<E>, row_binder<E>, dictionary_binder<E>>;

}  // namespace detail

// Push-style streaming reader of rows of E (a DTO or a dictionary): feed chunks of any size,
// get each row as soon as its record is complete.
template <class E>
class reader {
    static_assert(detail::is_row_v<E>, "sstk::csv::reader reads rows of DTOs or dictionaries");

public:
    explicit reader(const read_options& options = {}) : o_(options), parser_(options.separator, options.delimiter) {
        parser_.limit(o_);
    }

    // Calls on_row(E&&) for every row completed by this chunk.
    template <class F>
    void feed(std::string_view chunk, F&& on_row) {
        parser_.feed(chunk, [&](const std::vector<detail::cell>& cells, std::size_t n) { record(cells, n, on_row); });
    }

    // Ends the input (the last row may lack its row separator).
    template <class F>
    void finish(F&& on_row) {
        parser_.finish([&](const std::vector<detail::cell>& cells, std::size_t n) { record(cells, n, on_row); });
    }

    std::size_t rows() const noexcept { return rows_; }
    bool has_header() const noexcept { return have_header_; }
    // Where the last record started, for callers that reject it.
    std::size_t record_offset() const noexcept { return record_offset_; }

private:
    template <class F>
    void record(const std::vector<detail::cell>& cells, std::size_t n, F& on_row) {
        record_offset_ = cells[0].offset;
        check_cells_utf8(cells, n);
        if (!have_header_) {
            binder_.header(cells, n);
            have_header_ = true;
            return;
        }
        E item{};
        binder_.bind(cells, n, item, rows_, o_);
        ++rows_;
        on_row(std::move(item));
    }

    read_options o_;
    detail::row_parser parser_;
    detail::binder_for<E> binder_;
    bool have_header_ = false;
    std::size_t rows_ = 0;
    std::size_t record_offset_ = 0;
};

// Reads rows of E from a stream, options.chunk_size bytes at a time, calling on_row(E&&) for each.
template <class E, class F>
void read_rows(std::istream& in, F&& on_row, const read_options& options = {}) {
    reader<E> r(options);
    std::string chunk(options.chunk_size == 0 ? 1 : options.chunk_size, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got != 0) r.feed(std::string_view(chunk.data(), got), on_row);
    }
    if (in.bad()) throw error(errc::io, "reading the CSV stream failed");
    r.finish(on_row);
}

// Pull-style streaming reader: `while (rows.next(item)) ...`. Holds at most the rows of one chunk.
template <class E>
class row_stream {
public:
    explicit row_stream(std::istream& in, const read_options& options = {})
        : in_(in), reader_(options), chunk_(options.chunk_size == 0 ? 1 : options.chunk_size, '\0') {}

    // The next row into `out`; false at the end. A bad row throws once the rows before it have
    // been delivered.
    bool next(E& out) {
        while (ready_.empty() && !done_) {
            const auto push = [this](E&& item) { ready_.push_back(std::move(item)); };
            try {
                if (in_) {
                    in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
                    const auto got = static_cast<std::size_t>(in_.gcount());
                    if (got != 0) reader_.feed(std::string_view(chunk_.data(), got), push);
                } else {
                    if (in_.bad()) throw error(errc::io, "reading the CSV stream failed");
                    reader_.finish(push);
                    done_ = true;
                }
            } catch (const error& e) {
                failed_ = e;
                done_ = true;
            }
        }
        if (ready_.empty()) {
            if (failed_) {
                error e = std::move(*failed_);
                failed_.reset();
                throw e;
            }
            return false;
        }
        out = std::move(ready_.front());
        ready_.pop_front();
        return true;
    }

private:
    std::istream& in_;
    reader<E> reader_;
    std::string chunk_;
    std::deque<E> ready_;
    std::optional<error> failed_;
    bool done_ = false;
};

namespace detail {

template <class T>
void document(std::string_view text, T& out, const read_options& o);

// Rows into a list (of DTOs, dictionaries, or optionals of them). Rows are read over the
// list's existing items where it allows (their storage is reused), then it is cut to the rows read.
template <class L>
void read_list(std::string_view text, L& out, const read_options& o) {
    using I = std::ranges::range_value_t<L>;
    using E = unwrapped_t<I>;
    constexpr bool reuse = requires(L& c, std::size_t n) { c[n]; c.resize(n); };
    if constexpr (!reuse) out.clear();
    row_parser parser(o.separator, o.delimiter);
    parser.limit(o);
    binder_for<E> binder;
    bool have_header = false;
    std::size_t rows = 0;
    parser.parse(text, [&](const std::vector<cell>& cells, std::size_t n) {
        check_cells_utf8(cells, n);
        if (!have_header) {
            binder.header(cells, n);
            have_header = true;
            return;
        }
        if (rows >= o.max_collection_count) {
            error e = limit_error("rows", "max_collection_count", o.max_collection_count, cells[0].offset)
                          .at_line_column(cells[0].line, cells[0].column);
            e.prepend_index(rows);
            throw e;
        }
        if constexpr (reuse) {
            if (rows == out.size()) out.emplace_back();
            I& slot = out[rows];
            if constexpr (is_optional_v<I>) {
                if (!slot) slot.emplace();
                binder.bind(cells, n, *slot, rows, o);
            } else {
                binder.bind(cells, n, slot, rows, o);
            }
        } else {
            E item{};
            binder.bind(cells, n, item, rows, o);
            out.push_back(I(std::move(item)));
        }
        ++rows;
    });
    if constexpr (reuse) out.resize(rows);
}

// A single row type: a header and at most one row, read into `out` in place (reset when there
// is no row).
template <class T>
void read_one_row(std::string_view text, T& out, const read_options& o, const char* more) {
    row_parser parser(o.separator, o.delimiter);
    parser.limit(o);
    binder_for<T> binder;
    std::size_t records = 0;
    parser.parse(text, [&](const std::vector<cell>& cells, std::size_t n) {
        check_cells_utf8(cells, n);
        if (records++ == 0) {
            binder.header(cells, n);
            return;
        }
        if (records > 2) throw error(errc::syntax, more, cells[0].offset);
        binder.bind(cells, n, out, 0, o);
    });
    if (records < 2) out = T{};
}

// The records of a document that is not rows of DTOs: a single record of scalars.
template <class F>
void single_record(std::string_view text, const read_options& o, F&& on_cells) {
    row_parser p(o.separator, o.delimiter);
    p.limit(o);
    std::size_t records = 0;
    const auto each = [&](const std::vector<cell>& cells, std::size_t n) {
        check_cells_utf8(cells, n);
        if (++records > 1) throw error(errc::syntax, "expected a single row of values", cells[0].offset).at_line_column(cells[0].line, cells[0].column);
        on_cells(cells, n);
    };
    p.feed(text, each);
    p.finish(each);
}

template <class T>
void document(std::string_view text, T& out, const read_options& o) {
    if constexpr (is_optional_v<T>) {
        out.emplace();
        document(text, *out, o);
    } else if constexpr (described_class<T>) {
        if constexpr (tabulated_member<T>() != column_count<T>) {
            if (tabulates_member<T>(o.tabulate)) {
                out = T{};
                using M = tabulated_t<T>;
                try {
                    document(text, M::get(out), o);
                } catch (error& e) {
                    mask_if_secret(e, M::name, M::cpp_name).prepend_member(M::name);
                    throw;
                }
                return;
            }
        }
        read_one_row(text, out, o, "expected one row for a single DTO, found more");
    } else if constexpr (map_like<T>) {
        read_one_row(text, out, o, "expected one row for a single dictionary, found more");
    } else if constexpr (appendable_sequence<T> && is_row_list_v<T>) {
        read_list(text, out, o);
    } else if constexpr (appendable_sequence<T>) {
        out.clear();
        single_record(text, o, [&](const std::vector<cell>& cells, std::size_t n) {
            for (std::size_t i = 0; i < n; ++i) {
                typename T::value_type item{};
                try {
                    assign_cell(cells[i], item, o);
                } catch (error& e) {
                    e.prepend_index(i);
                    throw;
                }
                out.push_back(std::move(item));
            }
        });
    } else {
        single_record(text, o, [&](const std::vector<cell>& cells, std::size_t n) {
            if (n > 1) throw error(errc::syntax, "expected a single value", cells[1].offset).at_line_column(cells[1].line, cells[1].column);
            assign_cell(cells[0], out, o);
        });
    }
}

}  // namespace detail

// Reads a whole CSV document into `out` (reset first). Throws sstk::error with the row index and
// member as its path ("[2].Rating"), byte offset, line and column; after a failure `out` is
// valid but unspecified (docs/limits.md).
template <class T>
void read(std::string_view text, T& out, const read_options& options = {}) {
    try {
        check_document_size(text.size(), options);
        detail::document(text, out, options);
    } catch (error& e) {
        if (e.line() == 0) e.locate(text);
        throw;
    }
}

template <class T>
T read(std::string_view text, const read_options& options = {}) {
    T out{};
    read(text, out, options);
    return out;
}

template <class T>
result<T> try_read(std::string_view text, const read_options& options = {}) {
    return capture([&] { return read<T>(text, options); });
}

}  // namespace sstk::csv
