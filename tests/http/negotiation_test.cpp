// Formats and content negotiation: MIME types and extensions, Content-Type with parameters and
// any case, and the response format in ServiceStack's precedence (route suffix > ?callback /
// ?format / predefined route segment > Accept > the request's own type for */* > default),
// plus the RFC 9110 q-value mode.
#include <sstk/http/format.hpp>
#include <sstk/http/negotiation.hpp>

#include <catch2/catch.hpp>

using namespace sstk::http;

namespace {
negotiated neg(std::string_view target, std::optional<std::string_view> ct, std::optional<std::string_view> accept,
               negotiation_options o = {}) {
    return negotiate(target, ct, accept, o);
}
format response_of(std::string_view target, std::optional<std::string_view> ct, std::optional<std::string_view> accept,
                   negotiation_options o = {}) {
    return neg(target, ct, accept, o).response;
}
}  // namespace

TEST_CASE("formats: MIME types, extensions, Content-Type parsing") {
    CHECK(mime_type(format::json) == "application/json");
    CHECK(mime_type(format::xml) == "application/xml");
    CHECK(mime_type(format::jsv) == "text/jsv");
    CHECK(mime_type(format::csv) == "text/csv");
    CHECK(mime_type(format::form) == "application/x-www-form-urlencoded");
    CHECK(extension(format::csv) == "csv");
    CHECK(extension(format::form).empty());
    CHECK(response_content_type(format::json) == "application/json; charset=utf-8");
    CHECK(response_content_type(format::xml) == "application/xml");
    CHECK(format_from_extension("JSV") == format::jsv);
    CHECK_FALSE(format_from_extension("html"));
    CHECK(format_from_content_type("Application/JSON; charset=UTF-8") == format::json);
    CHECK(format_from_content_type("  text/xml ;charset=utf-8") == format::xml);
    CHECK(format_from_content_type("text/csv") == format::csv);
    CHECK(format_from_content_type("application/x-www-form-urlencoded; charset=utf-8") == format::form);
    CHECK_FALSE(format_from_content_type("text/html"));
    CHECK_FALSE(format_from_content_type("multipart/form-data; boundary=x"));
    CHECK_FALSE(format_from_content_type(""));
}

TEST_CASE("the route suffix wins and is taken off the path") {
    auto n = neg("/hello/World.csv?format=xml", "application/json", "application/xml");
    CHECK(n.response == format::csv);
    CHECK(n.source == format_source::extension);
    CHECK(n.path == "/hello/World");
    CHECK(response_of("/hello/World.JSV", {}, {}) == format::jsv);
    CHECK(neg("/files/report.pdf", {}, {}).path == "/files/report.pdf");  // not a format: kept
    negotiation_options no_ext;
    no_ext.allow_route_extensions = false;
    CHECK(neg("/hello/World.xml", {}, {}, no_ext).path == "/hello/World.xml");
    CHECK(response_of("/hello/World.xml", {}, {}, no_ext) == format::json);
}

TEST_CASE("callback, ?format= and the predefined route segment") {
    CHECK(neg("/hello?callback=cb&format=xml", {}, {}).source == format_source::jsonp_callback);
    CHECK(response_of("/hello?format=xml", {}, "application/json") == format::xml);
    CHECK(response_of("/hello?Format=CSV.html", {}, {}) == format::csv);  // text before '.', any case
    CHECK(neg("/xml/reply/Hello", {}, "application/json").source == format_source::predefined_route);
    CHECK(response_of("/jsv/reply/Hello", {}, {}) == format::jsv);
    // An unknown ?format= falls through to Accept, and turns the path-segment rule off.
    CHECK(response_of("/hello?format=html", {}, "text/jsv") == format::jsv);
    CHECK(response_of("/xml/reply/Hello?format=html", {}, {}) == format::json);
}

TEST_CASE("Accept as ServiceStack reads it: preferred types, the request's own type, */*, csv") {
    CHECK(response_of("/hello", {}, "application/xml") == format::xml);
    CHECK(response_of("/hello", {}, "text/csv") == format::csv);
    // Several types: PreferredContentTypes order (json before xml before jsv), q ignored...
    CHECK(response_of("/hello", {}, "application/xml, application/json") == format::json);
    CHECK(response_of("/hello", {}, "application/xml;q=1.0, application/json;q=0.1") == format::json);
    CHECK(response_of("/hello", {}, "text/csv, text/jsv") == format::jsv);
    // ...unless one is the request's own Content-Type.
    CHECK(response_of("/hello", "application/xml; charset=utf-8", "application/json, application/xml") == format::xml);
    // */*: the request's own type, a form post counting as none.
    auto any = neg("/hello", "text/jsv", "*/*");
    CHECK(any.response == format::jsv);
    CHECK(any.source == format_source::content_type);
    CHECK(any.request == format::jsv);
    CHECK(response_of("/hello", "application/x-www-form-urlencoded", "*/*") == format::json);
    CHECK(response_of("/hello", {}, "text/html, */*;q=0.8") == format::json);
    // Nothing usable: the default.
    auto none = neg("/hello", {}, "image/png");
    CHECK(none.response == format::json);
    CHECK(none.source == format_source::fallback);
    negotiation_options xml_default;
    xml_default.default_format = format::xml;
    CHECK(response_of("/hello", {}, {}, xml_default) == format::xml);
}

TEST_CASE("Accept with RFC 9110 q-values when asked") {
    negotiation_options q;
    q.honour_q_values = true;
    CHECK(response_of("/hello", {}, "application/xml;q=1.0, application/json;q=0.1", q) == format::xml);
    CHECK(response_of("/hello", {}, "application/json;q=0, text/csv", q) == format::csv);
    CHECK(response_of("/hello", {}, "text/html, text/jsv;q=0.5, */*;q=0.1", q) == format::jsv);
    CHECK(response_of("/hello", "application/xml", "*/*", q) == format::xml);
    CHECK(response_of("/hello", {}, "text/*", q) == format::jsv);
    CHECK(response_of("/hello", {}, "application/json;q=0", q) == format::json);  // nothing acceptable: the default
}

TEST_CASE("the request body's format comes from Content-Type only") {
    CHECK(neg("/hello.xml", "text/csv", {}).request == format::csv);
    CHECK_FALSE(neg("/hello", "text/plain", {}).request);
    CHECK_FALSE(neg("/hello", {}, {}).request);
    sstk::http::request r;
    r.target = "/json/reply/Hello?x=1";
    r.headers = {{"content-type", "text/jsv"}, {"ACCEPT", "application/xml"}};
    const auto n = negotiate(r);
    CHECK(n.request == format::jsv);
    CHECK(n.response == format::json);  // the predefined route's segment beats Accept
    CHECK(n.path == "/json/reply/Hello");
}
