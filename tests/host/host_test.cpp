// The service host: routing and content negotiation (route suffix, ?format=, Accept, the
// request's own Content-Type, predefined routes), error bodies byte for byte as ServiceStack
// writes them, and over raw sockets: keep-alive and pipelining, request size and header limits,
// a slow peer cut off, malformed requests, graceful shutdown with a request in flight, and
// request logs that never carry a secret.
#include "test_service.hpp"

#include <sstk/apis/platform_api.hpp>
#include <sstk/host/service_host.hpp>
#include <sstk/http/response.hpp>

#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <poll.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace sstk;
using namespace sstk_test;
using sstk::http::format;

namespace {

http::request raw(std::string verb, std::string target, http::header_list headers = {}, std::string body = {}) {
    return http::request{std::move(verb), std::move(target), std::move(headers), std::move(body)};
}

std::string content_type(const http::response& r) { return std::string(r.header("Content-Type").value_or("")); }

// A raw TCP peer: sends bytes, reads until the server closes or `patience` passes.
struct raw_peer {
    explicit raw_peer(std::uint16_t port) : socket(ioc) {
        socket.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    }
    void send(const std::string& text) { boost::asio::write(socket, boost::asio::buffer(text)); }
    // Everything received until the peer closes (closed = true) or nothing came for `patience`.
    std::string receive(std::chrono::milliseconds patience, bool* closed = nullptr) {
        std::string out;
        for (;;) {
            pollfd p{};
            p.fd = socket.native_handle();
            p.events = POLLIN;
            if (::poll(&p, 1, static_cast<int>(patience.count())) <= 0) break;
            char buf[4096];
            boost::system::error_code ec;
            const std::size_t n = socket.read_some(boost::asio::buffer(buf), ec);
            if (ec) {
                if (closed) *closed = true;
                return out;
            }
            out.append(buf, n);
        }
        if (closed) *closed = false;
        return out;
    }
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket;
};

int count(const std::string& s, std::string_view what) {
    int n = 0;
    for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("host: routes and the response format (.ext, ?format=, Accept, Content-Type)", "[host]") {
    host::service_host h;
    register_test_service(h);

    auto r = h.serve(raw("GET", "/hello/Ada"));
    CHECK(r.status == 200);
    CHECK(content_type(r) == "application/json; charset=utf-8");
    CHECK(r.body == R"({"result":"Hello, Ada!"})");

    struct expectation {
        http::request req;
        format f;
    };
    const std::vector<expectation> cases = {
        {raw("GET", "/hello/Ada.xml"), format::xml},
        {raw("GET", "/hello/Ada.csv?times=1"), format::csv},
        {raw("GET", "/hello/Ada?format=jsv"), format::jsv},
        {raw("GET", "/hello/Ada?format=xml", {{"Accept", "application/json"}}), format::xml},
        {raw("GET", "/hello/Ada", {{"Accept", "text/jsv"}}), format::jsv},
        {raw("GET", "/hello/Ada", {{"Accept", "text/csv"}}), format::csv},
        {raw("GET", "/hello/Ada", {{"Accept", "text/html, application/xml;q=0.9, */*;q=0.8"}}), format::xml},
        {raw("POST", "/hello", {{"Content-Type", "application/xml"}, {"Accept", "*/*"}},
             R"(<Hello xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Test.ServiceModel"><Name>Ada</Name></Hello>)"),
         format::xml},
        {raw("POST", "/hello", {{"Content-Type", "text/jsv"}}, "{Name:Ada}"), format::json},
        {raw("POST", "/hello", {{"Content-Type", "text/csv"}, {"Accept", "text/csv"}}, "Name\r\nAda\r\n"), format::csv},
        {raw("POST", "/hello", {{"Content-Type", "application/x-www-form-urlencoded"}}, "Name=Ada"), format::json},
        {raw("POST", "/xml/reply/Hello", {{"Content-Type", "application/json"}}, R"({"Name":"Ada"})"), format::xml},
        {raw("GET", "/jsv/reply/Hello?name=Ada"), format::jsv},
        {raw("POST", "/api/Hello", {{"Content-Type", "application/json"}}, R"({"name":"Ada"})"), format::json},
        {raw("PUT", "/HELLO/Ada"), format::json},  // literals match case-insensitively
    };
    for (const auto& c : cases) {
        INFO(c.req.verb << " " << c.req.target << " " << c.req.body);
        const auto resp = h.serve(c.req);
        CHECK(resp.status == 200);
        CHECK(content_type(resp) == http::response_content_type(c.f));
        CHECK(http::read_body<HelloResponse>(resp.body, c.f).Result == "Hello, Ada!");
    }

    // Path, query string and form bind over the body, member by member (RestPath.CreateRequest).
    auto b = h.serve(raw("POST", "/hello/Path?times=2", {{"Content-Type", "application/json"}}, R"({"Name":"Body","Times":5})"));
    CHECK(http::read_body<HelloResponse>(b.body, format::json).Result == "Hello, Path! Hello, Path!");

    // A void operation: 204, no body.
    auto v = h.serve(raw("POST", "/ping", {{"Content-Type", "application/json"}}, "{}"));
    CHECK(v.status == 204);
    CHECK(v.body.empty());
}

TEST_CASE("host: error bodies as ServiceStack writes them", "[host]") {
    host::service_host h;
    register_test_service(h);

    // research/servicestack-formats.md §9.3: a validation failure, byte for byte.
    auto v = h.serve(raw("GET", "/fail/validation"));
    CHECK(v.status == 400);
    CHECK(v.status_description == "NotEmpty");
    CHECK(v.body ==
          R"({"responseStatus":{"errorCode":"NotEmpty","message":"'Name' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Name","message":"'Name' must not be empty.","meta":{"PropertyName":"Name","Severity":"Error"}}]}})");

    // The same through the FluentValidation-style validator, in XML, read back as a client would.
    auto x = h.serve(raw("POST", "/hello.xml", {{"Content-Type", "application/json"}}, R"({"Times":-1})"));
    CHECK(x.status == 400);
    CHECK(content_type(x) == "application/xml");
    const auto err = http::try_read_response<HelloResponse>(x);
    REQUIRE_FALSE(err.has_value());
    REQUIRE(err.error().field_errors().size() == 2);
    CHECK(err.error().field_errors()[0].FieldName == "Name");
    CHECK(err.error().field_errors()[1].FieldName == "Times");
    CHECK(err.error().field_errors()[1].Message == "'Times' must be greater than or equal to '0'.");

    auto e = h.serve(raw("GET", "/fail/boom"));
    CHECK(e.status == 500);
    CHECK(e.body == R"({"responseStatus":{"errorCode":"Exception","message":"boom","errors":[]}})");
    e = h.serve(raw("GET", "/fail/argument?format=jsv"));
    CHECK(e.status == 400);
    CHECK(e.body == "{responseStatus:{errorCode:ArgumentException,message:bad argument,errors:[]}}");

    // No route: 404 in ServiceStack's ErrorResponse.
    auto n = h.serve(raw("GET", "/nowhere"));
    CHECK(n.status == 404);
    CHECK(n.body == R"({"responseStatus":{"errorCode":"NotFound","message":"Handler for Request not found: GET /nowhere","errors":[]}})");
    CHECK(h.serve(raw("DELETE", "/ping")).status == 404);  // the route does not allow the verb

    // A request that cannot be bound: 400 SerializationException saying where.
    auto s = h.serve(raw("POST", "/hello", {{"Content-Type", "application/json"}}, R"({"Name":"x","Times":"many"})"));
    CHECK(s.status == 400);
    const auto se = http::try_read_response<HelloResponse>(s);
    REQUIRE_FALSE(se.has_value());
    CHECK(se.error().error_code() == "SerializationException");
    CHECK(se.error().error_message().find("application/json body") != std::string_view::npos);
    CHECK(se.error().error_message().find("Times") != std::string_view::npos);
    auto u = h.serve(raw("POST", "/hello", {{"Content-Type", "text/html"}}, "<p>hi</p>"));
    CHECK(u.status == 400);
    CHECK(u.body.find("cannot read a request body of Content-Type 'text/html'") != std::string::npos);
}

TEST_CASE("host over sockets: keep-alive, pipelining, limits, slow and malformed peers", "[host][sockets]") {
    host::host_options o;
    o.max_request_body = 256;
    o.max_request_header = 1024;
    o.request_timeout = std::chrono::milliseconds(300);
    host::service_host h(o);
    register_test_service(h);
    const auto port = h.listen("127.0.0.1", 0);
    h.start();

    SECTION("two pipelined requests on one connection, then Connection: close") {
        raw_peer p(port);
        p.send("GET /hello/A HTTP/1.1\r\nHost: x\r\n\r\nGET /hello/B HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        bool closed = false;
        const std::string got = p.receive(std::chrono::milliseconds(2000), &closed);
        CHECK(closed);
        CHECK(count(got, "HTTP/1.1 200 OK") == 2);
        CHECK(got.find(R"({"result":"Hello, A!"})") != std::string::npos);
        CHECK(got.find(R"({"result":"Hello, B!"})") != std::string::npos);
        CHECK(got.find("Server: sstk") != std::string::npos);
    }
    SECTION("a body over the limit: 413 with a ServiceStack body, connection closed") {
        raw_peer p(port);
        p.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + std::string(3000, ' '));
        bool closed = false;
        const std::string got = p.receive(std::chrono::milliseconds(3000), &closed);
        CHECK(closed);
        CHECK(got.rfind("HTTP/1.1 413 BadHttpRequestException\r\n", 0) == 0);
        CHECK(got.find(R"("message":"Request body too large. The max request body size is 256 bytes.")") != std::string::npos);
    }
    SECTION("headers over the limit: 431") {
        raw_peer p(port);
        p.send("GET /hello/A HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
        bool closed = false;
        const std::string got = p.receive(std::chrono::milliseconds(3000), &closed);
        CHECK(closed);
        CHECK(got.rfind("HTTP/1.1 431", 0) == 0);
    }
    SECTION("a peer that never finishes its request is cut off after request_timeout") {
        raw_peer p(port);
        p.send("POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{\"Na");
        bool closed = false;
        const std::string got = p.receive(std::chrono::milliseconds(3000), &closed);
        CHECK(closed);
        CHECK(got.empty());
    }
    SECTION("a malformed request: 400 and closed") {
        raw_peer p(port);
        p.send("GET /hello/A HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
        bool closed = false;
        const std::string got = p.receive(std::chrono::milliseconds(3000), &closed);
        CHECK(closed);
        CHECK(got.rfind("HTTP/1.1 400", 0) == 0);
    }
    h.stop();
}

TEST_CASE("host: graceful shutdown finishes requests in flight and closes idle connections", "[host][sockets]") {
    host::service_host h;
    register_test_service(h);
    const auto port = h.listen("127.0.0.1", 0);
    h.start();

    raw_peer idle(port);
    idle.send("GET /hello/I HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(idle.receive(std::chrono::milliseconds(500)).find("Hello, I!") != std::string::npos);

    raw_peer busy(port);
    const int before = slow_started;
    busy.send("GET /slow?millis=400 HTTP/1.1\r\nHost: x\r\n\r\n");
    for (int i = 0; i < 500 && slow_started == before; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(slow_started > before);  // the handler is running
    std::thread stopper([&] { h.stop(); });

    bool closed = false;
    const std::string got = busy.receive(std::chrono::milliseconds(3000), &closed);
    CHECK(got.rfind("HTTP/1.1 200 OK", 0) == 0);
    CHECK(got.find("Connection: close") != std::string::npos);
    CHECK(got.find(R"({"result":"slept"})") != std::string::npos);
    CHECK(closed);
    bool idle_closed = false;
    CHECK(idle.receive(std::chrono::milliseconds(3000), &idle_closed).empty());
    CHECK(idle_closed);
    stopper.join();
    CHECK(h.open_connections() == 0);

    // New connections are refused once stopped.
    CHECK_THROWS(raw_peer(port));
}

TEST_CASE("host: request logs name the route and mask secrets", "[host]") {
    using namespace sstk::apis::platform_api;
    std::mutex m;
    std::vector<std::string> lines;
    host::host_options o;
    o.log = [&](const host::request_log& l) {
        std::lock_guard lock(m);
        lines.push_back(std::string(l.verb) + " " + std::string(l.route) + " " + std::to_string(l.status) + " " + std::string(l.request));
    };
    host::service_host h(o);
    h.handle<PasswordReset>([](const PasswordReset&) { return PasswordResetResponse{}; });
    h.handle<GetResetPasswordToken>([](const GetResetPasswordToken&) { return GetResetPasswordTokenResponse{}; });
    const auto port = h.listen("127.0.0.1", 0);
    h.start();
    raw_peer p(port);
    const std::string body = R"({"Token":"tok-SECRET-1","NewPassword":"pw-SECRET-2","ConfirmPassword":"pw-SECRET-2"})";
    p.send("POST /api/account/passwordreset?Token=tok-SECRET-3 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body + "GET /api/account/bob/passwordresettoken HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(count(p.receive(std::chrono::milliseconds(1000)), "HTTP/1.1 200 OK") == 2);
    h.stop();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "POST /api/account/passwordreset 200 PasswordReset{NewPassword: ***, ConfirmPassword: ***, Token: ***, ApplianceId: null, SubdomainName: null}");
    CHECK(lines[1].rfind("GET /api/account/{UserName}/passwordresettoken 200 GetResetPasswordToken{UserName: \"bob\"", 0) == 0);
    for (const auto& l : lines) CHECK(l.find("SECRET") == std::string::npos);
}
