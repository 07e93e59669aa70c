// The main job on the bundled example metadata: every DTO of the seed services (the checked-in
// headers under include/sstk/apis/, generated from tests/data/seeds/) is filled with the sample
// values from its metadata page and written through what sstk has: its contract (routes,
// namespaces, member orders for ServiceStack.Text and for DataContract XML), every codec, and
// the log-safe debug printer, which masks passwords, tokens and API keys. Each encoding is read
// back and must give the same DTO.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/core/walker.hpp>
#include <sstk/debug.hpp>
#include <sstk/json.hpp>
#include <sstk/xml.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

template <class T>
void show(const T& dto) {
    constexpr auto c = sstk::contract_of<T>();
    std::cout << c.clr_ns << '.' << c.name << '\n';
    for (const auto& r : c.route_list)
        std::cout << "  route     " << (r.verbs.empty() ? "ANY" : r.verbs) << ' ' << r.path << '\n';
    std::cout << "  json keys ";
    sstk::for_each_member<T, sstk::member_order::servicestack>(
        [](auto m) { std::cout << decltype(m)::template key<sstk::casing::camel> << ' '; });
    std::cout << "\n  xml order ";
    sstk::for_each_member<T, sstk::member_order::data_contract>([](auto m) { std::cout << decltype(m)::name << ' '; });
    std::cout << "\n  value     " << sstk::debug(dto) << '\n';

    // The same DTO as a C# JsonServiceClient sends it (PascalCase), as a .NET Core ServiceStack
    // server answers (camelCase), and as ServiceStack 8.1+ endpoints speak (System.Text.Json).
    sstk::json::write_options camel;
    camel.casing = sstk::casing::camel;
    const auto stj = sstk::json::write_options::for_dialect(sstk::json::dialect::system_text_json);
    for (const auto& [label, options] : {std::pair{"json       ", sstk::json::write_options{}}, std::pair{"json camel ", camel},
                                         std::pair{"json stj   ", stj}}) {
        const std::string text = sstk::json::write(dto, options);
        std::cout << "  " << label << text << '\n';
        if (!(sstk::json::read<T>(text) == dto)) {
            std::cerr << "round trip through JSON changed " << c.name << '\n';
            std::exit(1);
        }
    }
    // DataContract XML as a ServiceStack server sends it (the metadata pages show the indented form).
    const std::string xml = sstk::xml::write(dto);
    std::cout << "  xml        " << xml << '\n';
    if (!(sstk::xml::read<T>(xml) == dto)) {
        std::cerr << "round trip through XML changed " << c.name << '\n';
        std::exit(1);
    }
    std::cout << '\n';
}

sstk::ResponseStatus sample_status() {
    sstk::ResponseError e{"String", "String", "String", sstk::dictionary<std::string, std::optional<std::string>>{{"String", "String"}}};
    sstk::ResponseStatus s{"String", "String", "String", std::vector<sstk::ResponseError>{e}, {}};
    s.Meta.emplace()["String"] = "String";
    return s;
}

}  // namespace

int main() {
    {
        using namespace sstk::apis::platform_api;
        show(GetResetPasswordToken{"String", sstk::guid{}, "String", sstk::guid{}, "String"});
        show(GetResetPasswordTokenResponse{sample_status()});
        show(PasswordReset{"String", "String", "String", sstk::guid{}, "String"});
        show(PasswordResetResponse{sample_status()});
    }
    for (int service = 0; service < 2; ++service) {
        auto fill = [](auto req, auto resp) {
            req.ApiKey = "String";
            req.Latitude = 0.0;
            req.Longitude = 0.0;
            req.TemporaryPassword = req.EmailAddress = req.Password = req.PasswordConfirm = "String";
            resp.Description = resp.Heading = "String";
            resp.ResponseStatus = sample_status();
            resp.WasSuccessful = false;
            resp.SystemUserId = 0;
            show(req);
            show(resp);
        };
        if (service == 0)
            fill(sstk::apis::antel_api::ResetPassword{}, sstk::apis::antel_api::ResetPasswordResponse{});
        else
            fill(sstk::apis::antel_merchandiser::ResetPassword{}, sstk::apis::antel_merchandiser::ResetPasswordResponse{});
    }
    {
        using namespace sstk::apis::ppw_assist;
        show(ResetPasswordRequest{"sample string 1", "sample string 2", "sample string 3", "sample string 4", "sample string 5"});
        ResetPasswordResponse r;
        r.Username = "sample string 1";
        r.Password = "sample string 2";
        r.Success = true;
        r.ErrorMessage = "sample string 4";
        r.ServerDateTime = "sample string 5";
        show(r);
    }
}
