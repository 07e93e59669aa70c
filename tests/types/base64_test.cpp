#include <sstk/types/base64.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

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

using bytes = std::vector<std::uint8_t>;

}  // namespace

TEST_CASE("base64: golden vectors", "[base64]") {
    // servicestack-formats.md 1.7 (BasicStringSerializerTests)
    CHECK(sstk::to_base64(bytes{0, 65, 97, 255}) == "AEFh/w==");
    // vectors/datacontract/bytes.xml
    CHECK(sstk::to_base64(bytes{}) == "");
    CHECK(sstk::to_base64(bytes{0x00, 0x01, 0x02, 0xFD, 0xFE, 0xFF}) == "AAEC/f7/");
    CHECK(sstk::to_base64(bytes{'H', 'e', 'l', 'l', 'o'}) == "SGVsbG8=");
    bytes long100(100);
    for (int i = 0; i < 100; ++i) long100[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
    const std::string long100_text =
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9Q"
        "UVJTVFVWV1hZWltcXV5fYGFiYw==";
    CHECK(sstk::to_base64(long100) == long100_text);  // one line, no wrapping
    // dotnet/runtime DCS_ByteArrayAsRoot
    CHECK(sstk::to_base64(bytes{1, 2}) == "AQI=");

    CHECK(sstk::base64_decode("AEFh/w==") == bytes{0, 65, 97, 255});
    CHECK(sstk::base64_decode("AAEC/f7/") == bytes{0x00, 0x01, 0x02, 0xFD, 0xFE, 0xFF});
    CHECK(sstk::base64_decode("SGVsbG8=") == bytes{'H', 'e', 'l', 'l', 'o'});
    CHECK(sstk::base64_decode(long100_text) == long100);
    CHECK(sstk::base64_decode("AQI=") == bytes{1, 2});
    CHECK(sstk::base64_decode("").empty());
}

TEST_CASE("base64: append_base64 appends", "[base64]") {
    std::string out = "\"";
    sstk::append_base64(out, bytes{0, 65, 97, 255});
    out += '"';
    CHECK(out == "\"AEFh/w==\"");
}

TEST_CASE("base64: strict decoding errors carry offsets", "[base64]") {
    struct row {
        const char* text;
        std::size_t offset;
    };
    for (const row& r : {row{"AEFh/w=", 7}, row{"AEF", 3}, row{"A", 1}, row{"AE*h", 2}, row{"A===", 1},
                         row{"====", 0}, row{"AB=C", 3}, row{"AB==AB==", 4}, row{"AEFh /w==", 4},
                         row{"AEFh-w==", 4}, row{"AEFh_w==", 4}, row{"ABC==", 5}, row{"AB\xC3\xA9", 2}}) {
        INFO(r.text);
        const auto e = error_of([&] { sstk::base64_decode(r.text); });
        CHECK(e.kind() == sstk::errc::syntax);
        CHECK(e.offset() == r.offset);
    }
    const auto t = sstk::try_base64_decode("AE*h");
    REQUIRE_FALSE(t.has_value());
    CHECK(t.error().message().find("'*'") != std::string::npos);
    REQUIRE(sstk::try_base64_decode("AQI=").has_value());
}

TEST_CASE("base64: whitespace is skipped only on request", "[base64]") {
    sstk::base64_options ws;
    ws.skip_whitespace = true;
    CHECK(sstk::base64_decode(" AEFh\r\n/w==\t", ws) == bytes{0, 65, 97, 255});
    CHECK(sstk::base64_decode("AE Fh /w = =", ws) == bytes{0, 65, 97, 255});
    CHECK(sstk::base64_decode("  \n ", ws).empty());
    const auto e = error_of([&] { sstk::base64_decode(" AEFh\r\n/w==\t"); });
    CHECK(e.offset() == 0);
}

TEST_CASE("base64: unused trailing bits are ignored like .NET's decoders", "[base64]") {
    CHECK(sstk::base64_decode("AB==") == bytes{0x00});
    CHECK(sstk::base64_decode("AAB=") == bytes{0x00, 0x00});
    CHECK(sstk::base64_decode("AAF=") == bytes{0x00, 0x01});
}

TEST_CASE("base64: decode reuses the caller's vector and round-trips", "[base64]") {
    std::mt19937 rng(99);
    std::vector<std::uint8_t> out{9, 9, 9};
    for (std::size_t n = 0; n < 300; ++n) {
        bytes data(n);
        for (auto& b : data) b = static_cast<std::uint8_t>(rng());
        const auto text = sstk::to_base64(data);
        CHECK(text.size() == (n + 2) / 3 * 4);
        sstk::base64_decode(text, out);
        CHECK(out == data);
    }
}
