// A bounded load run against the sstk service host on loopback (issue 9): many concurrent
// keep-alive HTTP/1.1 connections driven by the asynchronous client on a few threads, a small
// request (POST /hello, one string member; the response one string member) for a fixed time
// per format, reporting requests/s and latency percentiles. Every response is checked.
//
//   sstk_http_load [--seconds 10] [--warmup 1] [--connections 64] [--client-threads 1]
//                  [--host-threads 2] [--formats json,xml,csv,jsv] [--json results.json]
//
// Latency is measured per request from the call to its completion handler (client encode,
// both directions of loopback I/O, host decode/dispatch/encode, client decode). Only requests
// completing inside the timed window count; the warm-up opens the connections. The process's
// CPU time (host and client together) over the whole run of a format, divided by all the requests
// it completed, is the cost of a request independent of how much of the machine the run got.
#include <sys/resource.h>

#include <sstk/client/async_client.hpp>
#include <sstk/host/service_host.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/describe/class.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace load {
struct HelloResponse {
    std::optional<std::string> Result;
    std::optional<sstk::ResponseStatus> ResponseStatus;
};
BOOST_DESCRIBE_STRUCT(HelloResponse, (), (Result, ResponseStatus))
constexpr auto sstk_contract(sstk::type_tag<HelloResponse>) { return sstk::contract("HelloResponse").clr_namespace("Load"); }

struct Hello {
    std::optional<std::string> Name;
};
BOOST_DESCRIBE_STRUCT(Hello, (), (Name))
constexpr auto sstk_contract(sstk::type_tag<Hello>) {
    return sstk::contract("Hello").clr_namespace("Load").returns<HelloResponse>().routes(sstk::route("/hello", "POST"));
}
}  // namespace load

namespace {

using clock_type = std::chrono::steady_clock;
using sstk::http::format;

struct settings {
    double seconds = 10;
    double warmup = 1;
    int connections = 64;
    int client_threads = 1;
    unsigned host_threads = 2;
    std::vector<format> formats{format::json, format::xml, format::csv, format::jsv};
    std::string json_out;
};

struct run_result {
    format f{};
    double seconds = 0;
    std::size_t requests = 0;
    std::size_t errors = 0;
    std::size_t connections_opened = 0;
    double p50_us = 0, p90_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
    double cpu_us_per_request = 0;  // user + system time of the process, host and client
    double cpu_share = 0;           // CPU time / wall time: how many cores the run got
    std::string first_error;
};

std::vector<double> loadavg() {
    std::vector<double> v(3, 0.0);
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf %lf %lf", &v[0], &v[1], &v[2]) != 3) v.assign(3, 0.0);
        std::fclose(f);
    }
    return v;
}

// One client thread: its own io_context and async_client, `connections` request loops.
struct driver {
    driver(const std::string& url, format f, int connections, clock_type::time_point window_start, clock_type::time_point window_end)
        : client(ioc, url, options(f)), loops(connections), start(window_start), end(window_end) {
        latencies_ns.reserve(1 << 20);
    }

    static sstk::client::client_options options(format f) {
        sstk::client::client_options o;
        o.format = f;
        o.max_retries = 0;
        o.request_timeout = std::chrono::seconds(10);
        return o;
    }

    void run() {
        for (int i = 0; i < loops; ++i) issue(i);
        ioc.run();
    }

    void issue(int loop) {
        const auto sent = clock_type::now();
        if (sent >= end) return;
        load::Hello req;
        req.Name = "n" + std::to_string(loop);
        client.async_post(req, [this, loop, sent](sstk::client::client_result<load::HelloResponse> r) {
            const auto done = clock_type::now();
            const bool ok = r && r->Result && r->Result->size() == 7 + std::to_string(loop).size() + 1;
            ++completed;
            if (done >= start && done < end) {
                if (ok) latencies_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(done - sent).count());
                else ++errors;
            }
            if (!ok && first_error.empty()) first_error = r ? "unexpected response" : r.error().message;
            issue(loop);
        });
    }

    boost::asio::io_context ioc{1};
    sstk::client::async_client client;
    int loops;
    clock_type::time_point start, end;
    std::vector<long long> latencies_ns;
    std::size_t errors = 0;
    std::size_t completed = 0;  // over the whole run, warm-up included
    std::string first_error;
};

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(const std::vector<long long>& sorted, double p) {
    if (sorted.empty()) return 0;
    const std::size_t i = std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())));
    return static_cast<double>(sorted[i]) / 1000.0;
}

run_result run_format(const std::string& url, format f, const settings& s) {
    const double cpu0 = cpu_seconds();
    const auto t0 = clock_type::now();
    const auto start = t0 + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(s.warmup));
    const auto end = start + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(s.seconds));
    std::vector<std::unique_ptr<driver>> drivers;
    for (int t = 0; t < s.client_threads; ++t) {
        const int n = s.connections / s.client_threads + (t < s.connections % s.client_threads ? 1 : 0);
        drivers.push_back(std::make_unique<driver>(url, f, n, start, end));
    }
    std::vector<std::thread> threads;
    for (auto& d : drivers) threads.emplace_back([&d] { d->run(); });
    for (auto& t : threads) t.join();
    const double cpu = cpu_seconds() - cpu0;
    const double wall = std::chrono::duration<double>(clock_type::now() - t0).count();

    run_result r;
    std::size_t completed = 0;
    for (auto& d : drivers) completed += d->completed;
    r.cpu_us_per_request = completed ? cpu * 1e6 / static_cast<double>(completed) : 0;
    r.cpu_share = wall > 0 ? cpu / wall : 0;
    r.f = f;
    r.seconds = s.seconds;
    std::vector<long long> all;
    for (auto& d : drivers) {
        all.insert(all.end(), d->latencies_ns.begin(), d->latencies_ns.end());
        r.errors += d->errors;
        r.connections_opened += d->client.connections_opened();
        if (r.first_error.empty()) r.first_error = d->first_error;
    }
    std::sort(all.begin(), all.end());
    r.requests = all.size();
    r.p50_us = percentile(all, 0.50);
    r.p90_us = percentile(all, 0.90);
    r.p99_us = percentile(all, 0.99);
    r.p999_us = percentile(all, 0.999);
    r.max_us = all.empty() ? 0 : static_cast<double>(all.back()) / 1000.0;
    return r;
}

std::vector<format> parse_formats(const std::string& list) {
    std::vector<format> out;
    std::size_t pos = 0;
    while (pos <= list.size()) {
        const std::size_t comma = std::min(list.find(',', pos), list.size());
        const std::string name = list.substr(pos, comma - pos);
        if (name == "json") out.push_back(format::json);
        else if (name == "xml") out.push_back(format::xml);
        else if (name == "csv") out.push_back(format::csv);
        else if (name == "jsv") out.push_back(format::jsv);
        else throw std::invalid_argument("unknown format '" + name + "' (json, xml, csv, jsv)");
        pos = comma + 1;
    }
    return out;
}

settings parse(int argc, char** argv) {
    settings s;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--seconds") s.seconds = std::stod(value());
        else if (a == "--warmup") s.warmup = std::stod(value());
        else if (a == "--connections") s.connections = std::stoi(value());
        else if (a == "--client-threads") s.client_threads = std::stoi(value());
        else if (a == "--host-threads") s.host_threads = static_cast<unsigned>(std::stoi(value()));
        else if (a == "--formats") s.formats = parse_formats(value());
        else if (a == "--json") s.json_out = value();
        else throw std::invalid_argument("unknown option " + a);
    }
    if (s.seconds <= 0 || s.warmup < 0 || s.connections < 1 || s.client_threads < 1 || s.host_threads < 1 ||
        s.client_threads > s.connections)
        throw std::invalid_argument("--seconds > 0, --warmup >= 0, 1 <= --client-threads <= --connections, --host-threads >= 1");
    return s;
}

const char* name_of(format f) { return f == format::json ? "json" : f == format::xml ? "xml" : f == format::csv ? "csv" : "jsv"; }

}  // namespace

int main(int argc, char** argv) {
    settings s;
    try {
        s = parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "sstk_http_load: " << e.what() << '\n';
        return 2;
    }
    sstk::host::host_options ho;
    ho.threads = s.host_threads;
    sstk::host::service_host host(ho);
    host.handle<load::Hello>([](const load::Hello& req) {
        load::HelloResponse r;
        r.Result = "Hello, " + req.Name.value_or("");
        return r;
    });
    const auto port = host.listen("127.0.0.1", 0);
    host.start();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);

    const auto load_before = loadavg();
    std::vector<run_result> results;
    std::vector<std::vector<double>> loads;
    for (const format f : s.formats) {
        results.push_back(run_format(url, f, s));
        loads.push_back(loadavg());
        const run_result& r = results.back();
        std::printf("%-4s %9.0f req/s  p50 %7.0f us  p90 %7.0f us  p99 %7.0f us  p99.9 %7.0f us  max %7.0f us  errors %zu  connections %zu  "
                    "CPU %.1f us/request on %.2f cores  load %.2f\n",
                    name_of(f), static_cast<double>(r.requests) / r.seconds, r.p50_us, r.p90_us, r.p99_us, r.p999_us, r.max_us, r.errors,
                    r.connections_opened, r.cpu_us_per_request, r.cpu_share, loads.back()[0]);
        if (!r.first_error.empty()) std::printf("     first error: %s\n", r.first_error.c_str());
        std::fflush(stdout);
    }
    host.stop();

    if (!s.json_out.empty()) {
        std::ofstream out(s.json_out);
        out << "{\"settings\":{\"seconds\":" << s.seconds << ",\"warmup\":" << s.warmup << ",\"connections\":" << s.connections
            << ",\"client_threads\":" << s.client_threads << ",\"host_threads\":" << s.host_threads
            << ",\"nproc\":" << std::thread::hardware_concurrency() << "},\"loadavg_before\":[" << load_before[0] << ","
            << load_before[1] << "," << load_before[2] << "],\"runs\":[";
        for (std::size_t i = 0; i < results.size(); ++i) {
            const run_result& r = results[i];
            out << (i ? "," : "") << "{\"format\":\"" << name_of(r.f) << "\",\"requests\":" << r.requests << ",\"seconds\":" << r.seconds
                << ",\"requests_per_second\":" << static_cast<double>(r.requests) / r.seconds << ",\"errors\":" << r.errors
                << ",\"connections_opened\":" << r.connections_opened << ",\"p50_us\":" << r.p50_us << ",\"p90_us\":" << r.p90_us
                << ",\"p99_us\":" << r.p99_us << ",\"p999_us\":" << r.p999_us << ",\"max_us\":" << r.max_us
                << ",\"cpu_us_per_request\":" << r.cpu_us_per_request << ",\"cpu_share\":" << r.cpu_share << ",\"loadavg_after\":["
                << loads[i][0] << "," << loads[i][1] << "," << loads[i][2] << "]}";
        }
        out << "]}\n";
    }
    std::size_t errors = 0;
    for (const run_result& r : results) errors += r.errors;
    return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
