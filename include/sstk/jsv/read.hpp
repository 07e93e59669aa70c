// JSV reader: parses ServiceStack's JSV straight into a DTO.
//
//   auto dto = sstk::jsv::read<ResetPassword>(text);      // throws sstk::error
//   auto r   = sstk::jsv::try_read<ResetPassword>(text);  // sstk::result<T>
//
// Rules (research/servicestack-formats.md §2.2 "Reader", servicestack-text-observed.md "JSV"):
//  - member names match ASCII case-insensitively (and ignoring '_'/'-'); quoted names are
//    unquoted (current ServiceStack; v6.0.2 ignored them); unknown members are skipped;
//  - unquoted values run to the next , } ] of their container; "..." values have "" → ";
//  - whitespace: inside string values it is kept, as ServiceStack keeps it ({A: x } → " x "),
//    because the writer does not quote leading or trailing spaces and a round trip needs them.
//    Whitespace around member names, around non-string scalars and around structure is
//    skipped, so hand-written or indented JSV reads too;
//  - an empty value is null (an empty list slot, `{A:}`); `null` is the string "null";
//  - a top-level list may come without brackets (`a,b,c`), as ServiceStack's list parser takes it
//    (query strings and CSV cells carry lists that way);
//  - a string member whose value starts with { or [ takes the balanced text verbatim.
// Where ServiceStack silently substitutes defaults for bad values, sstk reports an sstk::error
// with the member path, byte offset, line and column.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/member_lookup.hpp>
#include <sstk/core/result.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/utf8.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/jsv/options.hpp>
#include <sstk/text/scalar.hpp>
#include <sstk/types/base64.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sstk::jsv {

namespace detail {

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// One scalar token: its decoded text and where it starts in the document.
struct token {
    std::string_view text;
    std::size_t offset = 0;  // of the token's first byte (the opening quote when quoted)
    bool quoted = false;
    bool null = false;
};

// How a caller's value text was damaged on its way in; the query reader repairs '+' that a
// form decoder turned into ' ' (ServiceStack.Text's QueryStringSerializer writes date offsets,
// exponents and base64 without encoding '+').
enum class plus_repair : unsigned char { none, spaces_were_plus };

class reader {
public:
    reader(std::string_view in, const read_options& o, plus_repair repair = plus_repair::none)
        : in_(in), o_(o), zone_(o.zone ? *o.zone : time_zone::system()), repair_(repair) {}

    // The whole input is one value.
    template <class T>
    void document(T& out) {
        top_ = true;
        value(out);
        skip_ws();
        if (pos_ != in_.size()) fail(errc::syntax, "unexpected data after the JSV value");
    }

private:
    template <class T>
    void value(T& out) {
        if constexpr (is_optional_v<T>) {
            if (at_null()) {
                out.reset();
                return;
            }
            if (!out) out.emplace();
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
            list(out);
        } else if constexpr (std::is_same_v<T, std::string>) {
            string(out);
        } else {
            const token t = read_token();
            if (t.null) fail_at(t.offset, errc::type_mismatch, "an empty value is null, which this member cannot hold (use std::optional)");
            convert(t, out);
        }
    }

    [[noreturn]] void fail(errc kind, std::string message) const { throw error(kind, std::move(message), pos_); }
    [[noreturn]] static void fail_at(std::size_t offset, errc kind, std::string message) {
        throw error(kind, std::move(message), offset);
    }

    bool at_end() const noexcept { return pos_ >= in_.size(); }
    bool at_terminator() const noexcept {
        if (at_end()) return true;
        if (top_) return false;
        const char c = in_[pos_];
        return c == ',' || c == '}' || c == ']';
    }
    // Moves to the container's next , } ] (or the end).
    void skip_to_terminator() noexcept {
        if (top_) {
            pos_ = in_.size();
            return;
        }
        while (pos_ < in_.size()) {
            const char c = in_[pos_];
            if (c == ',' || c == '}' || c == ']') break;
            ++pos_;
        }
    }

    // A null is an empty value: nothing before the container's next , } ] (or the end).
    bool at_null() const noexcept { return top_ ? in_.empty() : at_terminator(); }

    void skip_ws() noexcept {
        while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
    }

    // Skips whitespace when a structural character follows it; otherwise leaves pos_ alone.
    bool peek_structure(char c) noexcept {
        std::size_t p = pos_;
        while (p < in_.size() && is_space(in_[p])) ++p;
        if (p < in_.size() && in_[p] == c) {
            pos_ = p;
            return true;
        }
        return false;
    }

    void enter() {
        if (++depth_ > o_.depth()) throw depth_error(o_, pos_ == 0 ? 0 : pos_ - 1);  // on the bracket just read
    }
    void leave() noexcept { --depth_; }

    // Scoped "inside a container": tokens end at , } ].
    struct nested {
        reader& r;
        bool saved;
        explicit nested(reader& rd) : r(rd), saved(rd.top_) { r.top_ = false; }
        ~nested() { r.top_ = saved; }
        nested(const nested&) = delete;
        nested& operator=(const nested&) = delete;
    };

    // After an item: `,` (true: more follow) or the closing bracket (false).
    bool next_item(char close, const char* what) {
        skip_ws();
        if (at_end()) fail(errc::syntax, std::string("unterminated ") + what + " (expected ',' or '" + close + "')");
        const char c = in_[pos_];
        if (c == ',') {
            ++pos_;
            return true;
        }
        if (c == close) {
            ++pos_;
            return false;
        }
        fail(errc::syntax, std::string("expected ',' or '") + close + "' in " + what);
    }

    // Reads into `out` in place, so strings and lists keep their storage across reads; members
    // the text does not mention get the value a default-constructed T has.
    template <class T>
    void object(T& out) {
        if (!peek_structure('{')) {
            if (at_null()) {
                out = T{};
                return;
            }
            fail(errc::type_mismatch, "expected '{' to open an object");
        }
        ++pos_;
        enter();
        nested scope(*this);
        std::array<bool, member_lookup<T>::size + 1> seen{};
        skip_ws();
        if (!at_end() && in_[pos_] == '}') {
            ++pos_;
            leave();
            defaults_for_unseen(out, seen);
            return;
        }
        std::size_t members = 0;
        do {
            skip_ws();
            if (!at_end() && in_[pos_] == '}') {  // trailing comma
                ++pos_;
                break;
            }
            const std::size_t key_offset = pos_;
            check_member_count(++members, o_, key_offset);
            const std::string_view key = read_key();
            const std::size_t index = member_lookup<T>::find(key);
            if (index == member_lookup<T>::size) {
                if (o_.unknown_members == unknown_member_policy::error)
                    fail_at(key_offset, errc::unknown_member, "'" + std::string(key) + "' is not a member of " + std::string(contract_of<T>().name));
                skip_value();
                continue;
            }
            seen[index] = true;
            visit_member<T>(index, [&](auto m) {
                using M = decltype(m);
                try {
                    value(M::get(out));
                } catch (error& e) {
                    mask_if_secret(e, M::name, M::cpp_name).prepend_member(M::name);
                    throw;
                }
            });
        } while (next_item('}', "object"));
        leave();
        defaults_for_unseen(out, seen);
    }

    template <class T>
    static void defaults_for_unseen(T& out, const std::array<bool, member_lookup<T>::size + 1>& seen) {
        for (std::size_t i = 0; i < member_lookup<T>::size; ++i) {
            if (seen[i]) continue;
            visit_member<T>(i, [&](auto m) {
                static const T defaults{};
                decltype(m)::get(out) = decltype(m)::get(defaults);
            });
        }
    }

    // `Name:` or `"Name":`; returns the name without surrounding whitespace, valid until the
    // next quoted value is read.
    std::string_view read_key() {
        skip_ws();
        std::string_view key;
        if (!at_end() && in_[pos_] == '"') {
            key = read_quoted(true);
        } else {
            const std::size_t start = pos_;
            while (!at_end() && in_[pos_] != ':' && in_[pos_] != ',' && in_[pos_] != '}' && in_[pos_] != ']') ++pos_;
            std::size_t end = pos_;
            while (end > start && is_space(in_[end - 1])) --end;
            key = in_.substr(start, end - start);
        }
        skip_ws();
        if (at_end() || in_[pos_] != ':') fail(errc::syntax, "expected ':' after a member name");
        ++pos_;
        return key;
    }

    // Items are read over the existing ones where the container allows it (their storage is
    // reused); the container is cut to the items read on the way out.
    template <class T>
    static constexpr bool reusable_v = requires(T& c, std::size_t n) {
        { c[n] } -> std::same_as<typename T::value_type&>;
        c.resize(n);
    };

    template <class T>
    void list(T& out) {
        std::size_t items = 0;
        struct cut {
            T& out;
            const std::size_t& n;
            ~cut() {
                if constexpr (reusable_v<T>) out.resize(n);
            }
        } cut_on_exit{out, items};
        if constexpr (!reusable_v<T>) out.clear();
        if (peek_structure('[')) {
            ++pos_;
            enter();
            nested scope(*this);
            if (!at_end() && in_[pos_] == ']') {
                ++pos_;
                leave();
                return;
            }
            do item(out, items++);
            while (next_item(']', "list"));
            leave();
            return;
        }
        if (!top_) {
            if (at_null()) return;
            fail(errc::type_mismatch, "expected '[' to open a list");
        }
        // A top-level list without brackets: a,b,c (query strings, CSV cells).
        if (at_end()) return;
        enter();
        nested scope(*this);
        for (;;) {
            item(out, items++);
            skip_ws();
            if (at_end()) break;
            if (in_[pos_] != ',') fail(errc::syntax, "expected ',' between list items");
            ++pos_;
        }
        leave();
    }

    template <class T>
    void item(T& out, std::size_t i) {
        check_collection_count(i + 1, o_, pos_);
        try {
            if constexpr (reusable_v<T>) {
                if (i == out.size()) out.emplace_back();
                value(out[i]);
            } else {
                typename T::value_type v{};
                value(v);
                out.push_back(std::move(v));
            }
        } catch (error& e) {
            e.prepend_index(i);
            throw;
        }
    }

    template <class T>
    void map(T& out) {
        out.clear();
        if (!peek_structure('{')) {
            if (at_null()) return;
            fail(errc::type_mismatch, "expected '{' to open a map");
        }
        ++pos_;
        enter();
        nested scope(*this);
        skip_ws();
        if (!at_end() && in_[pos_] == '}') {
            ++pos_;
            leave();
            return;
        }
        std::size_t count = 0;
        do {
            skip_ws();
            if (!at_end() && in_[pos_] == '}') {
                ++pos_;
                break;
            }
            const std::size_t key_offset = pos_;
            check_collection_count(++count, o_, key_offset);
            const std::string key_text(read_key());
            try {
                typename T::key_type key{};
                if constexpr (std::is_same_v<typename T::key_type, std::string>) key = key_text;
                else convert(token{key_text, key_offset, false, false}, key, false);
                typename T::mapped_type item{};
                value(item);
                out.insert_or_assign(std::move(key), std::move(item));  // duplicates: the last one wins
            } catch (error& e) {
                mask_if_secret(e, key_text).prepend_key(key_text);
                throw;
            }
        } while (next_item('}', "map"));
        leave();
    }

    template <class T>
    void bytes(T& out) {
        out.clear();
        const token t = read_token();
        if (t.null) return;
        std::string_view text = t.text;
        if (repair_ == plus_repair::spaces_were_plus) text = repaired(text, true);
        rebase(t, text, [&] { base64_decode(text, out); });
    }

    void string(std::string& out) {
        if (top_) {
            // The whole input; a quoted string is unquoted.
            if (!in_.empty() && in_[0] == '"') {
                out.assign(read_quoted());
            } else {
                check_string_length(in_.size(), o_, 0);
                out.assign(in_);
                pos_ = in_.size();
            }
            return;
        }
        if (!at_end() && (in_[pos_] == '{' || in_[pos_] == '[')) {
            const std::size_t start = pos_;
            skip_value();
            check_string_length(pos_ - start, o_, start);
            out.assign(in_.substr(start, pos_ - start));
            return;
        }
        const token t = read_token();
        out.assign(t.text);
    }

    // Reads a scalar token: quoted (decoded), or raw up to the container's next , } ].
    token read_token() {
        token t;
        t.offset = pos_;
        if (!at_end() && in_[pos_] == '"') {
            t.text = read_quoted();
            t.quoted = true;
            return t;
        }
        if (!top_ && !at_end() && (in_[pos_] == '{' || in_[pos_] == '[')) {
            std::size_t p = pos_;
            fail_at(p, errc::type_mismatch, "expected a value, found an object or list");
        }
        const std::size_t start = pos_;
        skip_to_terminator();
        check_string_length(pos_ - start, o_, start);
        t.text = in_.substr(start, pos_ - start);
        t.null = t.text.empty();
        return t;
    }

    // A quoted value at pos_; "" inside is one ". After the closing quote only the container's
    // , } ] (or the end of the input) may follow, whitespace aside — or ':' after a quoted key.
    std::string_view read_quoted(bool key = false) {
        const std::size_t open = pos_++;
        // The text is a view of the input unless a doubled quote needs decoding into buffer_.
        std::string_view text;
        bool buffered = false;
        for (;;) {
            const std::size_t close = in_.find('"', pos_);
            if (close == std::string_view::npos) fail_at(open, errc::syntax, "unterminated quoted value");
            const std::string_view run = in_.substr(pos_, close - pos_);
            pos_ = close + 1;
            const bool doubled = !at_end() && in_[pos_] == '"';
            if (!doubled && !buffered) {
                text = run;
                break;
            }
            if (!buffered) {
                buffer_.clear();
                buffered = true;
            }
            buffer_ += run;
            if (!doubled) {
                text = buffer_;
                break;
            }
            buffer_ += '"';
            ++pos_;
        }
        check_string_length(text.size(), o_, open);
        std::size_t p = pos_;
        while (p < in_.size() && is_space(in_[p])) ++p;
        const bool ok = key ? p < in_.size() && in_[p] == ':'
                            : p == in_.size() || (!top_ && (in_[p] == ',' || in_[p] == '}' || in_[p] == ']'));
        if (!ok) fail_at(p, errc::syntax, "unexpected character after a closing quote");
        return text;
    }

    // Skips one value of any kind: quoted, a balanced {…} / […], or a raw token.
    void skip_value() {
        skip_ws();
        if (at_end()) return;
        const char c = in_[pos_];
        if (c == '"') {
            nested scope(*this);
            (void)read_quoted();
            return;
        }
        if (c == '{' || c == '[') {
            const std::size_t open = pos_;
            std::size_t depth = 0;
            bool quoted = false;
            for (; pos_ < in_.size(); ++pos_) {
                const char d = in_[pos_];
                if (d == '"') quoted = !quoted;  // "" toggles twice: still inside
                else if (quoted) continue;
                else if (d == '{' || d == '[') {
                    if (depth_ + ++depth > o_.depth()) throw depth_error(o_, pos_);
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    ++pos_;
                    return;
                }
            }
            fail_at(open, errc::syntax, quoted ? "unterminated quoted value" : std::string("unterminated ") + (c == '{' ? "object" : "list"));
        }
        nested scope(*this);
        skip_to_terminator();
    }

    // Untyped values (object members): objects, lists, and every scalar as a string — JSV
    // carries no types.
    void any(boost::json::value& out) {
        if (peek_structure('{')) {
            ++pos_;
            enter();
            nested scope(*this);
            boost::json::object obj;
            skip_ws();
            if (!at_end() && in_[pos_] == '}') ++pos_;
            else {
                do {
                    check_member_count(obj.size() + 1, o_, pos_);
                    const std::string key(read_key());
                    boost::json::value v;
                    any(v);
                    obj.insert_or_assign(key, std::move(v));
                } while (next_item('}', "object"));
            }
            leave();
            out = std::move(obj);
            return;
        }
        if (peek_structure('[')) {
            ++pos_;
            enter();
            nested scope(*this);
            boost::json::array arr;
            if (!at_end() && in_[pos_] == ']') ++pos_;
            else {
                do {
                    check_collection_count(arr.size() + 1, o_, pos_);
                    boost::json::value v;
                    any(v);
                    arr.push_back(std::move(v));
                } while (next_item(']', "list"));
            }
            leave();
            out = std::move(arr);
            return;
        }
        const token t = read_token();
        if (t.null) out = nullptr;
        else out = boost::json::string(t.text);
    }

    // Repairs the '+' a form decoder turned into a space: anywhere in a number or base64, and in
    // a date only as the sign of a trailing ±hh:mm offset (a space may also separate date and time).
    std::string_view repaired(std::string_view text, bool everywhere) {
        if (text.find(' ') == std::string_view::npos) return text;
        scratch_.assign(text);
        if (everywhere) {
            for (char& c : scratch_)
                if (c == ' ') c = '+';
        } else if (scratch_.size() > 16) {
            const std::size_t n = scratch_.size();
            const auto digit = [&](std::size_t i) { return scratch_[i] >= '0' && scratch_[i] <= '9'; };
            if (scratch_[n - 6] == ' ' && digit(n - 5) && digit(n - 4) && scratch_[n - 3] == ':' && digit(n - 2) && digit(n - 1) &&
                scratch_.find(':') < n - 6)
                scratch_[n - 6] = '+';
        }
        return scratch_;
    }

    template <class T>
    void convert(const token& t, T& out, bool trim = true) {
        std::string_view text = t.text;
        std::size_t lead = 0;
        // A char holding whitespace is written raw (`{Ch: }`, as ServiceStack writes it): a token
        // that is nothing but whitespace is the char itself, not an empty one.
        const bool whitespace_char = std::is_same_v<T, char16_t> && !text.empty() &&
                                     std::all_of(text.begin(), text.end(), [](char c) { return is_space(c); });
        if (trim && !whitespace_char) {
            while (lead < text.size() && is_space(text[lead])) ++lead;
            text.remove_prefix(lead);
            while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
        }
        if (repair_ == plus_repair::spaces_were_plus) {
            // a char is not a number: its space is a space, not a "+" the sender left unencoded
            if constexpr ((std::is_arithmetic_v<T> && !std::is_same_v<T, char16_t>) || std::is_same_v<T, decimal>) text = repaired(text, true);
            else if constexpr (std::is_same_v<T, date_time> || std::is_same_v<T, date_time_offset>) text = repaired(text, false);
        }
        token inner = t;
        inner.offset = t.offset + lead;
        rebase(inner, text, [&] { out = text::parse_scalar<T>(text, zone_); });
    }

    // Runs a value parser, moving its error offset into the document. A syntax error inside a
    // well-formed token is a bad value.
    template <class F>
    void rebase(const token& t, std::string_view text, F&& parse) {
        try {
            parse();
        } catch (error& e) {
            const std::size_t inner = e.offset() == error::npos ? 0 : e.offset();
            const bool exact = !t.quoted && text.data() >= in_.data() && text.data() <= in_.data() + in_.size();
            const std::size_t at = t.quoted ? t.offset + 1 : (exact ? static_cast<std::size_t>(text.data() - in_.data()) + inner : t.offset);
            if (e.kind() == errc::syntax) throw error(errc::invalid_value, e.message(), at);
            e.at_offset(at);
            throw;
        }
    }

    std::string_view in_;
    const read_options& o_;
    const time_zone& zone_;
    plus_repair repair_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    bool top_ = true;
    std::string buffer_;
    std::string scratch_;
};

}  // namespace detail

// Reads `text` into `out`, which is reset first. Throws sstk::error with path, offset, line and
// column; after a failure `out` is valid but unspecified (docs/limits.md). The limits of
// `options` (sstk::read_limits) bound the document, and invalid UTF-8 is an error.
template <class T>
void read(std::string_view text, T& out, const read_options& options = {}) {
    try {
        check_document_size(text.size(), options);
        check_utf8(text);
        detail::reader(text, options).document(out);
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

}  // namespace sstk::jsv
