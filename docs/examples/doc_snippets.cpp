// The C++ blocks of README.md and docs/*.md that are not excerpts of another example, verbatim,
// each in a scope that declares what it uses — compiled and run by the test suite
// (example_doc_snippets), and matched against the Markdown by tests/cli/doc_snippets.py, so a
// documented line that stops compiling (or drifts from this file) fails the tests.
//
// The snippets show API calls without using every result: unused-value warnings are off here.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wunused-value"
#pragma clang diagnostic ignored "-Wunused-local-typedef"
#pragma clang diagnostic ignored "-Wunused-variable"
#pragma clang diagnostic ignored "-Wunused-lambda-capture"
#else
#pragma GCC diagnostic ignored "-Wunused-value"
#pragma GCC diagnostic ignored "-Wunused-local-typedefs"
#pragma GCC diagnostic ignored "-Wunused-variable"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif

#include <sstk/apis/antel_api.hpp>   // DTOs of a seed service (codegen writes these)
#include <sstk/debug.hpp>
#include <sstk/json.hpp>
#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>
#include <sstk/http.hpp>

#include <sstk/apis/platform_api.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/core/walker.hpp>

#include <iostream>
#include <optional>
#include <string>

// ---- README.md: a hand-written DTO -------------------------------------------------------------
namespace readme {
struct HelloResponse {
    std::optional<std::string> Result;
};
BOOST_DESCRIBE_STRUCT(HelloResponse, (), (Result))

struct Hello { std::optional<std::string> Name; };
BOOST_DESCRIBE_STRUCT(Hello, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Hello>) {
    return sstk::contract("Hello").clr_namespace("MyApp.ServiceModel")
        .returns<HelloResponse>()
        .routes(sstk::route("/hello/{Name}", "GET"))
        .members(sstk::member("Name").is_required().describe("Who to greet"));
}
}  // namespace readme

// ---- docs/core.md: a DTO ------------------------------------------------------------------------
namespace my::api {
struct ResetPasswordResponse {
    std::optional<bool> WasSuccessful;
};
BOOST_DESCRIBE_STRUCT(ResetPasswordResponse, (), (WasSuccessful))
}  // namespace my::api

namespace my::api {
struct ApiServiceRequest {                       // a base class in another CLR namespace
    std::optional<std::string> ApiKey;
};
BOOST_DESCRIBE_STRUCT(ApiServiceRequest, (), (ApiKey))
constexpr auto sstk_contract(sstk::type_tag<ApiServiceRequest>) {
    return sstk::contract("ApiServiceRequest").clr_namespace("WebService.ServiceModel.Base");
}

struct ResetPassword : ApiServiceRequest {
    std::optional<std::string> Password;
};
BOOST_DESCRIBE_STRUCT(ResetPassword, (ApiServiceRequest), (Password))
constexpr auto sstk_contract(sstk::type_tag<ResetPassword>) {
    return sstk::contract("ResetPassword")
        .clr_namespace("WebService.ServiceModel")
        .returns<ResetPasswordResponse>()                        // IReturn<ResetPasswordResponse>
        .routes(sstk::route("/user/password/reset", "POST"))     // [Route(path, verbs)]
        .members(sstk::member("Password").is_required().describe("Plain text new user password"));
}
}

namespace {

int failures = 0;
void expect(bool ok, const char* what) {
    if (!ok) {
        ++failures;
        std::cerr << "doc snippets: FAILED: " << what << '\n';
    }
}

// Options standing for whichever options struct a call takes (json.md passes `options` to a
// writer and to a reader).
struct any_json_options {
    operator sstk::json::write_options() const { return {}; }
    operator sstk::json::read_options() const { return {}; }
};

void readme_first() {
sstk::apis::antel_api::ResetPassword req;
req.ApiKey = "k"; req.EmailAddress = "a@b.c"; req.Password = req.PasswordConfirm = "s3cret!";
std::string body = sstk::json::write(req);        // {"EmailAddress":"a@b.c","Password":"s3cret!",...}
auto resp = sstk::json::try_read<sstk::apis::antel_api::ResetPasswordResponse>(R"({"wasSuccessful":true})");
if (!resp) std::cerr << resp.error().what();      // kind, member path, line:column, byte offset
std::clog << sstk::debug(req) << "\n";             // ResetPassword{..., Password: ***, ApiKey: ***, ...}
    expect(resp && resp->WasSuccessful == true, "README: try_read");
}

void readme_formats() {
sstk::apis::platform_api::PasswordReset r;
r.NewPassword = r.ConfirmPassword = "s3cret!"; r.Token = "t0k"; r.SubdomainName = "acme";
sstk::json::write(r);   // {"NewPassword":"s3cret!","ConfirmPassword":"s3cret!","Token":"t0k","SubdomainName":"acme"}
sstk::xml::write(r);    // <?xml version="1.0" encoding="utf-8"?><PasswordReset xmlns:i="…" xmlns="…ServiceModel"><ApplianceId i:nil="true" />…
sstk::jsv::write(r);    // {NewPassword:s3cret!,ConfirmPassword:s3cret!,Token:t0k,SubdomainName:acme}
sstk::csv::write(r);    // NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\ns3cret!,s3cret!,t0k,,acme\r\n
sstk::query::write(r);  // newPassword=s3cret%21&confirmPassword=s3cret%21&token=t0k&subdomainName=acme
    expect(sstk::json::write(r) == R"({"NewPassword":"s3cret!","ConfirmPassword":"s3cret!","Token":"t0k","SubdomainName":"acme"})", "README: json");
    expect(sstk::jsv::write(r) == "{NewPassword:s3cret!,ConfirmPassword:s3cret!,Token:t0k,SubdomainName:acme}", "README: jsv");
    expect(sstk::csv::write(r) == "NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\ns3cret!,s3cret!,t0k,,acme\r\n", "README: csv");
    expect(sstk::query::write(r) == "newPassword=s3cret%21&confirmPassword=s3cret%21&token=t0k&subdomainName=acme", "README: query");
}

void readme_http() {
    using sstk::apis::antel_api::ResetPasswordResponse;
    sstk::apis::antel_api::ResetPassword reset_password;
    const int status = 200;
    const std::string content_type = "application/json; charset=utf-8";
    const std::string body = R"({"wasSuccessful":true})";
auto req = sstk::http::request_for(reset_password, sstk::http::format::json);
// req.verb == "POST", req.target == "/user/password/reset", req.headers, req.body
auto resp = sstk::http::read_response<ResetPasswordResponse>(status, content_type, body);  // throws web_service_exception on 4xx/5xx
    expect(req.verb == "POST" && req.target == "/user/password/reset" && resp.WasSuccessful == true, "README: http");
}

void readme_hello() {
    const auto r = sstk::http::request_for(readme::Hello{std::string("bob")}, sstk::http::format::json);
    expect(r.verb == "GET" && r.target == "/hello/bob", "README: Hello route");
}

void core_walker() {
    using my::api::ResetPassword;
sstk::for_each_member<ResetPassword, sstk::member_order::servicestack>([&](auto m) {
    using M = decltype(m);
    // M::name, M::key<sstk::casing::camel>, M::order, M::required, M::owner_type, M::get(obj)
});
    std::string names;
    sstk::for_each_member<ResetPassword, sstk::member_order::servicestack>([&](auto m) {
        using M = decltype(m);
        names += std::string(M::name) + (M::required ? "!" : "") + ",";
    });
    expect(names == "Password!,ApiKey,", "core.md: walker");
    expect(sstk::json::write(my::api::ResetPassword{{std::string("k")}, std::string("p")}) ==
               R"({"Password":"p","ApiKey":"k"})",
           "core.md: derived members first");
}

void http_client() {
    using sstk::apis::antel_api::ResetPasswordResponse;
    sstk::apis::antel_api::ResetPassword dto;
    const int status = 400;
    const std::string reason = "Bad Request";
    const std::string content_type = "application/json";
    const std::string body =
        R"({"responseStatus":{"errorCode":"NotEmpty","message":"'Email Address' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"EmailAddress","message":"'Email Address' must not be empty."}]}})";
    bool threw = false;
    try {
auto req = sstk::http::request_for(dto, sstk::http::format::json);
// req.verb "POST", req.target "/user/password/reset",
// req.headers {Accept: application/json, Content-Type: application/json}, req.body "{...}"

sstk::http::response resp{status, reason, {{"Content-Type", content_type}}, body};  // from your HTTP library
auto out = sstk::http::read_response<ResetPasswordResponse>(resp);  // throws web_service_exception / sstk::error
auto r   = sstk::http::try_read_response<ResetPasswordResponse>(resp);  // result<T, web_service_error>
if (!r && r.error().is_http_error()) { r.error().status_code; r.error().error_code(); r.error().field_errors(); }
    } catch (const sstk::http::web_service_exception& e) {
        threw = e.status_code() == 400 && e.error_code() == "NotEmpty";
    }
    expect(threw, "http.md: a 400 throws web_service_exception");
}

void http_server() {
    using sstk::apis::platform_api::GetResetPasswordToken;
    GetResetPasswordToken dto;
    dto.UserName = "bob";
    const auto req = sstk::http::request_for(dto, sstk::http::format::json);
auto b = sstk::http::bind_request<GetResetPasswordToken>(req);  // throws sstk::error
// b.dto, b.response_format, b.route (which route, its captures)
auto err = sstk::http::validation_error_response(
    {sstk::http::field_error("NotEmpty", "Name", "'Name' must not be empty.")}, b.response_format);
// 400, Content-Type per format, body {"responseStatus":{"errorCode":"NotEmpty",...,"errors":[...]}}
    expect(b.dto.UserName == "bob" && err.status == 400, "http.md: bind and validation error");
}

void json_api() {
    using sstk::apis::antel_api::ResetPasswordResponse;
    sstk::apis::antel_api::ResetPassword request;
    std::string buffer;
    any_json_options options;
    const std::string text = R"({"WasSuccessful":true})";
    ResetPasswordResponse existing;
std::string body = sstk::json::write(request);                         // throws sstk::error
sstk::json::write(buffer, request, options);                            // appends; buffer unchanged on error
auto r   = sstk::json::try_write(request);                              // sstk::result<std::string>
auto dto = sstk::json::read<ResetPasswordResponse>(text);               // throws sstk::error
auto res = sstk::json::try_read<ResetPasswordResponse>(text, options);  // sstk::result<T>
sstk::json::read(text, existing);                                       // reuses `existing`, reset first
    expect(body == buffer && r && dto == existing && res && *res == dto, "json.md");
}

void xml_api() {
    using sstk::apis::platform_api::PasswordResetResponse;
    sstk::apis::platform_api::PasswordReset request;
    const std::string text = sstk::xml::write(PasswordResetResponse{});
std::string body = sstk::xml::write(request);                                       // server form
std::string req  = sstk::xml::write(request, sstk::xml::write_options::for_form(sstk::xml::form::client));
auto resp = sstk::xml::read<PasswordResetResponse>(text);                           // throws sstk::error
auto r    = sstk::xml::try_read<PasswordResetResponse>(text);                       // sstk::result<T>
    expect(body.size() > req.size() && r && *r == resp, "xml.md");
}

void limits_api() {
    using Order = sstk::apis::platform_api::PasswordReset;
    const std::string body = sstk::json::write(Order{});
    sstk::read_limits my_service_limits;
    my_service_limits.max_members = 100;
sstk::json::read_options o;
o.max_string_length = 1 << 20;      // one limit
o.limits() = my_service_limits;     // or all five
auto dto = sstk::json::read<Order>(body, o);
    expect(dto == Order{} && o.max_members == 100, "limits.md");
}

}  // namespace

int main() {
    readme_first();
    readme_formats();
    readme_http();
    readme_hello();
    core_walker();
    http_client();
    http_server();
    json_api();
    xml_api();
    limits_api();
    std::cout << (failures == 0 ? "doc snippets: ok\n" : "doc snippets: FAILED\n");
    return failures == 0 ? 0 : 1;
}
