// A string past max_string_length fails fast, before the reader allocates anything of its size;
// with the limit raised (or at the 16 MiB default) a large string reads. The largest single
// allocation is measured with a replaced operator new where that is possible (not under ASan,
// which interposes operator new itself).
#include "robust_dtos.hpp"

#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#if defined(__SANITIZE_ADDRESS__)
#define SSTK_TRACK_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SSTK_TRACK_ALLOCATIONS 0
#endif
#endif
#ifndef SSTK_TRACK_ALLOCATIONS
#define SSTK_TRACK_ALLOCATIONS 1
#endif

namespace {
std::atomic<std::size_t> largest{0};
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#if SSTK_TRACK_ALLOCATIONS
void* operator new(std::size_t n) {
    std::size_t seen = largest.load(std::memory_order_relaxed);
    while (n > seen && !largest.compare_exchange_weak(seen, n, std::memory_order_relaxed)) {
    }
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

using namespace sstk;

namespace {

constexpr std::size_t big = 16'000'000;  // under the 16 MiB default
constexpr std::size_t small_limit = 1 << 20;

// Runs a read that must fail on max_string_length; returns the largest allocation it made.
template <class F>
std::size_t failing_read(F&& read) {
    largest.store(0);
    try {
        read();
        FAIL("the read did not fail");
    } catch (const error& e) {
        INFO(e.what());
        CHECK(e.kind() == errc::limit_exceeded);
        CHECK(e.message().find("max_string_length (1048576)") != std::string::npos);
    }
    return largest.load();
}

void check_no_large_allocation(std::size_t bytes, std::size_t allowed) {
#if SSTK_TRACK_ALLOCATIONS
    INFO("largest allocation: " << bytes);
    CHECK(bytes <= allowed);
#else
    (void)bytes;
    (void)allowed;
#endif
}

}  // namespace

TEST_CASE("JSON: a long string fails before it is copied, and reads below the limit") {
    const std::string doc = R"({"Name":")" + std::string(big, 'x') + "\"}";
    json::read_options o;
    o.max_string_length = small_limit;
    check_no_large_allocation(failing_read([&] { (void)json::read<robust::Item>(doc, o); }), 64 * 1024);
    CHECK(json::read<robust::Item>(doc).Name.size() == big);
}

TEST_CASE("XML: a long string fails before it is copied (the document itself is parsed in a copy)") {
    const std::string doc = R"(<Item xmlns="http://schemas.datacontract.org/2004/07/Robust"><Name>)" + std::string(big, 'x') + "</Name></Item>";
    xml::read_options o;
    o.max_string_length = small_limit;
    check_no_large_allocation(failing_read([&] { (void)xml::read<robust::Item>(doc, o); }), doc.size() + 64 * 1024);
    CHECK(xml::read<robust::Item>(doc).Name.size() == big);
}

TEST_CASE("JSV: a long string fails as soon as it passes the limit") {
    const std::string doc = "{Name:" + std::string(big, 'x') + "}";
    const std::string quoted = "{Name:\"" + std::string(big, 'x') + "\"}";
    jsv::read_options o;
    o.max_string_length = small_limit;
    check_no_large_allocation(failing_read([&] { (void)jsv::read<robust::Item>(doc, o); }), 64 * 1024);
    check_no_large_allocation(failing_read([&] { (void)jsv::read<robust::Item>(quoted, o); }), 2 * small_limit + 64 * 1024);
    CHECK(jsv::read<robust::Item>(doc).Name.size() == big);
    CHECK(jsv::read<robust::Item>(quoted).Name.size() == big);
}

TEST_CASE("CSV: a long cell fails as soon as it passes the limit") {
    const std::string doc = "Id,Name\n1," + std::string(big, 'x') + "\n";
    csv::read_options o;
    o.max_string_length = small_limit;
    check_no_large_allocation(failing_read([&] { (void)csv::read<std::vector<robust::Item>>(doc, o); }), 2 * small_limit + 64 * 1024);
    CHECK(csv::read<std::vector<robust::Item>>(doc).at(0).Name.size() == big);
}

TEST_CASE("query: a long value fails before it is decoded") {
    const std::string doc = "id=1&name=" + std::string(big, 'x');
    query::read_options o;
    o.max_string_length = small_limit;
    check_no_large_allocation(failing_read([&] { (void)query::read<robust::Item>(doc, o); }), 64 * 1024);
    CHECK(query::read<robust::Item>(doc).Name.size() == big);
}
