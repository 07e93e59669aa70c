// The XML writer's rules one at a time, beyond the golden vectors: the .NET defaults (shortest
// doubles, .NET's EmitDefaultValue), newline handling, contract names with the MD5 digest
// (type-names.tsv), errors that leave the buffer untouched.
#include "vector_dtos.hpp"
#include "vector_files.hpp"

#include <sstk/servicestack/error_response.hpp>
#include <sstk/servicestack/query_response.hpp>
#include <sstk/xml/write.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace xmltest;
namespace xml = sstk::xml;
namespace xd = sstk::xml::detail;

namespace MyApp::ServiceModel {
struct Movie {
    std::int32_t Id = 0;
    std::optional<std::string> Title;
    friend bool operator==(const Movie&, const Movie&) = default;
};
BOOST_DESCRIBE_STRUCT(Movie, (), (Id, Title))
constexpr auto sstk_contract(sstk::type_tag<Movie>) { return sstk::contract("Movie").clr_namespace("MyApp.ServiceModel"); }
}  // namespace MyApp::ServiceModel

TEST_CASE("contract names and namespaces match type-names.tsv") {
    using namespace Oracle;
    const auto row = [](const std::string& clr) {
        const auto tsv = read_vector("type-names.tsv");
        REQUIRE(tsv);
        const auto at = tsv->find("\n" + clr + "\t");
        REQUIRE(at != std::string::npos);
        const auto end = tsv->find('\n', at + 1);
        const std::string line = tsv->substr(at + 1, end - at - 1);
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        return std::make_pair(line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1, t3 - t2 - 1));
    };
    const auto check = [&](const std::string& clr, const xd::stable_name& n) {
        INFO(clr);
        const auto [name, ns] = row(clr);
        CHECK(n.name == name);
        CHECK(n.ns == ns);
    };
    check("Oracle.Generic.Page<string>", xd::stable_name_of<Generic::Page<std::string>>());
    check("Oracle.Generic.Page<int>", xd::stable_name_of<Generic::Page<std::int32_t>>());
    check("Oracle.Generic.Page<System.Guid>", xd::stable_name_of<Generic::Page<sstk::guid>>());
    check("Oracle.Generic.Page<Oracle.Edge.Item>", xd::stable_name_of<Generic::Page<Edge::Item>>());
    check("Oracle.Generic.Page<Oracle.Generic.GItem>", xd::stable_name_of<Generic::Page<Generic::GItem>>());
    check("Oracle.Generic.Page<System.Collections.Generic.List<string>>",
          xd::stable_name_of<Generic::Page<std::vector<std::optional<std::string>>>>());
    check("Oracle.Generic.Page<ServiceStack.ResponseStatus>", xd::stable_name_of<Generic::Page<sstk::ResponseStatus>>());
    check("Oracle.Generic.Page<int?>", xd::stable_name_of<Generic::Page<std::optional<std::int32_t>>>());
    check("Oracle.Generic.Pair<int,string>", xd::stable_name_of<Generic::Pair<std::int32_t, std::string>>());
    check("Oracle.Generic.Pair<string,Oracle.Edge.Item>", xd::stable_name_of<Generic::Pair<std::string, Edge::Item>>());
    check("Oracle.Generic.Pair<Oracle.Generic.Page<int>,System.Guid>",
          xd::stable_name_of<Generic::Pair<Generic::Page<std::int32_t>, sstk::guid>>());
    check("Oracle.Edge.Item[]", xd::stable_name_of<std::vector<Edge::Item>>());
    check("Oracle.Edge.Status", xd::stable_name_of<Edge::Status>());
    check("Oracle.Contracts.Ordered", xd::stable_name_of<Contracts::Ordered>());
    check("Oracle.Contracts.EmptyNs", xd::stable_name_of<Contracts::EmptyNs>());
    check("Oracle.Edge.Outer.Inner", xd::stable_name_of<Edge::Outer_Inner>());
    check("System.DateTimeOffset", xd::stable_name_of<sstk::date_time_offset>());
    // servicestack-formats.md §4.7: the digest of ServiceStack's own generic response.
    CHECK(xd::stable_name_of<sstk::QueryResponse<MyApp::ServiceModel::Movie>>().name == "QueryResponseOfMovietlJ4_P31p");
    CHECK(xd::entry_name_of<sstk::dictionary<std::string, MyApp::ServiceModel::Movie>>() == "KeyValueOfstringMovieB8fmgb81");
    CHECK(xd::entry_name_of<sstk::dictionary<std::string, std::vector<std::string>>>() == "KeyValueOfstringArrayOfstringty7Ep6D1");
}

TEST_CASE("QueryResponse<T>: the generic DTO with its digest (servicestack-formats.md §4.6)") {
    sstk::QueryResponse<MyApp::ServiceModel::Movie> r;
    r.Total = 1;
    r.Results = std::vector<MyApp::ServiceModel::Movie>{{1, "T"}};
    CHECK(xml::write(r, xml::write_options::for_form(xml::form::client)) ==
          R"(<QueryResponseOfMovietlJ4_P31p xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.servicestack.net/types">)"
          R"(<Offset>0</Offset><Total>1</Total><Results xmlns:d2p1="http://schemas.datacontract.org/2004/07/MyApp.ServiceModel">)"
          R"(<d2p1:Movie><d2p1:Id>1</d2p1:Id><d2p1:Title>T</d2p1:Title></d2p1:Movie></Results>)"
          R"(<Meta xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" i:nil="true" /><ResponseStatus i:nil="true" /></QueryResponseOfMovietlJ4_P31p>)");
}

TEST_CASE("ErrorResponse as in servicestack-formats.md §9.3") {
    sstk::ErrorResponse e;
    e.ResponseStatus.emplace();
    e.ResponseStatus->ErrorCode = "NotEmpty";
    e.ResponseStatus->Message = "'Name' must not be empty.";
    sstk::ResponseError f;
    f.ErrorCode = "NotEmpty";
    f.FieldName = "Name";
    f.Message = "'Name' must not be empty.";
    f.Meta = sstk::dictionary<std::string, std::optional<std::string>>{{"PropertyName", "Name"}, {"Severity", "Error"}};
    e.ResponseStatus->Errors = std::vector<sstk::ResponseError>{f};
    CHECK(xml::write(e) ==
          R"(<?xml version="1.0" encoding="utf-8"?><ErrorResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.servicestack.net/types"><ResponseStatus><ErrorCode>NotEmpty</ErrorCode><Message>'Name' must not be empty.</Message><StackTrace i:nil="true" /><Errors><ResponseError><ErrorCode>NotEmpty</ErrorCode><FieldName>Name</FieldName><Message>'Name' must not be empty.</Message><Meta xmlns:d5p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d5p1:KeyValueOfstringstring><d5p1:Key>PropertyName</d5p1:Key><d5p1:Value>Name</d5p1:Value></d5p1:KeyValueOfstringstring><d5p1:KeyValueOfstringstring><d5p1:Key>Severity</d5p1:Key><d5p1:Value>Error</d5p1:Value></d5p1:KeyValueOfstringstring></Meta></ResponseError></Errors><Meta xmlns:d3p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" i:nil="true" /></ResponseStatus></ErrorResponse>)");
}

TEST_CASE(".NET defaults: shortest doubles and .NET's EmitDefaultValue rule") {
    Oracle::Edge::DoublesDto d = make_doubles();
    const std::string core = xml::write(d);
    CHECK(core.find("<Pi>3.141592653589793</Pi>") != std::string::npos);
    CHECK(xml::write(d, mono_options()).find("<Pi>3.1415926535897931</Pi>") != std::string::npos);

    // contract_emitdefault_types holds Mono's bytes; .NET omits every default(T).
    const auto e = make_contract_emitdefault_types();
    CHECK(xml::write(e, xml::write_options::for_form(xml::form::client)) ==
          R"(<EmitDefaults xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:emit" />)");
    // contract_emitdefault_nondefault under .NET: the zero byte/short/uint, Guid.Empty-like and
    // TimeSpan.Zero/default(DateTimeOffset) members Mono still wrote are left out too.
    CHECK(xml::write(make_contract_emitdefault_nondefault()) ==
          R"(<?xml version="1.0" encoding="utf-8"?><EmitDefaults xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:emit">)"
          R"(<B>1</B><Bo>true</Bo><C>99</C><D>0.5</D><E>Green</E><G>0f8fad5b-d9cb-469f-a165-70867728950e</G><I>1</I><L>1</L>)"
          R"(<List xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /><NI>0</NI><S>1</S><Str></Str><UL>1</UL></EmitDefaults>)");
}

TEST_CASE("newlines: server replaces, client keeps, crlf option") {
    Oracle::Edge::ValueDto v;
    v.Value = "a\r\nb\rc\nd";
    auto o = xml::write_options::for_form(xml::form::client);
    CHECK(xml::write(v, o).find("<Value>a\r\nb\rc\nd</Value>") != std::string::npos);
    o.form = xml::form::server;
    CHECK(xml::write(v, o).find("<Value>a\nb\nc\nd</Value>") != std::string::npos);
    o.newline = xml::newline::crlf;
    CHECK(xml::write(v, o).find("<Value>a\r\nb\r\nc\r\nd</Value>") != std::string::npos);
    o.form = xml::form::indented;
    CHECK(xml::write(v, o) == "<ValueDto xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
                              "xmlns=\"http://schemas.datacontract.org/2004/07/Oracle.Edge\">\r\n  <Value>a\r\nb\rc\nd</Value>\r\n</ValueDto>");
}

TEST_CASE("characters XML cannot carry: an error with the path, nothing written") {
    Oracle::Edge::ListsPrimitiveDto d;
    d.Strings = std::vector<std::optional<std::string>>{std::string("ok"), std::string("bad\x01")};
    std::string out = "prefix";
    try {
        xml::write(out, d);
        FAIL("no error");
    } catch (const sstk::error& e) {
        CHECK(e.kind() == sstk::errc::invalid_value);
        CHECK(e.path() == "Strings[1]");
        CHECK(e.message().find("U+0001") != std::string::npos);
    }
    CHECK(out == "prefix");
    // lone surrogate, U+FFFE, truncated UTF-8, overlong NUL, NUL
    for (const std::string& bad : {std::string("\xED\xA0\x80"), std::string("\xEF\xBF\xBE"), std::string("\xC3"),
                                  std::string("\xC0\x80"), std::string("a\0b", 3)}) {
        Oracle::Edge::ValueDto v;
        v.Value = bad;
        INFO(*v.Value);
        CHECK_FALSE(xml::try_write(v).has_value());
    }
    Oracle::Edge::ValueDto ok;
    ok.Value = "\t\xF0\x9F\x98\x80\xE2\x80\xA8\xC2\x85 <&>\"'";
    CHECK(xml::write(ok).find("<Value>\t\xF0\x9F\x98\x80\xE2\x80\xA8\xC2\x85 &lt;&amp;&gt;\"'</Value>") != std::string::npos);
}

TEST_CASE("enums: undefined values are errors with the member path") {
    Oracle::Edge::EnumsDto d = make_enums();
    d.Blue = static_cast<Oracle::Edge::Color>(99);
    const auto r = xml::try_write(d);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().path() == "Blue");
    CHECK(r.error().message().find("99") != std::string::npos);
}

TEST_CASE("nesting limit on write") {
    auto o = xml::write_options::for_form(xml::form::client);
    o.max_depth = 3;
    const auto r = xml::try_write(make_ns_nesting(), o);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::limit_exceeded);
}
