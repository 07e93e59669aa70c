// Route templates: parsing (and malformed ones), the C# client's URLs (every UrlExtensionTests
// vector of research/servicestack-formats.md §5.2 and the derived ones), its route selection
// (most variables, shorter path, ambiguity, no match), server-side matching and scores (§5.6),
// and the predefined routes.
#include <sstk/http/request.hpp>
#include <sstk/http/route.hpp>
#include <sstk/http/routing.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <catch2/catch.hpp>

using namespace sstk;
using namespace sstk::http;

namespace {
using ostr = std::optional<std::string>;

enum class Gender { None, Male, Female };
BOOST_DESCRIBE_ENUM(Gender, None, Male, Female)

struct JustId {
    int Id = 0;
};
BOOST_DESCRIBE_STRUCT(JustId, (), (Id))
constexpr auto sstk_contract(type_tag<JustId>) { return contract("JustId").routes(route("/route/{Id}")); }

struct FallbackRequest {  // [FallbackRoute] and [Route] build the same URL on the client
    int Id = 0;
    ostr Name;
};
BOOST_DESCRIBE_STRUCT(FallbackRequest, (), (Id, Name))
constexpr auto sstk_contract(type_tag<FallbackRequest>) { return contract("FallbackRequest").routes(route("/route/{Id}")); }

struct PointRequest {  // [DataContract] with [DataMember(Name="id")] Id
    int Id = 0;
};
BOOST_DESCRIBE_STRUCT(PointRequest, (), (Id))
constexpr auto sstk_contract(type_tag<PointRequest>) {
    return contract("PointRequest").data_contract().routes(route("/thing/{Id}/point", "POST")).members(member("Id").rename("id"));
}

struct ArrayIds {
    std::optional<std::vector<int>> Ids;
};
BOOST_DESCRIBE_STRUCT(ArrayIds, (), (Ids))
constexpr auto sstk_contract(type_tag<ArrayIds>) { return contract("ArrayIds").routes(route("/route/{Ids}")); }

struct RequestWithIgnored {
    int Id = 0;
    ostr Included;
    ostr Excluded;  // [IgnoreDataMember]
    Gender Gender1 = Gender::None;
    std::optional<Gender> Gender2;
};
BOOST_DESCRIBE_STRUCT(RequestWithIgnored, (), (Id, Included, Excluded, Gender1, Gender2))
constexpr auto sstk_contract(type_tag<RequestWithIgnored>) {
    return contract("RequestWithIgnored").routes(route("/route/{Id}")).members(member("Excluded").ignore());
}

struct DcRequest {  // [DataMember(Name="Key")] Id, [DataMember(Name="Inc")] Included, Excluded no member
    int Id = 0;
    ostr Included;
    ostr Excluded;
};
BOOST_DESCRIBE_STRUCT(DcRequest, (), (Id, Included, Excluded))
constexpr auto sstk_contract(type_tag<DcRequest>) {
    return contract("DcRequest").data_contract().routes(route("/route/{Key}")).members(member("Id").rename("Key"),
                                                                                         member("Included").rename("Inc"),
                                                                                         member("Excluded").ignore());
}

struct Images {
    ostr ImagePath;
};
BOOST_DESCRIBE_STRUCT(Images, (), (ImagePath))
constexpr auto sstk_contract(type_tag<Images>) { return contract("Images").routes(route("/images/{ImagePath*}")); }

struct TokenRequest {
    ostr UserName;
    ostr Email;
};
BOOST_DESCRIBE_STRUCT(TokenRequest, (), (UserName, Email))
constexpr auto sstk_contract(type_tag<TokenRequest>) {
    return contract("TokenRequest").routes(route("/api/account/{UserName}/passwordresettoken", "GET"));
}

struct Named {
    ostr Name;
};
BOOST_DESCRIBE_STRUCT(Named, (), (Name))

struct Values {
    int Id = 0;
    std::optional<date_time> When;
    std::optional<dictionary<std::string, int>> Dict;
    std::optional<Named> Nested;
};
BOOST_DESCRIBE_STRUCT(Values, (), (Id, When, Dict, Nested))
constexpr auto sstk_contract(type_tag<Values>) { return contract("Values").routes(route("/values/{Id}")); }

struct RichRequest {
    std::optional<std::vector<std::string>> StringList, StringSet, StringArray;
};
BOOST_DESCRIBE_STRUCT(RichRequest, (), (StringList, StringSet, StringArray))
constexpr auto sstk_contract(type_tag<RichRequest>) { return contract("RichRequest").routes(route("/richrequest")); }

struct NoRoutes {
    int Id = 0;
};
BOOST_DESCRIBE_STRUCT(NoRoutes, (), (Id))

// Several routes: selection rules.
struct Users {
    std::optional<int> Id;
    ostr Name;
};
BOOST_DESCRIBE_STRUCT(Users, (), (Id, Name))
constexpr auto sstk_contract(type_tag<Users>) {
    return contract("Users").routes(route("/users"), route("/users/{Id}"), route("/users/{Id}/{Name}", "PUT"));
}

struct ProductLine {
    ostr ProductId, LineNumber;
};
BOOST_DESCRIBE_STRUCT(ProductLine, (), (ProductId, LineNumber))
constexpr auto sstk_contract(type_tag<ProductLine>) {
    return contract("ProductLine")
        .routes(route("/products/{ProductId}/product-lines/{LineNumber}"), route("/product-lines/{ProductId}/{LineNumber}"));
}

struct Ambiguous {
    ostr Code, Id, Nm;
};
BOOST_DESCRIBE_STRUCT(Ambiguous, (), (Code, Id, Nm))
constexpr auto sstk_contract(type_tag<Ambiguous>) { return contract("Ambiguous").routes(route("/a/{Code}/{Id}"), route("/b/{Code}/{Nm}")); }

struct BadRoute {
    ostr Id;
};
BOOST_DESCRIBE_STRUCT(BadRoute, (), (Id))
constexpr auto sstk_contract(type_tag<BadRoute>) { return contract("BadRoute").routes(route("/bad/{Id")); }

struct Unknown {
    ostr Id;
};
BOOST_DESCRIBE_STRUCT(Unknown, (), (Id))
constexpr auto sstk_contract(type_tag<Unknown>) { return contract("Unknown").routes(route("/unknown/{Other}")); }

RequestWithIgnored ign(int id, ostr inc, ostr exc, Gender g1 = Gender::None, std::optional<Gender> g2 = {}) {
    return RequestWithIgnored{id, std::move(inc), std::move(exc), g1, g2};
}

// The C# client's ToUrl(verb, "json"): route path + query string for verbs without a body.
template <class T>
std::string to_url(const T& dto, http_verb verb = http_verb::get, format f = format::json, endpoint e = endpoint::route) {
    request_options o;
    o.verb = verb;
    o.endpoint = e;
    return request_for(dto, f, o).target;
}

error parse_error(std::string_view path) {
    auto r = route_template::try_parse(path);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

}  // namespace

TEST_CASE("UrlExtensionTests vectors") {
    CHECK(to_url(JustId{1}) == "/route/1");
    CHECK(to_url(FallbackRequest{1, "foo"}) == "/route/1?name=foo");
    CHECK(to_url(PointRequest{1}, http_verb::post) == "/thing/1/point");  // DataMember name "id" matches {Id}
    CHECK(to_url(ArrayIds{std::vector<int>{1, 2, 3}}) == "/route/1%2C2%2C3");
    CHECK(to_url(ign(1, "Yes", "No")) == "/route/1?included=Yes");
    CHECK(to_url(DcRequest{1, "Yes", "No"}) == "/route/1?inc=Yes");
    CHECK(to_url(ign(1, {}, {}, Gender::None)) == "/route/1");  // non-nullable enum default skipped
    CHECK(to_url(ign(1, {}, {}, Gender::Male)) == "/route/1?gender1=Male");
    CHECK(to_url(ign(1, {}, {}, Gender::None, Gender::None)) == "/route/1?gender2=None");
    CHECK(to_url(JustId{0}) == "/route/0");  // defaults allowed in the path
    CHECK(to_url(Images{"this/that/theother.jpg"}) == "/images/this%2Fthat%2Ftheother.jpg");
    CHECK(to_url(Images{}) == "/images/");  // a null wildcard is empty
    CHECK(to_url(JustId{1}, http_verb::get, format::xml, endpoint::reply) == "/xml/reply/JustId?id=1");  // ToReplyUrl(format:"xml")
    CHECK(oneway_path<JustId>(format::json) + "?" + query::write(JustId{1}) == "/json/oneway/JustId?id=1");  // ToOneWayUrl()
    // Show_what_uri_escaping_encodes, through a path variable.
    CHECK(to_url(Images{"amp&mod%space comma,dot.colon:semicolon;slash/"}) ==
          "/images/amp%26mod%25space%20comma%2Cdot.colon%3Asemicolon%3Bslash%2F");
    // ReqStarsService: lists in the query string, ',' escaped.
    RichRequest rich{std::vector<std::string>{"d", "e", "f"}, std::vector<std::string>{"g", "h", "i"},
                     std::vector<std::string>{"a", "b", "c"}};
    CHECK(to_url(rich) == "/richrequest?stringList=d%2Ce%2Cf&stringSet=g%2Ch%2Ci&stringArray=a%2Cb%2Cc");
}

TEST_CASE("derived URL vectors") {
    CHECK(to_url(TokenRequest{"bob smith", "a@b.c"}) == "/api/account/bob%20smith/passwordresettoken?email=a%40b.c");
    Values v;
    v.Id = 7;
    v.When = date_time::from_civil(2013, 1, 2, 3, 4, 5, 0, date_time_kind::utc);
    CHECK(to_url(v) == "/values/7?when=2013-01-02T03%3A04%3A05Z");
    v.When.reset();
    v.Dict.emplace()["A"] = 1;
    CHECK(to_url(v) == "/values/7?dict=%7BA%3A1%7D");
    v.Dict.reset();
    v.Nested = Named{"x"};
    CHECK(to_url(v) == "/values/7?nested=%7BName%3Ax%7D");
    // No [Route]: the predefined route, with every member in the query string for a GET.
    CHECK(to_url(NoRoutes{5}) == "/json/reply/NoRoutes?id=5");
    CHECK(to_url(NoRoutes{5}, http_verb::post) == "/json/reply/NoRoutes");
    CHECK(to_url(NoRoutes{5}, http_verb::get, format::json, endpoint::api) == "/api/NoRoutes?id=5");
}

TEST_CASE("route selection: most variables, then the shorter path") {
    CHECK(select_route(Users{}, "GET").path == "/users");
    CHECK(select_route(Users{3, {}}, "GET").path == "/users/3");
    CHECK(select_route(Users{3, "ann"}, "GET").path == "/users/3");  // /users/{Id}/{Name} is PUT only
    CHECK(select_route(Users{3, "ann"}, "PUT").path == "/users/3/ann");
    CHECK(select_route(Users{3, "ann"}, "PUT").index == 2);
    CHECK(select_route(ProductLine{"p1", "7"}, "GET").path == "/product-lines/p1/7");
}

TEST_CASE("route selection errors: ambiguous, none matches, no routes, malformed, unknown variable") {
    auto amb = try_select_route(Ambiguous{"c", "i", "n"}, "GET");
    REQUIRE_FALSE(amb.has_value());
    CHECK(amb.error().kind() == errc::invalid_value);
    CHECK(amb.error().message() == "Ambiguous matching routes found for 'Ambiguous' request:\r\n\t/a/{Code}/{Id}\r\n\t/b/{Code}/{Nm}");

    auto verb = try_select_route(PointRequest{1}, "GET");
    REQUIRE_FALSE(verb.has_value());
    CHECK(verb.error().kind() == errc::missing_member);
    CHECK(verb.error().message() ==
          "None of the given rest routes matches 'PointRequest' request:\r\n\t/thing/{Id}/point:\tAllowed HTTP methods 'POST' "
          "does not support the specified 'GET' method.");

    auto null_var = try_select_route(TokenRequest{}, "GET");
    REQUIRE_FALSE(null_var.has_value());
    CHECK(null_var.error().message() ==
          "None of the given rest routes matches 'TokenRequest' request:\r\n\t/api/account/{UserName}/passwordresettoken:\t"
          "Could not match following variables: UserName");

    auto none = try_select_route(NoRoutes{1}, "GET");
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message() == "There are no rest routes mapped for 'NoRoutes' type.");

    auto bad = try_select_route(BadRoute{"1"}, "GET");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().kind() == errc::syntax);
    CHECK(bad.error().offset() == 5);

    auto unknown = try_select_route(Unknown{"1"}, "GET");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message().find("Variable 'Other' does not match any property.") != std::string::npos);

    auto r = try_request_for(TokenRequest{}, format::json);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::missing_member);
}

TEST_CASE("parsing templates: parts, wildcards, dotted segments") {
    const auto t = route_template::parse("/files/{Path*}/meta/{Name}.{Ext}");
    REQUIRE(t.parts().size() == 5);
    CHECK(t.parts()[0].text == "files");
    CHECK_FALSE(t.parts()[0].variable);
    CHECK(t.parts()[1].text == "Path");
    CHECK(t.parts()[1].wildcard);
    CHECK(t.parts()[3].text == "Name");
    CHECK(t.parts()[4].text == "Ext");
    CHECK(t.variable_count() == 3);
    CHECK(t.segment_count() == 4);
    CHECK(t.has_variable("path"));
    CHECK(route_template::parse("/{*Rest}").parts()[0].wildcard);
    CHECK(route_template::parse("/v1.0/items").parts()[0].text == "v1.0");  // no variable: '.' is literal
}

TEST_CASE("malformed templates are syntax errors at the bad part") {
    CHECK(parse_error("route/{Id}").offset() == 0);
    CHECK(parse_error("").offset() == 0);
    CHECK(parse_error("/a/{Id").offset() == 3);
    CHECK(parse_error("/a/{Id}-x").message() ==
          "route '/a/{Id}-x': component '{Id}-x' can not be parsed (a variable is a whole '{Name}' component)");
    CHECK(parse_error("/a/{}").offset() == 3);
    CHECK(parse_error("/a/{*}").offset() == 3);
    CHECK(parse_error("/a/{*P}/{Id}").message().find("must be at the end of the path or followed by a literal") != std::string::npos);
    CHECK(parse_error("/a/{Id}/b/{id}").message() == "route '/a/{Id}/b/{id}': variable 'id' appears twice");
    CHECK(parse_error("/a?x=1").offset() == 2);
    CHECK(parse_error("/a/{x}..{y}").kind() == errc::syntax);
}

TEST_CASE("server matching: literals, variables, wildcards, decoding") {
    const auto t = route_template::parse("/api/account/{UserName}/passwordresettoken");
    auto m = t.match("/API/Account/bob%20smith/PasswordResetToken");
    REQUIRE(m);
    REQUIRE(m->captures.size() == 1);
    CHECK(m->captures[0].name == "UserName");
    CHECK(m->captures[0].value == "bob smith");
    CHECK_FALSE(t.match("/api/account/bob/passwordresettoken/extra"));
    CHECK_FALSE(t.match("/api/account/passwordresettoken"));

    const auto img = route_template::parse("/images/{ImagePath*}");
    CHECK(img.match("/images/this%2Fthat%2Ftheother.jpg")->captures[0].value == "this/that/theother.jpg");
    auto deep = img.match("/images/this/that/theother.jpg");
    CHECK(deep->captures[0].value == "this/that/theother.jpg");
    CHECK(deep->wildcard_match_count == 3);
    CHECK_FALSE(img.match("/images")->captures[0].value.has_value());

    const auto mid = route_template::parse("/files/{Path*}/meta");
    CHECK(mid.match("/files/a/b/meta")->captures[0].value == "a/b");
    CHECK_FALSE(mid.match("/files/a/b"));

    const auto dotted = route_template::parse("/download/{Name}.{Ext}");
    auto d = dotted.match("/download/report.pdf");
    REQUIRE(d);
    CHECK(d->captures[0].value == "report");
    CHECK(d->captures[1].value == "pdf");
    CHECK_FALSE(dotted.match("/download/report"));
}

TEST_CASE("server route scores (RestPath.MatchScore) and the best route of a type") {
    const route_contract any = route("/users/{Id}"), get = route("/users/{Id}", "GET"), post = route("/users/{Id}", "POST");
    const auto t = route_template::parse("/users/{Id}");
    CHECK(match_score(any, t, "GET", "/users/1") == 100 * 1000 + 9 * 100 + 1);
    CHECK(match_score(get, t, "GET", "/users/1") == 100 * 1000 + 9 * 100 + 10);
    CHECK(match_score(post, t, "GET", "/users/1") == -1);
    const auto w = route_template::parse("/users/{Rest*}");
    CHECK(match_score(route("/users/{Rest*}"), w, "GET", "/users/1/2") == 98 * 1000 + 9 * 100 + 1);

    auto r = match_route<Users>("GET", "/users/3");
    REQUIRE(r);
    CHECK(r->kind == route_kind::declared);
    CHECK(r->index == 1);
    CHECK(match_route<Users>("PUT", "/users/3/ann")->index == 2);
    CHECK_FALSE(match_route<Users>("GET", "/users/3/ann"));  // only PUT has two variables
    CHECK_FALSE(match_route<Users>("GET", "/people/3"));

    auto reply = match_route<Users>("POST", "/xml/reply/Users");
    REQUIRE(reply);
    CHECK(reply->kind == route_kind::reply);
    CHECK(reply->path_format == format::xml);
    CHECK(match_route<Users>("POST", "/json/oneway/users")->kind == route_kind::oneway);
    CHECK(match_route<Users>("GET", "/api/Users")->kind == route_kind::api);
    CHECK_FALSE(match_route<Users>("GET", "/api/Users", false));
    CHECK_FALSE(match_route<Users>("GET", "/html/reply/Users"));
}

TEST_CASE("verb inference as ServiceClientUtils.GetHttpMethod") {
    CHECK(infer_verb<PointRequest>() == http_verb::post);   // the single route verb
    CHECK(infer_verb<TokenRequest>() == http_verb::get);
    CHECK(infer_verb<Users>() == http_verb::put);           // routes without verbs do not count
    CHECK(infer_verb<JustId>() == http_verb::none);         // any verb: nothing to infer
    CHECK(infer_verb<NoRoutes>() == http_verb::none);
}
