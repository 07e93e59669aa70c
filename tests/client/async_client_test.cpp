// The asynchronous client against the sstk host over loopback: many calls in flight on one
// io_context in every format (pooled keep-alive connections), error responses and usage errors
// as values, completion tokens (a handler, use_future), and transport faults — a slow server
// hitting the timeout, a refused connection, retries of idempotent verbs only.
#include "../host/fault_server.hpp"
#include "../host/test_service.hpp"
#include "loopback.hpp"

#include <sstk/client/async_client.hpp>
#include <sstk/host/service_host.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <string>
#include <thread>
#include <vector>

using namespace sstk;
using namespace sstk_test;
using sstk::client::fault;
using sstk::http::format;

TEST_CASE("async client: concurrent calls on one io_context in every format", "[client][async]") {
    running_host h;
    boost::asio::io_context ioc;
    constexpr int in_flight = 8;
    struct per_format {
        format f;
        std::unique_ptr<client::async_client> c;
        int ok = 0, failed = 0;
    };
    std::vector<per_format> clients;
    for (const format f : {format::json, format::xml, format::jsv, format::csv})
        clients.push_back({f, std::make_unique<client::async_client>(ioc, h.url(), fast(f))});

    // Two waves: the second reuses the first wave's connections.
    for (int wave = 0; wave < 2; ++wave) {
        for (auto& pf : clients)
            for (int i = 0; i < in_flight; ++i) {
                const std::string name = "n" + std::to_string(wave) + "_" + std::to_string(i);
                const auto check = [&pf, name](client::client_result<HelloResponse> r) {
                    if (r && r->Result == "Hello, " + name + "! Hello, " + name + "!") ++pf.ok;
                    else ++pf.failed;
                };
                if (i % 2) pf.c->async_post(hello(name, 2), check);
                else pf.c->async_put(hello(name, 2), check);
            }
        ioc.run();
        ioc.restart();
    }
    for (auto& pf : clients) {
        INFO(http::mime_type(pf.f));
        CHECK(pf.ok == 2 * in_flight);
        CHECK(pf.failed == 0);
        CHECK(pf.c->connections_opened() >= 1);
        CHECK(pf.c->connections_opened() <= std::size_t(in_flight));  // the second wave opened none
    }
}

TEST_CASE("async client: void calls, raw exchanges and use_future", "[client][async]") {
    running_host h;
    boost::asio::io_context ioc;
    client::async_client c(ioc, h.url(), fast());
    bool pinged = false;
    c.async_post(Ping{"note"}, [&](client::client_result<void> r) { pinged = r.has_value(); });
    std::optional<http::response> raw;
    c.async_exchange(http::request{"GET", "/hello/Raw", {}, {}}, [&](client::client_result<http::response> r) {
        if (r) raw = std::move(*r);
    });
    auto fut = c.async_get(hello("Fut"), boost::asio::use_future);
    std::thread runner([&] { ioc.run(); });
    const auto got = fut.get();
    runner.join();
    CHECK(pinged);
    REQUIRE(raw);
    CHECK(raw->status == 200);
    CHECK(raw->body == R"({"result":"Hello, Raw!"})");
    REQUIRE(got.has_value());
    CHECK(got->Result == "Hello, Fut!");
}

TEST_CASE("async client: ServiceStack errors and usage errors arrive as values", "[client][async]") {
    running_host h;
    boost::asio::io_context ioc;
    for (const format f : {format::json, format::xml, format::jsv, format::csv}) {
        INFO(http::mime_type(f));
        client::async_client c(ioc, h.url(), fast(f));
        std::optional<client::client_error> validation, server, usage;
        c.async_post(Hello{}, [&](client::client_result<HelloResponse> r) {
            if (!r) validation = r.error();
        });
        Fail boom;
        boom.Kind = "boom";
        c.async_get(boom, [&](client::client_result<HelloResponse> r) {
            if (!r) server = r.error();
        });
        c.async_get(Hello{}, [&](client::client_result<HelloResponse> r) {  // GET needs /hello/{Name}
            if (!r) usage = r.error();
        });
        CHECK_FALSE(usage);  // never completed inside the call that starts it
        ioc.run();
        ioc.restart();
        REQUIRE(validation);
        CHECK(validation->kind == fault::http);
        CHECK(validation->status_code() == 400);
        REQUIRE(validation->web);
        CHECK(validation->web->field_error("Name")->Message == "'Name' must not be empty.");
        CHECK(validation->message.find("POST " + h.url() + "/hello: 400") == 0);
        REQUIRE(server);
        CHECK(server->status_code() == 500);
        CHECK(server->web->error_message() == "boom");
        REQUIRE(usage);
        CHECK(usage->kind == fault::usage);
        CHECK(usage->message.find("None of the given rest routes matches 'Hello' request") != std::string::npos);
    }
}

TEST_CASE("async client faults: a slow server hits the timeout", "[client][async][faults]") {
    fault_server s([](fault_server::tcp::socket& sock) {
        fault_server::read_request(sock);
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    });
    boost::asio::io_context ioc;
    auto o = fast();
    o.request_timeout = std::chrono::milliseconds(150);
    o.max_retries = 0;
    client::async_client c(ioc, s.url(), o);
    std::optional<client::client_error> e;
    const auto started = std::chrono::steady_clock::now();
    c.async_get(hello("x"), [&](client::client_result<HelloResponse> r) {
        if (!r) e = r.error();
    });
    ioc.run();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(550));  // did not wait for the server
    REQUIRE(e);
    CHECK(e->kind == fault::timeout);
    CHECK(e->message.find("timed out after 150 ms waiting for the response") != std::string::npos);
}

TEST_CASE("async client faults: refused connections, retried for idempotent verbs only", "[client][async][faults]") {
    std::uint16_t port = 0;
    {
        fault_server s([](fault_server::tcp::socket&) {});
        port = s.port();
    }
    boost::asio::io_context ioc;
    auto o = fast();
    o.max_retries = 2;
    client::async_client c(ioc, "http://127.0.0.1:" + std::to_string(port), o);
    std::optional<client::client_error> get_error, post_error;
    c.async_get(hello("x"), [&](client::client_result<HelloResponse> r) {
        if (!r) get_error = r.error();
    });
    c.async_post(hello("x"), [&](client::client_result<HelloResponse> r) {
        if (!r) post_error = r.error();
    });
    ioc.run();
    REQUIRE(get_error);
    CHECK(get_error->kind == fault::connect);
    CHECK(get_error->is_transport());
    CHECK(get_error->message.find("cannot connect to 127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK(get_error->message.find("after 3 attempts") != std::string::npos);
    REQUIRE(post_error);
    CHECK(post_error->kind == fault::connect);
    CHECK(post_error->message.find("attempts") == std::string::npos);  // POST: tried once
}

TEST_CASE("async client faults: a server that closes before responding, then recovers", "[client][async][faults]") {
    fault_server s(close_first_then_answer(R"({"Result":"second time"})"));
    boost::asio::io_context ioc;
    client::async_client c(ioc, s.url(), fast());
    std::optional<client::client_result<HelloResponse>> got;
    c.async_get(hello("x"), [&](client::client_result<HelloResponse> r) { got = std::move(r); });
    ioc.run();
    REQUIRE(got);
    REQUIRE(got->has_value());
    CHECK((*got)->Result == "second time");
    CHECK(s.connections() == 2);
}
