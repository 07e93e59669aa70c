// XML reader limits (each at its edge) and hostile input: DTDs, billion laughs, external
// entities, undeclared entities, forbidden characters, lone surrogates, huge numbers, 10^6-deep
// nesting.
#include "../core/limit_checks.hpp"
#include "../core/robust_dtos.hpp"

#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace sstk;

namespace {

constexpr const char* head = R"(<Item xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Robust">)";

std::string item_doc(const std::string& body) { return head + body + "</Item>"; }

template <class T = robust::Item>
error read_error(std::string_view doc, const xml::read_options& o = {}) {
    auto r = xml::try_read<T>(doc, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

using robust::check_limit;

robust::Node chain(std::size_t nodes) {
    robust::Node n;
    n.Name = "leaf";
    for (std::size_t i = 1; i < nodes; ++i) {
        robust::Node parent;
        parent.Name = "n";
        parent.Children = std::vector<robust::Node>{std::move(n)};
        n = std::move(parent);
    }
    return n;
}

}  // namespace

TEST_CASE("the defaults are the shared ones") {
    const xml::read_options o;
    CHECK(o.max_depth == 64);
    CHECK(o.max_document_size == 64u << 20);
    CHECK(o.max_string_length == 16u << 20);
    CHECK(o.max_collection_count == 1'000'000);
    CHECK(o.max_members == 10'000);
}

TEST_CASE("max_depth at its edge") {
    // Three nodes: Node, Children, Node, Children, Node = 5 levels.
    const std::string doc = xml::write(chain(3));
    xml::read_options o;
    o.max_depth = 5;
    CHECK(xml::read<robust::Node>(doc, o) == chain(3));
    o.max_depth = 4;
    check_limit(read_error<robust::Node>(doc, o), "max_depth", 4);
    // Up to the ceiling a recursive DTO really is read: 500 nodes are 999 levels.
    o.max_depth = read_limits::depth_ceiling;
    xml::write_options wo;
    wo.max_depth = 2000;
    const std::string deep = xml::write(chain(500), wo);
    CHECK(xml::read<robust::Node>(deep, o) == chain(500));
}

TEST_CASE("max_document_size at its edge") {
    const std::string doc = item_doc("<Id>1</Id>");
    xml::read_options o;
    o.max_document_size = doc.size();
    CHECK(xml::read<robust::Item>(doc, o).Id == 1);
    o.max_document_size = doc.size() - 1;
    check_limit(read_error(doc, o), "max_document_size", doc.size() - 1);
}

TEST_CASE("max_string_length at its edge, on the decoded text") {
    xml::read_options o;
    o.max_string_length = 16;
    CHECK(xml::read<robust::Item>(item_doc("<Name>" + std::string(16, 'a') + "</Name>"), o).Name == std::string(16, 'a'));
    const error e = read_error(item_doc("<Name>" + std::string(17, 'a') + "</Name>"), o);
    check_limit(e, "max_string_length", 16);
    CHECK(e.path() == "Name");
    std::string amps;
    for (int i = 0; i < 16; ++i) amps += "&amp;";
    CHECK(xml::read<robust::Item>(item_doc("<Name>" + amps + "</Name>"), o).Name == std::string(16, '&'));
    check_limit(read_error(item_doc("<Name>" + amps + "x</Name>"), o), "max_string_length", 16);
}

TEST_CASE("max_collection_count at its edge") {
    xml::read_options o;
    o.max_collection_count = 3;
    robust::Item item;
    item.Numbers = {1, 2, 3};
    item.Counts = {{"a", 1}, {"b", 2}, {"c", 3}};
    CHECK(xml::read<robust::Item>(xml::write(item), o) == item);
    item.Numbers.push_back(4);
    error e = read_error(xml::write(item), o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "Numbers");
    item.Numbers.pop_back();
    item.Counts["d"] = 4;
    e = read_error(xml::write(item), o);
    check_limit(e, "max_collection_count", 3);
    CHECK(e.path() == "Counts");
}

TEST_CASE("max_members at its edge, unknown elements included") {
    xml::read_options o;
    o.max_members = 3;
    CHECK(xml::read<robust::Item>(item_doc("<Id>1</Id><X/><Y/>"), o).Id == 1);
    check_limit(read_error(item_doc("<Id>1</Id><X/><Y/><Z/>"), o), "max_members", 3);
}

TEST_CASE("DTDs are refused: no billion laughs, no external entities") {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
)" + item_doc("<Name>&lol9;</Name>");
    error e = read_error(laughs);
    CHECK(e.kind() == errc::unsupported);
    CHECK(e.message().find("DTD") != std::string::npos);
    CHECK(e.line() == 2);
    CHECK(e.column() == 1);

    const std::string xxe = R"(<?xml version="1.0"?><!DOCTYPE Item [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)" +
                            item_doc("<Name>&xxe;</Name>");
    e = read_error(xxe);
    CHECK(e.kind() == errc::unsupported);
    CHECK(e.message().find("DTD") != std::string::npos);
    CHECK(read_error(R"(<!DOCTYPE Item SYSTEM "http://example.com/item.dtd">)" + item_doc("")).kind() == errc::unsupported);
    CHECK(read_error(R"(<!DOCTYPE Item [<!ENTITY % p SYSTEM "http://example.com/p">%p;]>)" + item_doc("")).kind() == errc::unsupported);

    // Without a DTD an entity is undeclared: refused, not left as text or silently dropped.
    e = read_error(item_doc("<Name>&xxe;</Name>"));
    CHECK(e.kind() == errc::unsupported);
    CHECK(e.offset() == std::string(head).size() + 6);
    CHECK(read_error(item_doc("<Name>a & b</Name>")).kind() == errc::syntax);
    CHECK(read_error(std::string(R"(<Item xmlns="http://schemas.datacontract.org/2004/07/Robust" x="&ent;"/>)")).kind() == errc::unsupported);
    // The five predefined entities and character references read.
    CHECK(xml::read<robust::Item>(item_doc("<Name>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</Name>")).Name == "<>&\"'AB\xF0\x9F\x98\x80");
    // So do CDATA (where '&' is literal), comments and processing instructions.
    CHECK(xml::read<robust::Item>(item_doc("<!-- & --><?pi & ?><Name><![CDATA[a & <b>]]></Name>")).Name == "a & <b>");
}

TEST_CASE("characters XML forbids are errors: NUL, controls, lone surrogates, invalid UTF-8") {
    const std::size_t name_at = std::string(head).size() + 6;
    error e = read_error(item_doc("<Name>&#xD800;</Name>"));
    CHECK(e.kind() == errc::invalid_value);
    CHECK(e.offset() == name_at);
    CHECK(read_error(item_doc("<Name>&#55296;</Name>")).kind() == errc::invalid_value);
    CHECK(read_error(item_doc("<Name>&#0;</Name>")).kind() == errc::invalid_value);
    CHECK(read_error(item_doc("<Name>&#x110000;</Name>")).kind() == errc::syntax);
    CHECK(read_error(item_doc("<Name>&#xZZ;</Name>")).kind() == errc::syntax);
    e = read_error(item_doc(std::string("<Name>a") + '\0' + "b</Name>"));
    CHECK(e.kind() == errc::syntax);
    CHECK(e.message().find("NUL") != std::string::npos);
    CHECK(e.offset() == name_at + 1);
    CHECK(read_error(item_doc("<Name>a\x01</Name>")).kind() == errc::syntax);
    CHECK(read_error(item_doc("<Name>\xEF\xBF\xBF</Name>")).kind() == errc::syntax);
    CHECK(read_error(item_doc("<Name>&#xFFFE;</Name>")).kind() == errc::invalid_value);
    e = read_error(item_doc("<Name>\xED\xA0\x80</Name>"));  // a surrogate, UTF-8 encoded
    CHECK(e.message() == "invalid UTF-8");
    CHECK(e.offset() == name_at);
    CHECK(read_error(item_doc("<Name>\xC3</Name>")).message() == "invalid UTF-8");
    CHECK(read_error(item_doc("<Name>\xFF</Name>")).message() == "invalid UTF-8");
    // Tab, CR, LF are fine (CRLF becomes LF, as XML says).
    CHECK(xml::read<robust::Item>(item_doc("<Name>a\tb\r\nc</Name>")).Name == "a\tb\nc");
}

TEST_CASE("huge numbers are out_of_range") {
    error e = read_error(item_doc("<Ratio>1e999999</Ratio>"));
    CHECK(e.kind() == errc::out_of_range);
    CHECK(e.path() == "Ratio");
    CHECK(read_error(item_doc("<Id>99999999999999999999999</Id>")).kind() == errc::out_of_range);
    CHECK(read_error(item_doc("<Id>" + std::string(1'000'000, '9') + "</Id>")).kind() == errc::out_of_range);
}

TEST_CASE("10^6-deep nesting is refused before any tree is built") {
    const std::size_t n = 1'000'000;
    std::string doc = head;
    for (std::size_t i = 0; i < n; ++i) doc += "<X>";
    for (std::size_t i = 0; i < n; ++i) doc += "</X>";
    doc += "</Item>";
    const auto t0 = std::chrono::steady_clock::now();
    check_limit(read_error(doc), "max_depth", 64);
    xml::read_options raised;
    raised.max_depth = n;
    check_limit(read_error(doc, raised), "depth_ceiling", read_limits::depth_ceiling);
    // A recursive DTO, deeper than the ceiling.
    std::string nodes = R"(<Node xmlns="http://schemas.datacontract.org/2004/07/Robust">)";
    for (std::size_t i = 0; i < n; ++i) nodes += "<Children><Node>";
    check_limit(read_error<robust::Node>(nodes, raised), "depth_ceiling", read_limits::depth_ceiling);
    INFO("seconds: " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}
