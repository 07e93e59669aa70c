#include <sstk/types/decimal.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <unordered_set>

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

sstk::decimal dec(std::string_view s) { return sstk::decimal::parse(s); }

}  // namespace

TEST_CASE("decimal: golden vectors (text and GetBits)", "[decimal]") {
    // vectors/datacontract/decimals.desc.txt: the value's text and decimal.GetBits.
    struct row {
        const char* text;
        std::array<std::int32_t, 4> bits;
    };
    const row rows[] = {
        {"0", {0, 0, 0, 0}},
        {"0.000", {0, 0, 0, 196608}},
        {"1.10", {110, 0, 0, 131072}},
        {"79228162514264337593543950335", {-1, -1, -1, 0}},
        {"-79228162514264337593543950335", {-1, -1, -1, std::numeric_limits<std::int32_t>::min()}},
        {"0.0000000000000000000000000001", {1, 0, 0, 1835008}},
        {"-0.5", {5, 0, 0, -2147418112}},
        {"1.00000", {100000, 0, 0, 327680}},
        {"12345678901234567890.123456789", {1849262357, 1186908593, 669260594, 589824}},
        {"42", {42, 0, 0, 0}},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto d = dec(r.text);
        CHECK(d.to_bits() == r.bits);
        CHECK(d.to_string() == r.text);
        CHECK(sstk::decimal::from_bits(r.bits).to_string() == r.text);
        CHECK(sstk::decimal::from_bits(r.bits).same_representation(d));
    }
    CHECK(dec("79228162514264337593543950335").same_representation(sstk::decimal::max_value()));
    CHECK(dec("-79228162514264337593543950335").same_representation(sstk::decimal::min_value()));
}

TEST_CASE("decimal: research literals keep their scale", "[decimal]") {
    // servicestack-formats.md 1.6 / 4.8, servicestack-text-observed.md, datacontract-xml.md 6.5
    for (const char* s : {"1.10", "1.500", "0.00", "9.2", "1.50", "3.3", "33333333.333", "1.0", "0.0000001",
                          "-1234567890123.45", "0", "0.000", "1.00000", "79228162514264337593543950335",
                          "0.0000000000000000000000000001"}) {
        INFO(s);
        CHECK(dec(s).to_string() == s);
    }
    CHECK(dec("1.10").scale() == 2);
    CHECK(dec("1.500").scale() == 3);
    CHECK(dec("33333333.333").scale() == 3);
    CHECK(dec("0.0000001").scale() == 7);
    CHECK(dec("-1234567890123.45").is_negative());
}

TEST_CASE("decimal: accepted spellings", "[decimal]") {
    CHECK(dec("+1.5").to_string() == "1.5");
    CHECK(dec(".5").to_string() == "0.5");
    CHECK(dec("5.").to_string() == "5");
    CHECK(dec("007.50").to_string() == "7.50");
    CHECK(dec("-.25").to_string() == "-0.25");
    CHECK(dec("000").to_string() == "0");
    CHECK(dec("0.0000000000000000000000000000").scale() == 28);
    // More zeros than decimal can scale: the scale clamps at 28 (Math.Clamp in .NET).
    CHECK(dec("0.000000000000000000000000000000000").to_string() == "0.0000000000000000000000000000");
}

TEST_CASE("decimal: negative zero keeps its sign bit but prints unsigned", "[decimal]") {
    const auto z = dec("-0.00");
    CHECK(z.is_negative());
    CHECK(z.is_zero());
    CHECK(z.scale() == 2);
    CHECK(z.to_string() == "0.00");
    CHECK(z == sstk::decimal(0));
    CHECK_FALSE(z.same_representation(dec("0.00")));
    CHECK(std::signbit(z.to_double()));
}

TEST_CASE("decimal: more than 29 significant digits round half to even", "[decimal]") {
    // Number.TryNumberToDecimal: digits are taken while the mantissa fits, then the next digit
    // rounds (a lone 5 with an even mantissa stays).
    CHECK(dec("1.2345678901234567890123456789012").to_string() == "1.2345678901234567890123456789");
    CHECK(dec("1.2345678901234567890123456789512").to_string() == "1.2345678901234567890123456790");
    CHECK(dec("0.00000000000000000000000000015").to_string() == "0.0000000000000000000000000002");
    CHECK(dec("0.00000000000000000000000000025").to_string() == "0.0000000000000000000000000002");
    CHECK(dec("0.000000000000000000000000000250000001").to_string() == "0.0000000000000000000000000003");
    CHECK(dec("0.00000000000000000000000000035").to_string() == "0.0000000000000000000000000004");
    CHECK(dec("0.00000000000000000000000000005").to_string() == "0.0000000000000000000000000000");
    CHECK(dec("0.00000000000000000000000000006").to_string() == "0.0000000000000000000000000001");
    // 28 nines then .9: 29 nines do not fit, so it rounds up to 10^28.
    CHECK(dec("9999999999999999999999999999.99").to_string() == "10000000000000000000000000000");
    // The mantissa is the maximum and rounding up would need 2^96: .NET drops a digit.
    CHECK(dec("7922816251426433759354395033.55").to_string() == "7922816251426433759354395034");
    CHECK(dec("7922816251426433759354395033.5").to_string() == "7922816251426433759354395033.5");
    CHECK(dec("79228162514264337593543950335.49").to_string() == "79228162514264337593543950335");
    CHECK(dec("-79228162514264337593543950335.4999").same_representation(sstk::decimal::min_value()));
    // A long tail past the digit buffer still counts as "above half".
    CHECK(dec("2.50000000000000000000000000000000000000000000000000001").to_string() ==
          "2.5000000000000000000000000000");
    CHECK(dec("0.000000000000000000000000000050000000000000000000000000000001").to_string() ==
          "0.0000000000000000000000000001");
}

TEST_CASE("decimal: overflow is out_of_range", "[decimal]") {
    for (const char* s : {"79228162514264337593543950336", "-79228162514264337593543950336",
                          "79228162514264337593543950335.5", "100000000000000000000000000000",
                          "99999999999999999999999999999"}) {
        INFO(s);
        const auto e = error_of([&] { dec(s); });
        CHECK(e.kind() == sstk::errc::out_of_range);
        CHECK(e.offset() == 0);
    }
    sstk::decimal_parse_options ws;
    ws.allow_whitespace = true;
    const auto e = error_of([&] { sstk::decimal::parse("  79228162514264337593543950336 ", ws); });
    CHECK(e.offset() == 2);
}

TEST_CASE("decimal: exponent notation only on request", "[decimal]") {
    // JsonDecimalTests.Does_parse_float_exp_notation_into_decimal; XmlConvert rejects it.
    auto e = error_of([] { dec("1e2"); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 1);
    CHECK(e.message().find("exponent") != std::string::npos);

    sstk::decimal_parse_options exp;
    exp.allow_exponent = true;
    auto p = [&](std::string_view s) { return sstk::decimal::parse(s, exp).to_string(); };
    CHECK(p("1e2") == "100");
    CHECK(p("1E+2") == "100");
    CHECK(p("1.5E-3") == "0.0015");
    CHECK(p("1.50e1") == "15.0");
    CHECK(p("-2.5e0") == "-2.5");
    CHECK(p("1e28") == "10000000000000000000000000000");
    CHECK(p("1e-28") == "0.0000000000000000000000000001");
    CHECK(p("1e-40") == "0.0000000000000000000000000000");
    CHECK(p("0e5") == "0");
    e = error_of([&] { sstk::decimal::parse("1e29", exp); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([&] { sstk::decimal::parse("1e99999999999999999999", exp); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([&] { sstk::decimal::parse("1e", exp); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 2);
    e = error_of([&] { sstk::decimal::parse("1e+", exp); });
    CHECK(e.offset() == 3);
}

TEST_CASE("decimal: syntax errors carry the offset", "[decimal]") {
    struct row {
        const char* text;
        std::size_t offset;
    };
    for (const row& r : {row{"", 0}, row{"-", 1}, row{"+", 1}, row{"1,5", 1}, row{"1.2.3", 3}, row{"abc", 0},
                         row{"1.5x", 3}, row{"NaN", 0}, row{".", 1}, row{"--1", 1}, row{" 1", 0}, row{"1 ", 1},
                         row{"0x10", 1}}) {
        INFO(r.text);
        const auto e = error_of([&] { dec(r.text); });
        CHECK(e.kind() == sstk::errc::syntax);
        CHECK(e.offset() == r.offset);
    }
    const auto t = sstk::decimal::try_parse("1,5");
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().offset() == 1);
    REQUIRE(sstk::decimal::try_parse("1.5").has_value());
}

TEST_CASE("decimal: surrounding XML whitespace only on request", "[decimal]") {
    sstk::decimal_parse_options ws;
    ws.allow_whitespace = true;
    CHECK(sstk::decimal::parse(" \t1.50\r\n", ws).to_string() == "1.50");
    const auto e = error_of([&] { sstk::decimal::parse("   ", ws); });
    CHECK(e.kind() == sstk::errc::syntax);
}

TEST_CASE("decimal: construction from integers and parts", "[decimal]") {
    CHECK(sstk::decimal(0).to_string() == "0");
    CHECK(sstk::decimal(-1).to_string() == "-1");
    CHECK(sstk::decimal(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
    CHECK(sstk::decimal(std::numeric_limits<std::uint64_t>::max()).to_string() == "18446744073709551615");
    CHECK(sstk::decimal(static_cast<unsigned char>(200)).to_string() == "200");
    const sstk::decimal implicit = 42;
    CHECK(implicit.to_string() == "42");

    CHECK(sstk::decimal::from_parts(110, 0, 0, false, 2).to_string() == "1.10");
    CHECK(sstk::decimal::from_parts(5, 0, 0, true, 1).to_string() == "-0.5");
    CHECK(sstk::decimal::from_parts(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, false, 28).to_string() ==
          "7.9228162514264337593543950335");
    auto e = error_of([] { sstk::decimal::from_parts(1, 0, 0, false, 29); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::decimal::from_bits({1, 0, 0, 29 << 16}); });
    CHECK(e.kind() == sstk::errc::invalid_value);
    e = error_of([] { sstk::decimal::from_bits({1, 0, 0, 1}); });  // reserved bits set
    CHECK(e.kind() == sstk::errc::invalid_value);
    const auto d = dec("-1234567890123.45");
    CHECK(sstk::decimal::from_parts(d.lo(), d.mid(), d.hi(), d.is_negative(), d.scale()).same_representation(d));
}

TEST_CASE("decimal: conversions to int64 and double", "[decimal]") {
    CHECK(dec("1.9").truncate_to_int64() == 1);
    CHECK(dec("-1.9").truncate_to_int64() == -1);
    CHECK(dec("-0.5").truncate_to_int64() == 0);
    CHECK(dec("9223372036854775807.99").truncate_to_int64() == std::numeric_limits<std::int64_t>::max());
    CHECK(dec("-9223372036854775808").to_int64() == std::numeric_limits<std::int64_t>::min());
    CHECK(dec("1.00").to_int64() == 1);
    CHECK(dec("-42").to_int64() == -42);
    auto e = error_of([] { (void)dec("1.5").to_int64(); });
    CHECK(e.kind() == sstk::errc::invalid_value);
    e = error_of([] { (void)dec("9223372036854775808").truncate_to_int64(); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { (void)dec("-9223372036854775809").to_int64(); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { (void)sstk::decimal::max_value().truncate_to_int64(); });
    CHECK(e.kind() == sstk::errc::out_of_range);

    CHECK(dec("0.1").to_double() == 0.1);
    CHECK(dec("1.10").to_double() == 1.1);
    CHECK(dec("-2.5").to_double() == -2.5);
    CHECK(dec("0.0000000000000000000000000001").to_double() == 1e-28);
    CHECK(sstk::decimal::max_value().to_double() == 79228162514264337593543950335.0);
}

TEST_CASE("decimal: == and <=> are numeric, same_representation is exact", "[decimal]") {
    CHECK(dec("1.10") == dec("1.1"));
    CHECK_FALSE(dec("1.10").same_representation(dec("1.1")));
    CHECK(dec("0") == dec("-0.000"));
    CHECK(dec("1.1") != dec("1.11"));
    CHECK(dec("1.1") < dec("1.11"));
    CHECK(dec("-1.1") > dec("-1.11"));
    CHECK(dec("-0.0000000000000000000000000001") < dec("0"));
    CHECK(sstk::decimal::min_value() < sstk::decimal::max_value());
    CHECK(dec("7.9228162514264337593543950335") < dec("8"));
    CHECK(dec("79228162514264337593543950335") > dec("7.9228162514264337593543950335"));
    CHECK(dec("0.0000000000000000000000000001") < dec("79228162514264337593543950335"));
    CHECK(sstk::decimal::compare(dec("2.50"), dec("2.5")) == 0);
    CHECK(sstk::decimal::compare(dec("2.51"), dec("2.5")) == 1);
    CHECK(sstk::decimal::compare(dec("-3"), dec("2.5")) == -1);
    CHECK((dec("1.10") <=> dec("1.1")) == std::weak_ordering::equivalent);

    const std::hash<sstk::decimal> h;
    CHECK(h(dec("1.10")) == h(dec("1.1")));
    CHECK(h(dec("0")) == h(dec("-0.00")));
    CHECK(h(dec("100")) == h(dec("100.000")));
    std::unordered_set<sstk::decimal> set{dec("1.1"), dec("1.10"), dec("1.100"), dec("2")};
    CHECK(set.size() == 2);
}

TEST_CASE("decimal: random values round-trip through text exactly", "[decimal]") {
    std::mt19937_64 rng(12345);
    for (int i = 0; i < 20000; ++i) {
        const auto lo = static_cast<std::uint32_t>(rng());
        const auto mid = (i % 3 == 0) ? 0u : static_cast<std::uint32_t>(rng());
        const auto hi = (i % 2 == 0) ? 0u : static_cast<std::uint32_t>(rng());
        const bool neg = (rng() & 1) != 0;
        const auto scale = static_cast<std::uint8_t>(rng() % 29);
        const auto d = sstk::decimal::from_parts(lo, mid, hi, neg, scale);
        const auto text = d.to_string();
        const auto back = sstk::decimal::parse(text);
        INFO(text);
        // -0 prints as "0": its sign is the one thing the text does not carry.
        if (d.is_zero()) CHECK(back == d);
        else CHECK(back.same_representation(d));
        std::string appended = "x";
        d.append_to(appended);
        CHECK(appended == "x" + text);
    }
}
