// libFuzzer target: HTTP route templates (parse + match), content negotiation and
// bind_request (route matching, negotiation, body and query/path/form binding together).
//
// Input: byte 0 selects the operation (modulo 3) and, for bind_request, the request DTO
// (byte 0 / 3, modulo the count); the rest is split on '\n' into fields:
//   0 route:      template \n path \n path ...            parse, then match every path
//   1 negotiate:  target \n Content-Type \n Accept         (an empty field is an absent header)
//   2 bind:       verb \n target \n Content-Type \n Accept \n body (the rest, newlines kept)
// Every call must succeed or throw sstk::error (no round trip: these are one-way).
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/http.hpp>

#include <vector>

namespace {

using namespace sstk_fuzz;
namespace api = sstk::apis;
using request_dtos = type_list<api::antel_api::ResetPassword, api::antel_merchandiser::ResetPassword,
                               api::platform_api::GetResetPasswordToken, api::platform_api::PasswordReset,
                               api::ppw_assist::ResetPasswordRequest>;

// The first n-1 '\n'-separated fields, then the rest as the last one.
std::vector<std::string_view> fields(std::string_view s, std::size_t n) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < n) {
        const std::size_t nl = s.find('\n');
        if (nl == std::string_view::npos) break;
        out.push_back(s.substr(0, nl));
        s.remove_prefix(nl + 1);
    }
    out.push_back(s);
    out.resize(n);
    return out;
}

std::optional<std::string_view> header(std::string_view v) { return v.empty() ? std::nullopt : std::optional<std::string_view>(v); }

void fuzz_route(std::string_view doc) {
    const auto f = fields(doc, 64);
    std::optional<sstk::http::route_template> t;
    if (!accepts([&] { t.emplace(sstk::http::route_template::parse(f[0])); })) return;
    for (std::size_t i = 1; i < f.size(); ++i) {
        if (f[i].empty()) continue;
        accepts([&] { (void)t->match(f[i]); });
    }
}

void fuzz_negotiate(std::string_view doc) {
    const auto f = fields(doc, 3);
    accepts([&] { (void)sstk::http::negotiate(f[0], header(f[1]), header(f[2])); });
    sstk::http::negotiation_options o;
    o.honour_q_values = true;
    o.allow_route_extensions = false;
    accepts([&] { (void)sstk::http::negotiate(f[0], header(f[1]), header(f[2]), o); });
}

template <class T>
void fuzz_bind(std::string_view doc) {
    const auto f = fields(doc, 5);
    sstk::http::request r;
    r.verb.assign(f[0]);
    r.target.assign(f[1]);
    if (!f[2].empty()) r.headers.push_back({"Content-Type", std::string(f[2])});
    if (!f[3].empty()) r.headers.push_back({"Accept", std::string(f[3])});
    r.body.assign(f[4]);
    accepts([&] { (void)sstk::http::bind_request<T>(r); });
}

void write_seeds() {
    write_raw_seed("gen_route_1", "\x00/api/account/{UserName}/passwordresettoken\n/api/account/bob/passwordresettoken\n/api/account/%62ob/passwordresettoken.json");
    write_raw_seed("gen_route_2", std::string("\x00/images/{ImagePath*}\n/images/a/b/c.png\n/images\n/images/a%2Fb", 62));
    write_raw_seed("gen_route_3", std::string("\x00/thing/{Id}.{Format}/point\n/thing/5.json/point\n/thing/5/point", 60));
    write_raw_seed("gen_negotiate_1", "\x01/json/reply/Hello?format=xml\napplication/json; charset=utf-8\ntext/html,application/xml;q=0.9,*/*;q=0.8");
    write_raw_seed("gen_negotiate_2", "\x01/hello.csv?callback=cb\ntext/jsv\n");
    // bind: selector 2 + 3 * DTO index
    write_raw_seed("gen_bind_antel", "\x02POST\n/user/password/reset?latitude=1.5\napplication/json\napplication/json\n"
                                     "{\"ApiKey\":\"k\",\"EmailAddress\":\"a@b.c\",\"Password\":\"p\",\"PasswordConfirm\":\"p\"}");
    write_raw_seed("gen_bind_token", "\x08GET\n/api/account/bob/passwordresettoken?suiteId=0f8fad5b-d9cb-469f-a165-70867728950e&subdomainName=acme\n\napplication/xml\n");
    write_raw_seed("gen_bind_reply", "\x08POST\n/json/reply/GetResetPasswordToken\napplication/x-www-form-urlencoded\n\nuserName=ann&subdomainName=x+y");
    write_raw_seed("gen_bind_xml", "\x0bPOST\n/api/account/passwordreset\napplication/xml\n\n<PasswordReset xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
                                   "xmlns=\"http://schemas.datacontract.org/2004/07/Platform.Api\"><NewPassword>x</NewPassword></PasswordReset>");
    write_raw_seed("gen_bind_jsv", "\x0ePUT\n/api/ResetPasswordRequest.jsv\n\n\n{UserName:bob,Token:t}");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (seed_dir()) {
        write_seeds();
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0: fuzz_route(doc); break;
    case 1: fuzz_negotiate(doc); break;
    default:
        dispatch((data[0] / 3) % request_dtos::size, request_dtos{}, [&](auto t) { fuzz_bind<typename decltype(t)::type>(doc); });
        break;
    }
    return 0;
}
