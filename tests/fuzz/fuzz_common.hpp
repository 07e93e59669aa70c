// Shared helpers of the libFuzzer targets (tests/fuzz/fuzz_<name>.cpp).
//
// Every target reads the input; a read must either succeed or throw sstk::error. Anything else
// (another exception, a crash, a hang, a sanitizer report) is a finding. Where the property
// holds, a successful read written back and read again must give an equal object; a violation
// calls __builtin_trap() so libFuzzer records the input as a crash.
//
// Seed mode: with SSTK_FUZZ_WRITE_SEEDS=<dir> in the environment, a target writes its generated
// seeds (selector byte + document) into <dir> and exits; tests/fuzz/corpus/<target>/ was made so.
#pragma once

#include <sstk/core/error.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/describe/members.hpp>
#include <boost/json/value.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cmath>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <string_view>
#include <typeinfo>

#define SSTK_FUZZ_CHECK(cond)                                                                          \
    do {                                                                                               \
        if (!(cond)) {                                                                                 \
            std::fprintf(stderr, "sstk fuzz: property violated: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            __builtin_trap();                                                                          \
        }                                                                                              \
    } while (0)

namespace sstk_fuzz {

// Prints what went wrong, then traps (libFuzzer saves the input).
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "sstk fuzz: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(), static_cast<int>(detail.size()),
                 detail.data());
    __builtin_trap();
}

// Runs f(); sstk::error is an accepted outcome (returns false), any other exception is a finding.
template <class F>
bool accepts(F&& f) {
    try {
        f();
        return true;
    } catch (const sstk::error&) {
        return false;
    } catch (const std::exception& e) {
        fail(std::string("non-sstk exception ") + typeid(e).name(), e.what());
    } catch (...) {
        fail("unknown exception");
    }
}

// Runs f() on data the library itself wrote: it must not throw at all.
template <class F>
void must_succeed(std::string_view what, std::string_view text, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sstk fuzz: the text was:\n%.*s\n", static_cast<int>(text.size()), text.data());
        fail(std::string(what) + " threw " + typeid(e).name(), e.what());
    }
}

// Deep equality as operator== has it, except that a NaN equals a NaN (a DTO holding NaN is not
// equal to itself under operator==, yet reading back NaN is exactly right).
//
// DateTime kinds: the text codecs speak ServiceStack's wire forms, which do not keep the kind
// (Unspecified is written as local time with -0000 or without a zone, and /Date(…±hhmm)/ and
// zoned ISO text read back as Local; see include/sstk/types/date_time.hpp). A target whose
// format keeps kinds (XML, the value parsers) leaves compare_date_kinds on; the others turn it
// off and compare the ticks (with every zone set to UTC, the same instant).
inline bool compare_date_kinds = true;

// CSV writes null and "" alike as an empty cell (as ServiceStack does; csv/write.hpp), so the
// CSV target turns this on: an optional string holding "" then equals an empty optional.
inline bool empty_string_is_null = false;

// ServiceStack.Text drops dictionary entries whose value is null (IncludeNullValuesInDictionaries
// is off by default; json/write.hpp does the same): a target comparing an object with its
// ServiceStack-dialect JSON copy turns this on, and such entries of the first object are skipped.
inline bool null_dictionary_values_dropped = false;

// ServiceStack's TimeSpan text goes through a double of seconds (its TimeSpanConverter; see
// fuzz_values.cpp), so a long span loses ticks: a target comparing an object with its
// ServiceStack-dialect JSON copy turns this on, and spans then agree to 2^-32 of their size.
inline bool servicestack_time_spans_lossy = false;

template <class T>
bool same(const T& a, const T& b);

// A dynamic JSON value (object-typed members): numbers are equal by value, whatever their kind.
// The writer follows .NET's number rules, so a double 2.0 is written "2" and reads back as an
// integer (as ServiceStack.Text does for an object holding 2.0); the value is kept, the kind not.
inline bool same_json(const boost::json::value& a, const boost::json::value& b) {
    if (a.is_number() && b.is_number()) {
        if (!a.is_double() && !b.is_double()) return a == b;
        const double x = a.to_number<double>(), y = b.to_number<double>();
        return (std::isnan(x) && std::isnan(y)) || x == y;
    }
    if (a.is_array() && b.is_array()) {
        const auto &x = a.get_array(), &y = b.get_array();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!same_json(x[i], y[i])) return false;
        return true;
    }
    if (a.is_object() && b.is_object()) {
        const auto &x = a.get_object(), &y = b.get_object();
        if (x.size() != y.size()) return false;
        for (const auto& kv : x) {
            const auto* other = y.if_contains(kv.key());
            if (!other || !same_json(kv.value(), *other)) return false;
        }
        return true;
    }
    return a == b;
}

namespace detail {
template <class T>
concept range = requires(const T& t) {
    std::begin(t);
    std::end(t);
};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
concept map_of_optionals = requires { typename T::mapped_type; } && is_optional<typename T::mapped_type>::value;
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
}  // namespace detail

template <class T>
bool same(const T& a, const T& b) {
    if constexpr (std::is_floating_point_v<T>) {
        return (std::isnan(a) && std::isnan(b)) || a == b;
    } else if constexpr (std::is_same_v<T, boost::json::value>) {
        return same_json(a, b);
    } else if constexpr (std::is_same_v<T, sstk::time_span>) {
        if (!servicestack_time_spans_lossy) return a == b;
        const auto x = a.ticks(), y = b.ticks();
        const std::uint64_t diff = x > y ? static_cast<std::uint64_t>(x) - static_cast<std::uint64_t>(y)
                                         : static_cast<std::uint64_t>(y) - static_cast<std::uint64_t>(x);
        const std::uint64_t size = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
        return diff <= (size >> 32);
    } else if constexpr (std::is_same_v<T, sstk::date_time>) {
        return compare_date_kinds ? a == b : sstk::date_time::equals_ignoring_kind(a, b);
    } else if constexpr (detail::is_optional<T>::value) {
        if constexpr (std::is_same_v<T, std::optional<std::string>>) {
            if (empty_string_is_null) return a.value_or("") == b.value_or("");
        }
        if (a.has_value() != b.has_value()) return false;
        return !a || same(*a, *b);
    } else if constexpr (detail::is_pair<T>::value) {
        return same(a.first, b.first) && same(a.second, b.second);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        bool eq = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
            [&](auto m) {
                if (eq && !same(a.*m.pointer, b.*m.pointer)) {
                    eq = false;
                    std::fprintf(stderr, "sstk fuzz: member %s differs\n", m.name);  // innermost first
                }
            });
        return eq;
    } else if constexpr (detail::map_of_optionals<T>) {
        auto i = std::begin(a), j = std::begin(b);
        for (;; ++i, ++j) {
            if (null_dictionary_values_dropped)
                while (i != std::end(a) && !i->second) ++i;
            if (i == std::end(a) || j == std::end(b)) break;
            if (!same(i->first, j->first) || !same(i->second, j->second)) return false;
        }
        return i == std::end(a) && j == std::end(b);
    } else if constexpr (detail::range<T> && !std::is_convertible_v<T, std::string_view>) {
        auto i = std::begin(a), j = std::begin(b);
        for (; i != std::end(a) && j != std::end(b); ++i, ++j)
            if (!same(*i, *j)) return false;
        return i == std::end(a) && j == std::end(b);
    } else {
        return a == b;
    }
}

// Whether any string inside v (members, optionals, lists, dictionary keys and values) holds c.
template <class T>
bool holds_char(const T& v, char c) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        return std::string_view(v).find(c) != std::string_view::npos;
    } else if constexpr (detail::is_optional<T>::value) {
        return v && holds_char(*v, c);
    } else if constexpr (detail::is_pair<T>::value) {
        return holds_char(v.first, c) || holds_char(v.second, c);
    } else if constexpr (boost::describe::has_describe_members<T>::value) {
        bool found = false;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>>(
            [&](auto m) { found = found || holds_char(v.*m.pointer, c); });
        return found;
    } else if constexpr (detail::range<T>) {
        for (const auto& e : v)
            if (holds_char(e, c)) return true;
        return false;
    } else {
        return false;
    }
}

// The seed writer (see above).
inline const char* seed_dir() { return std::getenv("SSTK_FUZZ_WRITE_SEEDS"); }

inline void write_seed(const std::string& name, std::uint8_t selector, std::string_view body) {
    const char* dir = seed_dir();
    if (!dir) return;
    std::ofstream f(std::string(dir) + "/" + name, std::ios::binary);
    f.put(static_cast<char>(selector));
    f.write(body.data(), static_cast<std::streamsize>(body.size()));
}

inline void write_raw_seed(const std::string& name, std::string_view body) {
    const char* dir = seed_dir();
    if (!dir) return;
    std::ofstream f(std::string(dir) + "/" + name, std::ios::binary);
    f.write(body.data(), static_cast<std::streamsize>(body.size()));
}

}  // namespace sstk_fuzz
