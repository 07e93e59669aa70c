#include <sstk/debug.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace print_test {
enum class Kind { SystemError, NotFound };
BOOST_DESCRIBE_ENUM(Kind, SystemError, NotFound)

struct Credentials {
    std::optional<std::string> User;
    std::optional<std::string> Pass;
};
BOOST_DESCRIBE_STRUCT(Credentials, (), (User, Pass))

struct Request {
    std::optional<std::string> EmailAddress;
    std::optional<std::string> Password;
    std::optional<std::string> PasswordConfirm;
    std::optional<std::string> ApiKey;
    std::optional<std::string> api_key_2;
    std::optional<std::string> Token;
    std::optional<std::string> PasswordResetCode;
    std::optional<std::string> NewPassword;
    std::optional<std::string> ClientSecret;
    std::optional<print_test::Credentials> Credentials;  // qualified: a member may share its type's name
    std::optional<std::vector<std::string>> Tokens;
    std::optional<double> Latitude;
    std::int32_t Count = 0;
    bool Active = false;
    Kind ErrorType = Kind::NotFound;
    char16_t Initial = u'J';
    std::optional<std::map<std::string, std::string>> Headers;
    std::vector<std::uint8_t> Blob;
    boost::json::value Extra;
};
BOOST_DESCRIBE_STRUCT(Request, (),
                      (EmailAddress, Password, PasswordConfirm, ApiKey, api_key_2, Token, PasswordResetCode, NewPassword,
                       ClientSecret, Credentials, Tokens, Latitude, Count, Active, ErrorType, Initial, Headers, Blob, Extra))
}  // namespace print_test

namespace {
print_test::Request make_request() {
    print_test::Request r;
    r.EmailAddress = "a@b.c";
    r.Password = "hunter2-PASSWORD";
    r.PasswordConfirm = "hunter2-CONFIRM";
    r.ApiKey = "ak-SECRET-1";
    r.api_key_2 = "ak-SECRET-2";
    r.Token = "tok-SECRET-3";
    r.PasswordResetCode = "reset-SECRET-4";
    r.NewPassword = "new-SECRET-5";
    r.ClientSecret = "cs-SECRET-6";
    r.Credentials = print_test::Credentials{"user", "nested-SECRET-7"};
    r.Tokens = std::vector<std::string>{"list-SECRET-8"};
    r.Latitude = 51.5;
    r.Count = 3;
    r.Active = true;
    r.Headers = std::map<std::string, std::string>{{"Authorization", "Bearer hdr-SECRET-9"}, {"Accept", "text/xml"}};
    r.Blob = {1, 2, 3};
    r.Extra = boost::json::parse(R"({"refresh_token":"json-SECRET-10","n":[1,2]})");
    return r;
}
}  // namespace

TEST_CASE("no secret value appears in the debug output") {
    const std::string out = sstk::to_debug_string(make_request());
    INFO(out);
    CHECK(out.find("SECRET") == std::string::npos);
    CHECK(out.find("hunter2") == std::string::npos);
    CHECK(out.find("nested") == std::string::npos);
    CHECK(out.find("EmailAddress: \"a@b.c\"") != std::string::npos);
    CHECK(out.find("Password: ***") != std::string::npos);
    CHECK(out.find("\"Accept\": \"text/xml\"") != std::string::npos);
    CHECK(out.find("\"Authorization\": ***") != std::string::npos);
    CHECK(out.find("\"refresh_token\": ***") != std::string::npos);
}

TEST_CASE("debug output shows every other member readably") {
    print_test::Request r = make_request();
    r.Password.reset();
    const std::string out = sstk::to_debug_string(r);
    CHECK(out.rfind("Request{EmailAddress: \"a@b.c\", Password: null, PasswordConfirm: ***", 0) == 0);
    CHECK(out.find("Latitude: 51.5, Count: 3, Active: true, ErrorType: NotFound, Initial: 'J'") != std::string::npos);
    CHECK(out.find("Blob: <3 bytes>") != std::string::npos);
    CHECK(out.find("\"n\": [1, 2]") != std::string::npos);
}

TEST_CASE("secret names are configurable") {
    sstk::print_options opt;
    opt.secret_names = sstk::secret_names{"email"};
    opt.mask = "<hidden>";
    const std::string out = sstk::to_debug_string(make_request(), opt);
    CHECK(out.find("a@b.c") == std::string::npos);
    CHECK(out.find("EmailAddress: <hidden>") != std::string::npos);
    CHECK(out.find("hunter2-PASSWORD") != std::string::npos);  // only the configured names are secret now

    sstk::secret_names extended;
    extended.add("Latitude");
    CHECK(extended.matches("LATITUDE"));
    CHECK(extended.matches("ConfirmPassword"));
    CHECK(extended.matches("API-KEY"));
    CHECK_FALSE(extended.matches("Shipping"));
}

TEST_CASE("control characters cannot forge log lines; long values are cut") {
    sstk::ResponseStatus s;
    s.Message = std::string("line1\nFAKE LOG LINE\x01") + std::string(300, 'x');
    s.Errors.emplace();
    const std::string out = sstk::to_debug_string(s);
    CHECK(out.find('\n') == std::string::npos);
    CHECK(out.find("line1\\nFAKE LOG LINE\\u0001") != std::string::npos);
    CHECK(out.find("...(320 bytes)") != std::string::npos);
    CHECK(out.find("Errors: []") != std::string::npos);
    CHECK(out.find("ErrorCode: null") != std::string::npos);

    std::ostringstream os;
    os << sstk::debug(s);
    CHECK(os.str() == out);
}
