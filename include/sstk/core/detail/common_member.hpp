// The member types most DTOs are made of. The codecs' shared member loops handle these inline
// (a switch on this tag) and every other type through its function pointer: the table-driven
// loops stay as fast as per-DTO code for the common case.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace sstk {

enum class common_member : std::uint8_t { other, optional_string, string, boolean, int32, int64 };

template <class V>
inline constexpr common_member common_member_of = std::is_same_v<V, std::optional<std::string>> ? common_member::optional_string
                                                  : std::is_same_v<V, std::string>              ? common_member::string
                                                  : std::is_same_v<V, bool>                     ? common_member::boolean
                                                  : std::is_same_v<V, std::int32_t>             ? common_member::int32
                                                  : std::is_same_v<V, std::int64_t>             ? common_member::int64
                                                                                                : common_member::other;

}  // namespace sstk
