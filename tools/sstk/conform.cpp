// The conformance runner. A vector is a DTO type, a format and exact bytes; each is read, written
// again (must equal the bytes), and the re-written bytes read back (must equal the first value).
// Layouts (docs/conform-runner.md): DIR/INDEX.tsv with `name` and `root_type` columns and files
// <name>.<suffix> next to it (tests/data/vectors/datacontract), or DIR/<Type>/<name>.<suffix>.
#include "conform.hpp"

#include "args.hpp"
#include "dto.hpp"
#include "formats.hpp"
#include "io.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace sstk_tool {
namespace {

namespace fs = std::filesystem;

// File-name suffix → format name (+ whether the server wrote Windows newlines). Longest first.
struct suffix_rule {
    const char* suffix;
    const char* format;
    bool crlf;
};
constexpr suffix_rule suffixes[] = {
    {".client.xml", "xml-client", false}, {".indented.xml", "xml-indented", false}, {".win.xml", "xml", true},
    {".xml", "xml", false},               {".camel.json", "json-camel", false},     {".stj.json", "stj", false},
    {".json", "json", false},             {".camel.jsv", "jsv-camel", false},       {".jsv", "jsv", false},
    {".csv", "csv", false},               {".query", "query", false},               {".form", "form", false},
};

struct vector_file {
    fs::path file;
    std::string type;
    const suffix_rule* rule;
    bool list;
    // INDEX.tsv says the client bytes are the server bytes without the XML declaration
    // (client_vs_server = client=server-decl): the client-form vector is derived from <name>.xml.
    bool client_from_server = false;
};

constexpr std::string_view xml_declaration = R"(<?xml version="1.0" encoding="utf-8"?>)";
constexpr suffix_rule derived_client_rule = {".xml (client form: declaration removed)", "xml-client", false};

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const suffix_rule* rule_for(const std::string& file_name, std::string& stem) {
    for (const auto& r : suffixes) {
        if (ends_with(file_name, r.suffix) && file_name.size() > std::strlen(r.suffix)) {
            stem = file_name.substr(0, file_name.size() - std::strlen(r.suffix));
            return &r;
        }
    }
    return nullptr;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    if (!cells.empty() && !cells.back().empty() && cells.back().back() == '\r') cells.back().pop_back();
    return cells;
}

// INDEX.tsv layout: a header row naming `name` and `root_type`, one vector name per row.
std::vector<vector_file> index_layout(const fs::path& dir, std::size_t& ignored) {
    std::ifstream in(dir / "INDEX.tsv", std::ios::binary);
    if (!in) throw io_error("cannot open " + (dir / "INDEX.tsv").string());
    std::string line;
    std::getline(in, line);
    const auto header = split_tabs(line);
    const auto col = [&](std::string_view n) -> std::size_t {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == n) return i;
        throw usage_error((dir / "INDEX.tsv").string() + ": the header row needs a '" + std::string(n) + "' column");
    };
    const std::size_t name_col = col("name"), type_col = col("root_type");
    std::size_t client_col = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == "client_vs_server") client_col = i;
    std::vector<vector_file> out;
    std::size_t listed = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto cells = split_tabs(line);
        if (cells.size() <= std::max(name_col, type_col)) continue;
        ++listed;
        for (const auto& r : suffixes) {
            const fs::path p = dir / (cells[name_col] + r.suffix);
            if (fs::is_regular_file(p)) out.push_back({p, cells[type_col], &r, false});
        }
        const fs::path server = dir / (cells[name_col] + ".xml");
        if (client_col < cells.size() && cells[client_col] == "client=server-decl" && fs::is_regular_file(server) &&
            !fs::is_regular_file(dir / (cells[name_col] + ".client.xml")))
            out.push_back({server, cells[type_col], &derived_client_rule, false, true});
    }
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) ++files;
    const auto real = static_cast<std::size_t>(
        std::count_if(out.begin(), out.end(), [](const vector_file& v) { return !v.client_from_server; }));
    ignored = files - std::min(files, real + 1);  // + INDEX.tsv
    (void)listed;
    return out;
}

// DIR/<Type>/<name>[.list].<suffix>
std::vector<vector_file> type_dir_layout(const fs::path& dir, std::size_t& ignored) {
    std::vector<vector_file> out;
    std::vector<fs::path> type_dirs;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory()) type_dirs.push_back(e.path());
        else if (e.is_regular_file()) ++ignored;
    std::sort(type_dirs.begin(), type_dirs.end());
    for (const auto& td : type_dirs) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(td))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::string stem;
            const suffix_rule* r = rule_for(f.filename().string(), stem);
            if (!r) {
                ++ignored;
                continue;
            }
            out.push_back({f, td.filename().string(), r, ends_with(stem, ".list")});
        }
    }
    return out;
}

struct format_stats {
    std::size_t vectors = 0, read = 0, exact = 0, round_trip = 0;
    std::size_t read_bytes = 0, write_bytes = 0;
    double read_seconds = 0, write_seconds = 0;
};

struct failure {
    std::string file, type, format, check, message;
};

struct skip {
    std::string file, type, reason;
};

std::string printable(std::string_view s) {
    std::string o;
    for (const char c : s) {
        if (c == '\n') o += "\\n";
        else if (c == '\r') o += "\\r";
        else if (c == '\t') o += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20) o += '?';
        else o += c;
    }
    return o;
}

std::string first_difference(const std::string& expected, const std::string& got) {
    std::size_t i = 0;
    while (i < expected.size() && i < got.size() && expected[i] == got[i]) ++i;
    const std::size_t from = i > 30 ? i - 30 : 0;
    return "differs at byte " + std::to_string(i) + " (expected " + std::to_string(expected.size()) + " bytes, wrote " +
           std::to_string(got.size()) + "): expected \"" + printable(std::string_view(expected).substr(from, 60)) +
           "\", wrote \"" + printable(std::string_view(got).substr(from, 60)) + "\"";
}

std::string json_string(std::string_view s) {
    std::string o = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            o += buf;
        } else {
            o += c;
        }
    }
    return o + "\"";
}

double mb_per_s(std::size_t bytes, double secs) { return secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0; }

using clock_type = std::chrono::steady_clock;

}  // namespace

int cmd_conform(int argc, char** argv) {
    std::vector<option_def> defs = {
        {"json", 0, "", "machine-readable report on standard output"},
        {"repeat", 'r', "N", "read and write each vector N times for the throughput figures (default 1)"},
        {"verbose", 'v', "", "list every vector and its outcome on standard error"},
        {"help", 'h', "", "this help"},
        {"doubles", 0, "MODE", "how the server wrote doubles: shortest (.NET Core 3+, default),\n"
                               "netfx-roundtrip (.NET Framework / Mono \"R\") or netfx-general"},
        {"emit-default", 0, "RULE", "XML EmitDefaultValue=false as the server applies it: dotnet (default) or mono"},
    };
    const arguments a(defs, argc, argv, 2);
    if (a.has("help")) {
        std::cout << "Usage: sstk conform [--json] [--repeat N] [--doubles MODE] [--emit-default RULE] DIR\n\n"
                     "Runs every vector in DIR: reads the bytes as the DTO, writes the DTO again in the same\n"
                     "format (must equal the bytes exactly) and reads that back (must equal the first value).\n"
                     "Reports per format how many read, re-wrote byte-exact and round-tripped, with read\n"
                     "and write throughput. Vectors whose type is not registered are skipped and counted.\n\n"
                     "Layouts (docs/conform-runner.md):\n"
                     "  DIR/INDEX.tsv   tab-separated, header with `name` and `root_type` (full CLR name);\n"
                     "                  files DIR/<name>.<suffix>; a `client_vs_server` column saying\n"
                     "                  client=server-decl adds the client form derived from <name>.xml\n"
                     "  DIR/<Type>/<name>[.list].<suffix>   Type as `sstk types` names it\n"
                     "Suffixes: .xml .client.xml .indented.xml .win.xml (server, CRLF) .json .camel.json\n"
                     "          .stj.json .jsv .camel.jsv .csv .query .form; other files are ignored.\n"
                     "Local DateTimes are read and written in the zone of TZ (set it to the server's).\n\n"
                     "Options:\n"
                  << describe_options(defs)
                  << "\nExit status: 0 every vector of a registered type passed all three checks, 1 a check\n"
                     "failed or no vector could run, 2 usage error, 3 i/o error.\n";
        return 0;
    }
    if (a.positional().size() != 1) throw usage_error("conform takes one directory");
    const fs::path dir = a.positional()[0];
    if (!fs::is_directory(dir)) throw io_error("not a directory: " + dir.string());
    std::size_t repeat = 1;
    if (auto r = a.get("repeat")) {
        try {
            repeat = std::stoul(*r);
        } catch (const std::exception&) {
            repeat = 0;
        }
        if (repeat == 0 || repeat > 1000000) throw usage_error("--repeat takes a count from 1 to 1000000");
    }
    format_tweaks tweaks;
    if (auto d = a.get("doubles")) {
        if (*d == "shortest") tweaks.doubles = sstk::float_format::shortest;
        else if (*d == "netfx-roundtrip") tweaks.doubles = sstk::float_format::netfx_roundtrip;
        else if (*d == "netfx-general") tweaks.doubles = sstk::float_format::netfx_general;
        else throw usage_error("--doubles takes shortest, netfx-roundtrip or netfx-general");
    }
    if (auto e = a.get("emit-default")) {
        if (*e == "dotnet") tweaks.emit_defaults = sstk::xml::emit_default_rule::dotnet;
        else if (*e == "mono") tweaks.emit_defaults = sstk::xml::emit_default_rule::mono;
        else throw usage_error("--emit-default takes dotnet or mono");
    }
    const bool verbose = a.has("verbose");

    std::size_t ignored = 0;
    const bool indexed = fs::is_regular_file(dir / "INDEX.tsv");
    const std::vector<vector_file> vectors = indexed ? index_layout(dir, ignored) : type_dir_layout(dir, ignored);

    std::map<std::string, format_stats> stats;  // by format label
    std::vector<std::string> order;
    std::vector<failure> failures;
    std::vector<skip> skipped;
    std::size_t ran = 0;
    for (const auto& v : vectors) {
        const std::string file = fs::relative(v.file, dir).string() + (v.client_from_server ? " (client form)" : "");
        const found_type t = find_type(v.type);
        if (!t.match) {
            skipped.push_back({file, v.type,
                               t.info                    ? "an enum"
                               : t.candidates.size() > 1 ? "ambiguous type name"
                                                         : "type not registered"});
            if (verbose) std::cerr << "skip  " << file << " (" << skipped.back().reason << ")\n";
            continue;
        }
        format_spec f = *parse_format(v.rule->format);
        format_tweaks tw = tweaks;
        tw.crlf = v.rule->crlf;
        apply(f, tw);
        const std::string label = f.name + (v.rule->crlf ? "-crlf" : "") + (v.list ? "-list" : "");
        if (!stats.count(label)) order.push_back(label);
        format_stats& s = stats[label];
        ++s.vectors;
        ++ran;
        std::string bytes = read_all(v.file.string());
        if (v.client_from_server) {
            if (bytes.rfind(xml_declaration, 0) != 0) {
                skipped.push_back({file, v.type, "INDEX.tsv says client=server-decl but the server bytes have no declaration"});
                --s.vectors;
                --ran;
                continue;
            }
            bytes.erase(0, xml_declaration.size());
        }
        const std::string type_name(t.match->info->name);
        const auto fail = [&](const char* check, std::string message) {
            failures.push_back({file, type_name, label, check, std::move(message)});
            if (verbose) std::cerr << "FAIL  " << file << " " << check << ": " << failures.back().message << '\n';
        };

        auto value = v.list ? t.match->make_list() : t.match->make();
        try {
            const auto start = clock_type::now();
            for (std::size_t i = 0; i < repeat; ++i) value->read(bytes, f);
            s.read_seconds += std::chrono::duration<double>(clock_type::now() - start).count();
            s.read_bytes += bytes.size() * repeat;
            ++s.read;
        } catch (const sstk::error& e) {
            fail("read", e.what());
            continue;
        }
        std::string written;
        try {
            const auto start = clock_type::now();
            for (std::size_t i = 0; i < repeat; ++i) {
                written.clear();
                value->write(written, f);
            }
            s.write_seconds += std::chrono::duration<double>(clock_type::now() - start).count();
            s.write_bytes += written.size() * repeat;
        } catch (const sstk::error& e) {
            fail("exact", std::string("write failed: ") + e.what());
            continue;
        }
        if (written == bytes) ++s.exact;
        else fail("exact", first_difference(bytes, written));
        auto again = v.list ? t.match->make_list() : t.match->make();
        try {
            again->read(written, f);
            if (again->equals(*value)) ++s.round_trip;
            else fail("round_trip", "reading the re-written bytes gives a different value");
        } catch (const sstk::error& e) {
            fail("round_trip", std::string("reading the re-written bytes failed: ") + e.what());
        }
        if (verbose && (failures.empty() || failures.back().file != file)) std::cerr << "ok    " << file << '\n';
    }

    const bool passed = ran > 0 && failures.empty();
    format_stats total;
    for (const auto& [label, s] : stats) {
        total.vectors += s.vectors;
        total.read += s.read;
        total.exact += s.exact;
        total.round_trip += s.round_trip;
        total.read_bytes += s.read_bytes;
        total.write_bytes += s.write_bytes;
        total.read_seconds += s.read_seconds;
        total.write_seconds += s.write_seconds;
    }
    std::map<std::string, std::size_t> skipped_types;
    for (const auto& s : skipped) ++skipped_types[s.type + " (" + s.reason + ")"];

    if (a.has("json")) {
        std::string o = "{\"directory\":" + json_string(dir.string()) + ",\"layout\":" +
                        json_string(indexed ? "INDEX.tsv" : "type directories") + ",\"passed\":" +
                        (passed ? "true" : "false") + ",\"repeat\":" + std::to_string(repeat) + ",\"formats\":{";
        const auto stat_json = [](const format_stats& s) {
            char rates[96];
            std::snprintf(rates, sizeof rates, "\"read_mb_per_s\":%.3f,\"write_mb_per_s\":%.3f",
                          mb_per_s(s.read_bytes, s.read_seconds), mb_per_s(s.write_bytes, s.write_seconds));
            return "{\"vectors\":" + std::to_string(s.vectors) + ",\"read\":" + std::to_string(s.read) +
                   ",\"exact\":" + std::to_string(s.exact) + ",\"round_trip\":" + std::to_string(s.round_trip) +
                   ",\"read_bytes\":" + std::to_string(s.read_bytes) + ",\"write_bytes\":" +
                   std::to_string(s.write_bytes) + "," + rates + "}";
        };
        for (std::size_t i = 0; i < order.size(); ++i)
            o += (i ? "," : "") + json_string(order[i]) + ":" + stat_json(stats[order[i]]);
        o += "},\"total\":" + stat_json(total) + ",\"failures\":[";
        for (std::size_t i = 0; i < failures.size(); ++i) {
            const auto& f = failures[i];
            o += std::string(i ? "," : "") + "{\"file\":" + json_string(f.file) + ",\"type\":" + json_string(f.type) +
                 ",\"format\":" + json_string(f.format) + ",\"check\":" + json_string(f.check) +
                 ",\"message\":" + json_string(f.message) + "}";
        }
        o += "],\"skipped\":[";
        for (std::size_t i = 0; i < skipped.size(); ++i)
            o += std::string(i ? "," : "") + "{\"file\":" + json_string(skipped[i].file) + ",\"type\":" +
                 json_string(skipped[i].type) + ",\"reason\":" + json_string(skipped[i].reason) + "}";
        o += "],\"ignored_files\":" + std::to_string(ignored) + "}\n";
        std::cout << o;
    } else {
        std::printf("sstk conform %s (%s layout)\n\n", dir.string().c_str(), indexed ? "INDEX.tsv" : "type-directory");
        std::printf("%-18s %8s %8s %8s %11s %11s %11s\n", "format", "vectors", "read", "exact", "round-trip",
                    "read MB/s", "write MB/s");
        const auto row = [](const std::string& label, const format_stats& s) {
            std::printf("%-18s %8zu %8zu %8zu %11zu %11.1f %11.1f\n", label.c_str(), s.vectors, s.read, s.exact,
                        s.round_trip, mb_per_s(s.read_bytes, s.read_seconds), mb_per_s(s.write_bytes, s.write_seconds));
        };
        for (const auto& label : order) row(label, stats[label]);
        row("total", total);
        if (!skipped.empty()) {
            std::printf("\nskipped %zu vector file(s):\n", skipped.size());
            for (const auto& [what, n] : skipped_types) std::printf("  %zu  %s\n", n, what.c_str());
        }
        if (ignored) std::printf("\nignored %zu file(s) that are not vectors (no known suffix)\n", ignored);
        if (!failures.empty()) {
            std::printf("\n%zu failure(s):\n", failures.size());
            for (const auto& f : failures)
                std::printf("  %s (%s, %s) %s: %s\n", f.file.c_str(), f.type.c_str(), f.format.c_str(), f.check.c_str(),
                            f.message.c_str());
        }
        std::printf("\n%s\n", passed ? "PASSED" : ran == 0 ? "FAILED: no vector of a registered type" : "FAILED");
    }
    return passed ? 0 : 1;
}

}  // namespace sstk_tool
