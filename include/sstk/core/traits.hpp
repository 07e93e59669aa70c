// Shape traits shared by every codec: how a C++ member type maps onto the .NET shapes
// (nullable, collection, dictionary, byte[]), decided in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>

namespace sstk {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<T>::value;

// Text: std::string and what converts to std::string_view.
template <class T>
concept string_like = std::is_convertible_v<const T&, std::string_view> && !std::is_same_v<T, std::nullptr_t>;

// byte[]: base64 on every wire.
template <class T>
concept byte_sequence = std::ranges::contiguous_range<T> && std::is_same_v<std::ranges::range_value_t<T>, std::uint8_t> &&
                        !string_like<T>;

// Dictionary<K,V>: std::map, std::unordered_map, sstk::dictionary.
template <class T>
concept map_like = std::ranges::input_range<T> && requires {
    typename T::key_type;
    typename T::mapped_type;
} && !string_like<T>;

// List<T>, T[], HashSet<T>: any other range.
template <class T>
concept sequence_like = std::ranges::input_range<T> && !map_like<T> && !string_like<T> && !byte_sequence<T>;

// A sequence a reader can append to.
template <class T>
concept appendable_sequence = sequence_like<T> && requires(T& c, std::ranges::range_value_t<T> v) { c.push_back(std::move(v)); };

}  // namespace sstk
