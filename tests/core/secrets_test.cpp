// Secrets never reach an error message: when the value of a member (or dictionary entry) whose
// name marks a secret fails to read, every codec withholds the text, keeping kind, member path
// and position.
#include "robust_dtos.hpp"

#include <sstk/csv.hpp>
#include <sstk/debug/secrets.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace sstk;

namespace {

constexpr std::string_view secret = "hunter2SECRET";

// Every string the error exposes.
void check_withheld(const error& e, std::string_view path) {
    INFO(e.what());
    const std::string what = e.what();
    std::ostringstream printed;
    printed << e;
    for (const std::string& s : {what, e.message(), e.path(), e.describe(), printed.str()}) {
        CHECK(s.find(secret) == std::string::npos);
        CHECK(s.find("hunter2") == std::string::npos);
        CHECK(s.find("SECRET") == std::string::npos);
    }
    CHECK(e.path() == path);
    CHECK(e.message() == "the value of a secret member is not shown");
    CHECK(e.kind() != errc::limit_exceeded);
    CHECK((e.offset() != error::npos || e.line() != 0));
}

template <class F>
error failure(F&& read) {
    try {
        read();
    } catch (const error& e) {
        return e;
    }
    FAIL("the read did not fail");
    return error();
}

const std::string s(secret);

}  // namespace

TEST_CASE("secret names") {
    CHECK(is_secret_name("Password"));
    CHECK(is_secret_name("ConfirmPassword"));
    CHECK(is_secret_name("api_key"));
    CHECK(is_secret_name("AccessTokens"));
    CHECK(is_secret_name("PasswordResetCode"));
    CHECK_FALSE(is_secret_name("UserName"));
    CHECK_FALSE(is_secret_name("Shipping"));
    error e(errc::invalid_value, "'hunter2' is not a number", 3);
    mask_if_secret(e, "Age");
    CHECK(e.message() == "'hunter2' is not a number");
    mask_if_secret(e, "Name", "Password");  // the C++ name counts too
    CHECK(e.message() == "the value of a secret member is not shown");
    CHECK(e.offset() == 3);
    error limit(errc::limit_exceeded, "string exceeds max_string_length (16)");
    mask_if_secret(limit, "Password");
    CHECK(limit.message() == "string exceeds max_string_length (16)");  // names a limit, never the input
}

TEST_CASE("JSON withholds secret values") {
    const auto read = [](const std::string& doc) { return failure([&] { (void)json::read<robust::Login>(doc); }); };
    check_withheld(read(R"({"Password":")" + s + "\"}"), "Password");
    check_withheld(read(R"({"UserName":"u","Password":)" + s + "}"), "Password");
    check_withheld(read(R"({"Token":")" + s + "\"}"), "Token");
    check_withheld(read(R"({"ApiKey":")" + s + "\"}"), "ApiKey");
    check_withheld(read(R"({"AccessTokens":[1,")" + s + "\"]}"), "AccessTokens[1]");
    check_withheld(read(R"({"Meta":{"a":1,"password":")" + s + "\"}}"), R"(Meta["password"])");
    check_withheld(read(R"({"Meta":{"api_key":)" + s + "}}"), R"(Meta["api_key"])");
    // A non-secret keeps its full message.
    const error age = read(R"({"Age":"notanumber"})");
    CHECK(age.path() == "Age");
    CHECK(age.message() != "the value of a secret member is not shown");
}

TEST_CASE("XML withholds secret values") {
    const std::string head = R"(<Login xmlns="http://schemas.datacontract.org/2004/07/Robust">)";
    const auto read = [&](const std::string& body) { return failure([&] { (void)xml::read<robust::Login>(head + body + "</Login>"); }); };
    check_withheld(read("<Password>" + s + "</Password>"), "Password");
    check_withheld(read("<Token>" + s + "</Token>"), "Token");
    check_withheld(read("<ApiKey>" + s + "</ApiKey>"), "ApiKey");
    const std::string arrays = R"( xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays")";
    check_withheld(read("<AccessTokens" + arrays + "><a:int>1</a:int><a:int>" + s + "</a:int></AccessTokens>"), "AccessTokens[1]");
    check_withheld(read("<Meta" + arrays + "><a:KeyValueOfstringint><a:Key>password</a:Key><a:Value>" + s +
                        "</a:Value></a:KeyValueOfstringint></Meta>"),
                   "Meta[0]");
    const error age = read("<Age>notanumber</Age>");
    CHECK(age.path() == "Age");
    CHECK(age.message() != "the value of a secret member is not shown");
}

TEST_CASE("JSV withholds secret values") {
    const auto read = [](const std::string& doc) { return failure([&] { (void)jsv::read<robust::Login>(doc); }); };
    check_withheld(read("{Password:" + s + "}"), "Password");
    check_withheld(read("{Password:\"" + s + "\"}"), "Password");
    check_withheld(read("{Token:" + s + "}"), "Token");
    check_withheld(read("{ApiKey:" + s + "}"), "ApiKey");
    check_withheld(read("{AccessTokens:[1," + s + "]}"), "AccessTokens[1]");
    check_withheld(read("{Meta:{a:1,password:" + s + "}}"), R"(Meta["password"])");
    CHECK(read("{Age:notanumber}").message() != "the value of a secret member is not shown");
}

TEST_CASE("CSV withholds secret values") {
    const auto read = [](const std::string& doc) { return failure([&] { (void)csv::read<std::vector<robust::Login>>(doc); }); };
    check_withheld(read("UserName,Password\nu," + s + "\n"), "[0].Password");
    check_withheld(read("Token\n" + s + "\n"), "[0].Token");
    check_withheld(read("ApiKey\n" + s + "\n"), "[0].ApiKey");
    check_withheld(read("AccessTokens\n\"[1," + s + "]\"\n"), "[0].AccessTokens[1]");
    check_withheld(read("Meta\n{password:" + s + "}\n"), R"([0].Meta["password"])");
    // Dictionary rows: the header names the key.
    check_withheld(failure([&] { (void)csv::read<std::vector<dictionary<std::string, int>>>("id,password\n1," + s + "\n"); }),
                   R"([0]["password"])");
    // Streaming.
    std::istringstream in("Password\n" + s + "\n");
    check_withheld(failure([&] { csv::read_rows<robust::Login>(in, [](robust::Login&&) {}); }), "[0].Password");
}

TEST_CASE("query strings and forms withhold secret values") {
    const auto read = [](const std::string& doc) { return failure([&] { (void)query::read<robust::Login>(doc); }); };
    check_withheld(read("userName=u&password=" + s), "Password");
    check_withheld(read("token=" + s), "Token");
    check_withheld(read("apiKey=" + s), "ApiKey");
    check_withheld(read("accessTokens=1," + s), "AccessTokens[1]");
    check_withheld(read("accessTokens=1&accessTokens=" + s), "AccessTokens[1]");
    check_withheld(read("meta[password]=" + s), R"(Meta["password"])");
    check_withheld(read("meta={password:" + s + "}"), R"(Meta["password"])");
    CHECK(read("age=notanumber").message() != "the value of a secret member is not shown");
}
