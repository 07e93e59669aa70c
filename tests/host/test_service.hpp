// A small service for the client and host tests: DTOs with routes on several verbs, a void
// operation, and handlers that fail in each way a ServiceStack service can.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/host/errors.hpp>
#include <sstk/host/service_host.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>

namespace sstk_test {

struct HelloResponse {
    std::optional<std::string> Result;
    std::optional<sstk::ResponseStatus> ResponseStatus;
};
BOOST_DESCRIBE_STRUCT(HelloResponse, (), (Result, ResponseStatus))
constexpr auto sstk_contract(sstk::type_tag<HelloResponse>) { return sstk::contract("HelloResponse").clr_namespace("Test.ServiceModel"); }

struct Hello {
    std::optional<std::string> Name;
    std::optional<std::int32_t> Times;
};
BOOST_DESCRIBE_STRUCT(Hello, (), (Name, Times))
constexpr auto sstk_contract(sstk::type_tag<Hello>) {
    return sstk::contract("Hello")
        .clr_namespace("Test.ServiceModel")
        .returns<HelloResponse>()
        .routes(sstk::route("/hello/{Name}", "GET,POST,PUT,DELETE,PATCH"), sstk::route("/hello", "POST"));
}

// Echoes what the client sent besides the DTO.
struct Headers {
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Headers, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Headers>) {
    return sstk::contract("Headers").clr_namespace("Test.ServiceModel").returns<HelloResponse>().routes(sstk::route("/headers", "GET"));
}

struct Ping {
    std::optional<std::string> Note;
};
BOOST_DESCRIBE_STRUCT(Ping, (), (Note))
constexpr auto sstk_contract(sstk::type_tag<Ping>) {
    return sstk::contract("Ping").clr_namespace("Test.ServiceModel").returns_void().routes(sstk::route("/ping", "POST"));
}

// Fails as Kind says: validation, argument, notfound, unauthorized, boom (a plain exception).
struct Fail {
    std::optional<std::string> Kind;
};
BOOST_DESCRIBE_STRUCT(Fail, (), (Kind))
constexpr auto sstk_contract(sstk::type_tag<Fail>) {
    return sstk::contract("Fail").clr_namespace("Test.ServiceModel").returns<HelloResponse>().routes(sstk::route("/fail/{Kind}", "GET,POST"));
}

struct Slow {
    std::optional<std::int32_t> Millis;
};
BOOST_DESCRIBE_STRUCT(Slow, (), (Millis))
constexpr auto sstk_contract(sstk::type_tag<Slow>) {
    return sstk::contract("Slow").clr_namespace("Test.ServiceModel").returns<HelloResponse>().routes(sstk::route("/slow", "GET,POST"));
}

struct Upload {
    std::optional<std::string> Data;
};
BOOST_DESCRIBE_STRUCT(Upload, (), (Data))
constexpr auto sstk_contract(sstk::type_tag<Upload>) {
    return sstk::contract("Upload").clr_namespace("Test.ServiceModel").returns<HelloResponse>().routes(sstk::route("/upload", "POST"));
}

// A user-defined generic DTO: served, but not describable in /types/metadata.
template <class T>
struct Generic {
    std::optional<T> Value;
};
BOOST_DESCRIBE_STRUCT(Generic<int>, (), (Value))
template <class T>
constexpr auto sstk_contract(sstk::type_tag<Generic<T>>) {
    return sstk::contract("Generic").clr_namespace("Test.ServiceModel").returns<HelloResponse>().routes(sstk::route("/generic", "GET"));
}

// How many Slow handlers have started (tests wait for one to be in flight).
inline std::atomic<int> slow_started{0};

inline void register_test_service(sstk::host::service_host& host) {
    using namespace sstk;
    host.handle<Hello>([](const Hello& req) {
        host::validator v;
        v.not_empty("Name", req.Name);
        v.check(!req.Times || *req.Times >= 0, "GreaterThanOrEqual", "Times", "'Times' must be greater than or equal to '0'.");
        v.throw_if_invalid();
        HelloResponse r;
        std::string s;
        for (int i = 0; i < req.Times.value_or(1); ++i) s += (i ? " " : "") + std::string("Hello, ") + *req.Name + "!";
        r.Result = s;
        return r;
    });
    host.handle<Headers>([](const Headers&, host::request_context& ctx) {
        HelloResponse r;
        r.Result = std::string(ctx.header("Authorization").value_or("-")) + "|" + std::string(ctx.header("X-Custom").value_or("-")) +
                   "|" + std::string(ctx.header("X-Api-Key").value_or("-")) + "|" + std::string(ctx.bearer_token().value_or("-"));
        return r;
    });
    host.handle<Ping>([](const Ping&) {});
    host.handle<Fail>([](const Fail& req) -> HelloResponse {
        const std::string kind = req.Kind.value_or("");
        if (kind == "validation") throw host::validation_error({http::field_error("NotEmpty", "Name", "'Name' must not be empty.")});
        if (kind == "argument") throw host::service_error(http::failure::argument, "bad argument");
        if (kind == "notfound") throw host::service_error(404, "NotFound", "no such thing");
        if (kind == "unauthorized") throw host::service_error(http::failure::authentication, "who are you");
        throw std::runtime_error("boom");
    });
    host.handle<Slow>([](const Slow& req) {
        ++slow_started;
        std::this_thread::sleep_for(std::chrono::milliseconds(req.Millis.value_or(0)));
        HelloResponse r;
        r.Result = "slept";
        return r;
    });
    host.handle<Upload>([](const Upload& req) {
        HelloResponse r;
        r.Result = std::to_string(req.Data ? req.Data->size() : 0);
        return r;
    });
}

}  // namespace sstk_test
