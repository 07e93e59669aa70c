#include <sstk/types/dictionary.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("dictionary enumerates in insertion order, like .NET Dictionary") {
    sstk::dictionary<std::string, std::string> d;
    d["Zeta"] = "1";
    d["Alpha"] = "2";
    d.insert_or_assign("Mid", "3");
    d["Zeta"] = "updated";
    std::vector<std::string> keys;
    for (const auto& [k, v] : d) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"Zeta", "Alpha", "Mid"});
    CHECK(d.at("Zeta") == "updated");
    CHECK(d.size() == 3);
    CHECK(d.contains("Alpha"));
    CHECK_FALSE(d.contains("alpha"));
    CHECK_THROWS_AS(d.at("nope"), std::out_of_range);
}

TEST_CASE("insert_new reports duplicate keys; erase keeps the order of the rest") {
    sstk::dictionary<int, std::string> d{{1, "one"}, {-2, "minus two"}, {3, "three"}};
    CHECK_FALSE(d.insert_new(1, "again"));
    CHECK(d.at(1) == "one");
    CHECK(d.insert_new(4, "four"));
    CHECK(d.erase(-2) == 1);
    CHECK(d.erase(-2) == 0);
    std::vector<int> keys;
    for (const auto& kv : d) keys.push_back(kv.first);
    CHECK(keys == std::vector<int>{1, 3, 4});
}

TEST_CASE("large dictionaries switch to a hashed index and stay consistent") {
    sstk::dictionary<std::string, int> d;
    for (int i = 0; i < 1000; ++i) CHECK(d.insert_new("k" + std::to_string(i), i));
    CHECK_FALSE(d.insert_new("k500", 0));
    CHECK(d.at("k999") == 999);
    CHECK(d.erase("k0") == 1);
    CHECK(d.begin()->first == "k1");
    CHECK(d.find("k0") == d.end());
    auto copy = d;
    CHECK(copy == d);
    CHECK(copy.at("k998") == 998);
    copy["k998"] = -1;
    CHECK(d.at("k998") == 998);
    d.clear();
    CHECK(d.empty());
    CHECK_FALSE(d.contains("k1"));
}
