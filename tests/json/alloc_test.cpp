// "No heap allocation per write into a reserved buffer": counted with a replaced operator new.
#include "json_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/json.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

// AddressSanitizer interposes operator new/delete itself; counting replaces them, so it is done in
// the builds without it (the g++ leg) and only the output is checked under ASan.
#if defined(__SANITIZE_ADDRESS__)
#define SSTK_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SSTK_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef SSTK_COUNT_ALLOCATIONS
#define SSTK_COUNT_ALLOCATIONS 1
#endif

namespace {
std::atomic<long> allocations{0};
}

// g++ flags malloc/free inside a replaced operator new/delete as mismatched once inlined; they
// are the matching pair here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#if SSTK_COUNT_ALLOCATIONS
void* operator new(std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

TEST_CASE("writing into a reserved buffer allocates nothing after the first write") {
    sstk::apis::antel_api::ResetPasswordResponse r;
    r.Description = "Your password has been reset successfully for this account.";
    r.Heading = "Password reset";
    r.WasSuccessful = false;
    r.SystemUserId = 12345;
    r.ResponseStatus.emplace();
    r.ResponseStatus->ErrorCode = "ValidationException";
    r.ResponseStatus->Errors = std::vector<sstk::ResponseError>{{"NotEmpty", "Password", "'Password' must not be empty.", {}}};
    jt::Everything e;
    e.Dbl = 1.0 / 3;
    e.When = sstk::date_time::from_civil(2021, 3, 4, 5, 6, 7, 8900000, sstk::date_time_kind::utc);
    e.Span = sstk::time_span::from_parts(1, 2, 3, 4, 567);
    e.Dec = sstk::decimal::parse("123456789.123456789");
    e.Bytes = std::vector<std::uint8_t>(40, 7);
    e.Str = "a string long enough not to fit the small-string buffer";

    std::string out;
    out.reserve(1 << 16);
    sstk::json::write(out, r);  // warm-up: the per-thread scratch string grows once
    sstk::json::write(out, e);
    for (auto d : {sstk::json::dialect::servicestack_text, sstk::json::dialect::system_text_json}) {
        const auto o = sstk::json::write_options::for_dialect(d);
        sstk::json::write(out, e, o);
        const long before = allocations.load();
        for (int i = 0; i < 100; ++i) {
            out.clear();
            sstk::json::write(out, r, o);
            sstk::json::write(out, e, o);
        }
        CHECK(!out.empty());
        if (SSTK_COUNT_ALLOCATIONS) CHECK(allocations.load() - before == 0);
    }
}
