// CSV writer: DTOs to ServiceStack's CSV (CsvSerializer).
//
//   std::string csv = sstk::csv::write(movies);          // header row + one row per item
//   std::string csv = sstk::csv::write(query_response);  // [DataContract]: its Results rows
//
// Rules (research/servicestack-formats.md §3.1–3.3, servicestack-text-observed.md "CSV"):
//  - a header row of member names ([DataMember(Name)] honoured, never re-cased, written raw), in
//    .NET reflection order (not sorted by DataMember Order), then one row per item; the row
//    separator (CRLF) follows every row, the last included; an empty list is the header alone;
//  - a cell is quoted iff it holds the delimiter ("), the separator (,), the row separator, CR or
//    LF, or starts with [ or { (or, unlike ServiceStack, with U+FEFF, which would otherwise be
//    taken for a byte order mark); inside quotes the delimiter is doubled;
//  - null and "" are both an empty cell (ServiceStack's TextExtensions.ToCsvField returns an
//    empty string as it is); bool True/False; numbers invariant; enums by name; dates as in
//    JSV; strings raw; lists, maps and objects are their JSV text in one cell;
//  - EmitDefaultValue is ignored (every column is written);
//  - a single DTO: see csv::tabulate; a list of dictionaries has the union of their keys as
//    header (sorted ordinally when the values are strings, else the first row's keys; quoted
//    like cells, so any key reads back); a list of scalars is one row of items; a single
//    scalar one cell.
#pragma once

#include <sstk/core/detail/ordinal.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/output_buffer.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/csv/detail/layout.hpp>
#include <sstk/csv/options.hpp>
#include <sstk/jsv/write.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::csv {

namespace detail {

// The header row of a DTO with the default separator, built once at compile time.
template <described_class E>
struct default_header {
private:
    static constexpr std::size_t size_ = [] {
        std::size_t n = 0, i = 0;
        for_each_column<E>([&](auto m) { n += decltype(m)::name.size() + (i++ ? 1 : 0); });
        return n;
    }();
    static constexpr std::array<char, size_> storage_ = [] {
        std::array<char, size_> a{};
        std::size_t k = 0;
        for_each_column<E>([&](auto m) {
            if (k) a[k++] = ',';
            for (const char c : decltype(m)::name) a[k++] = c;
        });
        return a;
    }();

public:
    static constexpr std::string_view value{storage_.data(), size_};
};

class writer {
public:
    writer(output_buffer& out, const write_options& o) : out_(out), o_(o), jsv_options_(o.jsv()), jsv_(out, jsv_options_) {
        // One-character separator and delimiter and a row separator of CR/LF only (CsvConfig's
        // defaults and most others): whether a cell needs quotes is one table look-up per byte.
        simple_ = o.separator.size() == 1 && o.delimiter.size() == 1 && !o.row_separator.empty() &&
                  o.row_separator.find_first_not_of("\r\n") == std::string_view::npos;
        if (simple_) {
            sep_ = o.separator[0];
            delim_ = o.delimiter[0];
        }
    }

    template <class T>
    void document(const T& v) {
        if constexpr (is_optional_v<T>) {
            if (v) document(*v);
        } else if constexpr (described_class<T>) {
            if constexpr (tabulated_member<T>() != column_count<T>) {
                if (tabulates_member<T>(o_.tabulate)) {
                    using M = tabulated_t<T>;
                    try {
                        tabulated(M::get(v));
                    } catch (error& e) {
                        e.prepend_member(M::name);
                        throw;
                    }
                    return;
                }
            }
            rows(std::array<const T*, 1>{&v});
        } else if constexpr (map_like<T>) {
            rows(std::array<const T*, 1>{&v});
        } else if constexpr (sequence_like<T>) {
            using E = unwrapped_t<std::ranges::range_value_t<T>>;
            if constexpr (is_row_v<E>) {
                rows_of(v);
            } else {
                bool first = true;
                for (const auto& item : v) {
                    if (!first) out_.append(o_.separator);
                    first = false;
                    cell(item);
                }
                out_.append(o_.row_separator);
            }
        } else {
            cell(v);
            out_.append(o_.row_separator);
        }
    }

private:
    template <class I>
    static const unwrapped_t<I>* pointer(const I& item) {
        if constexpr (is_optional_v<I>) return item ? &*item : nullptr;
        else return &item;
    }

    // A list of rows: DTO rows straight from the list; dictionary rows need every row first
    // (their header is the union of the keys).
    template <class L>
    void rows_of(const L& v) {
        using E = unwrapped_t<std::ranges::range_value_t<L>>;
        if constexpr (described_class<E>) {
            header<E>();
            std::size_t i = 0;
            for (const auto& item : v) row(pointer(item), i++);
        } else {
            std::vector<const E*> items;
            for (const auto& item : v) items.push_back(pointer(item));
            dictionary_rows<E>(items);
        }
    }

    // The tabulated member of a DataContract DTO: a null list is the header alone.
    template <class V>
    void tabulated(const V& v) {
        using U = unwrapped_t<V>;
        if constexpr (is_row_list_v<U>) {
            if constexpr (is_optional_v<V>) {
                if (!v) {
                    rows(std::array<const unwrapped_t<std::ranges::range_value_t<U>>*, 0>{});
                    return;
                }
            }
            document(v);
        } else {
            document(v);
        }
    }

    // Rows of DTOs or dictionaries (a null item is a row of empty cells).
    template <class Range>
    void rows(const Range& items) {
        using E = std::remove_cv_t<std::remove_pointer_t<std::ranges::range_value_t<Range>>>;
        if constexpr (described_class<E>) {
            header<E>();
            std::size_t i = 0;
            for (const E* item : items) row(item, i++);
        } else {
            dictionary_rows<E>(items);
        }
    }

    // Member names, written raw as ServiceStack does.
    template <class E>
    void header() {
        if (o_.omit_headers) return;
        if (o_.separator == ",") {
            out_.append(default_header<E>::value);
        } else {
            bool first = true;
            for_each_column<E>([&](auto m) {
                if (!first) out_.append(o_.separator);
                first = false;
                out_.append(decltype(m)::name);
            });
        }
        out_.append(o_.row_separator);
    }

    template <class E>
    void row(const E* item, std::size_t index) {
        try {
            bool first = true;
            for_each_column<E>([&](auto m) {
                using M = decltype(m);
                if (!first) out_.append(o_.separator);
                first = false;
                if (!item) return;
                try {
                    cell(M::get(*item));
                } catch (error& e) {
                    e.prepend_member(M::name);
                    throw;
                }
            });
        } catch (error& e) {
            e.prepend_index(index);
            throw;
        }
        out_.append(o_.row_separator);
    }

    template <class K>
    std::string key_text(const K& k) const {
        if constexpr (string_like<K>) return std::string(std::string_view(k));
        else return jsv::detail::writer::scalar_text(k, jsv_options_);
    }

    template <class K>
    bool same_key(const K& k, const std::string& text) const {
        if constexpr (string_like<K>) return std::string_view(k) == text;
        else return key_text(k) == text;
    }

    template <class E, class Range>
    void dictionary_rows(const Range& items) {
        // CsvDictionaryWriter: string values → the union of all keys, sorted ordinally;
        // other values (Dictionary<string,object>) → the keys of the first row.
        std::vector<std::string> keys;
        constexpr bool string_values = string_like<unwrapped_t<typename E::mapped_type>>;
        for (const E* item : items) {
            if (!item) continue;
            for (const auto& [k, val] : *item) {
                std::string s = key_text(k);
                if (std::find(keys.begin(), keys.end(), s) == keys.end()) keys.push_back(std::move(s));
            }
            if (!string_values) break;
        }
        if (string_values)
            std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) { return sstk::detail::compare_ordinal(a, b) < 0; });
        if (!o_.omit_headers) {
            // Keys are data: quoted like cells, so a key holding the separator, the delimiter or a
            // line break (or starting with [ or {) reads back as itself; and quoted when it has
            // leading or trailing whitespace, which the reader trims off unquoted header cells.
            for (std::size_t c = 0; c < keys.size(); ++c) {
                if (c) out_.append(o_.separator);
                const std::string_view k = keys[c];
                const bool edge_space = !k.empty() && (k.front() == ' ' || k.front() == '\t' || k.back() == ' ' || k.back() == '\t');
                if (edge_space && !o_.delimiter.empty()) quote(k);
                else field(k);
            }
            out_.append(o_.row_separator);
        }
        std::size_t i = 0;
        for (const E* item : items) {
            for (std::size_t c = 0; c < keys.size(); ++c) {
                if (c) out_.append(o_.separator);
                if (!item) continue;
                for (const auto& [k, val] : *item) {
                    if (!same_key(k, keys[c])) continue;
                    try {
                        cell(val);
                    } catch (error& e) {
                        e.prepend_index(i);
                        throw;
                    }
                    break;
                }
            }
            out_.append(o_.row_separator);
            ++i;
        }
    }

    // One cell: the value's text (JSV for nested values, with JSV's outer quotes stripped as
    // CsvSerializer's StripQuotes does), CSV-quoted when needed. Values are formatted straight
    // into the output and quoted afterwards in the rare case they need it.
    template <class V>
    void cell(const V& v) {
        if constexpr (is_optional_v<V>) {
            if (v) cell(*v);
        } else if constexpr (string_like<V>) {
            field(std::string_view(v));
        } else if constexpr (std::is_same_v<V, char16_t>) {
            field(char16_text(v));
        } else if constexpr (std::is_same_v<V, boost::json::value>) {
            if (v.is_string()) field(std::string_view(v.get_string()));
            else in_place([&] { jsv_.value(v); });
        } else if constexpr (described_class<V> || map_like<V> || sequence_like<V>) {
            in_place([&] { jsv_.value(v); });
        } else {
            in_place([&] { jsv_.scalar(v); });
        }
    }

    template <class F>
    void in_place(F&& format) {
        const std::size_t mark = out_.size();
        format();
        const std::string_view text = out_.since(mark);
        if (o_.delimiter.empty() || !needs_quotes(text)) return;
        quoted_.assign(text);
        out_.truncate(mark);
        quote(quoted_);
    }

    // Beyond ServiceStack's rule (ToCsvField), a cell starting with U+FEFF is quoted: as the first
    // cell of a document its bytes EF BB BF would be a byte order mark, which readers (.NET's
    // StreamReader, csv::read) strip, and the cell would lose its first character.
    bool needs_quotes(std::string_view s) const noexcept {
        if (s.empty()) return false;
        if (s.front() == '[' || s.front() == '{') return true;
        if (s.starts_with("\xEF\xBB\xBF")) return true;
        if (simple_) return has_special(s);
        if (s.find_first_of("\r\n") != std::string_view::npos) return true;
        return s.find(o_.delimiter) != std::string_view::npos || s.find(o_.separator) != std::string_view::npos ||
               s.find(o_.row_separator) != std::string_view::npos;
    }

    // Whether s holds the separator, the delimiter, CR or LF: eight bytes at a time (a byte
    // equal to c is a zero byte of x ^ c, found with the carry trick).
    bool has_special(std::string_view s) const noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
        const std::uint64_t ps = ones * static_cast<unsigned char>(sep_), pd = ones * static_cast<unsigned char>(delim_),
                            pr = ones * static_cast<unsigned char>('\r'), pn = ones * static_cast<unsigned char>('\n');
        const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t x;
            std::memcpy(&x, s.data() + i, 8);
            if (zero_byte(x ^ ps) | zero_byte(x ^ pd) | zero_byte(x ^ pr) | zero_byte(x ^ pn)) return true;
        }
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c == sep_ || c == delim_ || c == '\r' || c == '\n') return true;
        }
        return false;
    }

    void field(std::string_view s) {
        if (o_.delimiter.empty() || !needs_quotes(s)) out_.append(s);
        else quote(s);
    }

    void quote(std::string_view s) {
        out_.append(o_.delimiter);
        std::size_t i = 0;
        for (;;) {
            const std::size_t j = o_.delimiter.size() == 1 ? s.find(o_.delimiter[0], i) : s.find(o_.delimiter, i);
            if (j == std::string_view::npos) break;
            out_.append(s.substr(i, j - i + o_.delimiter.size()));
            out_.append(o_.delimiter);
            i = j + o_.delimiter.size();
        }
        out_.append(s.substr(i));
        out_.append(o_.delimiter);
    }

    output_buffer& out_;
    const write_options& o_;
    jsv::write_options jsv_options_;
    jsv::detail::writer jsv_;
    bool simple_ = false;
    char sep_ = ',';
    char delim_ = '"';
    std::string quoted_;  // a formatted cell that turned out to need quotes
};

}  // namespace detail

// Appends the CSV of `value` to `out`. On error `out` is left as it was.
template <class T>
void write(std::string& out, const T& value, const write_options& options = {}) {
    output_buffer buffer(out);
    try {
        detail::writer(buffer, options).document(value);
    } catch (...) {
        buffer.discard();
        throw;
    }
    buffer.finish();
}

template <class T>
std::string write(const T& value, const write_options& options = {}) {
    std::string out;
    write(out, value, options);
    return out;
}

template <class T>
result<std::string> try_write(const T& value, const write_options& options = {}) {
    return capture([&] { return write(value, options); });
}

}  // namespace sstk::csv
