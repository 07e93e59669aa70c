// The README's example, compiled and run by the test suite so that it cannot rot.
#include <sstk/apis/antel_api.hpp>  // DTOs of a seed service (codegen writes these)
#include <sstk/debug.hpp>
#include <sstk/json.hpp>

#include <iostream>

int main() {
    sstk::apis::antel_api::ResetPassword req;
    req.ApiKey = "k"; req.EmailAddress = "a@b.c"; req.Password = req.PasswordConfirm = "s3cret!";
    std::string body = sstk::json::write(req);        // {"EmailAddress":"a@b.c","Password":"s3cret!",...}
    auto resp = sstk::json::try_read<sstk::apis::antel_api::ResetPasswordResponse>(R"({"wasSuccessful":true})");
    if (!resp) std::cerr << resp.error().what();      // kind, member path, line:column, byte offset
    std::clog << sstk::debug(req) << "\n";             // ResetPassword{..., Password: ***, ApiKey: ***, ...}

    // What the comments promise:
    const bool ok = body == R"({"EmailAddress":"a@b.c","Password":"s3cret!","PasswordConfirm":"s3cret!","ApiKey":"k"})" &&
                    resp && resp->WasSuccessful == true && sstk::to_debug_string(req).find("s3cret") == std::string::npos;
    std::cout << (ok ? "\nreadme example: ok\n" : "\nreadme example: FAILED\n");
    return ok ? 0 : 1;
}
