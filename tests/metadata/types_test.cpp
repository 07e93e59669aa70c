// /types/metadata from C++ DTOs: the CLR type mapping, the MetadataTypes fields ServiceStack's
// tooling reads, and the full circle — the seed services' metadata fed to sstk-codegen gives
// back the same DTO headers.
#include "codegen_circle.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/apis/antel_merchandiser.hpp>
#include <sstk/apis/platform_api.hpp>
#include <sstk/apis/ppw_assist.hpp>
#include <sstk/metadata/types.hpp>
#include <sstk/servicestack/query_response.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace meta_test {
enum class Access : int { None = 0, Read = 1, Write = 2, Admin = 4 };
BOOST_DESCRIBE_ENUM(Access, None, Read, Write, Admin)
constexpr auto sstk_contract(sstk::type_tag<Access>) { return sstk::enum_contract("Access").clr_namespace("Meta.Types").flags(); }

enum class Day { Sun, Mon };
BOOST_DESCRIBE_ENUM(Day, Sun, Mon)
constexpr auto sstk_contract(sstk::type_tag<Day>) {
    return sstk::enum_contract("Day").clr_namespace("Meta.Types").values(sstk::enumerator("Sun", "SUN"));
}

struct Poco {
    std::optional<std::string> Name;
    friend bool operator==(const Poco&, const Poco&) = default;
};
BOOST_DESCRIBE_STRUCT(Poco, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Poco>) { return sstk::contract("Poco").clr_namespace("Meta.Types"); }

struct Entity {
    std::int64_t Id = 0;
};
BOOST_DESCRIBE_STRUCT(Entity, (), (Id))
constexpr auto sstk_contract(sstk::type_tag<Entity>) { return sstk::contract("Entity").clr_namespace("Meta.Base"); }

struct FindThingsResponse;
struct FindThings : Entity {
    std::optional<std::vector<Poco>> Items;
    std::optional<sstk::dictionary<std::string, std::vector<Poco>>> ByName;
    Access Rights = Access::None;
    std::optional<Day> Today;
    std::optional<std::string> Secret;
};
BOOST_DESCRIBE_STRUCT(FindThings, (Entity), (Items, ByName, Rights, Today, Secret))
constexpr auto sstk_contract(sstk::type_tag<FindThings>) {
    return sstk::contract("FindThings")
        .clr_namespace("Meta.Types")
        .xml_namespace("http://example.org/types")
        .data_contract()
        .describe("Find things")
        .returns<sstk::QueryResponse<Poco>>()
        .implements("IGet")
        .verb_marker(sstk::http_verb::get)
        .routes(sstk::route("/things/{Id}", "GET").with_summary("One thing"), sstk::route("/things"))
        .members(sstk::member("Items").with_order(2).is_required().describe("The items"),
                 sstk::member("ByName").rename("by_name").emit_default_value(false), sstk::member("Secret").ignore());
}

struct Ping {
    std::optional<std::string> Text;
};
BOOST_DESCRIBE_STRUCT(Ping, (), (Text))
constexpr auto sstk_contract(sstk::type_tag<Ping>) { return sstk::contract("Ping").clr_namespace("Meta.Types").returns_void(); }

template <class T>
struct Page {
    std::optional<std::vector<T>> Items;
};
BOOST_DESCRIBE_STRUCT(Page<int>, (), (Items))
}  // namespace meta_test

namespace {

namespace json = boost::json;
using sstk::metadata::clr_type_of;

const json::object& find_named(const json::array& a, std::string_view name) {
    for (const json::value& v : a)
        if (v.as_object().at("name").as_string() == name) return v.as_object();
    FAIL("no entry named " << name);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("C++ member types map to the CLR types MetadataTypes names") {
    CHECK(clr_type_of<std::int32_t>().name == "Int32");
    CHECK(clr_type_of<std::int32_t>().value_type);
    CHECK(clr_type_of<std::optional<std::int32_t>>().name == "Nullable`1");
    CHECK(clr_type_of<std::optional<std::int32_t>>().generic_args == std::vector<std::string>{"Int32"});
    CHECK(clr_type_of<std::optional<std::int32_t>>().value_type);
    CHECK(clr_type_of<std::optional<std::string>>().name == "String");
    CHECK_FALSE(clr_type_of<std::string>().value_type);
    CHECK(clr_type_of<std::vector<std::uint8_t>>().name == "Byte[]");
    CHECK(clr_type_of<std::vector<std::optional<double>>>().expanded() == "List<Nullable<Double>>");
    CHECK(clr_type_of<std::vector<std::optional<double>>>().ns == "System.Collections.Generic");
    CHECK(clr_type_of<sstk::dictionary<std::string, std::vector<meta_test::Poco>>>().generic_args ==
          std::vector<std::string>{"String", "List<Poco>"});
    CHECK(clr_type_of<sstk::QueryResponse<meta_test::Poco>>().name == "QueryResponse`1");
    CHECK(clr_type_of<sstk::QueryResponse<meta_test::Poco>>().ns == "ServiceStack");
    CHECK(clr_type_of<sstk::date_time>().name == "DateTime");
    CHECK(clr_type_of<sstk::time_span>().name == "TimeSpan");
    CHECK(clr_type_of<sstk::guid>().name == "Guid");
    CHECK(clr_type_of<sstk::decimal>().name == "Decimal");
    CHECK(clr_type_of<std::optional<meta_test::Day>>().is_enum);
    CHECK(clr_type_of<std::optional<meta_test::Day>>().expanded() == "Nullable<Day>");
}

TEST_CASE("operations, types, enums and data members carry what ServiceStack's tooling reads") {
    sstk::metadata::types_builder b({"https://things.example.org"});
    b.add_operation<meta_test::FindThings>().add_operation<meta_test::Ping>();
    const json::object doc = b.document();
    CHECK(doc.at("config").as_object().at("baseUrl") == "https://things.example.org");

    const json::array& ops = doc.at("operations").as_array();
    REQUIRE(ops.size() == 2);
    const json::object& find = ops[0].as_object();
    const json::object& req = find.at("request").as_object();
    CHECK(req.at("name") == "FindThings");
    CHECK(req.at("namespace") == "Meta.Types");
    CHECK(req.at("description") == "Find things");
    CHECK(req.at("inherits").as_object().at("name") == "Entity");
    CHECK(req.at("inherits").as_object().at("namespace") == "Meta.Base");
    CHECK(req.at("dataContract").as_object().at("namespace") == "http://example.org/types");
    CHECK(find_named(req.at("implements").as_array(), "IGet").size() == 1);
    CHECK(find.at("method") == "GET");
    CHECK(find.at("returnType").as_object().at("name") == "QueryResponse`1");
    CHECK(find.at("returnType").as_object().at("genericArgs").as_array() == json::array{"Poco"});
    CHECK_FALSE(find.contains("response"));  // ServiceStack's own type: referenced, not defined
    const json::array& routes = find.at("routes").as_array();
    REQUIRE(routes.size() == 2);
    CHECK(routes[0].as_object().at("path") == "/things/{Id}");
    CHECK(routes[0].as_object().at("verbs") == "GET");
    CHECK(routes[0].as_object().at("summary") == "One thing");
    CHECK_FALSE(routes[1].as_object().contains("verbs"));

    const json::array& props = req.at("properties").as_array();
    CHECK(props.size() == 5);  // declared members only: Id is Entity's
    const json::object& items = find_named(props, "Items");
    CHECK(items.at("type") == "List`1");
    CHECK(items.at("genericArgs").as_array() == json::array{"Poco"});
    CHECK(items.at("isRequired") == true);
    CHECK(items.at("description") == "The items");
    CHECK(items.at("dataMember").as_object().at("order") == 2);
    const json::object& by_name = find_named(props, "ByName");
    CHECK(by_name.at("dataMember").as_object().at("name") == "by_name");
    CHECK(by_name.at("dataMember").as_object().at("emitDefaultValue") == false);
    CHECK(by_name.at("genericArgs").as_array() == json::array{"String", "List<Poco>"});
    const json::object& rights = find_named(props, "Rights");
    CHECK(rights.at("isEnum") == true);
    CHECK(rights.at("isValueType") == true);
    CHECK(find_named(props, "Today").at("type") == "Nullable`1");
    CHECK(find_named(props, "Secret").at("attributes").as_array()[0].as_object().at("name") == "IgnoreDataMember");

    const json::array& types = doc.at("types").as_array();
    const json::object& access = find_named(types, "Access");
    CHECK(access.at("isEnum") == true);
    CHECK(access.at("isEnumInt") == true);
    CHECK(access.at("enumNames").as_array() == json::array{"None", "Read", "Write", "Admin"});
    CHECK(access.at("enumValues").as_array() == json::array{"0", "1", "2", "4"});
    const json::object& day = find_named(types, "Day");
    CHECK_FALSE(day.contains("enumValues"));  // 0..n-1
    CHECK(day.at("enumMemberValues").as_array() == json::array{"SUN", "Mon"});
    CHECK(find_named(types, "Entity").at("namespace") == "Meta.Base");
    CHECK(find_named(types, "Poco").at("properties").as_array().size() == 1);
    for (const json::value& t : types) CHECK(t.as_object().at("name") != "FindThings");  // operations only

    const json::object& ping = ops[1].as_object();
    CHECK(ping.at("returnsVoid") == true);
    CHECK_FALSE(ping.contains("returnType"));
}

TEST_CASE("a user-defined generic DTO is refused with a clear error") {
    sstk::metadata::types_builder b;
    try {
        b.add_type<meta_test::Page<int>>();
        FAIL("expected an error");
    } catch (const sstk::error& e) {
        CHECK(e.kind() == sstk::errc::unsupported);
        CHECK(std::string(e.what()).find("Page<Int32>") != std::string::npos);
    }
}

TEST_CASE("full circle: the seed services' metadata through sstk-codegen gives back the same DTOs") {
    namespace a = sstk::apis;
    struct service {
        std::string name, json;
    };
    const std::vector<service> services{
        {"platform_api", sstk::metadata::types_metadata_json<a::platform_api::GetResetPasswordToken, a::platform_api::PasswordReset>()},
        {"antel_api", sstk::metadata::types_metadata_json<a::antel_api::ResetPassword>()},
        {"antel_merchandiser", sstk::metadata::types_metadata_json<a::antel_merchandiser::ResetPassword>()},
        {"ppw_assist", sstk::metadata::types_metadata_json<a::ppw_assist::ResetPasswordRequest>()},
    };
    for (const service& s : services) {
        INFO(s.name);
        int status = 0;
        const std::string header = sstk_test::generate_seed_header(s.json, s.name, &status);
        REQUIRE(status == 0);
        CHECK(sstk_test::blocks_of(header) == sstk_test::blocks_of(sstk_test::seed_header(s.name)));
    }
}
