// What a failed read leaves behind, for every codec: read<T>() and try_read<T>() give no object
// at all; read(text, out) leaves `out` valid (destructible, assignable, readable again) with an
// unspecified mix of new, default and previous member values (docs/limits.md).
#include "robust_dtos.hpp"

#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace sstk;

namespace {

robust::Item sample() {
    robust::Item item;
    item.Id = 7;
    item.Name = std::string(100, 'n');  // heap storage, so a half-done assignment would show under ASan
    item.Numbers = {1, 2, 3};
    item.Counts = {{"a", 1}, {"b", 2}};
    item.Ratio = 0.5;
    return item;
}

// For a codec: a good document of sample(), and bad ones that fail at different depths.
template <class Read, class TryRead>
void check_failure_semantics(const std::string& good, const std::vector<std::string>& bad, Read&& read_into, TryRead&& try_read) {
    robust::Item target = sample();
    for (const std::string& doc : bad) {
        INFO(doc);
        CHECK_THROWS_AS(read_into(doc, target), error);
        // Valid: copyable, comparable, destructible (ASan would catch anything freed twice).
        const robust::Item copy = target;
        CHECK(copy == target);
        // Re-usable: the next read gives exactly the document's object.
        read_into(good, target);
        CHECK(target == sample());
        // The value-returning form gives an error and no object.
        const result<robust::Item> r = try_read(doc);
        CHECK_FALSE(r.has_value());
        CHECK_FALSE(r.error().message().empty());
    }
}

}  // namespace

TEST_CASE("JSON: a failed read leaves a valid, re-usable object; try_read no object") {
    check_failure_semantics(
        json::write(sample()),
        {R"({"Id":1,"Name":"x","Numbers":[1,2,"x"]})", R"({"Name":"changed","Counts":{"a":"x"}})", R"({"Id":1,"Name":"abc)",
         R"({"Numbers":[4,5,6,7,8,9],"Ratio":1e999999})", "[1]"},
        [](const std::string& doc, robust::Item& out) { json::read(doc, out); },
        [](const std::string& doc) { return json::try_read<robust::Item>(doc); });
    CHECK_THROWS_AS(json::read<robust::Item>(R"({"Id":"x"})"), error);
}

TEST_CASE("XML: a failed read leaves a valid, re-usable object; try_read no object") {
    const std::string head = R"(<Item xmlns="http://schemas.datacontract.org/2004/07/Robust">)";
    const std::string arrays = R"( xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays")";
    check_failure_semantics(
        xml::write(sample()),
        {head + "<Id>1</Id><Name>x</Name><Numbers" + arrays + "><a:int>1</a:int><a:int>x</a:int></Numbers></Item>",
         head + "<Name>changed</Name><Counts" + arrays +
             "><a:KeyValueOfstringint><a:Key>a</a:Key><a:Value>x</a:Value></a:KeyValueOfstringint></Counts></Item>",
         head + "<Id>1</Id><Name>abc", head + "<Ratio>1e999999</Ratio></Item>", "<Other/>"},
        [](const std::string& doc, robust::Item& out) { xml::read(doc, out); },
        [](const std::string& doc) { return xml::try_read<robust::Item>(doc); });
}

TEST_CASE("JSV: a failed read leaves a valid, re-usable object; try_read no object") {
    check_failure_semantics(
        jsv::write(sample()), {"{Id:1,Name:x,Numbers:[1,2,x]}", "{Name:changed,Counts:{a:x}}", "{Id:1,Name:\"abc", "{Ratio:1e999999}", "[1]"},
        [](const std::string& doc, robust::Item& out) { jsv::read(doc, out); },
        [](const std::string& doc) { return jsv::try_read<robust::Item>(doc); });
}

TEST_CASE("CSV: a failed read leaves a valid, re-usable object; try_read no object") {
    // A single DTO is one row.
    check_failure_semantics(
        csv::write(sample()), {"Id,Name,Numbers\n1,x,\"[1,2,x]\"\n", "Name,Counts\nchanged,{a:x}\n", "Id,Name\n1,\"abc\n", "Ratio\n1e999999\n", "Id\n1\n2\n"},
        [](const std::string& doc, robust::Item& out) { csv::read(doc, out); },
        [](const std::string& doc) { return csv::try_read<robust::Item>(doc); });
    // A list keeps the rows read before the bad one (valid, re-usable).
    std::vector<robust::Item> rows(3, sample());
    CHECK_THROWS_AS(csv::read("Id\n1\n2\nx\n", rows), error);
    const std::vector<robust::Item> copy = rows;
    CHECK(copy == rows);
    csv::read("Id\n1\n", rows);
    CHECK(rows.size() == 1);
    // A row stream delivers the good rows, then throws once, then ends.
    std::istringstream in("Id\n1\nx\n3\n");
    csv::row_stream<robust::Item> stream(in);
    robust::Item row;
    CHECK(stream.next(row));
    CHECK(row.Id == 1);
    CHECK_THROWS_AS(stream.next(row), error);
    CHECK_FALSE(stream.next(row));
}

TEST_CASE("query: a failed read leaves a valid, re-usable object; try_read no object") {
    check_failure_semantics(
        "id=7&name=" + std::string(100, 'n') + "&numbers=1,2,3&counts={a:1,b:2}&ratio=0.5",
        {"id=1&name=x&numbers=1,2,x", "name=changed&counts={a:x}", "id=1&name=%4", "ratio=1e999999", "id=%FF"},
        [](const std::string& doc, robust::Item& out) { query::read(doc, out); },
        [](const std::string& doc) { return query::try_read<robust::Item>(doc); });
}
