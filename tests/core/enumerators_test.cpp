#include <sstk/core/enumerators.hpp>

#include <boost/describe/enum.hpp>
#include <catch2/catch.hpp>

#include <cstdint>

namespace enum_test {
enum class Errors { SystemError, NotFound, InvalidInput };
BOOST_DESCRIBE_ENUM(Errors, SystemError, NotFound, InvalidInput)

enum class Permission : std::uint32_t { None = 0, Read = 1, Write = 2, ReadWrite = 3, Execute = 4, Delete = 8 };
BOOST_DESCRIBE_ENUM(Permission, None, Read, Write, ReadWrite, Execute, Delete)
constexpr auto sstk_contract(sstk::type_tag<Permission>) { return sstk::enum_contract("Permission").flags(); }

enum class Day { Monday, Sunday };
BOOST_DESCRIBE_ENUM(Day, Monday, Sunday)
constexpr auto sstk_contract(sstk::type_tag<Day>) {
    return sstk::enum_contract("DayOfWeek").clr_namespace("Oracle.Enums").values(sstk::enumerator("Sunday", "SUN"));
}
}  // namespace enum_test

using namespace enum_test;

TEST_CASE("enumerators are listed in declaration order with wire names") {
    STATIC_REQUIRE(sstk::enumerators<Permission>.size() == 6);
    STATIC_REQUIRE(sstk::enumerators<Permission>[3].name == "ReadWrite");
    STATIC_REQUIRE(sstk::enumerators<Day>[1].name == "SUN");
    STATIC_REQUIRE(sstk::enumerators<Day>[1].cpp_name == "Sunday");
    STATIC_REQUIRE(sstk::is_flags_enum<Permission>);
    STATIC_REQUIRE_FALSE(sstk::is_flags_enum<Errors>);
    STATIC_REQUIRE(sstk::contract_of<Day>().name == "DayOfWeek");
    STATIC_REQUIRE(sstk::contract_of<Errors>().name == "Errors");
    STATIC_REQUIRE(sstk::contract_of<Errors>().clr_ns == "enum_test");
}

TEST_CASE("names to values and back; unknown values stay representable") {
    CHECK(sstk::enum_to_name(Errors::NotFound) == "NotFound");
    CHECK(sstk::enum_to_name(Day::Sunday) == "SUN");
    CHECK_FALSE(sstk::enum_to_name(static_cast<Errors>(99)).has_value());
    CHECK(sstk::enum_from_name<Day>("SUN") == Day::Sunday);
    CHECK(sstk::enum_from_name<Day>("Sunday") == Day::Sunday);
    CHECK_FALSE(sstk::enum_from_name<Day>("sun").has_value());
    CHECK(sstk::enum_from_name<Day>("sun", true) == Day::Sunday);
    CHECK(sstk::enum_from_name<Errors>("notfound", true) == Errors::NotFound);
    CHECK_FALSE(sstk::enum_from_name<Errors>("Missing", true).has_value());
}
