// docs/metadata.md: the /types/metadata document of the Platform API's seed DTOs, which a C++
// service can serve so ServiceStack's tooling generates clients for it. Prints the document and
// checks the parts a client generator needs.
#include <sstk/apis/platform_api.hpp>
#include <sstk/metadata/types.hpp>

#include <iostream>
#include <string>

int main() {
    namespace api = sstk::apis::platform_api;
    // One operation per request DTO; responses, bases, enums and member types follow.
    std::string doc = sstk::metadata::types_metadata_json<api::GetResetPasswordToken, api::PasswordReset>(
        {.base_url = "https://pfapi.example.org"});

    // Or step by step, to add types no operation reaches:
    sstk::metadata::types_builder b;
    b.add_operation<api::PasswordReset>();
    boost::json::object tree = b.document();
    std::cout << doc << '\n';

    const auto& op = tree.at("operations").as_array().at(0).as_object();
    const bool ok = op.at("request").as_object().at("name") == "PasswordReset" &&
                    op.at("routes").as_array().at(0).as_object().at("path") == "/api/account/passwordreset" &&
                    op.at("returnType").as_object().at("name") == "PasswordResetResponse" &&
                    doc.find("\"name\":\"GetResetPasswordToken\"") != std::string::npos;
    if (!ok) {
        std::cerr << "unexpected metadata document\n";
        return 1;
    }
    return 0;
}
