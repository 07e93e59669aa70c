#include <sstk/core/walker.hpp>
#include <sstk/servicestack/empty_response.hpp>
#include <sstk/servicestack/error_response.hpp>
#include <sstk/servicestack/query_response.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {
using V = std::vector<std::string>;
template <class T, sstk::member_order Order>
V names() {
    V out;
    sstk::for_each_member<T, Order>([&](auto m) { out.emplace_back(decltype(m)::name); });
    return out;
}
}  // namespace

namespace rs_test {
struct Movie {
    int Id = 0;
    std::string Title;
};
BOOST_DESCRIBE_STRUCT(Movie, (), (Id, Title))
constexpr auto sstk_contract(sstk::type_tag<Movie>) { return sstk::contract("Movie").clr_namespace("MyApp.ServiceModel"); }
}  // namespace rs_test

TEST_CASE("ResponseStatus and ResponseError keep ServiceStack's member order on every wire") {
    using sstk::member_order;
    const V status{"ErrorCode", "Message", "StackTrace", "Errors", "Meta"};
    CHECK(names<sstk::ResponseStatus, member_order::servicestack>() == status);
    CHECK(names<sstk::ResponseStatus, member_order::data_contract>() == status);
    const V error{"ErrorCode", "FieldName", "Message", "Meta"};
    CHECK(names<sstk::ResponseError, member_order::servicestack>() == error);
    CHECK(names<sstk::ResponseError, member_order::data_contract>() == error);
    CHECK(names<sstk::ErrorResponse, member_order::data_contract>() == V{"ResponseStatus"});
    CHECK(names<sstk::IdResponse, member_order::data_contract>() == V{"Id", "ResponseStatus"});
    CHECK(names<sstk::QueryResponse<rs_test::Movie>, member_order::data_contract>() ==
          V{"Offset", "Total", "Results", "Meta", "ResponseStatus"});
}

TEST_CASE("ServiceStack types live in http://schemas.servicestack.net/types") {
    constexpr auto c = sstk::contract_of<sstk::ResponseStatus>();
    STATIC_REQUIRE(c.name == "ResponseStatus");
    STATIC_REQUIRE(c.clr_ns == "ServiceStack");
    STATIC_REQUIRE(c.has_xml_ns);
    STATIC_REQUIRE(c.xml_ns == "http://schemas.servicestack.net/types");
    STATIC_REQUIRE(c.is_data_contract);
    STATIC_REQUIRE(sstk::contract_of<sstk::ResponseError>().xml_ns == "http://schemas.servicestack.net/types");
    STATIC_REQUIRE(sstk::contract_of<sstk::ErrorResponse>().name == "ErrorResponse");
    STATIC_REQUIRE(sstk::contract_of<sstk::QueryResponse<rs_test::Movie>>().name == "QueryResponse");
    STATIC_REQUIRE(sstk::contract_of<sstk::EmptyResponse>().is_data_contract);
}

TEST_CASE("camelCase keys match what .NET Core ServiceStack servers send") {
    V keys;
    sstk::for_each_member<sstk::ResponseError>([&](auto m) { keys.emplace_back(decltype(m)::template key<sstk::casing::camel>); });
    CHECK(keys == V{"errorCode", "fieldName", "message", "meta"});
}

TEST_CASE("ResponseStatus values compare by value, null distinct from empty") {
    sstk::ResponseStatus a;
    a.ErrorCode = "NotEmpty";
    a.Errors.emplace().push_back(sstk::ResponseError{"NotEmpty", "Name", "'Name' must not be empty.", {}});
    a.Errors->back().Meta.emplace()["PropertyName"] = "Name";
    sstk::ResponseStatus b = a;
    CHECK(a == b);
    b.Message = "";
    CHECK_FALSE(a == b);
    sstk::ResponseStatus c = a;
    c.Errors->back().Meta.reset();
    CHECK_FALSE(a == c);
    c.Errors->back().Meta.emplace();
    CHECK_FALSE(a == c);
}
