// Text-format benchmarks: sstk's JSV, CSV and query-string codecs on the JSON benchmark's
// payloads, with sstk's JSON codec on the same data in the same binary, so the ratio issue 5 sets
// (each text codec within 1.5x of the JSON codec's time for the same data) comes from one run.
// Names: <json|jsv|csv|query>/<write|read>/<payload>/sstk.
//
// Payloads (benchmarks/payloads.hpp):
//   ResetPassword, ResetPasswordResponse, PasswordReset, ResponseStatus3 (three field errors with
//   meta maps), ResponseList10k (10,000 responses, every tenth with a ResponseStatus).
//   json, jsv: all five.
//   csv:   all five; a single DTO is a header plus one row (tabulate::self, so ResponseStatus3 is
//          one row with its Errors and Meta as JSV cells rather than ServiceStack's [DataContract]
//          rule, which would tabulate only its Errors); ResponseList10k is a header plus 10,000
//          rows, the case CSV is made for.
//   query: the four single DTOs (a query string binds onto one DTO; a list is not a query).
//          Client style, camelCase keys, as the C# client builds a GET URL.
//
// Each reader benchmark checks that what it read equals the payload, so every codec is timed on
// a lossless round trip.
#include "payloads.hpp"

#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace {

template <class T>
const T& payload();
template <>
const bench::ResetPassword& payload() { static const auto v = bench::make_request(); return v; }
template <>
const bench::ResetPasswordResponse& payload() { static const auto v = [] { auto r = bench::make_response(); r.ResponseStatus = bench::make_status(); return r; }(); return v; }
template <>
const bench::PasswordReset& payload() { static const auto v = bench::make_password_reset(); return v; }
template <>
const sstk::ResponseStatus& payload() { static const auto v = bench::make_status(); return v; }
template <>
const std::vector<bench::ResetPasswordResponse>& payload() { static const auto v = bench::make_list(); return v; }

template <class T>
std::size_t items(const T& v) {
    if constexpr (sstk::described_class<T>) return 1;
    else return v.size();
}

void report(benchmark::State& state, std::size_t bytes, std::size_t objects) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["ns/object"] = benchmark::Counter(static_cast<double>(state.iterations() * objects),
                                                     benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// One struct per codec: the same call shapes, each with the options the header comment names.
struct json_codec {
    static constexpr const char* name = "json";
    template <class T>
    static void write(std::string& out, const T& v) { sstk::json::write(out, v); }
    template <class T>
    static void read(const std::string& text, T& v) { sstk::json::read(text, v); }
};

struct jsv_codec {
    static constexpr const char* name = "jsv";
    template <class T>
    static void write(std::string& out, const T& v) { sstk::jsv::write(out, v); }
    template <class T>
    static void read(const std::string& text, T& v) { sstk::jsv::read(text, v); }
};

struct csv_codec {
    static constexpr const char* name = "csv";
    static const sstk::csv::write_options& wo() {
        static const sstk::csv::write_options o = [] { sstk::csv::write_options x; x.tabulate = sstk::csv::tabulate::self; return x; }();
        return o;
    }
    static const sstk::csv::read_options& ro() {
        static const sstk::csv::read_options o = [] { sstk::csv::read_options x; x.tabulate = sstk::csv::tabulate::self; return x; }();
        return o;
    }
    template <class T>
    static void write(std::string& out, const T& v) { sstk::csv::write(out, v, wo()); }
    template <class T>
    static void read(const std::string& text, T& v) { sstk::csv::read(text, v, ro()); }
};

struct query_codec {
    static constexpr const char* name = "query";
    template <class T>
    static void write(std::string& out, const T& v) { sstk::query::write(out, v); }
    template <class T>
    static void read(const std::string& text, T& v) { sstk::query::read(text, v); }
};

template <class C, class T>
void write_bench(benchmark::State& state) {
    const T& v = payload<T>();
    std::string out;
    out.reserve(1 << 20);
    for (auto _ : state) {
        out.clear();
        C::write(out, v);
        benchmark::DoNotOptimize(out.data());
    }
    report(state, out.size(), items(v));
}

template <class C, class T>
const std::string& text() {
    static const std::string t = [] {
        std::string s;
        C::write(s, payload<T>());
        return s;
    }();
    return t;
}

template <class C, class T>
void read_bench(benchmark::State& state) {
    const std::string& t = text<C, T>();
    T v{};
    for (auto _ : state) {
        C::read(t, v);
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("read a different value");
    report(state, t.size(), items(v));
}

template <class C, class T>
void register_codec(const std::string& payload_name) {
    const std::string tail = "/" + payload_name + "/sstk";
    benchmark::RegisterBenchmark((std::string(C::name) + "/write" + tail).c_str(), write_bench<C, T>);
    benchmark::RegisterBenchmark((std::string(C::name) + "/read" + tail).c_str(), read_bench<C, T>);
}

template <class T>
void register_payload(const std::string& name) {
    register_codec<json_codec, T>(name);
    register_codec<jsv_codec, T>(name);
    register_codec<csv_codec, T>(name);
    if constexpr (sstk::described_class<T>) register_codec<query_codec, T>(name);
}

}  // namespace

int main(int argc, char** argv) {
    register_payload<bench::ResetPassword>("ResetPassword");
    register_payload<bench::ResetPasswordResponse>("ResetPasswordResponse");
    register_payload<bench::PasswordReset>("PasswordReset");
    register_payload<sstk::ResponseStatus>("ResponseStatus3");
    register_payload<std::vector<bench::ResetPasswordResponse>>("ResponseList10k");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
