#include <sstk/types/char16.hpp>

#include <catch2/catch.hpp>

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

std::string utf8(char16_t c) {
    std::string s;
    sstk::append_char16_utf8(s, c);
    return s;
}
std::string number(char16_t c) {
    std::string s;
    sstk::append_char16_number(s, c);
    return s;
}

}  // namespace

TEST_CASE("char16: UTF-8 spelling (ServiceStack JSON/JSV one-char strings)", "[char16]") {
    CHECK(utf8(u'A') == "A");
    CHECK(utf8(u'x') == "x");
    CHECK(utf8(u'\0') == std::string(1, '\0'));  // JSON escapes it as \u0000; that is the codec's job
    CHECK(utf8(u'\u00E9') == "\xC3\xA9");
    CHECK(utf8(u'\u00F1') == "\xC3\xB1");
    CHECK(utf8(u'\u07FF') == "\xDF\xBF");
    CHECK(utf8(u'\u0800') == "\xE0\xA0\x80");
    CHECK(utf8(u'\u20AC') == "\xE2\x82\xAC");
    CHECK(utf8(u'\uFFFF') == "\xEF\xBF\xBF");
}

TEST_CASE("char16: a lone surrogate has no UTF-8 form", "[char16]") {
    // bool_char vector: HighSurrogate = 55357 (0xD83D)
    std::string out = "ab";
    CHECK_FALSE(sstk::try_append_char16_utf8(out, static_cast<char16_t>(55357)));
    CHECK(out == "ab");  // nothing appended, so the caller can escape it instead
    CHECK_FALSE(sstk::try_append_char16_utf8(out, static_cast<char16_t>(0xDFFF)));
    const auto e = error_of([] { utf8(static_cast<char16_t>(0xD800)); });
    CHECK(e.kind() == sstk::errc::invalid_value);
    CHECK(e.message().find("D800") != std::string::npos);
    CHECK(sstk::is_surrogate(static_cast<char16_t>(0xDC00)));
    CHECK_FALSE(sstk::is_surrogate(u'\uE000'));
}

TEST_CASE("char16: decode exactly one UTF-16 unit from UTF-8", "[char16]") {
    CHECK(sstk::parse_char16_utf8("A") == u'A');
    CHECK(sstk::parse_char16_utf8(std::string(1, '\0')) == u'\0');
    CHECK(sstk::parse_char16_utf8("\xC3\xA9") == u'\u00E9');
    CHECK(sstk::parse_char16_utf8("\xEF\xBF\xBF") == u'\uFFFF');

    struct row {
        std::string text;
        sstk::errc kind;
        std::size_t offset;
    };
    const row rows[] = {
        {"", sstk::errc::invalid_value, 0},
        {"AB", sstk::errc::invalid_value, 1},
        {"\xC3\xA9x", sstk::errc::invalid_value, 2},
        {"\xF0\x9F\x98\x80", sstk::errc::invalid_value, 0},  // U+1F600 needs a surrogate pair
        {"\xED\xA0\xBD", sstk::errc::syntax, 0},             // CESU-style encoded surrogate
        {"\xC0\x80", sstk::errc::syntax, 0},                 // overlong NUL
        {"\xE0\x80\x80", sstk::errc::syntax, 0},             // overlong
        {"\xC3", sstk::errc::syntax, 1},                     // truncated
        {"\xC3(", sstk::errc::syntax, 1},                    // bad continuation
        {"\x80", sstk::errc::syntax, 0},                     // continuation as lead
        {"\xFF", sstk::errc::syntax, 0},
        {"\xF4\x90\x80\x80", sstk::errc::syntax, 0},  // above U+10FFFF
    };
    for (const auto& r : rows) {
        INFO(r.text.size());
        const auto e = error_of([&] { sstk::parse_char16_utf8(r.text); });
        CHECK(e.kind() == r.kind);
        CHECK(e.offset() == r.offset);
    }
    REQUIRE_FALSE(sstk::try_parse_char16_utf8("AB").has_value());
    CHECK(sstk::try_parse_char16_utf8("A").value() == u'A');
}

TEST_CASE("char16: every non-surrogate unit round-trips through UTF-8", "[char16]") {
    for (unsigned u = 0; u <= 0xFFFF; ++u) {
        const auto c = static_cast<char16_t>(u);
        std::string s;
        if (!sstk::try_append_char16_utf8(s, c)) {
            CHECK(sstk::is_surrogate(c));
            continue;
        }
        if (sstk::parse_char16_utf8(s) != c) FAIL("round trip failed for " << u);
    }
}

TEST_CASE("char16: DataContract XML writes the code unit as a number", "[char16]") {
    // vectors/datacontract/bool_char.xml, nullables_values.xml, lists_primitive.xml;
    // dotnet/runtime DCS_CharAsRoot ('a' 97, '\u00F1' 241, MinValue 0, MaxValue 65535)
    CHECK(number(u'A') == "65");
    CHECK(number(u'<') == "60");
    CHECK(number(u'\0') == "0");
    CHECK(number(u'\u00E9') == "233");
    CHECK(number(static_cast<char16_t>(55357)) == "55357");
    CHECK(number(u'x') == "120");
    CHECK(number(u'a') == "97");
    CHECK(number(u'\u00F1') == "241");
    CHECK(number(u'\uFFFF') == "65535");

    CHECK(sstk::parse_char16_number("65") == u'A');
    CHECK(sstk::parse_char16_number(" 97 ") == u'a');
    CHECK(sstk::parse_char16_number("55357") == static_cast<char16_t>(55357));
    CHECK(sstk::parse_char16_number("65535") == u'\uFFFF');
    auto e = error_of([] { sstk::parse_char16_number("65536"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_char16_number("-1"); });
    CHECK(e.kind() == sstk::errc::out_of_range);
    e = error_of([] { sstk::parse_char16_number("A"); });
    CHECK(e.kind() == sstk::errc::syntax);
    CHECK(e.offset() == 0);
    e = error_of([] { sstk::parse_char16_number(""); });
    CHECK(e.kind() == sstk::errc::syntax);
    REQUIRE_FALSE(sstk::try_parse_char16_number("x").has_value());

    for (unsigned u = 0; u <= 0xFFFF; ++u) {
        const auto c = static_cast<char16_t>(u);
        if (sstk::parse_char16_number(number(c)) != c) FAIL("round trip failed for " << u);
    }
}
