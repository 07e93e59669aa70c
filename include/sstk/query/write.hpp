// Query-string / form-urlencoded writer: a request DTO to `k=v&k=v` as the ServiceStack C#
// client builds a GET URL's query (style::client), or as ServiceStack.Text's
// QueryStringSerializer writes a query string or form body (style::query_string_serializer).
//
//   std::string qs = sstk::query::write(request);   // "userName=bob%20smith&take=10"
//   auto form = sstk::query::write(request, sstk::query::write_options::for_style(
//                                              sstk::query::style::query_string_serializer));
//
// Fixed, not copied, where ServiceStack's output does not read back right on a server
// (servicestack-text-observed.md "QueryString"):
//  - list brackets: .NET trims every leading [ and trailing ] (`[[1,2],[3]]` → `1,2],[3`); sstk
//    removes one pair, and keeps it when the items are lists themselves, which a server's list
//    parser needs to see the nesting: `[[1,2],[3]]` stays whole;
//  - QueryStringSerializer leaves non-string scalars unencoded, so the '+' of a date offset, an
//    exponent or base64 reaches the server as a space; sstk url-encodes them (`:` → %3a,
//    `+` → %2b), which a server decodes to the same text.
// QueryStringSerializer quotes a string inside a nested value only when it holds , { } [ ] CR LF
// or starts with " (observed: `Foo%3aBar,Get%3aOut`, `%22Doe,+John%22`); sstk also quotes an
// empty one (`""`), which would otherwise read back as a null slot.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/output_buffer.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/jsv/write.hpp>
#include <sstk/query/encoding.hpp>
#include <sstk/query/options.hpp>
#include <sstk/text/defaults.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace sstk::query {

namespace detail {

// A string inside a nested QueryStringSerializer value, then UrlEncode. A map key is also quoted
// when it has leading or trailing whitespace, which the reader would trim off an unquoted key.
inline void qs_scalar(output_buffer& out, std::string_view text, jsv::detail::scalar_kind kind) {
    using jsv::detail::scalar_kind;
    const bool quoted = kind != scalar_kind::scalar &&
                        (text.empty() || text.front() == '"' || text.find_first_of(",{}[]\r\n") != std::string_view::npos ||
                         (kind == scalar_kind::key && jsv::detail::key_has_edge_space(text)));
    if (quoted) {
        // "text" with " doubled, encoded: %22 ... %22%22 ... %22
        out += "%22";
        std::size_t i = 0;
        for (;;) {
            const std::size_t j = text.find('"', i);
            if (j == std::string_view::npos) break;
            url_encode(out, text.substr(i, j - i));
            out += "%22%22";
            i = j + 1;
        }
        url_encode(out, text.substr(i));
        out += "%22";
        return;
    }
    url_encode(out, text);
}

// Removes one pair of list brackets, unless the list is empty or holds lists.
inline std::string_view trim_list_brackets(std::string_view text) noexcept {
    if (text.size() > 2 && text.front() == '[' && text.back() == ']' && text[1] != '[') return text.substr(1, text.size() - 2);
    return text;
}

template <class V>
inline constexpr bool is_string_member_v = string_like<V> && !std::is_same_v<V, std::nullptr_t>;

class writer {
public:
    writer(output_buffer& out, const write_options& o)
        : out_(out), o_(o), jsv_options_(o.jsv()), jsv_(out, jsv_options_, &qs_scalar), escaped_jsv_(out, jsv_options_) {}

    template <class T>
    void document(const T& v) {
        static_assert(described_class<T>, "sstk::query writes DTOs (described structs)");
        object(v, std::string_view{});
    }

private:
    bool client() const noexcept { return o_.style == style::client; }

    template <class T>
    void object(const T& v, std::string_view prefix) {
        for_each_member<T>([&](auto m) {
            using M = decltype(m);
            using V = typename M::value_type;
            const auto& field = M::get(v);
            if (prefix.empty())
                for (const std::string_view x : o_.exclude)
                    if (sstk::detail::iequals(x, M::name)) return;
            if constexpr (is_optional_v<V>) {
                if (!field) return;
            } else if constexpr (text::is_value_type_v<V>) {
                if (client() && text::is_default_value(field)) return;  // C# client: default value types skipped
            }
            try {
                member(field, key<M>(), prefix);
            } catch (error& e) {
                e.prepend_member(M::name);
                throw;
            }
        });
    }

    // The C# client camel-cases every key, DataMember names too; QueryStringSerializer leaves
    // DataMember names alone (the walker's keys).
    template <class M>
    std::string_view key() {
        if (client() && M::renamed) {
            key_ = to_cased(M::name, o_.casing);
            return key_;
        }
        return M::key_for(o_.casing);
    }

    template <class V>
    void member(const V& field, std::string_view key, std::string_view prefix) {
        if constexpr (is_optional_v<V>) {
            member(*field, key, prefix);
        } else if constexpr (sequence_like<V>) {
            if (client() && o_.skip_empty_arrays && std::ranges::empty(field)) return;
            begin(key, prefix);
            value(field);
        } else if constexpr ((described_class<V> || map_like<V>) && !std::is_same_v<V, boost::json::value>) {
            if (!client() && o_.complex == complex_strategy::form_url_encoded) {
                std::string nested(prefix);
                nested += prefix.empty() ? std::string(key) : "[" + std::string(key) + "]";
                if constexpr (described_class<V>) {
                    object(field, nested);
                } else {
                    for (const auto& [k, item] : field) {
                        if constexpr (is_optional_v<std::remove_cvref_t<decltype(item)>>) {
                            if (!item) continue;
                        }
                        std::string k_text;
                        if constexpr (string_like<std::remove_cvref_t<decltype(k)>>) k_text.assign(std::string_view(k));
                        else k_text = jsv::detail::writer::scalar_text(k, jsv_options_);
                        std::string encoded;
                        url_encode(encoded, k_text);
                        member(item, encoded, nested);
                    }
                }
                return;
            }
            begin(key, prefix);
            value(field);
        } else {
            begin(key, prefix);
            value(field);
        }
    }

    void begin(std::string_view key, std::string_view prefix) {
        if (!first_) out_.put('&');
        first_ = false;
        if (prefix.empty()) {
            out_.append(key);
        } else {
            out_.append(prefix);
            out_.put('[');
            out_.append(key);
            out_.put(']');
        }
        out_.put('=');
    }

    template <class V>
    void value(const V& v) {
        if constexpr (is_string_member_v<V>) {
            if (client()) escape_data_string(out_, std::string_view(v));
            else url_encode(out_, std::string_view(v));
            return;
        } else if (client()) {
            // Uri.EscapeDataString of the JSV text, encoded as it is written.
            const std::size_t mark = out_.size();
            escaped_jsv_.value(v);
            if constexpr (sequence_like<V>) {
                // One pair of brackets removed, as trim_list_brackets does on the JSV text: an
                // encoded bracket is three bytes, and a '%' of the text is itself encoded, so
                // "%5B" at the start of the items is the JSV's '['.
                const std::string_view written = out_.since(mark);
                if (written.size() > 6 && written.starts_with("%5B") && written.ends_with("%5D") && written.substr(3, 3) != "%5B")
                    drop_around(mark, 3);
            }
        } else {
            // JSV straight into the output, encoded scalar by scalar; structure stays raw.
            const std::size_t mark = out_.size();
            jsv_.value(v);
            if constexpr (sequence_like<V>) {
                const std::string_view written = out_.since(mark);
                if (trim_list_brackets(written).size() != written.size()) drop_around(mark, 1);
            }
        }
    }

    // Removes n bytes from each end of what was written since mark.
    void drop_around(std::size_t mark, std::size_t n) {
        scratch_.assign(out_.since(mark).substr(n));
        scratch_.resize(scratch_.size() - n);
        out_.truncate(mark);
        out_.append(scratch_);
    }

    output_buffer& out_;
    const write_options& o_;
    jsv::write_options jsv_options_;
    jsv::detail::writer jsv_;  // QueryStringSerializer style
    jsv::detail::basic_writer<escape_data_string_encoding> escaped_jsv_;  // client style
    std::string scratch_;
    std::string key_;
    bool first_ = true;
};

}  // namespace detail

// Appends `k=v&...` for the DTO's members (no leading '?'). On error `out` is left as it was.
template <class T>
void write(std::string& out, const T& dto, const write_options& options = {}) {
    output_buffer buffer(out);
    try {
        detail::writer(buffer, options).document(dto);
    } catch (...) {
        buffer.discard();
        throw;
    }
    buffer.finish();
}

template <class T>
std::string write(const T& dto, const write_options& options = {}) {
    std::string out;
    write(out, dto, options);
    return out;
}

template <class T>
result<std::string> try_write(const T& dto, const write_options& options = {}) {
    return capture([&] { return write(dto, options); });
}

}  // namespace sstk::query
