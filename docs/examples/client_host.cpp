// docs/client.md: a service host on loopback with two operations, and the client calling it in
// JSON — a typed response, an IReturnVoid call, and field errors returned as a value.
#include <sstk/client/client.hpp>
#include <sstk/host/service_host.hpp>

#include <boost/describe/class.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

namespace demo {
struct HelloResponse {
    std::optional<std::string> Result{};
    std::optional<sstk::ResponseStatus> ResponseStatus{};
};
BOOST_DESCRIBE_STRUCT(HelloResponse, (), (Result, ResponseStatus))
constexpr auto sstk_contract(sstk::type_tag<HelloResponse>) { return sstk::contract("HelloResponse").clr_namespace("Demo"); }

struct Hello {
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Hello, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Hello>) {
    return sstk::contract("Hello").clr_namespace("Demo").returns<HelloResponse>().routes(
        sstk::route("/hello/{Name}", "GET"), sstk::route("/hello", "POST"));
}

struct Ping {
    std::optional<std::string> Text;
};
BOOST_DESCRIBE_STRUCT(Ping, (), (Text))
constexpr auto sstk_contract(sstk::type_tag<Ping>) {
    return sstk::contract("Ping").clr_namespace("Demo").returns_void().routes(sstk::route("/ping", "POST"));
}
}  // namespace demo

using namespace demo;

int main() {
    int failures = 0;
    const auto expect = [&](bool ok, const char* what) {
        if (!ok) {
            std::cerr << "FAILED: " << what << '\n';
            ++failures;
        }
    };
    int pings = 0;

sstk::host::service_host host({.threads = 2});
host.handle<Hello>([](const Hello& req) {
    sstk::host::validator v;
    v.not_empty("Name", req.Name).throw_if_invalid();       // 400, ResponseStatus.Errors
    return HelloResponse{.Result = "Hello, " + *req.Name};
});
host.handle<Ping>([&pings](const Ping&, sstk::host::request_context&) { ++pings; /* 204 */ });
auto port = host.listen("127.0.0.1", 0);   // 0: any free port
host.start();      // returns; serves on the io threads

    const std::string base_url = "http://127.0.0.1:" + std::to_string(port);
    {
sstk::client::client c(base_url, {.format = sstk::http::format::json});
auto r = c.get(Hello{.Name = "bob"});     // HelloResponse
c.post(Ping{});                           // IReturnVoid: returns nothing
auto x = c.try_post(Hello{});             // client_result<HelloResponse>
if (!x && x.error().kind == sstk::client::fault::http) {
    const sstk::client::client_error err = x.error();   // a copy: keep it while iterating
    for (auto& e : err.web->field_errors()) std::cout << *e.FieldName << ": " << *e.Message << '\n';
}

        expect(r.Result == "Hello, bob", "typed response");
        expect(pings == 1, "the void call reached the handler");
        expect(!x && x.error().status_code() == 400 && x.error().web->field_errors().size() == 1, "field errors");
    }
host.stop();       // graceful

    std::cout << (failures ? "FAILED\n" : "client and host: ok\n");
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
