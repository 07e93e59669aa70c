// CSV reader limits (each at its edge; whole-document and streaming) and hostile input.
#include "../core/limit_checks.hpp"
#include "../core/robust_dtos.hpp"

#include <sstk/csv.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace sstk;

namespace {

template <class T = std::vector<robust::Item>>
error read_error(std::string_view doc, const csv::read_options& o = {}) {
    auto r = csv::try_read<T>(doc, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

using robust::check_limit;

std::vector<robust::Item> stream_all(const std::string& doc, const csv::read_options& o) {
    std::istringstream in(doc);
    std::vector<robust::Item> rows;
    csv::read_rows<robust::Item>(in, [&](robust::Item&& r) { rows.push_back(std::move(r)); }, o);
    return rows;
}

}  // namespace

TEST_CASE("max_string_length bounds each cell") {
    csv::read_options o;
    o.max_string_length = 16;
    const std::string at(16, 'a'), past(17, 'a');
    CHECK(csv::read<std::vector<robust::Item>>("Id,Name\n1," + at + "\n", o).at(0).Name == at);
    error e = read_error("Id,Name\n1," + past + "\n", o);
    check_limit(e, "max_string_length", 16);
    CHECK(e.line() == 2);
    CHECK(e.column() == 3);
    CHECK(csv::read<std::vector<robust::Item>>("Id,Name\n1,\"" + at + "\"\n", o).at(0).Name == at);
    check_limit(read_error("Id,Name\n1,\"" + past + "\"\n", o), "max_string_length", 16);
    // Streaming: the record being read is bounded the same way.
    o.chunk_size = 5;
    CHECK(stream_all("Id,Name\n1," + at + "\n", o).at(0).Name == at);
    CHECK_THROWS_AS(stream_all("Id,Name\n1," + past + "\n", o), error);
}

TEST_CASE("max_members bounds the cells of a row, unknown columns included") {
    csv::read_options o;
    o.max_members = 3;
    CHECK(csv::read<std::vector<robust::Item>>("Id,Name,X\n1,a,b\n", o).at(0).Id == 1);
    check_limit(read_error("Id,Name,X,Y\n1,a,b,c\n", o), "max_members", 3);
    error e = read_error("Id,Name,X\n1,a,b,c\n", o);
    check_limit(e, "max_members", 3);
    CHECK(e.line() == 2);
    o.chunk_size = 4;
    CHECK_THROWS_AS(stream_all("Id,Name,X\n1,a,b,c\n", o), error);
}

TEST_CASE("max_collection_count bounds the rows of a whole-document read only") {
    csv::read_options o;
    o.max_collection_count = 3;
    const std::string three = "Id\n1\n2\n3\n", four = three + "4\n";
    CHECK(csv::read<std::vector<robust::Item>>(three, o).size() == 3);
    const error e = read_error(four, o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "[3]");
    CHECK(e.line() == 5);
    // A stream has no document: rows go to the caller one by one.
    CHECK(stream_all(four, o).size() == 4);
    // Inside a cell, lists and maps are bounded as in JSV.
    CHECK(csv::read<std::vector<robust::Item>>("Numbers\n\"[1,2,3]\"\n", o).at(0).Numbers.size() == 3);
    const error cell = read_error("Numbers\n\"[1,2,3,4]\"\n", o);
    check_limit(cell, "max_collection_count", 3);
    CHECK(cell.path() == "[0].Numbers");
}

TEST_CASE("max_document_size at its edge") {
    const std::string doc = "Id,Name\n1,abc\n";
    csv::read_options o;
    o.max_document_size = doc.size();
    CHECK(csv::read<std::vector<robust::Item>>(doc, o).size() == 1);
    o.max_document_size = doc.size() - 1;
    check_limit(read_error(doc, o), "max_document_size", doc.size() - 1);
}

TEST_CASE("max_depth inside cells, up to 10^6 deep") {
    csv::read_options o;
    o.max_depth = 4;
    CHECK(csv::read<std::vector<robust::Bag>>("Id,Any\n1,[[[[]]]]\n", o).at(0).Any.has_value());
    error e = read_error<std::vector<robust::Bag>>("Id,Any\n1,[[[[[]]]]]\n", o);
    check_limit(e, "max_depth", 4);
    CHECK(e.path() == "[0].Any");
    CHECK(e.line() == 2);
    const std::size_t n = 1'000'000;
    const std::string deep = "Id,Any\n1," + std::string(n, '[') + std::string(n, ']') + "\n";
    check_limit(read_error<std::vector<robust::Bag>>(deep), "max_depth", 64);
    csv::read_options raised;
    raised.max_depth = n;
    check_limit(read_error<std::vector<robust::Bag>>(deep, raised), "depth_ceiling", read_limits::depth_ceiling);
}

TEST_CASE("invalid UTF-8 in a cell is an error, streamed or not") {
    error e = read_error("Id,Name\n1,a\xFF\n");
    CHECK(e.kind() == errc::syntax);
    CHECK(e.message() == "invalid UTF-8");
    CHECK(e.line() == 2);
    CHECK(e.column() == 3);
    CHECK(read_error("Id,Name\n1,\xED\xA0\x80\n").message() == "invalid UTF-8");
    CHECK(read_error("Id,Na\xC0\xAFme\n1,a\n").message() == "invalid UTF-8");
    csv::read_options o;
    o.chunk_size = 1;  // a multi-byte character split across chunks is still whole
    CHECK(stream_all("Id,Name\n1,\xC3\xA9\n", o).at(0).Name == "\xC3\xA9");
    CHECK_THROWS_AS(stream_all("Id,Name\n1,\xC3\n", o), error);
}

TEST_CASE("NUL bytes and huge numbers") {
    CHECK(csv::read<std::vector<robust::Item>>(std::string("Id,Name\n1,a\0b\n", 14)).at(0).Name == std::string("a\0b", 3));
    error e = read_error("Id,Ratio\n1,1e999999\n");
    CHECK(e.kind() == errc::out_of_range);
    CHECK(e.path() == "[0].Ratio");
    CHECK(read_error("Id\n99999999999999999999999\n").kind() == errc::out_of_range);
}
