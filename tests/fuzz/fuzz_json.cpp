// libFuzzer target: the JSON reader (both dialects) into the rich test DTOs and the seed DTOs.
//
// Input: byte 0 selects the DTO (low 5 bits, modulo the count) and the read options (bits 5-6:
// defaults, unknown members collected, Unix-millisecond dates, depth limit 4); the rest is the
// document. A read must succeed or throw sstk::error. A successful read is written back in each
// dialect (ServiceStack.Text PascalCase with ISO 8601 dates, System.Text.Json camelCase); that
// text must read back to an equal object (DateTime kinds aside: see fuzz_common.hpp).
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/json.hpp>
#include <sstk/types/time_zone.hpp>

namespace {

using namespace sstk_fuzz;
using json_dtos = text_dtos;

sstk::json::read_options read_options_for(unsigned variant, std::vector<sstk::json::unknown_member>* unknown) {
    sstk::json::read_options o;
    o.zone = &sstk::time_zone::utc();
    switch (variant) {
    case 1:
        o.unknown_members = sstk::json::unknown_member_policy::collect;
        o.unknown = unknown;
        break;
    case 2: o.date_handler = sstk::json::date_handler::unix_time_ms; break;
    case 3: o.max_depth = 4; break;
    default: break;
    }
    return o;
}

template <class T>
void fuzz_one(std::string_view doc, unsigned variant) {
    std::vector<sstk::json::unknown_member> unknown;
    const auto ro = read_options_for(variant, &unknown);
    T a{};
    if (!accepts([&] { sstk::json::read(doc, a, ro); })) return;

    for (const auto d : {sstk::json::dialect::servicestack_text, sstk::json::dialect::system_text_json}) {
        auto wo = sstk::json::write_options::for_dialect(d);
        wo.zone = &sstk::time_zone::utc();
        // ISO 8601 ("o", 7 fraction digits): the default /Date(ms)/ keeps only milliseconds.
        wo.date_handler = sstk::json::date_handler::iso8601;
        std::string text;
        if (!accepts([&] { text = sstk::json::write(a, wo); })) continue;  // a value the dialect cannot write
        T b{};
        const auto ro2 = read_options_for(0, nullptr);
        must_succeed("json::read of json::write's output", text, [&] { sstk::json::read(text, b, ro2); });
        if (!same(a, b)) {
            std::fprintf(stderr, "sstk fuzz: written (dialect %d): %s\n", static_cast<int>(d), text.c_str());
            fail("json round trip changed the object");
        }
    }
}

void write_seeds() {
    // Every DTO in each dialect, default-constructed, plus the populated rich DTOs.
    for_each_type(json_dtos{}, [](std::size_t i, auto t) {
        using T = typename decltype(t)::type;
        for (const auto d : {sstk::json::dialect::servicestack_text, sstk::json::dialect::system_text_json})
            write_seed("gen_" + std::to_string(i) + "_default_" + std::to_string(static_cast<int>(d)), static_cast<std::uint8_t>(i),
                       sstk::json::write(T{}, sstk::json::write_options::for_dialect(d)));
    });
    for (const auto d : {sstk::json::dialect::servicestack_text, sstk::json::dialect::system_text_json}) {
        auto wo = sstk::json::write_options::for_dialect(d);
        wo.zone = &sstk::time_zone::utc();
        write_seed("gen_rich_" + std::to_string(static_cast<int>(d)), 0, sstk::json::write(tt::make_rich(), wo));
        tt::FindMovies f;
        f.Genres = std::vector<std::string>{"Drama", "Sci-Fi"};
        f.Ids = std::vector<int>{1, 2};
        f.Take = 3;
        f.Title = "t";
        f.Filter = jt::Obj{1, 2, "x"};
        write_seed("gen_findmovies_" + std::to_string(static_cast<int>(d)), 5, sstk::json::write(f, wo));
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    compare_date_kinds = false;
    if (seed_dir()) {
        write_seeds();
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
    const unsigned sel = data[0];
    dispatch((sel & 0x1f) % json_dtos::size, json_dtos{}, [&](auto t) { fuzz_one<typename decltype(t)::type>(doc, (sel >> 5) & 3); });
    return 0;
}
