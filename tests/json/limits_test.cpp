// JSON reader limits (each at its edge: at the limit reads, one past fails) and hostile input:
// invalid UTF-8, lone surrogates, huge numbers, 10^6-deep nesting, NUL bytes.
#include "../core/limit_checks.hpp"
#include "../core/robust_dtos.hpp"

#include <sstk/json.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

namespace {

template <class T>
error read_error(std::string_view doc, const json::read_options& o = {}) {
    auto r = json::try_read<T>(doc, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

template <class T>
bool reads(std::string_view doc, const json::read_options& o = {}) {
    auto r = json::try_read<T>(doc, o);
    if (!r) UNSCOPED_INFO(r.error().what());
    return r.has_value();
}

using robust::check_limit;

std::string nested(std::size_t levels, char open, char close) { return std::string(levels, open) + std::string(levels, close); }

}  // namespace

TEST_CASE("the defaults are documented values") {
    const json::read_options o;
    CHECK(o.max_depth == 64);
    CHECK(o.max_document_size == 64u << 20);
    CHECK(o.max_string_length == 16u << 20);
    CHECK(o.max_collection_count == 1'000'000);
    CHECK(o.max_members == 10'000);
    // Set all at once through the base.
    read_limits tight;
    tight.max_members = 3;
    json::read_options t;
    t.limits() = tight;
    CHECK(t.max_members == 3);
}

TEST_CASE("max_depth at its edge") {
    json::read_options o;
    o.max_depth = 5;
    // An unknown member's value: the object is level 1, its arrays the rest.
    CHECK(reads<robust::Item>(R"({"X":)" + nested(4, '[', ']') + "}", o));
    const error e = read_error<robust::Item>(R"({"X":)" + nested(5, '[', ']') + "}", o);
    check_limit(e, "max_depth", 5);
    CHECK(e.offset() == 5 + 4);  // the fifth '['
    // A recursive DTO: each Node is an object and its Children an array.
    CHECK(reads<robust::Node>(R"({"Children":[{"Children":[{"Name":"c"}]}]})", o));
    const error n = read_error<robust::Node>(R"({"Children":[{"Children":[{"Children":[]}]}]})", o);
    check_limit(n, "max_depth", 5);
    CHECK(n.path() == "Children[0].Children[0].Children");
    // An untyped member: boost::json's own depth limit follows ours (its default is 32).
    json::read_options deep;
    deep.max_depth = 50;
    CHECK(reads<robust::Bag>(R"({"Any":)" + nested(49, '[', ']') + "}", deep));
    check_limit(read_error<robust::Bag>(R"({"Any":)" + nested(50, '[', ']') + "}", deep), "max_depth", 50);
}

TEST_CASE("max_document_size at its edge") {
    const std::string doc = R"({"Id":1,"Name":"abc"})";
    json::read_options o;
    o.max_document_size = doc.size();
    CHECK(reads<robust::Item>(doc, o));
    o.max_document_size = doc.size() - 1;
    check_limit(read_error<robust::Item>(doc, o), "max_document_size", doc.size() - 1);
}

TEST_CASE("max_string_length at its edge") {
    json::read_options o;
    o.max_string_length = 16;
    const std::string at(16, 'a'), past(17, 'a');
    CHECK(json::read<robust::Item>(R"({"Name":")" + at + "\"}", o).Name == at);
    error e = read_error<robust::Item>(R"({"Name":")" + past + "\"}", o);
    check_limit(e, "max_string_length", 16);
    CHECK(e.path() == "Name");
    CHECK(e.offset() == 8);  // the opening quote
    // Decoded length counts: 16 escapes decode to 16 bytes.
    std::string escaped;
    for (int i = 0; i < 16; ++i) escaped += "\\n";
    CHECK(json::read<robust::Item>(R"({"Name":")" + escaped + "\"}", o).Name == std::string(16, '\n'));
    check_limit(read_error<robust::Item>(R"({"Name":")" + escaped + "\\n\"}", o), "max_string_length", 16);
    // Unquoted string values (which ServiceStack accepts) and keys count too.
    check_limit(read_error<robust::Item>(R"({"Name":)" + past + "}", o), "max_string_length", 16);
    check_limit(read_error<robust::Item>("{\"" + past + "\":1}", o), "max_string_length", 16);
}

TEST_CASE("max_collection_count at its edge") {
    json::read_options o;
    o.max_collection_count = 3;
    CHECK(json::read<robust::Item>(R"({"Numbers":[1,2,3]})", o).Numbers.size() == 3);
    error e = read_error<robust::Item>(R"({"Numbers":[1,2,3,4]})", o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "Numbers");
    CHECK(json::read<robust::Item>(R"({"Counts":{"a":1,"b":2,"c":3}})", o).Counts.size() == 3);
    check_limit(read_error<robust::Item>(R"({"Counts":{"a":1,"b":2,"c":3,"d":4}})", o), "max_collection_count", 3);
    // Skipped values are bounded alike.
    CHECK(reads<robust::Item>(R"({"X":[1,2,3]})", o));
    check_limit(read_error<robust::Item>(R"({"X":[1,2,3,4]})", o), "max_collection_count", 3);
}

TEST_CASE("max_members at its edge, unknown members included") {
    json::read_options o;
    o.max_members = 3;
    CHECK(reads<robust::Item>(R"({"Id":1,"X":2,"Y":3})", o));
    const error e = read_error<robust::Item>(R"({"Id":1,"X":2,"Y":3,"Z":4})", o);
    check_limit(e, "max_members", 3);
    CHECK(e.offset() == 20);
    CHECK(reads<robust::Item>(R"({"X":{"a":1,"b":2,"c":3}})", o));
    check_limit(read_error<robust::Item>(R"({"X":{"a":1,"b":2,"c":3,"d":4}})", o), "max_members", 3);
}

TEST_CASE("invalid UTF-8 is an error") {
    for (const std::string& bad : {std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                                  std::string("\xF4\x90\x80\x80"), std::string("\xFF"), std::string("a\x80")}) {
        const error e = read_error<robust::Item>(R"({"Name":")" + bad + "\"}");
        INFO(e.what());
        CHECK(e.kind() == errc::syntax);
        CHECK(e.message() == "invalid UTF-8");
        CHECK(e.offset() == 9 + (bad[0] == 'a' ? 1 : 0));
    }
    // Also in a member that is skipped.
    CHECK(read_error<robust::Item>("{\"X\":\"\xFF\"}").message() == "invalid UTF-8");
    // Valid multi-byte text reads as is.
    CHECK(json::read<robust::Item>("{\"Name\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}").Name == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST_CASE("lone surrogates in escapes are errors") {
    for (const char* doc : {R"({"Name":"\ud800"})", R"({"Name":"\udc00"})", R"({"Name":"\ud800x"})", R"({"Name":"\ud800\u0041"})"}) {
        const error e = read_error<robust::Item>(doc);
        INFO(e.what());
        CHECK(e.kind() == errc::invalid_value);
        CHECK(e.message().find("surrogate") != std::string::npos);
        CHECK(e.path() == "Name");
    }
    CHECK(json::read<robust::Item>(R"({"Name":"\ud83d\ude00"})").Name == "\xF0\x9F\x98\x80");
}

TEST_CASE("huge numbers are out_of_range, not infinity or garbage") {
    error e = read_error<robust::Item>(R"({"Ratio":1e999999})");
    CHECK(e.kind() == errc::out_of_range);
    CHECK(e.path() == "Ratio");
    CHECK(read_error<robust::Item>(R"({"Ratio":-1e999999})").kind() == errc::out_of_range);
    CHECK(read_error<robust::Item>(R"({"Id":99999999999999999999999999999})").kind() == errc::out_of_range);
    CHECK(read_error<robust::Item>(R"({"Id":2147483648})").kind() == errc::out_of_range);
    CHECK(json::read<robust::Item>(R"({"Id":2147483647})").Id == 2147483647);
    CHECK(read_error<robust::Item>(R"({"Id":1e999999})").path() == "Id");
    // Inside an untyped value too (fuzz_json, regressions/json/untyped_number_overflows_to_infinity).
    CHECK(read_error<robust::Bag>(R"({"Any":[1e999,0]})").kind() == errc::out_of_range);
    CHECK(read_error<robust::Bag>(R"({"Any":{"a":{"b":-1e400}}})").kind() == errc::out_of_range);
    CHECK(json::read<robust::Bag>(R"({"Any":[1e308,0]})").Any->at(0).as_double() == 1e308);
    // A number of a million digits is read (and refused) without trouble.
    CHECK(read_error<robust::Item>(R"({"Id":)" + std::string(1'000'000, '9') + "}").kind() == errc::out_of_range);
    CHECK(read_error<decimal>(std::string(1'000'000, '9')).kind() == errc::out_of_range);
}

TEST_CASE("10^6-deep nesting stops at the depth limit, raised or not") {
    const std::size_t n = 1'000'000;
    const std::string arrays = nested(n, '[', ']');
    std::string objects;
    for (std::size_t i = 0; i < n; ++i) objects += R"({"a":)";
    objects += "1" + std::string(n, '}');
    for (const std::string* doc : std::initializer_list<const std::string*>{&arrays, &objects}) {
        check_limit(read_error<robust::Bag>(R"({"Any":)" + *doc + "}"), "max_depth", 64);
        check_limit(read_error<robust::Item>(R"({"X":)" + *doc + "}"), "max_depth", 64);
        // Raised past what the stack can take: the reader stops at read_limits::depth_ceiling.
        json::read_options raised;
        raised.max_depth = n;
        check_limit(read_error<robust::Item>(R"({"X":)" + *doc + "}", raised), "depth_ceiling", read_limits::depth_ceiling);
        check_limit(read_error<robust::Bag>(R"({"Any":)" + *doc + "}", raised), "depth_ceiling", read_limits::depth_ceiling);
    }
    std::string nodes;  // never closed: the reader stops long before the end
    for (std::size_t i = 0; i < n; ++i) nodes += R"({"Children":[)";
    json::read_options raised;
    raised.max_depth = n;
    check_limit(read_error<robust::Node>(nodes, raised), "depth_ceiling", read_limits::depth_ceiling);
    // Up to the ceiling a recursive DTO really is read.
    std::string ok;
    const std::size_t levels = (read_limits::depth_ceiling - 1) / 2;  // two levels each, plus the innermost {}
    for (std::size_t i = 0; i < levels; ++i) ok += R"({"Children":[)";
    ok += "{}";
    for (std::size_t i = 0; i < levels; ++i) ok += "]}";
    CHECK(reads<robust::Node>(ok, raised));
}

TEST_CASE("NUL bytes: data inside strings, an error elsewhere") {
    const std::string with_nul = std::string(R"({"Name":"a)") + '\0' + "b\"}";
    CHECK(json::read<robust::Item>(with_nul).Name == std::string("a\0b", 3));
    CHECK(json::read<robust::Item>(R"({"Name":"a\u0000b"})").Name == std::string("a\0b", 3));
    const error e = read_error<robust::Item>(std::string(R"({"Id":1)") + '\0' + "}");
    CHECK(e.kind() == errc::invalid_value);  // "1\0" is no number
    CHECK(e.path() == "Id");
    CHECK(read_error<robust::Item>(std::string("\0", 1)).offset() == 0);
}

TEST_CASE("both dialects are bounded alike") {
    // System.Text.Json writes camelCase; the same reader and limits apply.
    json::write_options stj = json::write_options::for_dialect(json::dialect::system_text_json);
    robust::Item item;
    item.Numbers = {1, 2, 3, 4};
    const std::string doc = json::write(item, stj);
    CHECK(doc.find("\"numbers\"") != std::string::npos);
    json::read_options o;
    o.max_collection_count = 4;
    CHECK(json::read<robust::Item>(doc, o) == item);
    o.max_collection_count = 3;
    check_limit(read_error<robust::Item>(doc, o), "max_collection_count", 3);
}
