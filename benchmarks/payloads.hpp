// Benchmark payloads: the seed DTOs with realistic values, a ResponseStatus with three field
// errors and meta maps, and a list of 10,000 responses.
#pragma once

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <string>
#include <vector>

namespace bench {

using sstk::apis::antel_api::ResetPassword;
using sstk::apis::antel_api::ResetPasswordResponse;
using sstk::apis::platform_api::PasswordReset;

inline ResetPassword make_request() {
    ResetPassword r;
    r.ApiKey = "4c8a1f6e-2b7d-4e0a-9f13-6d5b8c2e7a91";
    r.Latitude = -33.92487;
    r.Longitude = 18.424055;
    r.TemporaryPassword = "Tmp#4821-xkQ";
    r.EmailAddress = "jane.doe@example.co.za";
    r.Password = "N3w-P@ssw0rd!2026";
    r.PasswordConfirm = "N3w-P@ssw0rd!2026";
    return r;
}

inline PasswordReset make_password_reset() {
    PasswordReset r;
    r.NewPassword = "N3w-P@ssw0rd!2026";
    r.ConfirmPassword = "N3w-P@ssw0rd!2026";
    r.Token = "b2e4c1d0f9a84c7e8d6b5a4f3e2d1c0b";
    r.ApplianceId = sstk::guid::parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    r.SubdomainName = "acme-retail";
    return r;
}

inline sstk::ResponseStatus make_status() {
    sstk::ResponseStatus s;
    s.ErrorCode = "ValidationException";
    s.Message = "Validation failed: 3 errors";
    s.Errors.emplace();
    for (const char* field : {"Password", "PasswordConfirm", "EmailAddress"}) {
        sstk::ResponseError e;
        e.ErrorCode = "NotEmpty";
        e.FieldName = field;
        e.Message = std::string("'") + field + "' must not be empty.";
        e.Meta.emplace();
        (*e.Meta)["PropertyName"] = field;
        (*e.Meta)["Severity"] = "Error";
        s.Errors->push_back(std::move(e));
    }
    s.Meta.emplace();
    (*s.Meta)["TraceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    return s;
}

inline ResetPasswordResponse make_response(int i = 0) {
    ResetPasswordResponse r;
    r.Description = "Your password has been reset.";
    r.Heading = "Password reset";
    r.WasSuccessful = true;
    r.SystemUserId = 100000 + i;
    return r;
}

inline std::vector<ResetPasswordResponse> make_list(std::size_t n = 10000) {
    std::vector<ResetPasswordResponse> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        v.push_back(make_response(static_cast<int>(i)));
        if (i % 10 == 0) {  // every tenth failed, with its status
            v.back().WasSuccessful = false;
            v.back().ResponseStatus = make_status();
        }
    }
    return v;
}

}  // namespace bench
