// The seed DTOs walk in exactly the member orders the real metadata pages show: the XML
// samples (DataContract order) and the JSON samples (ServiceStack / reflection order).
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/core/walker.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

using V = std::vector<std::string>;

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(SSTK_TEST_DATA_DIR) + "/seeds/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Names of the direct children of the first <Root ...> element in a sample.
V xml_children(const std::string& page, const std::string& root) {
    const auto start = page.find("<" + root + " xmlns");
    REQUIRE(start != std::string::npos);
    const auto end = page.find("</" + root + ">", start);
    REQUIRE(end != std::string::npos);
    const std::string body = page.substr(start, end - start);
    V names;
    int depth = 0;
    const std::regex tag(R"(<(/?)([A-Za-z_][\w.:]*)[^>]*?(/?)>)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), tag); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const bool closing = m[1].length() > 0, self_closing = m[3].length() > 0;
        if (closing) { --depth; continue; }
        if (depth == 1) names.push_back(m[2].str());
        if (!self_closing) ++depth;
    }
    return names;
}

// Top-level keys of the first JSON object after `marker`.
V json_keys(const std::string& page, const std::string& marker) {
    auto pos = page.find(marker);
    REQUIRE(pos != std::string::npos);
    pos = page.find('{', pos);
    V keys;
    int depth = 0;
    for (std::size_t i = pos; i < page.size(); ++i) {
        const char c = page[i];
        if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') { if (--depth == 0) break; }
        else if (c == '"') {
            const auto close = page.find('"', i + 1);
            if (depth == 1 && page.find_first_not_of(" \r\n", close + 1) != std::string::npos &&
                page[page.find_first_not_of(" \r\n", close + 1)] == ':')
                keys.push_back(page.substr(i + 1, close - i - 1));
            i = close;
        }
    }
    return keys;
}

template <class T, sstk::member_order Order>
V names() {
    V out;
    sstk::for_each_member<T, Order>([&](auto m) { out.emplace_back(decltype(m)::name); });
    return out;
}

constexpr auto dc = sstk::member_order::data_contract;
constexpr auto ss = sstk::member_order::servicestack;

}  // namespace

TEST_CASE("Platform API: GetResetPasswordToken (seed 000)") {
    const std::string page = read_seed("000_3425237ccc70ea82.txt");
    using namespace sstk::apis::platform_api;
    CHECK(names<GetResetPasswordToken, ss>() == json_keys(page, "Content-Length: length"));
    CHECK(names<GetResetPasswordTokenResponse, ss>() == json_keys(page, "HTTP/1.1 200 OK"));
    constexpr auto c = sstk::contract_of<GetResetPasswordToken>();
    STATIC_REQUIRE(c.route_list[0].path == "/api/account/{UserName}/passwordresettoken");
    STATIC_REQUIRE(c.route_list[0].allows("GET"));  // "All Verbs"
    STATIC_REQUIRE(c.summary == "Generate password reset token and send email");
}

TEST_CASE("Platform API: PasswordReset (seed 001)") {
    const std::string page = read_seed("001_109d76360d5bc0f2.txt");
    using namespace sstk::apis::platform_api;
    CHECK(names<PasswordReset, dc>() == xml_children(page, "PasswordReset"));
    CHECK(names<PasswordResetResponse, dc>() == xml_children(page, "PasswordResetResponse"));
    CHECK(names<sstk::ResponseStatus, dc>() == V{"ErrorCode", "Message", "StackTrace", "Errors", "Meta"});
    STATIC_REQUIRE(sstk::contract_of<PasswordReset>().clr_ns == "Eros.Subtle.Canvara.WebAPIModel.ServiceModel");
}

TEST_CASE("Antel API: ResetPassword (seed 002)") {
    const std::string page = read_seed("002_148d884c7b0780f4.txt");
    using namespace sstk::apis::antel_api;
    CHECK(names<ResetPassword, dc>() == xml_children(page, "ResetPassword"));
    CHECK(names<ResetPasswordResponse, dc>() == xml_children(page, "ResetPasswordResponse"));
    // The Kotlin source lists derived members first, then the base's: ServiceStack.Text order.
    CHECK(names<ResetPassword, ss>() ==
          V{"TemporaryPassword", "EmailAddress", "Password", "PasswordConfirm", "ApiKey", "Latitude", "Longitude"});
    STATIC_REQUIRE(sstk::contract_of<ApiServiceRequest>().clr_ns == "WebService.ServiceModel.Base");
    STATIC_REQUIRE(sstk::contract_of<ResetPassword>().route_list[0].allows("POST"));
    STATIC_REQUIRE_FALSE(sstk::contract_of<ResetPassword>().route_list[0].allows("GET"));
}

TEST_CASE("Antel Merchandiser App API: ResetPassword (seed 004)") {
    const std::string page = read_seed("004_86598d385774950a.txt");
    using namespace sstk::apis::antel_merchandiser;
    CHECK(names<ResetPassword, dc>() == xml_children(page, "ResetPassword"));
    CHECK(names<ResetPasswordResponse, dc>() == xml_children(page, "ResetPasswordResponse"));
    std::size_t required = 0;
    sstk::for_each_member<ResetPassword>([&](auto m) { required += decltype(m)::required; });
    CHECK(required == 5);  // the parameters table: four body members and ApiKey say Yes
    STATIC_REQUIRE(sstk::contract_of<ResetPasswordResponse>().clr_ns == "WebService.AppApi.Models");
}

TEST_CASE("PPW Assist (Web API help page, seed 003)") {
    const std::string page = read_seed("003_678cc2f7b792cf55.txt");
    using namespace sstk::apis::ppw_assist;
    CHECK(names<ResetPasswordRequest, dc>() == xml_children(page, "ResetPasswordRequest"));
    CHECK(names<ResetPasswordResponse, dc>() == xml_children(page, "ResetPasswordResponse"));
    CHECK(names<ResetPasswordRequest, ss>() == json_keys(page, "Request Formats"));
    CHECK(names<ResetPasswordResponse, ss>() == json_keys(page, "Response Formats"));
    STATIC_REQUIRE(std::is_same_v<sstk::response_type_t<ResetPasswordRequest>, ResetPasswordResponse>);
}
