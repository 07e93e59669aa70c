// JSV writer: a DTO (or any supported value) to ServiceStack's JSV ("JSON + CSV", TypeSerializer).
// Appends to a caller-owned buffer; keys are pre-encoded per casing at compile time.
//
//   std::string body = sstk::jsv::write(request);     // {UserName:bob,Email:a@b.c}
//   sstk::jsv::write(buffer, request, options);        // appends
//   auto r = sstk::jsv::try_write(request);            // sstk::result<std::string>
//
// Grammar (research/servicestack-formats.md §2.1, servicestack-text-observed.md "JSV"):
//  - objects {Name:value,...}, names unquoted; lists [a,b]; maps {k:v}; no whitespace added;
//  - a string is quoted iff it holds one of  " : , { } [ ] \r \n  (JsWriter.EscapeChars), with "
//    doubled; "" is written as ""; everything else (tab, spaces, \, /, ', unicode) stays raw;
//  - null members and null dictionary values are omitted; a null list item is an empty slot
//    ([1,,3], [a,]); [DataMember(EmitDefaultValue=false)] omits default values;
//  - bool True/False; numbers invariant (NaN/Infinity raw); decimal keeps its scale; Guid N;
//    DateTime shortest XSD (write_options::dates); DateTimeOffset "o"; TimeSpan xsd:duration;
//    byte[] base64; enums by name, [Flags] and undefined values as numbers.
// Deliberate deviation: ServiceStack writes a `char` raw, so a char that is one of the special
// characters (`,` above all) breaks the document and reads back as '\0'. sstk writes a char as a
// one-character string, quoted when special (`","`); ServiceStack's char parser reads a value
// longer than one character through JsonTypeSerializer.Unescape, which strips the quotes, so
// it gets ',' back (ServiceStack.Text Common/DeserializeBuiltin.cs, TypeCode.Char).
#pragma once

#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/output_buffer.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/jsv/options.hpp>
#include <sstk/text/defaults.hpp>
#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/integer.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/json/value.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace sstk::jsv {

// Whether ServiceStack quotes this string in JSV (JsWriter.EscapeChars).
constexpr bool is_escape_char(char c) noexcept {
    switch (c) {
    case '"': case ':': case ',': case '{': case '}': case '[': case ']': case '\r': case '\n': return true;
    default: return false;
    }
}

constexpr bool needs_quotes(std::string_view s) noexcept {
    for (const char c : s)
        if (is_escape_char(c)) return true;
    return false;
}

namespace detail {

struct escape_chars_table {
    bool special[256];
};
inline constexpr escape_chars_table escape_chars = [] {
    escape_chars_table t{};
    for (int c = 0; c < 256; ++c) t.special[c] = is_escape_char(static_cast<char>(c));
    return t;
}();

// The index of the first character JSV quotes for, or s.size().
inline std::size_t first_escape_char(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size() && !escape_chars.special[static_cast<unsigned char>(s[i])]) ++i;
    return i;
}

// A quoted JSV string: "...", with " doubled.
template <class Out>
void append_quoted(Out& out, std::string_view s) {
    out += '"';
    std::size_t i = 0;
    for (;;) {
        const std::size_t j = s.find('"', i);
        if (j == std::string_view::npos) break;
        out += s.substr(i, j + 1 - i);
        out += '"';
        i = j + 1;
    }
    out += s.substr(i);
    out += '"';
}

}  // namespace detail

// Appends a string as a JSV value: raw, or quoted with " doubled; "" for the empty string.
inline void append_string(std::string& out, std::string_view s) {
    if (s.empty()) out += "\"\"";
    else if (detail::first_escape_char(s) == s.size()) out += s;
    else detail::append_quoted(out, s);
}

inline void append_string(output_buffer& out, std::string_view s) {
    if (s.empty()) out.append("\"\"");
    else if (detail::first_escape_char(s) == s.size()) out.append(s);
    else detail::append_quoted(out, s);
}

namespace detail {

// `Key:` for one member under one casing, built once at compile time.
template <class M, casing Policy>
struct key_colon {
private:
    static constexpr std::string_view key_ = M::template key<Policy>;
    static constexpr std::array<char, key_.size() + 1> storage_ = [] {
        std::array<char, key_.size() + 1> a{};
        for (std::size_t i = 0; i < key_.size(); ++i) a[i] = key_[i];
        a[key_.size()] = ':';
        return a;
    }();

public:
    static constexpr std::string_view value{storage_.data(), storage_.size()};
};

// What a filtered scalar is: a non-string scalar's JSV text, a string's raw text, or a map key's
// text (a key must also keep leading and trailing whitespace, which the reader trims off an
// unquoted key).
enum class scalar_kind : unsigned char { scalar, string, key };

// Whether a map key must be quoted although it holds none of the escape characters: unquoted keys
// are read with surrounding whitespace trimmed (jsv/read.hpp, read_key).
constexpr bool key_has_edge_space(std::string_view k) noexcept {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    return !k.empty() && (space(k.front()) || space(k.back()));
}

// Writes one scalar in place of the JSV writer (the query-string serializer quotes strings by its
// own rule and url-encodes every scalar inside a nested value). `text` is a string's or key's raw
// text, or a non-string scalar's JSV text. nullptr: plain JSV.
using scalar_filter = void (*)(output_buffer& out, std::string_view text, scalar_kind kind);

// Value-type text (the formatters append to a std::string). One per thread, kept between
// writes, so writing allocates nothing after warm-up.
inline std::string& thread_scratch() {
    thread_local std::string s;
    return s;
}

// How the JSV text reaches the output: as it is (JSV, CSV cells, QueryStringSerializer values,
// which percent-encode through a scalar_filter), or percent-encoded byte by byte as it is
// written (the C# client's query values are Uri.EscapeDataString of the JSV text;
// query/write.hpp). An encoding policy E has `active`, `kept(c)` (a byte written as itself),
// `hex` (the digits of %XX), `append(out, text)` and `first_changed(text)`.
struct unencoded {
    static constexpr bool active = false;
};

// `Key:` percent-encoded by policy E, built once at compile time.
template <class M, casing Policy, class E>
struct encoded_key_colon {
private:
    static constexpr std::string_view raw_ = key_colon<M, Policy>::value;
    static constexpr std::size_t size_ = [] {
        std::size_t n = 0;
        for (const char c : raw_) n += E::kept(c) ? 1 : 3;
        return n;
    }();
    static constexpr std::array<char, size_> storage_ = [] {
        std::array<char, size_> a{};
        std::size_t k = 0;
        for (const char c : raw_) {
            const auto u = static_cast<unsigned char>(c);
            if (E::kept(c)) {
                a[k++] = c;
            } else {
                a[k++] = '%';
                a[k++] = E::hex[u >> 4];
                a[k++] = E::hex[u & 15];
            }
        }
        return a;
    }();

public:
    static constexpr std::string_view value{storage_.data(), size_};
};

template <class Encoding = unencoded>
class basic_writer {
public:
    basic_writer(output_buffer& out, const write_options& o, scalar_filter filter = nullptr)
        : out_(out), o_(o), zone_(o.zone ? *o.zone : time_zone::system()), filter_(filter) {}

    // A null value writes nothing (an empty slot in a list, an omitted member in an object).
    template <class T>
    void value(const T& v) {
        if constexpr (is_optional_v<T>) {
            if (v) value(*v);
        } else if constexpr (std::is_same_v<T, boost::json::value>) {
            any(v);
        } else if constexpr (described_class<T>) {
            object(v);
        } else if constexpr (map_like<T>) {
            map(v);
        } else if constexpr (sequence_like<T>) {
            list(v);
        } else if constexpr (Encoding::active) {
            encoded_scalar(v);
        } else if (filter_) {
            if constexpr (string_like<T>) {
                filter_(out_, std::string_view(v), scalar_kind::string);
            } else if constexpr (std::is_same_v<T, char16_t>) {
                filter_(out_, char16_text(v), scalar_kind::string);
            } else {
                filtered_scalar(v);
            }
        } else {
            scalar(v);
        }
    }

    // The text of a scalar, unquoted: what CSV cells and query-string values carry.
    template <class T>
    void scalar(const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            out_.append(v ? std::string_view("True") : std::string_view("False"));
        } else if constexpr (std::is_same_v<T, char16_t>) {
            append_string(out_, char16_text(v));
        } else if constexpr (wire_integer<T>) {
            integer(v);
        } else if constexpr (std::is_same_v<T, double>) {
            std::string& t = formatted();
            append_double(t, v, o_.doubles, float_specials::text);
            out_.append(t);
        } else if constexpr (std::is_same_v<T, float>) {
            std::string& t = formatted();
            append_float(t, v, o_.doubles == float_format::netfx_general ? float_format::netfx_roundtrip : o_.doubles,
                         float_specials::text);
            out_.append(t);
        } else if constexpr (std::is_enum_v<T>) {
            enumeration(v);
        } else if constexpr (std::is_same_v<T, decimal>) {
            std::string& t = formatted();
            v.append_to(t);
            out_.append(t);
        } else if constexpr (std::is_same_v<T, guid>) {
            if (o_.guids == guid_format::n || o_.guids == guid_format::d) {
                char* p = out_.reserve(36);
                const auto& b = v.bytes();
                static constexpr char hex[] = "0123456789abcdef";
                const bool dashed = o_.guids == guid_format::d;
                std::size_t k = 0;
                for (std::size_t i = 0; i < 16; ++i) {
                    if (dashed && (i == 4 || i == 6 || i == 8 || i == 10)) p[k++] = '-';
                    p[k++] = hex[b[i] >> 4];
                    p[k++] = hex[b[i] & 0xF];
                }
                out_.commit(k);
            } else {
                std::string& t = formatted();
                v.append_to(t, o_.guids);
                out_.append(t);
            }
        } else if constexpr (std::is_same_v<T, date_time>) {
            std::string& t = formatted();
            v.append_to(t, o_.dates, zone_);
            out_.append(t);
        } else if constexpr (std::is_same_v<T, date_time_offset>) {
            std::string& t = formatted();
            v.append_to(t, date_time_offset_format::iso8601);
            out_.append(t);
        } else if constexpr (std::is_same_v<T, time_span>) {
            std::string& t = formatted();
            v.append_to(t, time_span_format::servicestack);
            out_.append(t);
        } else if constexpr (string_like<T>) {
            append_string(out_, std::string_view(v));
        } else if constexpr (byte_sequence<T>) {
            std::string& t = formatted();
            append_base64(t, std::span<const std::uint8_t>(std::ranges::data(v), std::ranges::size(v)));
            out_.append(t);
        } else {
            static_assert(sizeof(T) == 0, "sstk::jsv: this type has no JSV mapping");
        }
    }

    // A scalar's JSV text as a string (error paths and keys outside the hot path).
    template <class T>
    static std::string scalar_text(const T& v, const write_options& o) {
        std::string text;
        output_buffer b(text);
        basic_writer(b, o).scalar(v);
        b.finish();
        return text;
    }

private:
    static std::string& formatted() {
        std::string& t = thread_scratch();
        t.clear();
        return t;
    }

    template <class I>
    void integer(I v) {
        char* p = out_.reserve(24);
        out_.commit(static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - p));
    }

    // A non-string scalar through the filter: formatted in place, then handed over.
    template <class T>
    void filtered_scalar(const T& v) {
        const std::size_t mark = out_.size();
        scalar(v);
        std::string text(out_.since(mark));
        out_.truncate(mark);
        filter_(out_, text, scalar_kind::scalar);
    }

    // A scalar under an active encoding: strings (and enum names, chars) by the quoting rule,
    // anything else formatted in place and encoded from its first byte that changes (numbers
    // usually have none).
    template <class T>
    void encoded_scalar(const T& v) {
        if constexpr (string_like<T>) {
            encoded_string(std::string_view(v));
        } else if constexpr (std::is_same_v<T, char16_t>) {
            encoded_string(char16_text(v));
        } else {
            const std::size_t mark = out_.size();
            scalar(v);
            encode_since(mark);
        }
    }

    // Encodes what was written since `mark`, in place.
    void encode_since(std::size_t mark) {
        const std::string_view written = out_.since(mark);
        const std::size_t i = Encoding::first_changed(written);
        if (i == written.size()) return;
        encoded_.assign(written.substr(i));
        out_.truncate(mark + i);
        Encoding::append(out_, encoded_);
    }

    // append_string, encoded: raw, or "…" with " doubled; "" for the empty string.
    void encoded_string(std::string_view s) {
        if (s.empty()) {
            sym('"');
            sym('"');
        } else if (first_escape_char(s) == s.size()) {
            Encoding::append(out_, s);
        } else {
            encoded_quoted(s);
        }
    }

    void encoded_quoted(std::string_view s) {
        sym('"');
        std::size_t i = 0;
        for (;;) {
            const std::size_t j = s.find('"', i);
            if (j == std::string_view::npos) break;
            Encoding::append(out_, s.substr(i, j - i));
            sym('"');
            sym('"');
            i = j + 1;
        }
        Encoding::append(out_, s.substr(i));
        sym('"');
    }

    // One structural character: { } [ ] , : or a quote.
    SSTK_ALWAYS_INLINE void sym(char c) {
        if constexpr (Encoding::active) {
            if (Encoding::kept(c)) {
                out_.put(c);
            } else {
                const auto u = static_cast<unsigned char>(c);
                char* p = out_.reserve(3);
                p[0] = '%';
                p[1] = Encoding::hex[u >> 4];
                p[2] = Encoding::hex[u & 15];
                out_.commit(3);
            }
        } else {
            out_.put(c);
        }
    }

    void enter() {
        if (++depth_ > o_.max_depth)
            throw error(errc::limit_exceeded, "nesting deeper than max_depth (" + std::to_string(o_.max_depth) + ")");
    }
    void leave() noexcept { --depth_; }

    template <class T>
    void object(const T& v) {
        enter();
        sym('{');
        bool first = true;
        for_each_member<T>([&](auto m) {
            using M = decltype(m);
            const auto& field = M::get(v);
            if constexpr (is_optional_v<typename M::value_type>) {
                if (!field) return;  // JSV never writes nulls (IncludeNullValues is JSON-only)
            }
            if constexpr (!M::emit_default) {
                if (text::is_default_value(field)) return;
            }
            if (!first) sym(',');
            first = false;
            key<M>();
            try {
                value(field);
            } catch (error& e) {
                e.prepend_member(M::template key<casing::as_declared>);
                throw;
            }
        });
        leave();
        sym('}');
    }

    template <class M>
    void key() {
        if constexpr (Encoding::active) {
            switch (o_.casing) {
            case casing::camel: out_.append(encoded_key_colon<M, casing::camel, Encoding>::value); break;
            case casing::snake: out_.append(encoded_key_colon<M, casing::snake, Encoding>::value); break;
            case casing::as_declared: out_.append(encoded_key_colon<M, casing::as_declared, Encoding>::value); break;
            }
        } else {
            switch (o_.casing) {
            case casing::camel: out_.append(key_colon<M, casing::camel>::value); break;
            case casing::snake: out_.append(key_colon<M, casing::snake>::value); break;
            case casing::as_declared: out_.append(key_colon<M, casing::as_declared>::value); break;
            }
        }
    }

    // A null item is an empty slot ([1,,3]), so a list of one null item would be `[]`, which
    // reads back as the empty list: it has no JSV form and is refused, never written as another
    // value (ServiceStack writes `[]`).
    template <class T>
    void list(const T& v) {
        enter();
        sym('[');
        const std::size_t items_at = out_.size();
        std::size_t i = 0;
        for (const auto& item : v) {
            if (i) sym(',');
            try {
                value(item);
            } catch (error& e) {
                e.prepend_index(i);
                throw;
            }
            ++i;
        }
        if (i == 1 && out_.size() == items_at) {
            error e(errc::invalid_value, "a list holding one null item has no JSV form (it would read back as the empty list)");
            e.prepend_index(0);
            throw e;
        }
        leave();
        sym(']');
    }

    template <class T>
    void map(const T& v) {
        enter();
        sym('{');
        bool first = true;
        for (const auto& [k, item] : v) {
            if constexpr (is_optional_v<std::remove_cvref_t<decltype(item)>>) {
                if (!item) continue;  // null dictionary values are dropped, as in ServiceStack
            }
            if (!first) sym(',');
            first = false;
            map_key(k);
            sym(':');
            try {
                value(item);
            } catch (error& e) {
                e.prepend_key(scalar_text(k, o_));
                throw;
            }
        }
        leave();
        sym('}');
    }

    // Keys are quoted by the string rule even when they are not strings: a date key holds ':',
    // which would otherwise end the key early on read.
    // A string key with leading or trailing whitespace is quoted too: the reader trims unquoted
    // keys (hand-written `{ A : 1 }`), and such a key must read back as itself.
    template <class K>
    void map_key(const K& k) {
        if constexpr (string_like<K>) {
            const std::string_view s(k);
            if constexpr (Encoding::active) {
                if (key_has_edge_space(s)) encoded_quoted(s);
                else encoded_string(s);
            } else if (filter_) {
                filter_(out_, s, scalar_kind::key);
            } else if (key_has_edge_space(s)) {
                detail::append_quoted(out_, s);
            } else {
                append_string(out_, s);
            }
        } else {
            const std::size_t mark = out_.size();
            scalar(k);
            const std::string_view written = out_.since(mark);
            if (!Encoding::active && !filter_ && !needs_quotes(written)) return;
            std::string text(written);
            out_.truncate(mark);
            if constexpr (Encoding::active) encoded_string(text);
            else if (filter_) filter_(out_, text, scalar_kind::key);
            else append_string(out_, text);
        }
    }

    template <class E>
    void enumeration(E v) {
        using U = std::underlying_type_t<E>;
        if constexpr (described_enum<E>) {
            if (!is_flags_enum<E>) {
                if (const auto name = enum_to_name(v)) {
                    append_string(out_, *name);
                    return;
                }
            }
        }
        integer(static_cast<U>(v));  // [Flags], and Enum.ToString() of an undefined value
    }

    // object / Dictionary<string,object> members, written with JSV's own rules. JSV carries no
    // types: numbers and booleans are written as their text and read back as strings (as
    // ServiceStack reads an object member from JSV). A null entry of an object is written as an
    // empty value (`{a:}`, read back as null), not dropped as ServiceStack drops null dictionary
    // values: in a free-form object an absent key and a null one differ, and JSV has the form.
    void any(const boost::json::value& v) {
        switch (v.kind()) {
        case boost::json::kind::null: return;
        case boost::json::kind::bool_: value(v.get_bool()); return;
        case boost::json::kind::int64: value(v.get_int64()); return;
        case boost::json::kind::uint64: value(v.get_uint64()); return;
        case boost::json::kind::double_: value(v.get_double()); return;
        case boost::json::kind::string: value(std::string_view(v.get_string())); return;
        case boost::json::kind::array: list(v.get_array()); return;
        case boost::json::kind::object: {
            enter();
            sym('{');
            bool first = true;
            for (const auto& kv : v.get_object()) {
                if (!first) sym(',');
                first = false;
                map_key(std::string_view(kv.key()));
                sym(':');
                try {
                    any(kv.value());
                } catch (error& e) {
                    e.prepend_key(kv.key());
                    throw;
                }
            }
            leave();
            sym('}');
            return;
        }
        }
    }

    output_buffer& out_;
    const write_options& o_;
    const time_zone& zone_;
    scalar_filter filter_;
    std::size_t depth_ = 0;
    std::string encoded_;  // a formatted scalar's text that the encoding changes
};

using writer = basic_writer<>;

}  // namespace detail

// Appends the JSV of `value` to `out`. On error `out` is left as it was.
template <class T>
void write(std::string& out, const T& value, const write_options& options = {}) {
    output_buffer buffer(out);
    try {
        detail::writer(buffer, options).value(value);
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

}  // namespace sstk::jsv
