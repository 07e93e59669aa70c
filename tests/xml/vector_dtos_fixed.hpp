// The parts of the golden-vector DTOs that the .desc.txt files cannot describe, written by hand
// from the vector bytes and type-names.tsv: the enums (members and values in declaration order,
// which [Flags] greedy naming depends on) and the generic classes Page<T> and Pair<A, B>.
// vector_dtos.hpp (generated) builds on this.
#pragma once

#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/dictionary.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/xml/detail/names.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <bit>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace Oracle::Edge {

enum class Color : std::int32_t { Red = 0, Green = 1, Blue = 10 };
BOOST_DESCRIBE_ENUM(Color, Red, Green, Blue)
constexpr auto sstk_contract(sstk::type_tag<Color>) { return sstk::enum_contract("Color").clr_namespace("Oracle.Edge"); }

// [Flags]; Read and Write are declared before ReadWrite: 15 is "Read Write Execute Delete" (enums).
enum class Perms : std::int32_t { None = 0, Read = 1, Write = 2, ReadWrite = 3, Execute = 4, Delete = 8 };
BOOST_DESCRIBE_ENUM(Perms, None, Read, Write, ReadWrite, Execute, Delete)
constexpr auto sstk_contract(sstk::type_tag<Perms>) { return sstk::enum_contract("Perms").clr_namespace("Oracle.Edge").flags(); }

// [Flags] without a zero member: 0 is an empty element (enum_flags_zero_no_member).
enum class FlagsNoZero : std::int32_t { A = 1, B = 2, C = 4 };
BOOST_DESCRIBE_ENUM(FlagsNoZero, A, B, C)
constexpr auto sstk_contract(sstk::type_tag<FlagsNoZero>) {
    return sstk::enum_contract("FlagsNoZero").clr_namespace("Oracle.Edge").flags();
}

enum class BigEnum : std::int64_t { Small = 0, Huge = std::numeric_limits<std::int64_t>::max() };
BOOST_DESCRIBE_ENUM(BigEnum, Small, Huge)
constexpr auto sstk_contract(sstk::type_tag<BigEnum>) { return sstk::enum_contract("BigEnum").clr_namespace("Oracle.Edge"); }

// [DataContract(Namespace = "urn:oracle:enums")] with [EnumMember(Value = "active-state")] Active
// and [EnumMember] Inactive. Hidden (= 2) is not an [EnumMember]: it is left out of the C++ enum,
// so writing it is an error, as in DCS (enum_datacontract_not_member).
enum class Status : std::int32_t { Active = 0, Inactive = 1 };
BOOST_DESCRIBE_ENUM(Status, Active, Inactive)
constexpr auto sstk_contract(sstk::type_tag<Status>) {
    return sstk::enum_contract("Status").clr_namespace("Oracle.Edge").xml_namespace("urn:oracle:enums").values(
        sstk::enumerator("Active", "active-state"));
}

}  // namespace Oracle::Edge

namespace Oracle::Generic {

// A member of reference type is nullable (std::optional); value types and Nullable<T> are not wrapped again.
template <class T>
using slot_t = std::conditional_t<sstk::xml::detail::dotnet_value_type<T> || sstk::is_optional_v<T>, T, std::optional<T>>;

template <class T>
struct Page {
    std::optional<std::vector<slot_t<T>>> Results{};
    std::int32_t Total{};
    friend bool operator==(const Page&, const Page&) = default;
    BOOST_DESCRIBE_CLASS(Page, (), (Results, Total), (), ())
};
template <class T>
constexpr auto sstk_contract(sstk::type_tag<Page<T>>) {
    return sstk::contract("Page").clr_namespace("Oracle.Generic");
}

template <class A, class B>
struct Pair {
    slot_t<A> First{};
    slot_t<B> Second{};
    friend bool operator==(const Pair&, const Pair&) = default;
    BOOST_DESCRIBE_CLASS(Pair, (), (First, Second), (), ())
};
template <class A, class B>
constexpr auto sstk_contract(sstk::type_tag<Pair<A, B>>) {
    return sstk::contract("Pair").clr_namespace("Oracle.Generic");
}

}  // namespace Oracle::Generic
