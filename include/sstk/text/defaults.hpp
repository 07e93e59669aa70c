// Shared by the text codecs (JSON, JSV, CSV, query strings).
// Whether a value equals its .NET default(T): what [DataMember(EmitDefaultValue=false)] and the
// C# client's query-string builder (which skips default values of non-nullable value types)
// test. Reference types (strings, lists, DTOs) only have null as their default, and null is an
// empty std::optional, so they are never "default" here.
#pragma once

#include <sstk/core/traits.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>

#include <type_traits>

namespace sstk::text {

template <class T>
constexpr bool is_default_value(const T& v) {
    if constexpr (is_optional_v<T>) return !v.has_value();
    else if constexpr (std::is_same_v<T, bool>) return !v;
    else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) return v == T{};
    else if constexpr (std::is_same_v<T, decimal>) return v.is_zero();
    else if constexpr (std::is_same_v<T, guid>) return v.is_empty();
    else if constexpr (std::is_same_v<T, date_time>) return v.ticks() == 0;
    else if constexpr (std::is_same_v<T, time_span>) return v.ticks() == 0;
    else if constexpr (std::is_same_v<T, date_time_offset>) return v == date_time_offset{};
    else return false;
}

// A .NET value type (struct): C++ scalars and sstk's value types, not strings, containers or DTOs.
template <class T>
inline constexpr bool is_value_type_v =
    std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, decimal> || std::is_same_v<T, guid> ||
    std::is_same_v<T, date_time> || std::is_same_v<T, time_span> || std::is_same_v<T, date_time_offset>;

}  // namespace sstk::text
