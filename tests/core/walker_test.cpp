#include <sstk/core/contract.hpp>
#include <sstk/core/walker.hpp>

#include <boost/describe/class.hpp>
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// DTOs shaped like the seed services: a 3-level hierarchy across namespaces, renamed and
// ordered members, a class template.
namespace walker_test::base {
struct Root {
    std::optional<std::string> Zeta;
    std::optional<int> Alpha;
};
BOOST_DESCRIBE_STRUCT(Root, (), (Zeta, Alpha))

struct ApiServiceRequest : Root {
    std::optional<std::string> ApiKey;
    std::optional<double> Latitude;
    std::optional<double> Longitude;
};
BOOST_DESCRIBE_STRUCT(ApiServiceRequest, (Root), (ApiKey, Latitude, Longitude))
constexpr auto sstk_contract(sstk::type_tag<ApiServiceRequest>) {
    return sstk::contract("ApiServiceRequest")
        .clr_namespace("WebService.ServiceModel.Base")
        .implements("IServiceRequest", "IHasApiKey", "IHasDeviceInfo")
        .members(sstk::member("ApiKey").is_required().describe("The API Key required for authentication"));
}
}  // namespace walker_test::base

namespace walker_test {
struct ResetPasswordResponse {
    std::optional<int> SystemUserId;
};
BOOST_DESCRIBE_STRUCT(ResetPasswordResponse, (), (SystemUserId))

struct ResetPassword : base::ApiServiceRequest {
    std::optional<std::string> TemporaryPassword;
    std::optional<std::string> EmailAddress;
    std::optional<std::string> Password;
    std::optional<std::string> PasswordConfirm;
};
BOOST_DESCRIBE_STRUCT(ResetPassword, (base::ApiServiceRequest), (TemporaryPassword, EmailAddress, Password, PasswordConfirm))
constexpr auto sstk_contract(sstk::type_tag<ResetPassword>) {
    return sstk::contract("ResetPassword")
        .clr_namespace("WebService.ServiceModel")
        .returns<ResetPasswordResponse>()
        .verb_marker(sstk::http_verb::post)
        .routes(sstk::route("/user/password/reset", "POST").with_summary("Reset password for user"))
        .members(sstk::member("TemporaryPassword").is_required().describe("Temp password to validate user password change"));
}

// research/servicestack-formats.md §4.3: declared b,B,_x,Zed,alpha,A1,a
struct Ordinal {
    int b, B, _x, Zed, alpha, A1, a;
};
BOOST_DESCRIBE_STRUCT(Ordinal, (), (b, B, _x, Zed, alpha, A1, a))

// research/servicestack-formats.md §4.3: [DataContract(Name="Renamed")] with Order and Name.
struct Renamed {
    std::optional<std::string> B, A, Z, Y, Skip;
    int SkipInt = 0;
    std::optional<std::string> Req, NotMember;
};
BOOST_DESCRIBE_STRUCT(Renamed, (), (B, A, Z, Y, Skip, SkipInt, Req, NotMember))
constexpr auto sstk_contract(sstk::type_tag<Renamed>) {
    return sstk::contract("Renamed")
        .xml_namespace("http://example.org/x")
        .data_contract()
        .members(sstk::member("B").with_order(2), sstk::member("A").with_order(1).rename("first"),
                 sstk::member("Skip").emit_default_value(false), sstk::member("SkipInt").emit_default_value(false),
                 sstk::member("Req").is_required(), sstk::member("NotMember").ignore());
}

// datacontract-xml.md §6.2: AB < Ab < Field < Zeta2 < _under < aB < zeta < Émile
struct Unicode {
    int zeta, Émile, aB, _under, Zeta2, Field, Ab, AB;
};
BOOST_DESCRIBE_STRUCT(Unicode, (), (zeta, Émile, aB, _under, Zeta2, Field, Ab, AB))

template <class T>
struct Page {
    std::optional<std::vector<T>> Items;
    int Total = 0;
    BOOST_DESCRIBE_CLASS(Page, (), (Items, Total), (), ())
};
template <class T>
constexpr auto sstk_contract(sstk::type_tag<Page<T>>) {
    return sstk::contract("Page").clr_namespace("Oracle.Generic").members(sstk::member("Total").with_order(1));
}

struct Plain {
    int Id = 0;
    std::string Name;
};
BOOST_DESCRIBE_STRUCT(Plain, (), (Id, Name))

// C# `new`: a derived class redeclares a base member.
struct Shadowed : Plain {
    std::optional<std::string> Id;
    int Extra = 0;
};
BOOST_DESCRIBE_STRUCT(Shadowed, (Plain), (Id, Extra))
}  // namespace walker_test

namespace {

template <class T, sstk::member_order Order>
std::vector<std::string> names() {
    std::vector<std::string> out;
    sstk::for_each_member<T, Order>([&](auto m) { out.emplace_back(decltype(m)::name); });
    return out;
}

template <class T, sstk::member_order Order, sstk::casing Policy>
std::vector<std::string> keys() {
    std::vector<std::string> out;
    sstk::for_each_member<T, Order>([&](auto m) { out.emplace_back(decltype(m)::template key<Policy>); });
    return out;
}

using sstk::member_order;
using V = std::vector<std::string>;

}  // namespace

TEST_CASE("ServiceStack order: derived members first, then each base, in declaration order") {
    CHECK(names<walker_test::ResetPassword, member_order::servicestack>() ==
          V{"TemporaryPassword", "EmailAddress", "Password", "PasswordConfirm", "ApiKey", "Latitude", "Longitude", "Zeta", "Alpha"});
    CHECK(keys<walker_test::ResetPassword, member_order::servicestack, sstk::casing::camel>() ==
          V{"temporaryPassword", "emailAddress", "password", "passwordConfirm", "apiKey", "latitude", "longitude", "zeta", "alpha"});
}

TEST_CASE("a member redeclared in a derived class hides the base one in ServiceStack order, not in DataContract order") {
    CHECK(names<walker_test::Shadowed, member_order::servicestack>() == V{"Id", "Extra", "Name"});
    CHECK(names<walker_test::Shadowed, member_order::declaration>() == V{"Id", "Extra", "Name"});
    CHECK(sstk::member_count<walker_test::Shadowed> == 3);
    // DataContractSerializer writes each class level's members, so both Ids stay (base first).
    CHECK(names<walker_test::Shadowed, member_order::data_contract>() == V{"Id", "Name", "Extra", "Id"});
    walker_test::Shadowed s;
    s.Id = "derived";
    s.walker_test::Plain::Id = 7;
    std::vector<std::string> ids;
    sstk::for_each_member<walker_test::Shadowed>([&](auto m) {
        if constexpr (decltype(m)::cpp_name == "Id") ids.push_back(*decltype(m)::get(s));
    });
    CHECK(ids == V{"derived"});
}

TEST_CASE("DataContract order: base classes first, then ordinal names within each class") {
    CHECK(names<walker_test::ResetPassword, member_order::data_contract>() ==
          V{"Alpha", "Zeta", "ApiKey", "Latitude", "Longitude", "EmailAddress", "Password", "PasswordConfirm", "TemporaryPassword"});
    CHECK(names<walker_test::Ordinal, member_order::data_contract>() == V{"A1", "B", "Zed", "_x", "a", "alpha", "b"});
    CHECK(names<walker_test::Ordinal, member_order::servicestack>() == V{"b", "B", "_x", "Zed", "alpha", "A1", "a"});
    CHECK(names<walker_test::Unicode, member_order::data_contract>() ==
          V{"AB", "Ab", "Field", "Zeta2", "_under", "aB", "zeta", "Émile"});
}

TEST_CASE("DataMember Order and Name: unordered first, renames, ignored members dropped") {
    // XML vector: <Req i:nil="true" /><Y>y</Y><Z>z</Z><first>a</first><B>b</B> (Skip* omitted when default)
    CHECK(names<walker_test::Renamed, member_order::data_contract>() == V{"Req", "Skip", "SkipInt", "Y", "Z", "first", "B"});
    // ServiceStack.Text: declaration order, then a stable OrderBy(Order) with -1 for unordered.
    CHECK(names<walker_test::Renamed, member_order::servicestack>() == V{"Z", "Y", "Skip", "SkipInt", "Req", "first", "B"});
    // Declaration order alone (CSV columns): reflection order without the Order sort.
    CHECK(names<walker_test::Renamed, member_order::declaration>() == V{"B", "first", "Z", "Y", "Skip", "SkipInt", "Req"});
    CHECK(names<walker_test::ResetPassword, member_order::declaration>() ==
          V{"TemporaryPassword", "EmailAddress", "Password", "PasswordConfirm", "ApiKey", "Latitude", "Longitude", "Zeta", "Alpha"});
    // Renamed members are never re-cased.
    CHECK(keys<walker_test::Renamed, member_order::data_contract, sstk::casing::camel>() ==
          V{"req", "skip", "skipInt", "y", "z", "first", "b"});
    CHECK(keys<walker_test::Renamed, member_order::data_contract, sstk::casing::snake>() ==
          V{"req", "skip", "skip_int", "y", "z", "first", "b"});
}

namespace walker_test {
// A contract may name a described non-public member; a name no member has is refused (the
// walker's static_assert uses this check).
class WithPrivate {
public:
    int Shown = 0;

private:
    int hidden_ = 0;
    BOOST_DESCRIBE_CLASS(WithPrivate, (), (Shown), (), (hidden_))
};
constexpr auto sstk_contract(sstk::type_tag<WithPrivate>) {
    return sstk::contract("WithPrivate").members(sstk::member("Shown").with_order(1), sstk::member("hidden_").rename("Hidden"));
}
struct Typo {
    int Shown = 0;
};
BOOST_DESCRIBE_STRUCT(Typo, (), (Shown))
constexpr auto sstk_contract(sstk::type_tag<Typo>) { return sstk::contract("Typo").members(sstk::member("Shwon").with_order(1)); }
}  // namespace walker_test

TEST_CASE("a contract may only name members the class describes, public or not") {
    STATIC_REQUIRE(sstk::detail::contract_names_exist<walker_test::WithPrivate>());
    STATIC_REQUIRE(sstk::detail::contract_names_exist<walker_test::base::Root>());  // no member contracts
    STATIC_REQUIRE_FALSE(sstk::detail::contract_names_exist<walker_test::Typo>());
    CHECK(names<walker_test::WithPrivate, member_order::servicestack>() == V{"Shown"});
}

TEST_CASE("member metadata comes from the declaring class's contract") {
    bool seen_api_key = false, seen_temp = false, seen_skip = false;
    sstk::for_each_member<walker_test::ResetPassword>([&](auto m) {
        using M = decltype(m);
        if constexpr (M::cpp_name == "ApiKey") {
            seen_api_key = true;
            STATIC_REQUIRE(std::is_same_v<typename M::owner_type, walker_test::base::ApiServiceRequest>);
            STATIC_REQUIRE(M::required);
            STATIC_REQUIRE(M::description == "The API Key required for authentication");
        }
        if constexpr (M::cpp_name == "TemporaryPassword") {
            seen_temp = true;
            STATIC_REQUIRE(std::is_same_v<typename M::owner_type, walker_test::ResetPassword>);
            STATIC_REQUIRE(M::required);
            STATIC_REQUIRE(std::is_same_v<typename M::value_type, std::optional<std::string>>);
        }
        if constexpr (M::cpp_name == "Latitude") STATIC_REQUIRE_FALSE(M::required);
    });
    sstk::for_each_member<walker_test::Renamed>([&](auto m) {
        using M = decltype(m);
        if constexpr (M::cpp_name == "SkipInt") {
            seen_skip = true;
            STATIC_REQUIRE_FALSE(M::emit_default);
            STATIC_REQUIRE(M::order == -1);
        }
    });
    CHECK(seen_api_key);
    CHECK(seen_temp);
    CHECK(seen_skip);
}

TEST_CASE("members are read and written through the walker, bases included") {
    walker_test::ResetPassword r;
    r.ApiKey = "k";
    r.Password = "s3cret!";
    std::vector<std::string> set;
    sstk::for_each_member<walker_test::ResetPassword>([&](auto m) {
        using M = decltype(m);
        if constexpr (std::is_same_v<typename M::value_type, std::optional<std::string>>) {
            if (M::get(r)) set.push_back(std::string(M::name) + "=" + *M::get(r));
            else M::get(r) = std::string("filled");
        }
    });
    CHECK(set == V{"Password=s3cret!", "ApiKey=k"});
    CHECK(r.EmailAddress == "filled");
    CHECK(r.Zeta == "filled");
}

TEST_CASE("visit_member dispatches a run-time index to the member") {
    walker_test::Plain p{7, "seven"};
    std::string seen;
    for (std::size_t i = 0; i < sstk::member_count<walker_test::Plain>; ++i)
        sstk::visit_member<walker_test::Plain>(i, [&](auto m) { seen += std::string(decltype(m)::name) + ";"; });
    CHECK(seen == "Id;Name;");
    const int id = sstk::visit_member<walker_test::Plain>(0, [&](auto m) -> int {
        if constexpr (std::is_same_v<typename decltype(m)::value_type, int>) return decltype(m)::get(p);
        else return -1;
    });
    CHECK(id == 7);
    STATIC_REQUIRE(sstk::member_count<walker_test::ResetPassword, member_order::data_contract> == 9);
}

TEST_CASE("class templates (generic DTOs) are walked like any DTO") {
    using P = walker_test::Page<walker_test::Plain>;
    CHECK(names<P, member_order::servicestack>() == V{"Items", "Total"});
    CHECK(names<P, member_order::data_contract>() == V{"Items", "Total"});
    P page;
    page.Items.emplace().push_back({1, "a"});
    sstk::for_each_member<P>([&](auto m) {
        using M = decltype(m);
        if constexpr (M::cpp_name == "Items") CHECK(M::get(page)->size() == 1);
    });
    STATIC_REQUIRE(sstk::contract_of<P>().name == "Page");
    STATIC_REQUIRE(sstk::contract_of<P>().clr_ns == "Oracle.Generic");
}

TEST_CASE("type-level contract: names, namespaces, routes, IReturn, markers") {
    constexpr auto c = sstk::contract_of<walker_test::ResetPassword>();
    STATIC_REQUIRE(c.name == "ResetPassword");
    STATIC_REQUIRE(c.clr_ns == "WebService.ServiceModel");
    STATIC_REQUIRE_FALSE(c.is_data_contract);
    STATIC_REQUIRE(c.verb == sstk::http_verb::post);
    STATIC_REQUIRE(c.route_list.size() == 1);
    STATIC_REQUIRE(c.route_list[0].path == "/user/password/reset");
    STATIC_REQUIRE(c.route_list[0].summary == "Reset password for user");
    STATIC_REQUIRE(c.route_list[0].allows("POST"));
    STATIC_REQUIRE_FALSE(c.route_list[0].allows("GET"));
    STATIC_REQUIRE(std::is_same_v<sstk::response_type_t<walker_test::ResetPassword>, walker_test::ResetPasswordResponse>);
    STATIC_REQUIRE(sstk::has_response_type<walker_test::ResetPassword>);
    STATIC_REQUIRE_FALSE(sstk::returns_void<walker_test::ResetPassword>);

    constexpr auto base = sstk::contract_of<walker_test::base::ApiServiceRequest>();
    STATIC_REQUIRE(base.interface_list.size() == 3);
    STATIC_REQUIRE(base.interface_list[1] == "IHasApiKey");

    // No contract declared: C++ name and namespace, POCO rules, no response type.
    constexpr auto plain = sstk::contract_of<walker_test::Plain>();
    STATIC_REQUIRE(plain.name == "Plain");
    STATIC_REQUIRE(plain.clr_ns == "walker_test");
    STATIC_REQUIRE_FALSE(sstk::has_response_type<walker_test::Plain>);

    constexpr auto renamed = sstk::contract_of<walker_test::Renamed>();
    STATIC_REQUIRE(renamed.has_xml_ns);
    STATIC_REQUIRE(renamed.xml_ns == "http://example.org/x");
    STATIC_REQUIRE(renamed.is_data_contract);
}

TEST_CASE("route verbs use ServiceStack's spellings") {
    constexpr auto any = sstk::route("/a");
    STATIC_REQUIRE(any.allows("DELETE"));
    constexpr auto two = sstk::route("/b", "get, Post");
    STATIC_REQUIRE(two.allows("GET"));
    STATIC_REQUIRE(two.allows("POST"));
    STATIC_REQUIRE_FALSE(two.allows("PUT"));
    constexpr auto space = sstk::route("/c", "PUT PATCH");
    STATIC_REQUIRE(space.allows("PATCH"));
    constexpr auto anyv = sstk::route("/d", "ANY");
    STATIC_REQUIRE(anyv.allows("OPTIONS"));
}
