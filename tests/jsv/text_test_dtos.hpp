// DTOs shaped like the ones in ServiceStack.Text's JSV, CSV and query-string tests
// (research/servicestack-formats.md §2, §3, §5), shared by tests/jsv, tests/csv and tests/query.
#pragma once

#include "../json/json_test_dtos.hpp"

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/query_response.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tt {

using strmap = sstk::dictionary<std::string, std::string>;
using metamap = sstk::dictionary<std::string, std::optional<std::string>>;  // ServiceStack's Meta

// AdhocModelTests
struct WithObj {
    std::optional<strmap> Obj;
    friend bool operator==(const WithObj&, const WithObj&) = default;
};
BOOST_DESCRIBE_STRUCT(WithObj, (), (Obj))

struct IdNameObj {
    int Id = 0;
    std::optional<std::string> Name;
    std::optional<strmap> Obj;
    friend bool operator==(const IdNameObj&, const IdNameObj&) = default;
};
BOOST_DESCRIBE_STRUCT(IdNameObj, (), (Id, Name, Obj))

struct WithExcludes {
    std::optional<std::vector<strmap>> Excludes;
    friend bool operator==(const WithExcludes&, const WithExcludes&) = default;
};
BOOST_DESCRIBE_STRUCT(WithExcludes, (), (Excludes))

// JsvBasicDataTests
struct BasicData {
    float Float = 0;
    double Double = 0;
    sstk::decimal Decimal;
    friend bool operator==(const BasicData&, const BasicData&) = default;
};
BOOST_DESCRIBE_STRUCT(BasicData, (), (Float, Double, Decimal))

// docs.servicestack.net/jsv-format
struct Named {
    std::optional<std::string> Name;
    friend bool operator==(const Named&, const Named&) = default;
};
BOOST_DESCRIBE_STRUCT(Named, (), (Name))
struct Sized {
    std::optional<std::string> Size;
    friend bool operator==(const Sized&, const Sized&) = default;
};
BOOST_DESCRIBE_STRUCT(Sized, (), (Size))

// EnumTests: [EnumMember(Value = "SUN")]
enum class Day { Sunday, Monday };
BOOST_DESCRIBE_ENUM(Day, Sunday, Monday)
constexpr auto sstk_contract(sstk::type_tag<Day>) {
    return sstk::enum_contract("Day").values(sstk::enumerator("Sunday", "SUN"), sstk::enumerator("Monday", "MON"));
}
struct DayDto {
    Day Day_ = Day::Sunday;
    std::optional<Day> NDay;
    friend bool operator==(const DayDto&, const DayDto&) = default;
};
BOOST_DESCRIBE_STRUCT(DayDto, (), (Day_, NDay))
constexpr auto sstk_contract(sstk::type_tag<DayDto>) { return sstk::contract("DayDto").members(sstk::member("Day_").rename("Day")); }

struct Child {
    int Id = 0;
    std::optional<std::string> Name;
    std::optional<std::vector<std::optional<std::string>>> Tags;
    friend bool operator==(const Child&, const Child&) = default;
};
BOOST_DESCRIBE_STRUCT(Child, (), (Id, Name, Tags))

// A rich DTO: every shape the text codecs map, for the round trips.
struct Rich {
    int Id = 0;
    bool Flag = false;
    std::optional<std::string> Text;
    std::string Plain;
    char16_t Ch = 0;
    double Dbl = 0;
    float Flt = 0;
    sstk::decimal Dec;
    std::int64_t Big = 0;
    std::uint8_t Byte = 0;
    std::optional<int> NullInt;
    sstk::guid Guid;
    sstk::date_time When;
    std::optional<sstk::date_time> NullWhen;
    sstk::date_time_offset Offset;
    sstk::time_span Span;
    jt::Color Color = jt::Color::Red;
    jt::Permission Perm = jt::Permission::None;
    std::optional<std::vector<std::uint8_t>> Bytes;
    std::optional<std::vector<int>> Ints;
    std::optional<std::vector<std::optional<std::string>>> Strs;
    std::optional<std::vector<std::vector<int>>> Nested;
    std::optional<strmap> Map;
    std::optional<std::map<int, std::string>> IntMap;
    std::optional<Child> One;
    std::optional<std::vector<Child>> Many;
    friend bool operator==(const Rich&, const Rich&) = default;
};
BOOST_DESCRIBE_STRUCT(Rich, (), (Id, Flag, Text, Plain, Ch, Dbl, Flt, Dec, Big, Byte, NullInt, Guid, When, NullWhen, Offset, Span,
                                 Color, Perm, Bytes, Ints, Strs, Nested, Map, IntMap, One, Many))

inline Rich make_rich() {
    using namespace sstk;
    Rich r;
    r.Id = 42;
    r.Flag = true;
    r.Text = "Hello, \"World\": [x] {y}\r\nline2";
    r.Plain = " padded ";
    r.Ch = u',';
    r.Dbl = 0.1;
    r.Flt = 1.5f;
    r.Dec = decimal::parse("1.50");
    r.Big = -9007199254740993;
    r.Byte = 255;
    r.Guid = guid::parse("adfa988b01f6490db65b63750f869496");
    r.When = date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000, date_time_kind::utc);
    r.Offset = date_time_offset(date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000).ticks(), 120);
    r.Span = time_span::from_parts(1, 2, 3, 4, 500);
    r.Color = jt::Color::Blue;
    r.Perm = static_cast<jt::Permission>(3);
    r.Bytes = std::vector<std::uint8_t>{0, 1, 2, 255};
    r.Ints = std::vector<int>{1, 2, 3};
    r.Strs = std::vector<std::optional<std::string>>{"a", std::nullopt, "b,c", "", "d\"e"};
    r.Nested = std::vector<std::vector<int>>{{1, 2}, {}, {3}};
    r.Map = strmap{{"k", "v"}, {"b,c", "x\"y"}, {"e", ""}};
    r.IntMap = std::map<int, std::string>{{1, "one"}, {-2, "minus two"}};
    r.One = Child{6, "six", std::vector<std::optional<std::string>>{"t1", "t:2"}};
    r.Many = std::vector<Child>{Child{7, "seven", std::nullopt}, Child{8, std::nullopt, std::vector<std::optional<std::string>>{}}};
    return r;
}

// A [DataContract] query response: CSV tabulates its Results.
using MovieResponse = sstk::QueryResponse<jt::Movie>;

// AutoQuery-like request with lists, for query strings.
struct FindMovies {
    std::optional<std::vector<std::string>> Genres;
    std::optional<std::vector<int>> Ids;
    int Take = 0;
    std::optional<int> Skip;
    bool Desc = false;
    std::optional<std::string> Title;
    sstk::date_time After;
    std::optional<sstk::date_time_offset> Since;
    std::optional<jt::Obj> Filter;
    friend bool operator==(const FindMovies&, const FindMovies&) = default;
};
BOOST_DESCRIBE_STRUCT(FindMovies, (), (Genres, Ids, Take, Skip, Desc, Title, After, Since, Filter))

}  // namespace tt
