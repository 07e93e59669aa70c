// The XML reader: namespaces not prefixes, nil, unknown elements, the two order policies, DTDs
// and entities refused, the nesting limit, and errors with line, column and member path.
#include "vector_dtos.hpp"
#include "vector_files.hpp"

#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace xmltest;
namespace xml = sstk::xml;

namespace tree {
struct Node {
    std::optional<std::vector<Node>> Children;
    friend bool operator==(const Node&, const Node&) = default;
};
BOOST_DESCRIBE_STRUCT(Node, (), (Children))
constexpr auto sstk_contract(sstk::type_tag<Node>) { return sstk::contract("Node").clr_namespace("Tree"); }
}  // namespace tree

namespace shadow {
struct Base {
    int Id = 0;
    std::optional<std::string> Name;
    friend bool operator==(const Base&, const Base&) = default;
};
BOOST_DESCRIBE_STRUCT(Base, (), (Id, Name))
constexpr auto sstk_contract(sstk::type_tag<Base>) { return sstk::contract("Base").clr_namespace("Shadow"); }
// C# `public new string Id`: DataContractSerializer writes the base's Id and then the derived's.
struct Derived : Base {
    std::optional<std::string> Id;
    friend bool operator==(const Derived&, const Derived&) = default;
};
BOOST_DESCRIBE_STRUCT(Derived, (Base), (Id))
constexpr auto sstk_contract(sstk::type_tag<Derived>) { return sstk::contract("Derived").clr_namespace("Shadow"); }
}  // namespace shadow

namespace {

constexpr const char* edge = R"(xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Oracle.Edge")";

std::string item_doc(const std::string& body) { return std::string("<Item ") + edge + ">" + body + "</Item>"; }

sstk::error read_error(const std::string& text, const xml::read_options& o = {}) {
    const auto r = xml::try_read<Oracle::Edge::Item>(text, o);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("prefixes do not matter, namespaces do") {
    const auto a = xml::read<Oracle::Edge::Item>(
        R"(<x:Item xmlns:x="http://schemas.datacontract.org/2004/07/Oracle.Edge"><x:Name>n</x:Name><x:Value>3</x:Value></x:Item>)");
    CHECK(a.Name == std::optional<std::string>("n"));
    CHECK(a.Value == 3);
    // Same local name in another namespace is not the member: ignored (or an error when asked).
    const std::string other = item_doc(R"(<Name xmlns="urn:other">n</Name><Value>1</Value>)");
    CHECK_FALSE(xml::read<Oracle::Edge::Item>(other).Name.has_value());
    xml::read_options strict;
    strict.unknown_elements = xml::unknown_element_policy::error;
    CHECK(read_error(other, strict).kind() == sstk::errc::unknown_member);
    // Unbound prefix
    CHECK(read_error(item_doc("<q:Name>x</q:Name>")).kind() == sstk::errc::syntax);
}

TEST_CASE("nil, missing members, whitespace and CDATA") {
    const auto a = xml::read<Oracle::Edge::Item>(item_doc(R"(<Name xmlns:b="http://www.w3.org/2001/XMLSchema-instance" b:nil="true">x</Name><Value> 7 </Value>)"));
    CHECK_FALSE(a.Name.has_value());  // i:nil wins over content
    CHECK(a.Value == 7);
    Oracle::Edge::Item reused;
    reused.Name = "old";
    reused.Value = 9;
    xml::read(item_doc(""), reused);
    CHECK(reused == Oracle::Edge::Item{});  // the target is reset first
    CHECK(xml::read<Oracle::Edge::Item>(item_doc("<Name><![CDATA[a<b]]> &amp; c</Name>")).Name == std::optional<std::string>("a<b & c"));
    CHECK(xml::read<Oracle::Edge::Item>(item_doc("<Name>  </Name>")).Name == std::optional<std::string>("  "));
    CHECK(xml::read<Oracle::Edge::Item>(item_doc("<Name>a&#xD;b</Name>")).Name == std::optional<std::string>("a\rb"));
    CHECK(read_error(item_doc(R"(<Value i:nil="true" />)")).kind() == sstk::errc::type_mismatch);
    CHECK(read_error(item_doc("<Value />")).kind() == sstk::errc::syntax);  // DCS: an empty number throws
}

TEST_CASE("member order: any by default; data_contract reports what DCS would drop") {
    const std::string reversed = item_doc("<Value>2</Value><Name>n</Name>");
    const auto a = xml::read<Oracle::Edge::Item>(reversed);
    CHECK(a.Name == std::optional<std::string>("n"));
    CHECK(a.Value == 2);
    xml::read_options dcs;
    dcs.order = xml::member_order_policy::data_contract;
    const auto e = read_error(reversed, dcs);
    CHECK(e.kind() == sstk::errc::invalid_value);
    CHECK(e.message().find("would drop") != std::string::npos);
    CHECK(e.line() == 1);
    CHECK(read_error(item_doc("<Name>a</Name><Name>b</Name>")).kind() == sstk::errc::duplicate_member);
    CHECK(read_error(item_doc("<Name>a</Name><Name>b</Name>"), dcs).kind() == sstk::errc::duplicate_member);
    // Unknown elements are skipped in both modes.
    CHECK(xml::read<Oracle::Edge::Item>(item_doc("<Name>n</Name><X>?</X><Value>1</Value>"), dcs).Value == 1);
}

TEST_CASE("wrong root name or namespace") {
    const auto e = read_error(R"(<Item xmlns="http://wrong"><Name>n</Name></Item>)");
    CHECK(e.kind() == sstk::errc::type_mismatch);
    CHECK(e.message().find("http://wrong") != std::string::npos);
    CHECK(read_error(std::string("<Thing ") + edge + "/>").kind() == sstk::errc::type_mismatch);
    CHECK(read_error("<Item").kind() == sstk::errc::syntax);
    CHECK(xml::read<std::string>(R"(<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">s</string>)") == "s");
}

TEST_CASE("DTDs are rejected; entities are never expanded") {
    const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)" +
                               item_doc("<Name>&lol3;</Name>");
    CHECK(read_error(laughs).kind() == sstk::errc::unsupported);
    const std::string external = R"(<!DOCTYPE Item [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)" + item_doc("<Name>&xxe;</Name>");
    CHECK(read_error(external).kind() == sstk::errc::unsupported);
    // Without a DTD an undeclared entity is not expanded either: the text keeps it verbatim.
    const auto r = xml::try_read<Oracle::Edge::Item>(item_doc("<Name>&xxe;</Name>"));
    if (r) CHECK(r->Name == std::optional<std::string>("&xxe;"));
}

TEST_CASE("nesting limit") {
    std::string deep;
    const int n = 200;  // deep enough for the limit; the success path below recurses per level
    deep += R"(<Node xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Tree">)";
    for (int i = 0; i < n; ++i) deep += "<Children><Node>";
    for (int i = 0; i < n; ++i) deep += "</Node></Children>";
    deep += "</Node>";
    const auto r = xml::try_read<tree::Node>(deep);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::limit_exceeded);
    xml::read_options o;
    o.max_depth = 1000;
    CHECK(xml::try_read<tree::Node>(deep, o).has_value());
}

TEST_CASE("malformed values: line, column and member path") {
    const std::string doc = std::string("<ListsMiscDto ") +
                            R"(xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Oracle.Edge">)" "\n"
                            R"(<Guids xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">)" "\n"
                            R"(  <a:guid>00000000-0000-0000-0000-000000000000</a:guid>)" "\n"
                            R"(  <a:guid>0000000x-0000-0000-0000-000000000000</a:guid>)" "\n"
                            "</Guids></ListsMiscDto>";
    const auto r = xml::try_read<Oracle::Edge::ListsMiscDto>(doc);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::syntax);
    CHECK(r.error().path() == "Guids[1]");
    CHECK(r.error().line() == 4);
    CHECK(r.error().column() == 18);  // the 'x'

    const auto bad = [](const std::string& body) {
        const auto r2 = xml::try_read<Oracle::Edge::DateTimesDto>(std::string("<DateTimesDto ") + edge + ">" + body + "</DateTimesDto>");
        REQUIRE_FALSE(r2.has_value());
        return r2.error();
    };
    CHECK(bad("<UtcWhole>2020-13-01T00:00:00</UtcWhole>").path() == "UtcWhole");
    CHECK(bad("<UtcHalf>yesterday</UtcHalf>").path() == "UtcHalf");
    const auto enums = [](const std::string& body) {
        return xml::try_read<Oracle::Edge::EnumsDto>(std::string("<EnumsDto ") + edge + ">" + body + "</EnumsDto>");
    };
    CHECK(enums("<All>Read  Write\nDelete</All>")->All == Oracle::Edge::Perms(11));
    CHECK(enums("<Blue>Blue</Blue>")->Blue == Oracle::Edge::Color::Blue);
    CHECK_FALSE(enums("<Blue>10</Blue>").has_value());      // numbers are not names
    CHECK_FALSE(enums("<All>Read,Write</All>").has_value());  // nor commas
    CHECK_FALSE(enums("<Blue>blue</Blue>").has_value());      // case-sensitive
    CHECK(enums("<Active>active-state</Active>")->Active == Oracle::Edge::Status::Active);
    const auto bytes = xml::try_read<Oracle::Edge::BytesDto>(std::string("<BytesDto ") + edge + "><Small>AA$=</Small></BytesDto>");
    REQUIRE_FALSE(bytes.has_value());
    CHECK(bytes.error().path() == "Small");
    const auto ints = xml::try_read<Oracle::Edge::IntegersDto>(std::string("<IntegersDto ") + edge + "><ByteMax>256</ByteMax></IntegersDto>");
    REQUIRE_FALSE(ints.has_value());
    CHECK(ints.error().kind() == sstk::errc::out_of_range);
    CHECK(ints.error().path() == "ByteMax");
}

TEST_CASE("dictionaries: duplicate keys are errors") {
    const std::string doc = std::string("<DictsDto ") + edge +
                            R"(><StrInt xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">)"
                            "<d2p1:KeyValueOfstringint><d2p1:Key>a</d2p1:Key><d2p1:Value>1</d2p1:Value></d2p1:KeyValueOfstringint>"
                            "<d2p1:KeyValueOfstringint><d2p1:Key>a</d2p1:Key><d2p1:Value>2</d2p1:Value></d2p1:KeyValueOfstringint>"
                            "</StrInt></DictsDto>";
    const auto r = xml::try_read<Oracle::Edge::DictsDto>(doc);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::duplicate_member);
    CHECK(r.error().path() == "StrInt[1]");
}

TEST_CASE("dictionaries: Key and Value in either order, a missing Value is the default, two of either is an error") {
    const auto dict = [](const std::string& entries) {
        return xml::try_read<Oracle::Edge::DictsDto>(std::string("<DictsDto ") + edge +
                                                     R"(><StrInt xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">)" +
                                                     entries + "</StrInt></DictsDto>");
    };
    const auto entry = [](const std::string& body) { return "<d2p1:KeyValueOfstringint>" + body + "</d2p1:KeyValueOfstringint>"; };
    const auto r = dict(entry("<d2p1:Value>5</d2p1:Value><d2p1:Key>b</d2p1:Key>") + entry("<d2p1:Key>c</d2p1:Key>"));
    REQUIRE(r.has_value());
    REQUIRE(r->StrInt.has_value());
    CHECK(*r->StrInt == sstk::dictionary<std::string, std::int32_t>{{"b", 5}, {"c", 0}});
    for (const std::string body : {"<d2p1:Key>a</d2p1:Key><d2p1:Value>1</d2p1:Value><d2p1:Value>2</d2p1:Value>",
                                   "<d2p1:Key>a</d2p1:Key><d2p1:Key>b</d2p1:Key><d2p1:Value>1</d2p1:Value>"}) {
        const auto twice = dict(entry("<d2p1:Key>z</d2p1:Key><d2p1:Value>0</d2p1:Value>") + entry(body));
        REQUIRE_FALSE(twice.has_value());
        CHECK(twice.error().kind() == sstk::errc::duplicate_member);
        CHECK(twice.error().path() == "StrInt[1]");
    }
    // A bad Value after the Key: the error names the entry; no entry is left half-read with
    // another key's value.
    const auto bad = dict(entry("<d2p1:Key>a</d2p1:Key><d2p1:Value>x</d2p1:Value>"));
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().path().rfind("StrInt[0]", 0) == 0);
}

TEST_CASE("dictionaries of DTOs are read in place: every entry a fresh value") {
    const std::string e = "d2p1:" +
                          sstk::xml::detail::entry_name_of<sstk::dictionary<std::string, std::optional<Oracle::Edge::Item>>>();
    const std::string doc = std::string("<DictsDto ") + edge +
                            R"(><StrItem xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays">)" + "<" + e +
                            "><d2p1:Key>a</d2p1:Key><d2p1:Value><Name>first</Name></d2p1:Value></" + e + "><" + e +
                            "><d2p1:Key>b</d2p1:Key><d2p1:Value i:nil=\"true\" /></" + e + "></StrItem></DictsDto>";
    Oracle::Edge::DictsDto into;
    into.StrItem.emplace();
    (*into.StrItem)["a"] = Oracle::Edge::Item{"old", 9};
    (*into.StrItem)["stale"] = std::nullopt;
    xml::read(doc, into);
    REQUIRE(into.StrItem.has_value());
    REQUIRE(into.StrItem->size() == 2);
    REQUIRE(into.StrItem->at("a").has_value());
    CHECK(*into.StrItem->at("a") == Oracle::Edge::Item{"first", 0});
    CHECK_FALSE(into.StrItem->at("b").has_value());
    CHECK_FALSE(into.StrItem->contains("stale"));
}

TEST_CASE("a member redeclared in a derived class: both levels are written and read back in order") {
    shadow::Derived d;
    d.shadow::Base::Id = 7;
    d.Name = "n";
    d.Id = "x";
    const std::string text = xml::write(d);
    CHECK(text.find("<Id>7</Id><Name>n</Name><Id>x</Id>") != std::string::npos);
    CHECK(xml::read<shadow::Derived>(text) == d);
    // A third Id has no member left to go to.
    const auto r = xml::try_read<shadow::Derived>(
        R"(<Derived xmlns="http://schemas.datacontract.org/2004/07/Shadow"><Id>7</Id><Id>x</Id><Id>y</Id></Derived>)");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == sstk::errc::duplicate_member);
}
