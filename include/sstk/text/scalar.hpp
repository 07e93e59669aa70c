// Scalar text → value conversions shared by the text codecs (JSON, JSV, CSV cells, query-string
// and form values): the spellings ServiceStack.Text's readers accept for bool, enums and dates,
// and sstk's value-type parsers for the rest. Errors are sstk::error with offsets relative to
// `text`; callers move them into their document.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/core/enumerators.hpp>
#include <sstk/core/error.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/integer.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/types/time_zone.hpp>

#include <sstk/core/member_lookup.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace sstk::text {

// true/false in any case, and 1/0 (ServiceStack.Text's ParseBoolean).
inline bool parse_bool(std::string_view t) {
    if (detail::iequals(t, "true") || t == "1") return true;
    if (detail::iequals(t, "false") || t == "0") return false;
    throw error(errc::invalid_value, "expected true or false, found '" + std::string(t) + "'", 0);
}

// An enum by name ([EnumMember] or C++ name, case-insensitive), by number, or for [Flags] as
// "A, B" / "A,B".
template <class E>
E parse_enum(std::string_view t) {
    using U = std::underlying_type_t<E>;
    if (!t.empty() && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9'))) return static_cast<E>(parse_integer<U>(t));
    if constexpr (described_enum<E>) {
        if (const auto v = enum_from_name<E>(t, true)) return *v;
        if constexpr (is_flags_enum<E>) {
            U bits = 0;
            std::size_t i = 0;
            while (i <= t.size()) {
                std::size_t j = t.find(',', i);
                if (j == std::string_view::npos) j = t.size();
                std::string_view part = t.substr(i, j - i);
                std::size_t lead = 0;
                while (!part.empty() && part.front() == ' ') part.remove_prefix(1), ++lead;
                while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
                const auto v = enum_from_name<E>(part, true);
                if (!v)
                    throw error(errc::invalid_value,
                                "'" + std::string(part) + "' is not a member of enum " + std::string(contract_of<E>().name), i + lead);
                bits = static_cast<U>(bits | static_cast<U>(*v));
                i = j + 1;
            }
            return static_cast<E>(bits);
        }
        throw error(errc::invalid_value, "'" + std::string(t) + "' is not a member of enum " + std::string(contract_of<E>().name), 0);
    } else {
        throw error(errc::invalid_value, "expected a number for an enum without described enumerators", 0);
    }
}

// A DateTime in any spelling ServiceStack reads. ISO 8601 as .NET Core ServiceStack and
// System.Text.Json read it (Z -> Utc, offset -> Local, no zone -> Unspecified); ServiceStack v6 on
// .NET Framework made every zoned ISO date Local, which loses the Utc kind the server meant.
// Every other spelling (WCF dates, RFC1123, yyyyMMdd, dd/MM/yyyy) as ServiceStack.Text reads it.
inline date_time parse_date_time(std::string_view t, const time_zone& zone) {
    if (t.size() >= 10 && t[4] == '-' && t[7] == '-') {
        if (auto iso = date_time::try_parse(t, date_time_syntax::iso8601, zone)) return *iso;
    }
    return date_time::parse(t, date_time_syntax::servicestack, zone);
}

// Any scalar sstk models, from the text ServiceStack.Text writes for it in JSV, CSV and query
// strings (which the JSON reader also accepts inside strings).
template <class T>
T parse_scalar(std::string_view t, const time_zone& zone) {
    if constexpr (std::is_same_v<T, bool>) return parse_bool(t);
    else if constexpr (std::is_same_v<T, char16_t>) return parse_char16_utf8(t);
    else if constexpr (wire_integer<T>) return parse_integer<T>(t);
    else if constexpr (std::is_same_v<T, float>) return parse_float(t, float_syntax::json);
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(parse_double(t, float_syntax::json));
    else if constexpr (std::is_enum_v<T>) return parse_enum<T>(t);
    else if constexpr (std::is_same_v<T, decimal>) return decimal::parse(t, decimal_parse_options{true, false});
    else if constexpr (std::is_same_v<T, guid>) return guid::parse(t);
    else if constexpr (std::is_same_v<T, date_time>) return parse_date_time(t, zone);
    else if constexpr (std::is_same_v<T, date_time_offset>) return date_time_offset::parse(t, date_time_offset_syntax::servicestack, zone);
    else if constexpr (std::is_same_v<T, time_span>) return time_span::parse(t, time_span_syntax::servicestack);
    else static_assert(sizeof(T) == 0, "sstk: this type has no scalar text form");
}

template <class T>
inline constexpr bool is_text_scalar_v =
    std::is_same_v<T, bool> || std::is_same_v<T, char16_t> || wire_integer<T> || std::is_floating_point_v<T> || std::is_enum_v<T> ||
    std::is_same_v<T, decimal> || std::is_same_v<T, guid> || std::is_same_v<T, date_time> || std::is_same_v<T, date_time_offset> ||
    std::is_same_v<T, time_span>;

}  // namespace sstk::text
