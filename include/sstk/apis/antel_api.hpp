// DTOs of the Antel API (antel.api.dev.86degrees.com), CLR namespace WebService.ServiceModel with bases in
// WebService.ServiceModel.Base, from tests/data/seeds/002_148d884c7b0780f4.txt
// (routes table, Kotlin source, XML samples).
//
// Written by hand in the form sstk-codegen emits. Nullability follows the Kotlin source
// (every member nullable); the request declares no IReturn<T>.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sstk::apis::antel_api {

inline constexpr std::string_view clr_namespace = "WebService.ServiceModel";
inline constexpr std::string_view base_clr_namespace = "WebService.ServiceModel.Base";

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
                 sstk::member("WasSuccessful").is_required().describe("Did the intended operation for this response complete successfully?"));
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
                 sstk::member("EmailAddress").describe("User email address"),
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

}  // namespace sstk::apis::antel_api
