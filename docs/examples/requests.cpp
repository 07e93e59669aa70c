// The HTTP request a ServiceStack client sends for each seed operation, in each format: verb,
// URL, headers and body, built by sstk::http::request_for from the DTO's contract (its
// [Route]s and verbs). Each request is then bound back on the server side
// (sstk::http::bind_request) and must give the same DTO.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/http.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

using sstk::http::format;

void print(const sstk::http::request& r) {
    std::cout << "  " << r.verb << ' ' << r.target << '\n';
    for (const auto& h : r.headers) std::cout << "    " << h.name << ": " << h.value << '\n';
    if (!r.body.empty()) {
        std::string body = r.body;
        for (std::size_t p = 0; (p = body.find("\r\n", p)) != std::string::npos;) body.replace(p, 2, "\\r\\n");
        std::cout << "    " << body << '\n';
    }
}

template <class T>
void show(const T& dto, const sstk::http::request_options& options = {}) {
    constexpr auto c = sstk::contract_of<T>();
    std::cout << c.name;
    for (const auto& r : c.route_list) std::cout << "  [" << (r.verbs.empty() ? "ANY" : r.verbs) << ' ' << r.path << ']';
    std::cout << '\n';
    for (const format f : sstk::http::all_formats) {
        std::cout << " " << sstk::http::mime_type(f) << '\n';
        const sstk::http::request r = sstk::http::request_for(dto, f, options);
        print(r);
        if (!(sstk::http::bind_request<T>(r).dto == dto)) {
            std::cerr << "binding the " << sstk::http::mime_type(f) << " request of " << c.name << " changed the DTO\n";
            std::exit(1);
        }
    }
    std::cout << '\n';
}

}  // namespace

int main() {
    {
        using namespace sstk::apis::platform_api;
        const sstk::guid appliance = sstk::guid::parse("8f1c2a34-5b6d-4e7f-8091-a2b3c4d5e6f7");
        const GetResetPasswordToken token{"bob smith", appliance, "acme", std::nullopt, "https://acme.example/login"};
        show(token);  // any verb on its route: POST
        sstk::http::request_options get;
        get.verb = sstk::http_verb::get;
        std::cout << "(as a GET)\n";
        show(token, get);
        show(PasswordReset{"n3w-Secret!", "n3w-Secret!", "tok/123+456", appliance, "acme"});
    }
    {
        sstk::apis::antel_api::ResetPassword r;
        r.ApiKey = "k-123";
        r.EmailAddress = "a@b.c";
        r.TemporaryPassword = "tmp 1";
        r.Password = r.PasswordConfirm = "s3cret!";
        show(r);
        sstk::apis::antel_merchandiser::ResetPassword m;
        m.ApiKey = "k-456";
        m.Latitude = -33.9;
        m.Longitude = 18.4;
        m.EmailAddress = "m@n.o";
        m.TemporaryPassword = "tmp2";
        m.Password = m.PasswordConfirm = "pa,ss:word";
        show(m);
    }
    show(sstk::apis::ppw_assist::ResetPasswordRequest{"a@b.c", "app", "app-secret", "RC-42", "n3w"});
}
