// Reading into an existing object: lists of DTOs are reused, grown and cut to the document's
// length (JSON and XML, through sstk::dto_vector), and members the document leaves out get the
// value a default-constructed DTO has — its default member initializers, lists of DTOs included
// (sstk::dto_defaults; core/detail/member_reset.hpp). Nullable DTOs and nullable lists of DTOs
// are filled and emptied through sstk::dto_optional / sstk::dto_vector.
#include <sstk/json.hpp>
#include <sstk/xml.hpp>

#include <boost/describe.hpp>
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reset_test {
struct Line {
    int Qty = 0;
    std::string Sku;
    bool operator==(const Line&) const = default;
};
BOOST_DESCRIBE_STRUCT(Line, (), (Qty, Sku))

struct Basket {
    std::vector<Line> Lines{Line{7, "default"}};
    std::optional<std::vector<Line>> Extra;
    std::map<std::string, std::vector<int>> Tags{{"t", {1, 2}}};
    bool operator==(const Basket&) const = default;
};
BOOST_DESCRIBE_STRUCT(Basket, (), (Lines, Extra, Tags))

struct Delivery {
    std::optional<Line> Main{Line{5, "main"}};
    std::optional<Line> Spare;
    std::optional<std::vector<Line>> Parts;
    bool operator==(const Delivery&) const = default;
};
BOOST_DESCRIBE_STRUCT(Delivery, (), (Main, Spare, Parts))

// More members than the codecs' loops keep addresses for on the stack (32): the heap path.
struct WideBase {
    int B0 = 100;
    int B1 = 101;
    int B2 = 102;
    int B3 = 103;
    int B4 = 104;
    bool operator==(const WideBase&) const = default;
};
BOOST_DESCRIBE_STRUCT(WideBase, (), (B0, B1, B2, B3, B4))

struct Wide : WideBase {
    int M0 = 0;
    int M1 = 1;
    int M2 = 2;
    int M3 = 3;
    int M4 = 4;
    int M5 = 5;
    int M6 = 6;
    int M7 = 7;
    int M8 = 8;
    int M9 = 9;
    int M10 = 10;
    int M11 = 11;
    int M12 = 12;
    int M13 = 13;
    int M14 = 14;
    int M15 = 15;
    int M16 = 16;
    int M17 = 17;
    int M18 = 18;
    int M19 = 19;
    int M20 = 20;
    int M21 = 21;
    int M22 = 22;
    int M23 = 23;
    int M24 = 24;
    int M25 = 25;
    int M26 = 26;
    int M27 = 27;
    int M28 = 28;
    int M29 = 29;
    int M30 = 30;
    int M31 = 31;
    int M32 = 32;
    int M33 = 33;
    int M34 = 34;
    std::string Last = "last";
    bool operator==(const Wide&) const = default;
};
BOOST_DESCRIBE_STRUCT(Wide, (WideBase), (M0, M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11, M12, M13, M14, M15, M16, M17, M18, M19, M20, M21, M22, M23, M24, M25, M26, M27, M28, M29, M30, M31, M32, M33, M34, Last))

struct WideHolder {
    Wide W;
    bool operator==(const WideHolder&) const = default;
};
BOOST_DESCRIBE_STRUCT(WideHolder, (), (W))
}  // namespace reset_test

using reset_test::Basket;
using reset_test::Delivery;
using reset_test::Line;
using reset_test::Wide;
using reset_test::WideHolder;

namespace {
Basket filled() {
    Basket b;
    b.Lines = {{1, "a"}, {2, "b"}, {3, "c"}};
    b.Extra = std::vector<Line>{{4, "d"}};
    b.Tags = {{"x", {9}}};
    return b;
}

Basket with_lines(std::size_t n) {
    Basket b;
    b.Lines.assign(n, Line{99, "old"});
    b.Extra = std::vector<Line>(n, Line{98, "older"});
    b.Tags.clear();
    return b;
}
}  // namespace

TEMPLATE_TEST_CASE("a list of DTOs read into a longer, a shorter and an empty list ends as the document's", "", sstk::json::codec<Basket>,
                   sstk::xml::codec<Basket>) {
    const Basket want = filled();
    std::string doc;
    TestType::write(doc, want, {});
    for (std::size_t n : {0u, 1u, 3u, 8u}) {
        Basket got = with_lines(n);
        TestType::read(doc, got, {});
        CHECK(got == want);
    }
}

TEST_CASE("members a document leaves out get their default member initializers, lists of DTOs included") {
    Basket json_target = filled();
    sstk::json::read("{}", json_target);
    CHECK(json_target == Basket{});
    CHECK(json_target.Lines == std::vector<Line>{Line{7, "default"}});

    Basket xml_target = filled();
    sstk::xml::read(R"(<Basket xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/reset_test"/>)",
                    xml_target);
    CHECK(xml_target == Basket{});

    Basket null_target = filled();  // a JSON null for a list leaves it empty
    sstk::json::read(R"({"Lines":null})", null_target);
    CHECK(null_target.Lines.empty());
    CHECK(null_target.Tags == Basket{}.Tags);
}

TEMPLATE_TEST_CASE("nullable DTOs and nullable lists of DTOs are filled, emptied and reset to their defaults", "",
                   sstk::json::codec<Delivery>, sstk::xml::codec<Delivery>) {
    Delivery full;
    full.Main = Line{4, "other"};
    full.Spare = Line{1, "spare"};
    full.Parts = std::vector<Line>{{2, "p"}, {3, "q"}};
    std::string doc;
    TestType::write(doc, full, {});

    Delivery got;  // Spare and Parts start null
    TestType::read(doc, got, {});
    CHECK(got == full);

    Delivery empty;  // the defaults written: Main present, Spare and Parts null
    std::string empty_doc;
    TestType::write(empty_doc, empty, {});
    TestType::read(empty_doc, got, {});
    CHECK(got == Delivery{});
    REQUIRE(got.Main.has_value());
    CHECK(*got.Main == Line{5, "main"});
}

TEST_CASE("a null in the document empties nullable DTOs and nullable lists of DTOs") {
    const auto filled_delivery = [] {
        Delivery d;
        d.Spare = Line{1, "spare"};
        d.Parts = std::vector<Line>{{2, "p"}};
        return d;
    };
    Delivery json_target = filled_delivery();
    sstk::json::read(R"({"Main":null,"Spare":null,"Parts":null})", json_target);
    CHECK_FALSE(json_target.Main.has_value());
    CHECK_FALSE(json_target.Spare.has_value());
    CHECK_FALSE(json_target.Parts.has_value());

    Delivery xml_target = filled_delivery();
    sstk::xml::read(R"(<Delivery xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/reset_test">)"
                    R"(<Main i:nil="true"/><Parts i:nil="true"/><Spare i:nil="true"/></Delivery>)",
                    xml_target);
    CHECK_FALSE(xml_target.Main.has_value());
    CHECK_FALSE(xml_target.Spare.has_value());
    CHECK_FALSE(xml_target.Parts.has_value());
}

TEST_CASE("nullable DTOs a document leaves out are reset to their defaults, present or null") {
    Delivery target;
    target.Main.reset();
    target.Spare = Line{1, "spare"};
    target.Parts = std::vector<Line>{{2, "p"}};
    sstk::json::read("{}", target);
    CHECK(target == Delivery{});

    target.Main = Line{8, "other"};
    target.Spare = Line{1, "spare"};
    sstk::xml::read(R"(<Delivery xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/reset_test"/>)",
                    target);
    CHECK(target == Delivery{});
}

TEST_CASE("a DTO with more than 32 members (bases included): written, read back, and reset member by member") {
    Wide w;
    w.B4 = -4;
    w.M0 = -10;
    w.M31 = -31;
    w.M34 = -34;
    w.Last = "changed";
    CHECK(sstk::json::read<Wide>(sstk::json::write(w)) == w);
    CHECK(sstk::xml::read<Wide>(sstk::xml::write(w)) == w);

    // Members the document leaves out, past the 32nd too, get their defaults back.
    Wide into = w;
    sstk::json::read(R"({"M33":7})", into);
    Wide expected;
    expected.M33 = 7;
    CHECK(into == expected);
    into = w;
    sstk::xml::read(R"(<Wide xmlns="http://schemas.datacontract.org/2004/07/reset_test"><M33>7</M33></Wide>)", into);
    CHECK(into == expected);

    // A nested wide DTO left out is reset as a whole (dto_defaults<Wide>::reset).
    WideHolder h{w};
    sstk::json::read("{}", h);
    CHECK(h == WideHolder{});
    h = WideHolder{w};
    sstk::xml::read(R"(<WideHolder xmlns="http://schemas.datacontract.org/2004/07/reset_test" />)", h);
    CHECK(h == WideHolder{});
}
