// sstk — convert, validate and inspect ServiceStack DTO payloads from the command line.
// Commands: convert, validate, request, types, conform. `sstk help` and `sstk CMD --help`.
#include "args.hpp"
#include "conform.hpp"
#include "dto.hpp"
#include "formats.hpp"
#include "io.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

namespace sstk_tool {
namespace {

constexpr const char* version = "sstk 0.1.0";

const char* main_help =
    "Usage: sstk COMMAND [OPTIONS] [FILE]\n"
    "\n"
    "Convert, validate and inspect ServiceStack DTO payloads with sstk's codecs, byte for byte\n"
    "what ServiceStack and .NET produce.\n"
    "\n"
    "Commands:\n"
    "  convert   read a DTO in one format and write it in another\n"
    "  validate  check a payload; print every error with line, column and member path\n"
    "  request   print the HTTP request a ServiceStack client sends for a request DTO\n"
    "  types     list the registered services, operations, routes and types\n"
    "  conform   run a directory of conformance vectors (read, byte-exact re-write, round trip)\n"
    "  help      `sstk help COMMAND` shows a command's options\n"
    "\n"
    "FILE is a path or '-' for standard input (the default). Output goes to standard output\n"
    "(-o FILE to write a file); errors and progress go to standard error.\n"
    "\n"
    "Types are the registered DTOs (`sstk types`), named by .NET name (PasswordReset), full\n"
    "CLR name (Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordReset), service.Name\n"
    "(platform_api.PasswordReset) or C++ name.\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  invalid input: the payload could not be read or written, validation found errors,\n"
    "     or a conformance vector failed\n"
    "  2  usage error: unknown command or option, missing option, unknown format or type\n"
    "  3  i/o error: a file could not be opened, read or written\n"
    "  4  internal error (a bug in sstk: please report it with the command line)\n";

std::vector<option_def> codec_tweak_options() {
    return {
        {"indent", 0, "", "JSON: indent two spaces (for people; not what servers send)"},
        {"include-nulls", 0, "", "JSON: write null members (JsConfig.IncludeNullValues)"},
        {"doubles", 0, "MODE", "shortest (.NET Core 3+, default), netfx-roundtrip (.NET Framework/Mono \"R\")\n"
                               "or netfx-general (.NET Framework/Mono ToString())"},
        {"emit-default", 0, "RULE", "XML EmitDefaultValue=false: dotnet (default) or mono"},
        {"crlf", 0, "", "XML: Windows newlines in text and indentation"},
    };
}

format_tweaks parse_tweaks(const arguments& a) {
    format_tweaks t;
    t.indent = a.has("indent");
    t.include_nulls = a.has("include-nulls");
    t.crlf = a.has("crlf");
    if (auto d = a.get("doubles")) {
        if (*d == "shortest") t.doubles = sstk::float_format::shortest;
        else if (*d == "netfx-roundtrip") t.doubles = sstk::float_format::netfx_roundtrip;
        else if (*d == "netfx-general") t.doubles = sstk::float_format::netfx_general;
        else throw usage_error("--doubles takes shortest, netfx-roundtrip or netfx-general, not '" + *d + "'");
    }
    if (auto e = a.get("emit-default")) {
        if (*e == "dotnet") t.emit_defaults = sstk::xml::emit_default_rule::dotnet;
        else if (*e == "mono") t.emit_defaults = sstk::xml::emit_default_rule::mono;
        else throw usage_error("--emit-default takes dotnet or mono, not '" + *e + "'");
    }
    return t;
}

format_spec format_option(const arguments& a, std::string_view name, const format_tweaks& t,
                          std::string fallback = {}) {
    const std::string given = fallback.empty() ? a.require(name) : a.get_or(name, fallback);
    auto f = parse_format(given);
    if (!f) throw usage_error("unknown format '" + given + "' for --" + std::string(name) + "; formats:\n" + format_table());
    apply(*f, t);
    return *f;
}

std::string candidates_text(const std::vector<const sstk::type_info*>& c) {
    std::string s;
    for (const auto* t : c) s += "\n  " + std::string(t->service) + "." + std::string(t->name) + "  (" + t->full_name() + ")";
    return s;
}

const tool_type& type_option(const arguments& a) {
    const std::string name = a.require("type");
    const found_type f = find_type(name);
    if (f.match) return *f.match;
    if (f.info) throw usage_error("'" + name + "' is an enum; convert the DTO that holds it");
    if (f.candidates.size() > 1)
        throw usage_error("type '" + name + "' is ambiguous; name one of:" + candidates_text(f.candidates));
    throw usage_error("unknown type '" + name + "' (`sstk types` lists the registered ones)");
}

std::string input_path(const arguments& a) {
    const auto& p = a.positional();
    if (p.size() > 1) throw usage_error("one input file at most (got '" + p[1] + "')");
    return p.empty() ? "-" : p[0];
}

bool wants_help(const arguments& a) { return a.has("help"); }

void print_help(const std::string& usage, const std::vector<option_def>& defs) {
    std::cout << usage << "\nOptions:\n" << describe_options(defs);
}

// "file:3:14: invalid value at Token: ..." — what compilers print, so editors can jump to it.
void report(const std::string& source, const sstk::error& e) {
    std::string where = source;
    if (e.line() != 0) where += ":" + std::to_string(e.line()) + ":" + std::to_string(e.column());
    std::cerr << where << ": " << e.what() << '\n';
}

// Prints "rows, MB" on stderr at most twice a second, and a final line.
class progress_meter {
public:
    // on: update while running; forced (--progress): also a final line however short the run.
    progress_meter(bool on, bool forced) : on_(on || forced), forced_(forced), start_(clock::now()), last_(start_) {}
    void update(std::size_t rows, std::size_t bytes) {
        if (!on_) return;
        const auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(500)) return;
        last_ = now;
        print(rows, bytes, '\r');
        shown_ = true;
    }
    void done(std::size_t rows, std::size_t bytes) {
        if (on_ && (shown_ || forced_)) print(rows, bytes, '\n');
    }

private:
    using clock = std::chrono::steady_clock;
    void print(std::size_t rows, std::size_t bytes, char end) {
        const double secs = std::chrono::duration<double>(clock::now() - start_).count();
        std::fprintf(stderr, "sstk: %zu rows, %.1f MB read, %.1f MB/s%c", rows, static_cast<double>(bytes) / 1e6,
                     secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0, end);
        std::fflush(stderr);
    }
    bool on_;
    bool forced_;
    bool shown_ = false;
    clock::time_point start_, last_;
};

// ---- convert ------------------------------------------------------------------------------------
int cmd_convert(int argc, char** argv) {
    std::vector<option_def> defs = {
        {"type", 't', "TYPE", "the DTO type (required)"},
        {"from", 'f', "FORMAT", "input format (default json; every JSON format reads both dialects)"},
        {"to", 'T', "FORMAT", "output format (required)"},
        {"list", 'l', "", "the document is a List<TYPE> (a CSV of rows, a JSON array, ArrayOfTYPE XML)"},
        {"output", 'o', "FILE", "write here instead of standard output"},
        {"progress", 0, "", "report rows and bytes on stderr while streaming (default: when stderr is a terminal)"},
        {"help", 'h', "", "this help"},
    };
    for (auto& d : codec_tweak_options()) defs.push_back(d);
    const arguments a(defs, argc, argv, 2);
    if (wants_help(a)) {
        print_help("Usage: sstk convert --type TYPE [--from FORMAT] --to FORMAT [--list] [FILE]\n\n"
                   "Reads one DTO (or a list with --list) and writes it in another format, exactly as\n"
                   "ServiceStack would. The output is the codec's bytes, without a trailing newline.\n"
                   "A CSV list converted to json, stj, jsv or csv is streamed row by row in constant\n"
                   "memory, so inputs of any size work.\n\nFormats:\n" + std::string(format_table()) + "\nExample:\n"
                   "  echo '{\"Token\":\"abc\"}' | sstk convert --type PasswordReset --to xml\n",
                   defs);
        return 0;
    }
    const format_tweaks tweaks = parse_tweaks(a);
    const tool_type& type = type_option(a);
    const format_spec from = format_option(a, "from", tweaks, "json");
    const format_spec to = format_option(a, "to", tweaks);
    const std::string path = input_path(a);
    const bool list = a.has("list");
    output out(a.get_or("output", "-"));

    if (list && from.kind == wire::csv && can_stream_rows_to(to)) {
        input in(path);
        progress_meter meter(isatty(STDERR_FILENO) != 0, a.has("progress"));
        std::size_t rows = 0, bytes = 0;
        try {
            rows = type.stream_csv_rows(in.stream(), from, out.stream(), to, [&](std::size_t r, std::size_t b) {
                rows = r;
                bytes = b;
                meter.update(r, b);
            });
        } catch (const sstk::error& e) {
            meter.done(rows, bytes);
            report(in.name(), e);
            out.discard();
            return 1;
        }
        meter.done(rows, bytes);
        out.commit();
        return 0;
    }

    const std::string text = read_all(path);
    auto value = list ? type.make_list() : type.make();
    std::string result;
    try {
        value->read(text, from);
    } catch (const sstk::error& e) {
        report(display_name(path), e);
        return 1;
    }
    try {
        value->write(result, to);
    } catch (const sstk::error& e) {
        std::cerr << "sstk: cannot write " << to.name << ": " << e.what() << '\n';
        return 1;
    }
    out.stream() << result;
    out.commit();
    return 0;
}

// ---- validate -----------------------------------------------------------------------------------
int cmd_validate(int argc, char** argv) {
    const std::vector<option_def> defs = {
        {"type", 't', "TYPE", "the DTO type (required)"},
        {"format", 'f', "FORMAT", "the payload's format (default json)"},
        {"list", 'l', "", "the document is a List<TYPE>"},
        {"allow-unknown", 0, "", "accept members the DTO does not have (ServiceStack skips them)\n"
                                 "and, in XML, elements out of DataContract order"},
        {"no-required", 0, "", "do not report required members (per the metadata) left null"},
        {"quiet", 'q', "", "print nothing on success"},
        {"help", 'h', "", "this help"},
    };
    const arguments a(defs, argc, argv, 2);
    if (wants_help(a)) {
        print_help("Usage: sstk validate --type TYPE [--format FORMAT] [FILE]\n\n"
                   "Reads the payload as the DTO and prints each problem as FILE:LINE:COLUMN: kind at\n"
                   "member.path: message. JSON reports every unknown member and then the first hard\n"
                   "error; XML (unknown elements), JSV and query strings (unknown members) stop at\n"
                   "the first; CSV ignores unknown columns, as ServiceStack does. XML elements out of\n"
                   "DataContract order are errors (a real server silently drops them). A payload that\n"
                   "reads cleanly is checked for members the metadata marks required but left null.\n"
                   "Exit status 0 when valid, 1 when not.\n",
                   defs);
        return 0;
    }
    const tool_type& type = type_option(a);
    const format_spec f = format_option(a, "format", {}, "json");
    const std::string path = input_path(a);
    const std::string text = read_all(path);
    auto value = a.has("list") ? type.make_list() : type.make();
    const auto errors = value->validate(text, f, a.has("allow-unknown"), !a.has("no-required"));
    for (const auto& e : errors) report(display_name(path), e);
    if (!errors.empty()) {
        std::cerr << display_name(path) << ": " << errors.size() << " error" << (errors.size() == 1 ? "" : "s") << '\n';
        return 1;
    }
    if (!a.has("quiet")) std::cout << display_name(path) << ": valid " << type.info->name << " (" << f.name << ")\n";
    return 0;
}

// ---- request ------------------------------------------------------------------------------------
struct base_url {
    std::string scheme_host;  // "https://host:8080"
    std::string host;         // "host:8080"
    std::string path;         // "/api" (no trailing slash)
};

base_url parse_base(const std::string& url) {
    base_url b;
    const std::size_t scheme = url.find("://");
    if (scheme == std::string::npos) throw usage_error("--base needs an absolute URL like https://host/, got '" + url + "'");
    const std::size_t slash = url.find('/', scheme + 3);
    b.host = url.substr(scheme + 3, slash == std::string::npos ? std::string::npos : slash - scheme - 3);
    if (b.host.empty()) throw usage_error("--base has no host: '" + url + "'");
    b.scheme_host = url.substr(0, scheme + 3) + b.host;
    if (slash != std::string::npos) b.path = url.substr(slash);
    while (!b.path.empty() && b.path.back() == '/') b.path.pop_back();
    return b;
}

int cmd_request(int argc, char** argv) {
    std::vector<option_def> defs = {
        {"type", 't', "TYPE", "the request DTO type (required)"},
        {"format", 'f', "FORMAT", "the request body format (default json): json, xml-client, jsv, csv, form, ..."},
        {"from", 0, "FORMAT", "the format of the payload given as input (default json)"},
        {"base", 'b', "URL", "the service's base URL (https://host/api/): adds Host and the full URL"},
        {"verb", 0, "VERB", "GET, POST, PUT, DELETE, PATCH (default: inferred from the routes and\n"
                            "IVerb markers, else POST as JsonServiceClient.Send does)"},
        {"endpoint", 0, "KIND", "route (default: the [Route] for the verb), send, reply\n"
                                "(/{format}/reply/{Name}) or api (/api/{Name})"},
        {"help", 'h', "", "this help"},
    };
    const arguments a(defs, argc, argv, 2);
    if (wants_help(a)) {
        print_help("Usage: sstk request --type TYPE [--format FORMAT] [--base URL] [FILE]\n\n"
                   "Reads a request DTO (JSON by default) and prints the HTTP/1.1 request a ServiceStack\n"
                   "C# client sends for it: request line, headers (Host, Accept, Content-Type,\n"
                   "Content-Length) and body. GET and DELETE carry the DTO in the query string.\n"
                   "With --base the request line carries the base path and a second line shows the URL.\n",
                   defs);
        return 0;
    }
    const tool_type& type = type_option(a);
    const format_spec body = format_option(a, "format", {}, "json");
    const format_spec from = format_option(a, "from", {}, "json");
    sstk::http::request_options ro;
    if (auto v = a.get("verb")) {
        const sstk::http_verb verb = sstk::http::parse_verb(*v);
        if (verb == sstk::http_verb::none) throw usage_error("unknown --verb '" + *v + "'");
        ro.verb = verb;
    }
    if (auto e = a.get("endpoint")) {
        if (*e == "route") ro.endpoint = sstk::http::endpoint::route;
        else if (*e == "send") ro.endpoint = sstk::http::endpoint::send;
        else if (*e == "reply") ro.endpoint = sstk::http::endpoint::reply;
        else if (*e == "api") ro.endpoint = sstk::http::endpoint::api;
        else throw usage_error("--endpoint takes route, send, reply or api, not '" + *e + "'");
    }
    std::optional<base_url> base;
    if (auto b = a.get("base")) base = parse_base(*b);
    const std::string path = input_path(a);
    const std::string text = read_all(path);
    auto value = type.make();
    try {
        value->read(text, from);
    } catch (const sstk::error& e) {
        report(display_name(path), e);
        return 1;
    }
    sstk::http::request r;
    try {
        r = value->request(body, ro);
    } catch (const sstk::error& e) {
        std::cerr << "sstk: cannot make the request: " << e.what() << '\n';
        return 1;
    }
    const std::string target = (base ? base->path : std::string()) + r.target;
    std::string out = r.verb + " " + target + " HTTP/1.1\r\n";
    if (base) out += "Host: " + base->host + "\r\n";
    for (const auto& h : r.headers) out += h.name + ": " + h.value + "\r\n";
    if (sstk::http::has_request_body(r.verb)) out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
    out += "\r\n";
    out += r.body;
    if (base) std::cerr << "sstk: " << r.verb << ' ' << base->scheme_host << target << '\n';
    std::cout << out;
    return 0;
}

// ---- types --------------------------------------------------------------------------------------
std::string json_string(std::string_view s) {
    std::string o = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') { o += '\\'; o += c; }
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            o += buf;
        } else o += c;
    }
    return o + "\"";
}

std::string verbs_of(const sstk::route_contract& r) { return r.verbs.empty() ? "ANY" : std::string(r.verbs); }

int cmd_types(int argc, char** argv) {
    const std::vector<option_def> defs = {
        {"json", 0, "", "machine-readable output"},
        {"service", 's', "NAME", "only this service"},
        {"help", 'h', "", "this help"},
    };
    const arguments a(defs, argc, argv, 2);
    if (wants_help(a)) {
        print_help("Usage: sstk types [--json] [--service NAME]\n\n"
                   "Lists each registered service with its operations (request -> response, routes and\n"
                   "verbs) and every type: .NET name, CLR namespace, C++ type and kind.\n",
                   defs);
        return 0;
    }
    if (!a.positional().empty()) throw usage_error("types takes no file");
    const auto only = a.get("service");
    if (only) {
        bool known = false;
        for (const auto s : all_services()) known = known || s == *only;
        if (!known) throw usage_error("unknown service '" + *only + "'");
    }
    const auto types = all_types();
    if (a.has("json")) {
        std::string o = "{\"services\":[";
        bool first_service = true;
        for (const auto s : all_services()) {
            if (only && s != *only) continue;
            if (!first_service) o += ',';
            first_service = false;
            o += "{\"name\":" + json_string(s) + ",\"types\":[";
            bool first = true;
            for (const auto& t : types) {
                if (t.service != s) continue;
                if (!first) o += ',';
                first = false;
                o += "{\"name\":" + json_string(t.name) + ",\"namespace\":" + json_string(t.clr_namespace) +
                     ",\"cpp\":" + json_string(t.cpp_name) + ",\"kind\":" + json_string(sstk::to_string(t.kind));
                if (t.kind == sstk::type_kind::request) {
                    o += ",\"response\":";
                    o += t.returns_void ? std::string("\"void\"") : t.response.empty() ? std::string("null") : json_string(t.response);
                    if (t.verb != sstk::http_verb::none) o += ",\"verb\":" + json_string(sstk::to_string(t.verb));
                    o += ",\"routes\":[";
                    for (std::size_t i = 0; i < t.routes.size(); ++i)
                        o += (i ? "," : "") + std::string("{\"path\":") + json_string(t.routes[i].path) +
                             ",\"verbs\":" + json_string(verbs_of(t.routes[i])) + "}";
                    o += "]";
                }
                o += "}";
            }
            o += "]}";
        }
        o += "]}\n";
        std::cout << o;
        return 0;
    }
    for (const auto s : all_services()) {
        if (only && s != *only) continue;
        std::cout << "service " << s << '\n';
        for (const auto& t : types) {
            if (t.service != s || t.kind != sstk::type_kind::request) continue;
            std::cout << "  operation " << t.name << " -> "
                      << (t.returns_void ? std::string_view("void") : t.response.empty() ? std::string_view("(none declared)") : t.response);
            if (t.verb != sstk::http_verb::none) std::cout << "  [" << sstk::to_string(t.verb) << ']';
            std::cout << '\n';
            for (const auto& r : t.routes) std::cout << "    route " << verbs_of(r) << ' ' << r.path << '\n';
            if (t.routes.empty()) std::cout << "    route (none: /{format}/reply/" << t.name << ")\n";
        }
        std::size_t width = 0;
        for (const auto& t : types)
            if (t.service == s) width = std::max(width, t.name.size());
        std::cout << "  types:\n";
        for (const auto& t : types) {
            if (t.service != s) continue;
            std::cout << "    " << t.name << std::string(width - t.name.size() + 2, ' ') << sstk::to_string(t.kind)
                      << std::string(8 - sstk::to_string(t.kind).size(), ' ') << t.full_name() << "  " << t.cpp_name << '\n';
        }
    }
    return 0;
}

int cmd_help(int argc, char** argv) {
    if (argc <= 2) {
        std::cout << main_help;
        return 0;
    }
    const std::string cmd = argv[2];
    std::vector<char*> args = {argv[0], argv[2], const_cast<char*>("--help")};
    const int n = static_cast<int>(args.size());
    if (cmd == "convert") return cmd_convert(n, args.data());
    if (cmd == "validate") return cmd_validate(n, args.data());
    if (cmd == "request") return cmd_request(n, args.data());
    if (cmd == "types") return cmd_types(n, args.data());
    if (cmd == "conform") return cmd_conform(n, args.data());
    throw usage_error("no command '" + cmd + "'");
}

int run(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << main_help;
        return 2;
    }
    const std::string cmd = argv[1];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") return cmd_help(argc, argv);
    if (cmd == "--version" || cmd == "-V") {
        std::cout << version << '\n';
        return 0;
    }
    if (cmd == "convert") return cmd_convert(argc, argv);
    if (cmd == "validate") return cmd_validate(argc, argv);
    if (cmd == "request") return cmd_request(argc, argv);
    if (cmd == "types") return cmd_types(argc, argv);
    if (cmd == "conform") return cmd_conform(argc, argv);
    throw usage_error("unknown command '" + cmd + "' (sstk --help lists them)");
}

}  // namespace
}  // namespace sstk_tool

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        return sstk_tool::run(argc, argv);
    } catch (const sstk_tool::usage_error& e) {
        std::cerr << "sstk: " << e.what() << '\n';
        return 2;
    } catch (const sstk_tool::io_error& e) {
        std::cerr << "sstk: " << e.what() << '\n';
        return 3;
    } catch (const sstk::error& e) {
        std::cerr << "sstk: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "sstk: internal error: " << e.what() << '\n';
        return 4;
    }
}
