#include <sstk/core/error.hpp>
#include <sstk/core/result.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

TEST_CASE("error carries kind, message, path, offset, line and column") {
    sstk::error e(sstk::errc::invalid_value, "expected a Guid", 57);
    e.prepend_member("ErrorCode").prepend_index(2).prepend_member("Errors").prepend_member("ResponseStatus");
    CHECK(e.path() == "ResponseStatus.Errors[2].ErrorCode");
    CHECK(e.kind() == sstk::errc::invalid_value);
    CHECK(e.offset() == 57);
    CHECK(e.line() == 0);
    CHECK(std::string(e.what()) == "invalid value at ResponseStatus.Errors[2].ErrorCode (byte 57): expected a Guid");
}

TEST_CASE("dictionary keys are quoted and escaped in the path") {
    sstk::error e(sstk::errc::type_mismatch, "expected a string");
    e.prepend_key("k\"1").prepend_member("Meta").prepend_member("ResponseStatus");
    CHECK(e.path() == "ResponseStatus.Meta[\"k\\\"1\"]");
    sstk::error root(sstk::errc::syntax, "x");
    root.prepend_index(0);
    CHECK(root.path() == "[0]");
    root.prepend_member("Results");
    CHECK(root.path() == "Results[0]");
}

TEST_CASE("locate computes 1-based line and column from the offset") {
    const std::string doc = "{\n  \"a\": 1,\n  \"b\": x\n}";
    const auto off = doc.find('x');
    sstk::error e(sstk::errc::syntax, "unexpected character", off);
    e.locate(doc);
    CHECK(e.line() == 3);
    CHECK(e.column() == 8);
    CHECK(std::string(e.what()) == "syntax error (line 3, column 8, byte 19): unexpected character");

    sstk::error no_offset(sstk::errc::missing_member, "Id is required");
    no_offset.locate(doc);
    CHECK(no_offset.line() == 0);
    CHECK(std::string(no_offset.what()) == "missing member: Id is required");

    sstk::error past_end(sstk::errc::syntax, "truncated", 1000);
    past_end.locate("ab\ncd");
    CHECK(past_end.line() == 2);
    CHECK(past_end.column() == 3);
}

TEST_CASE("result holds a value or an sstk::error; value() rethrows it") {
    auto ok = sstk::capture([] { return 42; });
    REQUIRE(ok.has_value());
    CHECK(*ok == 42);

    auto bad = sstk::capture([]() -> int { throw sstk::error(sstk::errc::out_of_range, "too big", 3); });
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().kind() == sstk::errc::out_of_range);
    CHECK(bad.error().offset() == 3);
    try {
        (void)bad.value();
        FAIL("value() did not throw");
    } catch (const sstk::error& e) {
        CHECK(e.message() == "too big");
    }

    auto v = sstk::capture([] {});
    CHECK(v.has_value());
}

TEST_CASE("an error prints as its description") {
    std::ostringstream os;
    os << sstk::error(sstk::errc::limit_exceeded, "too deep", 4);
    CHECK(os.str() == "limit exceeded (byte 4): too deep");
}
