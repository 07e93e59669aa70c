// libFuzzer target: the query-string and form reader into the rich test DTOs and the seed DTOs.
//
// Input: byte 0 selects the DTO (low 5 bits, modulo the count) and the read options (bit 5:
// depth limit 4; bit 6: '+' kept, as in a path); the rest is the document. A read must succeed or throw sstk::error; a
// successful read written back must read back to an equal object.
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/query.hpp>
#include <sstk/types/time_zone.hpp>

namespace {

using namespace sstk_fuzz;
using query_dtos = text_dtos;

template <class T>
void fuzz_one(std::string_view doc, unsigned variant) {
    sstk::query::read_options ro;
    ro.zone = &sstk::time_zone::utc();
    if (variant & 1) ro.max_depth = 4;
    if (variant & 2) ro.plus_as_space = false;
    T a{};
    if (!accepts([&] { sstk::query::read(doc, a, ro); })) return;

    sstk::query::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    std::string text;
    if (!accepts([&] { text = sstk::query::write(a, wo); })) return;
    T b{};
    sstk::query::read_options ro2;
    ro2.zone = &sstk::time_zone::utc();
    must_succeed("query::read of query::write's output", text, [&] { sstk::query::read(text, b, ro2); });
    if (!same(a, b)) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail("query round trip changed the object");
    }
}

void write_seeds() {
    sstk::query::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    for_each_type(query_dtos{}, [&](std::size_t i, auto t) {
        using T = typename decltype(t)::type;
        write_seed("gen_" + std::to_string(i) + "_default", static_cast<std::uint8_t>(i), sstk::query::write(T{}, wo));
    });
    write_seed("gen_rich", 0, sstk::query::write(tt::make_rich(), wo));
    wo = sstk::query::write_options::for_style(sstk::query::style::query_string_serializer);
    wo.zone = &sstk::time_zone::utc();
    write_seed("gen_rich_qss_style", 0, sstk::query::write(tt::make_rich(), wo));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    compare_date_kinds = false;  // JSV dates: see fuzz_common.hpp
    servicestack_time_spans_lossy = true;  // TimeSpans are ServiceStack's text, which goes through a double
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
    dispatch((sel & 0x1f) % query_dtos::size, query_dtos{}, [&](auto t) { fuzz_one<typename decltype(t)::type>(doc, sel >> 5); });
    return 0;
}
