// docs/client.md: the asynchronous client — calls in flight at once on one io_context, each
// completing with a client_result, errors as values; and a std::future through use_future.
#include <sstk/client/async_client.hpp>
#include <sstk/host/service_host.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/describe/class.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

namespace demo {
struct GreetingResponse {
    std::optional<std::string> Greeting{};
    std::optional<sstk::ResponseStatus> ResponseStatus{};
};
BOOST_DESCRIBE_STRUCT(GreetingResponse, (), (Greeting, ResponseStatus))
constexpr auto sstk_contract(sstk::type_tag<GreetingResponse>) { return sstk::contract("GreetingResponse").clr_namespace("Demo.Async"); }

struct Greet {
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Greet, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Greet>) {
    return sstk::contract("Greet").clr_namespace("Demo.Async").returns<GreetingResponse>().routes(
        sstk::route("/greet/{Name}", "GET"), sstk::route("/greet", "POST"));
}
}  // namespace demo

using namespace demo;

int main() {
    sstk::host::service_host host;
    host.handle<Greet>([](const Greet& req) {
        sstk::host::validator v;
        v.not_empty("Name", req.Name).throw_if_invalid();
        return GreetingResponse{.Greeting = "Hello, " + *req.Name};
    });
    const auto port = host.listen("127.0.0.1", 0);
    host.start();
    const std::string base_url = "http://127.0.0.1:" + std::to_string(port);
    int answered = 0, field_errors = 0;

boost::asio::io_context ioc;
sstk::client::async_client c(ioc, base_url, {.format = sstk::http::format::xml});
for (std::string name : {"ann", "bob", "cy"})      // three calls in flight, three connections
    c.async_get(Greet{.Name = name}, [&](sstk::client::client_result<GreetingResponse> r) {
        if (r) ++answered;                            // r->Greeting == "Hello, ann", ...
        else std::cerr << r.error().message << '\n';  // the same client_error as try_get
    });
c.async_post(Greet{}, [&](sstk::client::client_result<GreetingResponse> r) {
    if (!r && r.error().kind == sstk::client::fault::http) field_errors = int(r.error().web->field_errors().size());
});
ioc.run();                                            // returns when all four have completed

auto later = c.async_get(Greet{.Name = "dee"}, boost::asio::use_future);
std::thread runner([&] { ioc.restart(); ioc.run(); });
auto dee = later.get();                               // client_result<GreetingResponse>
runner.join();

    host.stop();
    const bool ok = answered == 3 && field_errors == 1 && dee && dee->Greeting == "Hello, dee" && c.connections_opened() <= 4;
    std::cout << (ok ? "async client: ok\n" : "async client: FAILED\n");
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
