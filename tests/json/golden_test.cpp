// Golden JSON for every seed DTO, PascalCase (what the C# client sends) and camelCase (what a
// .NET Core ServiceStack server answers), checked together with the round trip.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/json.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

namespace {

// Writes obj, checks the exact bytes, reads them back and checks the same object returns.
template <class T>
void write_and_read(const T& obj, const std::string& expected, json::write_options o = {}) {
    const std::string text = json::write(obj, o);
    CHECK(text == expected);
    const T back = json::read<T>(text);
    CHECK(back == obj);
    CHECK(json::write(back, o) == expected);
}

json::write_options camel() {
    json::write_options o;
    o.casing = casing::camel;
    return o;
}

ResponseStatus sample_status() {
    ResponseStatus s;
    s.ErrorCode = "NotEmpty";
    s.Message = "'Password' must not be empty.";
    ResponseError e{"NotEmpty", "Password", "'Password' must not be empty.", {}};
    e.Meta.emplace();
    (*e.Meta)["PropertyName"] = "Password";
    s.Errors = std::vector<ResponseError>{e};
    return s;
}

}  // namespace

TEST_CASE("Platform API (seeds 000, 001)") {
    using namespace apis::platform_api;
    GetResetPasswordToken t{"jane", guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "acme", std::nullopt, "https://acme.example/login"};
    write_and_read(t, R"({"UserName":"jane","ApplianceId":"0f8fad5bd9cb469fa16570867728950e","SubdomainName":"acme","ApplianceLoginUrl":"https://acme.example/login"})");
    write_and_read(t, R"({"userName":"jane","applianceId":"0f8fad5bd9cb469fa16570867728950e","subdomainName":"acme","applianceLoginUrl":"https://acme.example/login"})", camel());
    write_and_read(GetResetPasswordTokenResponse{}, "{}");
    PasswordReset p{"n3w!", "n3w!", "tok", std::nullopt, "acme"};
    write_and_read(p, R"({"NewPassword":"n3w!","ConfirmPassword":"n3w!","Token":"tok","SubdomainName":"acme"})");
    write_and_read(p, R"({"newPassword":"n3w!","confirmPassword":"n3w!","token":"tok","subdomainName":"acme"})", camel());
    write_and_read(PasswordResetResponse{sample_status()},
                   R"({"responseStatus":{"errorCode":"NotEmpty","message":"'Password' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Password","message":"'Password' must not be empty.","meta":{"PropertyName":"Password"}}]}})",
                   camel());
}

TEST_CASE("Antel API and Antel Merchandiser App API (seeds 002, 004)") {
    auto check = [](auto req, auto resp) {
        req.ApiKey = "k-1";
        req.Latitude = -33.92487;
        req.Longitude = 18.424055;
        req.TemporaryPassword = "tmp";
        req.EmailAddress = "a@b.c";
        req.Password = req.PasswordConfirm = "s3cret!";
        write_and_read(req, R"({"TemporaryPassword":"tmp","EmailAddress":"a@b.c","Password":"s3cret!","PasswordConfirm":"s3cret!","ApiKey":"k-1","Latitude":-33.92487,"Longitude":18.424055})");
        write_and_read(req, R"({"temporaryPassword":"tmp","emailAddress":"a@b.c","password":"s3cret!","passwordConfirm":"s3cret!","apiKey":"k-1","latitude":-33.92487,"longitude":18.424055})", camel());
        resp.SystemUserId = 42;
        resp.Description = "done";
        resp.Heading = "Password reset";
        resp.WasSuccessful = true;
        write_and_read(resp, R"({"SystemUserId":42,"Description":"done","Heading":"Password reset","WasSuccessful":true})");
        resp.WasSuccessful = false;
        resp.ResponseStatus = sample_status();
        write_and_read(resp, R"({"systemUserId":42,"description":"done","heading":"Password reset","wasSuccessful":false,"responseStatus":{"errorCode":"NotEmpty","message":"'Password' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Password","message":"'Password' must not be empty.","meta":{"PropertyName":"Password"}}]}})", camel());
    };
    check(apis::antel_api::ResetPassword{}, apis::antel_api::ResetPasswordResponse{});
    check(apis::antel_merchandiser::ResetPassword{}, apis::antel_merchandiser::ResetPasswordResponse{});
}

TEST_CASE("PPW Assist (seed 003, an ASP.NET Web API service)") {
    using namespace apis::ppw_assist;
    // The help page's sample, as its Web API (Newtonsoft) server would send it compactly.
    const ResetPasswordRequest req{"sample string 1", "sample string 2", "sample string 3", "sample string 4", "sample string 5"};
    write_and_read(req, R"({"Email":"sample string 1","AppUsername":"sample string 2","AppPassword":"sample string 3","PasswordResetCode":"sample string 4","NewPassword":"sample string 5"})");
    const auto resp = json::read<ResetPasswordResponse>(R"({
  "Username": "sample string 1",
  "Password": "sample string 2",
  "Success": true,
  "ErrorMessage": "sample string 4",
  "ServerDateTime": "sample string 5",
  "ErrorType": 0
})");
    CHECK(resp.Username == "sample string 1");
    CHECK(resp.Success);
    CHECK(resp.ErrorType == Errors::SystemError);
    write_and_read(resp, R"({"Username":"sample string 1","Password":"sample string 2","Success":true,"ErrorMessage":"sample string 4","ServerDateTime":"sample string 5","ErrorType":"SystemError"})");
}
