#include <sstk/types/floating.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
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

double from_bits(std::uint64_t b) { return std::bit_cast<double>(b); }
float from_bits32(std::uint32_t b) { return std::bit_cast<float>(b); }

using sstk::float_format;
using sstk::float_specials;
using sstk::float_syntax;

std::string core(double v) { return sstk::double_to_string(v); }
std::string core(float v) { return sstk::float_to_string(v); }
std::string xml(double v) { return sstk::double_to_string(v, float_format::netfx_roundtrip, float_specials::xml); }
std::string xml(float v) { return sstk::float_to_string(v, float_format::netfx_roundtrip, float_specials::xml); }
std::string mono(double v) { return sstk::double_to_string(v, float_format::netfx_general); }

}  // namespace

TEST_CASE("floating: .NET Core shortest round-trip spellings", "[floating]") {
    // servicestack-text-observed.md (runtime caveat) and servicestack-formats.md 1.6 / 4.8
    CHECK(core(1.0 / 3) == "0.3333333333333333");
    CHECK(core(0.1 + 0.2) == "0.30000000000000004");
    CHECK(core(123456789012345678.0) == "1.2345678901234568E+17");
    CHECK(core(std::numeric_limits<double>::denorm_min()) == "5E-324");
    CHECK(core(-0.0) == "-0");
    CHECK(core(0.0) == "0");
    CHECK(core(1.0) == "1");
    CHECK(core(2.2) == "2.2");
    CHECK(core(1e20) == "1E+20");
    CHECK(core(1e-7) == "1E-07");
    CHECK(core(0.1) == "0.1");
    CHECK(core(1e21) == "1E+21");
    CHECK(core(-1.2) == "-1.2");
    CHECK(core(2.3) == "2.3");
    CHECK(core(3.141592653589793) == "3.141592653589793");
    CHECK(core(std::numeric_limits<double>::max()) == "1.7976931348623157E+308");
    CHECK(core(std::numeric_limits<double>::lowest()) == "-1.7976931348623157E+308");
    CHECK(core(-60.0) == "-60");  // the example in Number.Formatting.cs for the max(digits, 17) rule
    CHECK(core(from_bits(0x4484D64651FE74C5)) == "1.2299999999999999E+22");  // dotnet/runtime#31483
    CHECK(core(from_bits(0x4484D64651FE74C6)) == "1.23E+22");
    CHECK(core(1.0000000000000001e-20) == "1.0000000000000001E-20");  // dotnet/runtime#44714
    CHECK(core(0.06666666666666667) == "0.06666666666666667");        // dotnet/runtime#85700

    // Thresholds: scientific when scale > max(digits, 17) or scale < -3 (scale = exponent + 1).
    CHECK(core(1e15) == "1000000000000000");
    CHECK(core(1e16) == "10000000000000000");
    CHECK(core(1e17) == "1E+17");
    CHECK(core(12345678901234567e1) == "1.2345678901234566E+17");  // 17 digits, scale 18 > 17
    CHECK(core(12345678901234567.0) == "12345678901234568");        // 17 digits, scale 17: fixed
    CHECK(core(0.0001) == "0.0001");
    CHECK(core(0.00012345) == "0.00012345");
    CHECK(core(0.00001) == "1E-05");
    CHECK(core(1.5e-5) == "1.5E-05");
    CHECK(core(1e100) == "1E+100");
    CHECK(core(1e-300) == "1E-300");

    // float: ToString("r") in ServiceStack, ToString() elsewhere; both shortest on .NET Core.
    CHECK(core(1.0f / 3) == "0.33333334");
    CHECK(core(std::numeric_limits<float>::max()) == "3.4028235E+38");
    CHECK(core(1.1f) == "1.1");
    CHECK(core(111111.1f) == "111111.1");
    CHECK(core(1e20f) == "1E+20");
    CHECK(core(-1.2f) == "-1.2");
    CHECK(core(2.3f) == "2.3");
    CHECK(core(std::numeric_limits<float>::denorm_min()) == "1E-45");
    CHECK(core(16777216.0f) == "16777216");
    CHECK(core(1e9f) == "1E+09");  // scale 10 > 9
    CHECK(core(123456789.0f) == "123456790");
    CHECK(core(-0.0f) == "-0");
}

TEST_CASE("floating: DataContract XML vectors (Mono XmlConvert, .NET Framework R)", "[floating]") {
    // vectors/datacontract/doubles.xml, by the bit patterns in doubles.desc.txt
    struct row {
        std::uint64_t bits;
        const char* text;
    };
    const row doubles[] = {
        {0x0000000000000000, "0"},
        {0x8000000000000000, "-0"},
        {0x3FB999999999999A, "0.1"},
        {0x3FF0000000000000, "1"},
        {0x3FF8000000000000, "1.5"},
        {0x4059000000000000, "100"},
        {0x3FD3333333333334, "0.30000000000000004"},
        {0x430C6BF526340000, "1E+15"},
        {0x4341C37937E08000, "1E+16"},
        {0x441AC53A7E04BCDA, "1.2345678901234568E+20"},
        {0x444B1AE4D6E2EF50, "1E+21"},
        {0x3E7AD7F29ABCAF48, "1E-07"},
        {0x01A56E1FC2F8F359, "1E-300"},
        {0x0000000000000001, "4.94065645841247E-324"},
        {0x7FEFFFFFFFFFFFFF, "1.7976931348623157E+308"},
        {0xFFEFFFFFFFFFFFFF, "-1.7976931348623157E+308"},
        {0xFFF8000000000000, "NaN"},
        {0x7FF0000000000000, "INF"},
        {0xFFF0000000000000, "-INF"},
        {0x400921FB54442D18, "3.1415926535897931"},
        {0x3FD5555555555555, "0.33333333333333331"},
        {0xC004000000000000, "-2.5"},
        {0x3FE0000000000000, "0.5"},
        {0x4004000000000000, "2.5"},
        {0x4008000000000000, "3"},
    };
    for (const auto& r : doubles) {
        INFO(r.text);
        const double v = from_bits(r.bits);
        CHECK(xml(v) == r.text);
        // and XmlConvert.ToDouble reads every one of them back bit for bit (NaN: any NaN)
        const double back = sstk::parse_double(r.text);
        if (std::isnan(v)) CHECK(std::isnan(back));
        else CHECK(std::bit_cast<std::uint64_t>(back) == r.bits);
    }

    // vectors/datacontract/floats.xml
    struct frow {
        std::uint32_t bits;
        const char* text;
    };
    const frow floats[] = {
        {0x00000000, "0"},           {0x80000000, "-0"},           {0x3DCCCCCD, "0.1"},
        {0x3EAAAAAB, "0.333333343"}, {0x7F7FFFFF, "3.40282347E+38"}, {0xFF7FFFFF, "-3.40282347E+38"},
        {0x00000001, "1.401298E-45"}, {0xFFC00000, "NaN"},          {0x7F800000, "INF"},
        {0xFF800000, "-INF"},        {0x4B800000, "16777216"},      {0x33D6BF95, "1E-07"},
        {0x60AD78EC, "1E+20"},       {0x3E99999A, "0.3"},
    };
    for (const auto& r : floats) {
        INFO(r.text);
        const float v = from_bits32(r.bits);
        CHECK(xml(v) == r.text);
        const float back = sstk::parse_float(r.text);
        if (std::isnan(v)) CHECK(std::isnan(back));
        else CHECK(std::bit_cast<std::uint32_t>(back) == r.bits);
    }
}

TEST_CASE("floating: .NET Framework G15 ToString (ServiceStack.Text on Mono)", "[floating]") {
    // servicestack-text-observed.md, runtime caveat
    CHECK(mono(1.0 / 3) == "0.333333333333333");
    CHECK(mono(0.1 + 0.2) == "0.3");
    CHECK(mono(123456789012345678.0) == "1.23456789012346E+17");
    CHECK(mono(std::numeric_limits<double>::denorm_min()) == "4.94065645841247E-324");
    CHECK(mono(-0.0) == "0");
    CHECK(mono(0.1) == "0.1");
    CHECK(mono(1e21) == "1E+21");
    CHECK(mono(1e-7) == "1E-07");
    CHECK(mono(1e15) == "1E+15");
    CHECK(mono(1e14) == "100000000000000");
    CHECK(mono(from_bits(0x4484D64651FE74C6)) == "1.23E+22");  // dotnet/runtime#31483: three doubles, one text
    CHECK(mono(from_bits(0x4484D64651FE74C7)) == "1.23E+22");
    CHECK(mono(std::numeric_limits<double>::max()) == "1.79769313486232E+308");
    CHECK(sstk::float_to_string(1.0f / 3, float_format::netfx_general) == "0.3333333");
    // The Framework "R" on float, as ServiceStack writes floats on Mono
    CHECK(sstk::float_to_string(1.0f / 3, float_format::netfx_roundtrip) == "0.333333343");
    CHECK(sstk::float_to_string(std::numeric_limits<float>::max(), float_format::netfx_roundtrip) ==
          "3.40282347E+38");
    // -0 in the Framework "R" loses its sign; XmlConvert puts it back.
    CHECK(sstk::double_to_string(-0.0, float_format::netfx_roundtrip) == "0");
    CHECK(sstk::double_to_string(-0.0, float_format::netfx_roundtrip, float_specials::xml) == "-0");
}

TEST_CASE("floating: specials per dialect", "[floating]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (auto fmt : {float_format::shortest, float_format::netfx_roundtrip, float_format::netfx_general}) {
        CHECK(sstk::double_to_string(nan, fmt) == "NaN");
        CHECK(sstk::double_to_string(inf, fmt) == "Infinity");
        CHECK(sstk::double_to_string(-inf, fmt) == "-Infinity");
        CHECK(sstk::double_to_string(nan, fmt, float_specials::xml) == "NaN");
        CHECK(sstk::double_to_string(inf, fmt, float_specials::xml) == "INF");
        CHECK(sstk::double_to_string(-inf, fmt, float_specials::xml) == "-INF");
        CHECK(sstk::double_to_string(-0.0, fmt, float_specials::xml) == "-0");
        CHECK(sstk::float_to_string(-std::numeric_limits<float>::infinity(), fmt, float_specials::xml) == "-INF");
    }
    std::string out = "[";
    sstk::append_double(out, 1.5);
    out += ',';
    sstk::append_float(out, 2.5f);
    out += ']';
    CHECK(out == "[1.5,2.5]");
}

TEST_CASE("floating: XML parsing (XmlConvert.ToDouble rules)", "[floating]") {
    CHECK(std::isinf(sstk::parse_double("INF")));
    CHECK(sstk::parse_double("-INF") == -std::numeric_limits<double>::infinity());
    CHECK(sstk::parse_double("Infinity") == std::numeric_limits<double>::infinity());
    CHECK(sstk::parse_double("-Infinity") == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(sstk::parse_double("NaN")));
    CHECK(sstk::parse_double(" 1.5 ") == 1.5);
    CHECK(sstk::parse_double("\t\r\n2\n") == 2.0);
    CHECK(sstk::parse_double(" INF ") == std::numeric_limits<double>::infinity());
    const double nz = sstk::parse_double("-0");
    CHECK(nz == 0.0);
    CHECK(std::signbit(nz));
    CHECK(sstk::parse_double("+1") == 1.0);
    CHECK(sstk::parse_double(".5") == 0.5);
    CHECK(sstk::parse_double("5.") == 5.0);
    CHECK(sstk::parse_double("1E+15") == 1e15);
    CHECK(sstk::parse_double("1e-7") == 1e-7);
    CHECK(sstk::parse_double("007") == 7.0);
    CHECK(sstk::parse_double("1e-400") == 0.0);  // underflow rounds to zero, no error
    CHECK(std::signbit(sstk::parse_double("-1e-400")));
    CHECK(sstk::parse_double("4.9406564584124654E-324") == std::numeric_limits<double>::denorm_min());
    CHECK(sstk::parse_double("0.000000000000000000000000000000000000000000000000001e51") == 1.0);

    struct bad {
        const char* text;
        sstk::errc kind;
        std::size_t offset;
    };
    for (const bad& b : {bad{"", sstk::errc::syntax, 0}, bad{"   ", sstk::errc::syntax, 3},
                         bad{"1,5", sstk::errc::syntax, 1}, bad{"1e400", sstk::errc::out_of_range, 0},
                         bad{" -1e400", sstk::errc::out_of_range, 1}, bad{"1.8e308", sstk::errc::out_of_range, 0},
                         bad{"inf", sstk::errc::syntax, 0}, bad{"nan", sstk::errc::syntax, 0},
                         bad{"+INF", sstk::errc::syntax, 1}, bad{"0x10", sstk::errc::syntax, 1},
                         bad{"1e", sstk::errc::syntax, 2}, bad{"1e+", sstk::errc::syntax, 3},
                         bad{"-", sstk::errc::syntax, 1}, bad{".", sstk::errc::syntax, 1},
                         bad{"1.2.3", sstk::errc::syntax, 3}, bad{"1 2", sstk::errc::syntax, 1},
                         bad{"abc", sstk::errc::syntax, 0}}) {
        INFO(b.text);
        const auto e = error_of([&] { sstk::parse_double(b.text); });
        CHECK(e.kind() == b.kind);
        CHECK(e.offset() == b.offset);
    }
    const auto r = sstk::try_parse_double("1,5");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().offset() == 1);
    CHECK(sstk::try_parse_double("2.5").value() == 2.5);
}

TEST_CASE("floating: float parsing range", "[floating]") {
    CHECK(sstk::parse_float("3.40282347E+38") == std::numeric_limits<float>::max());
    CHECK(sstk::parse_float("3.4028235E+38") == std::numeric_limits<float>::max());
    CHECK(sstk::parse_float("1.401298E-45") == std::numeric_limits<float>::denorm_min());
    CHECK(sstk::parse_float("1e-50") == 0.0f);
    CHECK(sstk::parse_float("-INF") == -std::numeric_limits<float>::infinity());
    const auto e = error_of([] { sstk::parse_float("3.5e38"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    CHECK(e.message().find("float") != std::string::npos);
    REQUIRE_FALSE(sstk::try_parse_float("x").has_value());
}

TEST_CASE("floating: JSON/JSV parsing (ServiceStack reader tokens)", "[floating]") {
    CHECK(std::isnan(sstk::parse_double("NaN", float_syntax::json)));
    CHECK(sstk::parse_double("Infinity", float_syntax::json) == std::numeric_limits<double>::infinity());
    CHECK(sstk::parse_double("-Infinity", float_syntax::json) == -std::numeric_limits<double>::infinity());
    CHECK(sstk::parse_double("1e2", float_syntax::json) == 100.0);
    CHECK(sstk::parse_double("007", float_syntax::json) == 7.0);
    CHECK(sstk::parse_double("-0.5", float_syntax::json) == -0.5);
    CHECK(sstk::parse_double("0.30000000000000004", float_syntax::json) == 0.1 + 0.2);
    auto e = error_of([] { sstk::parse_double("INF", float_syntax::json); });
    CHECK(e.kind() == sstk::errc::syntax);
    e = error_of([] { sstk::parse_double(" 1", float_syntax::json); });
    CHECK(e.offset() == 0);
    e = error_of([] { sstk::parse_double("1 ", float_syntax::json); });
    CHECK(e.offset() == 1);
    e = error_of([] { sstk::parse_double("1e999", float_syntax::json); });
    CHECK(e.kind() == sstk::errc::out_of_range);
}

TEST_CASE("floating: random doubles round-trip bit-exactly", "[floating]") {
    std::mt19937_64 rng(20240601);
    int checked = 0;
    for (int i = 0; i < 200000; ++i) {
        const double v = from_bits(rng());
        if (!std::isfinite(v)) continue;
        ++checked;
        const auto bits = std::bit_cast<std::uint64_t>(v);
        const auto s = core(v);
        const auto x = xml(v);
        const double a = sstk::parse_double(s);
        const double b = sstk::parse_double(x);
        if (std::bit_cast<std::uint64_t>(a) != bits || std::bit_cast<std::uint64_t>(b) != bits) {
            INFO(s << " / " << x);
            FAIL("round trip failed");
        }
        // Shortest never needs more than 17 digits; the Framework R form is 15 or 17.
        CHECK(s.size() <= 24);
    }
    CHECK(checked > 190000);
}

TEST_CASE("floating: random floats round-trip bit-exactly", "[floating]") {
    std::mt19937 rng(7);
    for (int i = 0; i < 200000; ++i) {
        const float v = from_bits32(static_cast<std::uint32_t>(rng()));
        if (!std::isfinite(v)) continue;
        const auto bits = std::bit_cast<std::uint32_t>(v);
        const auto s = core(v);
        const auto x = xml(v);
        if (std::bit_cast<std::uint32_t>(sstk::parse_float(s)) != bits ||
            std::bit_cast<std::uint32_t>(sstk::parse_float(x)) != bits) {
            INFO(s << " / " << x);
            FAIL("round trip failed");
        }
    }
    // ... and the "nice" decimals users type survive both forms unchanged.
    for (const char* s : {"0.1", "2.5", "100", "1E+20", "3.14", "-7.25", "1E-07", "123.456"}) {
        INFO(s);
        CHECK(core(sstk::parse_double(s)) == s);
        CHECK(xml(sstk::parse_double(s)) == s);
    }
}
