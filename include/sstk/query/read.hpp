// Query-string / form-urlencoded reader: binds `a=1&b=x` onto a DTO as a ServiceStack server does
// (StringMapTypeDeserializer, research §5.4):
//  - keys match members ASCII case-insensitively (and ignoring '_'/'-'), DataMember names too;
//    unknown keys are ignored (or an error);
//  - string members take the decoded text verbatim; every other member parses it as JSV for its
//    type: lists `a,b,c` or `[a,b,c]`, maps `{k:v}`, objects `{Name:x}`, dates in any spelling,
//    Guids N or D, bools true/True/1;
//  - a repeated key is joined with ',' as .NET's NameValueCollection joins it (so `id=1&id=2`
//    fills a list); `k` without '=' and `k=` for a non-string member are null (left default);
//  - `Nested[Sub]=v` (QueryStringStrategy.FormUrlEncoded) fills a nested DTO's or a
//    dictionary's entry (one level);
//  - '+' is a space; a '+' that ServiceStack.Text's QueryStringSerializer left unencoded (date
//    offsets, exponents, base64) is restored before parsing, so the right value is read.
// A malformed percent-escape is an sstk::error (syntax) with its byte offset.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/utf8.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/jsv/read.hpp>
#include <sstk/jsv/write.hpp>
#include <sstk/query/encoding.hpp>
#include <sstk/query/options.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::query {

namespace detail {

// The text bound to one member, and where it came from for error positions.
struct bound_value {
    std::string text;
    std::size_t offset = 0;  // of the (last) raw value in the input
    bool exact = true;       // the decoded text is the raw bytes (no escapes, no joins)
    bool present = false;
};

template <class T>
class binder {
public:
    binder(std::string_view in, const read_options& o) : in_(in), o_(o), values_(member_lookup<T>::size) {}

    void bind(T& out) {
        out = T{};
        std::size_t i = 0;
        if (!in_.empty() && in_[0] == '?') i = 1;
        std::size_t pairs = 0;
        while (i <= in_.size()) {
            std::size_t end = in_.find('&', i);
            if (end == std::string_view::npos) end = in_.size();
            if (end > i) check_member_count(++pairs, o_, i);
            if (end > i) pair(i, end);
            i = end + 1;
        }
        for (std::size_t m = 0; m < values_.size(); ++m) {
            if (!values_[m].present) continue;
            visit_member<T>(m, [&](auto info) {
                using M = decltype(info);
                try {
                    assign(values_[m], M::get(out));
                } catch (error& e) {
                    mask_if_secret(e, M::name, M::cpp_name).prepend_member(M::name);
                    throw;
                }
            });
        }
    }

private:
    void pair(std::size_t begin, std::size_t end) {
        const std::string_view raw = in_.substr(begin, end - begin);
        const std::size_t eq = raw.find('=');
        std::string key;
        decode(key, raw.substr(0, eq), begin);
        if (eq == std::string_view::npos) return;  // `k` alone: null
        const std::size_t value_at = begin + eq + 1;
        const std::string_view raw_value = raw.substr(eq + 1);
        std::string value;
        decode(value, raw_value, value_at);

        std::string sub;  // Nested[Sub]=v
        const std::size_t bracket = key.find('[');
        if (bracket != std::string::npos && bracket > 0 && key.back() == ']') {
            sub = key.substr(bracket + 1, key.size() - bracket - 2);
            key.resize(bracket);
        }
        const std::size_t m = member_lookup<T>::find(key);
        if (m == member_lookup<T>::size) {
            if (o_.unknown_members == jsv::unknown_member_policy::error)
                throw error(errc::unknown_member, "'" + key + "' is not a member of " + std::string(contract_of<T>().name), begin);
            return;
        }
        bound_value& b = values_[m];
        if (bracket != std::string::npos && !sub.empty()) {
            // Collected as JSV: {Sub:v,Sub2:v2}.
            std::string& t = b.text;
            if (!b.present || t.empty() || t.front() != '{') t = "{}";
            t.pop_back();
            if (t.size() > 1) t += ',';
            jsv::append_string(t, sub);
            t += ':';
            jsv::append_string(t, value);
            t += '}';
            b.exact = false;
        } else if (b.present) {
            b.text += ',';
            b.text += value;
            b.exact = false;
        } else {
            b.text = std::move(value);
            b.exact = b.text == raw_value;
        }
        check_string_length(b.text.size(), o_, value_at);  // a repeated key's values joined
        b.offset = value_at;
        b.present = true;
    }

    void decode(std::string& out, std::string_view raw, std::size_t at) const {
        // Every decoded byte takes at most three raw ones: refuse a long value before decoding it.
        if ((raw.size() + 2) / 3 > o_.max_string_length) check_string_length((raw.size() + 2) / 3, o_, at);
        try {
            percent_decode(out, raw, o_.plus_as_space);
        } catch (error& e) {
            e.at_offset(at + (e.offset() == error::npos ? 0 : e.offset()));
            throw;
        }
        check_string_length(out.size(), o_, at);
        // Percent-escapes can spell any byte: the decoded text is what must be UTF-8.
        if (find_invalid_utf8(out) != error::npos) throw error(errc::syntax, "invalid UTF-8 (after percent-decoding)", at);
    }

    template <class V>
    void assign(const bound_value& b, V& out) const {
        if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::optional<std::string>>) {
            out = b.text;  // strings take the decoded text verbatim, "" included
        } else {
            if (b.text.empty()) return;  // null: the member keeps its default
            try {
                const jsv::read_options jo = o_.jsv();
                jsv::detail::reader r(b.text, jo,
                                      o_.plus_as_space ? jsv::detail::plus_repair::spaces_were_plus : jsv::detail::plus_repair::none);
                r.document(out);
            } catch (error& e) {
                const std::size_t inner = e.offset() == error::npos ? 0 : e.offset();
                e.at_offset(b.offset + (b.exact ? inner : 0));
                throw;
            }
        }
    }

    std::string_view in_;
    const read_options& o_;
    std::vector<bound_value> values_;
};

}  // namespace detail

// Binds a query string (with or without its leading '?') or a form body onto `out`, which is
// reset first. Throws sstk::error with member path, offset, line and column; after a failure
// `out` is valid but unspecified (docs/limits.md).
template <class T>
void read(std::string_view text, T& out, const read_options& options = {}) {
    static_assert(described_class<T>, "sstk::query binds onto DTOs (described structs)");
    try {
        check_document_size(text.size(), options);
        detail::binder<T>(text, options).bind(out);
    } catch (error& e) {
        e.locate(text);
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

}  // namespace sstk::query
