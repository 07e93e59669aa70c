// DTOs shaped like the ones in ServiceStack.Text's own tests, for the JSON vectors.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/dictionary.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jt {

// JsConfigTests: Id, RootId, DisplayName
struct Obj {
    int Id = 0;
    int RootId = 0;
    std::optional<std::string> DisplayName;
    friend bool operator==(const Obj&, const Obj&) = default;
};
BOOST_DESCRIBE_STRUCT(Obj, (), (Id, RootId, DisplayName))

// CamelCaseTests.Movie: [DataContract] with [DataMember(Order=n)]
struct Movie {
    std::optional<std::vector<std::string>> Genres;
    std::optional<std::string> TagLine;
    sstk::date_time ReleaseDate;
    std::optional<std::string> Director;
    sstk::decimal Rating;
    std::optional<std::string> ImdbId;
    std::optional<std::string> Title;
    int Id = 0;
    friend bool operator==(const Movie&, const Movie&) = default;
};
BOOST_DESCRIBE_STRUCT(Movie, (), (Genres, TagLine, ReleaseDate, Director, Rating, ImdbId, Title, Id))
constexpr auto sstk_contract(sstk::type_tag<Movie>) {
    using sstk::member;
    return sstk::contract("Movie").data_contract().members(
        member("Id").with_order(1), member("Title").with_order(2), member("ImdbId").with_order(3), member("Rating").with_order(4),
        member("Director").with_order(5), member("ReleaseDate").with_order(6), member("TagLine").with_order(7), member("Genres").with_order(8));
}

// CamelCaseTests.Can_override_name
struct Person {
    int Id = 0;
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Person, (), (Id, Name))
constexpr auto sstk_contract(sstk::type_tag<Person>) {
    return sstk::contract("Person").data_contract().members(sstk::member("Id").rename("MyID"));
}

struct NullClass {
    int X = 0;
};
BOOST_DESCRIBE_STRUCT(NullClass, (), (X))

// BasicJsonTests: Name, Type, SampleKey, Nothing, NullClass, NullableDateTime
struct Brandon {
    std::optional<std::string> Name;
    std::optional<std::string> Type;
    int SampleKey = 0;
    std::optional<std::string> Nothing;
    std::optional<jt::NullClass> NullClass;
    std::optional<sstk::date_time> NullableDateTime;
};
BOOST_DESCRIBE_STRUCT(Brandon, (), (Name, Type, SampleKey, Nothing, NullClass, NullableDateTime))

enum class FlagsEnum { None = 0, One = 1, Two = 2, Three = 4 };
BOOST_DESCRIBE_ENUM(FlagsEnum, None, One, Two, Three)
constexpr auto sstk_contract(sstk::type_tag<FlagsEnum>) { return sstk::enum_contract("FlagsEnum").flags(); }

enum class NoFlagsEnum { Zero, One, Two };
BOOST_DESCRIBE_ENUM(NoFlagsEnum, Zero, One, Two)

struct Enums {
    jt::FlagsEnum FlagsEnum = jt::FlagsEnum::None;
    jt::NoFlagsEnum NoFlagsEnum = jt::NoFlagsEnum::Zero;
    std::optional<jt::FlagsEnum> NullableFlagsEnum;
    std::optional<jt::NoFlagsEnum> NullableNoFlagsEnum;
    friend bool operator==(const Enums&, const Enums&) = default;
};
BOOST_DESCRIBE_STRUCT(Enums, (), (FlagsEnum, NoFlagsEnum, NullableFlagsEnum, NullableNoFlagsEnum))

enum class ULongFlags : std::uint64_t { One = 1, Two = 2, Four = 4, Eight = 8 };
BOOST_DESCRIBE_ENUM(ULongFlags, One, Two, Four, Eight)
constexpr auto sstk_contract(sstk::type_tag<ULongFlags>) { return sstk::enum_contract("ULongFlags").flags(); }

struct UnsignedFlags {
    ULongFlags EnumProp1{};
    ULongFlags EnumProp2{};
};
BOOST_DESCRIBE_STRUCT(UnsignedFlags, (), (EnumProp1, EnumProp2))

struct Named {
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Named, (), (Name))

struct Html {
    std::optional<std::string> FooBar;
};
BOOST_DESCRIBE_STRUCT(Html, (), (FooBar))

// test.servicestack.net EchoTypes
struct EchoTypes {
    std::uint8_t Byte = 0;
    std::int16_t Short = 0;
    std::int32_t Int = 0;
    std::int64_t Long = 0;
    std::uint16_t UShort = 0;
    std::uint32_t UInt = 0;
    std::uint64_t ULong = 0;
    float Float = 0;
    double Double = 0;
    sstk::decimal Decimal;
    std::optional<std::string> String;
    sstk::date_time DateTime;
    sstk::time_span TimeSpan;
    sstk::date_time_offset DateTimeOffset;
    sstk::guid Guid;
    char16_t Char = 0;
    friend bool operator==(const EchoTypes&, const EchoTypes&) = default;
};
BOOST_DESCRIBE_STRUCT(EchoTypes, (), (Byte, Short, Int, Long, UShort, UInt, ULong, Float, Double, Decimal, String, DateTime, TimeSpan,
                                      DateTimeOffset, Guid, Char))

enum class Permission : std::uint32_t { None = 0, Read = 1, Write = 2, Execute = 4 };
BOOST_DESCRIBE_ENUM(Permission, None, Read, Write, Execute)
constexpr auto sstk_contract(sstk::type_tag<Permission>) { return sstk::enum_contract("Permission").flags(); }

enum class Color { Red, Green, Blue };
BOOST_DESCRIBE_ENUM(Color, Red, Green, Blue)

struct Everything {
    bool Bool = false;
    std::int32_t Int = 0;
    std::optional<std::int32_t> NullInt;
    double Dbl = 0;
    sstk::decimal Dec;
    std::optional<std::string> Str;
    std::string PlainStr;
    char16_t Ch = 0;
    std::optional<std::vector<std::uint8_t>> Bytes;
    sstk::guid Guid;
    sstk::date_time When;
    sstk::time_span Span;
    jt::Color Color = jt::Color::Red;
    Permission Perm = Permission::None;
    std::optional<std::vector<std::int32_t>> IntList;
    std::optional<std::vector<std::optional<std::string>>> StrList;
    std::optional<sstk::dictionary<std::string, std::string>> Map;
    std::optional<std::map<std::int32_t, std::string>> IntMap;
    std::optional<jt::Obj> Child;
    std::optional<std::vector<jt::Obj>> Children;
    boost::json::value Any;
    friend bool operator==(const Everything&, const Everything&) = default;
};
BOOST_DESCRIBE_STRUCT(Everything, (), (Bool, Int, NullInt, Dbl, Dec, Str, PlainStr, Ch, Bytes, Guid, When, Span, Color, Perm, IntList,
                                       StrList, Map, IntMap, Child, Children, Any))

}  // namespace jt
