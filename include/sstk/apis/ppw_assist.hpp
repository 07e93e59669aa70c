// DTOs of the PPW Assist mobile API, an ASP.NET Web API service (not ServiceStack) with
// CLR namespace PPWAssistMobileAPI.Models, from the Web API help page
// tests/data/seeds/003_678cc2f7b792cf55.txt.
//
// Written by hand in the form sstk-codegen emits. The help page lists ResetPasswordResponse's
// members in two groups: the XML sample writes ErrorMessage, ErrorType, ServerDateTime, Success
// before Password, Username (DataContract order: base class first, then by name), and the JSON
// sample writes Username, Password first (reflection order: derived class first). So Username
// and Password are declared on the response and the other four on a base class in the same
// namespace, whose name the page does not show (ResponseBase here; it never reaches the wire).
// Errors is the enum behind ErrorType; only SystemError = 0 is known (both samples), and other
// values read from a server are kept as numbers.
#pragma once

#include <sstk/core/contract.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <optional>
#include <string>

namespace sstk::apis::ppw_assist {

inline constexpr std::string_view clr_namespace = "PPWAssistMobileAPI.Models";

enum class Errors : int { SystemError = 0 };
BOOST_DESCRIBE_ENUM(Errors, SystemError)

constexpr auto sstk_contract(sstk::type_tag<Errors>) { return sstk::enum_contract("Errors").clr_namespace(clr_namespace); }

struct ResetPasswordResponse;

struct ResetPasswordRequest {
    std::optional<std::string> Email;
    std::optional<std::string> AppUsername;
    std::optional<std::string> AppPassword;
    std::optional<std::string> PasswordResetCode;
    std::optional<std::string> NewPassword;

    friend bool operator==(const ResetPasswordRequest&, const ResetPasswordRequest&) = default;
};
BOOST_DESCRIBE_STRUCT(ResetPasswordRequest, (), (Email, AppUsername, AppPassword, PasswordResetCode, NewPassword))

constexpr auto sstk_contract(sstk::type_tag<ResetPasswordRequest>) {
    return sstk::contract("ResetPasswordRequest")
        .clr_namespace(clr_namespace)
        .returns<ResetPasswordResponse>()
        .routes(sstk::route("/Api/Authenticate/ResetPassword", "POST"));
}

struct ResponseBase {
    bool Success = false;
    std::optional<std::string> ErrorMessage;
    std::optional<std::string> ServerDateTime;
    Errors ErrorType = Errors::SystemError;

    friend bool operator==(const ResponseBase&, const ResponseBase&) = default;
};
BOOST_DESCRIBE_STRUCT(ResponseBase, (), (Success, ErrorMessage, ServerDateTime, ErrorType))

constexpr auto sstk_contract(sstk::type_tag<ResponseBase>) { return sstk::contract("ResponseBase").clr_namespace(clr_namespace); }

struct ResetPasswordResponse : ResponseBase {
    std::optional<std::string> Username;
    std::optional<std::string> Password;

    friend bool operator==(const ResetPasswordResponse&, const ResetPasswordResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(ResetPasswordResponse, (ResponseBase), (Username, Password))

constexpr auto sstk_contract(sstk::type_tag<ResetPasswordResponse>) {
    return sstk::contract("ResetPasswordResponse").clr_namespace(clr_namespace);
}

}  // namespace sstk::apis::ppw_assist
