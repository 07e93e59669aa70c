// docs/guide.md's C++ snippets, compiled and run by the test suite (example_guide). Every
// comment that shows an output is checked below it.
#include <sstk/apis/platform_api.hpp>
#include <sstk/csv.hpp>
#include <sstk/debug.hpp>
#include <sstk/http.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {
int failures = 0;
void expect(bool ok, const char* what) {
    if (!ok) {
        ++failures;
        std::cerr << "guide example: FAILED: " << what << '\n';
    }
}
}  // namespace

int main() {
    using sstk::apis::platform_api::PasswordReset;

    // ---- write and read each format ---------------------------------------------------------
    PasswordReset dto;
    dto.NewPassword = dto.ConfirmPassword = "s3cret!";
    dto.Token = "t0k";

    std::string json = sstk::json::write(dto);  // {"NewPassword":"s3cret!","ConfirmPassword":"s3cret!","Token":"t0k"}
    std::string xml = sstk::xml::write(dto);    // <?xml version="1.0" encoding="utf-8"?><PasswordReset ...
    std::string jsv = sstk::jsv::write(dto);    // {NewPassword:s3cret!,ConfirmPassword:s3cret!,Token:t0k}
    std::string csv = sstk::csv::write(dto);    // NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\n...
    std::string query = sstk::query::write(dto);  // newPassword=s3cret%21&confirmPassword=s3cret%21&token=t0k

    PasswordReset from_json = sstk::json::read<PasswordReset>(json);
    PasswordReset from_xml = sstk::xml::read<PasswordReset>(xml);
    PasswordReset from_jsv = sstk::jsv::read<PasswordReset>(jsv);
    PasswordReset from_csv = sstk::csv::read<PasswordReset>(csv);
    PasswordReset from_query = sstk::query::read<PasswordReset>(query);

    expect(json == R"({"NewPassword":"s3cret!","ConfirmPassword":"s3cret!","Token":"t0k"})", "json");
    expect(xml.rfind(R"(<?xml version="1.0" encoding="utf-8"?><PasswordReset )", 0) == 0, "xml");
    expect(jsv == "{NewPassword:s3cret!,ConfirmPassword:s3cret!,Token:t0k}", "jsv");
    expect(csv == "NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\ns3cret!,s3cret!,t0k,,\r\n", "csv");
    expect(query == "newPassword=s3cret%21&confirmPassword=s3cret%21&token=t0k", "query");
    expect(from_json == dto && from_xml == dto && from_jsv == dto && from_csv == dto && from_query == dto,
           "round trips");

    // ---- options ----------------------------------------------------------------------------
    // System.Text.Json, as a ServiceStack 8.1+ endpoint answers
    auto stj = sstk::json::write_options::for_dialect(sstk::json::dialect::system_text_json);
    std::string camel = sstk::json::write(dto, stj);  // {"newPassword":"s3cret!","confirmPassword":"s3cret!","token":"t0k"}
    // XML as XmlServiceClient sends it (no declaration), or indented as the metadata pages show it
    std::string client_xml = sstk::xml::write(dto, sstk::xml::write_options::for_form(sstk::xml::form::client));
    // reject members the DTO does not have, instead of skipping them as ServiceStack does
    sstk::json::read_options strict;
    strict.unknown_members = sstk::json::unknown_member_policy::error;

    expect(camel == R"({"newPassword":"s3cret!","confirmPassword":"s3cret!","token":"t0k"})", "stj");
    expect(client_xml.rfind("<PasswordReset xmlns:i=", 0) == 0, "client xml");
    expect(!sstk::json::try_read<PasswordReset>(R"({"Tokn":"x"})", strict), "strict");

    // ---- errors -----------------------------------------------------------------------------
    auto result = sstk::json::try_read<PasswordReset>("{\n  \"ApplianceId\": \"not-a-guid\"\n}");
    if (!result) {
        const sstk::error& e = result.error();
        std::cerr << e.what() << '\n';  // invalid value at ApplianceId (line 2, column 29, byte 30): ...
        // e.kind() == sstk::errc::invalid_value, e.path() == "ApplianceId", e.line() == 2, e.column() == 29
        expect(e.kind() == sstk::errc::invalid_value && e.path() == "ApplianceId" && e.line() == 2 &&
                   e.column() == 29,
               "error position");
    } else {
        expect(false, "a bad Guid must not read");
    }
    try {
        sstk::xml::read<PasswordReset>("<PasswordReset>");  // the throwing API: the same sstk::error
        expect(false, "truncated XML must throw");
    } catch (const sstk::error& e) {
        expect(e.kind() == sstk::errc::syntax, "xml syntax error");
    }

    // ---- a CSV of any size, one row at a time ------------------------------------------------
    std::istringstream rows("NewPassword,Token\r\na,t1\r\nb,t2\r\n");
    std::size_t count = 0;
    sstk::csv::read_rows<PasswordReset>(rows, [&](PasswordReset&& row) { count += row.Token.has_value(); });
    expect(count == 2, "csv rows");

    // ---- the HTTP request a ServiceStack client sends ----------------------------------------
    auto request = sstk::http::request_for(dto, sstk::http::format::json);
    // request.verb == "POST", request.target == "/api/account/passwordreset",
    // request.headers: Accept and Content-Type application/json, request.body == json
    expect(request.verb == "POST" && request.target == "/api/account/passwordreset" && request.body == json,
           "request");

    // ---- secrets stay out of logs -----------------------------------------------------------
    std::clog << sstk::debug(dto) << '\n';  // PasswordReset{NewPassword: ***, ConfirmPassword: ***, Token: ***, ...}
    expect(sstk::to_debug_string(dto).find("s3cret") == std::string::npos, "secrets masked");

    std::cout << (failures == 0 ? "guide example: ok\n" : "guide example: FAILED\n");
    return failures == 0 ? 0 : 1;
}
