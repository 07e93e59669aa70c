// sstk::result<T> — the non-throwing API shape: a T or an sstk::error.
//
// It is Boost.System's result<T, E> (Boost 1.79+), so it has the familiar has_value(),
// value() (throws the sstk::error itself), error(), operator*, operator->.
#pragma once

#include <sstk/core/error.hpp>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <utility>

namespace sstk {

template <class T>
using result = boost::system::result<T, error>;

// Found by ADL from result<T, error>::value(): rethrow the sstk::error unchanged.
[[noreturn]] inline void throw_exception_from_error(const error& e, const boost::source_location&) {
    throw e;
}

// Runs f(); returns its value, or the sstk::error it threw. Lets every codec write its
// non-throwing try_* entry point once, in terms of the throwing one.
template <class F>
auto capture(F&& f) -> result<decltype(std::forward<F>(f)())> {
    using R = result<decltype(std::forward<F>(f)())>;
    try {
        if constexpr (std::is_void_v<decltype(std::forward<F>(f)())>) {
            std::forward<F>(f)();
            return R();
        } else {
            return R(std::forward<F>(f)());
        }
    } catch (const error& e) {
        return R(boost::system::in_place_error, e);
    }
}

}  // namespace sstk
