// JSV reader limits (each at its edge) and hostile input: invalid UTF-8, huge numbers,
// 10^6-deep nesting, NUL bytes.
#include "../core/limit_checks.hpp"
#include "../core/robust_dtos.hpp"

#include <sstk/jsv.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

namespace {

template <class T = robust::Item>
error read_error(std::string_view doc, const jsv::read_options& o = {}) {
    auto r = jsv::try_read<T>(doc, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

template <class T = robust::Item>
bool reads(std::string_view doc, const jsv::read_options& o = {}) {
    auto r = jsv::try_read<T>(doc, o);
    if (!r) UNSCOPED_INFO(r.error().what());
    return r.has_value();
}

using robust::check_limit;

std::string nested(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

}  // namespace

TEST_CASE("max_depth at its edge") {
    jsv::read_options o;
    o.max_depth = 5;
    CHECK(reads("{X:" + nested(4) + "}", o));  // skipped: the object and four lists
    error e = read_error("{X:" + nested(5) + "}", o);
    check_limit(e, "max_depth", 5);
    CHECK(e.offset() == 7);  // the fifth '['
    CHECK(reads<robust::Bag>("{Any:" + nested(4) + "}", o));
    check_limit(read_error<robust::Bag>("{Any:" + nested(5) + "}", o), "max_depth", 5);
    CHECK(reads<robust::Node>("{Children:[{Children:[{Name:c}]}]}", o));
    e = read_error<robust::Node>("{Children:[{Children:[{Children:[]}]}]}", o);
    check_limit(e, "max_depth", 5);
    CHECK(e.path() == "Children[0].Children[0].Children");
}

TEST_CASE("max_document_size at its edge") {
    const std::string doc = "{Id:1,Name:abc}";
    jsv::read_options o;
    o.max_document_size = doc.size();
    CHECK(reads(doc, o));
    o.max_document_size = doc.size() - 1;
    check_limit(read_error(doc, o), "max_document_size", doc.size() - 1);
}

TEST_CASE("max_string_length at its edge") {
    jsv::read_options o;
    o.max_string_length = 16;
    const std::string at(16, 'a'), past(17, 'a');
    CHECK(jsv::read<robust::Item>("{Name:" + at + "}", o).Name == at);
    error e = read_error("{Name:" + past + "}", o);
    check_limit(e, "max_string_length", 16);
    CHECK(e.path() == "Name");
    CHECK(e.offset() == 6);
    CHECK(jsv::read<robust::Item>("{Name:\"" + at + "\"}", o).Name == at);
    check_limit(read_error("{Name:\"" + past + "\"}", o), "max_string_length", 16);
    // "" is one quote: 16 of them decode to 16 bytes.
    std::string quotes;
    for (int i = 0; i < 16; ++i) quotes += "\"\"";
    CHECK(jsv::read<robust::Item>("{Name:\"" + quotes + "\"}", o).Name == std::string(16, '"'));
    check_limit(read_error("{Name:\"" + quotes + "x\"}", o), "max_string_length", 16);
    // A whole document read as a string.
    CHECK(jsv::read<std::string>(at, o) == at);
    check_limit(read_error<std::string>(past, o), "max_string_length", 16);
}

TEST_CASE("max_collection_count at its edge") {
    jsv::read_options o;
    o.max_collection_count = 3;
    CHECK(jsv::read<robust::Item>("{Numbers:[1,2,3]}", o).Numbers.size() == 3);
    error e = read_error("{Numbers:[1,2,3,4]}", o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "Numbers");
    CHECK(jsv::read<robust::Item>("{Counts:{a:1,b:2,c:3}}", o).Counts.size() == 3);
    check_limit(read_error("{Counts:{a:1,b:2,c:3,d:4}}", o), "max_collection_count", 3);
    CHECK(jsv::read<std::vector<int>>("1,2,3", o).size() == 3);  // a list without brackets
    check_limit(read_error<std::vector<int>>("1,2,3,4", o), "max_collection_count", 3);
    CHECK(reads<robust::Bag>("{Any:[1,2,3]}", o));
    check_limit(read_error<robust::Bag>("{Any:[1,2,3,4]}", o), "max_collection_count", 3);
}

TEST_CASE("max_members at its edge, unknown members included") {
    jsv::read_options o;
    o.max_members = 3;
    CHECK(reads("{Id:1,X:2,Y:3}", o));
    const error e = read_error("{Id:1,X:2,Y:3,Z:4}", o);
    check_limit(e, "max_members", 3);
    CHECK(e.offset() == 14);
    CHECK(reads<robust::Bag>("{Any:{a:1,b:2,c:3}}", o));
    check_limit(read_error<robust::Bag>("{Any:{a:1,b:2,c:3,d:4}}", o), "max_members", 3);
}

TEST_CASE("invalid UTF-8 is an error") {
    for (const std::string& bad : {std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("\xFF")}) {
        const error e = read_error("{Name:" + bad + "}");
        CHECK(e.kind() == errc::syntax);
        CHECK(e.message() == "invalid UTF-8");
        CHECK(e.offset() == 6);
    }
    CHECK(jsv::read<robust::Item>("{Name:\xC3\xA9}").Name == "\xC3\xA9");
}

TEST_CASE("huge numbers are out_of_range") {
    error e = read_error("{Ratio:1e999999}");
    CHECK(e.kind() == errc::out_of_range);
    CHECK(e.path() == "Ratio");
    CHECK(read_error("{Id:99999999999999999999999}").kind() == errc::out_of_range);
    CHECK(read_error("{Id:" + std::string(1'000'000, '9') + "}").kind() == errc::out_of_range);
}

TEST_CASE("10^6-deep nesting stops at the depth limit, raised or not") {
    const std::size_t n = 1'000'000;
    std::string objects;
    for (std::size_t i = 0; i < n; ++i) objects += "{A:";
    objects += "1" + std::string(n, '}');
    const std::string lists = nested(n);
    jsv::read_options raised;
    raised.max_depth = n;
    for (const std::string* doc : std::initializer_list<const std::string*>{&objects, &lists}) {
        check_limit(read_error("{X:" + *doc + "}"), "max_depth", 64);
        check_limit(read_error<robust::Bag>("{Any:" + *doc + "}"), "max_depth", 64);
        check_limit(read_error<robust::Bag>("{Any:" + *doc + "}", raised), "depth_ceiling", read_limits::depth_ceiling);
        // Skipped values are scanned, not recursed: the ceiling holds as well.
        check_limit(read_error("{X:" + *doc + "}", raised), "depth_ceiling", read_limits::depth_ceiling);
    }
    std::string nodes;
    for (std::size_t i = 0; i < n; ++i) nodes += "{Children:[";
    check_limit(read_error<robust::Node>(nodes, raised), "depth_ceiling", read_limits::depth_ceiling);
}

TEST_CASE("NUL bytes are data") {
    CHECK(jsv::read<robust::Item>(std::string("{Name:a\0b}", 10)).Name == std::string("a\0b", 3));
    CHECK(jsv::read<robust::Item>(std::string("{Name:\"a\0b\"}", 12)).Name == std::string("a\0b", 3));
    CHECK(read_error(std::string("{Id:1\0}", 7)).path() == "Id");
}
