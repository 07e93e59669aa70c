// The DTO corpus of the live DataContractSerializer test (dcs_conformance_test.cpp): the C++ side
// of tests/conformance/dcs_oracle.cs, type for type and value for value. Every .NET type of the
// oracle has a C++ twin here with the same contract name, namespace, member names, nullability
// and DataContract attributes; the seed DTOs come from include/sstk/apis as they are.
//
// Nullability follows design.md §4: .NET reference types (string, classes, List, Dictionary,
// byte[]) are std::optional, value types are not, Nullable<T> is std::optional<T>.
#pragma once

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/core/contract.hpp>
#include <sstk/servicestack/query_response.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/dictionary.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/xml/detail/names.hpp>

#include <array>
#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace conformance {

template <class T>
using opt = std::optional<T>;
using str = std::optional<std::string>;
template <class T>
using list = std::optional<std::vector<T>>;
template <class K, class V>
using dict = std::optional<sstk::dictionary<K, V>>;

}  // namespace conformance

// ---------------------------------------------------------------- Conf.Models (enums, scalars)
namespace conf::models {
using namespace conformance;

enum class Color : std::int32_t { Red = 0, Green = 1, Blue = 10 };
BOOST_DESCRIBE_ENUM(Color, Red, Green, Blue)
constexpr auto sstk_contract(sstk::type_tag<Color>) { return sstk::enum_contract("Color").clr_namespace("Conf.Models"); }

// [Flags]; Read and Write are declared before ReadWrite, so 15 is "Read Write Execute Delete".
enum class Perms : std::int32_t { None = 0, Read = 1, Write = 2, ReadWrite = 3, Execute = 4, Delete = 8 };
BOOST_DESCRIBE_ENUM(Perms, None, Read, Write, ReadWrite, Execute, Delete)
constexpr auto sstk_contract(sstk::type_tag<Perms>) { return sstk::enum_contract("Perms").clr_namespace("Conf.Models").flags(); }

enum class FlagsNoZero : std::int32_t { A = 1, B = 2, C = 4 };
BOOST_DESCRIBE_ENUM(FlagsNoZero, A, B, C)
constexpr auto sstk_contract(sstk::type_tag<FlagsNoZero>) { return sstk::enum_contract("FlagsNoZero").clr_namespace("Conf.Models").flags(); }

enum class BigEnum : std::int64_t { Small = 0, Huge = std::numeric_limits<std::int64_t>::max() };
BOOST_DESCRIBE_ENUM(BigEnum, Small, Huge)
constexpr auto sstk_contract(sstk::type_tag<BigEnum>) { return sstk::enum_contract("BigEnum").clr_namespace("Conf.Models"); }

enum class Tiny : std::uint8_t { Zero = 0, One = 1, Max = 255 };
BOOST_DESCRIBE_ENUM(Tiny, Zero, One, Max)
constexpr auto sstk_contract(sstk::type_tag<Tiny>) { return sstk::enum_contract("Tiny").clr_namespace("Conf.Models"); }

// [DataContract(Namespace = "urn:conf:enums")], [EnumMember(Value = "active-state")] Active, [EnumMember] Inactive.
enum class Status : std::int32_t { Active = 0, Inactive = 1 };
BOOST_DESCRIBE_ENUM(Status, Active, Inactive)
constexpr auto sstk_contract(sstk::type_tag<Status>) {
    return sstk::enum_contract("Status").clr_namespace("Conf.Models").xml_namespace("urn:conf:enums").values(
        sstk::enumerator("Active", "active-state"));
}

struct Item {
    std::int32_t Id{};
    str Name;
    friend bool operator==(const Item&, const Item&) = default;
};
BOOST_DESCRIBE_STRUCT(Item, (), (Id, Name))
constexpr auto sstk_contract(sstk::type_tag<Item>) { return sstk::contract("Item").clr_namespace("Conf.Models"); }

struct IntegersDto {
    std::uint8_t ByteMin{}, ByteMax{};
    std::int8_t SByteMin{}, SByteMax{};
    std::int16_t ShortMin{}, ShortMax{};
    std::uint16_t UShortMax{};
    std::int32_t IntMin{}, IntMax{};
    std::uint32_t UIntMax{};
    std::int64_t LongMin{}, LongMax{};
    std::uint64_t ULongMax{};
    std::int32_t MinusOne{};
    friend bool operator==(const IntegersDto&, const IntegersDto&) = default;
};
BOOST_DESCRIBE_STRUCT(IntegersDto, (), (ByteMin, ByteMax, SByteMin, SByteMax, ShortMin, ShortMax, UShortMax, IntMin, IntMax,
                                        UIntMax, LongMin, LongMax, ULongMax, MinusOne))
constexpr auto sstk_contract(sstk::type_tag<IntegersDto>) { return sstk::contract("IntegersDto").clr_namespace("Conf.Models"); }

struct DoublesDto {
    double Zero{}, NegZero{}, Tenth{}, Pi{}, Third{}, E15{}, E16{}, Big20{}, E21{}, Small7{}, Epsilon{}, Max{}, Min{}, NaN{},
        PosInf{}, NegInf{}, Money{}, Latitude{};
    friend bool operator==(const DoublesDto&, const DoublesDto&) = default;
};
BOOST_DESCRIBE_STRUCT(DoublesDto, (), (Zero, NegZero, Tenth, Pi, Third, E15, E16, Big20, E21, Small7, Epsilon, Max, Min, NaN,
                                       PosInf, NegInf, Money, Latitude))
constexpr auto sstk_contract(sstk::type_tag<DoublesDto>) { return sstk::contract("DoublesDto").clr_namespace("Conf.Models"); }

struct FloatsDto {
    float Zero{}, NegZero{}, Tenth{}, Third{}, Max{}, Epsilon{}, NaN{}, PosInf{}, NegInf{}, Pi{};
    friend bool operator==(const FloatsDto&, const FloatsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(FloatsDto, (), (Zero, NegZero, Tenth, Third, Max, Epsilon, NaN, PosInf, NegInf, Pi))
constexpr auto sstk_contract(sstk::type_tag<FloatsDto>) { return sstk::contract("FloatsDto").clr_namespace("Conf.Models"); }

struct DecimalsDto {
    sstk::decimal Zero{}, ZeroScaled{}, OnePointOneZero{}, Max{}, Min{}, Smallest{}, NegHalf{}, TrailingZeros{}, Big{}, Price{};
    friend bool operator==(const DecimalsDto&, const DecimalsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(DecimalsDto, (), (Zero, ZeroScaled, OnePointOneZero, Max, Min, Smallest, NegHalf, TrailingZeros, Big, Price))
constexpr auto sstk_contract(sstk::type_tag<DecimalsDto>) { return sstk::contract("DecimalsDto").clr_namespace("Conf.Models"); }

struct DateTimesDto {
    sstk::date_time UtcFraction7{}, UtcWhole{}, UtcHalf{}, UtcMillis{}, UtcOneTick{}, UnspecifiedFraction{}, UnspecifiedWhole{},
        MinValue{}, MaxValue{}, MaxUtc{}, EpochUtc{}, LeapDay{}, LocalUtcZone{};
    opt<sstk::date_time> NullDate, SomeDate;
    friend bool operator==(const DateTimesDto&, const DateTimesDto&) = default;
};
BOOST_DESCRIBE_STRUCT(DateTimesDto, (), (UtcFraction7, UtcWhole, UtcHalf, UtcMillis, UtcOneTick, UnspecifiedFraction,
                                         UnspecifiedWhole, MinValue, MaxValue, MaxUtc, EpochUtc, LeapDay, LocalUtcZone, NullDate,
                                         SomeDate))
constexpr auto sstk_contract(sstk::type_tag<DateTimesDto>) { return sstk::contract("DateTimesDto").clr_namespace("Conf.Models"); }

struct TimeSpansDto {
    sstk::time_span Zero{}, OneHour{}, MinusOneHour{}, Mixed{}, OneTick{}, Max{}, Min{}, Days{};
    opt<sstk::time_span> Null;
    friend bool operator==(const TimeSpansDto&, const TimeSpansDto&) = default;
};
BOOST_DESCRIBE_STRUCT(TimeSpansDto, (), (Zero, OneHour, MinusOneHour, Mixed, OneTick, Max, Min, Days, Null))
constexpr auto sstk_contract(sstk::type_tag<TimeSpansDto>) { return sstk::contract("TimeSpansDto").clr_namespace("Conf.Models"); }

struct GuidsDto {
    sstk::guid Empty{}, Value{}, AllF{};
    opt<sstk::guid> Null, Some;
    friend bool operator==(const GuidsDto&, const GuidsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(GuidsDto, (), (Empty, Value, AllF, Null, Some))
constexpr auto sstk_contract(sstk::type_tag<GuidsDto>) { return sstk::contract("GuidsDto").clr_namespace("Conf.Models"); }

struct CharsBoolsDto {
    char16_t Letter{}, Lt{}, Nul{}, Accent{}, Euro{}, HighSurrogate{}, Max{};
    bool True{}, False{};
    friend bool operator==(const CharsBoolsDto&, const CharsBoolsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(CharsBoolsDto, (), (Letter, Lt, Nul, Accent, Euro, HighSurrogate, Max, True, False))
constexpr auto sstk_contract(sstk::type_tag<CharsBoolsDto>) { return sstk::contract("CharsBoolsDto").clr_namespace("Conf.Models"); }

using bytes = std::optional<std::vector<std::uint8_t>>;

struct BytesDto {
    bytes Null, Empty, Small, Long100, Text;
    friend bool operator==(const BytesDto&, const BytesDto&) = default;
};
BOOST_DESCRIBE_STRUCT(BytesDto, (), (Null, Empty, Small, Long100, Text))
constexpr auto sstk_contract(sstk::type_tag<BytesDto>) { return sstk::contract("BytesDto").clr_namespace("Conf.Models"); }

struct StringsDto {
    str Null, Empty, Space, Escapes, Quotes, Unicode, Newlines, Tab, Long;
    friend bool operator==(const StringsDto&, const StringsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(StringsDto, (), (Null, Empty, Space, Escapes, Quotes, Unicode, Newlines, Tab, Long))
constexpr auto sstk_contract(sstk::type_tag<StringsDto>) { return sstk::contract("StringsDto").clr_namespace("Conf.Models"); }

struct EnumsDto {
    conf::models::Color Red{}, Blue{};
    conf::models::Perms PermsNone{}, PermsReadWrite{}, PermsAll{}, PermsReadWriteDelete{}, PermsExecute{};
    conf::models::FlagsNoZero NoZero{}, NoZeroAB{};
    conf::models::BigEnum Big{};
    conf::models::Tiny TinyMax{};
    conf::models::Status Active{}, Inactive{};
    opt<conf::models::Color> NullColor, SomeColor;
    friend bool operator==(const EnumsDto&, const EnumsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(EnumsDto, (), (Red, Blue, PermsNone, PermsReadWrite, PermsAll, PermsReadWriteDelete, PermsExecute, NoZero,
                                     NoZeroAB, Big, TinyMax, Active, Inactive, NullColor, SomeColor))
constexpr auto sstk_contract(sstk::type_tag<EnumsDto>) { return sstk::contract("EnumsDto").clr_namespace("Conf.Models"); }

struct NullablesDto {
    opt<std::int32_t> Int;
    opt<std::int64_t> Long;
    opt<double> Double;
    opt<bool> Bool;
    opt<sstk::decimal> Decimal;
    opt<sstk::date_time> Date;
    opt<sstk::guid> Guid;
    opt<sstk::time_span> Span;
    opt<conf::models::Color> Color;
    opt<char16_t> Char;
    opt<std::uint8_t> Byte;
    opt<float> Float;
    opt<sstk::date_time_offset> Offset;
    friend bool operator==(const NullablesDto&, const NullablesDto&) = default;
};
BOOST_DESCRIBE_STRUCT(NullablesDto, (), (Int, Long, Double, Bool, Decimal, Date, Guid, Span, Color, Char, Byte, Float, Offset))
constexpr auto sstk_contract(sstk::type_tag<NullablesDto>) { return sstk::contract("NullablesDto").clr_namespace("Conf.Models"); }

struct ListsScalarsDto {
    list<str> Strings;
    list<std::int32_t> Ints, IntArray;
    list<std::int64_t> Longs;
    list<double> Doubles;
    list<bool> Bools;
    list<sstk::guid> Guids;
    list<sstk::date_time> Dates;
    list<sstk::time_span> Spans;
    list<sstk::decimal> Decimals;
    list<opt<std::int32_t>> NullableInts;
    list<char16_t> Chars;
    list<bytes> Blobs;
    list<conf::models::Color> Colors;
    list<str> Empty, Null;
    friend bool operator==(const ListsScalarsDto&, const ListsScalarsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(ListsScalarsDto, (), (Strings, Ints, IntArray, Longs, Doubles, Bools, Guids, Dates, Spans, Decimals,
                                            NullableInts, Chars, Blobs, Colors, Empty, Null))
constexpr auto sstk_contract(sstk::type_tag<ListsScalarsDto>) { return sstk::contract("ListsScalarsDto").clr_namespace("Conf.Models"); }

struct ListsOfDtosDto {
    list<opt<Item>> Items, Empty, Null, Array;
    friend bool operator==(const ListsOfDtosDto&, const ListsOfDtosDto&) = default;
};
BOOST_DESCRIBE_STRUCT(ListsOfDtosDto, (), (Items, Empty, Null, Array))
constexpr auto sstk_contract(sstk::type_tag<ListsOfDtosDto>) { return sstk::contract("ListsOfDtosDto").clr_namespace("Conf.Models"); }

struct NestedListsDto {
    list<list<str>> Strings;
    list<list<std::int32_t>> Ints;
    list<list<opt<Item>>> Items;
    list<list<std::int32_t>> Arrays;  // List<int[]>: the same contract as List<List<int>>
    friend bool operator==(const NestedListsDto&, const NestedListsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(NestedListsDto, (), (Strings, Ints, Items, Arrays))
constexpr auto sstk_contract(sstk::type_tag<NestedListsDto>) { return sstk::contract("NestedListsDto").clr_namespace("Conf.Models"); }

struct DictsDto {
    dict<std::string, str> StringString;
    dict<std::int32_t, str> IntString;
    dict<std::string, std::int32_t> StringInt;
    dict<std::string, opt<Item>> StringItem;
    dict<std::int32_t, opt<Item>> IntItem;
    dict<std::string, list<str>> StringList;
    dict<sstk::guid, std::int64_t> GuidLong;
    dict<std::string, str> Empty, Null;
    dict<std::int64_t, dict<std::string, std::int32_t>> Nested;
    dict<conf::models::Color, bool> EnumKeys;
    friend bool operator==(const DictsDto&, const DictsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(DictsDto, (), (StringString, IntString, StringInt, StringItem, IntItem, StringList, GuidLong, Empty, Null,
                                     Nested, EnumKeys))
constexpr auto sstk_contract(sstk::type_tag<DictsDto>) { return sstk::contract("DictsDto").clr_namespace("Conf.Models"); }

struct Node {
    str Name;
    std::optional<std::vector<std::optional<Node>>> Children;
    friend bool operator==(const Node&, const Node&) = default;
};
BOOST_DESCRIBE_STRUCT(Node, (), (Name, Children))
constexpr auto sstk_contract(sstk::type_tag<Node>) { return sstk::contract("Node").clr_namespace("Conf.Models"); }

struct KvpDto {
    std::pair<str, std::int32_t> Pair;        // KeyValuePair<string, int>
    std::pair<std::int32_t, opt<Item>> ItemPair;  // KeyValuePair<int, Item>
    friend bool operator==(const KvpDto&, const KvpDto&) = default;
};
BOOST_DESCRIBE_STRUCT(KvpDto, (), (Pair, ItemPair))
constexpr auto sstk_contract(sstk::type_tag<KvpDto>) { return sstk::contract("KvpDto").clr_namespace("Conf.Models"); }

struct OffsetsDto {
    sstk::date_time_offset Utc{}, PlusFiveThirty{}, MinusEightFraction{}, MinValue{}, MaxValue{};
    opt<sstk::date_time_offset> Null;
    friend bool operator==(const OffsetsDto&, const OffsetsDto&) = default;
};
BOOST_DESCRIBE_STRUCT(OffsetsDto, (), (Utc, PlusFiveThirty, MinusEightFraction, MinValue, MaxValue, Null))
constexpr auto sstk_contract(sstk::type_tag<OffsetsDto>) { return sstk::contract("OffsetsDto").clr_namespace("Conf.Models"); }

struct EmptyDto {
    friend bool operator==(const EmptyDto&, const EmptyDto&) = default;
};
BOOST_DESCRIBE_STRUCT(EmptyDto, (), ())
constexpr auto sstk_contract(sstk::type_tag<EmptyDto>) { return sstk::contract("EmptyDto").clr_namespace("Conf.Models"); }

// Declared out of order: the wire order is ordinal (AB < Ab < Field < Zeta2 < _under < aB < zeta).
struct OrdinalDto {
    str zeta, Field, aB, _under, AB, Zeta2, Ab;
    friend bool operator==(const OrdinalDto&, const OrdinalDto&) = default;
};
BOOST_DESCRIBE_STRUCT(OrdinalDto, (), (zeta, Field, aB, _under, AB, Zeta2, Ab))
constexpr auto sstk_contract(sstk::type_tag<OrdinalDto>) { return sstk::contract("OrdinalDto").clr_namespace("Conf.Models"); }

struct Animal {
    str Name;
    std::int32_t Legs{};
    friend bool operator==(const Animal&, const Animal&) = default;
};
BOOST_DESCRIBE_STRUCT(Animal, (), (Name, Legs))
constexpr auto sstk_contract(sstk::type_tag<Animal>) { return sstk::contract("Animal").clr_namespace("Conf.Models"); }

struct Dog : Animal {
    bool Barks{};
    str Breed;
    friend bool operator==(const Dog&, const Dog&) = default;
};
BOOST_DESCRIBE_STRUCT(Dog, (Animal), (Barks, Breed))
constexpr auto sstk_contract(sstk::type_tag<Dog>) { return sstk::contract("Dog").clr_namespace("Conf.Models"); }

struct GeoPoint {
    double Lat{}, Lng{};
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};
BOOST_DESCRIBE_STRUCT(GeoPoint, (), (Lat, Lng))
constexpr auto sstk_contract(sstk::type_tag<GeoPoint>) { return sstk::contract("GeoPoint").clr_namespace("Conf.Models"); }

}  // namespace conf::models

// ---------------------------------------------------------------- inheritance across namespaces
namespace conf::base {
using namespace conformance;
struct Entity {
    sstk::guid Id{};
    sstk::date_time CreatedUtc{};
    str CreatedBy;
    friend bool operator==(const Entity&, const Entity&) = default;
};
BOOST_DESCRIBE_STRUCT(Entity, (), (Id, CreatedUtc, CreatedBy))
constexpr auto sstk_contract(sstk::type_tag<Entity>) { return sstk::contract("Entity").clr_namespace("Conf.Base"); }
}  // namespace conf::base

namespace conf::mid {
using namespace conformance;
struct Person : conf::base::Entity {
    str FirstName, LastName;
    opt<std::int32_t> Age;
    friend bool operator==(const Person&, const Person&) = default;
};
BOOST_DESCRIBE_STRUCT(Person, (conf::base::Entity), (FirstName, LastName, Age))
constexpr auto sstk_contract(sstk::type_tag<Person>) { return sstk::contract("Person").clr_namespace("Conf.Mid"); }
}  // namespace conf::mid

namespace conf::other {
using namespace conformance;
struct Address {
    str Street, City;
    opt<conf::models::GeoPoint> Geo;
    friend bool operator==(const Address&, const Address&) = default;
};
BOOST_DESCRIBE_STRUCT(Address, (), (Street, City, Geo))
constexpr auto sstk_contract(sstk::type_tag<Address>) { return sstk::contract("Address").clr_namespace("Conf.Other"); }
}  // namespace conf::other

namespace conf::models {
struct Employee : conf::mid::Person {
    sstk::decimal Salary{};
    list<str> Skills;
    opt<conf::other::Address> Home;
    opt<sstk::ResponseStatus> Status;
    friend bool operator==(const Employee&, const Employee&) = default;
};
BOOST_DESCRIBE_STRUCT(Employee, (conf::mid::Person), (Salary, Skills, Home, Status))
constexpr auto sstk_contract(sstk::type_tag<Employee>) { return sstk::contract("Employee").clr_namespace("Conf.Models"); }

struct Team {
    str Name;
    opt<Employee> Lead;
    list<opt<Employee>> Members;
    dict<std::string, opt<conf::mid::Person>> ByRole;
    list<opt<conf::base::Entity>> Entities;
    friend bool operator==(const Team&, const Team&) = default;
};
BOOST_DESCRIBE_STRUCT(Team, (), (Name, Lead, Members, ByRole, Entities))
constexpr auto sstk_contract(sstk::type_tag<Team>) { return sstk::contract("Team").clr_namespace("Conf.Models"); }
}  // namespace conf::models

// ---------------------------------------------------------------- prefix scoping
namespace conf::ns::a {
using namespace conformance;
struct Leaf {
    str Value;
    friend bool operator==(const Leaf&, const Leaf&) = default;
};
BOOST_DESCRIBE_STRUCT(Leaf, (), (Value))
constexpr auto sstk_contract(sstk::type_tag<Leaf>) { return sstk::contract("Leaf").clr_namespace("Conf.Ns.A"); }
}  // namespace conf::ns::a

namespace conf::ns::b {
using namespace conformance;
struct Mid {
    opt<conf::ns::a::Leaf> Leaf;
    list<opt<conf::ns::a::Leaf>> Leaves;
    dict<std::string, str> Map;
    dict<std::string, opt<conf::ns::a::Leaf>> LeafMap;
    friend bool operator==(const Mid&, const Mid&) = default;
};
BOOST_DESCRIBE_STRUCT(Mid, (), (Leaf, Leaves, Map, LeafMap))
constexpr auto sstk_contract(sstk::type_tag<Mid>) { return sstk::contract("Mid").clr_namespace("Conf.Ns.B"); }
}  // namespace conf::ns::b

namespace conf::ns::a {
struct Root {
    opt<conf::ns::b::Mid> Child;
    opt<Leaf> Back;
    list<opt<conf::ns::b::Mid>> Mids;
    friend bool operator==(const Root&, const Root&) = default;
};
BOOST_DESCRIBE_STRUCT(Root, (), (Child, Back, Mids))
constexpr auto sstk_contract(sstk::type_tag<Root>) { return sstk::contract("Root").clr_namespace("Conf.Ns.A"); }
}  // namespace conf::ns::a

// ---------------------------------------------------------------- DataContract attributes
namespace conf::contracts {
using namespace conformance;

struct Point3 {
    std::int32_t X{}, Y{}, Z{};
    friend bool operator==(const Point3&, const Point3&) = default;
};
BOOST_DESCRIBE_STRUCT(Point3, (), (X, Y, Z))
constexpr auto sstk_contract(sstk::type_tag<Point3>) { return sstk::contract("Point3").clr_namespace("Conf.Contracts").data_contract(); }

struct Ordered {
    str Bravo, Zulu, alpha, Mike, Alpha2, Original;
    std::int32_t ZeroOmitted{}, NonZeroKept{};
    str NullOmitted, EmptyKept;
    opt<std::int32_t> NullableOmitted;
    bool FalseOmitted{};
    str Required;
    opt<Point3> Child;
    str NotAMember;
    friend bool operator==(const Ordered&, const Ordered&) = default;
};
BOOST_DESCRIBE_STRUCT(Ordered, (), (Bravo, Zulu, alpha, Mike, Alpha2, Original, ZeroOmitted, NonZeroKept, NullOmitted, EmptyKept,
                                    NullableOmitted, FalseOmitted, Required, Child, NotAMember))
constexpr auto sstk_contract(sstk::type_tag<Ordered>) {
    using sstk::member;
    return sstk::contract("Renamed")
        .clr_namespace("Conf.Contracts")
        .data_contract()
        .xml_namespace("urn:conf:contracts")
        .members(member("Bravo").with_order(2), member("Zulu").with_order(1), member("Alpha2").with_order(2),
                 member("Original").rename("Aliased"), member("ZeroOmitted").emit_default_value(false),
                 member("NonZeroKept").emit_default_value(false), member("NullOmitted").emit_default_value(false),
                 member("EmptyKept").emit_default_value(false), member("NullableOmitted").emit_default_value(false),
                 member("FalseOmitted").emit_default_value(false), member("Required").is_required(),
                 member("Child").rename("child").with_order(3), member("NotAMember").ignore());
}

struct EmitDefaults {
    std::uint8_t B{};
    std::int8_t SB{};
    std::int16_t S{};
    std::uint16_t US{};
    char16_t C{};
    std::int32_t I{};
    std::uint32_t UI{};
    std::int64_t L{};
    std::uint64_t UL{};
    float F{};
    double D{};
    sstk::decimal M{};
    bool Bo{};
    sstk::date_time Dt{};
    sstk::guid G{};
    sstk::time_span Ts{};
    sstk::date_time_offset Dto{};
    conf::models::Color E{};
    opt<std::int32_t> NI;
    str Str;
    list<std::int32_t> List;
    conf::models::bytes Bytes;
    opt<Point3> Obj;
    friend bool operator==(const EmitDefaults&, const EmitDefaults&) = default;
};
BOOST_DESCRIBE_STRUCT(EmitDefaults, (), (B, SB, S, US, C, I, UI, L, UL, F, D, M, Bo, Dt, G, Ts, Dto, E, NI, Str, List, Bytes, Obj))
constexpr auto sstk_contract(sstk::type_tag<EmitDefaults>) {
    using sstk::member;
    return sstk::contract("EmitDefaults")
        .clr_namespace("Conf.Contracts")
        .data_contract()
        .xml_namespace("urn:emit")
        .members(member("B").emit_default_value(false), member("SB").emit_default_value(false), member("S").emit_default_value(false),
                 member("US").emit_default_value(false), member("C").emit_default_value(false), member("I").emit_default_value(false),
                 member("UI").emit_default_value(false), member("L").emit_default_value(false), member("UL").emit_default_value(false),
                 member("F").emit_default_value(false), member("D").emit_default_value(false), member("M").emit_default_value(false),
                 member("Bo").emit_default_value(false), member("Dt").emit_default_value(false), member("G").emit_default_value(false),
                 member("Ts").emit_default_value(false), member("Dto").emit_default_value(false), member("E").emit_default_value(false),
                 member("NI").emit_default_value(false), member("Str").emit_default_value(false),
                 member("List").emit_default_value(false), member("Bytes").emit_default_value(false),
                 member("Obj").emit_default_value(false));
}

struct BaseOrdered {
    str BaseLate, BaseEarly;
    friend bool operator==(const BaseOrdered&, const BaseOrdered&) = default;
};
BOOST_DESCRIBE_STRUCT(BaseOrdered, (), (BaseLate, BaseEarly))
constexpr auto sstk_contract(sstk::type_tag<BaseOrdered>) {
    return sstk::contract("BaseOrdered")
        .clr_namespace("Conf.Contracts")
        .data_contract()
        .xml_namespace("urn:base")
        .members(sstk::member("BaseLate").with_order(10), sstk::member("BaseEarly").with_order(0));
}

struct DerivedOrdered : BaseOrdered {
    str DerivedEarly, DerivedNoOrder, DerivedOne;
    friend bool operator==(const DerivedOrdered&, const DerivedOrdered&) = default;
};
BOOST_DESCRIBE_STRUCT(DerivedOrdered, (BaseOrdered), (DerivedEarly, DerivedNoOrder, DerivedOne))
constexpr auto sstk_contract(sstk::type_tag<DerivedOrdered>) {
    return sstk::contract("DerivedOrdered")
        .clr_namespace("Conf.Contracts")
        .data_contract()
        .xml_namespace("urn:derived")
        .members(sstk::member("DerivedEarly").with_order(0), sstk::member("DerivedOne").with_order(1));
}

struct EmptyNs {
    str X;
    friend bool operator==(const EmptyNs&, const EmptyNs&) = default;
};
BOOST_DESCRIBE_STRUCT(EmptyNs, (), (X))
constexpr auto sstk_contract(sstk::type_tag<EmptyNs>) {
    return sstk::contract("EmptyNs").clr_namespace("Conf.Contracts").data_contract().xml_namespace("");
}

struct PocoHolder {
    opt<Ordered> Contract;
    opt<EmptyNs> Empty;
    opt<DerivedOrdered> Derived;
    friend bool operator==(const PocoHolder&, const PocoHolder&) = default;
};
BOOST_DESCRIBE_STRUCT(PocoHolder, (), (Contract, Empty, Derived))
constexpr auto sstk_contract(sstk::type_tag<PocoHolder>) { return sstk::contract("PocoHolder").clr_namespace("Conf.Contracts"); }

}  // namespace conf::contracts

// ---------------------------------------------------------------- generics
namespace conf::generic {

// A member of reference type is nullable; value types and Nullable<T> are not wrapped again.
template <class T>
using slot_t = std::conditional_t<sstk::xml::detail::dotnet_value_type<T> || sstk::is_optional_v<T>, T, std::optional<T>>;

template <class T>
struct Page {
    std::optional<std::vector<slot_t<T>>> Results;
    std::int32_t Total{};
    friend bool operator==(const Page&, const Page&) = default;
    BOOST_DESCRIBE_CLASS(Page, (), (Results, Total), (), ())
};
template <class T>
constexpr auto sstk_contract(sstk::type_tag<Page<T>>) {
    return sstk::contract("Page").clr_namespace("Conf.Generic");
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
    return sstk::contract("Pair").clr_namespace("Conf.Generic");
}

}  // namespace conf::generic

// ---------------------------------------------------------------- the corpus
namespace conformance {

namespace m = conf::models;
namespace c = conf::contracts;
namespace g = conf::generic;

inline sstk::date_time utc(int y, int mo, int d, int h, int mi, int s, int fraction_ticks) {
    return sstk::date_time::from_civil(y, mo, d, h, mi, s, fraction_ticks, sstk::date_time_kind::utc);
}
inline sstk::date_time unspecified(int y, int mo, int d, int h, int mi, int s, int fraction_ticks) {
    return sstk::date_time::from_civil(y, mo, d, h, mi, s, fraction_ticks, sstk::date_time_kind::unspecified);
}
inline sstk::decimal dec(std::string_view s) { return sstk::decimal::parse(s); }
inline sstk::guid gid(std::string_view s) { return sstk::guid::parse(s); }
inline std::vector<std::uint8_t> byte_run(int n) {
    std::vector<std::uint8_t> b(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i * 7 + 3);
    return b;
}
inline std::vector<std::uint8_t> byte_text(std::string_view s) { return {s.begin(), s.end()}; }
inline sstk::dictionary<std::string, str> meta(std::initializer_list<std::pair<std::string, str>> kv) {
    sstk::dictionary<std::string, str> d;
    for (const auto& [k, v] : kv) d[k] = v;
    return d;
}

inline sstk::ResponseStatus status_with_errors() {
    sstk::ResponseStatus s;
    s.ErrorCode = "ValidationException";
    s.Message = "Validation failed: 2 errors";
    s.StackTrace = "at Service.Any(ResetPassword request)\n   at Host.Execute()";
    sstk::ResponseError e1;
    e1.ErrorCode = "NotEmpty";
    e1.FieldName = "Password";
    e1.Message = "'Password' must not be empty.";
    e1.Meta = meta({{"PropertyName", "Password"}, {"Severity", "Error"}});
    sstk::ResponseError e2;
    e2.ErrorCode = "Email";
    e2.FieldName = "EmailAddress";
    e2.Message = "Not a valid <email> & address";
    s.Errors = std::vector<sstk::ResponseError>{e1, e2};
    s.Meta = meta({{"TraceId", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}, {"Nullable", std::nullopt}});
    return s;
}
inline m::Item item(std::int32_t id, str name) { return m::Item{id, std::move(name)}; }
inline conf::mid::Person person(std::string first, std::string last, opt<std::int32_t> age, std::string_view id) {
    conf::mid::Person p;
    p.Id = gid(id);
    p.CreatedUtc = utc(2023, 5, 6, 7, 8, 9, 0);
    p.CreatedBy = "seed";
    p.FirstName = std::move(first);
    p.LastName = std::move(last);
    p.Age = age;
    return p;
}
inline m::Employee employee(std::string first, std::string_view id, std::string_view salary) {
    m::Employee e;
    e.Id = gid(id);
    e.CreatedUtc = utc(2024, 1, 2, 3, 4, 5, 6000000);
    e.CreatedBy = "hr";
    e.FirstName = std::move(first);
    e.LastName = "Doe";
    e.Age = 41;
    e.Salary = dec(salary);
    e.Skills = std::vector<str>{"C++", "C#"};
    e.Home = conf::other::Address{"1 Main Rd", "Cape Town", m::GeoPoint{-33.92487, 18.424055}};
    return e;
}

// The value as it arrives after a trip through the wire: what DataContractSerializer does not
// write is not read back either. Ordered.NotAMember is not a [DataMember].
template <class T>
T as_transmitted(T v) {
    if constexpr (std::is_same_v<T, conf::contracts::Ordered>) v.NotAMember.reset();
    return v;
}

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr float fnan = std::numeric_limits<float>::quiet_NaN();
inline constexpr float finf = std::numeric_limits<float>::infinity();

// Oracle cases sstk cannot take part in yet, with the reason. The live test checks that the
// oracle's corpus is exactly for_each_case's plus these, so a gap never goes unnoticed.
struct known_gap {
    const char* name;
    const char* reason;
};
// None at the moment: enum roots and DTOs without members, the two gaps this test found, are
// handled since.
inline constexpr std::array<known_gap, 0> write_gaps{};
// Cases sstk writes (and Mono reads back) but sstk cannot read: the test names them instead of
// reading them.
inline constexpr std::array<known_gap, 0> read_gaps{};

// Calls f(name, make) for every case, in the oracle's order; make() returns the value, of the
// case's root type. Cases named error_* are values DataContractSerializer refuses to write.
template <class F>
void for_each_case(F&& f) {
    namespace antel = sstk::apis::antel_api;
    namespace merch = sstk::apis::antel_merchandiser;
    namespace platform = sstk::apis::platform_api;
    namespace ppw = sstk::apis::ppw_assist;

    // ---- seeds: include/sstk/apis
    f("seed_antel_api_ResetPassword", [] {
        antel::ResetPassword r;
        r.ApiKey = "4c8a1f6e-2b7d-4e0a-9f13-6d5b8c2e7a91";
        r.Latitude = -33.92487;
        r.Longitude = 18.424055;
        r.TemporaryPassword = "Tmp#4821-xkQ";
        r.EmailAddress = "jane.doe@example.co.za";
        r.Password = "N3w-P@ssw0rd!2026";
        r.PasswordConfirm = "N3w-P@ssw0rd!2026";
        return r;
    });
    f("seed_antel_api_ResetPassword_nulls", [] { return antel::ResetPassword{}; });
    f("seed_antel_api_ResetPasswordResponse_error", [] {
        antel::ResetPasswordResponse r;
        r.Description = "Validation failed";
        r.Heading = "Error";
        r.WasSuccessful = false;
        r.ResponseStatus = status_with_errors();
        return r;
    });
    f("seed_antel_merchandiser_ResetPassword", [] {
        merch::ResetPassword r;
        r.ApiKey = "key";
        r.Latitude = 0.1;
        r.Longitude = -0.0;
        r.TemporaryPassword = "";
        r.EmailAddress = "a@b.c";
        r.Password = "p<&>";
        r.PasswordConfirm = "p<&>";
        return r;
    });
    f("seed_antel_merchandiser_ResetPasswordResponse", [] {
        merch::ResetPasswordResponse r;
        r.Description = "Your password has been reset.";
        r.Heading = "Password reset";
        r.WasSuccessful = true;
        r.SystemUserId = 100042;
        return r;
    });
    f("seed_platform_api_GetResetPasswordToken", [] {
        platform::GetResetPasswordToken r;
        r.UserName = "jdoe";
        r.ApplianceId = gid("0f8fad5b-d9cb-469f-a165-70867728950e");
        r.SubdomainName = "acme";
        r.ApplianceLoginUrl = "https://acme.example.com/login?x=1&y=2";
        return r;
    });
    f("seed_platform_api_GetResetPasswordTokenResponse", [] { return platform::GetResetPasswordTokenResponse{}; });
    f("seed_platform_api_PasswordReset", [] {
        platform::PasswordReset r;
        r.NewPassword = "N3w-P@ssw0rd!2026";
        r.ConfirmPassword = "N3w-P@ssw0rd!2026";
        r.Token = "b2e4c1d0f9a84c7e8d6b5a4f3e2d1c0b";
        r.ApplianceId = gid("0f8fad5b-d9cb-469f-a165-70867728950e");
        r.SubdomainName = "acme-retail";
        return r;
    });
    f("seed_platform_api_PasswordResetResponse_error", [] {
        platform::PasswordResetResponse r;
        r.ResponseStatus.emplace();
        r.ResponseStatus->ErrorCode = "TokenExpired";
        r.ResponseStatus->Message = "The token has expired";
        r.ResponseStatus->Errors.emplace();
        r.ResponseStatus->Meta.emplace();
        return r;
    });
    f("seed_ppw_assist_ResetPasswordRequest", [] {
        ppw::ResetPasswordRequest r;
        r.Email = "user@example.com";
        r.AppUsername = "app";
        r.AppPassword = "secret";
        r.PasswordResetCode = "123456";
        r.NewPassword = "n3w";
        return r;
    });
    f("seed_ppw_assist_ResetPasswordResponse", [] {
        ppw::ResetPasswordResponse r;
        r.Success = true;
        r.ServerDateTime = "2024-06-01 12:00:00";
        r.ErrorType = ppw::Errors::SystemError;
        r.Username = "user";
        r.Password = "";
        return r;
    });

    // ---- scalars
    f("integers_edges", [] {
        m::IntegersDto v;
        v.ByteMin = 0;
        v.ByteMax = 255;
        v.SByteMin = -128;
        v.SByteMax = 127;
        v.ShortMin = std::numeric_limits<std::int16_t>::min();
        v.ShortMax = std::numeric_limits<std::int16_t>::max();
        v.UShortMax = std::numeric_limits<std::uint16_t>::max();
        v.IntMin = std::numeric_limits<std::int32_t>::min();
        v.IntMax = std::numeric_limits<std::int32_t>::max();
        v.UIntMax = std::numeric_limits<std::uint32_t>::max();
        v.LongMin = std::numeric_limits<std::int64_t>::min();
        v.LongMax = std::numeric_limits<std::int64_t>::max();
        v.ULongMax = std::numeric_limits<std::uint64_t>::max();
        v.MinusOne = -1;
        return v;
    });
    f("doubles_edges", [] {
        return m::DoublesDto{0.0, -0.0, 0.1, 3.141592653589793, 1.0 / 3.0, 1e15, 1e16, 1.2345678901234568E+20, 1e21, 1e-7,
                             std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::lowest(), nan, inf, -inf, 12345.67, -33.92487};
    });
    f("floats_edges", [] {
        return m::FloatsDto{0.0f, -0.0f, 0.1f, 1.0f / 3.0f, std::numeric_limits<float>::max(), std::numeric_limits<float>::denorm_min(),
                            fnan, finf, -finf, 3.14159274f};
    });
    f("decimals_scales", [] {
        return m::DecimalsDto{dec("0"),  dec("0.000"), dec("1.10"), sstk::decimal::max_value(), sstk::decimal::min_value(),
                              dec("0.0000000000000000000000000001"), dec("-0.5"), dec("1.00000"), dec("123456789.123456789"),
                              dec("19.99")};
    });
    f("datetimes_kinds", [] {
        m::DateTimesDto v;
        v.UtcFraction7 = utc(2024, 3, 9, 13, 45, 30, 1234567);
        v.UtcWhole = utc(2024, 3, 9, 13, 45, 30, 0);
        v.UtcHalf = utc(2024, 3, 9, 13, 45, 30, 5000000);
        v.UtcMillis = utc(2024, 3, 9, 13, 45, 30, 1230000);
        v.UtcOneTick = utc(2000, 1, 1, 0, 0, 0, 1);
        v.UnspecifiedFraction = unspecified(1999, 12, 31, 23, 59, 59, 9999999);
        v.UnspecifiedWhole = unspecified(2010, 7, 4, 0, 0, 0, 0);
        v.MinValue = sstk::date_time::min_value();
        v.MaxValue = sstk::date_time::max_value();
        v.MaxUtc = sstk::date_time::max_value().specify_kind(sstk::date_time_kind::utc);
        v.EpochUtc = utc(1970, 1, 1, 0, 0, 0, 0);
        v.LeapDay = utc(2024, 2, 29, 12, 0, 0, 0);
        // Local: the oracle runs with TZ=UTC and sstk writes with time_zone::utc().
        v.LocalUtcZone = sstk::date_time::from_civil(2021, 6, 15, 8, 30, 0, 0, sstk::date_time_kind::local);
        v.SomeDate = unspecified(2020, 2, 2, 2, 2, 2, 200);
        return v;
    });
    f("timespans_edges", [] {
        return m::TimeSpansDto{sstk::time_span::zero(),         sstk::time_span::from_hours(1),  sstk::time_span::from_hours(-1),
                               sstk::time_span::from_parts(1, 2, 3, 4, 500), sstk::time_span::from_ticks(1),
                               sstk::time_span::max_value(),    sstk::time_span::min_value(),    sstk::time_span::from_days(36500),
                               std::nullopt};
    });
    f("guids", [] {
        return m::GuidsDto{sstk::guid{}, gid("0F8FAD5B-D9CB-469F-A165-70867728950E"), gid("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                           std::nullopt, gid("00000000-0000-0000-0000-000000000001")};
    });
    f("chars_bools", [] {
        return m::CharsBoolsDto{u'A', u'<', char16_t(0), char16_t(0xE9), char16_t(0x20AC), char16_t(0xD83D), char16_t(0xFFFF), true,
                                false};
    });
    f("bytes", [] {
        return m::BytesDto{std::nullopt, std::vector<std::uint8_t>{}, std::vector<std::uint8_t>{0, 1, 254, 255}, byte_run(100),
                           byte_text("hello, world")};
    });
    f("strings_edges", [] {
        m::StringsDto v;
        v.Empty = "";
        v.Space = " ";
        v.Escapes = "<a href=\"x\">&amp; ]]> </a>";
        v.Quotes = "'single' \"double\"";
        v.Unicode = "\u65e5\u672c\u8a9e \U0001F600 \u2028 \u00a0 \u0085 \ufeff caf\u00e9";
        v.Newlines = "line1\nline2\n\nend";
        v.Tab = "a\tb";
        v.Long = std::string(3000, 'x') + "\u00e9" + std::string(2000, 'y');
        return v;
    });
    f("enums", [] {
        m::EnumsDto v;
        v.Red = m::Color::Red;
        v.Blue = m::Color::Blue;
        v.PermsNone = m::Perms::None;
        v.PermsReadWrite = m::Perms::ReadWrite;
        v.PermsAll = static_cast<m::Perms>(15);
        v.PermsReadWriteDelete = static_cast<m::Perms>(11);
        v.PermsExecute = m::Perms::Execute;
        v.NoZero = static_cast<m::FlagsNoZero>(0);
        v.NoZeroAB = static_cast<m::FlagsNoZero>(3);
        v.Big = m::BigEnum::Huge;
        v.TinyMax = m::Tiny::Max;
        v.Active = m::Status::Active;
        v.Inactive = m::Status::Inactive;
        v.SomeColor = m::Color::Green;
        return v;
    });
    f("nullables_null", [] { return m::NullablesDto{}; });
    f("nullables_values", [] {
        m::NullablesDto v;
        v.Int = 0;
        v.Long = -9007199254740993LL;
        v.Double = 2.5;
        v.Bool = false;
        v.Decimal = dec("0.10");
        v.Date = utc(2022, 2, 22, 22, 22, 22, 0);
        v.Guid = gid("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        v.Span = sstk::time_span::from_minutes(90);
        v.Color = m::Color::Blue;
        v.Char = u'z';
        v.Byte = std::uint8_t{0};
        v.Float = 1.5f;
        v.Offset = sstk::date_time_offset::from_civil(2022, 2, 22, 22, 22, 22, 0, 120);
        return v;
    });

    // ---- collections
    f("lists_scalars", [] {
        m::ListsScalarsDto v;
        v.Strings = std::vector<str>{"a", std::nullopt, "", "<b>"};
        v.Ints = std::vector<std::int32_t>{1, -2, std::numeric_limits<std::int32_t>::max()};
        v.IntArray = std::vector<std::int32_t>{3, 2, 1};
        v.Longs = std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min(), 0};
        v.Doubles = std::vector<double>{0.1, nan, -1e300};
        v.Bools = std::vector<bool>{true, false};
        v.Guids = std::vector<sstk::guid>{sstk::guid{}, gid("0f8fad5b-d9cb-469f-a165-70867728950e")};
        v.Dates = std::vector<sstk::date_time>{utc(2020, 1, 1, 0, 0, 0, 0), unspecified(2020, 1, 1, 0, 0, 0, 10)};
        v.Spans = std::vector<sstk::time_span>{sstk::time_span::zero(), sstk::time_span::from_ticks(-15000000)};
        v.Decimals = std::vector<sstk::decimal>{dec("1.0"), dec("-2.50")};
        v.NullableInts = std::vector<opt<std::int32_t>>{1, std::nullopt, 3};
        v.Chars = std::vector<char16_t>{u'a', char16_t(0xFF)};
        v.Blobs = std::vector<m::bytes>{std::vector<std::uint8_t>{1, 2}, std::nullopt, std::vector<std::uint8_t>{}};
        v.Colors = std::vector<m::Color>{m::Color::Blue, m::Color::Red};
        v.Empty = std::vector<str>{};
        return v;
    });
    f("lists_of_dtos", [] {
        m::ListsOfDtosDto v;
        v.Items = std::vector<opt<m::Item>>{item(1, "one"), std::nullopt, item(3, std::nullopt)};
        v.Empty = std::vector<opt<m::Item>>{};
        v.Array = std::vector<opt<m::Item>>{item(7, "seven")};
        return v;
    });
    f("lists_nested", [] {
        m::NestedListsDto v;
        v.Strings = std::vector<list<str>>{std::vector<str>{"a", "b"}, std::vector<str>{}, std::nullopt};
        v.Ints = std::vector<list<std::int32_t>>{std::vector<std::int32_t>{1}, std::vector<std::int32_t>{2, 3}};
        v.Items = std::vector<list<opt<m::Item>>>{std::vector<opt<m::Item>>{item(1, "x")}};
        v.Arrays = std::vector<list<std::int32_t>>{std::vector<std::int32_t>{4, 5}};
        return v;
    });
    f("dicts", [] {
        m::DictsDto v;
        v.StringString.emplace();
        (*v.StringString)["b"] = "2";
        (*v.StringString)["a"] = std::nullopt;
        (*v.StringString)[""] = "empty key";
        v.IntString.emplace();
        (*v.IntString)[3] = "three";
        (*v.IntString)[-1] = "minus one";
        v.StringInt.emplace();
        (*v.StringInt)["x"] = 1;
        (*v.StringInt)["y"] = 2;
        v.StringItem.emplace();
        (*v.StringItem)["first"] = item(1, "one");
        (*v.StringItem)["none"] = std::nullopt;
        v.IntItem.emplace();
        (*v.IntItem)[10] = item(10, "ten");
        v.StringList.emplace();
        (*v.StringList)["l"] = std::vector<str>{"p", "q"};
        (*v.StringList)["n"] = std::nullopt;
        v.GuidLong.emplace();
        (*v.GuidLong)[gid("0f8fad5b-d9cb-469f-a165-70867728950e")] = std::numeric_limits<std::int64_t>::max();
        v.Empty.emplace();
        v.Nested.emplace();
        (*v.Nested)[5].emplace()["k"] = 1;
        v.EnumKeys.emplace();
        (*v.EnumKeys)[m::Color::Blue] = true;
        (*v.EnumKeys)[m::Color::Red] = false;
        return v;
    });
    f("tree_nodes", [] {
        m::Node a1x{"a1x", std::nullopt};
        m::Node a1{"a1", std::vector<opt<m::Node>>{a1x}};
        m::Node a{"a", std::vector<opt<m::Node>>{a1}};
        m::Node b{"b", std::vector<opt<m::Node>>{}};
        return m::Node{"root", std::vector<opt<m::Node>>{a, b}};
    });
    f("key_value_pairs", [] { return m::KvpDto{{"answer", 42}, {1, item(1, "one")}}; });
    f("datetimeoffsets", [] {
        return m::OffsetsDto{sstk::date_time_offset::from_civil(2024, 3, 9, 13, 45, 30, 0, 0),
                             sstk::date_time_offset::from_civil(2024, 3, 9, 13, 45, 30, 0, 330),
                             sstk::date_time_offset::from_civil(2024, 3, 9, 13, 45, 30, 1234567, -480),
                             sstk::date_time_offset::min_value(), sstk::date_time_offset::max_value(), std::nullopt};
    });
    f("empty_dto", [] { return m::EmptyDto{}; });
    f("ordinal_member_order", [] { return m::OrdinalDto{"1", "2", "3", "4", "5", "6", "7"}; });

    // ---- inheritance and namespaces
    f("inherit_same_ns", [] {
        m::Dog d;
        d.Name = "Rex";
        d.Legs = 4;
        d.Barks = true;
        d.Breed = "Boerboel";
        return d;
    });
    f("inherit_3_namespaces", [] { return employee("Jane", "11111111-2222-3333-4444-555555555555", "1234.50"); });
    f("inherit_3_namespaces_status", [] {
        m::Employee e;
        e.Status = status_with_errors();
        return e;
    });
    f("inherit_nested_members", [] {
        m::Team t;
        t.Name = "Core";
        t.Lead = employee("Lead", "aaaaaaaa-0000-0000-0000-000000000001", "1");
        t.Members = std::vector<opt<m::Employee>>{employee("M1", "aaaaaaaa-0000-0000-0000-000000000002", "2.00"), std::nullopt};
        t.ByRole.emplace();
        (*t.ByRole)["owner"] = person("Own", "Er", std::nullopt, "bbbbbbbb-0000-0000-0000-000000000001");
        conf::base::Entity e;
        e.CreatedUtc = utc(2001, 1, 1, 0, 0, 0, 0);
        t.Entities = std::vector<opt<conf::base::Entity>>{e};
        return t;
    });
    f("ns_prefix_reuse", [] {
        using conf::ns::a::Leaf;
        conf::ns::a::Root r;
        r.Child.emplace();
        r.Child->Leaf = Leaf{"deep"};
        r.Child->Leaves = std::vector<opt<Leaf>>{Leaf{"l1"}, std::nullopt};
        r.Child->Map.emplace();
        (*r.Child->Map)["k"] = "v";
        r.Child->LeafMap.emplace();
        (*r.Child->LeafMap)["x"] = Leaf{"lx"};
        r.Back = Leaf{"back"};
        r.Mids = std::vector<opt<conf::ns::b::Mid>>{conf::ns::b::Mid{}, std::nullopt};
        return r;
    });
    f("ns_prefix_nil_members", [] { return conf::ns::a::Root{}; });

    // ---- DataContract attributes
    f("contract_ordered", [] {
        c::Ordered o;
        o.Bravo = "b";
        o.Zulu = "z";
        o.alpha = "a";
        o.Mike = "m";
        o.Alpha2 = "a2";
        o.Original = "orig";
        o.NonZeroKept = 7;
        o.EmptyKept = "";
        o.Required = "r";
        o.Child = c::Point3{1, -2, 3};
        o.NotAMember = "not written";
        return o;
    });
    f("contract_required_null", [] {
        c::Ordered o;
        o.NullableOmitted = 0;
        o.FalseOmitted = true;
        return o;
    });
    f("contract_emitdefault_defaults", [] { return c::EmitDefaults{}; });
    f("contract_emitdefault_values", [] {
        c::EmitDefaults v;
        v.B = 1;
        v.SB = -1;
        v.S = 2;
        v.US = 3;
        v.C = u'c';
        v.I = 4;
        v.UI = 5;
        v.L = 6;
        v.UL = 7;
        v.F = 0.5f;
        v.D = 0.25;
        v.M = dec("0.0");
        v.Bo = true;
        v.Dt = utc(2024, 1, 1, 0, 0, 0, 0);
        v.G = gid("0f8fad5b-d9cb-469f-a165-70867728950e");
        v.Ts = sstk::time_span::from_ticks(1);
        v.Dto = sstk::date_time_offset::from_civil(2024, 1, 1, 0, 0, 0, 0, 0);
        v.E = m::Color::Green;
        v.NI = 0;
        v.Str = "";
        v.List = std::vector<std::int32_t>{};
        v.Bytes = std::vector<std::uint8_t>{};
        v.Obj = c::Point3{};
        return v;
    });
    f("contract_derived_ordered", [] {
        c::DerivedOrdered d;
        d.BaseLate = "bl";
        d.BaseEarly = "be";
        d.DerivedEarly = "de";
        d.DerivedNoOrder = "dn";
        d.DerivedOne = "d1";
        return d;
    });
    f("contract_in_poco", [] {
        c::PocoHolder h;
        h.Contract.emplace().Required = "x";
        h.Empty = c::EmptyNs{"in no namespace"};
        h.Derived.emplace().DerivedOne = "one";
        return h;
    });

    // ---- generics
    f("generic_page_string", [] { return g::Page<std::string>{std::vector<str>{"a", std::nullopt}, 2}; });
    f("generic_page_item", [] { return g::Page<m::Item>{std::vector<opt<m::Item>>{item(1, "one")}, 1}; });
    f("generic_page_int_empty", [] { return g::Page<std::int32_t>{std::vector<std::int32_t>{}, 0}; });
    f("generic_pair_int_string", [] { return g::Pair<std::int32_t, std::string>{1, "one"}; });
    f("generic_pair_nested", [] {
        return g::Pair<g::Page<std::int32_t>, sstk::guid>{g::Page<std::int32_t>{std::vector<std::int32_t>{5}, 5},
                                                          gid("0f8fad5b-d9cb-469f-a165-70867728950e")};
    });
    f("generic_page_of_page", [] {
        return g::Page<g::Page<m::Item>>{std::vector<opt<g::Page<m::Item>>>{g::Page<m::Item>{std::nullopt, 9}}, 1};
    });
    f("query_response_items", [] {
        sstk::QueryResponse<m::Item> q;
        q.Offset = 10;
        q.Total = 12;
        q.Results = std::vector<m::Item>{item(11, "eleven"), item(12, "twelve")};
        q.Meta = meta({{"Cached", "true"}});
        return q;
    });
    f("query_response_error", [] {
        sstk::QueryResponse<m::Item> q;
        q.ResponseStatus = status_with_errors();
        return q;
    });
    f("query_response_strings", [] {
        sstk::QueryResponse<std::string> q;
        q.Total = 1;
        q.Results = std::vector<std::string>{"s"};
        return q;
    });

    // ---- ResponseStatus
    f("response_status_errors", [] { return status_with_errors(); });
    f("response_status_empty_collections", [] {
        sstk::ResponseStatus s;
        s.ErrorCode = "";
        s.Errors.emplace();
        s.Meta.emplace();
        return s;
    });
    f("response_status_nulls", [] { return sstk::ResponseStatus{}; });

    // ---- roots that are not DTOs
    f("root_list_item", [] { return std::vector<opt<m::Item>>{item(1, "one"), std::nullopt}; });
    f("root_list_string", [] { return std::vector<str>{"a", std::nullopt, ""}; });
    f("root_array_int", [] { return std::vector<std::int32_t>{1, 2, 3}; });
    f("root_dict_string_int", [] {
        sstk::dictionary<std::string, std::int32_t> d;
        d["a"] = 1;
        d["b"] = 2;
        return d;
    });
    f("root_dict_int_item", [] {
        sstk::dictionary<std::int32_t, opt<m::Item>> d;
        d[1] = item(1, "one");
        return d;
    });
    f("root_string", [] { return std::string("hello <world> & \"you\""); });
    f("root_int", [] { return std::int32_t{-42}; });
    f("root_double", [] { return 0.1; });
    f("root_guid", [] { return gid("0f8fad5b-d9cb-469f-a165-70867728950e"); });
    f("root_datetime_utc", [] { return utc(2024, 3, 9, 13, 45, 30, 5000000); });
    f("root_decimal", [] { return dec("1.50"); });
    f("root_enum", [] { return static_cast<m::Perms>(5); });  // Read | Execute
    f("root_empty_list", [] { return std::vector<opt<m::Item>>{}; });

    // ---- values DataContractSerializer refuses to write (server form)
    f("error_control_char", [] {
        m::StringsDto v;
        v.Escapes = "bell\a";
        return v;
    });
    f("error_undefined_enum", [] {
        m::EnumsDto v;
        v.Red = static_cast<m::Color>(7);
        return v;
    });
    f("error_flags_undefined_bit", [] {
        m::EnumsDto v;
        v.PermsAll = static_cast<m::Perms>(16);
        return v;
    });
}

}  // namespace conformance
