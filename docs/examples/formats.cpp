// The README's "Every format, one DTO" example, compiled and run by the test suite; the
// comments there are checked here.
#include <sstk/apis/platform_api.hpp>
#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <iostream>
#include <string>

int main() {
    sstk::apis::platform_api::PasswordReset r;
    r.NewPassword = r.ConfirmPassword = "s3cret!"; r.Token = "t0k"; r.SubdomainName = "acme";
    const std::string json = sstk::json::write(r), xml = sstk::xml::write(r), jsv = sstk::jsv::write(r),
                      csv = sstk::csv::write(r), query = sstk::query::write(r);
    std::cout << json << '\n' << xml << '\n' << jsv << '\n' << csv << query << '\n';

    int failed = 0;
    const auto expect = [&](bool ok, const char* what) {
        if (!ok) {
            std::cerr << "README example differs: " << what << '\n';
            ++failed;
        }
    };
    expect(json == R"({"NewPassword":"s3cret!","ConfirmPassword":"s3cret!","Token":"t0k","SubdomainName":"acme"})", "json");
    expect(xml.rfind(R"(<?xml version="1.0" encoding="utf-8"?><PasswordReset xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Eros.Subtle.Canvara.WebAPIModel.ServiceModel"><ApplianceId i:nil="true" />)", 0) == 0, "xml");
    expect(jsv == "{NewPassword:s3cret!,ConfirmPassword:s3cret!,Token:t0k,SubdomainName:acme}", "jsv");
    expect(csv == "NewPassword,ConfirmPassword,Token,ApplianceId,SubdomainName\r\ns3cret!,s3cret!,t0k,,acme\r\n", "csv");
    expect(query == "newPassword=s3cret%21&confirmPassword=s3cret%21&token=t0k&subdomainName=acme", "query");
    expect(sstk::json::read<decltype(r)>(json) == r && sstk::xml::read<decltype(r)>(xml) == r &&
               sstk::jsv::read<decltype(r)>(jsv) == r && sstk::csv::read<decltype(r)>(csv) == r &&
               sstk::query::read<decltype(r)>(query) == r,
           "round trips");
    return failed == 0 ? 0 : 1;
}
