// docs/type-mapping.md's snippets, compiled and run by the test suite (example_type_mapping):
// null vs empty for reference types, defaults vs std::optional for value types.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/json.hpp>

#include <iostream>

namespace {
int failures = 0;
void check(bool ok) {
    if (!ok) ++failures;
}
}  // namespace

int main() {
    {
        // null and empty are different values, and every codec that can tell them apart does
        sstk::apis::platform_api::PasswordReset empty;
        empty.Token = "";                       // "" — not null
        sstk::apis::platform_api::PasswordReset null_token;  // Token is null (std::nullopt)

        check(sstk::json::write(empty) == R"({"Token":""})");
        check(sstk::json::write(null_token) == "{}");        // null members are left out of JSON
        check(sstk::json::read<sstk::apis::platform_api::PasswordReset>(R"({"Token":""})") == empty);
        check(sstk::json::read<sstk::apis::platform_api::PasswordReset>("{}") == null_token);
    }
    {
        // value types: plain members have the .NET default; T? is std::optional<T>
        sstk::apis::ppw_assist::ResetPasswordResponseBase base;       // bool Success = false, enum ErrorType = SystemError
        check(sstk::json::write(base) == R"({"Success":false,"ErrorType":"SystemError"})");
        sstk::apis::antel_api::ResetPasswordResponse response;        // int? SystemUserId
        check(sstk::json::write(response) == "{}");
        response.SystemUserId = 0;                                   // a 0 that is there
        check(sstk::json::write(response) == R"({"SystemUserId":0})");
    }
    std::cout << (failures == 0 ? "type mapping example: ok\n" : "type mapping example: FAILED\n");
    return failures == 0 ? 0 : 1;
}
