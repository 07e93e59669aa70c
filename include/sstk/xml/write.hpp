// DataContract XML writer: a DTO to the exact bytes .NET's DataContractSerializer writes
// through ServiceStack's XmlWriters. Streams into a caller-owned std::string; no DOM.
//
//   std::string xml = sstk::xml::write(request);                         // server form, throws
//   sstk::xml::write(buffer, request, sstk::xml::write_options::for_form(sstk::xml::form::client));
//   auto r = sstk::xml::try_write(request);                              // sstk::result<std::string>
//
// Rules (research/datacontract-xml.md §6, servicestack-formats.md §4; each one pinned by a vector
// in tests/data/vectors/datacontract):
//  - root: contract name in the contract namespace, `xmlns:i` first, then `xmlns`; primitive
//    roots are in …/Serialization/ without `xmlns:i` (root_string, root_int);
//  - members base class first, by Order then ordinal name (core/walker.hpp), each element in the
//    namespace of the class that declares it: the prefix in scope, or an `xmlns="…"` override
//    (inherit_3_levels_nested, contract_in_poco's `xmlns=""`);
//  - a member whose declared type is a class/struct/collection in another non-empty namespace
//    declares `xmlns:d{depth}p{n}` on its own element — also when nil or empty — unless that
//    namespace is already in scope as a prefix or as the default (ns_nesting);
//  - start-tag attributes: `xmlns:dNpM`, `i:nil`, then the automatic `xmlns`;
//  - nil as `<X i:nil="true" />`; [DataMember(EmitDefaultValue=false)] per emit_default_rule;
//  - empty string: server `<X></X>`, client `<X />`; empty byte[]: the reverse (strings_basic, bytes);
//  - scalars: XmlConvert forms (types/), char as its UTF-16 code, enums by name, [Flags] greedy
//    in declaration order and space-separated (enums), undefined values an error.
// A failed write leaves `out` as it was: never a half-written document.
#pragma once

#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/xml/codec.hpp>
#include <sstk/xml/detail/names.hpp>
#include <sstk/xml/detail/text.hpp>
#include <sstk/xml/options.hpp>

#include <boost/mp11/list.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sstk::xml {

namespace detail {

// Whether [DataMember(EmitDefaultValue=false)] leaves this value out (emit_default_rule).
template <class T>
bool is_default_for_emit(const T& v, emit_default_rule rule) {
    if constexpr (is_optional_v<T>) {
        return !v.has_value();  // a Nullable holding 0 is not default (contract_emitdefault_nondefault)
    } else if constexpr (std::is_same_v<T, bool>) {
        return !v;
    } else if constexpr (std::is_same_v<T, decimal>) {
        return v.is_zero();
    } else if constexpr (std::is_same_v<T, date_time>) {
        return v.ticks() == 0;
    } else if constexpr (std::is_floating_point_v<T>) {
        return v == 0;
    } else if constexpr (xml_integer<T>) {
        if (rule == emit_default_rule::mono && !(std::is_signed_v<T> && sizeof(T) >= 4)) return false;
        return v == 0;
    } else if constexpr (std::is_same_v<T, char16_t> || std::is_enum_v<T>) {
        return rule == emit_default_rule::dotnet && v == T{};
    } else if constexpr (std::is_same_v<T, guid>) {
        return rule == emit_default_rule::dotnet && v.is_empty();
    } else if constexpr (std::is_same_v<T, time_span>) {
        return rule == emit_default_rule::dotnet && v.ticks() == 0;
    } else if constexpr (std::is_same_v<T, date_time_offset>) {
        return rule == emit_default_rule::dotnet && v.utc_ticks() == 0;
    } else {
        return false;  // reference types: only null is default, and a C++ value is never null
    }
}

// The wire text of an enum value: its name, or for [Flags] the names of the declared members
// taken greedily in declaration order (15 → "Read Write Execute Delete", not "ReadWrite …").
// Empty for a [Flags] 0 without a zero member. Undefined values are an error, as in DCS.
template <described_enum E>
void append_enum(std::string& out, E v) {
    if (const auto name = enum_to_name(v)) {
        out += *name;
        return;
    }
    using U = std::underlying_type_t<E>;
    const auto undefined = [&] {
        return error(errc::invalid_value, "enum value " + std::to_string(static_cast<U>(v)) + " is not a member of " +
                                              std::string(contract_of<E>().name) + " and cannot be written");
    };
    if constexpr (is_flags_enum<E>) {
        auto left = static_cast<std::uint64_t>(static_cast<U>(v));
        if (left == 0) return;
        const std::size_t start = out.size();
        for (const auto& e : enumerators<E>) {
            const auto bits = static_cast<std::uint64_t>(static_cast<U>(e.value));
            if (bits == 0 || (left & bits) != bits) continue;
            if (out.size() != start) out += ' ';
            out += e.name;
            left &= ~bits;
        }
        if (left == 0) return;
        out.resize(start);
    }
    throw undefined();
}

class writer;

// One member as the writer sees it: a constexpr table per DTO (writer::member_table), one
// function per member type (member_codec<V>::write) and one loop for every DTO, so the member
// code is compiled once per member type rather than once per DTO member.
struct writer_member {
    std::string_view name;
    const stable_name& (*owner)();  // the declaring class: its namespace is the element's
    void (*write)(writer&, const writer_member&, std::string_view owner_ns, const void* field);
    bool emit_default;
};

class writer {
public:
    writer(std::string& out, const write_options& o)
        : out_(out), o_(o), zone_(o.zone ? *o.zone : time_zone::system()),
          newline_(o.newline == newline::crlf ? std::string_view("\r\n") : std::string_view("\n")) {
        bindings_.push_back(binding{});  // the empty default namespace
    }

    template <class T>
    void document(const T& v) {
        document(&v, &write_root<T>);
    }

    void document(const void* v, void (*write_root)(writer&, const void*)) {
        if (o_.form == form::server) out_ += R"(<?xml version="1.0" encoding="utf-8"?>)";
        write_root(*this, v);
    }

    // A document whose root is a DTO: its contract name and its codec's write_members, so that
    // no root function is compiled per DTO type.
    void dto_document(const void* v, const stable_name& name, void (*write_members)(writer&, const void*)) {
        if (o_.form == form::server) out_ += R"(<?xml version="1.0" encoding="utf-8"?>)";
        open(name.name, name.ns, {}, false, true);
        write_members(*this, v);
        close();
    }

    template <class T>
    static void write_root(writer& w, const void* p) {
        const T& v = *static_cast<const T*>(p);
        if constexpr (is_optional_v<T>) {
            if (!v) throw error(errc::unsupported, "a null root object cannot be written");
            w.root(*v);
        } else {
            w.root(v);
        }
    }

private:
    struct prefix_text {
        std::array<char, 24> chars{};
        std::uint8_t size = 0;
        std::string_view view() const noexcept { return {chars.data(), size}; }
        void assign(std::string_view s) noexcept {
            size = static_cast<std::uint8_t>(s.size() < chars.size() ? s.size() : chars.size());
            for (std::size_t i = 0; i < size; ++i) chars[i] = s[i];
        }
    };
    struct binding {
        prefix_text prefix;
        std::string_view ns;
    };
    struct frame {
        std::size_t bindings_mark;
        prefix_text prefix;
        std::string_view local;
        int next_prefix = 1;
        bool start_tag_open = true;
        bool has_child_elements = false;
    };

    template <class T>
    void root(const T& v) {
        const stable_name& n = stable_name_of<T>();
        if constexpr (xml_primitive<T> && !std::is_enum_v<T>) {
            open(n.name, ser_ns, {}, false, false);  // <string xmlns="…/Serialization/">: no xmlns:i
            primitive_content(v);
        } else if constexpr (std::is_enum_v<T>) {
            // <Perms xmlns="…/Conf.Models">Read Execute</Perms>: its own contract, no xmlns:i (Mono)
            open(n.name, n.ns, {}, false, false);
            primitive_content(v);
        } else {
            open(n.name, n.ns, {}, false, true);
            content(v, n.ns);
        }
    }

    // XmlWriter.LookupPrefix: the most recent binding of ns whose prefix is not re-bound since.
    const binding* lookup(std::string_view ns) const noexcept {
        for (std::size_t i = bindings_.size(); i-- > 0;) {
            if (bindings_[i].ns != ns) continue;
            bool shadowed = false;
            for (std::size_t j = i + 1; j < bindings_.size() && !shadowed; ++j)
                shadowed = bindings_[j].prefix.view() == bindings_[i].prefix.view();
            if (!shadowed) return &bindings_[i];
        }
        return nullptr;
    }

    void indent(std::size_t level) {
        out_ += newline_;
        out_.append(level * 2, ' ');
    }

    // Writes `<p:local` and its attributes; the start tag stays open for content or ` />`.
    void open(std::string_view local, std::string_view ns, std::string_view declare, bool nil, bool is_root = false) {
        if (!frames_.empty()) {
            frame& parent = frames_.back();
            if (parent.start_tag_open) {
                out_ += '>';
                parent.start_tag_open = false;
            }
            parent.has_child_elements = true;
            if (o_.form == form::indented) indent(frames_.size());
        }
        if (frames_.size() >= o_.max_depth)
            throw error(errc::limit_exceeded, "nesting deeper than max_depth (" + std::to_string(o_.max_depth) + ")");
        frames_.push_back(frame{bindings_.size(), {}, local});
        frame& f = frames_.back();

        // The element's own namespace: a prefix in scope, or the writer's automatic default
        // declaration, which XmlWriter pushes at once and writes after the other attributes.
        const binding* own = lookup(ns);
        const bool auto_default = own == nullptr;
        if (own) f.prefix = own->prefix;
        else bindings_.push_back(binding{{}, ns});

        out_ += '<';
        if (f.prefix.size) {
            out_ += f.prefix.view();
            out_ += ':';
        }
        out_ += local;
        if (is_root) {
            out_ += R"( xmlns:i=")";
            out_ += xsi_ns;
            out_ += '"';
            binding b;
            b.prefix.assign("i");
            b.ns = xsi_ns;
            bindings_.push_back(b);
        }
        if (!declare.empty() && !lookup(declare)) {
            char buf[24];
            const int n = std::snprintf(buf, sizeof buf, "d%zup%d", frames_.size(), f.next_prefix++);
            binding b;
            b.prefix.assign(std::string_view(buf, static_cast<std::size_t>(n)));
            b.ns = declare;
            bindings_.push_back(b);
            out_ += " xmlns:";
            out_ += b.prefix.view();
            out_ += "=\"";
            append_attribute(out_, declare);
            out_ += '"';
        }
        if (nil) out_ += R"( i:nil="true")";
        if (auto_default) {
            out_ += R"( xmlns=")";
            append_attribute(out_, ns);
            out_ += '"';
        }
    }

    // Ends the start tag so text can follow (`<X>`).
    void begin_content() {
        frame& f = frames_.back();
        if (f.start_tag_open) {
            out_ += '>';
            f.start_tag_open = false;
        }
    }

    // ` />` when nothing was written inside, else the end tag.
    void close() {
        frame& f = frames_.back();
        if (f.start_tag_open) {
            out_ += " />";
        } else {
            if (o_.form == form::indented && f.has_child_elements) indent(frames_.size() - 1);
            out_ += "</";
            if (f.prefix.size) {
                out_ += f.prefix.view();
                out_ += ':';
            }
            out_ += f.local;
            out_ += '>';
        }
        bindings_.resize(f.bindings_mark);
        frames_.pop_back();
    }

    // One element of declared type T. `declare`: the namespace GetChildNamespaceToDeclare gives
    // (members), or empty (collection items).
    template <class T>
    void element(std::string_view local, std::string_view ns, std::string_view declare, const T& v) {
        if constexpr (is_optional_v<T>) {
            if (!v) {
                open(local, ns, declare, true);
                close();
            } else {
                element(local, ns, declare, *v);
            }
        } else {
            open(local, ns, declare, false);
            if constexpr (xml_primitive<T>) primitive_content(v);
            else content(v, stable_name_of<T>().ns);
        }
    }

    // The children of a complex element, then its end.
    template <class T>
    void content(const T& v, std::string_view type_ns) {
        if constexpr (std::is_same_v<T, date_time_offset>) {
            // DateTimeOffset is the struct {DateTime (UTC, Z), OffsetMinutes} (datetimeoffsets).
            open("DateTime", type_ns, {}, false);
            begin_content();
            v.utc_date_time().append_to(out_, date_time_format::xsd, zone_);
            close();
            open("OffsetMinutes", type_ns, {}, false);
            begin_content();
            append_int(v.offset_minutes());
            close();
        } else if constexpr (is_pair<T>::value) {
            // KeyValuePair<K,V>: lower-case key/value (misc).
            element("key", type_ns, child_ns_to_declare<typename T::first_type>(type_ns), v.first);
            element("value", type_ns, child_ns_to_declare<typename T::second_type>(type_ns), v.second);
        } else if constexpr (described_class<T>) {
            members(v);
        } else if constexpr (map_like<T>) {
            const std::string& entry = entry_name_of<T>();
            std::size_t i = 0;
            for (const auto& [key, value] : v) {
                try {
                    open(entry, arrays_ns, {}, false);
                    element("Key", arrays_ns, child_ns_to_declare<typename T::key_type>(arrays_ns), key);
                    element("Value", arrays_ns, child_ns_to_declare<typename T::mapped_type>(arrays_ns), value);
                    close();
                } catch (error& e) {
                    if constexpr (string_like<typename T::key_type>) e.prepend_key(std::string_view(key));
                    else e.prepend_index(i);
                    throw;
                }
                ++i;
            }
        } else if constexpr (sequence_like<T>) {
            using Item = std::ranges::range_value_t<T>;
            const std::string& item = item_name_of<Item>();
            std::size_t i = 0;
            for (const auto& x : v) {
                try {
                    element(item, type_ns, {}, x);
                } catch (error& e) {
                    e.prepend_index(i);
                    throw;
                }
                ++i;
            }
        } else {
            static_assert(sizeof(T) == 0, "sstk::xml: this type has no DataContract XML mapping");
        }
        close();
    }

    using member_entry = writer_member;

    template <class T, class... M>
    static constexpr std::array<member_entry, sizeof...(M)> make_table(boost::mp11::mp_list<M...>) {
        return {member_entry{M::name, &stable_name_of<typename M::owner_type>, &member_codec<typename M::value_type>::write, M::emit_default}...};
    }

    template <class T>
    static constexpr auto member_table = make_table<T>(members_of<T, member_order::data_contract>{});

    template <class V>
    static void write_member(writer& w, const member_entry& m, std::string_view owner_ns, const void* p) {
        const V& field = *static_cast<const V*>(p);
        if (!m.emit_default && is_default_for_emit(field, w.o_.emit_defaults)) return;
        w.element(m.name, owner_ns, child_ns_to_declare<V>(owner_ns), field);
    }

    template <class>
    friend struct sstk::xml::codec;
    template <class>
    friend struct sstk::xml::member_codec;

    template <class T>
    void members(const T& v) {
        codec<T>::write_members(*this, &v);
    }

    SSTK_NOINLINE void members(const void* obj, const member_entry* table, std::size_t count, member_address_fn address) {
        const member_address_buffer fields(address, const_cast<void*>(obj), count);  // only read
        for (std::size_t i = 0; i < count; ++i) {
            const member_entry& m = table[i];
            const std::string& owner_ns = m.owner().ns;
            try {
                m.write(*this, m, owner_ns, fields[i]);
            } catch (error& e) {
                e.prepend_member(m.name);
                throw;
            }
        }
    }

    template <class I>
    void append_int(I v) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }

    // The text of a primitive element, then its end.
    template <class T>
    void primitive_content(const T& v) {
        if constexpr (string_like<T>) {
            const std::string_view s(v);
            // XmlWriter.Create closes the start tag for WriteString(""); XmlTextWriter does not.
            if (!s.empty() || o_.form == form::server) {
                begin_content();
                append_text(out_, s, o_.form == form::server ? newline_ : std::string_view{});
            }
        } else if constexpr (byte_sequence<T>) {
            // The reverse of strings: only XmlTextWriter writes <B></B> for an empty array (bytes).
            if (std::ranges::size(v) != 0 || o_.form != form::server) {
                begin_content();
                append_base64(out_, std::span<const std::uint8_t>(std::ranges::data(v), std::ranges::size(v)));
            }
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(described_enum<T>, "sstk::xml: enums need BOOST_DESCRIBE_ENUM");
            scratch_.clear();
            append_enum(scratch_, v);
            if (!scratch_.empty()) {  // [Flags] 0 without a zero member: <X /> (enum_flags_zero_no_member)
                begin_content();
                out_ += scratch_;
            }
        } else {
            begin_content();
            if constexpr (std::is_same_v<T, bool>) out_ += v ? "true" : "false";
            else if constexpr (std::is_same_v<T, char16_t>) append_char16_number(out_, v);
            else if constexpr (xml_integer<T>) append_int(v);
            else if constexpr (std::is_same_v<T, float>) append_float(out_, v, o_.doubles, float_specials::xml);
            else if constexpr (std::is_floating_point_v<T>) append_double(out_, static_cast<double>(v), o_.doubles, float_specials::xml);
            else if constexpr (std::is_same_v<T, decimal>) v.append_to(out_);
            else if constexpr (std::is_same_v<T, guid>) v.append_to(out_, guid_format::d);
            else if constexpr (std::is_same_v<T, date_time>) v.append_to(out_, date_time_format::xsd, zone_);
            else if constexpr (std::is_same_v<T, time_span>) v.append_to(out_, time_span_format::xsd);
        }
        close();
    }

    std::string& out_;
    const write_options& o_;
    const time_zone& zone_;
    std::string_view newline_;
    std::vector<binding> bindings_;
    std::vector<frame> frames_;
    std::string scratch_;
};

// The type-independent part of write(): one copy for every root type.
SSTK_NOINLINE inline void write_document(std::string& out, const void* value, const write_options& options,
                                         void (*write_root)(writer&, const void*)) {
    const std::size_t start = out.size();
    try {
        writer(out, options).document(value, write_root);
    } catch (...) {
        out.resize(start);
        throw;
    }
}

SSTK_NOINLINE inline void write_dto_document(std::string& out, const void* value, const write_options& options,
                                             const stable_name& (*name)(), void (*write_members)(writer&, const void*)) {
    const std::size_t start = out.size();
    try {
        writer(out, options).dto_document(value, name(), write_members);
    } catch (...) {
        out.resize(start);
        throw;
    }
}

}  // namespace detail

template <class T>
void codec<T>::write(std::string& out, const T& value, const write_options& options) {
    // A DTO at the root: its name and members, no root function per DTO type.
    if constexpr (described_class<T>)
        detail::write_dto_document(out, &value, options, &detail::stable_name_of<T>, &codec<T>::write_members);
    else
        detail::write_document(out, &value, options, &detail::writer::write_root<T>);
}

template <class V>
void member_codec<V>::write(detail::writer& w, const detail::writer_member& m, std::string_view owner_ns, const void* field) {
    detail::writer::write_member<V>(w, m, owner_ns, field);
}

template <class T>
void codec<T>::write_members(detail::writer& w, const void* object) {
    if constexpr (described_class<T>)
        w.members(object, detail::writer::member_table<T>.data(), detail::writer::member_table<T>.size(),
                  &member_addresses<T, members_of<T, member_order::data_contract>>::all);
}

// Appends the XML of `value` to `out`. On error `out` is left as it was.
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

}  // namespace sstk::xml
