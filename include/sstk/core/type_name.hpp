// The unqualified name and the namespace of a C++ type, at compile time.
//
// Used only as the fallback .NET name and CLR namespace for DTOs that declare no contract
// (a hand-written `struct Hello` in `namespace my::api` becomes `Hello` in `my.api`).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace sstk {
namespace detail {

template <class T>
constexpr std::string_view pretty_function() noexcept {
#if defined(__clang__) || defined(__GNUC__)
    return __PRETTY_FUNCTION__;
#else
#error "sstk needs __PRETTY_FUNCTION__ (g++ or clang++)"
#endif
}

// "... [with T = my::api::Hello<int>; ...]" (gcc) or "... [T = my::api::Hello<int>]" (clang)
template <class T>
constexpr std::string_view qualified_type_name() noexcept {
    constexpr std::string_view pf = pretty_function<T>();
    constexpr std::string_view marker = "T = ";
    constexpr std::size_t start = pf.find(marker) + marker.size();
    std::size_t end = start;
    int depth = 0;
    for (; end < pf.size(); ++end) {
        const char c = pf[end];
        if (c == '<' || c == '(' || c == '[') ++depth;
        else if (c == '>' || c == ')') --depth;
        else if (depth == 0 && (c == ';' || c == ']')) break;
        else if (c == ']') --depth;
    }
    return pf.substr(start, end - start);
}

// Strips template arguments, splits at the last top-level "::".
constexpr std::string_view strip_template_args(std::string_view q) noexcept {
    const std::size_t lt = q.find('<');
    return lt == std::string_view::npos ? q : q.substr(0, lt);
}

}  // namespace detail

template <class T>
constexpr std::string_view unqualified_type_name() noexcept {
    constexpr std::string_view q = detail::strip_template_args(detail::qualified_type_name<T>());
    constexpr std::size_t sep = q.rfind("::");
    return sep == std::string_view::npos ? q : q.substr(sep + 2);
}

// The C++ namespace of T with "::" replaced by "." (empty for the global namespace).
template <class T>
struct dotted_namespace_of {
private:
    static constexpr std::string_view q_ = detail::strip_template_args(detail::qualified_type_name<T>());
    static constexpr std::size_t sep_ = q_.rfind("::");
    static constexpr std::string_view ns_ = sep_ == std::string_view::npos ? std::string_view{} : q_.substr(0, sep_);
    static constexpr std::size_t size_ = [] {
        std::size_t n = 0;
        for (std::size_t i = 0; i < ns_.size(); ++i) {
            if (ns_[i] == ':' && i + 1 < ns_.size() && ns_[i + 1] == ':') ++i;
            ++n;
        }
        return n;
    }();
    static constexpr std::array<char, size_ + 1> storage_ = [] {
        std::array<char, size_ + 1> a{};
        std::size_t n = 0;
        for (std::size_t i = 0; i < ns_.size(); ++i) {
            if (ns_[i] == ':' && i + 1 < ns_.size() && ns_[i + 1] == ':') { a[n++] = '.'; ++i; }
            else a[n++] = ns_[i];
        }
        return a;
    }();

public:
    static constexpr std::string_view value{storage_.data(), size_};
};

}  // namespace sstk
