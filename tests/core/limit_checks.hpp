// The checks every codec's limits test makes of a limit error: its kind, the limit's name and
// value in the message, and a position.
#pragma once

#include <sstk/core/error.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace robust {

inline void check_limit(const sstk::error& e, std::string_view limit, std::size_t value) {
    INFO(e.what());
    CHECK(e.kind() == sstk::errc::limit_exceeded);
    CHECK(e.message().find(limit) != std::string::npos);
    CHECK(e.message().find("(" + std::to_string(value) + ")") != std::string::npos);
    CHECK(e.offset() != sstk::error::npos);
    CHECK(e.line() != 0);
}

}  // namespace robust
