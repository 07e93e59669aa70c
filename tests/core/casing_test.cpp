#include <sstk/core/casing.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using sstk::casing;

// ServiceStack.Text.Tests StringExtensionsTests (ToCamelCase) and LowercaseUnderscoreTests.
TEST_CASE("camelCase follows ServiceStack's ToCamelCase") {
    const std::vector<std::pair<std::string, std::string>> vectors = {
        {"U", "u"},       {"UU", "uu"},       {"UUU", "uuu"},   {"Ul", "ul"},           {"UUl", "uUl"},
        {"UUll", "uUll"}, {"UUUl", "uuUl"},   {"lU", "lU"},     {"llUl", "llUl"},       {"lllUUUlll", "lllUUUlll"},
        {"__type", "__type"}, {"ULongMax", "uLongMax"}, {"UShort", "uShort"}, {"UInt", "uInt"}, {"ULong", "uLong"},
        {"Id", "id"},     {"RootId", "rootId"}, {"DisplayName", "displayName"}, {"ImdbId", "imdbId"},
        {"ResponseStatus", "responseStatus"}, {"", ""}, {"X1", "x1"}, {"ÉMile", "ÉMile"},
    };
    for (const auto& [in, expected] : vectors) {
        INFO(in);
        CHECK(sstk::to_cased(in, casing::camel) == expected);
        CHECK(sstk::cased_length(in, casing::camel) == expected.size());
    }
}

TEST_CASE("snake_case follows ServiceStack's ToLowercaseUnderscore") {
    const std::vector<std::pair<std::string, std::string>> vectors = {
        {"user_id", "user_id"}, {"user_id_0", "user_id_0"}, {"user_id_00_11", "user_id_00_11"},
        {"ImdbId", "imdb_id"},  {"ReleaseDate", "release_date"}, {"TagLine", "tag_line"},
        {"Id", "id"},           {"RootId", "root_id"},     {"DisplayName", "display_name"},
        {"ULongMax", "u_long_max"}, {"ResponseStatus", "response_status"},
    };
    for (const auto& [in, expected] : vectors) {
        INFO(in);
        CHECK(sstk::to_cased(in, casing::snake) == expected);
    }
}

TEST_CASE("as_declared keeps the name") {
    CHECK(sstk::to_cased("ULongMax", casing::as_declared) == "ULongMax");
    CHECK(sstk::to_cased("user_name", casing::as_declared) == "user_name");
}

namespace {
struct src {
    static constexpr std::string_view value = "ReleaseDate";
};
}  // namespace

TEST_CASE("cased names are available at compile time") {
    STATIC_REQUIRE(sstk::cased_name<src, casing::camel>::value == "releaseDate");
    STATIC_REQUIRE(sstk::cased_name<src, casing::snake>::value == "release_date");
    STATIC_REQUIRE(sstk::cased_name<src, casing::as_declared>::value == "ReleaseDate");
}
