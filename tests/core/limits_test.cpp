// sstk::read_limits, its error helpers, and the UTF-8 validator the text readers share.
#include <sstk/core/limits.hpp>
#include <sstk/core/utf8.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

TEST_CASE("read_limits defaults and the depth ceiling") {
    const read_limits l;
    CHECK(l.max_depth == 64);
    CHECK(l.max_document_size == 64u << 20);
    CHECK(l.max_string_length == 16u << 20);
    CHECK(l.max_collection_count == 1'000'000);
    CHECK(l.max_members == 10'000);
    CHECK(l.depth() == 64);
    read_limits raised;
    raised.max_depth = 1'000'000;
    CHECK(raised.depth() == read_limits::depth_ceiling);
    CHECK(depth_error(l, 5).message() == "nesting exceeds max_depth (64)");
    CHECK(depth_error(raised, 5).message() == "nesting exceeds read_limits::depth_ceiling (" + std::to_string(read_limits::depth_ceiling) + ")");
}

TEST_CASE("limit checks pass at the limit and fail one past it") {
    read_limits l;
    l.max_document_size = 10;
    l.max_string_length = 4;
    l.max_collection_count = 2;
    l.max_members = 3;
    CHECK_NOTHROW(check_document_size(10, l));
    CHECK_NOTHROW(check_string_length(4, l));
    CHECK_NOTHROW(check_collection_count(2, l));
    CHECK_NOTHROW(check_member_count(3, l));
    try {
        check_string_length(5, l, 17);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.kind() == errc::limit_exceeded);
        CHECK(e.message() == "string exceeds max_string_length (4)");
        CHECK(e.offset() == 17);
    }
    CHECK_THROWS_AS(check_document_size(11, l), error);
    CHECK_THROWS_AS(check_collection_count(3, l), error);
    CHECK_THROWS_AS(check_member_count(4, l), error);
}

TEST_CASE("UTF-8 validation follows the Unicode Standard's table 3-7") {
    CHECK(find_invalid_utf8("") == error::npos);
    CHECK(find_invalid_utf8("plain ascii, longer than eight bytes") == error::npos);
    CHECK(find_invalid_utf8("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF") == error::npos);
    CHECK(find_invalid_utf8("ab\x80") == 2);                 // a lone continuation byte
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);             // overlong '/'
    CHECK(find_invalid_utf8("ab\xC1\xBF") == 2);             // overlong
    CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);           // overlong three-byte
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);           // U+D800
    CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0);           // U+DFFF
    CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);       // overlong four-byte
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);       // above U+10FFFF
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xFF") == 0);
    CHECK(find_invalid_utf8("0123456789\xE2\x82") == 10);    // truncated at the end
    CHECK(find_invalid_utf8("\xE2\x82x") == 0);              // truncated inside
    CHECK(find_invalid_utf8(std::string("a\0b", 3)) == error::npos);  // NUL is valid UTF-8
    CHECK_THROWS_AS(check_utf8("\xFF"), error);
    try {
        check_utf8("xyz\xFF", 100);
    } catch (const error& e) {
        CHECK(e.message() == "invalid UTF-8");
        CHECK(e.offset() == 103);
    }
}
