#include <sstk/types/integer.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace {

template <class F>
sstk::error error_of(F&& f) {
    try {
        f();
    } catch (const sstk::error& e) {
        return e;
    }
    FAIL("expected an sstk::error");
    return {};
}

}  // namespace

TEST_CASE("integer: values and limits", "[integer]") {
    // lists_primitive.xml / nullables_values.xml integers
    CHECK(sstk::parse_integer<int>("1") == 1);
    CHECK(sstk::parse_integer<int>("-2") == -2);
    CHECK(sstk::parse_integer<int>("0") == 0);
    CHECK(sstk::parse_integer<int>("2147483647") == 2147483647);
    CHECK(sstk::parse_integer<std::int32_t>("-2147483648") == std::numeric_limits<std::int32_t>::min());
    CHECK(sstk::parse_integer<std::int64_t>("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
    CHECK(sstk::parse_integer<std::int64_t>("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
    CHECK(sstk::parse_integer<std::uint64_t>("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
    CHECK(sstk::parse_integer<std::int8_t>("-128") == -128);
    CHECK(sstk::parse_integer<std::uint8_t>("255") == 255);
    CHECK(sstk::parse_integer<std::int16_t>("-32768") == -32768);
    CHECK(sstk::parse_integer<std::uint16_t>("65535") == 65535);
    // ServiceStack reads leading zeros ("007", "01" in BasicStringSerializerTests).
    CHECK(sstk::parse_integer<int>("007") == 7);
    CHECK(sstk::parse_integer<int>("01") == 1);
    CHECK(sstk::parse_integer<std::int64_t>("0000000000000000000000000000001") == 1);
    // .NET accepts negative zero even for unsigned types.
    CHECK(sstk::parse_integer<unsigned>("-0") == 0u);
    CHECK(sstk::parse_integer<int>("-0") == 0);
}

TEST_CASE("integer: overflow is out_of_range with the offset of the number", "[integer]") {
    auto check32 = [](const char* s, std::size_t off) {
        INFO(s);
        const auto e = error_of([&] { sstk::parse_integer<std::int32_t>(s); });
        CHECK(e.kind() == sstk::errc::out_of_range);
        CHECK(e.offset() == off);
        CHECK(e.message().find("-2147483648..2147483647") != std::string::npos);
    };
    check32("2147483648", 0);
    check32("-2147483649", 0);
    check32("99999999999999999999999", 0);
    auto e = error_of([] { sstk::parse_integer<std::uint64_t>("18446744073709551616"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_integer<unsigned>("-1"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_integer<std::uint8_t>("256"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    CHECK(e.message().find("0..255") != std::string::npos);
    e = error_of([] { sstk::parse_integer<std::int8_t>("-129"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_integer<std::int64_t>("-9223372036854775809"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_integer<int>(" 2147483648", sstk::xml_integer_options); });
    CHECK(e.offset() == 1);
}

TEST_CASE("integer: syntax errors", "[integer]") {
    struct row {
        const char* text;
        std::size_t offset;
    };
    // "+5", "1.0" and "1e2" into int are what ServiceStack's JSON reader drops.
    for (const row& r : {row{"", 0}, row{"-", 1}, row{"+5", 0}, row{"1.0", 1}, row{"1e2", 1}, row{" 5", 0},
                         row{"5 ", 1}, row{"abc", 0}, row{"--1", 1}, row{"0x1F", 1}, row{"1,000", 1}}) {
        INFO(r.text);
        const auto e = error_of([&] { sstk::parse_integer<int>(r.text); });
        CHECK(e.kind() == sstk::errc::syntax);
        CHECK(e.offset() == r.offset);
    }
    const auto t = sstk::try_parse_integer<int>("x");
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().kind() == sstk::errc::syntax);
    CHECK(sstk::try_parse_integer<int>("12").value() == 12);
}

TEST_CASE("integer: XmlConvert options accept '+' and whitespace", "[integer]") {
    CHECK(sstk::parse_integer<int>("+5", sstk::xml_integer_options) == 5);
    CHECK(sstk::parse_integer<int>(" \t-5\r\n", sstk::xml_integer_options) == -5);
    const auto e = error_of([] { sstk::parse_integer<int>("   ", sstk::xml_integer_options); });
    CHECK(e.kind() == sstk::errc::syntax);
    sstk::integer_parse_options plus_only;
    plus_only.allow_plus = true;
    CHECK(sstk::parse_integer<long>("+0", plus_only) == 0);
}

TEST_CASE("integer: append_integer writes invariant decimal", "[integer]") {
    std::string out;
    sstk::append_integer(out, std::numeric_limits<std::int64_t>::min());
    out += ',';
    sstk::append_integer(out, std::numeric_limits<std::uint64_t>::max());
    out += ',';
    sstk::append_integer(out, std::int8_t{-1});
    out += ',';
    sstk::append_integer(out, std::uint8_t{200});
    CHECK(out == "-9223372036854775808,18446744073709551615,-1,200");
}
