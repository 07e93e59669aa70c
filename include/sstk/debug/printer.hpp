// A human-readable, log-safe rendering of any DTO:
//
//   ResetPassword{TemporaryPassword: ***, EmailAddress: "a@b.c", Password: ***, ApiKey: ***, Latitude: null}
//
// Members and dictionary entries whose names mark secrets (see secret_names) are masked with
// their whole subtree, whatever their type, so logging a request never leaks a password,
// token or API key. Null stays visible as null: it tells that nothing was sent, not what.
// This is for people and logs, not a wire format: use the codecs to talk to a server.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/traits.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug/secrets.hpp>

#include <boost/json/value.hpp>

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace sstk {

struct print_options {
    sstk::secret_names secret_names{};
    std::string_view mask = "***";
    std::size_t max_string_length = 256;  // longer strings are cut, with the full length shown
    std::size_t max_items = 50;           // longer collections are cut, with the count shown
    std::size_t max_depth = 32;           // deeper nesting prints as {...}
};

namespace detail {

template <class T>
concept adl_to_string = requires(const T& v) {
    { to_string(v) } -> std::convertible_to<std::string>;
};

class printer {
public:
    printer(std::string& out, const print_options& opt) : out_(out), opt_(opt) {}

    template <class T>
    void value(const T& v, std::size_t depth) {
        if constexpr (is_optional_v<T>) {
            if (!v) out_ += "null";
            else value(*v, depth);
        } else if constexpr (std::is_same_v<T, bool>) {
            out_ += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, char16_t>) {
            char16(v);
        } else if constexpr (std::is_arithmetic_v<T>) {
            number(v);
        } else if constexpr (described_enum<T>) {
            enumeration(v);
        } else if constexpr (std::is_enum_v<T>) {
            number(static_cast<std::underlying_type_t<T>>(v));
        } else if constexpr (string_like<T>) {
            quoted(std::string_view(v));
        } else if constexpr (std::is_same_v<T, boost::json::value>) {
            json(v, depth);
        } else if constexpr (adl_to_string<T>) {
            out_ += to_string(v);
        } else if constexpr (described_class<T>) {
            object(v, depth);
        } else if constexpr (byte_sequence<T>) {
            out_ += "<" + std::to_string(std::ranges::size(v)) + " bytes>";
        } else if constexpr (map_like<T>) {
            map(v, depth);
        } else if constexpr (sequence_like<T>) {
            list(v, depth);
        } else {
            static_assert(sizeof(T) == 0, "sstk::debug: no way to print this member type");
        }
    }

private:
    void masked() { out_ += opt_.mask; }

    template <class T>
    void object(const T& v, std::size_t depth) {
        out_ += contract_of<T>().name;
        if (depth >= opt_.max_depth) {
            out_ += "{...}";
            return;
        }
        out_ += '{';
        bool first = true;
        for_each_member<T>([&](auto m) {
            using M = decltype(m);
            if (!first) out_ += ", ";
            first = false;
            out_ += M::name;
            out_ += ": ";
            const auto& field = M::get(v);
            const bool secret = opt_.secret_names.matches(M::name) || opt_.secret_names.matches(M::cpp_name);
            if (secret && !is_null(field)) masked();
            else value(field, depth + 1);
        });
        out_ += '}';
    }

    template <class T>
    static bool is_null(const T& v) {
        if constexpr (is_optional_v<T>) return !v.has_value();
        else return false;
    }

    template <class T>
    void list(const T& v, std::size_t depth) {
        if (depth >= opt_.max_depth) {
            out_ += "[...]";
            return;
        }
        out_ += '[';
        std::size_t n = 0;
        for (const auto& item : v) {
            if (n == opt_.max_items) {
                out_ += ", ...";
                break;
            }
            if (n++) out_ += ", ";
            value(item, depth + 1);
        }
        out_ += ']';
        if (n == opt_.max_items) {
            std::size_t total = 0;
            for ([[maybe_unused]] const auto& item : v) ++total;
            if (total > n) out_ += "(" + std::to_string(total) + " items)";
        }
    }

    template <class T>
    void map(const T& v, std::size_t depth) {
        if (depth >= opt_.max_depth) {
            out_ += "{...}";
            return;
        }
        out_ += '{';
        std::size_t n = 0;
        for (const auto& [key, item] : v) {
            if (n == opt_.max_items) {
                out_ += ", ...";
                break;
            }
            if (n++) out_ += ", ";
            value(key, depth + 1);
            out_ += ": ";
            if (key_is_secret(key)) masked();
            else value(item, depth + 1);
        }
        out_ += '}';
    }

    template <class K>
    bool key_is_secret(const K& key) const {
        if constexpr (string_like<K>) return opt_.secret_names.matches(std::string_view(key));
        else return false;
    }

    void json(const boost::json::value& v, std::size_t depth) {
        switch (v.kind()) {
        case boost::json::kind::null: out_ += "null"; return;
        case boost::json::kind::bool_: out_ += v.get_bool() ? "true" : "false"; return;
        case boost::json::kind::int64: number(v.get_int64()); return;
        case boost::json::kind::uint64: number(v.get_uint64()); return;
        case boost::json::kind::double_: number(v.get_double()); return;
        case boost::json::kind::string: quoted(v.get_string()); return;
        case boost::json::kind::array: list(v.get_array(), depth); return;
        case boost::json::kind::object: {
            if (depth >= opt_.max_depth) {
                out_ += "{...}";
                return;
            }
            out_ += '{';
            std::size_t n = 0;
            for (const auto& kv : v.get_object()) {
                if (n++) out_ += ", ";
                quoted(kv.key());
                out_ += ": ";
                if (opt_.secret_names.matches(kv.key())) masked();
                else json(kv.value(), depth + 1);
            }
            out_ += '}';
            return;
        }
        }
    }

    template <class N>
    void number(N n) {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, n);
        out_.append(buf, r.ptr);
    }

    template <class E>
    void enumeration(E v) {
        if (const auto name = enum_to_name(v)) {
            out_ += *name;
            return;
        }
        number(static_cast<std::underlying_type_t<E>>(v));
    }

    void char16(char16_t c) {
        if (c >= 0x20 && c < 0x7F) {
            out_ += '\'';
            out_ += static_cast<char>(c);
            out_ += '\'';
            return;
        }
        static constexpr char hex[] = "0123456789ABCDEF";
        out_ += "U+";
        for (int shift = 12; shift >= 0; shift -= 4) out_ += hex[(c >> shift) & 0xF];
    }

    // Control characters escaped so a hostile value cannot forge log lines.
    void quoted(std::string_view s) {
        static constexpr char hex[] = "0123456789ABCDEF";
        const std::size_t shown = s.size() > opt_.max_string_length ? opt_.max_string_length : s.size();
        out_ += '"';
        for (std::size_t i = 0; i < shown; ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 0xF];
                } else {
                    out_ += static_cast<char>(c);
                }
            }
        }
        out_ += '"';
        if (shown < s.size()) out_ += "...(" + std::to_string(s.size()) + " bytes)";
    }

    std::string& out_;
    const print_options& opt_;
};

}  // namespace detail

template <class T>
void append_debug_string(std::string& out, const T& value, const print_options& options = {}) {
    detail::printer(out, options).value(value, 0);
}

template <class T>
std::string to_debug_string(const T& value, const print_options& options = {}) {
    std::string out;
    append_debug_string(out, value, options);
    return out;
}

// `log << sstk::debug(request)` prints the masked rendering.
template <class T>
struct debug_view {
    const T& value;
    const print_options* options;

    friend std::ostream& operator<<(std::ostream& os, const debug_view& d) {
        return os << (d.options ? to_debug_string(d.value, *d.options) : to_debug_string(d.value));
    }
};

template <class T>
debug_view<T> debug(const T& value) {
    return {value, nullptr};
}
template <class T>
debug_view<T> debug(const T& value, const print_options& options) {
    return {value, &options};
}

}  // namespace sstk
