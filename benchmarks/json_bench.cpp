// JSON benchmarks: sstk against Boost.JSON (value_from/value_to on the same structs), RapidJSON
// and nlohmann/json, in one binary. Names: json/<write|read>/<payload>/<impl>.
//
// The peers get the same structs through a small Boost.Describe adapter each (what a user of
// those libraries would write once), and write into / read from the same text.
#include "payloads.hpp"

#include <sstk/json.hpp>

#include <benchmark/benchmark.h>
#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/json/src.hpp>
#include <nlohmann/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace bd = boost::describe;
namespace mp = boost::mp11;

template <class T>
using all_members = bd::describe_members<T, bd::mod_public | bd::mod_inherited>;

template <class T>
concept described = bd::has_describe_members<T>::value;

// ---------------------------------------------------------------- Boost.JSON
// Boost.JSON 1.81 converts described structs natively but not ones with bases: these
// overloads cover those (the antel DTOs), found by ADL.
namespace sstk::apis::antel_api {
template <class T>
    requires(!mp::mp_empty<bd::describe_bases<T, bd::mod_public>>::value)
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const T& v) {
    auto& o = jv.emplace_object();
    mp::mp_for_each<all_members<T>>([&](auto d) { o[d.name] = boost::json::value_from(v.*d.pointer); });
}
template <class T>
    requires(!mp::mp_empty<bd::describe_bases<T, bd::mod_public>>::value)
T tag_invoke(const boost::json::value_to_tag<T>&, const boost::json::value& jv) {
    T v{};
    const auto& o = jv.as_object();
    mp::mp_for_each<all_members<T>>([&](auto d) {
        if (const auto* m = o.if_contains(d.name))
            v.*d.pointer = boost::json::value_to<std::remove_cvref_t<decltype(v.*d.pointer)>>(*m);
    });
    return v;
}
}  // namespace sstk::apis::antel_api

namespace sstk {
inline void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const guid& g) { jv = g.to_string(guid_format::n); }
inline guid tag_invoke(const boost::json::value_to_tag<guid>&, const boost::json::value& jv) { return guid::parse(jv.as_string()); }
}  // namespace sstk

// ---------------------------------------------------------------- RapidJSON (SAX writer, DOM reader)
namespace rj {
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

template <class T>
void write(Writer& w, const T& v) {
    if constexpr (sstk::is_optional_v<T>) {
        if (v) write(w, *v);
        else w.Null();
    } else if constexpr (std::is_same_v<T, bool>) {
        w.Bool(v);
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        w.Int(v);
    } else if constexpr (std::is_same_v<T, double>) {
        w.Double(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
        w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    } else if constexpr (std::is_same_v<T, sstk::guid>) {
        const std::string s = v.to_string(sstk::guid_format::n);
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    } else if constexpr (described<T>) {
        w.StartObject();
        mp::mp_for_each<all_members<T>>([&](auto d) {
            const auto& m = v.*d.pointer;
            if constexpr (sstk::is_optional_v<std::remove_cvref_t<decltype(m)>>)
                if (!m) return;
            w.Key(d.name);
            write(w, m);
        });
        w.EndObject();
    } else if constexpr (sstk::map_like<T>) {
        w.StartObject();
        for (const auto& [k, item] : v) {
            w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
            write(w, item);
        }
        w.EndObject();
    } else {
        w.StartArray();
        for (const auto& item : v) write(w, item);
        w.EndArray();
    }
}

template <class T>
void read(const rapidjson::Value& j, T& v) {
    if constexpr (sstk::is_optional_v<T>) {
        if (j.IsNull()) v.reset();
        else read(j, v.emplace());
    } else if constexpr (std::is_same_v<T, bool>) {
        v = j.GetBool();
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        v = j.GetInt();
    } else if constexpr (std::is_same_v<T, double>) {
        v = j.GetDouble();
    } else if constexpr (std::is_same_v<T, std::string>) {
        v.assign(j.GetString(), j.GetStringLength());
    } else if constexpr (std::is_same_v<T, sstk::guid>) {
        v = sstk::guid::parse(std::string_view(j.GetString(), j.GetStringLength()));
    } else if constexpr (described<T>) {
        mp::mp_for_each<all_members<T>>([&](auto d) {
            const auto it = j.FindMember(d.name);
            if (it != j.MemberEnd()) read(it->value, v.*d.pointer);
        });
    } else if constexpr (sstk::map_like<T>) {
        for (auto it = j.MemberBegin(); it != j.MemberEnd(); ++it)
            read(it->value, v[std::string(it->name.GetString(), it->name.GetStringLength())]);
    } else {
        v.clear();
        for (const auto& item : j.GetArray()) read(item, v.emplace_back());
    }
}
}  // namespace rj

// ---------------------------------------------------------------- nlohmann/json
namespace nl {
template <class T>
nlohmann::json to(const T& v) {
    if constexpr (sstk::is_optional_v<T>) {
        return v ? to(*v) : nlohmann::json(nullptr);
    } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int32_t> || std::is_same_v<T, double> ||
                         std::is_same_v<T, std::string>) {
        return v;
    } else if constexpr (std::is_same_v<T, sstk::guid>) {
        return v.to_string(sstk::guid_format::n);
    } else if constexpr (described<T>) {
        nlohmann::json o = nlohmann::json::object();
        mp::mp_for_each<all_members<T>>([&](auto d) {
            const auto& m = v.*d.pointer;
            if constexpr (sstk::is_optional_v<std::remove_cvref_t<decltype(m)>>)
                if (!m) return;
            o[d.name] = to(m);
        });
        return o;
    } else if constexpr (sstk::map_like<T>) {
        nlohmann::json o = nlohmann::json::object();
        for (const auto& [k, item] : v) o[k] = to(item);
        return o;
    } else {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& item : v) a.push_back(to(item));
        return a;
    }
}

template <class T>
void from(const nlohmann::json& j, T& v) {
    if constexpr (sstk::is_optional_v<T>) {
        if (j.is_null()) v.reset();
        else from(j, v.emplace());
    } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int32_t> || std::is_same_v<T, double> ||
                         std::is_same_v<T, std::string>) {
        j.get_to(v);
    } else if constexpr (std::is_same_v<T, sstk::guid>) {
        v = sstk::guid::parse(j.get_ref<const std::string&>());
    } else if constexpr (described<T>) {
        mp::mp_for_each<all_members<T>>([&](auto d) {
            const auto it = j.find(d.name);
            if (it != j.end()) from(*it, v.*d.pointer);
        });
    } else if constexpr (sstk::map_like<T>) {
        for (const auto& [k, item] : j.items()) from(item, v[k]);
    } else {
        v.clear();
        for (const auto& item : j) from(item, v.emplace_back());
    }
}
}  // namespace nl

// ---------------------------------------------------------------- benchmarks
namespace {

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
    if constexpr (described<T>) return 1;
    else return v.size();
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
    out.reserve(1 << 20);
    for (auto _ : state) {
        out.clear();
        sstk::json::write(out, v);
        benchmark::DoNotOptimize(out.data());
    }
    report(state, out.size(), items(v));
}

template <class T>
void write_boost_json(benchmark::State& state) {
    const T& v = payload<T>();
    std::string out;
    for (auto _ : state) {
        out = boost::json::serialize(boost::json::value_from(v));
        benchmark::DoNotOptimize(out.data());
    }
    report(state, out.size(), items(v));
}

template <class T>
void write_rapidjson(benchmark::State& state) {
    const T& v = payload<T>();
    rapidjson::StringBuffer sb;
    for (auto _ : state) {
        sb.Clear();
        rj::Writer w(sb);
        rj::write(w, v);
        benchmark::DoNotOptimize(sb.GetString());
    }
    report(state, sb.GetSize(), items(v));
}

template <class T>
void write_nlohmann(benchmark::State& state) {
    const T& v = payload<T>();
    std::string out;
    for (auto _ : state) {
        out = nl::to(v).dump();
        benchmark::DoNotOptimize(out.data());
    }
    report(state, out.size(), items(v));
}

template <class T>
const std::string& text() {
    static const std::string t = sstk::json::write(payload<T>());
    return t;
}

template <class T>
void read_sstk(benchmark::State& state) {
    const std::string& t = text<T>();
    T v{};
    for (auto _ : state) {
        sstk::json::read(t, v);
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("sstk read a different value");
    report(state, t.size(), items(v));
}

// Boost.JSON's value_to for described structs requires every member key, nulls included.
template <class T>
const std::string& text_with_nulls() {
    static const std::string t = [] {
        sstk::json::write_options o;
        o.include_null_values = true;
        return sstk::json::write(payload<T>(), o);
    }();
    return t;
}

template <class T>
void read_boost_json(benchmark::State& state) {
    const std::string& t = text_with_nulls<T>();
    T v{};
    for (auto _ : state) {
        v = boost::json::value_to<T>(boost::json::parse(t));
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("boost_json read a different value");
    report(state, t.size(), items(v));
}

template <class T>
void read_rapidjson(benchmark::State& state) {
    const std::string& t = text<T>();
    T v{};
    for (auto _ : state) {
        rapidjson::Document d;
        d.Parse(t.data(), t.size());
        v = T{};
        rj::read(d, v);
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("rapidjson read a different value");
    report(state, t.size(), items(v));
}

template <class T>
void read_nlohmann(benchmark::State& state) {
    const std::string& t = text<T>();
    T v{};
    for (auto _ : state) {
        v = T{};
        nl::from(nlohmann::json::parse(t), v);
        benchmark::DoNotOptimize(&v);
    }
    if (!(v == payload<T>())) state.SkipWithError("nlohmann read a different value");
    report(state, t.size(), items(v));
}

template <class T>
void register_payload(const std::string& name) {
    benchmark::RegisterBenchmark(("json/write/" + name + "/sstk").c_str(), write_sstk<T>);
    benchmark::RegisterBenchmark(("json/write/" + name + "/boost_json").c_str(), write_boost_json<T>);
    benchmark::RegisterBenchmark(("json/write/" + name + "/rapidjson").c_str(), write_rapidjson<T>);
    benchmark::RegisterBenchmark(("json/write/" + name + "/nlohmann").c_str(), write_nlohmann<T>);
    benchmark::RegisterBenchmark(("json/read/" + name + "/sstk").c_str(), read_sstk<T>);
    benchmark::RegisterBenchmark(("json/read/" + name + "/boost_json").c_str(), read_boost_json<T>);
    benchmark::RegisterBenchmark(("json/read/" + name + "/rapidjson").c_str(), read_rapidjson<T>);
    benchmark::RegisterBenchmark(("json/read/" + name + "/nlohmann").c_str(), read_nlohmann<T>);
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
