// GET /types/metadata on a running host: the MetadataTypes JSON of the DTOs registered with
// handle<T>(), fetched with the client over loopback, and the full circle — what each seed
// service's host serves, fed to sstk-codegen, gives back the checked-in DTO headers.
#include "../metadata/codegen_circle.hpp"
#include "test_service.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/client/client.hpp>
#include <sstk/host/service_host.hpp>

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <vector>

using namespace sstk;

namespace {

namespace bj = boost::json;

// A handler answering the default response: the metadata is what is under test.
template <class Request>
void register_default(host::service_host& h) {
    h.handle<Request>([](const Request&) {
        if constexpr (has_response_type<Request>) return response_type_t<Request>{};
    });
}

template <class... Requests>
struct seed_host {
    seed_host() {
        (register_default<Requests>(host), ...);
        port = host.listen("127.0.0.1", 0);
        host.start();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
    host::service_host host;
    std::uint16_t port = 0;
};

http::response fetch(const std::string& url, std::string target, std::string verb = "GET") {
    client::client c(url);
    return c.exchange(http::request{std::move(verb), std::move(target), {}, {}});
}

const bj::object& operation(const bj::object& doc, std::string_view request_name) {
    for (const bj::value& op : doc.at("operations").as_array())
        if (op.as_object().at("request").as_object().at("name").as_string() == request_name) return op.as_object();
    FAIL("no operation for " << request_name);
    throw std::logic_error("unreachable");
}

template <class... Requests>
void check_circle(const std::string& service) {
    INFO(service);
    seed_host<Requests...> h;
    const http::response r = fetch(h.url(), "/types/metadata");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
    CHECK(r.body == sstk::metadata::types_metadata_json<Requests...>());  // what the builder makes, nothing else
    int status = 0;
    const std::string header = sstk_test::generate_seed_header(r.body, service, &status);
    REQUIRE(status == 0);
    CHECK(sstk_test::blocks_of(header) == sstk_test::blocks_of(sstk_test::seed_header(service)));
}

}  // namespace

TEST_CASE("host: GET /types/metadata describes the registered operations", "[host][metadata]") {
    host::host_options o;
    o.metadata.base_url = "https://hello.example.org";
    host::service_host h(o);
    sstk_test::register_test_service(h);
    const auto port = h.listen("127.0.0.1", 0);
    h.start();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);

    const http::response r = fetch(url, "/types/metadata");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type") == "application/json; charset=utf-8");
    const bj::object doc = bj::parse(r.body).as_object();
    CHECK(doc.at("config").as_object().at("baseUrl") == "https://hello.example.org");
    CHECK(doc.at("operations").as_array().size() == 6);  // one per handle<T>()
    const bj::object& hello = operation(doc, "Hello");
    CHECK(hello.at("request").as_object().at("namespace") == "Test.ServiceModel");
    CHECK(hello.at("returnType").as_object().at("name") == "HelloResponse");
    CHECK(hello.at("response").as_object().at("properties").as_array().size() == 2);
    const bj::array& routes = hello.at("routes").as_array();
    REQUIRE(routes.size() == 2);
    CHECK(routes[0].as_object().at("path") == "/hello/{Name}");
    CHECK(routes[0].as_object().at("verbs") == "GET,POST,PUT,DELETE,PATCH");
    CHECK(operation(doc, "Ping").at("returnsVoid") == true);

    // Case-insensitive as ServiceStack's routes; a format suffix still answers JSON; HEAD has no body.
    CHECK(fetch(url, "/Types/Metadata").body == r.body);
    CHECK(fetch(url, "/types/metadata.json").body == r.body);
    const http::response head = fetch(url, "/types/metadata", "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(fetch(url, "/types/metadata", "POST").status == 404);  // no operation there
    h.stop();

    host::host_options off;
    off.serve_metadata = false;
    host::service_host h2(off);
    sstk_test::register_test_service(h2);
    CHECK(h2.serve(http::request{"GET", "/types/metadata", {}, {}}).status == 404);
}

TEST_CASE("host: a DTO the metadata cannot describe is served; /types/metadata says why", "[host][metadata]") {
    host::service_host h;
    sstk_test::register_test_service(h);
    h.handle<sstk_test::Generic<int>>([](const sstk_test::Generic<int>& g) { return sstk_test::HelloResponse{g.Value ? "set" : "unset", {}}; });
    const http::response r = h.serve(http::request{"GET", "/types/metadata", {}, {}});
    CHECK(r.status == 500);
    CHECK(r.body.find("NotSupportedException") != std::string::npos);
    CHECK(r.body.find("Generic<Int32>") != std::string::npos);
    CHECK_THROWS_AS(h.metadata_json(), sstk::error);
    const http::response ok = h.serve(http::request{"GET", "/generic?value=3", {}, {}});
    CHECK(ok.status == 200);
    CHECK(ok.body == R"({"result":"set"})");
}

TEST_CASE("host: full circle — each seed service's /types/metadata through sstk-codegen gives back its DTOs", "[host][metadata]") {
    namespace a = sstk::apis;
    check_circle<a::platform_api::GetResetPasswordToken, a::platform_api::PasswordReset>("platform_api");
    check_circle<a::antel_api::ResetPassword>("antel_api");
    check_circle<a::antel_merchandiser::ResetPassword>("antel_merchandiser");
    check_circle<a::ppw_assist::ResetPasswordRequest>("ppw_assist");
}
