// Every golden vector made by a real DataContractSerializer (tests/data/vectors/datacontract):
// the DTO written in the three forms must equal the vector bytes; vectors DCS refuses to write
// must be errors; vectors sstk cannot express are listed with the reason.
#include "vector_dtos.hpp"
#include "vector_files.hpp"

#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace xmltest;
namespace xml = sstk::xml;

TEST_CASE("every vector is either covered or listed with a reason") {
    std::set<std::string> expressed;
    for_each_vector([&](const char* name, auto) { expressed.insert(name); });
    std::size_t covered = 0, uncovered = 0;
    for (const auto& v : all_vectors) {
        INFO(v.name);
        CHECK(read_vector(std::string(v.name) + ".desc.txt").has_value());
        if (v.uncovered_reason) {
            ++uncovered;
            CHECK(expressed.count(v.name) == 0);
            CHECK(std::string(v.uncovered_reason).size() > 20);
        } else {
            ++covered;
            CHECK(expressed.count(v.name) == 1);
        }
    }
    CHECK(covered == 75);
    CHECK(uncovered == 4);
}

TEST_CASE("golden vectors: server, client and indented bytes") {
    std::size_t exact = 0, errors = 0;
    for_each_vector([&](const char* name, auto make) {
        const std::string n = name;
        INFO(n);
        const auto value = make();
        if (server_errors(n)) {
            std::string out = "keep";
            CHECK_THROWS_AS(xml::write(out, value, mono_options()), sstk::error);
            CHECK(out == "keep");  // nothing half-written
            CHECK_THROWS_AS(xml::write(value, mono_options(xml::form::client)), sstk::error);
            ++errors;
            return;
        }
        const auto server = read_vector(n + ".xml");
        REQUIRE(server.has_value());
        CHECK(xml::write(value, mono_options()) == *server);
        const auto client = read_vector(n + ".client.xml");
        CHECK(xml::write(value, mono_options(xml::form::client)) ==
              (client ? *client : server->substr(xml_declaration.size())));
        if (const auto indented = read_vector(n + ".indented.xml"))
            CHECK(xml::write(value, mono_options(xml::form::indented)) == *indented);
        if (const auto win = read_vector(n + ".win.xml")) {
            auto o = mono_options();
            o.newline = xml::newline::crlf;
            CHECK(xml::write(value, o) == *win);
        }
        ++exact;
    });
    CHECK(exact == 67);
    CHECK(errors == 8);
}

TEST_CASE("golden vectors round-trip: read the server bytes, write them again") {
    std::size_t n_round_trips = 0;
    for_each_vector([&](const char* name, auto make) {
        const std::string n = name;
        if (server_errors(n)) return;
        INFO(n);
        using T = decltype(make());
        const auto server = read_vector(n + ".xml");
        REQUIRE(server.has_value());
        for (const auto order : {xml::member_order_policy::any, xml::member_order_policy::data_contract}) {
            xml::read_options ro;
            ro.order = order;
            ro.unknown_elements = xml::unknown_element_policy::error;
            const auto r = xml::try_read<T>(*server, ro);
            REQUIRE(r.has_value());
            CHECK(xml::write(*r, mono_options()) == *server);
        }
        // The client and indented forms read back to the same object (compared through the
        // server bytes, which also compares NaNs).
        if (const auto client = read_vector(n + ".client.xml")) CHECK(xml::write(xml::read<T>(*client), mono_options()) == *server);
        if (const auto indented = read_vector(n + ".indented.xml"))
            CHECK(xml::write(xml::read<T>(*indented), mono_options()) == *server);
        ++n_round_trips;
    });
    CHECK(n_round_trips == 67);
}
