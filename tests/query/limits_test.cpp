// Query-string / form reader limits (each at its edge) and hostile input, checked on the text
// after percent-decoding.
#include "../core/limit_checks.hpp"
#include "../core/robust_dtos.hpp"

#include <sstk/query.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

namespace {

template <class T = robust::Item>
error read_error(std::string_view doc, const query::read_options& o = {}) {
    auto r = query::try_read<T>(doc, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

using robust::check_limit;

}  // namespace

TEST_CASE("max_members bounds the pairs, unknown keys included") {
    query::read_options o;
    o.max_members = 3;
    CHECK(query::read<robust::Item>("id=1&x=2&y", o).Id == 1);
    const error e = read_error("id=1&x=2&y=3&z=4", o);
    check_limit(e, "max_members", 3);
    CHECK(e.offset() == 13);
}

TEST_CASE("max_string_length bounds each decoded key and value, and joined values") {
    query::read_options o;
    o.max_string_length = 16;
    const std::string at(16, 'a'), past(17, 'a');
    CHECK(query::read<robust::Item>("name=" + at, o).Name == at);
    error e = read_error("name=" + past, o);
    check_limit(e, "max_string_length", 16);
    CHECK(e.offset() == 5);
    std::string escaped;
    for (int i = 0; i < 16; ++i) escaped += "%41";
    CHECK(query::read<robust::Item>("name=" + escaped, o).Name == std::string(16, 'A'));  // 48 bytes raw, 16 decoded
    check_limit(read_error("name=" + escaped + "%41", o), "max_string_length", 16);
    CHECK(query::read<robust::Item>("name=aaaaaaaa&name=aaaaaaa", o).Name == "aaaaaaaa,aaaaaaa");
    check_limit(read_error("name=aaaaaaaa&name=aaaaaaaa", o), "max_string_length", 16);
    check_limit(read_error(past + "=1", o), "max_string_length", 16);
}

TEST_CASE("max_collection_count and max_depth inside values") {
    query::read_options o;
    o.max_collection_count = 3;
    CHECK(query::read<robust::Item>("numbers=1,2,3", o).Numbers.size() == 3);
    error e = read_error("numbers=1,2,3,4", o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "Numbers");
    check_limit(read_error("numbers=1&numbers=2&numbers=3&numbers=4", o), "max_collection_count", 3);
    CHECK(query::read<robust::Item>("counts={a:1,b:2,c:3}", o).Counts.size() == 3);
    check_limit(read_error("counts={a:1,b:2,c:3,d:4}", o), "max_collection_count", 3);

    query::read_options d;
    d.max_depth = 4;
    CHECK(query::read<robust::Bag>("any=[[[[]]]]", d).Any.has_value());
    check_limit(read_error<robust::Bag>("any=[[[[[]]]]]", d), "max_depth", 4);
    const std::size_t n = 1'000'000;
    const std::string deep = "any=" + std::string(n, '[') + std::string(n, ']');
    check_limit(read_error<robust::Bag>(deep), "max_depth", 64);
    query::read_options raised;
    raised.max_depth = n;
    check_limit(read_error<robust::Bag>(deep, raised), "depth_ceiling", read_limits::depth_ceiling);
    std::string objects = "any=";
    for (std::size_t i = 0; i < n; ++i) objects += "{A:";
    check_limit(read_error<robust::Bag>(objects, raised), "depth_ceiling", read_limits::depth_ceiling);
}

TEST_CASE("max_document_size at its edge") {
    const std::string doc = "id=1&name=abc";
    query::read_options o;
    o.max_document_size = doc.size();
    CHECK(query::read<robust::Item>(doc, o).Id == 1);
    o.max_document_size = doc.size() - 1;
    check_limit(read_error(doc, o), "max_document_size", doc.size() - 1);
}

TEST_CASE("invalid UTF-8 after percent-decoding is an error") {
    for (const char* bad : {"name=%FF", "name=%C0%AF", "name=%ED%A0%80", "name=%C3", "name=a\xFF"}) {
        const error e = read_error(bad);
        INFO(bad);
        CHECK(e.kind() == errc::syntax);
        CHECK(e.message().find("invalid UTF-8") != std::string::npos);
        CHECK(e.offset() == 5);
    }
    CHECK(read_error("na%FFme=1").offset() == 0);
    CHECK(query::read<robust::Item>("name=%C3%A9").Name == "\xC3\xA9");
}

TEST_CASE("NUL bytes are data; huge numbers are out_of_range") {
    CHECK(query::read<robust::Item>("name=a%00b").Name == std::string("a\0b", 3));
    const error e = read_error("ratio=1e999999");
    CHECK(e.kind() == errc::out_of_range);
    CHECK(e.path() == "Ratio");
    CHECK(read_error("id=99999999999999999999999").kind() == errc::out_of_range);
}
