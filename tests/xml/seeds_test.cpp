// The XML samples of the seed metadata pages (tests/data/seeds), reproduced from the seed DTOs
// in include/sstk/apis: ServiceStack fills a sample with "String", 0, false and one item per
// collection (001, 002, 004); ASP.NET Web API's help page (003) with "sample string N" — both
// write it with DataContractSerializer, indented.
#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/xml/write.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace xml = sstk::xml;

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(SSTK_TEST_DATA_DIR) + "/seeds/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The sample of root element `root` (the first one on the page after `after`).
std::string sample(const std::string& page, const std::string& root, std::size_t after = 0) {
    const auto start = page.find("<" + root + " xmlns:i=", after);
    REQUIRE(start != std::string::npos);
    const auto end = page.find("</" + root + ">", start);
    REQUIRE(end != std::string::npos);
    return page.substr(start, end + root.size() + 3 - start);
}

// What ServiceStack's metadata page puts in a sample (AutoMappingUtils.PopulateWith).
template <class T>
void populate(T& v) {
    if constexpr (sstk::is_optional_v<T>) {
        v.emplace();
        populate(*v);
    } else if constexpr (sstk::string_like<T>) {
        v = "String";
    } else if constexpr (sstk::described_class<T>) {
        sstk::for_each_member<T>([&](auto m) { populate(decltype(m)::get(v)); });
    } else if constexpr (sstk::map_like<T>) {
        v.try_emplace("String", "String");
    } else if constexpr (sstk::sequence_like<T>) {
        v.emplace_back();
        populate(v.back());
    } else {
        v = T{};
    }
}

template <class T>
std::string indented_sample() {
    T v{};
    populate(v);
    return xml::write(v, xml::write_options::for_form(xml::form::indented));
}

// The page of seed 002 lost its indentation when it was saved: compare line by line, trimmed.
std::string strip_indent(const std::string& s) {
    std::string out;
    bool line_start = true;
    for (const char c : s) {
        if (line_start && c == ' ') continue;
        line_start = c == '\n';
        out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("seed 001: Platform API PasswordReset samples") {
    namespace api = sstk::apis::platform_api;
    const std::string page = read_seed("001_109d76360d5bc0f2.txt");
    CHECK(indented_sample<api::PasswordReset>() == sample(page, "PasswordReset"));
    CHECK(indented_sample<api::PasswordResetResponse>() == sample(page, "PasswordResetResponse"));
}

TEST_CASE("seed 002: Antel API ResetPassword samples (indentation lost on the saved page)") {
    namespace api = sstk::apis::antel_api;
    const std::string page = read_seed("002_148d884c7b0780f4.txt");
    CHECK(strip_indent(indented_sample<api::ResetPassword>()) == sample(page, "ResetPassword"));
    CHECK(strip_indent(indented_sample<api::ResetPasswordResponse>()) == sample(page, "ResetPasswordResponse"));
}

TEST_CASE("seed 004: Antel merchandiser ResetPassword samples") {
    namespace api = sstk::apis::antel_merchandiser;
    const std::string page = read_seed("004_86598d385774950a.txt");
    CHECK(indented_sample<api::ResetPassword>() == sample(page, "ResetPassword"));
    CHECK(indented_sample<api::ResetPasswordResponse>() == sample(page, "ResetPasswordResponse"));
}

TEST_CASE("seed 003: ASP.NET Web API help page samples (DataContractSerializer too)") {
    namespace api = sstk::apis::ppw_assist;
    const std::string page = read_seed("003_678cc2f7b792cf55.txt");
    const auto indented = xml::write_options::for_form(xml::form::indented);

    api::ResetPasswordRequest req;  // Web API numbers "sample string N" in declaration order
    req.Email = "sample string 1";
    req.AppUsername = "sample string 2";
    req.AppPassword = "sample string 3";
    req.PasswordResetCode = "sample string 4";
    req.NewPassword = "sample string 5";
    CHECK(xml::write(req, indented) == sample(page, "ResetPasswordRequest"));

    api::ResetPasswordResponse resp;
    resp.Username = "sample string 1";
    resp.Password = "sample string 2";
    resp.Success = true;
    resp.ErrorMessage = "sample string 4";
    resp.ServerDateTime = "sample string 5";
    resp.ErrorType = api::Errors::SystemError;
    CHECK(xml::write(resp, indented) == sample(page, "ResetPasswordResponse"));
}
