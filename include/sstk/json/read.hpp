// JSON reader: parses straight into a DTO, accepting what real ServiceStack servers send in
// either dialect (research/servicestack-text-observed.md "JSON reading", servicestack-formats.md
// §1.12, §1.15):
//  - keys case-insensitive, and in any casing policy (snake_case/kebab-case keys match too);
//    unknown members skipped (or an error); duplicates: the last one wins; missing members keep
//    their default (the target is reset first);
//  - every date, Guid and TimeSpan spelling of both dialects; enums by name (case-insensitive),
//    number, or "A, B" for [Flags]; numbers and booleans inside strings; bare NaN/Infinity;
//    trailing commas; unquoted string values; raw control characters inside strings.
// Where ServiceStack silently drops a bad value (1.0 into an int, "yes" into a bool, garbage
// dates), sstk reports an error instead: nothing the peer sent is lost without being told.
// Every error carries the member path, byte offset, line and column.
//
//   auto resp = sstk::json::read<ResetPasswordResponse>(body);     // throws sstk::error
//   auto r    = sstk::json::try_read<ResetPasswordResponse>(body); // sstk::result<T>
#pragma once

#include <sstk/core/detail/common_member.hpp>
#include <sstk/core/detail/member_reset.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/utf8.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/json/codec.hpp>
#include <sstk/json/options.hpp>
#include <sstk/text/scalar.hpp>
#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/integer.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/list.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sstk::json {

namespace detail {

// Key lookup (case-insensitive, then ignoring '_' and '-') is shared with the other text codecs.
template <class T>
using member_names = member_lookup<T>;

// One scalar token: a string's decoded text, or a bare word/number's raw text.
struct scalar {
    std::string_view text;
    bool quoted = false;
    bool null = false;
    std::size_t offset = 0;  // of the token in the document
};

class reader {
public:
    reader(std::string_view in, const read_options& o) : in_(in), o_(o), zone_(o.zone ? *o.zone : time_zone::system()) {
        if (collecting() && o.unknown == nullptr)
            throw error(errc::unsupported, "unknown_member_policy::collect needs read_options::unknown to collect into");
    }

    template <class T>
    void document(T& out) {
        document(&out, &read_root<T>);
    }

    // The whole document into the value `read_root` reads (read_root<T> for a T).
    void document(void* out, void (*read_root)(reader&, void*)) {
        skip_ws();
        read_root(*this, out);
        skip_ws();
        if (pos_ != in_.size()) fail(errc::syntax, "unexpected data after the JSON value");
    }

    template <class T>
    static void read_root(reader& r, void* out) {
        r.value(*static_cast<T*>(out));
    }

    template <class T>
    void value(T& out) {
        if constexpr (is_optional_v<T>) {
            skip_ws();
            if (peek_null()) {
                sstk::detail::reset_optional(out);
                return;
            }
            if (!out) sstk::detail::emplace_optional(out);
            value(*out);
        } else if constexpr (std::is_same_v<T, boost::json::value>) {
            any(out);
        } else if constexpr (described_class<T>) {
            object(out);
        } else if constexpr (map_like<T>) {
            map(out);
        } else if constexpr (byte_sequence<T>) {
            bytes(out);
        } else if constexpr (appendable_sequence<T>) {
            array(out);
        } else {
            if constexpr (std::is_same_v<T, char16_t>) {
                if (lone_surrogate(out)) return;
            }
            scalar s = read_scalar();
            convert(s, out);
        }
    }

private:
    // A char holding a lone surrogate has no UTF-8 form; the writer spells it "\uD83D" (as
    // System.Text.Json does), so a char reads exactly that token back as the one code unit.
    bool lone_surrogate(char16_t& out) {
        skip_ws();
        if (in_.size() - pos_ < 8 || in_.substr(pos_, 3) != "\"\\u" || in_[pos_ + 7] != '"') return false;
        unsigned v = 0;
        for (std::size_t i = pos_ + 3; i < pos_ + 7; ++i) {
            const char h = in_[i];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= static_cast<unsigned>(h - 'A' + 10);
            else return false;
        }
        if (v < 0xD800 || v > 0xDFFF) return false;
        out = static_cast<char16_t>(v);
        pos_ += 8;
        return true;
    }

    [[noreturn]] void fail(errc kind, std::string message) const { throw error(kind, std::move(message), pos_); }
    [[noreturn]] static void fail_at(std::size_t offset, errc kind, std::string message) { throw error(kind, std::move(message), offset); }

    void skip_ws() noexcept {
        while (pos_ < in_.size()) {
            const char c = in_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++pos_;
            else break;
        }
    }

    // The next non-whitespace character; most calls find it at once.
    char peek() {
        if (pos_ < in_.size() && static_cast<unsigned char>(in_[pos_]) > ' ') return in_[pos_];
        skip_ws();
        if (pos_ >= in_.size()) fail(errc::syntax, "unexpected end of input");
        return in_[pos_];
    }

    bool peek_null() {
        if (in_.substr(pos_, 4) == "null" && !word_char_at(pos_ + 4)) {
            pos_ += 4;
            return true;
        }
        return false;
    }

    bool word_char_at(std::size_t i) const noexcept {
        if (i >= in_.size()) return false;
        const char c = in_[i];
        return c != ',' && c != '}' && c != ']' && c != ':' && c != ' ' && c != '\t' && c != '\n' && c != '\r';
    }

    void enter() {
        if (++depth_ > o_.depth()) throw depth_error(o_, pos_ - 1);  // on the bracket just read
    }
    void leave() noexcept { --depth_; }

    // Reads `,` or the closing bracket after an item; true when the container goes on.
    // A trailing comma before the closing bracket is accepted, as ServiceStack does.
    bool next_item(char close) {
        const char c = peek();
        if (c == ',') {
            ++pos_;
            if (peek() == close) {
                ++pos_;
                return false;
            }
            return true;
        }
        if (c == close) {
            ++pos_;
            return false;
        }
        fail(errc::syntax, std::string("expected ',' or '") + close + "'");
    }

    // Opens a container; false (and the target left reset) for `null`.
    bool open(char bracket, const char* what) {
        const char c = peek();
        if (c == bracket) {
            ++pos_;
            return true;
        }
        if (peek_null()) return false;
        fail(errc::type_mismatch, std::string("expected ") + what);
    }

    // Reads into `out` in place, so strings and vectors keep their storage across reads;
    // members the document does not mention get the value a default-constructed T has
    // (core/detail/member_reset.hpp).

    // One member as the reader sees it: a constexpr table per DTO, one function per member type
    // and one loop for every DTO (see the writer's member_entry for why).
    struct member_entry {
        std::string_view name;      // the wire name before casing (error paths, collect paths)
        std::string_view cpp_name;  // for secret masking
        void (*read)(reader&, void* field);
        void (*reset)(void* field, const void* default_field);
        common_member common;  // the loop reads these types itself, without the indirect call
    };

    // What the shared loop needs to know about one DTO type.
    struct object_type {
        const member_entry* members;
        const std::string_view* names;  // member_lookup<T>::names
        std::size_t size;
        bool case_twins;
        std::string_view name;  // .NET name, for unknown-member errors
        const void* (*defaults)();
        member_address_fn address;  // of every member, in the order of `members`
    };

    template <class V>
    static void read_member(reader& r, void* field) {
        r.value(*static_cast<V*>(field));
    }
    template <class T, class... M>
    static constexpr std::array<member_entry, sizeof...(M)> make_table(boost::mp11::mp_list<M...>) {
        return {member_entry{M::name, M::cpp_name, &member_codec<typename M::value_type>::read,
                             &sstk::member_reset<typename M::value_type>::reset, common_member_of<typename M::value_type>}...};
    }

    template <class T>
    static constexpr auto member_table = make_table<T>(members_of<T>{});

    template <class T>
    static constexpr object_type object_type_of{member_table<T>.data(), member_names<T>::names.data(), member_names<T>::size,
                                                member_names<T>::case_twins, contract_of<T>().name, &sstk::detail::default_object<T>,
                                                &member_addresses<T, members_of<T>>::all};

    template <class>
    friend struct sstk::json::codec;
    template <class>
    friend struct sstk::json::member_codec;

    template <class T>
    void object(T& out) {
        codec<T>::read_members(*this, &out);
    }

    // What codec<T>::read_members does: one shared function, so a DTO's read_members is a call
    // with its table (the 250-type benchmark compiled ~70 lines of it per DTO when inlined).
    SSTK_NOINLINE void object_members(void* out, const object_type& type) {
        constexpr std::size_t on_stack = 64;
        std::array<bool, on_stack> local{};
        std::unique_ptr<bool[]> heap;
        bool* seen = local.data();
        if (type.size >= on_stack) {
            heap = std::make_unique<bool[]>(type.size + 1);  // value-initialized: all false
            seen = heap.get();
        }
        if (open('{', "an object")) members(out, type, seen);
        else reset_unseen(type, seen, member_address_buffer(type.address, out, type.size));  // null: every member back to its default
    }

    // The members of one object, after its '{'. `seen` has room for every member.
    SSTK_NOINLINE void members(void* out, const object_type& type, bool* seen) {
        enter();
        const member_address_buffer fields(type.address, out, type.size);
        std::size_t next = 0;  // documents mostly list members in the order this DTO writes them
        std::size_t members = 0;
        if (peek() == '}') {
            ++pos_;
        } else {
            do {
                const std::size_t key_offset = pos_;
                check_member_count(++members, o_, key_offset);
                const std::string_view key = read_key();
                std::size_t index;
                if (!type.case_twins && next < type.size && sstk::detail::iequals(type.names[next], key)) index = next;
                else index = sstk::detail::find_member_key(type.names, type.size, type.case_twins, key);
                next = index + 1;
                if (index == type.size) {
                    if (o_.unknown_members == unknown_member_policy::error)
                        fail_at(key_offset, errc::unknown_member, "'" + std::string(key) + "' is not a member of " + std::string(type.name));
                    if (collecting()) {
                        std::string where = path_text(key);
                        skip_ws();
                        const std::size_t start = pos_;
                        skip_value();
                        o_.unknown->push_back({std::move(where), std::string(in_.substr(start, pos_ - start)), key_offset});
                    } else {
                        skip_value();
                    }
                    continue;
                }
                seen[index] = true;
                const member_entry& m = type.members[index];
                path_scope scope(*this, m.name);
                try {
                    void* const field = fields[index];
                    switch (m.common) {
                    case common_member::optional_string: value(*static_cast<std::optional<std::string>*>(field)); break;
                    case common_member::string: value(*static_cast<std::string*>(field)); break;
                    case common_member::boolean: value(*static_cast<bool*>(field)); break;
                    case common_member::int32: value(*static_cast<std::int32_t*>(field)); break;
                    case common_member::int64: value(*static_cast<std::int64_t*>(field)); break;
                    case common_member::other: m.read(*this, field); break;
                    }
                } catch (error& e) {
                    mask_if_secret(e, m.name, m.cpp_name).prepend_member(m.name);
                    throw;
                }
            } while (next_item('}'));
        }
        leave();
        reset_unseen(type, seen, fields);
    }

    // `fields`: the members' addresses in the object being read (members() has them already).
    static void reset_unseen(const object_type& type, const bool* seen, const member_address_buffer& fields) {
        std::size_t i = 0;
        while (i < type.size && seen[i]) ++i;
        if (i == type.size) return;
        const member_address_buffer defaults(type.address, const_cast<void*>(type.defaults()), type.size);
        for (; i < type.size; ++i)
            if (!seen[i]) type.members[i].reset(fields[i], defaults[i]);
    }

    // Path tracking, for unknown_member_policy::collect only (errors build their path while
    // unwinding, at no cost on the success path).
    bool collecting() const noexcept { return o_.unknown_members == unknown_member_policy::collect; }

    struct path_scope {
        reader& r;
        bool active;
        path_scope(reader& rd, std::string_view member) : r(rd), active(rd.collecting()) {
            if (active) r.path_.push_back(std::string(member));
        }
        path_scope(reader& rd, std::size_t index) : r(rd), active(rd.collecting()) {
            if (active) r.path_.push_back("[" + std::to_string(index) + "]");
        }
        path_scope(reader& rd, std::string_view key, bool) : r(rd), active(rd.collecting()) {
            if (active) r.path_.push_back(error(errc::syntax, "").prepend_key(key).path());
        }
        ~path_scope() {
            if (active) r.path_.pop_back();
        }
        path_scope(const path_scope&) = delete;
        path_scope& operator=(const path_scope&) = delete;
    };

    std::string path_text(std::string_view last) const {
        std::string p;
        for (const std::string& seg : path_) {
            if (!p.empty() && seg.front() != '[') p += '.';
            p += seg;
        }
        if (!p.empty()) p += '.';
        p += last;
        return p;
    }

    // Reads `"key":`; the key view stays valid until the next string is read.
    std::string_view read_key() {
        const char c = peek();
        if (c != '"') fail(errc::syntax, "expected a quoted member name");
        const std::string_view key = read_string();
        if (peek() != ':') fail(errc::syntax, "expected ':' after a member name");
        ++pos_;
        return key;
    }

    // Items are read over the existing ones where the container allows it (their storage is
    // reused), then the container is cut to the items read. Not where c[n] is a proxy
    // (std::vector<bool>): such items are read into a value and appended.
    template <class T>
    void array(T& out) {
        constexpr bool reuse = requires(T& c, std::size_t n) {
            { c[n] } -> std::same_as<typename T::value_type&>;
            c.resize(n);
        };
        if (!open('[', "an array")) {
            sstk::detail::clear_items(out);
            return;
        }
        enter();
        std::size_t i = 0;
        if (peek() == ']') {
            ++pos_;
        } else {
            do {
                check_collection_count(i + 1, o_, pos_);
                path_scope scope(*this, i);
                try {
                    if constexpr (reuse) {
                        if (i < out.size()) {
                            value(out[i]);
                        } else {
                            value(sstk::detail::append_item(out));
                        }
                    } else {
                        if (i == 0) out.clear();
                        typename T::value_type item{};
                        value(item);
                        out.push_back(std::move(item));
                    }
                } catch (error& e) {
                    e.prepend_index(i);
                    throw;
                }
                ++i;
            } while (next_item(']'));
        }
        if constexpr (reuse) sstk::detail::truncate_items(out, i);
        else if (i == 0) out.clear();
        leave();
    }

    template <class T>
    void map(T& out) {
        out.clear();
        if (!open('{', "an object")) return;
        enter();
        if (peek() == '}') {
            ++pos_;
            leave();
            return;
        }
        std::size_t count = 0;
        do {
            const std::size_t key_offset = pos_;
            check_collection_count(++count, o_, key_offset);
            std::string key_text(read_key());
            path_scope scope(*this, key_text, true);
            try {
                typename T::key_type key{};
                convert(scalar{key_text, true, false, key_offset}, key);
                if constexpr (requires { out.try_emplace(std::move(key)); }) {
                    // Read in place (for a DTO, no temporary moved in: its moves are not compiled
                    // here). A duplicate is read again over its entry, and reading in place gives
                    // what a fresh read gives: last wins.
                    value(out.try_emplace(std::move(key)).first->second);
                } else {
                    typename T::mapped_type item{};
                    value(item);
                    out.insert_or_assign(std::move(key), std::move(item));  // duplicates: last wins
                }
            } catch (error& e) {
                mask_if_secret(e, key_text).prepend_key(key_text);
                throw;
            }
        } while (next_item('}'));
        leave();
    }

    // byte[]: base64 text, or an array of numbers.
    template <class T>
    void bytes(T& out) {
        out.clear();
        const char c = peek();
        if (c == '[') {
            ++pos_;
            enter();
            if (peek() == ']') {
                ++pos_;
                leave();
                return;
            }
            std::size_t count = 0;
            do {
                check_collection_count(++count, o_, pos_);
                scalar s = read_scalar();
                std::uint8_t b = 0;
                convert(s, b);
                out.push_back(b);
            } while (next_item(']'));
            leave();
            return;
        }
        scalar s = read_scalar();
        if (s.null) return;
        if (!s.quoted) fail_at(s.offset, errc::type_mismatch, "expected base64 text or an array of bytes");
        rebase(s, [&] { base64_decode(s.text, out); });
    }

    static bool all_finite(const boost::json::value& v) {
        if (v.is_double()) return std::isfinite(v.get_double());
        if (v.is_array()) return std::all_of(v.get_array().begin(), v.get_array().end(), [](const auto& e) { return all_finite(e); });
        if (v.is_object())
            return std::all_of(v.get_object().begin(), v.get_object().end(), [](const auto& kv) { return all_finite(kv.value()); });
        return true;
    }

    void any(boost::json::value& out) {
        skip_ws();
        const std::size_t start = pos_;
        skip_value();
        boost::system::error_code ec;
        boost::json::parse_options po;  // skip_value has applied the limits; keep boost's depth in step
        po.max_depth = o_.depth() - depth_;
        out = boost::json::parse(in_.substr(start, pos_ - start), ec, {}, po);
        if (ec) fail_at(start, errc::syntax, "not strict JSON: " + ec.message());
        // Boost.JSON turns 1e999999 into infinity, which no JSON reader takes back: refuse it as a
        // typed double member does.
        if (!all_finite(out)) fail_at(start, errc::out_of_range, "a number in an untyped value is out of the range of a double");
    }

    // Skips one value of any kind (unknown members).
    void skip_value() {
        const char c = peek();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++pos_;
            enter();
            if (peek() == close) {
                ++pos_;
                leave();
                return;
            }
            std::size_t count = 0;
            do {
                if (close == '}') check_member_count(++count, o_, pos_);
                else check_collection_count(++count, o_, pos_);
                if (close == '}') (void)read_key();
                skip_value();
            } while (next_item(close));
            leave();
            return;
        }
        (void)read_scalar();
    }

    scalar read_scalar() {
        const char c = peek();
        scalar s;
        s.offset = pos_;
        if (c == '"') {
            s.text = read_string();
            s.quoted = true;
            return s;
        }
        if (c == '{' || c == '[') fail(errc::type_mismatch, "expected a value, found an object or array");
        // A bare token: number, true/false/null, NaN/Infinity, or an unquoted string value.
        const std::size_t start = pos_;
        while (word_char_at(pos_)) ++pos_;
        if (pos_ == start) fail(errc::syntax, std::string("unexpected character '") + c + "'");
        check_string_length(pos_ - start, o_, start);
        s.text = in_.substr(start, pos_ - start);
        s.null = s.text == "null";
        return s;
    }

    // Decodes a string at pos_ (on its opening quote). Returns a view into the document when it
    // has no escapes, else into buffer_.
    std::string_view read_string() {
        const std::size_t start = ++pos_;
        // Fast path: find the first '"' or '\\', eight bytes at a time.
        const char* const base = in_.data();
        const std::size_t n = in_.size();
        std::size_t i = start;
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        while (n - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, base + i, 8);
            const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
            if ((((q - ones) & ~q) | ((b - ones) & ~b)) & highs) break;
            i += 8;
        }
        while (i < n && base[i] != '"' && base[i] != '\\') ++i;
        if (i >= n) fail_at(start - 1, errc::syntax, "unterminated string");
        if (base[i] == '"') {
            check_string_length(i - start, o_, start - 1);  // before anything is copied
            pos_ = i + 1;
            return in_.substr(start, i - start);
        }
        pos_ = i;
        check_string_length(pos_ - start, o_, start - 1);
        buffer_.assign(in_.substr(start, pos_ - start));
        while (pos_ < in_.size()) {
            if (buffer_.size() > o_.max_string_length) check_string_length(buffer_.size(), o_, start - 1);
            const char c = in_[pos_];
            if (c == '"') {
                ++pos_;
                check_string_length(buffer_.size(), o_, start - 1);
                return buffer_;
            }
            if (c != '\\') {
                buffer_ += c;
                ++pos_;
                continue;
            }
            if (pos_ + 1 >= in_.size()) break;
            const char e = in_[pos_ + 1];
            pos_ += 2;
            switch (e) {
            case 'n': buffer_ += '\n'; break;
            case 'r': buffer_ += '\r'; break;
            case 't': buffer_ += '\t'; break;
            case 'b': buffer_ += '\b'; break;
            case 'f': buffer_ += '\f'; break;
            case 'u': unicode_escape(); break;
            default: buffer_ += e;  // \" \\ \/ \' and unknown escapes keep the character (ServiceStack)
            }
        }
        fail_at(start - 1, errc::syntax, "unterminated string");
    }

    unsigned hex4() {
        if (pos_ + 4 > in_.size()) fail(errc::syntax, "truncated \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = in_[pos_ + i];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= static_cast<unsigned>(h - 'A' + 10);
            else fail(errc::syntax, "invalid hex digit in \\u escape");
        }
        pos_ += 4;
        return v;
    }

    void unicode_escape() {
        const std::size_t at = pos_ - 2;
        unsigned cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (in_.substr(pos_, 2) != "\\u") fail_at(at, errc::invalid_value, "lone high surrogate in \\u escape");
            pos_ += 2;
            const unsigned lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail_at(at, errc::invalid_value, "high surrogate not followed by a low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail_at(at, errc::invalid_value, "lone low surrogate in \\u escape");
        }
        if (cp < 0x80) {
            buffer_ += static_cast<char>(cp);
        } else if (cp < 0x800) {
            buffer_ += static_cast<char>(0xC0 | (cp >> 6));
            buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            buffer_ += static_cast<char>(0xE0 | (cp >> 12));
            buffer_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            buffer_ += static_cast<char>(0xF0 | (cp >> 18));
            buffer_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            buffer_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // Runs a value-type parser on a token, moving its error offset into the document.
    template <class F>
    void rebase(const scalar& s, F&& parse) {
        try {
            parse();
        } catch (error& e) {
            // Inside a decoded (escaped) string the token's own offset is the best position.
            const std::size_t inner = e.offset() == error::npos ? 0 : e.offset();
            const bool exact = !s.quoted || in_.substr(s.offset + 1, s.text.size()) == s.text;
            const std::size_t at = s.offset + (s.quoted ? 1 : 0) + (exact ? inner : 0);
            // The document is well-formed here; a malformed number, date or Guid is a bad value.
            if (e.kind() == errc::syntax) throw error(errc::invalid_value, e.message(), at);
            e.at_offset(at);
            throw;
        }
    }

    [[noreturn]] static void null_into(const scalar& s, const char* type) {
        fail_at(s.offset, errc::type_mismatch, std::string("null is not a valid ") + type + " (use std::optional for a nullable member)");
    }

    template <class T>
    void convert(const scalar& s, T& out) {
        if constexpr (std::is_same_v<T, bool>) {
            if (s.null) null_into(s, "bool");
            rebase(s, [&] { out = text::parse_bool(s.text); });
        } else if constexpr (std::is_same_v<T, char16_t>) {
            if (s.null) null_into(s, "char");
            rebase(s, [&] { out = parse_char16_utf8(s.text); });
        } else if constexpr (wire_integer<T>) {
            if (s.null) null_into(s, "integer");
            rebase(s, [&] { out = parse_integer<T>(s.text); });
        } else if constexpr (std::is_floating_point_v<T>) {
            if (s.null) null_into(s, "number");
            rebase(s, [&] {
                if constexpr (std::is_same_v<T, float>) out = parse_float(s.text, float_syntax::json);
                else out = static_cast<T>(parse_double(s.text, float_syntax::json));
            });
        } else if constexpr (described_enum<T>) {
            if (s.null) null_into(s, "enum value");
            enumeration(s, out);
        } else if constexpr (std::is_same_v<T, decimal>) {
            if (s.null) null_into(s, "decimal");
            rebase(s, [&] { out = decimal::parse(s.text, decimal_parse_options{true, false}); });
        } else if constexpr (std::is_same_v<T, guid>) {
            if (s.null) null_into(s, "Guid");
            rebase(s, [&] { out = guid::parse(s.text); });
        } else if constexpr (std::is_same_v<T, date_time>) {
            if (s.null) null_into(s, "DateTime");
            rebase(s, [&] {
                if (!s.quoted && o_.date_handler == date_handler::unix_time) out = date_time::parse(s.text, date_time_syntax::unix_seconds, zone_);
                else if (!s.quoted && o_.date_handler == date_handler::unix_time_ms) out = date_time::parse(s.text, date_time_syntax::unix_ms, zone_);
                else if (!s.quoted) throw error(errc::type_mismatch, "expected a date string (bare numbers need the unix_time date handler)", 0);
                else out = parse_date(s.text);
            });
        } else if constexpr (std::is_same_v<T, date_time_offset>) {
            if (s.null) null_into(s, "DateTimeOffset");
            rebase(s, [&] { out = date_time_offset::parse(s.text, date_time_offset_syntax::servicestack, zone_); });
        } else if constexpr (std::is_same_v<T, time_span>) {
            if (s.null) null_into(s, "TimeSpan");
            rebase(s, [&] { out = time_span::parse(s.text, time_span_syntax::servicestack); });
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (s.null) out.clear();  // a non-nullable string member: null reads as empty
            else out.assign(s.text);  // bare numbers and booleans into strings keep their text
        } else if constexpr (std::is_enum_v<T>) {
            if (s.null) null_into(s, "enum value");
            rebase(s, [&] { out = static_cast<T>(parse_integer<std::underlying_type_t<T>>(s.text)); });
        } else {
            static_assert(sizeof(T) == 0, "sstk::json: this type has no JSON mapping");
        }
    }

    date_time parse_date(std::string_view t) const { return text::parse_date_time(t, zone_); }

    template <class E>
    void enumeration(const scalar& s, E& out) {
        rebase(s, [&] { out = text::parse_enum<E>(s.text); });
    }

    std::string_view in_;
    const read_options& o_;
    const time_zone& zone_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::string buffer_;
    std::vector<std::string> path_;  // only with unknown_member_policy::collect
};

// The type-independent part of read(): one copy for every root type.
SSTK_NOINLINE inline void read_document(std::string_view text, void* out, const read_options& options,
                                        void (*read_root)(reader&, void*)) {
    try {
        check_document_size(text.size(), options);
        check_utf8(text);
        reader(text, options).document(out, read_root);
    } catch (error& e) {
        e.locate(text);
        throw;
    }
}

}  // namespace detail

template <class T>
void codec<T>::read(std::string_view text, T& out, const read_options& options) {
    // A DTO at the root is its object: no root function per DTO type.
    if constexpr (described_class<T>) detail::read_document(text, &out, options, &codec<T>::read_members);
    else detail::read_document(text, &out, options, &detail::reader::read_root<T>);
}

template <class V>
void member_codec<V>::read(detail::reader& r, void* field) {
    detail::reader::read_member<V>(r, field);
}

template <class T>
void codec<T>::read_members(detail::reader& r, void* object) {
    if constexpr (described_class<T>) {
        static_assert(std::is_default_constructible_v<T>, "sstk::json: DTOs must be default-constructible");
        r.object_members(object, detail::reader::object_type_of<T>);
    }
}

// Reads `text` into `out`, which is reset first. Throws sstk::error with path, offset, line
// and column; after a failure `out` is valid but unspecified (docs/limits.md). The limits of
// `options` (sstk::read_limits) bound the document, and invalid UTF-8 is an error.
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

}  // namespace sstk::json
