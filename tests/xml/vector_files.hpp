// Reading the golden DataContract vectors (tests/data/vectors/datacontract) in the XML tests.
#pragma once

#include <sstk/xml/options.hpp>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace xmltest {

inline std::string vector_dir() { return std::string(SSTK_TEST_DATA_DIR) + "/vectors/datacontract/"; }

inline std::optional<std::string> read_vector(const std::string& file) {
    std::ifstream in(vector_dir() + file, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline constexpr std::string_view xml_declaration = R"(<?xml version="1.0" encoding="utf-8"?>)";

// The vectors were made on Mono 6.8 in America/New_York (ENV.txt): .NET Framework "R" doubles,
// Mono's EmitDefaultValue rule, and that zone for Local DateTimes.
inline void use_vector_zone() {
    static const bool done = [] {
        ::setenv("TZ", "America/New_York", 1);
        ::tzset();
        return true;
    }();
    (void)done;
}

inline sstk::xml::write_options mono_options(sstk::xml::form f = sstk::xml::form::server) {
    use_vector_zone();
    sstk::xml::write_options o;
    o.form = f;
    o.doubles = sstk::float_format::netfx_roundtrip;
    o.emit_defaults = sstk::xml::emit_default_rule::mono;
    return o;
}

// INDEX.tsv's `server` column for one vector ("server-ok" / "server-ERROR").
inline bool server_errors(const std::string& name) {
    const auto index = read_vector("INDEX.tsv");
    if (!index) return false;
    std::istringstream lines(*index);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.compare(0, name.size() + 1, name + "\t") != 0) continue;
        return line.find("\tserver-ERROR\t") != std::string::npos;
    }
    return false;
}

}  // namespace xmltest
