// DataContract XML benchmarks on the JSON benchmarks' payloads (payloads.hpp).
// Names: xml/<write|read>/<payload>/<impl>, impl one of
//   sstk           sstk::xml::write into a reused buffer / sstk::xml::read into a reused object
//                  (server form, the bytes a ServiceStack server sends);
//   pugixml_dom    writing peer: build a pugixml DOM of the same document (same elements,
//                  attributes and text, scalars formatted by the same functions), then print it
//                  (format_raw); checked to produce sstk's bytes except that pugixml prints an
//                  empty element as `<X/>`, not `<X />`;
//   pugixml_parse  reading floor: pugixml parses the same document with the options sstk's
//                  reader uses (pugixml alone, no walk into a struct);
//   mono_dcs       Mono's DataContractSerializer, run once as a separate process: a small C#
//                  program (embedded below) is compiled with `mcs` into a temporary directory,
//                  reads each sstk document once to get the object, then times
//                  XmlWriter.Create + new DataContractSerializer(type).WriteObject (ServiceStack's
//                  XmlSerializer.SerializeToString) and XmlReader.Create + ReadObject
//                  (DeserializeFromString) in a loop after a warm-up, and prints ns per operation.
//                  Those times are reported here through manual timing, so the ratios come from
//                  one table. Without mcs/mono the mono_dcs rows are skipped with an error text.
// Targets (issue 4): read <= 1.5x pugixml_parse; write >= 3x faster than pugixml_dom; >= 10x
// faster than mono_dcs.
#include "payloads.hpp"

#include <sstk/xml.hpp>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace xml = sstk::xml;
namespace xd = sstk::xml::detail;

// ---------------------------------------------------------------- the pugixml DOM peer
// The same document as sstk writes, built node by node: element names, the default-namespace
// and d{depth}p{n} declarations, i:nil, and each scalar's text (formatted with sstk's scalar
// functions, as a pugixml user would format with some function of their own).
class dom_builder {
public:
    explicit dom_builder(pugi::xml_document& doc) : doc_(doc) {}

    template <class T>
    void document(const T& v) {
        auto decl = doc_.append_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "utf-8";
        const auto& n = xd::stable_name_of<T>();
        pugi::xml_node root = doc_.append_child(n.name.c_str());
        root.append_attribute("xmlns:i") = xd::xsi_ns.data();
        root.append_attribute("xmlns") = n.ns.c_str();
        scopes_.clear();
        scopes_.push_back({"", n.ns});
        scopes_.push_back({"i", std::string(xd::xsi_ns)});
        content(root, v, n.ns, 1);
    }

private:
    struct binding {
        std::string prefix;
        std::string ns;
    };

    const binding* lookup(std::string_view ns) const {
        for (auto i = scopes_.size(); i-- > 0;) {
            if (scopes_[i].ns != ns) continue;
            bool shadowed = false;
            for (auto j = i + 1; j < scopes_.size(); ++j) shadowed = shadowed || scopes_[j].prefix == scopes_[i].prefix;
            if (!shadowed) return &scopes_[i];
        }
        return nullptr;
    }

    // <local> in namespace ns under parent, with an xmlns:dNpM for `declare` when not in scope.
    pugi::xml_node open(pugi::xml_node parent, std::string_view local, std::string_view ns, std::string_view declare,
                        bool nil, std::size_t depth) {
        const binding* own = lookup(ns);
        std::string name = own && !own->prefix.empty() ? own->prefix + ":" : std::string();
        name += local;
        pugi::xml_node e = parent.append_child(name.c_str());
        if (!own) scopes_.push_back({"", std::string(ns)});
        if (!declare.empty() && !lookup(declare)) {
            const std::string prefix = "d" + std::to_string(depth) + "p1";
            e.append_attribute(("xmlns:" + prefix).c_str()) = std::string(declare).c_str();
            scopes_.push_back({prefix, std::string(declare)});
        }
        if (nil) e.append_attribute("i:nil") = "true";
        if (!own) e.append_attribute("xmlns") = std::string(ns).c_str();
        return e;
    }

    template <class T>
    void element(pugi::xml_node parent, std::string_view local, std::string_view ns, std::string_view declare, const T& v,
                 std::size_t depth) {
        const std::size_t mark = scopes_.size();
        if constexpr (sstk::is_optional_v<T>) {
            if (!v) {
                open(parent, local, ns, declare, true, depth);
            } else {
                scopes_.resize(mark);
                element(parent, local, ns, declare, *v, depth);
            }
        } else {
            pugi::xml_node e = open(parent, local, ns, declare, false, depth);
            if constexpr (xd::xml_primitive<T>) text(e, v);
            else content(e, v, xd::stable_name_of<T>().ns, depth);
        }
        scopes_.resize(mark);
    }

    template <class T>
    void content(pugi::xml_node e, const T& v, std::string_view type_ns, std::size_t depth) {
        if constexpr (sstk::described_class<T>) {
            sstk::for_each_member<T, sstk::member_order::data_contract>([&](auto m) {
                using M = decltype(m);
                const std::string& owner_ns = xd::stable_name_of<typename M::owner_type>().ns;
                element(e, M::name, owner_ns, xd::child_ns_to_declare<typename M::value_type>(owner_ns), M::get(v), depth + 1);
            });
        } else if constexpr (sstk::map_like<T>) {
            const std::string& entry = xd::entry_name_of<T>();
            for (const auto& [key, value] : v) {
                const std::size_t mark = scopes_.size();
                pugi::xml_node kv = open(e, entry, xd::arrays_ns, {}, false, depth + 1);
                element(kv, "Key", xd::arrays_ns, {}, key, depth + 2);
                element(kv, "Value", xd::arrays_ns, {}, value, depth + 2);
                scopes_.resize(mark);
            }
        } else {
            const std::string& item = xd::item_name_of<std::ranges::range_value_t<T>>();
            for (const auto& x : v) element(e, item, type_ns, {}, x, depth + 1);
        }
    }

    template <class T>
    void text(pugi::xml_node e, const T& v) {
        scratch_.clear();
        if constexpr (sstk::string_like<T>) scratch_ = std::string_view(v);
        else if constexpr (std::is_same_v<T, bool>) scratch_ = v ? "true" : "false";
        else if constexpr (std::is_same_v<T, double>) sstk::append_double(scratch_, v, sstk::float_format::shortest, sstk::float_specials::xml);
        else if constexpr (std::is_same_v<T, sstk::guid>) v.append_to(scratch_, sstk::guid_format::d);
        else scratch_ = std::to_string(v);
        // Text is a child node even when empty, so an empty string prints as <X></X>, as sstk's server form.
        e.append_child(pugi::node_pcdata).set_value(scratch_.c_str());
    }

    pugi::xml_document& doc_;
    std::vector<binding> scopes_;
    std::string scratch_;
};

struct string_writer final : pugi::xml_writer {
    std::string* out;
    void write(const void* data, std::size_t size) override { out->append(static_cast<const char*>(data), size); }
};

// ---------------------------------------------------------------- payloads
template <class T>
const T& payload();
template <>
const bench::ResetPassword& payload() { static const auto v = bench::make_request(); return v; }
template <>
const bench::ResetPasswordResponse& payload() { static const auto v = [] { auto r = bench::make_response(); r.ResponseStatus = bench::make_status(); return r; }(); return v; }
template <>
const bench::PasswordReset& payload() { static const auto v = bench::make_password_reset(); return v; }
template <>
const sstk::ResponseStatus& payload() { static const auto v = bench::make_status(); return v; }
template <>
const std::vector<bench::ResetPasswordResponse>& payload() { static const auto v = bench::make_list(); return v; }

template <class T>
std::size_t items(const T& v) {
    if constexpr (sstk::described_class<T>) return 1;
    else return v.size();
}

template <class T>
const std::string& text() {
    static const std::string t = xml::write(payload<T>());
    return t;
}

void report(benchmark::State& state, std::size_t bytes, std::size_t objects) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["ns/object"] = benchmark::Counter(static_cast<double>(state.iterations() * objects),
                                                     benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

template <class T>
void write_sstk(benchmark::State& state) {
    const T& v = payload<T>();
    std::string out;
    out.reserve(1 << 22);
    for (auto _ : state) {
        out.clear();
        xml::write(out, v);
        benchmark::DoNotOptimize(out.data());
    }
    if (out != text<T>()) state.SkipWithError("sstk wrote different bytes");
    report(state, out.size(), items(v));
}

template <class T>
void write_pugixml_dom(benchmark::State& state) {
    const T& v = payload<T>();
    std::string out;
    out.reserve(1 << 22);
    string_writer w;
    w.out = &out;
    for (auto _ : state) {
        out.clear();
        pugi::xml_document doc;
        dom_builder(doc).document(v);
        doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
        benchmark::DoNotOptimize(out.data());
    }
    // pugixml's raw printer writes empty elements as `<X/>` where DataContractSerializer writes
    // `<X />`; apart from that space the bytes must be the same.
    std::string expected = text<T>();
    for (std::size_t at; (at = expected.find(" />")) != std::string::npos;) expected.erase(at, 1);
    if (out != expected) state.SkipWithError("the pugixml DOM printed a different document than sstk");
    report(state, out.size(), items(v));
}

template <class T>
void read_sstk(benchmark::State& state) {
    const std::string& t = text<T>();
    T v{};
    for (auto _ : state) {
        xml::read(t, v);
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("sstk read a different value");
    report(state, t.size(), items(v));
}

template <class T>
void read_pugixml_parse(benchmark::State& state) {
    const std::string& t = text<T>();
    // The options sstk's reader parses with (include/sstk/xml/read.hpp).
    constexpr unsigned options = pugi::parse_escapes | pugi::parse_eol | pugi::parse_cdata | pugi::parse_ws_pcdata | pugi::parse_doctype;
    for (auto _ : state) {
        pugi::xml_document doc;
        const auto r = doc.load_buffer(t.data(), t.size(), options, pugi::encoding_utf8);
        benchmark::DoNotOptimize(r.status);
        benchmark::DoNotOptimize(doc.first_child().internal_object());
    }
    report(state, t.size(), items(payload<T>()));
}

// ---------------------------------------------------------------- Mono DataContractSerializer
// The C# program: `bench <dir> <name>...`: for each name, <dir>/<name>.xml (written by sstk) and
// <dir>/<name>.type (the root type) → "<name>\t<write ns/op>\t<read ns/op>\t<iterations>".
constexpr std::string_view mono_program = R"cs(
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

[assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = "ServiceStack")]

namespace ServiceStack {
    [DataContract] public class ResponseError {
        [DataMember(Order = 1)] public string ErrorCode { get; set; }
        [DataMember(Order = 2)] public string FieldName { get; set; }
        [DataMember(Order = 3)] public string Message { get; set; }
        [DataMember(Order = 4)] public Dictionary<string, string> Meta { get; set; }
    }
    [DataContract] public class ResponseStatus {
        [DataMember(Order = 1)] public string ErrorCode { get; set; }
        [DataMember(Order = 2)] public string Message { get; set; }
        [DataMember(Order = 3)] public string StackTrace { get; set; }
        [DataMember(Order = 4)] public List<ResponseError> Errors { get; set; }
        [DataMember(Order = 5)] public Dictionary<string, string> Meta { get; set; }
    }
}
namespace WebService.ServiceModel.Base {
    public class ApiServiceRequest {
        public string ApiKey { get; set; } public double? Latitude { get; set; } public double? Longitude { get; set; }
    }
    public class ApiServiceResponse {
        public string Description { get; set; } public string Heading { get; set; } public bool? WasSuccessful { get; set; }
        public ServiceStack.ResponseStatus ResponseStatus { get; set; }
    }
}
namespace WebService.ServiceModel {
    public class ResetPassword : WebService.ServiceModel.Base.ApiServiceRequest {
        public string TemporaryPassword { get; set; } public string EmailAddress { get; set; }
        public string Password { get; set; } public string PasswordConfirm { get; set; }
    }
    public class ResetPasswordResponse : WebService.ServiceModel.Base.ApiServiceResponse {
        public int? SystemUserId { get; set; }
    }
}
namespace Eros.Subtle.Canvara.WebAPIModel.ServiceModel {
    public class PasswordReset {
        public string NewPassword { get; set; } public string ConfirmPassword { get; set; } public string Token { get; set; }
        public Guid? ApplianceId { get; set; } public string SubdomainName { get; set; }
    }
}
static class Bench {
    static Type TypeOf(string name) {
        switch (name) {
        case "ResetPassword": return typeof(WebService.ServiceModel.ResetPassword);
        case "ResetPasswordResponse": return typeof(WebService.ServiceModel.ResetPasswordResponse);
        case "PasswordReset": return typeof(Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordReset);
        case "ResponseStatus3": return typeof(ServiceStack.ResponseStatus);
        case "ResponseList10k": return typeof(List<WebService.ServiceModel.ResetPasswordResponse>);
        }
        throw new ArgumentException(name);
    }
    static byte[] Write(Type t, object v) {   // ServiceStack.Text XmlSerializer.SerializeToStream
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            new DataContractSerializer(t).WriteObject(w, v);
        return ms.ToArray();
    }
    static object Read(Type t, string xml) {  // ServiceStack.Text XmlSerializer.DeserializeFromString
        var settings = new XmlReaderSettings { MaxCharactersInDocument = 64 * 1024 * 1024, DtdProcessing = DtdProcessing.Prohibit };
        using (var r = XmlReader.Create(new StringReader(xml), settings))
            return new DataContractSerializer(t).ReadObject(r);
    }
    // ns per call: warm up, then double the batch until it takes >= minMs.
    static double Time(Action a, double minMs, out long n) {
        for (int i = 0; i < 3; ++i) a();
        n = 1;
        while (true) {
            var sw = Stopwatch.StartNew();
            for (long i = 0; i < n; ++i) a();
            sw.Stop();
            if (sw.Elapsed.TotalMilliseconds >= minMs || n >= (1L << 30)) return sw.Elapsed.TotalMilliseconds * 1e6 / n;
            n *= 2;
        }
    }
    static int Main(string[] args) {
        string dir = args[0];
        for (int i = 1; i < args.Length; ++i) {
            string name = args[i];
            Type t = TypeOf(name);
            string xml = File.ReadAllText(Path.Combine(dir, name + ".xml"), new UTF8Encoding(false));
            object v = Read(t, xml);
            string again = Encoding.UTF8.GetString(Write(t, v));
            long nw, nr;
            double w = Time(() => Write(t, v), 500, out nw);
            double r = Time(() => Read(t, xml), 500, out nr);
            Console.WriteLine(name + "\t" + w.ToString("R") + "\t" + r.ToString("R") + "\t" + Math.Min(nw, nr) + "\t" + (again == xml ? "same" : "different"));
        }
        return 0;
    }
}
)cs";

struct mono_result {
    double write_ns = 0, read_ns = 0;
    bool same_bytes = false;
};

struct mono_results {
    std::map<std::string, mono_result> by_payload;
    std::string problem;
};

int run(const std::string& command) {
    const int rc = std::system(command.c_str());
    return rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
}

// Compiles and runs the C# program once for all payloads (first use).
const mono_results& mono() {
    static const mono_results results = [] {
        mono_results m;
        if (run("command -v mcs >/dev/null 2>&1 && command -v mono >/dev/null 2>&1") != 0) {
            m.problem = "mcs/mono not found (Debian: mono-mcs libmono-system-runtime-serialization4.0-cil libmono-system-xml4.0-cil)";
            return m;
        }
        char tmpl[] = "/tmp/sstk_xml_bench_mono.XXXXXX";
        if (!mkdtemp(tmpl)) {
            m.problem = "mkdtemp failed";
            return m;
        }
        const std::filesystem::path dir = tmpl;
        std::ofstream(dir / "bench.cs") << mono_program;
        std::ofstream(dir / "ResetPassword.xml", std::ios::binary) << text<bench::ResetPassword>();
        std::ofstream(dir / "ResetPasswordResponse.xml", std::ios::binary) << text<bench::ResetPasswordResponse>();
        std::ofstream(dir / "PasswordReset.xml", std::ios::binary) << text<bench::PasswordReset>();
        std::ofstream(dir / "ResponseStatus3.xml", std::ios::binary) << text<sstk::ResponseStatus>();
        std::ofstream(dir / "ResponseList10k.xml", std::ios::binary) << text<std::vector<bench::ResetPasswordResponse>>();
        const std::string d = "'" + dir.string() + "'";
        if (run("mcs -optimize+ -r:System.Runtime.Serialization.dll -r:System.Xml.dll -out:" + d + "/bench.exe " + d +
                "/bench.cs >" + d + "/mcs.log 2>&1") != 0) {
            m.problem = "mcs failed, see " + dir.string() + "/mcs.log";
            return m;
        }
        std::fprintf(stderr, "xml_bench: timing Mono's DataContractSerializer in %s (about 10 s)...\n", dir.c_str());
        if (run("mono --optimize=all " + d + "/bench.exe " + d +
                " ResetPassword ResetPasswordResponse PasswordReset ResponseStatus3 ResponseList10k >" + d + "/times.tsv 2>" + d +
                "/mono.log") != 0) {
            m.problem = "the Mono benchmark failed, see " + dir.string() + "/mono.log";
            return m;
        }
        std::ifstream in(dir / "times.tsv");
        for (std::string line; std::getline(in, line);) {
            std::istringstream s(line);
            std::string name, same;
            mono_result r;
            long n = 0;
            s >> name >> r.write_ns >> r.read_ns >> n >> same;
            r.same_bytes = same == "same";
            m.by_payload[name] = r;
        }
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        return m;
    }();
    return results;
}

template <class T>
void mono_dcs(benchmark::State& state, const std::string& name, bool write) {
    const mono_results& m = mono();
    const auto it = m.by_payload.find(name);
    if (!m.problem.empty() || it == m.by_payload.end()) {
        state.SkipWithError(m.problem.empty() ? "no Mono result for this payload" : m.problem.c_str());
        for (auto _ : state) {
        }
        return;
    }
    const double ns = write ? it->second.write_ns : it->second.read_ns;
    for (auto _ : state) state.SetIterationTime(ns * 1e-9);
    if (write && !it->second.same_bytes) state.SkipWithError("Mono wrote different bytes than sstk for this payload");
    report(state, text<T>().size(), items(payload<T>()));
}

template <class T>
void register_payload(const std::string& name) {
    benchmark::RegisterBenchmark(("xml/write/" + name + "/sstk").c_str(), write_sstk<T>);
    benchmark::RegisterBenchmark(("xml/write/" + name + "/pugixml_dom").c_str(), write_pugixml_dom<T>);
    benchmark::RegisterBenchmark(("xml/write/" + name + "/mono_dcs").c_str(), [name](benchmark::State& s) { mono_dcs<T>(s, name, true); })
        ->UseManualTime()
        ->Iterations(1);
    benchmark::RegisterBenchmark(("xml/read/" + name + "/sstk").c_str(), read_sstk<T>);
    benchmark::RegisterBenchmark(("xml/read/" + name + "/pugixml_parse").c_str(), read_pugixml_parse<T>);
    benchmark::RegisterBenchmark(("xml/read/" + name + "/mono_dcs").c_str(), [name](benchmark::State& s) { mono_dcs<T>(s, name, false); })
        ->UseManualTime()
        ->Iterations(1);
}

}  // namespace

int main(int argc, char** argv) {
    register_payload<bench::ResetPassword>("ResetPassword");
    register_payload<bench::ResetPasswordResponse>("ResetPasswordResponse");
    register_payload<bench::PasswordReset>("PasswordReset");
    register_payload<sstk::ResponseStatus>("ResponseStatus3");
    register_payload<std::vector<bench::ResetPasswordResponse>>("ResponseList10k");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
