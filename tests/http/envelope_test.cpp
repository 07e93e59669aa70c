// Requests, server binding, error responses and reading responses: a request built for each
// seed operation in each format (verb, URL, headers, body), bound back to the same DTO on the
// server side; the validation-failure vectors of research §9.3 written in JSON and XML and read
// back as a WebServiceException would; and bad input (no matching route, undecodable bodies).
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/http.hpp>

#include <catch2/catch.hpp>

using namespace sstk;
using namespace sstk::http;

namespace {

const guid appliance = guid::parse("8f1c2a34-5b6d-4e7f-8091-a2b3c4d5e6f7");

apis::platform_api::GetResetPasswordToken token() {
    return {"bob smith", appliance, "acme", std::nullopt, "https://acme.example/login"};
}

apis::antel_api::ResetPassword antel() {
    apis::antel_api::ResetPassword r;
    r.ApiKey = "k-123";
    r.EmailAddress = "a@b.c";
    r.TemporaryPassword = "tmp 1";
    r.Password = r.PasswordConfirm = "s3cret!";
    return r;
}

// Every format: the headers of a body-carrying request, the body the codec writes, and the
// server binding the request back to the same DTO.
template <class T>
void check_every_format(const T& dto, std::string_view verb, std::string_view target) {
    for (const format f : all_formats) {
        INFO(mime_type(f));
        const request r = request_for(dto, f);
        CHECK(r.verb == verb);
        CHECK(r.target == target);
        CHECK(r.header("Accept") == mime_type(is_response_format(f) ? f : format::json));
        CHECK(r.header("Content-Type") == mime_type(f));
        CHECK(r.body == write_body(dto, f, body_write_options::client()));
        const auto b = bind_request<T>(r);
        CHECK(b.dto == dto);
        CHECK(b.body_format == f);
        CHECK(b.response_format == (is_response_format(f) ? f : format::json));
    }
}

request raw(std::string verb, std::string target, header_list headers = {}, std::string body = {}) {
    return request{std::move(verb), std::move(target), std::move(headers), std::move(body)};
}

constexpr std::string_view validation_json =
    R"({"responseStatus":{"errorCode":"NotEmpty","message":"'Name' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Name","message":"'Name' must not be empty.","meta":{"PropertyName":"Name","Severity":"Error"}}]}})";
constexpr std::string_view validation_xml =
    R"(<?xml version="1.0" encoding="utf-8"?><ErrorResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.servicestack.net/types"><ResponseStatus><ErrorCode>NotEmpty</ErrorCode><Message>'Name' must not be empty.</Message><StackTrace i:nil="true" /><Errors><ResponseError><ErrorCode>NotEmpty</ErrorCode><FieldName>Name</FieldName><Message>'Name' must not be empty.</Message><Meta xmlns:d5p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d5p1:KeyValueOfstringstring><d5p1:Key>PropertyName</d5p1:Key><d5p1:Value>Name</d5p1:Value></d5p1:KeyValueOfstringstring><d5p1:KeyValueOfstringstring><d5p1:Key>Severity</d5p1:Key><d5p1:Value>Error</d5p1:Value></d5p1:KeyValueOfstringstring></Meta></ResponseError></Errors><Meta xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" i:nil="true" /></ResponseStatus></ErrorResponse>)";

}  // namespace

TEST_CASE("seed requests: verb, URL, headers and JSON body") {
    const request r = request_for(token(), format::json);
    CHECK(r.verb == "POST");  // any verb on the route, no marker: POST, as JsonServiceClient.Send
    CHECK(r.target == "/api/account/bob%20smith/passwordresettoken");
    CHECK(r.headers == header_list{{"Accept", "application/json"}, {"Content-Type", "application/json"}});
    CHECK(r.body ==
          R"({"UserName":"bob smith","ApplianceId":"8f1c2a345b6d4e7f8091a2b3c4d5e6f7","SubdomainName":"acme","ApplianceLoginUrl":"https://acme.example/login"})");

    request_options get;
    get.verb = http_verb::get;
    const request g = request_for(token(), format::xml, get);
    CHECK(g.verb == "GET");
    CHECK(g.target == "/api/account/bob%20smith/passwordresettoken?applianceId=8f1c2a345b6d4e7f8091a2b3c4d5e6f7&subdomainName=acme"
                      "&applianceLoginUrl=https%3A%2F%2Facme.example%2Flogin");
    CHECK(g.headers == header_list{{"Accept", "application/xml"}});
    CHECK(g.body.empty());
    CHECK(bind_request<apis::platform_api::GetResetPasswordToken>(g).dto == token());

    const request a = request_for(antel(), format::json);
    CHECK(a.verb == "POST");
    CHECK(a.target == "/user/password/reset");
    CHECK(a.body == R"({"TemporaryPassword":"tmp 1","EmailAddress":"a@b.c","Password":"s3cret!","PasswordConfirm":"s3cret!","ApiKey":"k-123"})");
    CHECK(request_for(antel(), format::form).body ==
          "TemporaryPassword=tmp+1&EmailAddress=a%40b.c&Password=s3cret%21&PasswordConfirm=s3cret%21&ApiKey=k-123");
    CHECK(request_for(antel(), format::jsv).body ==
          "{TemporaryPassword:tmp 1,EmailAddress:a@b.c,Password:s3cret!,PasswordConfirm:s3cret!,ApiKey:k-123}");
}

TEST_CASE("each seed operation in each format binds back to the same DTO") {
    check_every_format(token(), "POST", "/api/account/bob%20smith/passwordresettoken");
    check_every_format(apis::platform_api::PasswordReset{"n3w", "n3w", "tok/1+2", appliance, "acme"}, "POST", "/api/account/passwordreset");
    check_every_format(antel(), "POST", "/user/password/reset");
    apis::antel_merchandiser::ResetPassword m;
    m.ApiKey = "k";
    m.Latitude = -33.9;
    m.Password = m.PasswordConfirm = "pa,ss:word";
    check_every_format(m, "POST", "/user/password/reset");
    check_every_format(apis::ppw_assist::ResetPasswordRequest{"a@b.c", "app", "secret", "RC-42", "n3w"}, "POST",
                       "/Api/Authenticate/ResetPassword");
}

TEST_CASE("request endpoints, verbs and path variables in the body") {
    request_options send;
    send.endpoint = endpoint::send;  // no verb to infer: POST /{format}/reply/{Name}
    CHECK(request_for(token(), format::jsv, send).target == "/jsv/reply/GetResetPasswordToken");
    CHECK(request_for(antel(), format::jsv, send).target == "/user/password/reset");  // its route's single verb
    request_options api;
    api.endpoint = endpoint::api;
    CHECK(request_for(token(), format::json, api).target == "/api/GetResetPasswordToken");
    request_options del;
    del.verb = http_verb::delete_;
    CHECK(request_for(token(), format::json, del).verb == "DELETE");
    request_options ppw_get;
    ppw_get.verb = http_verb::get;  // the only route is POST-only
    CHECK_FALSE(try_request_for(apis::ppw_assist::ResetPasswordRequest{}, format::json, ppw_get).has_value());

    request_options strip;
    strip.path_variables_in_body = false;
    const request s = request_for(token(), format::json, strip);
    CHECK(s.body ==
          R"({"ApplianceId":"8f1c2a345b6d4e7f8091a2b3c4d5e6f7","SubdomainName":"acme","ApplianceLoginUrl":"https://acme.example/login"})");
    CHECK(bind_request<apis::platform_api::GetResetPasswordToken>(s).dto == token());  // the path fills it in

    request_options accept_xml;
    accept_xml.accept = format::xml;
    CHECK(request_for(antel(), format::form, accept_xml).header("Accept") == "application/xml");
}

TEST_CASE("server binding: predefined routes, precedence, suffixes, negotiation") {
    using apis::platform_api::GetResetPasswordToken;
    // Predefined routes, any verb, their own format.
    auto reply = bind_request<GetResetPasswordToken>(raw("POST", "/xml/reply/GetResetPasswordToken?format=json", {},
                                                         "<GetResetPasswordToken xmlns=\"http://schemas.datacontract.org/2004/07/"
                                                         "Eros.Subtle.Canvara.WebAPIModel.ServiceModel\"><UserName>ann</UserName>"
                                                         "</GetResetPasswordToken>"));
    CHECK(reply.dto.UserName == "ann");
    CHECK(reply.route.kind == route_kind::reply);
    CHECK(reply.response_format == format::xml);
    auto api = bind_request<GetResetPasswordToken>(raw("GET", "/api/GetResetPasswordToken?userName=ann&suiteId=" + appliance.to_string()));
    CHECK(api.route.kind == route_kind::api);
    CHECK(api.dto.UserName == "ann");
    CHECK(api.dto.SuiteId == appliance);
    // path variables < query string < form body; the body is overridden by all three.
    auto b = bind_request<GetResetPasswordToken>(raw("POST", "/api/account/path-user/passwordresettoken.jsv?subdomainName=q",
                                                     {{"Content-Type", "application/json; charset=utf-8"}},
                                                     R"({"UserName":"body-user","SubdomainName":"body","ApplianceLoginUrl":"u"})"));
    CHECK(b.dto.UserName == "path-user");
    CHECK(b.dto.SubdomainName == "q");
    CHECK(b.dto.ApplianceLoginUrl == "u");
    CHECK(b.response_format == format::jsv);
    CHECK(b.response_format_source == format_source::extension);
    auto f = bind_request<GetResetPasswordToken>(raw("PUT", "/api/account/path-user/passwordresettoken?userName=query-user",
                                                     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "text/csv"}},
                                                     "UserName=form+user&SuiteId=" + appliance.to_string()));
    CHECK(f.dto.UserName == "form user");
    CHECK(f.dto.SuiteId == appliance);
    CHECK(f.response_format == format::csv);
}

TEST_CASE("server binding errors are clear sstk::errors") {
    using apis::antel_api::ResetPassword;
    auto wrong_verb = try_bind_request<ResetPassword>(raw("GET", "/user/password/reset"));
    REQUIRE_FALSE(wrong_verb.has_value());
    CHECK(wrong_verb.error().kind() == errc::invalid_value);
    CHECK(wrong_verb.error().message() == "no route of 'ResetPassword' matches GET /user/password/reset:\n\tPOST /user/password/reset");
    CHECK_FALSE(try_bind_request<ResetPassword>(raw("POST", "/user/password")).has_value());

    auto bad_json = try_bind_request<ResetPassword>(raw("POST", "/user/password/reset", {{"Content-Type", "application/json"}}, "{\"ApiKey\":"));
    REQUIRE_FALSE(bad_json.has_value());
    CHECK(bad_json.error().kind() == errc::syntax);
    CHECK(bad_json.error().message().rfind("application/json body: ", 0) == 0);

    auto unknown = try_bind_request<ResetPassword>(raw("POST", "/user/password/reset", {{"Content-Type", "text/plain"}}, "hi"));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().kind() == errc::unsupported);

    auto bad_query = try_bind_request<ResetPassword>(raw("POST", "/user/password/reset?latitude=north"));
    REQUIRE_FALSE(bad_query.has_value());
    CHECK(bad_query.error().message().rfind("query string: ", 0) == 0);
    CHECK(bad_query.error().path() == "Latitude");

    auto bad_escape = try_bind_request<ResetPassword>(raw("POST", "/user/password/reset?apiKey=%zz"));
    REQUIRE_FALSE(bad_escape.has_value());
    CHECK(bad_escape.error().kind() == errc::syntax);

    // A binding failure answered as ServiceStack answers it: 400 SerializationException.
    const response r = error_response(bad_json.error(), format::json);
    CHECK(r.status == 400);
    CHECK(r.status_description == "SerializationException");
    CHECK(r.body.rfind(R"({"responseStatus":{"errorCode":"SerializationException","message":"syntax error)", 0) == 0);
}

TEST_CASE("validation errors written as ServiceStack writes them, in JSON and XML") {
    const std::vector<ResponseError> errors{field_error("NotEmpty", "Name", "'Name' must not be empty.")};
    const response j = validation_error_response(errors, format::json);
    CHECK(j.status == 400);
    CHECK(j.status_description == "NotEmpty");
    CHECK(j.header("Content-Type") == "application/json; charset=utf-8");
    CHECK(j.body == validation_json);

    const response x = validation_error_response(errors, format::xml);
    CHECK(x.header("Content-Type") == "application/xml");
    CHECK(x.body == validation_xml);

    CHECK(status_of(failure::argument) == 400);
    CHECK(status_of(failure::authentication) == 401);
    CHECK(status_of(failure::unauthorized_access) == 403);
    CHECK(status_of(failure::file_not_found) == 404);
    CHECK(status_of(failure::not_implemented) == 405);
    CHECK(status_of(failure::optimistic_concurrency) == 409);
    CHECK(status_of(failure::unexpected) == 500);
    const response plain = error_response(failure::unexpected, "boom", format::json);
    CHECK(plain.body == R"({"responseStatus":{"errorCode":"Exception","message":"boom","errors":[]}})");

    // Into the response DTO when it has a ResponseStatus.
    const response own = error_response<apis::platform_api::PasswordResetResponse>(401, response_status("Unauthorized", "no"), format::jsv);
    CHECK(own.body == "{responseStatus:{errorCode:Unauthorized,message:no,errors:[]}}");
}

TEST_CASE("reading responses: the DTO, or a WebServiceException with the ResponseStatus") {
    using apis::antel_api::ResetPasswordResponse;
    const auto ok = read_response<ResetPasswordResponse>(200, "application/json; charset=utf-8",
                                                         R"({"description":"d","wasSuccessful":true,"systemUserId":7})");
    CHECK(ok.Description == "d");
    CHECK(ok.WasSuccessful == true);
    CHECK(ok.SystemUserId == 7);
    CHECK(read_response<ResetPasswordResponse>(204, "", "") == ResetPasswordResponse{});
    CHECK(read_response_for<apis::ppw_assist::ResetPasswordRequest>(response{200, "", {{"Content-Type", "text/jsv"}}, "{Success:True,Username:u}"})
              .Username == "u");

    for (const auto& [ct, body] : {std::pair{std::string_view("application/json"), validation_json},
                                   std::pair{std::string_view("application/xml"), validation_xml}}) {
        INFO(ct);
        try {
            read_response<ResetPasswordResponse>(400, ct, body);
            FAIL("no exception");
        } catch (const web_service_exception& e) {
            CHECK(e.status_code() == 400);
            CHECK(e.error().status_description == "Bad Request");
            CHECK(e.error_code() == "NotEmpty");
            CHECK(e.error_message() == "'Name' must not be empty.");
            REQUIRE(e.error().field_errors().size() == 1);
            CHECK(e.error().field_error("name")->Message == "'Name' must not be empty.");
            CHECK(e.error().response_body == body);
            CHECK(std::string(e.what()) == "400 Bad Request: NotEmpty: 'Name' must not be empty. (Name: 'Name' must not be empty.)");
        }
    }
    // ServiceStack's own reason phrase is the error code: describe() names it once.
    auto coded = try_read_response<ResetPasswordResponse>(response{400, "NotEmpty", {{"Content-Type", "application/json"}}, std::string(validation_json)});
    REQUIRE_FALSE(coded.has_value());
    CHECK(coded.error().describe() == "400 NotEmpty: 'Name' must not be empty. (Name: 'Name' must not be empty.)");
    // The server's own response type carries the status (camelCase JSON, any casing is read).
    auto own = try_read_response<ResetPasswordResponse>(
        response{500, "Internal Server Error", {{"Content-Type", "application/json"}},
                 R"({"wasSuccessful":false,"responseStatus":{"errorCode":"SqlException","message":"The INSERT statement conflicted","stackTrace":"at X","errors":[]}})"});
    REQUIRE_FALSE(own.has_value());
    CHECK(own.error().error_code() == "SqlException");
    CHECK(own.error().server_stack_trace() == "at X");
    CHECK(own.error().field_errors().empty());
}

TEST_CASE("undecodable response bodies are errors, not crashes") {
    using apis::antel_api::ResetPasswordResponse;
    auto bad = try_read_response<ResetPasswordResponse>(200, "application/json", "{\"description\":");
    REQUIRE_FALSE(bad.has_value());
    CHECK_FALSE(bad.error().is_http_error());
    REQUIRE(bad.error().body_error);
    CHECK(bad.error().body_error->kind() == errc::syntax);
    CHECK_THROWS_AS(read_response<ResetPasswordResponse>(200, "application/json", "{\"description\":"), sstk::error);
    CHECK_THROWS_AS(read_response<ResetPasswordResponse>(200, "text/html", "<html/>"), sstk::error);

    auto gateway = try_read_response<ResetPasswordResponse>(502, "text/html", "<html>Bad gateway</html>");
    REQUIRE_FALSE(gateway.has_value());
    CHECK(gateway.error().is_http_error());
    CHECK(gateway.error().error_code() == "Bad Gateway");  // no ResponseStatus: the status description
    CHECK_FALSE(gateway.error().response_status);
    REQUIRE(gateway.error().body_error);
    CHECK(gateway.error().body_error->kind() == errc::unsupported);
    CHECK_THROWS_AS(read_response<ResetPasswordResponse>(502, "text/html", "<html/>"), web_service_exception);

    auto garbled = try_read_response<ResetPasswordResponse>(400, "application/json", "not json");
    REQUIRE_FALSE(garbled.has_value());
    CHECK(garbled.error().response_body == "not json");
    CHECK(garbled.error().body_error);
    CHECK(garbled.error().error_code() == "Bad Request");
}
