#include <sstk/types/guid.hpp>

#include <catch2/catch.hpp>

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

}  // namespace

TEST_CASE("guid: empty is all zeros in every spelling", "[guid]") {
    const auto g = sstk::guid::empty();
    CHECK(g.is_empty());
    CHECK(g == sstk::guid());
    // DataContract XML (guids.xml, root_guid.xml) and ServiceStack JSON (live EchoTypes vector).
    CHECK(g.to_string() == "00000000-0000-0000-0000-000000000000");
    CHECK(g.to_string(sstk::guid_format::n) == "00000000000000000000000000000000");
    CHECK(sstk::guid::parse("00000000-0000-0000-0000-000000000000").is_empty());
    CHECK(sstk::guid::parse("00000000000000000000000000000000").is_empty());
}

TEST_CASE("guid: golden spellings", "[guid]") {
    // vectors/datacontract/guids.xml, seed_PasswordReset_guid.xml
    const auto g = sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    CHECK_FALSE(g.is_empty());
    CHECK(g.bytes()[0] == 0x0f);
    CHECK(g.bytes()[15] == 0x0e);
    CHECK(g.to_string() == "0f8fad5b-d9cb-469f-a165-70867728950e");
    CHECK(g.to_string(sstk::guid_format::n) == "0f8fad5bd9cb469fa16570867728950e");
    CHECK(g.to_string(sstk::guid_format::b) == "{0f8fad5b-d9cb-469f-a165-70867728950e}");
    CHECK(g.to_string(sstk::guid_format::p) == "(0f8fad5b-d9cb-469f-a165-70867728950e)");
    CHECK(g.to_string(sstk::guid_format::d, true) == "0F8FAD5B-D9CB-469F-A165-70867728950E");
    CHECK(sstk::to_string(g) == "0f8fad5b-d9cb-469f-a165-70867728950e");

    // ServiceStack.Text.Tests AutoMappingTests: upper-case D in, lower-case N out.
    CHECK(sstk::guid::parse("98ECE840-0BE4-452E-B6AD-7C3A4404F119").to_string(sstk::guid_format::n) ==
          "98ece8400be4452eb6ad7c3a4404f119");
    // dotnet/runtime DCS_GuidAsRoot
    CHECK(sstk::guid::parse("b6170a18-3dd7-4a9b-b5d6-21033b5ad162").to_string() ==
          "b6170a18-3dd7-4a9b-b5d6-21033b5ad162");
}

TEST_CASE("guid: append_to appends to the caller's buffer", "[guid]") {
    const auto g = sstk::guid::parse("0f8fad5bd9cb469fa16570867728950e");
    std::string out = "\"";
    g.append_to(out, sstk::guid_format::n);
    out += '"';
    CHECK(out == "\"0f8fad5bd9cb469fa16570867728950e\"");
}

TEST_CASE("guid: parses N, D, B and P in either case", "[guid]") {
    const auto g = sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    for (const char* s : {"0f8fad5bd9cb469fa16570867728950e", "0F8FAD5BD9CB469FA16570867728950E",
                          "0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E",
                          "0f8FAD5b-D9cb-469F-a165-70867728950E", "{0f8fad5b-d9cb-469f-a165-70867728950e}",
                          "{0F8FAD5B-D9CB-469F-A165-70867728950E}", "(0f8fad5b-d9cb-469f-a165-70867728950e)"}) {
        INFO(s);
        CHECK(sstk::guid::parse(s) == g);
    }
    CHECK(sstk::guid::parse("{0f8fad5b-d9cb-469f-a165-70867728950e}", sstk::guid_format::b) == g);
    CHECK(sstk::guid::parse("0f8fad5bd9cb469fa16570867728950e", sstk::guid_format::n) == g);
}

TEST_CASE("guid: parse errors name the wrong byte", "[guid]") {
    auto e = error_of([] { sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950g"); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 35);
    CHECK(e.message().find("hex digit") != std::string::npos);
    CHECK(e.message().find("byte 15") != std::string::npos);

    e = error_of([] { sstk::guid::parse("0f8fad5bxd9cb-469f-a165-70867728950e"); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 8);
    CHECK(e.message().find("'-'") != std::string::npos);

    e = error_of([] { sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950"); });  // 35 chars
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.message().find("35") != std::string::npos);

    e = error_of([] { sstk::guid::parse(""); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 0);

    e = error_of([] { sstk::guid::parse("[0f8fad5b-d9cb-469f-a165-70867728950e]"); });
    CHECK(e.offset() == 0);

    e = error_of([] { sstk::guid::parse("{0f8fad5b-d9cb-469f-a165-70867728950e)"); });  // mismatched
    CHECK(e.offset() == 37);

    e = error_of([] { sstk::guid::parse(" 0f8fad5bd9cb469fa16570867728950e"); });  // 33 chars
    CHECK(e.kind() == sstk::errc::syntax);

    e = error_of([] { sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e", sstk::guid_format::n); });
    CHECK(e.offset() == 8);  // a dash where N expects a digit

    e = error_of([] { sstk::guid::parse("0f8fad5bd9cb469fa16570867728950e", sstk::guid_format::d); });
    CHECK(e.offset() == 8);  // a digit where D expects a dash

    e = error_of([] { sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e00", sstk::guid_format::d); });
    CHECK(e.offset() == 36);  // trailing characters

    e = error_of([] { sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950\x01"); });
    CHECK(e.message().find("0x01") != std::string::npos);

    const auto r = sstk::guid::try_parse("nope");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::syntax);
    const auto ok = sstk::guid::try_parse("0f8fad5bd9cb469fa16570867728950e");
    REQUIRE(ok.has_value());
    CHECK(ok->to_string() == "0f8fad5b-d9cb-469f-a165-70867728950e");
}

TEST_CASE("guid: ToByteArray order swaps the first three fields", "[guid]") {
    // new Guid("00112233-4455-6677-8899-aabbccddeeff").ToByteArray()
    const auto g = sstk::guid::parse("00112233-4455-6677-8899-aabbccddeeff");
    const sstk::guid::bytes_type expected{0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
                                          0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    CHECK(g.to_dotnet_bytes() == expected);
    CHECK(sstk::guid::from_dotnet_bytes(expected) == g);
    const auto r = sstk::guid::random();
    CHECK(sstk::guid::from_dotnet_bytes(r.to_dotnet_bytes()) == r);
}

TEST_CASE("guid: random is version 4, RFC 4122 variant, and round-trips", "[guid]") {
    std::unordered_set<sstk::guid> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto g = sstk::guid::random();
        CHECK((g.bytes()[6] >> 4) == 4);
        CHECK((g.bytes()[8] & 0xC0) == 0x80);
        CHECK(g.to_string()[14] == '4');
        CHECK(sstk::guid::parse(g.to_string()) == g);
        CHECK(sstk::guid::parse(g.to_string(sstk::guid_format::n, true)) == g);
        CHECK(sstk::guid::parse(g.to_string(sstk::guid_format::b)) == g);
        CHECK(sstk::guid::parse(g.to_string(sstk::guid_format::p, true)) == g);
        seen.insert(g);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("guid: ordering follows the text, hashing distinguishes bytes", "[guid]") {
    const auto a = sstk::guid::parse("00000000-0000-0000-0000-000000000001");
    const auto b = sstk::guid::parse("00000000-0000-0000-0000-000000000100");
    const auto c = sstk::guid::parse("ffffffff-0000-0000-0000-000000000000");
    CHECK(a < b);
    CHECK(b < c);
    CHECK(sstk::guid::empty() < a);
    CHECK(a != b);
    CHECK(std::hash<sstk::guid>{}(a) != std::hash<sstk::guid>{}(b));
    CHECK(std::hash<sstk::guid>{}(a) == std::hash<sstk::guid>{}(sstk::guid::parse("00000000000000000000000000000001")));
    std::unordered_set<sstk::guid> set{a, b, c, a};
    CHECK(set.size() == 3);
}
