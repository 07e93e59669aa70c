// Every codec from many threads at once: shared immutable options, a DTO per thread, concurrent
// writes and reads whose results are checked. Clean under ASan (and meant to be under TSan).
#include "robust_dtos.hpp"

#include <sstk/csv.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/xml.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace sstk;

namespace {

constexpr int threads = 4;
constexpr int iterations = 200;

robust::Item item_for(int thread, int i) {
    robust::Item item;
    item.Id = thread * 100000 + i;
    item.Name = "thread " + std::to_string(thread) + " \xC3\xA9 item " + std::to_string(i);
    item.Numbers = {thread, i, thread * i};
    item.Counts = {{"t" + std::to_string(thread), i}};
    item.Ratio = thread + i / 8.0;
    return item;
}

robust::Login login_for(int thread, int i) {
    robust::Login l;
    l.UserName = "user" + std::to_string(thread);
    l.Password = i;
    l.Token = date_time::from_civil(2020 + thread, 1 + i % 12, 1 + i % 28, 1, 2, 3, 0, date_time_kind::utc);
    l.AccessTokens = {i};
    l.Age = thread;
    return l;
}

// Runs body(thread, iteration) on `threads` threads; returns how many checks failed.
template <class F>
int run(F body) {
    std::atomic<int> failures{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            while (!go.load()) std::this_thread::yield();
            for (int i = 0; i < iterations; ++i) {
                try {
                    if (!body(t, i)) failures.fetch_add(1);
                } catch (...) {
                    failures.fetch_add(1);
                }
            }
        });
    go.store(true);
    for (std::thread& th : pool) th.join();
    return failures.load();
}

}  // namespace

TEST_CASE("JSON from many threads") {
    const json::write_options wo = json::write_options::for_dialect(json::dialect::system_text_json);
    const json::write_options classic;
    const json::read_options ro;  // zone nullptr: every thread uses the process's zone
    CHECK(run([&](int t, int i) {
              const robust::Item item = item_for(t, i);
              robust::Item back;
              json::read(json::write(item, t % 2 ? wo : classic), back, ro);
              const robust::Login login = login_for(t, i);
              const bool failed = !json::try_read<robust::Item>(R"({"Id":"x"})", ro).has_value();
              return back == item && json::read<robust::Login>(json::write(login), ro) == login && failed;
          }) == 0);
}

TEST_CASE("XML from many threads") {
    const xml::write_options wo;
    const xml::read_options ro;
    CHECK(run([&](int t, int i) {
              const robust::Item item = item_for(t, i);
              const robust::Login login = login_for(t, i);
              return xml::read<robust::Item>(xml::write(item, wo), ro) == item &&
                     xml::read<robust::Login>(xml::write(login, wo), ro) == login;
          }) == 0);
}

TEST_CASE("JSV from many threads") {
    const jsv::write_options wo;
    const jsv::read_options ro;
    CHECK(run([&](int t, int i) {
              const robust::Item item = item_for(t, i);
              const robust::Login login = login_for(t, i);
              return jsv::read<robust::Item>(jsv::write(item, wo), ro) == item &&
                     jsv::read<robust::Login>(jsv::write(login, wo), ro) == login;
          }) == 0);
}

TEST_CASE("CSV from many threads") {
    const csv::write_options wo;
    const csv::read_options ro;
    CHECK(run([&](int t, int i) {
              const std::vector<robust::Item> rows{item_for(t, i), item_for(t, i + 1)};
              return csv::read<std::vector<robust::Item>>(csv::write(rows, wo), ro) == rows;
          }) == 0);
}

TEST_CASE("query strings from many threads") {
    const query::write_options wo = query::write_options::for_style(query::style::query_string_serializer);
    const query::read_options ro;
    CHECK(run([&](int t, int i) {
              const robust::Item item = item_for(t, i);
              return query::read<robust::Item>(query::write(item, wo), ro) == item;
          }) == 0);
}

TEST_CASE("all codecs at once") {
    CHECK(run([&](int t, int i) {
              const robust::Item item = item_for(t, i);
              switch ((t + i) % 5) {
              case 0: return json::read<robust::Item>(json::write(item)) == item;
              case 1: return xml::read<robust::Item>(xml::write(item)) == item;
              case 2: return jsv::read<robust::Item>(jsv::write(item)) == item;
              case 3: return csv::read<robust::Item>(csv::write(item)) == item;
              default: return query::read<robust::Item>(query::write(item, query::write_options::for_style(query::style::query_string_serializer))) == item;
              }
          }) == 0);
}
