// DTOs of "Platform API" (pfapi.pstpf.com.au), CLR namespace
// Eros.Subtle.Canvara.WebAPIModel.ServiceModel, from the operation metadata pages
// tests/data/seeds/000_3425237ccc70ea82.txt (GetResetPasswordToken, Python source + CSV sample)
// and tests/data/seeds/001_109d76360d5bc0f2.txt (PasswordReset, Java source + XML sample).
//
// Written by hand in the form sstk-codegen emits. Where the pages leave a fact open, the choice
// is stated: ApplianceId and SuiteId are Guid? (UUID in the Java source, Optional[str] in the
// Python source, a Guid in the samples, which fill nullable members too). Neither request
// declares IReturn<T>.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/types/guid.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace sstk::apis::platform_api {

inline constexpr std::string_view clr_namespace = "Eros.Subtle.Canvara.WebAPIModel.ServiceModel";

struct GetResetPasswordToken {
    std::optional<std::string> UserName;
    std::optional<sstk::guid> ApplianceId;
    std::optional<std::string> SubdomainName;
    std::optional<sstk::guid> SuiteId;
    std::optional<std::string> ApplianceLoginUrl;

    friend bool operator==(const GetResetPasswordToken&, const GetResetPasswordToken&) = default;
};
BOOST_DESCRIBE_STRUCT(GetResetPasswordToken, (), (UserName, ApplianceId, SubdomainName, SuiteId, ApplianceLoginUrl))

constexpr auto sstk_contract(sstk::type_tag<GetResetPasswordToken>) {
    return sstk::contract("GetResetPasswordToken")
        .clr_namespace(clr_namespace)
        .describe("Generate password reset token and send email")
        .implements("IPublicServiceModel")
        .routes(sstk::route("/api/account/{UserName}/passwordresettoken"))
        .members(sstk::member("UserName").describe("Get password reset token for the specified user name"),
                 sstk::member("ApplianceLoginUrl").describe("Appliance Url for the appliance"));
}

struct GetResetPasswordTokenResponse {
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const GetResetPasswordTokenResponse&, const GetResetPasswordTokenResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(GetResetPasswordTokenResponse, (), (ResponseStatus))

constexpr auto sstk_contract(sstk::type_tag<GetResetPasswordTokenResponse>) {
    return sstk::contract("GetResetPasswordTokenResponse").clr_namespace(clr_namespace);
}

struct PasswordReset {
    std::optional<std::string> NewPassword;
    std::optional<std::string> ConfirmPassword;
    std::optional<std::string> Token;
    std::optional<sstk::guid> ApplianceId;
    std::optional<std::string> SubdomainName;

    friend bool operator==(const PasswordReset&, const PasswordReset&) = default;
};
BOOST_DESCRIBE_STRUCT(PasswordReset, (), (NewPassword, ConfirmPassword, Token, ApplianceId, SubdomainName))

constexpr auto sstk_contract(sstk::type_tag<PasswordReset>) {
    return sstk::contract("PasswordReset")
        .clr_namespace(clr_namespace)
        .describe("Reset password for the specified user")
        .implements("IPublicServiceModel")
        .routes(sstk::route("/api/account/passwordreset"))
        .members(sstk::member("NewPassword").describe("New password for the user account"),
                 sstk::member("ConfirmPassword").describe("Confirm the new password"),
                 sstk::member("Token").describe("Password Reset Token"));
}

struct PasswordResetResponse {
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const PasswordResetResponse&, const PasswordResetResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(PasswordResetResponse, (), (ResponseStatus))

constexpr auto sstk_contract(sstk::type_tag<PasswordResetResponse>) {
    return sstk::contract("PasswordResetResponse").clr_namespace(clr_namespace);
}

}  // namespace sstk::apis::platform_api
