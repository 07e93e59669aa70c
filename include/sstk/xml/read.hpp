// DataContract XML reader: pugixml parses the document (DTDs rejected, no entity expansion), then
// the tree is walked straight into the DTO.
//
// Hostile input (docs/limits.md): before pugixml sees the document, it must be within
// max_document_size, be valid UTF-8, hold no character XML 1.0 forbids (NUL and the other C0
// controls but tab, CR and LF), reference only the five predefined entities and characters XML
// allows (`&#xD800;` and `&#0;` are errors), declare no DTD (`<!DOCTYPE`, `<!ENTITY`: so no
// billion laughs and no external entities), and nest elements no deeper than the depth limit
// (so a 10^6-deep document is refused before any tree is built).
//
//   auto resp = sstk::xml::read<ResetPasswordResponse>(body);      // throws sstk::error
//   auto r    = sstk::xml::try_read<ResetPasswordResponse>(body);  // sstk::result<T>
//
// What it accepts (research/datacontract-xml.md §6.6, servicestack-formats.md §4.10):
//  - namespace-aware and prefix-agnostic: an element matches a member by local name and the
//    namespace its prefix is bound to (`xmlns:a` works as well as `d2p1`); elements in another
//    namespace do not match;
//  - `i:nil="true"` (any prefix bound to XMLSchema-instance) resets a std::optional; nil for a
//    member that cannot be null is an error;
//  - unknown elements are skipped (or an error, unknown_element_policy);
//  - members in any order (member_order_policy::any, default), or in DataContract order, where an
//    element DCS would silently drop (out of order, or a second copy) is reported as an error;
//  - missing members keep their default (the target is reset first);
//  - scalars as XmlConvert reads them: surrounding whitespace, `1`/`0` booleans, INF, upper-case
//    and N-form Guids; enums by wire name only, [Flags] space-separated.
// Every error carries the member path, byte offset, line and column. Offsets inside a value are
// exact when the text holds no character references before the fault.
#pragma once

#include <sstk/core/detail/member_reset.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/utf8.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/integer.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/xml/codec.hpp>
#include <sstk/xml/detail/names.hpp>
#include <sstk/xml/options.hpp>

#include <boost/mp11/list.hpp>
#include <pugixml.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk::xml {

namespace detail {

constexpr bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets).
constexpr bool is_xml_char(std::uint32_t c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// Checks the reference at s[i] == '&' and returns the offset after it: one of the five
// predefined entities or a character reference to an XML character. Any other entity would need
// a DTD. Messages never quote the input (it may be a secret).
inline std::size_t check_reference(std::string_view s, std::size_t i) {
    const std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12)
        throw error(errc::syntax, "'&' must begin an entity or character reference (a literal & is written &amp;)", i);
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return semi + 1;
    if (name.empty() || name[0] != '#')
        throw error(errc::unsupported, "reference to an undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references; DTDs are not accepted)", i);
    const bool hex = name.size() > 1 && name[1] == 'x';
    std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t v = 0;
    bool ok = !digits.empty();
    for (const char c : digits) {
        unsigned d;
        if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
        else {
            ok = false;
            break;
        }
        v = v * (hex ? 16u : 10u) + d;
        if (v > 0x10FFFF) {
            ok = false;
            break;
        }
    }
    if (!ok) throw error(errc::syntax, "malformed character reference", i);
    if (!is_xml_char(v)) throw error(errc::invalid_value, "character reference to a character XML does not allow (NUL, a control character, a lone surrogate)", i);
    return semi + 1;
}

// What pugixml is not asked to check (see the header comment): characters, references, DTDs and
// element depth. `max_elements` is the deepest element nesting allowed.
inline void check_document_text(std::string_view s, std::size_t max_elements, const read_limits& limits) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            throw error(errc::syntax, c == 0 ? "NUL byte (XML does not allow it)" : "control character (XML does not allow it)", i);
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
        if (c == 0xEF && i + 2 < s.size() && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF'))
            throw error(errc::syntax, "U+FFFE or U+FFFF (XML does not allow them)", i);
    }
    const auto starts = [&](std::size_t i, std::string_view w) { return s.compare(i, w.size(), w) == 0; };
    std::size_t depth = 0;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const char c = s[i];
        if (c == '&') {
            i = check_reference(s, i);
            continue;
        }
        if (c != '<') {
            ++i;
            continue;
        }
        // An unterminated construct is left for pugixml to report.
        std::string_view close;
        if (starts(i, "<!--")) close = "-->";
        else if (starts(i, "<![CDATA[")) close = "]]>";
        else if (starts(i, "<?")) close = "?>";
        else if (starts(i, "<!")) throw error(errc::unsupported, "a DTD or markup declaration (<!DOCTYPE>, <!ENTITY>) is not accepted", i);
        else if (starts(i, "</")) close = ">";
        if (!close.empty()) {
            if (close == ">" && depth > 0) --depth;
            const std::size_t end = s.find(close, i + 2);
            if (end == std::string_view::npos) return;
            i = end + close.size();
            continue;
        }
        // A start tag: to its '>', through quoted attribute values (whose references count too).
        std::size_t j = i + 1;
        char quote = 0;
        while (j < n) {
            const char d = s[j];
            if (quote != 0) {
                if (d == quote) quote = 0;
                else if (d == '&') {
                    j = check_reference(s, j);
                    continue;
                }
            } else if (d == '"' || d == '\'') {
                quote = d;
            } else if (d == '>') {
                break;
            }
            ++j;
        }
        if (j >= n) return;
        if (s[j - 1] != '/' && ++depth > max_elements) throw depth_error(limits, i);
        i = j + 1;
    }
}

class reader {
public:
    reader(const read_options& o) : o_(o), zone_(o.zone ? *o.zone : time_zone::system()) {}

    template <class T>
    void document(std::string_view text, T& out) {
        document(text, &out, &read_root<T>);
    }

    // The whole document; `read_root` (read_root<T> for a T) checks the root element's name
    // and reads it.
    void document(std::string_view text, void* out, void (*read_root)(reader&, pugi::xml_node, void*)) {
        read_root(*this, parse(text), out);
    }

    // A document whose root is a DTO: its contract name and its codec's read_members, so that
    // no root function is compiled per DTO type.
    void dto_document(std::string_view text, void* out, const stable_name& name, void (*read_members)(reader&, pugi::xml_node, void*)) {
        const pugi::xml_node root = parse(text);
        check_root(root, name.name, name.ns);
        if (is_nil(root)) throw error(errc::type_mismatch, "i:nil for a value that cannot be null", offset_of(root));
        enter(root);
        read_members(*this, root, out);
        leave();
    }

    template <class T>
    static void read_root(reader& r, pugi::xml_node root, void* out) {
        r.check_root<T>(root);
        r.value(root, *static_cast<T*>(out));
    }

private:
    // The document's root element, after the checks every document gets.
    pugi::xml_node parse(std::string_view text) {
        check_document_size(text.size(), o_);
        check_utf8(text);
        // Elements nest one deeper than values: the innermost element holds a scalar's text.
        check_document_text(text, o_.depth() + 1, o_);
        // Explicit options: no parse_wconv/wnorm attribute rewriting; DOCTYPE kept as a node so
        // it can be refused (pugixml never expands entities beyond the five predefined ones).
        constexpr unsigned options = pugi::parse_escapes | pugi::parse_eol | pugi::parse_cdata | pugi::parse_ws_pcdata |
                                     pugi::parse_doctype;
        const pugi::xml_parse_result r = doc_.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
        if (!r) throw error(errc::syntax, std::string("malformed XML: ") + r.description(), static_cast<std::size_t>(r.offset));
        pugi::xml_node root;
        for (pugi::xml_node n = doc_.first_child(); n; n = n.next_sibling()) {
            if (n.type() == pugi::node_doctype)
                throw error(errc::unsupported, "a DTD (<!DOCTYPE>) is not accepted", offset_of(n));
            if (n.type() == pugi::node_element) root = n;
        }
        if (!root) throw error(errc::syntax, "no root element", 0);
        return root;
    }

    static std::size_t offset_of(pugi::xml_node n) {
        const std::ptrdiff_t off = n.offset_debug();
        return off < 0 ? error::npos : static_cast<std::size_t>(off);
    }

    // The namespace bound to `prefix` at node n ("" when unbound and the prefix is empty).
    std::string_view ns_of_prefix(pugi::xml_node n, std::string_view prefix) const {
        for (pugi::xml_node x = n; x; x = x.parent()) {
            if (x.type() != pugi::node_element) continue;
            for (pugi::xml_attribute a : x.attributes()) {
                const std::string_view name = a.name();
                if (prefix.empty() ? name == "xmlns" : (name.size() == prefix.size() + 6 && name.substr(0, 6) == "xmlns:" && name.substr(6) == prefix))
                    return a.value();
            }
        }
        if (prefix.empty()) return {};
        if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
        throw error(errc::syntax, "namespace prefix '" + std::string(prefix) + "' is not declared", offset_of(n));
    }

    struct qname {
        std::string_view local;
        std::string_view ns;
    };
    qname name_of(pugi::xml_node n) const {
        const std::string_view full = n.name();
        const std::size_t colon = full.find(':');
        if (colon == std::string_view::npos) return {full, ns_of_prefix(n, {})};
        return {full.substr(colon + 1), ns_of_prefix(n, full.substr(0, colon))};
    }

    bool is_nil(pugi::xml_node n) const {
        for (pugi::xml_attribute a : n.attributes()) {
            const std::string_view name = a.name();
            const std::size_t colon = name.find(':');
            if (colon == std::string_view::npos || name.substr(colon + 1) != "nil" || name.substr(0, colon) == "xmlns") continue;
            if (ns_of_prefix(n, name.substr(0, colon)) != xsi_ns) continue;
            std::string_view v = a.value();
            while (!v.empty() && is_xml_space(v.front())) v.remove_prefix(1);
            while (!v.empty() && is_xml_space(v.back())) v.remove_suffix(1);
            if (v == "true" || v == "1") return true;
            if (v == "false" || v == "0") return false;
            throw error(errc::invalid_value, "i:nil must be true or false", offset_of(n));
        }
        return false;
    }

    template <class T>
    void check_root(pugi::xml_node root) const {
        using U = unwrap_optional_t<T>;
        if constexpr (xml_primitive<U> && !std::is_enum_v<U>) check_root(root, primitive_name_of<U>().name, ser_ns);
        else check_root(root, stable_name_of<U>().name, stable_name_of<U>().ns);
    }

    void check_root(pugi::xml_node root, std::string_view want_name, std::string_view want_ns) const {
        const qname q = name_of(root);
        if (q.local != want_name || q.ns != want_ns)
            throw error(errc::type_mismatch,
                        "expecting element '" + std::string(want_name) + "' from namespace '" + std::string(want_ns) +
                            "', found '" + std::string(q.local) + "' from namespace '" + std::string(q.ns) + "'",
                        offset_of(root));
    }

    void enter(pugi::xml_node n) {
        if (++depth_ > o_.depth()) throw depth_error(o_, offset_of(n));
    }
    void leave() noexcept { --depth_; }

    void unknown(pugi::xml_node child, std::string_view where) const {
        if (o_.unknown_elements == unknown_element_policy::skip) return;
        const qname q = name_of(child);
        throw error(errc::unknown_member,
                    "element '" + std::string(q.local) + "' from namespace '" + std::string(q.ns) + "' is not " + std::string(where),
                    offset_of(child));
    }

    template <class T>
    void value(pugi::xml_node n, T& out) {
        if constexpr (is_optional_v<T>) {
            if (is_nil(n)) {
                sstk::detail::reset_optional(out);
                return;
            }
            if (!out) sstk::detail::emplace_optional(out);
            value(n, *out);
        } else {
            if (is_nil(n)) throw error(errc::type_mismatch, "i:nil for a value that cannot be null", offset_of(n));
            if constexpr (xml_primitive<T>) {
                primitive(n, out);
            } else {
                enter(n);
                if constexpr (std::is_same_v<T, date_time_offset>) offset_struct(n, out);
                else if constexpr (is_pair<T>::value) pair(n, out);
                else if constexpr (described_class<T>) object(n, out);
                else if constexpr (map_like<T>) map(n, out);
                else if constexpr (sequence_like<T>) sequence(n, out);
                else static_assert(sizeof(T) == 0, "sstk::xml: this type has no DataContract XML mapping");
                leave();
            }
        }
    }

    // One member element as the reader sees it, in DataContract order: a constexpr table per
    // DTO, one function per member type and one loop for every DTO. The namespace is the
    // declaring class's, computed at run time: the table keeps the function that gives it.
    struct member_key {
        std::string_view name;
        const stable_name& (*owner)();
        std::string_view cpp_name;  // for secret masking
        void (*read)(reader&, pugi::xml_node, void* field);
        void (*reset)(void* field, const void* default_field);
    };

    template <class V>
    static void read_member(reader& r, pugi::xml_node n, void* field) {
        r.value(n, *static_cast<V*>(field));
    }

    template <class T, class... M>
    static constexpr std::array<member_key, sizeof...(M)> make_keys(boost::mp11::mp_list<M...>) {
        return {member_key{M::name, &stable_name_of<typename M::owner_type>, M::cpp_name, &member_codec<typename M::value_type>::read, &sstk::member_reset<typename M::value_type>::reset}...};
    }

    template <class T>
    static constexpr auto member_table = make_keys<T>(members_of<T, member_order::data_contract>{});

    // Reads in place; the members the element leaves out get the value a default-constructed T
    // has (core/detail/member_reset.hpp).
    template <class>
    friend struct sstk::xml::codec;
    template <class>
    friend struct sstk::xml::member_codec;

    template <class T>
    void object(pugi::xml_node n, T& out) {
        codec<T>::read_members(*this, n, &out);
    }

    SSTK_NOINLINE void members(pugi::xml_node n, void* out, std::span<const member_key> keys, const std::string& type_name,
                               const void* defaults, member_address_fn address) {
        std::vector<bool> seen(keys.size(), false);
        const member_address_buffer fields(address, out, keys.size());
        std::size_t next = 0;
        std::size_t members = 0;
        for (pugi::xml_node child = n.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            check_member_count(++members, o_, offset_of(child));
            const qname q = name_of(child);
            // A name can belong to two members when a derived class redeclares a base member in
            // the same namespace (C# `new`): they arrive in data-contract order, so take the
            // first one not yet read.
            std::size_t j = keys.size(), taken = keys.size();
            for (std::size_t i = 0; i < keys.size() && j == keys.size(); ++i)
                if (keys[i].name == q.local && keys[i].owner().ns == q.ns) (seen[i] ? taken : j) = i;
            if (j == keys.size() && taken != keys.size())
                throw error(errc::duplicate_member, "member '" + std::string(q.local) + "' is given twice", offset_of(child));
            if (j == keys.size()) {
                unknown(child, "a member of " + type_name);
                continue;
            }
            if (o_.order == member_order_policy::data_contract && j < next)
                throw error(errc::invalid_value,
                            "member '" + std::string(q.local) + "' arrives after '" + std::string(keys[next - 1].name) +
                                "': DataContractSerializer would drop it",
                            offset_of(child));
            const member_key& m = keys[j];
            try {
                m.read(*this, child, fields[j]);
            } catch (error& e) {
                mask_if_secret(e, m.name, m.cpp_name).prepend_member(m.name);
                throw;
            }
            seen[j] = true;
            next = j + 1;
        }
        std::size_t i = 0;
        while (i < keys.size() && seen[i]) ++i;
        if (i == keys.size()) return;
        const member_address_buffer given(address, const_cast<void*>(defaults), keys.size());
        for (; i < keys.size(); ++i)
            if (!seen[i]) keys[i].reset(fields[i], given[i]);
    }

    template <class T>
    void sequence(pugi::xml_node n, T& out) {
        static_assert(appendable_sequence<T>, "sstk::xml: reading a collection needs push_back");
        using Item = std::ranges::range_value_t<T>;
        sstk::detail::clear_items(out);
        const std::string& item = item_name_of<Item>();
        const std::string& ns = stable_name_of<T>().ns;
        std::size_t i = 0;
        for (pugi::xml_node child = n.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const qname q = name_of(child);
            if (q.local != item || q.ns != ns) {
                unknown(child, "an item of " + stable_name_of<T>().name);
                continue;
            }
            check_collection_count(i + 1, o_, offset_of(child));
            try {
                if constexpr (sstk::detail::is_dto_vector<T>::value) {
                    value(child, sstk::detail::append_item(out));  // a failed read leaves it: `out` is unspecified then
                } else {
                    Item x{};
                    value(child, x);
                    out.push_back(std::move(x));
                }
            } catch (error& e) {
                e.prepend_index(i);
                throw;
            }
            ++i;
        }
    }

    template <class T>
    void map(pugi::xml_node n, T& out) {
        out.clear();
        const std::string& entry = entry_name_of<T>();
        std::size_t i = 0;
        for (pugi::xml_node child = n.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const qname q = name_of(child);
            if (q.local != entry || q.ns != arrays_ns) {
                unknown(child, "an entry of " + stable_name_of<T>().name);
                continue;
            }
            check_collection_count(i + 1, o_, offset_of(child));
            enter(child);
            typename T::key_type k{};
            bool has_key = false;
            pugi::xml_node value_node;  // read last, in place: no temporary value moved into the map
            const auto fail = [&](error& e, const typename T::key_type& key) {
                if constexpr (std::is_convertible_v<const typename T::key_type&, std::string_view>)
                    if (has_key) mask_if_secret(e, key);
                e.prepend_index(i);
            };
            try {
                for (pugi::xml_node kv = child.first_child(); kv; kv = kv.next_sibling()) {
                    if (kv.type() != pugi::node_element) continue;
                    const qname c = name_of(kv);
                    // Two Keys or two Values: an error, like a member given twice.
                    if (c.ns == arrays_ns && c.local == "Key") {
                        if (has_key) throw error(errc::duplicate_member, "a dictionary entry with two Keys", offset_of(kv));
                        value(kv, k);
                        has_key = true;
                    } else if (c.ns == arrays_ns && c.local == "Value") {
                        if (value_node)
                            throw error(errc::duplicate_member, "a dictionary entry with two Values", offset_of(kv));
                        value_node = kv;
                    } else {
                        unknown(kv, "Key or Value");
                    }
                }
                if (!has_key) throw error(errc::missing_member, "dictionary entry without a Key", offset_of(child));
            } catch (error& e) {
                fail(e, k);
                throw;
            }
            const auto [at, inserted] = [&] {
                if constexpr (requires { out.try_emplace(std::move(k)); }) return out.try_emplace(std::move(k));
                else return out.emplace(std::move(k), typename T::mapped_type{});
            }();
            if (!inserted) {
                error e(errc::duplicate_member, "the same key appears twice (DataContractSerializer throws)", offset_of(child));
                e.prepend_index(i);
                throw e;
            }
            if (value_node) {
                try {
                    value(value_node, at->second);
                } catch (error& e) {
                    fail(e, at->first);
                    throw;
                }
            }
            leave();
            ++i;
        }
    }

    template <class T>
    void pair(pugi::xml_node n, T& out) {
        out = T{};
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const qname q = name_of(c);
            if (q.ns == generic_collections_ns && q.local == "key") value(c, out.first);
            else if (q.ns == generic_collections_ns && q.local == "value") value(c, out.second);
            else unknown(c, "key or value");
        }
    }

    void offset_struct(pugi::xml_node n, date_time_offset& out) {
        std::optional<date_time> dt;
        std::optional<std::int16_t> minutes;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const qname q = name_of(c);
            if (q.ns == system_ns && q.local == "DateTime") value(c, dt);
            else if (q.ns == system_ns && q.local == "OffsetMinutes") value(c, minutes);
            else unknown(c, "a member of DateTimeOffset");
        }
        if (!dt || !minutes) throw error(errc::missing_member, "DateTimeOffset needs DateTime and OffsetMinutes", offset_of(n));
        const std::int64_t utc = dt->kind() == date_time_kind::local ? dt->to_universal(zone_).ticks() : dt->ticks();
        try {
            out = date_time_offset::from_utc_ticks(utc, *minutes);
        } catch (error& e) {
            e.at_offset(offset_of(n));
            throw;
        }
    }

    // The element's character data (text and CDATA); child elements are an error.
    std::string_view text_of(pugi::xml_node n, std::size_t& offset) {
        offset = offset_of(n);
        pugi::xml_node only;
        std::size_t parts = 0;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                only = c;
                ++parts;
            } else if (c.type() == pugi::node_element) {
                throw error(errc::type_mismatch, "expected text, found element <" + std::string(c.name()) + ">", offset_of(c));
            }
        }
        if (parts == 0) return {};
        if (parts == 1) {
            offset = offset_of(only);
            return only.value();
        }
        text_.clear();
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text_ += c.value();
        return text_;
    }

    template <class T>
    void primitive(pugi::xml_node n, T& out) {
        std::size_t at = 0;
        const std::string_view s = text_of(n, at);
        check_string_length(s.size(), o_, at);
        try {
            parse_scalar(s, out);
        } catch (error& e) {
            e.at_offset(e.offset() == error::npos || at == error::npos ? at : at + e.offset());
            throw;
        }
    }

    static std::string_view trim(std::string_view s, std::size_t& lead) {
        lead = 0;
        while (lead < s.size() && is_xml_space(s[lead])) ++lead;
        s.remove_prefix(lead);
        while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
        return s;
    }

    template <class T>
    void parse_scalar(std::string_view s, T& out) {
        if constexpr (std::is_same_v<T, std::string>) {
            out.assign(s);
        } else if constexpr (string_like<T>) {
            static_assert(sizeof(T) == 0, "sstk::xml: read strings into std::string");
        } else if constexpr (byte_sequence<T>) {
            std::vector<std::uint8_t> bytes;
            base64_decode(s, bytes, base64_options{true});
            out.assign(bytes.begin(), bytes.end());
        } else if constexpr (std::is_same_v<T, bool>) {
            std::size_t lead;
            const std::string_view t = trim(s, lead);
            if (t == "true" || t == "1") out = true;
            else if (t == "false" || t == "0") out = false;
            else throw error(errc::invalid_value, "boolean: expected true, false, 1 or 0", lead);
        } else if constexpr (std::is_same_v<T, char16_t>) {
            out = parse_char16_number(s);
        } else if constexpr (xml_integer<T>) {
            out = parse_integer<T>(s, xml_integer_options);
        } else if constexpr (std::is_same_v<T, float>) {
            out = parse_float(s, float_syntax::xml);
        } else if constexpr (std::is_floating_point_v<T>) {
            out = static_cast<T>(parse_double(s, float_syntax::xml));
        } else if constexpr (std::is_same_v<T, decimal>) {
            out = decimal::parse(s, decimal_parse_options{false, true});
        } else if constexpr (std::is_same_v<T, guid>) {
            std::size_t lead;
            const std::string_view t = trim(s, lead);
            try {
                out = guid::parse(t);
            } catch (error& e) {
                if (e.offset() != error::npos) e.at_offset(e.offset() + lead);
                throw;
            }
        } else if constexpr (std::is_same_v<T, date_time>) {
            out = date_time::parse(s, date_time_syntax::xsd, zone_);
        } else if constexpr (std::is_same_v<T, time_span>) {
            out = time_span::parse(s, time_span_syntax::xsd);
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(described_enum<T>, "sstk::xml: enums need BOOST_DESCRIBE_ENUM");
            parse_enum(s, out);
        }
    }

    template <class E>
    static void parse_enum(std::string_view s, E& out) {
        using U = std::underlying_type_t<E>;
        std::uint64_t bits = 0;
        std::size_t count = 0, i = 0;
        while (i < s.size()) {
            while (i < s.size() && is_xml_space(s[i])) ++i;
            std::size_t j = i;
            while (j < s.size() && !is_xml_space(s[j])) ++j;
            if (j == i) break;
            const std::string_view token = s.substr(i, j - i);
            bool found = false;
            for (const auto& e : enumerators<E>) {
                if (e.name != token) continue;
                bits |= static_cast<std::uint64_t>(static_cast<U>(e.value));
                found = true;
                break;
            }
            if (!found)
                throw error(errc::invalid_value, "'" + std::string(token) + "' is not a member of " + std::string(contract_of<E>().name), i);
            ++count;
            i = j;
        }
        if constexpr (is_flags_enum<E>) {
            out = static_cast<E>(static_cast<U>(bits));
        } else {
            if (count != 1)
                throw error(errc::invalid_value, std::string(contract_of<E>().name) + ": expected one member name", 0);
            out = static_cast<E>(static_cast<U>(bits));
        }
    }

    const read_options& o_;
    const time_zone& zone_;
    pugi::xml_document doc_;
    std::size_t depth_ = 0;
    std::string text_;
};

// The type-independent part of read(): one copy for every root type.
SSTK_NOINLINE inline void read_document(std::string_view text, void* out, const read_options& options,
                                        void (*read_root)(reader&, pugi::xml_node, void*)) {
    try {
        reader(options).document(text, out, read_root);
    } catch (error& e) {
        e.locate(text);
        throw;
    }
}

SSTK_NOINLINE inline void read_dto_document(std::string_view text, void* out, const read_options& options,
                                            const stable_name& (*name)(), void (*read_members)(reader&, pugi::xml_node, void*)) {
    try {
        reader(options).dto_document(text, out, name(), read_members);
    } catch (error& e) {
        e.locate(text);
        throw;
    }
}

}  // namespace detail

template <class T>
void codec<T>::read(std::string_view text, T& out, const read_options& options) {
    // A DTO at the root: its name and members, no root function per DTO type.
    if constexpr (described_class<T>)
        detail::read_dto_document(text, &out, options, &detail::stable_name_of<T>, &codec<T>::read_members);
    else
        detail::read_document(text, &out, options, &detail::reader::read_root<T>);
}

template <class V>
void member_codec<V>::read(detail::reader& r, pugi::xml_node element, void* field) {
    detail::reader::read_member<V>(r, element, field);
}

template <class T>
void codec<T>::read_members(detail::reader& r, pugi::xml_node element, void* object) {
    if constexpr (described_class<T>)
        r.members(element, object, detail::reader::member_table<T>, detail::stable_name_of<T>().name, sstk::detail::default_object<T>(),
                  &member_addresses<T, members_of<T, member_order::data_contract>>::all);
}

// Reads `text` into `out` (reset first). Throws sstk::error with path, offset, line and column;
// after a failure `out` is valid but unspecified (docs/limits.md).
template <class T>
void read(std::string_view text, T& out, const read_options& options = {}) {
    codec<T>::read(text, out, options);
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

}  // namespace sstk::xml
