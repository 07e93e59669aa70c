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

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::query {

namespace detail {

// The text bound to one member, and where it came from for error positions. A member named
// once keeps a view of its raw value (or, when it was encoded, of its decoded text in the
// binder's arena); a repeated key or `Nested[Sub]` pairs compose decoded text.
struct bound_value {
    std::string_view raw;
    std::string text;              // composed (decoded) text
    std::size_t offset = 0;        // of the (last) raw value in the input
    std::size_t decoded_begin = 0; // raw decoded, in the binder's arena
    std::size_t decoded_end = 0;
    bool encoded = false;          // raw needs decoding
    bool composed = false;
    bool present = false;
};

template <class T>
class binder {
public:
    binder(std::string_view in, const read_options& o) : in_(in), o_(o) {}

    // Reads into `out` in place (strings keep their storage); members the input does not
    // name, or names without a value, get the value a default-constructed T has.
    void bind(T& out) {
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
            visit_member<T>(m, [&](auto info) {
                using M = decltype(info);
                if (values_[m].present) {
                    try {
                        if (assign(values_[m], M::get(out))) return;
                    } catch (error& e) {
                        mask_if_secret(e, M::name, M::cpp_name).prepend_member(M::name);
                        throw;
                    }
                }
                static const T defaults{};
                M::get(out) = M::get(defaults);
            });
        }
    }

private:
    bool needs_decoding(std::string_view raw) const noexcept {
        return raw.find('%') != std::string_view::npos || (o_.plus_as_space && raw.find('+') != std::string_view::npos);
    }

    // A value named again (or in Nested[Sub] form): its text so far, decoded.
    void compose(bound_value& b) {
        if (!b.present || b.composed) return;
        b.text.assign(decoded(b));
        b.composed = true;
    }

    // A single value's decoded text.
    std::string_view decoded(const bound_value& b) const noexcept {
        return b.encoded ? std::string_view(arena_).substr(b.decoded_begin, b.decoded_end - b.decoded_begin) : b.raw;
    }

    void pair(std::size_t begin, std::size_t end) {
        const std::string_view raw = in_.substr(begin, end - begin);
        const std::size_t eq = raw.find('=');
        std::string_view key = raw.substr(0, eq);
        if (needs_decoding(key)) {
            key_.clear();
            decode(key_, key, begin);
            key = key_;
        } else {
            check_plain(key, begin);
        }
        if (eq == std::string_view::npos) return;  // `k` alone: null
        const std::size_t value_at = begin + eq + 1;
        const std::string_view raw_value = raw.substr(eq + 1);
        // An encoded value is decoded now (a malformed escape is an error even for a member
        // that does not exist), into the arena all of this read's decoded values share.
        const bool encoded = needs_decoding(raw_value);
        std::size_t decoded_begin = 0, decoded_end = 0;
        if (encoded) {
            decoded_begin = arena_.size();
            decode(arena_, raw_value, value_at);
            decoded_end = arena_.size();
        } else {
            check_plain(raw_value, value_at);
        }

        std::string_view sub;  // Nested[Sub]=v
        const std::size_t bracket = key.find('[');
        const bool nested = bracket != std::string_view::npos && bracket > 0 && key.back() == ']';
        if (nested) {
            sub = key.substr(bracket + 1, key.size() - bracket - 2);
            key = key.substr(0, bracket);
        }
        const std::size_t m = member_lookup<T>::find(key);
        if (m == member_lookup<T>::size) {
            if (o_.unknown_members == jsv::unknown_member_policy::error)
                throw error(errc::unknown_member, "'" + std::string(key) + "' is not a member of " + std::string(contract_of<T>().name), begin);
            return;
        }
        bound_value& b = values_[m];
        if (nested && !sub.empty()) {
            // Collected as JSV: {Sub:v,Sub2:v2}.
            compose(b);
            std::string& t = b.text;
            if (!b.present || t.empty() || t.front() != '{') t = "{}";
            t.pop_back();
            if (t.size() > 1) t += ',';
            jsv::append_string(t, sub);
            t += ':';
            jsv::append_string(t, encoded ? std::string_view(arena_).substr(decoded_begin, decoded_end - decoded_begin) : raw_value);
            t += '}';
            b.composed = true;
        } else if (b.present) {
            compose(b);
            b.text += ',';
            b.text += encoded ? std::string_view(arena_).substr(decoded_begin, decoded_end - decoded_begin) : raw_value;
        } else {
            b.raw = raw_value;
            b.encoded = encoded;
            b.decoded_begin = decoded_begin;
            b.decoded_end = decoded_end;
            b.composed = false;
        }
        check_string_length(b.text.size(), o_, value_at);  // a repeated key's values joined
        b.offset = value_at;
        b.present = true;
    }

    // Appends the decoded `raw` to `out` (which may hold earlier values: only the new text is
    // checked).
    void decode(std::string& out, std::string_view raw, std::size_t at) const {
        // Every decoded byte takes at most three raw ones: refuse a long value before decoding it.
        if ((raw.size() + 2) / 3 > o_.max_string_length) check_string_length((raw.size() + 2) / 3, o_, at);
        const std::size_t start = out.size();
        try {
            percent_decode(out, raw, o_.plus_as_space);
        } catch (error& e) {
            e.at_offset(at + (e.offset() == error::npos ? 0 : e.offset()));
            throw;
        }
        check_plain(std::string_view(out).substr(start), at, "invalid UTF-8 (after percent-decoding)");
    }

    // A key or value as it will be used: within max_string_length and valid UTF-8 (percent-escapes
    // can spell any byte, so this is checked on the decoded text).
    void check_plain(std::string_view text, std::size_t at, const char* what = "invalid UTF-8") const {
        check_string_length(text.size(), o_, at);
        if (find_invalid_utf8(text) != error::npos) throw error(errc::syntax, what, at);
    }

    // false: the value is null (the member gets its default).
    template <class V>
    bool assign(const bound_value& b, V& out) {
        if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::optional<std::string>>) {
            // strings take the decoded text verbatim, "" included, in place
            std::string* target;
            if constexpr (is_optional_v<V>) {
                if (!out) out.emplace();
                target = &*out;
            } else {
                target = &out;
            }
            target->assign(b.composed ? std::string_view(b.text) : decoded(b));
            return true;
        } else {
            const std::string_view text = b.composed ? std::string_view(b.text) : decoded(b);
            const bool exact = !b.composed && !b.encoded;
            if (text.empty()) return false;  // null: the member keeps its default
            try {
                const jsv::read_options jo = o_.jsv();
                jsv::detail::reader r(text, jo, o_.plus_as_space ? jsv::detail::plus_repair::spaces_were_plus : jsv::detail::plus_repair::none);
                r.document(out);
            } catch (error& e) {
                const std::size_t inner = e.offset() == error::npos ? 0 : e.offset();
                e.at_offset(b.offset + (exact ? inner : 0));
                throw;
            }
            return true;
        }
    }

    static std::string& thread_arena() {
        thread_local std::string a;
        a.clear();
        return a;
    }

    std::string_view in_;
    const read_options& o_;
    std::array<bound_value, member_lookup<T>::size> values_{};
    std::string key_;    // a decoded key
    std::string& arena_ = thread_arena();  // decoded values of this read, kept between reads
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
