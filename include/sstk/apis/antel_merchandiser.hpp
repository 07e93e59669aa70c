// DTOs of "Antel Merchandiser App API" (returnit-api-dev.happen.zone), CLR namespace WebService.AppApi.Models with bases in
// WebService.AppApi.Models.Base, from tests/data/seeds/004_86598d385774950a.txt
// (routes table, parameters tables, XML samples).
//
// Written by hand in the form sstk-codegen emits. The page has no DTO source: nullability
// follows the Kotlin source of the same DTOs in antel_api.hpp (every member nullable); Required
// follows this page's parameters tables. The request declares no IReturn<T>.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sstk::apis::antel_merchandiser {

inline constexpr std::string_view clr_namespace = "WebService.AppApi.Models";
inline constexpr std::string_view base_clr_namespace = "WebService.AppApi.Models.Base";

struct ApiServiceRequest {
    std::optional<std::string> ApiKey;
    std::optional<double> Latitude;
    std::optional<double> Longitude;

    friend bool operator==(const ApiServiceRequest&, const ApiServiceRequest&) = default;
};
BOOST_DESCRIBE_STRUCT(ApiServiceRequest, (), (ApiKey, Latitude, Longitude))

constexpr auto sstk_contract(sstk::type_tag<ApiServiceRequest>) {
    return sstk::contract("ApiServiceRequest")
        .clr_namespace(base_clr_namespace)
        .implements("IServiceRequest", "IHasApiKey", "IHasDeviceInfo")
        .members(sstk::member("ApiKey").is_required().describe("The API Key required for authentication"),
                 sstk::member("Latitude").describe("Latitude of the user making this request"),
                 sstk::member("Longitude").describe("Longitude of the user making this request"));
}

struct ApiServiceResponse {
    std::optional<std::string> Description;
    std::optional<std::string> Heading;
    std::optional<bool> WasSuccessful;
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const ApiServiceResponse&, const ApiServiceResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(ApiServiceResponse, (), (Description, Heading, WasSuccessful, ResponseStatus))

constexpr auto sstk_contract(sstk::type_tag<ApiServiceResponse>) {
    return sstk::contract("ApiServiceResponse")
        .clr_namespace(base_clr_namespace)
        .implements("IServiceResponse")
        .members(sstk::member("Description").is_required().describe("Information about the response."),
                 sstk::member("Heading").is_required().describe("Heading or summary of the response."),
                 sstk::member("WasSuccessful").is_required().describe("Did the intended operation for this response complete successfully?"),
                 sstk::member("ResponseStatus").is_required());
}

struct ResetPassword : ApiServiceRequest {
    std::optional<std::string> TemporaryPassword;
    std::optional<std::string> EmailAddress;
    std::optional<std::string> Password;
    std::optional<std::string> PasswordConfirm;

    friend bool operator==(const ResetPassword&, const ResetPassword&) = default;
};
BOOST_DESCRIBE_STRUCT(ResetPassword, (ApiServiceRequest), (TemporaryPassword, EmailAddress, Password, PasswordConfirm))

constexpr auto sstk_contract(sstk::type_tag<ResetPassword>) {
    return sstk::contract("ResetPassword")
        .clr_namespace(clr_namespace)
        .routes(sstk::route("/user/password/reset", "POST").with_summary("Reset password for user"))
        .members(sstk::member("TemporaryPassword").is_required().describe("Temp password to validate user password change"),
                 sstk::member("EmailAddress").is_required().describe("User email address"),
                 sstk::member("Password").is_required().describe("Plain text new user password"),
                 sstk::member("PasswordConfirm").is_required().describe("Plain text confirmation of new user password"));
}

struct ResetPasswordResponse : ApiServiceResponse {
    std::optional<std::int32_t> SystemUserId;

    friend bool operator==(const ResetPasswordResponse&, const ResetPasswordResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(ResetPasswordResponse, (ApiServiceResponse), (SystemUserId))

constexpr auto sstk_contract(sstk::type_tag<ResetPasswordResponse>) {
    return sstk::contract("ResetPasswordResponse").clr_namespace(clr_namespace);
}

}  // namespace sstk::apis::antel_merchandiser
