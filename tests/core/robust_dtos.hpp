// DTOs shared by the robustness tests (limits, hostile input, failure semantics, threads,
// secrets): small, reflected, readable by every codec.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/dictionary.hpp>
#include <sstk/types/guid.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace robust {

struct Item {
    int Id = 0;
    std::string Name;
    std::vector<int> Numbers;
    sstk::dictionary<std::string, int> Counts;
    double Ratio = 0;
    friend bool operator==(const Item&, const Item&) = default;
};
BOOST_DESCRIBE_STRUCT(Item, (), (Id, Name, Numbers, Counts, Ratio))
constexpr auto sstk_contract(sstk::type_tag<Item>) { return sstk::contract("Item").clr_namespace("Robust"); }

// Recursive: the only way a typed document nests without bound.
struct Node {
    std::string Name;
    std::optional<std::vector<Node>> Children;
    friend bool operator==(const Node&, const Node&) = default;
};
BOOST_DESCRIBE_STRUCT(Node, (), (Name, Children))
constexpr auto sstk_contract(sstk::type_tag<Node>) { return sstk::contract("Node").clr_namespace("Robust"); }

// Text codecs only (XML has no untyped value): an untyped member nests as deep as it likes.
struct Bag {
    int Id = 0;
    std::optional<boost::json::value> Any;
    friend bool operator==(const Bag&, const Bag&) = default;
};
BOOST_DESCRIBE_STRUCT(Bag, (), (Id, Any))

// Secrets declared with types their text may fail to parse as.
struct Login {
    std::string UserName;
    int Password = 0;
    sstk::date_time Token;
    sstk::guid ApiKey;
    std::vector<int> AccessTokens;
    sstk::dictionary<std::string, int> Meta;  // Meta["password"], Meta["api_key"] are secret
    int Age = 0;
    friend bool operator==(const Login&, const Login&) = default;
};
BOOST_DESCRIBE_STRUCT(Login, (), (UserName, Password, Token, ApiKey, AccessTokens, Meta, Age))
constexpr auto sstk_contract(sstk::type_tag<Login>) { return sstk::contract("Login").clr_namespace("Robust"); }

}  // namespace robust
