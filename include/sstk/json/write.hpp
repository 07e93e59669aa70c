// JSON writer: a DTO (or any supported value) to ServiceStack.Text JSON, or to System.Text.Json
// as ServiceStack 8.1+ configures it. Appends to a caller-owned buffer; no DOM, no temporary
// strings for keys (they are pre-encoded per casing at compile time).
//
//   std::string body = sstk::json::write(request);               // throws sstk::error
//   sstk::json::write(buffer, request, options);                  // appends
//   auto r = sstk::json::try_write(request);                      // sstk::result<std::string>
//
// Rules (research/servicestack-formats.md §1, servicestack-text-observed.md): members in
// ServiceStack order; null members omitted (IncludeNullValues writes them); value-type defaults
// written; [DataMember(EmitDefaultValue=false)] omits defaults; [Flags] enums as numbers, other
// enums as names (an undefined value as a quoted number); Guid as 32 lower-case hex digits;
// DateTime per DateHandler; TimeSpan as xsd:duration; decimal with its scale; byte[] as base64;
// dictionaries as objects with stringified keys; NaN/Infinity bare (ServiceStack.Text) — the
// System.Text.Json dialect refuses them, as System.Text.Json does.
#pragma once

#include <sstk/core/detail/common_member.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/output_buffer.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/json/codec.hpp>
#include <sstk/json/detail/escape.hpp>
#include <sstk/json/options.hpp>
#include <sstk/text/defaults.hpp>
#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/json/value.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sstk::json {

namespace detail {

// `"key":` of every member of T under each casing, built at compile time into one block per
// DTO (one constant per DTO, not a few class templates per member: large generated headers
// compile faster). A renamed member ([DataMember(Name)]) keeps its name under every casing.
// The block ends with output_buffer::padded_size spare bytes for append_padded.
struct key_spelling {
    std::string_view name;
    bool renamed;
};

constexpr casing key_casing(std::size_t c, bool renamed) noexcept {
    return renamed ? casing::as_declared : static_cast<casing>(c);
}

template <std::size_t N>
constexpr std::size_t key_block_size(const std::array<key_spelling, N>& keys) {
    std::size_t n = output_buffer::padded_size;
    for (const key_spelling& k : keys)
        for (std::size_t c = 0; c < 3; ++c) n += cased_length(k.name, key_casing(c, k.renamed)) + 3;
    return n;
}

template <class... M>
constexpr std::array<key_spelling, sizeof...(M)> key_spellings(boost::mp11::mp_list<M...>) {
    return {key_spelling{M::name, M::renamed}...};
}

template <class T>
struct quoted_keys {
    static constexpr auto spellings = key_spellings(members_of<T>{});
    static constexpr std::size_t count = spellings.size();
    static constexpr std::size_t size = key_block_size(spellings);
    struct layout {
        std::array<char, size> text{};
        std::array<std::array<std::size_t, 3>, count> offset{};
        std::array<std::array<std::size_t, 3>, count> length{};
    };
    static constexpr layout block = [] {
        layout l{};
        std::size_t at = 0;
        for (std::size_t i = 0; i < count; ++i)
            for (std::size_t c = 0; c < 3; ++c) {
                l.offset[i][c] = at;
                l.text[at++] = '"';
                at += write_cased(spellings[i].name, key_casing(c, spellings[i].renamed), l.text.data() + at);
                l.text[at++] = '"';
                l.text[at++] = ':';
                l.length[i][c] = at - l.offset[i][c];
            }
        return l;
    }();
    static constexpr std::string_view key(std::size_t i, std::size_t c) noexcept {
        return {block.text.data() + block.offset[i][c], block.length[i][c]};
    }
};

using text::is_default_value;

class writer;

// One member as the writer sees it. Each DTO has a constexpr table of these (writer::member_table);
// the work is done by one function per member *type* (member_codec<V>::write) and one loop for
// all DTOs (writer::members), so the compiler does not generate and optimise the same member code
// again for every DTO.
struct writer_member {
    std::array<std::string_view, 3> keys;  // `"key":` per casing, indexed by sstk::casing
    std::string_view path;                  // the name error paths use
    void (*write)(writer&, const writer_member&, const void* field, bool& first);
    bool emit_default;
    common_member common;  // the loop writes these types itself, without the indirect call
};

class writer {
public:
    writer(output_buffer& out, const write_options& o)
        : out_(out), o_(o), zone_(o.zone ? *o.zone : time_zone::system()), scratch_(thread_scratch()) {}

    template <class T>
    void value(const T& v) {
        if constexpr (is_optional_v<T>) {
            if (v) value(*v);
            else out_ += "null";
        } else if constexpr (std::is_same_v<T, bool>) {
            out_ += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, char16_t>) {
            char16(v);
        } else if constexpr (std::is_integral_v<T>) {
            integer(v);
        } else if constexpr (std::is_floating_point_v<T>) {
            floating(v);
        } else if constexpr (described_enum<T>) {
            enumeration(v);
        } else if constexpr (std::is_enum_v<T>) {
            integer(static_cast<std::underlying_type_t<T>>(v));
        } else if constexpr (std::is_same_v<T, decimal>) {
            scratch_.clear();
            v.append_to(scratch_);
            out_ += scratch_;
        } else if constexpr (std::is_same_v<T, guid>) {
            char* p = out_.reserve(38);
            p[0] = '"';
            const auto& b = v.bytes();
            static constexpr char hex[] = "0123456789abcdef";
            const bool dashed = (stj() ? guid_format::d : o_.guids) == guid_format::d;
            std::size_t k = 1;
            for (std::size_t i = 0; i < 16; ++i) {
                if (dashed && (i == 4 || i == 6 || i == 8 || i == 10)) p[k++] = '-';
                p[k++] = hex[b[i] >> 4];
                p[k++] = hex[b[i] & 0xF];
            }
            p[k++] = '"';
            out_.commit(k);
        } else if constexpr (std::is_same_v<T, date_time>) {
            date(v);
        } else if constexpr (std::is_same_v<T, date_time_offset>) {
            date_offset(v);
        } else if constexpr (std::is_same_v<T, time_span>) {
            scratch_.assign(1, '"');
            v.append_to(scratch_, time_span_format::servicestack);
            scratch_ += '"';
            out_ += scratch_;
        } else if constexpr (string_like<T>) {
            detail::append_string(out_, std::string_view(v), o_);
        } else if constexpr (byte_sequence<T>) {
            scratch_.assign(1, '"');
            append_base64(scratch_, std::span<const std::uint8_t>(std::ranges::data(v), std::ranges::size(v)));
            scratch_ += '"';
            out_ += scratch_;
        } else if constexpr (std::is_same_v<T, boost::json::value>) {
            any(v);
        } else if constexpr (described_class<T>) {
            object(v);
        } else if constexpr (map_like<T>) {
            map(v);
        } else if constexpr (sequence_like<T>) {
            array(v);
        } else {
            static_assert(sizeof(T) == 0, "sstk::json: this type has no JSON mapping");
        }
    }

private:
    bool stj() const noexcept { return o_.dialect == dialect::system_text_json; }

    void enter() {
        if (++depth_ > o_.max_depth)
            throw error(errc::limit_exceeded, "nesting deeper than max_depth (" + std::to_string(o_.max_depth) + ")");
    }
    void leave() noexcept { --depth_; }

    void newline() {
        if (!o_.indent) return;
        out_ += '\n';
        for (std::size_t i = 0; i < depth_; ++i) out_ += "  ";
    }

    using member_entry = writer_member;
    static_assert(static_cast<int>(casing::as_declared) == 0 && static_cast<int>(casing::camel) == 1 &&
                  static_cast<int>(casing::snake) == 2);

    template <class T, class... M, std::size_t... I>
    static constexpr std::array<member_entry, sizeof...(M)> make_table(boost::mp11::mp_list<M...>, std::index_sequence<I...>) {
        using keys = quoted_keys<T>;
        return {member_entry{{keys::key(I, 0), keys::key(I, 1), keys::key(I, 2)},
                             M::name,
                             &member_codec<typename M::value_type>::write,
                             M::emit_default,
                             common_member_of<typename M::value_type>}...};
    }

    template <class T>
    static constexpr auto member_table = make_table<T>(members_of<T>{}, std::make_index_sequence<member_count<T>>{});

    // InLoop: the shared loop's own copy for the common member types, with the key written inline
    // (member_codec<V>::write, one per member type, calls member_key instead).
    template <class V, bool InLoop = false>
    static void write_member(writer& w, const member_entry& m, const void* p, bool& first) {
        const V& field = *static_cast<const V*>(p);
        if constexpr (is_optional_v<V>) {
            if (!field && !w.o_.include_null_values) return;
        }
        if (!m.emit_default && is_default_value(field)) return;
        if constexpr (described_enum<V>) {
            if (!w.o_.include_default_enums && field == V{}) return;
        } else {
            if (w.o_.exclude_default_values && is_default_value(field)) return;
        }
        if constexpr (InLoop) w.write_key(m, first);
        else w.member_key(m, first);
        w.value(field);
    }

    SSTK_NOINLINE void member_key(const member_entry& m, bool& first) { write_key(m, first); }

    // The separator and `"key":` before a member's value.
    void write_key(const member_entry& m, bool& first) {
        if (!first) out_ += ',';
        first = false;
        newline();
        const auto policy = static_cast<std::size_t>(o_.casing);
        out_.append_padded(m.keys[policy < m.keys.size() ? policy : 0]);
        if (o_.indent) out_ += ' ';
    }

    template <class>
    friend struct sstk::json::codec;
    template <class>
    friend struct sstk::json::member_codec;

    template <class T>
    void object(const T& v) {
        codec<T>::write_members(*this, &v);
    }

    SSTK_NOINLINE void members(const void* obj, const member_entry* table, std::size_t count, member_address_fn address) {
        enter();
        out_ += '{';
        bool first = true;
        const member_address_buffer fields(address, const_cast<void*>(obj), count);  // only read
        for (std::size_t i = 0; i < count; ++i) {
            const member_entry& m = table[i];
            try {
                const void* field = fields[i];
                switch (m.common) {
                case common_member::optional_string: write_member<std::optional<std::string>, true>(*this, m, field, first); break;
                case common_member::string: write_member<std::string, true>(*this, m, field, first); break;
                case common_member::boolean: write_member<bool, true>(*this, m, field, first); break;
                case common_member::int32: write_member<std::int32_t, true>(*this, m, field, first); break;
                case common_member::int64: write_member<std::int64_t, true>(*this, m, field, first); break;
                case common_member::other: m.write(*this, m, field, first); break;
                }
            } catch (error& e) {
                e.prepend_member(m.path);
                throw;
            }
        }
        leave();
        if (!first) newline();
        out_ += '}';
    }

    template <class T>
    void array(const T& v) {
        enter();
        out_ += '[';
        std::size_t i = 0;
        for (const auto& item : v) {
            if (i) out_ += ',';
            newline();
            try {
                value(item);
            } catch (error& e) {
                e.prepend_index(i);
                throw;
            }
            ++i;
        }
        leave();
        if (i) newline();
        out_ += ']';
    }

    template <class T>
    void map(const T& v) {
        enter();
        out_ += '{';
        bool first = true;
        for (const auto& [k, item] : v) {
            // Null dictionary values are dropped (IncludeNullValuesInDictionaries is off by default).
            if constexpr (is_optional_v<std::remove_cvref_t<decltype(item)>>) {
                if (!item && !stj()) continue;
            }
            if (!first) out_ += ',';
            first = false;
            newline();
            scratch_.clear();
            map_key(k);
            detail::append_string(out_, scratch_, o_);
            out_ += o_.indent ? ": " : ":";
            try {
                value(item);
            } catch (error& e) {
                map_key(k);  // scratch_ was reused by the value; rebuild the key for the path
                e.prepend_key(scratch_);
                throw;
            }
        }
        leave();
        if (!first) newline();
        out_ += '}';
    }

    // Keys are always JSON strings: the key's own text form, unquoted.
    template <class K>
    void map_key(const K& k) {
        if constexpr (string_like<K>) {
            scratch_.assign(std::string_view(k));
        } else {
            std::string text;  // the nested writer shares scratch_; it is free here
            output_buffer key_out(text);
            writer(key_out, o_).value(k);
            key_out.finish();
            std::string_view t = text;
            if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
            scratch_.assign(t);
        }
    }

    template <class I>
    void integer(I v) {
        char* p = out_.reserve(24);
        out_.commit(static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - p));
    }

    template <class F>
    void floating(F v) {
        if (stj() && !std::isfinite(v))
            throw error(errc::invalid_value, "System.Text.Json cannot write NaN or Infinity (set the servicestack_text dialect)");
        scratch_.clear();
        if constexpr (std::is_same_v<F, double>) append_double(scratch_, v, o_.doubles, float_specials::text);
        else append_float(scratch_, static_cast<float>(v), o_.doubles == float_format::netfx_general ? float_format::netfx_roundtrip : o_.doubles,
                          float_specials::text);
        out_ += scratch_;
    }

    void char16(char16_t c) {
        if (is_surrogate(c)) {  // not representable in UTF-8; ServiceStack would write invalid bytes
            out_ += '"';
            detail::append_u_escape(out_, c, true);
            out_ += '"';
            return;
        }
        scratch_.clear();
        append_char16_utf8(scratch_, c);
        detail::append_string(out_, scratch_, o_);
    }

    template <class E>
    void enumeration(E v) {
        using U = std::underlying_type_t<E>;
        if (o_.treat_enum_as_integer || is_flags_enum<E>) {
            integer(static_cast<U>(v));
            return;
        }
        if (const auto name = enum_to_name(v)) {
            detail::append_string(out_, *name, o_);
        } else if (stj()) {
            integer(static_cast<U>(v));  // JsonStringEnumConverter writes undefined values as numbers
        } else {
            out_ += '"';  // ServiceStack.Text: Enum.ToString() of an undefined value, e.g. "99"
            integer(static_cast<U>(v));
            out_ += '"';
        }
    }

    void date(const date_time& v) {
        if (stj()) {
            quoted_date(v, date_time_format::system_text_json);
            return;
        }
        switch (o_.date_handler) {
        case date_handler::timestamp_offset:
        case date_handler::dcjs_compatible: quoted_date(v, date_time_format::wcf_json_escaped); return;
        case date_handler::iso8601: quoted_date(v, date_time_format::iso8601); return;
        case date_handler::iso8601_utc: quoted_date(v.to_universal(zone_), date_time_format::iso8601); return;
        case date_handler::iso8601_date_only: quoted_date(v, date_time_format::iso8601_date_only); return;
        case date_handler::iso8601_date_time: quoted_date(v, date_time_format::iso8601_date_time); return;
        case date_handler::rfc1123: quoted_date(v, date_time_format::rfc1123); return;
        case date_handler::unix_time: unquoted_date(v, date_time_format::unix_seconds); return;
        case date_handler::unix_time_ms: unquoted_date(v, date_time_format::unix_ms); return;
        }
    }

    void unquoted_date(const date_time& v, date_time_format f) {
        scratch_.clear();
        v.append_to(scratch_, f, zone_);
        out_ += scratch_;
    }

    void quoted_date(const date_time& v, date_time_format f) {
        scratch_.assign(1, '"');
        v.append_to(scratch_, f, zone_);
        scratch_ += '"';
        out_ += scratch_;
    }

    void date_offset(const date_time_offset& v) {
        scratch_.assign(1, '"');
        if (stj()) stj_date_offset(v);
        else if (o_.date_handler == date_handler::timestamp_offset || o_.date_handler == date_handler::dcjs_compatible)
            v.append_to(scratch_, date_time_offset_format::wcf_json_escaped);
        else
            v.append_to(scratch_, date_time_offset_format::iso8601);
        scratch_ += '"';
        out_ += scratch_;
    }

    // System.Text.Json writes "O" with the fraction's trailing zeros trimmed (and the '.' when
    // nothing is left), and always an offset: 0001-01-01T00:00:00+00:00, ...07.89+02:00.
    void stj_date_offset(const date_time_offset& v) {
        const std::size_t start = scratch_.size();
        v.append_to(scratch_, date_time_offset_format::iso8601);
        const std::size_t dot = scratch_.find('.', start);
        if (dot == std::string::npos) return;
        std::size_t end = dot + 8;  // seven fraction digits
        std::size_t keep = end;
        while (keep > dot + 1 && scratch_[keep - 1] == '0') --keep;
        if (keep == dot + 1) keep = dot;
        scratch_.erase(keep, end - keep);
    }

    // object / Dictionary<string,object> members: written with this dialect's string and number
    // rules, so they look like the rest of the document.
    void any(const boost::json::value& v) {
        switch (v.kind()) {
        case boost::json::kind::null: out_ += "null"; return;
        case boost::json::kind::bool_: out_ += v.get_bool() ? "true" : "false"; return;
        case boost::json::kind::int64: integer(v.get_int64()); return;
        case boost::json::kind::uint64: integer(v.get_uint64()); return;
        case boost::json::kind::double_: floating(v.get_double()); return;
        case boost::json::kind::string: detail::append_string(out_, v.get_string(), o_); return;
        case boost::json::kind::array: array(v.get_array()); return;
        case boost::json::kind::object: {
            enter();
            out_ += '{';
            bool first = true;
            for (const auto& kv : v.get_object()) {
                if (!first) out_ += ',';
                first = false;
                newline();
                detail::append_string(out_, kv.key(), o_);
                out_ += o_.indent ? ": " : ":";
                try {
                    any(kv.value());
                } catch (error& e) {
                    e.prepend_key(kv.key());
                    throw;
                }
            }
            leave();
            if (!first) newline();
            out_ += '}';
            return;
        }
        }
    }

    output_buffer& out_;
    const write_options& o_;
    const time_zone& zone_;
    std::size_t depth_ = 0;
    // Value-type text (the formatters append to a std::string) and map keys. One per thread,
    // kept between writes, so writing into a reserved buffer allocates nothing after warm-up.
    std::string& scratch_;

    static std::string& thread_scratch() {
        thread_local std::string s;
        return s;
    }
};

template <class T>
void write_root(writer& w, const void* value) {
    w.value(*static_cast<const T*>(value));
}

// The type-independent part of write(): one copy for every root type.
SSTK_NOINLINE inline void write_document(std::string& out, const void* value, const write_options& options,
                                         void (*root)(writer&, const void*)) {
    output_buffer buffer(out);
    try {
        writer w(buffer, options);
        root(w, value);
    } catch (...) {
        buffer.discard();
        throw;
    }
    buffer.finish();
}

}  // namespace detail

template <class T>
void codec<T>::write(std::string& out, const T& value, const write_options& options) {
    // A DTO at the root is its object: no root function per DTO type.
    if constexpr (described_class<T>) detail::write_document(out, &value, options, &codec<T>::write_members);
    else detail::write_document(out, &value, options, &detail::write_root<T>);
}

template <class V>
void member_codec<V>::write(detail::writer& w, const detail::writer_member& m, const void* field, bool& first) {
    detail::writer::write_member<V>(w, m, field, first);
}

template <class T>
void codec<T>::write_members(detail::writer& w, const void* object) {
    if constexpr (described_class<T>)
        w.members(object, detail::writer::member_table<T>.data(), detail::writer::member_table<T>.size(),
                  &member_addresses<T, members_of<T>>::all);
}

// Appends the JSON of `value` to `out`. On error `out` is left as it was: never a half-written
// document.
template <class T>
void write(std::string& out, const T& value, const write_options& options = {}) {
    codec<T>::write(out, value, options);
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

}  // namespace sstk::json
