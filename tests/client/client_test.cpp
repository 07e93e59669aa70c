// The typed client against the sstk host over loopback, in every format, success and error
// paths; auth and default headers; keep-alive; HTTPS with a certificate made at test time; and
// transport faults from scripted servers (closing mid-response, too slow, malformed or
// oversized responses, garbage, refused connections): each a distinct, clear error, none hangs.
#include "../host/fault_server.hpp"
#include "../host/test_service.hpp"
#include "loopback.hpp"

#include <sstk/client/client.hpp>
#include <sstk/host/service_host.hpp>
#include <sstk/host/test_certificate.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <thread>

using namespace sstk;
using namespace sstk_test;
using sstk::client::fault;
using sstk::http::format;

namespace {

constexpr format response_formats[] = {format::json, format::xml, format::jsv, format::csv};

}  // namespace

TEST_CASE("client and host: typed calls in every format", "[client]") {
    running_host h;
    for (const format f : {format::json, format::xml, format::jsv, format::csv, format::form}) {
        INFO(http::mime_type(f));
        client::client c(h.url(), fast(f));
        CHECK(c.get(hello("Ada")).Result == "Hello, Ada!");
        CHECK(c.post(hello("Bob, Jr. \"the\" <2nd>", 2)).Result == "Hello, Bob, Jr. \"the\" <2nd>! Hello, Bob, Jr. \"the\" <2nd>!");
        CHECK(c.put(hello("Cy")).Result == "Hello, Cy!");
        CHECK(c.patch(hello("Di")).Result == "Hello, Di!");
        CHECK(c.del(hello("Ed")).Result == "Hello, Ed!");
        CHECK(c.send(hello("Fay")).Result == "Hello, Fay!");  // no verb inferred: POST /{format}/reply/Hello
        c.post(Ping{"note"});                                    // IReturnVoid: 204, nothing returned
        static_assert(std::is_void_v<decltype(c.post(Ping{}))>);
        CHECK(c.try_post(Ping{}).has_value());
        Upload u;
        u.Data = std::string(5000, 'x');
        CHECK(c.post(u).Result == "5000");
        // Keep-alive: one connection for all of it.
        CHECK(c.connections_opened() == 1);
    }
}

TEST_CASE("client and host: ServiceStack errors in every format", "[client]") {
    running_host h;
    for (const format f : response_formats) {
        INFO(http::mime_type(f));
        client::client c(h.url(), fast(f));

        // Validation: 400 with the field errors, as both the exception and the result.
        Hello missing;
        auto r = c.try_post(missing);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::http);
        CHECK(r.error().status_code() == 400);
        REQUIRE(r.error().web);
        CHECK(r.error().web->error_code() == "NotEmpty");
        CHECK(r.error().web->error_message() == "'Name' must not be empty.");
        REQUIRE(r.error().web->field_errors().size() == 1);
        CHECK(r.error().web->field_error("name")->Message == "'Name' must not be empty.");
        CHECK(r.error().message.find("POST " + h.url() + "/hello: 400") == 0);
        try {
            c.post(missing);
            FAIL("no exception");
        } catch (const http::web_service_exception& e) {
            CHECK(e.status_code() == 400);
            CHECK(e.error_code() == "NotEmpty");
            REQUIRE(e.response_status());
            REQUIRE(e.response_status()->Errors);
            CHECK(e.response_status()->Errors->at(0).FieldName == "Name");
            CHECK_FALSE(e.error().response_body.empty());
        }
        Hello negative = hello("x", -1);
        auto r2 = c.try_put(negative);
        REQUIRE_FALSE(r2.has_value());
        CHECK(r2.error().web->field_error("Times")->ErrorCode == "GreaterThanOrEqual");

        const auto fail = [&](std::string kind) {
            Fail x;
            x.Kind = std::move(kind);
            auto res = c.try_get(x);
            REQUIRE_FALSE(res.has_value());
            return res.error();
        };
        auto e = fail("argument");
        CHECK(e.status_code() == 400);
        CHECK(e.web->error_code() == "ArgumentException");
        CHECK(e.web->error_message() == "bad argument");
        CHECK(e.web->field_errors().empty());
        e = fail("notfound");
        CHECK(e.status_code() == 404);
        CHECK(e.web->error_code() == "NotFound");
        e = fail("unauthorized");
        CHECK(e.status_code() == 401);
        CHECK(e.web->error_code() == "AuthenticationException");
        e = fail("boom");
        CHECK(e.status_code() == 500);
        CHECK(e.web->error_code() == "Exception");
        CHECK(e.web->error_message() == "boom");
        // The connection survives error responses.
        CHECK(c.connections_opened() == 1);
    }
}

TEST_CASE("client: a request no route fits is a usage error, nothing is sent", "[client]") {
    running_host h;
    client::client c(h.url(), fast());
    Hello nameless;
    auto r = c.try_get(nameless);  // GET needs /hello/{Name}
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == fault::usage);
    CHECK(r.error().message.find("None of the given rest routes matches 'Hello' request") != std::string::npos);
    CHECK_THROWS_AS(c.get(nameless), sstk::error);
    CHECK(c.connections_opened() == 0);
}

TEST_CASE("client: default headers, bearer token and API key", "[client]") {
    running_host h;
    auto o = fast();
    o.headers.push_back({"X-Custom", "one"});
    client::client c(h.url(), o);
    CHECK(c.get(Headers{}).Result == "-|one|-|-");
    c.set_bearer_token("tok123");
    CHECK(c.get(Headers{}).Result == "Bearer tok123|one|-|tok123");
    c.options().bearer_token.reset();
    c.set_api_key("ak-1");
    CHECK(c.get(Headers{}).Result == "Bearer ak-1|one|-|ak-1");
    c.set_api_key("ak-1", client::api_key_style::basic);
    CHECK(c.get(Headers{}).Result == "Basic YWstMTo=|one|-|-");  // base64("ak-1:")
    c.set_api_key("ak-1", client::api_key_style::header);
    CHECK(c.get(Headers{}).Result == "-|one|ak-1|-");
}

TEST_CASE("client: base URL parsing and base paths", "[client]") {
    const auto u = client::parse_base_url("https://Example.com:8443/api/v1/");
    CHECK(u.tls);
    CHECK(u.host == "Example.com");
    CHECK(u.port == 8443);
    CHECK(u.base_path == "/api/v1");
    CHECK(client::parse_base_url("http://[::1]/").host == "::1");
    CHECK(client::parse_base_url("http://h").port == 80);
    CHECK(client::parse_base_url("https://h").port == 443);
    CHECK_THROWS_WITH(client::parse_base_url("ftp://h"), Catch::Contains("http or https"));
    CHECK_THROWS_WITH(client::parse_base_url("http://h:99999"), Catch::Contains("invalid port"));
    CHECK_THROWS_WITH(client::parse_base_url("h:80"), Catch::Contains("expected http://"));
    CHECK_THROWS_WITH(client::parse_base_url("http://u:p@h"), Catch::Contains("credentials"));

    // A base path is put before every route (a host behind a prefix answers 404 without it).
    running_host h;
    client::client c(h.url() + "/prefix", fast());
    auto r = c.try_get(hello("x"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().status_code() == 404);
    CHECK(r.error().web->error_message().find("/prefix/hello/x") != std::string_view::npos);
}

TEST_CASE("client and host over HTTPS with a certificate made at test time", "[client][tls]") {
    const auto id = host::make_test_certificate({"localhost", "127.0.0.1"});
    host::host_options ho;
    ho.tls = host::tls_identity{id.certificate_pem, id.private_key_pem};
    running_host h(ho);

    for (const format f : response_formats) {
        auto o = fast(f);
        o.tls.ca_pem = id.certificate_pem;
        o.tls.use_system_store = false;
        client::client c(h.url(true), o);
        CHECK(c.get(hello("Tls")).Result == "Hello, Tls!");
        CHECK(c.post(hello("Tls", 2)).Result == "Hello, Tls! Hello, Tls!");
        auto bad = c.try_post(Hello{});
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().status_code() == 400);
        CHECK(c.connections_opened() == 1);
    }
    SECTION("by host name") {
        auto o = fast();
        o.tls.ca_pem = id.certificate_pem;
        client::client c("https://localhost:" + std::to_string(h.port), o);
        CHECK(c.get(hello("Name")).Result == "Hello, Name!");
    }
    SECTION("an untrusted certificate is a TLS error") {
        client::client c(h.url(true), fast());  // the system store does not know the test CA
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::tls);
        CHECK(r.error().message.find("certificate verification failed") != std::string::npos);
        CHECK_THROWS_AS(c.get(hello("x")), client::transport_exception);
    }
    SECTION("a certificate for another name is a TLS error") {
        const auto other = host::make_test_certificate({"other.example"});
        host::host_options o2;
        o2.tls = host::tls_identity{other.certificate_pem, other.private_key_pem};
        running_host h2(o2);
        auto o = fast();
        o.tls.ca_pem = other.certificate_pem;
        client::client c(h2.url(true), o);
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::tls);
    }
    SECTION("an expired certificate is a TLS error that says so") {
        host::test_certificate_options expired;
        expired.valid_from_seconds = -7200;
        expired.valid_until_seconds = -3600;
        const auto old = host::make_test_certificate({"127.0.0.1"}, expired);
        host::host_options o2;
        o2.tls = host::tls_identity{old.certificate_pem, old.private_key_pem};
        running_host h2(o2);
        auto o = fast();
        o.tls.ca_pem = old.certificate_pem;
        client::client c(h2.url(true), o);
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::tls);
        CHECK(r.error().message.find("expired") != std::string::npos);
    }
    SECTION("verification off trusts anything") {
        auto o = fast();
        o.tls.verify_peer = false;
        client::client c(h.url(true), o);
        CHECK(c.get(hello("x")).Result == "Hello, x!");
    }
    SECTION("plain HTTP to a TLS port fails cleanly") {
        client::client c(h.url(false), fast());
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().is_transport());
    }
    SECTION("a bad CA PEM is a TLS error") {
        auto o = fast();
        o.tls.ca_pem = "not a certificate";
        client::client c(h.url(true), o);
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::tls);
        CHECK(r.error().message.find("ca_pem") != std::string::npos);
    }
}

TEST_CASE("client faults: the server closes mid-response", "[client][faults]") {
    fault_server s([](fault_server::tcp::socket& sock) {
        fault_server::read_request(sock);
        fault_server::write(sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Result\":");
    });
    client::client c(s.url(), fast());
    SECTION("POST is sent once") {
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::closed);
        CHECK(r.error().message.find("mid-response") != std::string::npos);
        CHECK(s.connections() == 1);
        CHECK_THROWS_AS(c.post(hello("x")), client::transport_exception);
    }
    SECTION("GET is retried, then fails with the attempts counted") {
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::closed);
        CHECK(r.error().message.find("after 3 attempts") != std::string::npos);
        CHECK(s.connections() == 3);
    }
}

TEST_CASE("client faults: the server closes before responding, then recovers", "[client][faults]") {
    fault_server s(close_first_then_answer(R"({"Result":"second time"})"));
    client::client c(s.url(), fast());
    CHECK(c.get(hello("x")).Result == "second time");  // idempotent: retried
    CHECK(s.connections() == 2);
}

TEST_CASE("client faults: a slow server hits the client timeout", "[client][faults]") {
    fault_server s([](fault_server::tcp::socket& sock) {
        fault_server::read_request(sock);
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    });
    auto o = fast();
    o.request_timeout = std::chrono::milliseconds(150);
    o.max_retries = 0;
    client::client c(s.url(), o);
    auto r = c.try_get(hello("x"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == fault::timeout);
    CHECK(r.error().message.find("timed out after 150 ms waiting for the response") != std::string::npos);
    CHECK_FALSE(c.connected());

    // And a slow handler in the sstk host, the same.
    running_host h;
    client::client c2(h.url(), o);
    Slow slow;
    slow.Millis = 500;
    auto r2 = c2.try_post(slow);
    REQUIRE_FALSE(r2.has_value());
    CHECK(r2.error().kind == fault::timeout);
}

TEST_CASE("client faults: malformed and oversized responses, garbage, refused connections", "[client][faults]") {
    // Scripts that close after answering say so (Connection: close): otherwise a second request
    // on the kept-alive connection races the close, as with any HTTP/1.1 server.
    SECTION("a 2xx body that is not the response DTO") {
        fault_server s([](fault_server::tcp::socket& sock) {
            fault_server::read_request(sock);
            fault_server::write(sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 9\r\n\r\n{\"Result\"");
        });
        client::client c(s.url(), fast());
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::body);
        REQUIRE(r.error().web);
        REQUIRE(r.error().web->body_error);
        CHECK(std::string(r.error().web->body_error->what()).find("application/json body") != std::string::npos);
        CHECK_THROWS_AS(c.post(hello("x")), sstk::error);
    }
    SECTION("an error body that is not ServiceStack's keeps the status and the raw body") {
        fault_server s([](fault_server::tcp::socket& sock) {
            fault_server::read_request(sock);
            fault_server::write(sock, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 11\r\n\r\n<h1>502</h1");
        });
        client::client c(s.url(), fast());
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::http);
        CHECK(r.error().status_code() == 502);
        CHECK(r.error().web->response_body == "<h1>502</h1");
        CHECK(r.error().web->error_code() == "Bad Gateway");
    }
    SECTION("a response larger than max_response_size") {
        fault_server s([](fault_server::tcp::socket& sock) {
            fault_server::read_request(sock);
            fault_server::write(sock, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, ' '));
        });
        auto o = fast();
        o.max_response_size = 1000;
        client::client c(s.url(), o);
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::too_large);
        CHECK(r.error().message.find("larger than max_response_size (1000 bytes)") != std::string::npos);
    }
    SECTION("not HTTP at all") {
        fault_server s([](fault_server::tcp::socket& sock) {
            fault_server::read_request(sock);
            fault_server::write(sock, "SSH-2.0-OpenSSH_9.2\r\n\r\n");
        });
        client::client c(s.url(), fast());
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::protocol);
        CHECK(r.error().message.find("not valid HTTP/1.1") != std::string::npos);
    }
    SECTION("nobody listening") {
        std::uint16_t port = 0;
        {
            fault_server s([](fault_server::tcp::socket&) {});
            port = s.port();
        }
        auto o = fast();
        o.max_retries = 1;
        client::client c("http://127.0.0.1:" + std::to_string(port), o);
        auto r = c.try_get(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::connect);
        CHECK(r.error().message.find("cannot connect to 127.0.0.1:" + std::to_string(port)) != std::string::npos);
        CHECK(r.error().message.find("after 2 attempts") != std::string::npos);
    }
    SECTION("a host name that does not resolve") {
        client::client c("http://no-such-host.invalid", fast());
        auto r = c.try_post(hello("x"));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == fault::resolve);
    }
}

TEST_CASE("client and host: a request over the host's size limit is a 413", "[client][faults]") {
    host::host_options ho;
    ho.max_request_body = 1024;
    running_host h(ho);
    client::client c(h.url(), fast());
    Upload u;
    u.Data = std::string(4000, 'x');
    auto r = c.try_post(u);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind == fault::http);
    CHECK(r.error().status_code() == 413);
    CHECK(r.error().web->error_code() == "BadHttpRequestException");
    CHECK(r.error().web->error_message() == "Request body too large. The max request body size is 1024 bytes.");
    u.Data = "small";
    CHECK(c.post(u).Result == "5");  // a new connection: the host closed the last one
    CHECK(c.connections_opened() == 2);
}

TEST_CASE("client: a kept-alive connection the host closed while idle is replaced", "[client]") {
    host::host_options ho;
    ho.idle_timeout = std::chrono::milliseconds(100);
    running_host h(ho);
    client::client c(h.url(), fast());
    CHECK(c.post(hello("a")).Result == "Hello, a!");
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // well past the host's idle timeout
    CHECK(c.post(hello("b")).Result == "Hello, b!");  // POST: not a retry, a fresh connection
    CHECK(c.connections_opened() == 2);
}

TEST_CASE("client and host: concurrent clients on a multi-threaded host", "[client]") {
    host::host_options ho;
    ho.threads = 3;
    running_host h(ho);
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            client::client c(h.url(), fast(response_formats[t]));
            for (int i = 0; i < 25; ++i)
                if (c.post(hello("n" + std::to_string(i))).Result == "Hello, n" + std::to_string(i) + "!") ++ok;
        });
    for (auto& t : threads) t.join();
    CHECK(ok == 100);
}
