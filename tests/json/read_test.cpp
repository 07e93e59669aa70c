// JSON reader: what real ServiceStack servers send, in either dialect, and clear errors for
// what ServiceStack itself would silently drop (servicestack-text-observed.md "JSON reading").
#include "json_test_dtos.hpp"

#include <sstk/apis/antel_api.hpp>
#include <sstk/json.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace sstk;

namespace {
json::read_options utc_options() {
    json::read_options o;
    o.zone = &time_zone::utc();
    return o;
}
error read_error(std::string_view text) {
    auto r = json::try_read<jt::Everything>(text, utc_options());
    REQUIRE_FALSE(r.has_value());
    return r.error();
}
}  // namespace

TEST_CASE("keys match case-insensitively and in any casing policy") {
    for (const char* doc : {R"({"RootId":5,"DisplayName":"x"})", R"({"rootId":5,"displayName":"x"})", R"({"rootid":5,"displayname":"x"})",
                            R"({"ROOTID":5,"DISPLAYNAME":"x"})", R"({"root_id":5,"display_name":"x"})", R"({"root-id":5,"display-name":"x"})"}) {
        INFO(doc);
        const auto o = json::read<jt::Obj>(doc);
        CHECK(o.RootId == 5);
        CHECK(o.DisplayName == "x");
    }
    CHECK(json::read<jt::Person>(R"({"myid":123,"NAME":"Abc"})").Id == 123);
}

TEST_CASE("unknown members are skipped (or rejected), duplicates last-wins, missing members reset") {
    const auto o = json::read<jt::Obj>(R"({"Id":1,"Unknown":{"a":[1,{"b":null}],"c":"}"},"Id":2,"X":[],})");
    CHECK(o.Id == 2);
    CHECK(o.RootId == 0);
    CHECK_FALSE(o.DisplayName.has_value());

    json::read_options strict;
    strict.unknown_members = json::unknown_member_policy::error;
    auto r = json::try_read<jt::Obj>("{\"Id\":1,\n\"Extra\":2}", strict);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::unknown_member);
    CHECK(r.error().line() == 2);
    CHECK(r.error().column() == 1);

    jt::Obj reused{7, 8, "old"};
    json::read(R"({"Id":1})", reused);
    CHECK(reused == jt::Obj{1, 0, std::nullopt});
}

TEST_CASE("dictionaries of DTOs: a duplicate key is read again over its entry, as a fresh value, in place") {
    const auto d = json::read<sstk::dictionary<std::string, jt::Obj>>(
        R"({"a":{"Id":1,"RootId":2,"DisplayName":"x"},"b":{"Id":5},"a":{"Id":3}})");
    REQUIRE(d.size() == 2);
    CHECK(d.begin()->first == "a");  // the entry keeps its place
    CHECK(d.at("a") == jt::Obj{3, 0, std::nullopt});
    CHECK(d.at("b") == jt::Obj{5, 0, std::nullopt});
    const auto bad = json::try_read<sstk::dictionary<std::string, jt::Obj>>(R"({"a":{"Id":"x"}})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().path() == "[\"a\"].Id");
}

TEST_CASE("ServiceStack's tolerant coercions") {
    const auto e = json::read<jt::Everything>(
        R"({"Bool":"True","Int":"007","Dbl":"51.5","Dec":"1.50","Str":123,"PlainStr":true,"Color":"blue","Perm":"Read, Write",)"
        R"("IntList":["1",2,],"Bytes":[0,65,97,255],"Ch":"x"})",
        utc_options());
    CHECK(e.Bool);
    CHECK(e.Int == 7);
    CHECK(e.Dbl == 51.5);
    CHECK(e.Dec.to_string() == "1.50");
    CHECK(e.Str == "123");
    CHECK(e.PlainStr == "true");
    CHECK(e.Color == jt::Color::Blue);
    CHECK(e.Perm == static_cast<jt::Permission>(3));
    CHECK(e.IntList == std::vector<int>{1, 2});
    CHECK(e.Bytes == std::vector<std::uint8_t>{0, 65, 97, 255});
    CHECK(e.Ch == u'x');
    CHECK(json::read<jt::Everything>(R"({"Bool":1,"Perm":"Read,Write","Color":2,"Bytes":"AEFh/w=="})").Perm == static_cast<jt::Permission>(3));
    CHECK(json::read<jt::Everything>(R"({"Perm":5})").Perm == static_cast<jt::Permission>(5));
    CHECK(json::read<jt::Everything>(R"({"Color":2})").Color == jt::Color::Blue);
    CHECK(json::read<jt::Everything>(R"({"Str":unquoted})").Str == "unquoted");
    CHECK(json::read<jt::Everything>(R"({"Str":'x'})").Str == "'x'");
    CHECK(json::read<jt::Everything>(R"({"Dbl":NaN})").Dbl != json::read<jt::Everything>(R"({"Dbl":NaN})").Dbl);
    CHECK(json::read<jt::Everything>(R"({"Dbl":-Infinity})").Dbl < -1e308);
}

TEST_CASE("string escapes: \\u in either case, \\/, \\', surrogate pairs, raw control characters") {
    CHECK(json::read<std::string>(R"("\u00e9\u00E9\/\'\x\ud83d\ude00)"
                                  "\x01\"") == "éé/'x😀\x01");
}

TEST_CASE("every date, Guid and TimeSpan spelling of both dialects") {
    const auto when = date_time::from_civil(1994, 11, 24, 0, 0, 0, 0, date_time_kind::utc);
    for (const char* doc : {R"({"When":"\/Date(785635200000)\/"})", R"({"When":"/Date(785635200000)/"})",
                            R"({"When":"1994-11-24T00:00:00.0000000Z"})", R"({"When":"1994-11-24T00:00:00Z"})"}) {
        INFO(doc);
        const auto e = json::read<jt::Everything>(doc, utc_options());
        CHECK(e.When.ticks() == when.ticks());
    }
    CHECK(json::read<jt::Everything>(R"({"When":"1994-11-24T00:00:00"})", utc_options()).When.kind() == date_time_kind::unspecified);
    json::read_options unix_seconds = utc_options();
    unix_seconds.date_handler = json::date_handler::unix_time;
    CHECK(json::read<jt::Everything>(R"({"When":785635200})", unix_seconds).When.ticks() == when.ticks());

    const auto g = guid::parse("98ece8400be4452eb6ad7c3a4404f119");
    for (const char* doc : {R"({"Guid":"98ece8400be4452eb6ad7c3a4404f119"})", R"({"Guid":"98ECE840-0BE4-452E-B6AD-7C3A4404F119"})",
                            R"({"Guid":"{98ece840-0be4-452e-b6ad-7c3a4404f119}"})"})
        CHECK(json::read<jt::Everything>(doc).Guid == g);

    CHECK(json::read<jt::Everything>(R"({"Span":"PT1H30M"})").Span == time_span::from_minutes(90));
    CHECK(json::read<jt::Everything>(R"({"Span":"01:30:00"})").Span == time_span::from_minutes(90));
    CHECK(json::read<jt::Everything>(R"({"Span":"3600"})").Span == time_span::from_hours(1));
}

TEST_CASE("root arrays, root scalars, root null, object members, generic DTOs") {
    CHECK(json::read<std::vector<jt::Obj>>(R"([{"Id":1},{"Id":2}])").size() == 2);
    CHECK(json::read<int>(" 42 ") == 42);
    CHECK_FALSE(json::read<std::optional<jt::Obj>>("null").has_value());
    const auto e = json::read<jt::Everything>(R"({"Any":{"a":[1,"x",{"b":true}]},"Map":{"k":"v","k":"w"},"IntMap":{"-2":"m","1":"o"}})");
    CHECK(e.Any.as_object().at("a").as_array().size() == 3);
    CHECK(e.Map->at("k") == "w");
    CHECK(e.IntMap->at(-2) == "m");
}

TEST_CASE("3-level inheritance: a seed response with base members in any order") {
    const auto r = json::read<apis::antel_api::ResetPasswordResponse>(
        R"({"heading":"h","systemUserId":5,"responseStatus":{"errorCode":"E","errors":[{"fieldName":"F","meta":{"a":"b"}}]},"wasSuccessful":false})");
    CHECK(r.Heading == "h");
    CHECK(r.SystemUserId == 5);
    CHECK(r.WasSuccessful == false);
    CHECK(r.ResponseStatus->Errors->at(0).FieldName == "F");
    CHECK(json::read<apis::antel_api::ResetPasswordResponse>(json::write(r)) == r);
}

TEST_CASE("bad values are errors with member path, line and column, never silent defaults") {
    struct expectation {
        const char* doc;
        errc kind;
        const char* path;
    };
    for (const auto& x : std::initializer_list<expectation>{
             {R"({"Int":1.0})", errc::invalid_value, "Int"},
             {R"({"Int":"+5"})", errc::invalid_value, "Int"},
             {R"({"Int":2147483648})", errc::out_of_range, "Int"},
             {R"({"Bool":"yes"})", errc::invalid_value, "Bool"},
             {R"({"Dbl":""})", errc::invalid_value, "Dbl"},
             {R"({"Int":null})", errc::type_mismatch, "Int"},
             {R"({"Color":"Purple"})", errc::invalid_value, "Color"},
             {R"({"Perm":"Read, Fly"})", errc::invalid_value, "Perm"},
             {R"({"When":"garbage"})", errc::invalid_value, "When"},
             {R"({"When":785635200})", errc::type_mismatch, "When"},
             {R"({"Guid":"98ece840"})", errc::invalid_value, "Guid"},
             {R"({"Children":[{"Id":1},{"Id":"x"}]})", errc::invalid_value, "Children[1].Id"},
             {R"({"Map":{"k":[1]}})", errc::type_mismatch, "Map[\"k\"]"},
             {R"({"Child":[]})", errc::type_mismatch, "Child"},
             {R"({"Ch":"xy"})", errc::invalid_value, "Ch"},
             {R"({"Bytes":"***"})", errc::invalid_value, "Bytes"},
         }) {
        INFO(x.doc);
        const error e = read_error(x.doc);
        CHECK(e.kind() == x.kind);
        CHECK(e.path() == x.path);
        CHECK(e.line() == 1);
    }
    const error e = read_error("{\n  \"Children\": [\n    {\"Id\": 1},\n    {\"Id\": tru}\n  ]\n}");
    CHECK(e.path() == "Children[1].Id");
    CHECK(e.line() == 4);
    CHECK(e.column() == 12);
    CHECK(std::string(e.what()).find("Children[1].Id (line 4, column 12") != std::string::npos);
}

TEST_CASE("malformed documents: truncation, garbage, trailing data, depth") {
    CHECK(read_error(R"({"Int":1)").kind() == errc::syntax);
    CHECK(read_error(R"({"Str":"abc)").kind() == errc::syntax);
    CHECK(read_error(R"({"Int":1} x)").kind() == errc::syntax);
    CHECK(read_error(R"([1,2])").kind() == errc::type_mismatch);
    CHECK(read_error("").kind() == errc::syntax);
    CHECK(read_error(R"({Int:1})").kind() == errc::syntax);
    CHECK(read_error(R"({"Str":"\ud800"})").kind() == errc::invalid_value);
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    auto r = json::try_read<jt::Everything>(R"({"Any":)" + deep + "}");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().kind() == errc::limit_exceeded);
    auto skipped = json::try_read<jt::Obj>(R"({"Unknown":)" + deep + "}");
    REQUIRE_FALSE(skipped.has_value());
    CHECK(skipped.error().kind() == errc::limit_exceeded);
}

TEST_CASE("round trip through both dialects keeps every value") {
    jt::Everything e;
    e.Bool = true;
    e.Int = -5;
    e.NullInt = 0;
    e.Dbl = 0.1;
    e.Dec = decimal::parse("1.50");
    e.Str = "";
    e.PlainStr = "plain \"quoted\" \\ / \n 😀";
    e.Ch = u'\u00e9';
    e.Bytes = std::vector<std::uint8_t>{};
    e.Guid = guid::parse("b6170a18-3dd7-4a9b-b5d6-21033b5ad162");
    e.When = date_time::from_civil(2013, 1, 2, 3, 4, 5, 60000, date_time_kind::utc);
    e.Span = time_span::from_parts(1, 2, 3, 4, 567);
    e.Color = jt::Color::Green;
    e.Perm = static_cast<jt::Permission>(5);
    e.IntList = std::vector<int>{1, 2};
    e.StrList = std::vector<std::optional<std::string>>{"a", std::nullopt, ""};
    e.Map = dictionary<std::string, std::string>{{"z", "1"}, {"a", "2"}};
    e.IntMap = std::map<int, std::string>{{1, "one"}};
    e.Child = jt::Obj{1, 2, "c"};
    e.Children = std::vector<jt::Obj>{};
    e.Any = boost::json::parse(R"({"n":1,"s":"x","l":[true,null]})");
    for (auto d : {json::dialect::servicestack_text, json::dialect::system_text_json}) {
        auto o = json::write_options::for_dialect(d);
        o.zone = &time_zone::utc();
        const std::string text = json::write(e, o);
        INFO(text);
        const auto back = json::read<jt::Everything>(text, utc_options());
        CHECK(back == e);
        CHECK(json::write(back, o) == text);
    }
}

TEST_CASE("unknown members can be collected, with their path and raw JSON") {
    std::vector<json::unknown_member> unknown;
    json::read_options o;
    o.unknown_members = json::unknown_member_policy::collect;
    o.unknown = &unknown;
    const std::string doc = R"({"Id":1,"Extra":{"a":[1,2]},"Children":[{"Id":2},{"Id":3,"Nick" : "x"}],"Map":{"k":"v"}})";
    const auto e = json::read<jt::Everything>(doc, o);
    CHECK(e.Int == 0);
    CHECK(e.Children->size() == 2);
    REQUIRE(unknown.size() == 3);
    CHECK(unknown[0].path == "Id");
    CHECK(unknown[0].json == "1");
    CHECK(unknown[1].path == "Extra");
    CHECK(unknown[1].json == R"({"a":[1,2]})");
    CHECK(unknown[2].path == "Children[1].Nick");
    CHECK(unknown[2].json == R"("x")");
    CHECK(doc.substr(unknown[2].offset, 6) == R"("Nick")");

    json::read_options missing_sink;
    missing_sink.unknown_members = json::unknown_member_policy::collect;
    CHECK(json::try_read<jt::Obj>("{}", missing_sink).error().kind() == errc::unsupported);
}

namespace case_twins {
struct Rules {
    std::optional<std::string> aB;
    std::optional<std::string> AB;
    std::optional<std::string> Ab;
    friend bool operator==(const Rules&, const Rules&) = default;
};
BOOST_DESCRIBE_STRUCT(Rules, (), (aB, AB, Ab))
}  // namespace case_twins

TEST_CASE("members that differ only in case: an exact key wins, then case-insensitive") {
    // Found by fuzz_json_xml (tests/fuzz/regressions/json_xml/members_differing_in_case).
    const auto r = sstk::json::read<case_twins::Rules>(R"({"AB":"x","Ab":"y","aB":"z"})");
    CHECK(r.AB == "x");
    CHECK(r.Ab == "y");
    CHECK(r.aB == "z");
    const auto only = sstk::json::read<case_twins::Rules>(R"({"AB":"x"})");
    CHECK(only.AB == "x");
    CHECK_FALSE(only.aB.has_value());
    CHECK(sstk::json::read<case_twins::Rules>(R"({"ab":"q"})").aB == "q");  // no exact match: the first in order
    CHECK(sstk::json::read<case_twins::Rules>(sstk::json::write(r)) == r);
}
