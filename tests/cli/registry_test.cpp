// sstk::registry over the generated seed registries (include/sstk/apis/*_registry.hpp): lookup
// by every spelling, ambiguity, operation facts from the contracts, and dispatch to generic code.
#include <sstk/apis/antel_api_registry.hpp>
#include <sstk/apis/antel_merchandiser_registry.hpp>
#include <sstk/apis/platform_api_registry.hpp>
#include <sstk/apis/ppw_assist_registry.hpp>
#include <sstk/core/registry.hpp>
#include <sstk/json.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>

namespace apis = sstk::apis;
using seeds = sstk::registry<apis::platform_api::platform_api_service, apis::antel_api::antel_api_service,
                             apis::antel_merchandiser::antel_merchandiser_service,
                             apis::ppw_assist::ppw_assist_service>;

// A hand-written service: any struct with these four members registers.
namespace handmade {
struct Ping {
    int Id = 0;
    friend bool operator==(const Ping&, const Ping&) = default;
};
BOOST_DESCRIBE_STRUCT(Ping, (), (Id))
struct service {
    static constexpr std::string_view name = "handmade";
    using types = sstk::type_list<Ping>;
    using requests = sstk::type_list<>;
    using enums = sstk::type_list<>;
};
}  // namespace handmade

TEST_CASE("registry lists every seed class and enum with its names") {
    const auto types = seeds::types();
    // platform 4, antel_api 4, antel_merchandiser 4, ppw_assist 3 classes + 1 enum
    REQUIRE(types.size() == 16);
    CHECK(seeds::services().size() == 4);
    CHECK(types[0].service == "platform_api");
    CHECK(types[0].name == "GetResetPasswordToken");
    CHECK(types[0].cpp_name == "sstk::apis::platform_api::GetResetPasswordToken");
    CHECK(types[0].full_name() == "Eros.Subtle.Canvara.WebAPIModel.ServiceModel.GetResetPasswordToken");
    CHECK(types.back().kind == sstk::type_kind::enumeration);
    CHECK(types.back().name == "Errors");
    CHECK(types.back().index == sstk::type_info::npos);
    for (std::size_t i = 0; i + 1 < types.size(); ++i) CHECK(types[i].index == i);
}

TEST_CASE("registry operation facts come from the contracts") {
    const auto r = seeds::lookup("PasswordReset");
    REQUIRE(r);
    const sstk::type_info& t = *r.match;
    CHECK(t.kind == sstk::type_kind::request);
    CHECK(t.response == "PasswordResetResponse");
    CHECK(t.response_namespace == "Eros.Subtle.Canvara.WebAPIModel.ServiceModel");
    REQUIRE(t.routes.size() == 1);
    CHECK(t.routes[0].path == "/api/account/passwordreset");
    CHECK(t.summary == "Reset password for the specified user");
    const sstk::type_info* resp = seeds::response_of(t);
    REQUIRE(resp != nullptr);
    CHECK(resp->name == "PasswordResetResponse");
    CHECK(resp->kind == sstk::type_kind::dto);

    // a request without IReturn<T> is still an operation (the codegen's `requests` list)
    const auto ppw = seeds::lookup("ResetPasswordRequest");
    REQUIRE(ppw);
    CHECK(ppw.match->kind == sstk::type_kind::request);
    CHECK(ppw.match->routes[0].verbs == "POST");
}

TEST_CASE("registry lookup by full name, service, C++ name and case") {
    // two services call their request ResetPassword: the bare name is ambiguous
    const auto amb = seeds::lookup("ResetPassword");
    CHECK_FALSE(amb);
    CHECK(amb.ambiguous());
    CHECK(amb.candidates.size() == 2);
    CHECK(seeds::lookup("WebService.AppApi.Models.ResetPassword").match->service == "antel_merchandiser");
    CHECK(seeds::lookup("WebService.ServiceModel.ResetPassword").match->service == "antel_api");
    CHECK(seeds::lookup("antel_api.ResetPassword").match->service == "antel_api");
    CHECK(seeds::lookup("sstk::apis::ppw_assist::ResetPasswordResponse").match->service == "ppw_assist");
    CHECK(seeds::lookup("passwordreset").match->name == "PasswordReset");  // case-insensitive fallback
    CHECK_FALSE(seeds::lookup("NoSuchType"));
    CHECK_FALSE(seeds::lookup("NoSuchType").ambiguous());
    CHECK(seeds::lookup("NoSuchType").candidates.empty());
}

TEST_CASE("registry dispatches generic code to the named type") {
    std::string json;
    const bool found = seeds::with_type("PasswordReset", [&](auto tag) {
        using T = typename decltype(tag)::type;
        static_assert(std::is_class_v<T>);
        T dto{};
        if constexpr (std::is_same_v<T, apis::platform_api::PasswordReset>) dto.Token = "t";
        json = sstk::json::write(dto);
    });
    CHECK(found);
    CHECK(json == R"({"Token":"t"})");
    CHECK_FALSE(seeds::with_type("ResetPassword", [](auto) { FAIL("an ambiguous name must not dispatch"); }));
    CHECK_FALSE(seeds::with_type("Errors", [](auto) { FAIL("enums do not dispatch"); }));

    // with_type(info, f) returns f's result
    const auto& info = *seeds::lookup("antel_api.ResetPasswordResponse").match;
    const std::string name = seeds::with_type(info, [](auto tag) {
        return std::string(sstk::contract_of<typename decltype(tag)::type>().clr_ns);
    });
    CHECK(name == "WebService.ServiceModel");

    std::size_t n = 0;
    seeds::for_each_type([&](auto tag, const sstk::type_info& t) {
        CHECK(sstk::contract_of<typename decltype(tag)::type>().name == t.name);
        ++n;
    });
    CHECK(n == 15);
}

TEST_CASE("registry of a hand-written service") {
    using reg = sstk::registry<handmade::service>;
    REQUIRE(reg::types().size() == 1);
    CHECK(reg::types()[0].name == "Ping");
    CHECK(reg::types()[0].clr_namespace == "handmade");
    CHECK(reg::types()[0].kind == sstk::type_kind::dto);
    int id = -1;
    CHECK(reg::with_type("handmade.Ping", [&](auto tag) {
        using T = typename decltype(tag)::type;
        id = sstk::json::read<T>(R"({"Id":7})").Id;
    }));
    CHECK(id == 7);
}
