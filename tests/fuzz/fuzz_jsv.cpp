// libFuzzer target: the JSV reader into the rich test DTOs and the seed DTOs.
//
// Input: byte 0 selects the DTO (low 5 bits, modulo the count) and the read options (bit 5:
// depth limit 4); the rest is the document. A read must succeed or throw sstk::error; a
// successful read written back must read back to an equal object.
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/jsv.hpp>
#include <sstk/types/time_zone.hpp>

namespace {

using namespace sstk_fuzz;
using jsv_dtos = text_dtos;

template <class T>
void fuzz_one(std::string_view doc, unsigned variant) {
    sstk::jsv::read_options ro;
    ro.zone = &sstk::time_zone::utc();
    if (variant & 1) ro.max_depth = 4;
    T a{};
    if (!accepts([&] { sstk::jsv::read(doc, a, ro); })) return;

    sstk::jsv::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    std::string text;
    if (!accepts([&] { text = sstk::jsv::write(a, wo); })) return;
    T b{};
    sstk::jsv::read_options ro2;
    ro2.zone = &sstk::time_zone::utc();
    must_succeed("jsv::read of jsv::write's output", text, [&] { sstk::jsv::read(text, b, ro2); });
    if (!same(a, b)) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail("jsv round trip changed the object");
    }
}

void write_seeds() {
    sstk::jsv::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    for_each_type(jsv_dtos{}, [&](std::size_t i, auto t) {
        using T = typename decltype(t)::type;
        write_seed("gen_" + std::to_string(i) + "_default", static_cast<std::uint8_t>(i), sstk::jsv::write(T{}, wo));
    });
    write_seed("gen_rich", 0, sstk::jsv::write(tt::make_rich(), wo));
    wo.dates = sstk::date_time_format::jsv;
    wo.casing = sstk::casing::camel;
    write_seed("gen_rich_camel_jsvdates", 0, sstk::jsv::write(tt::make_rich(), wo));
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
    dispatch((sel & 0x1f) % jsv_dtos::size, jsv_dtos{}, [&](auto t) { fuzz_one<typename decltype(t)::type>(doc, sel >> 5); });
    return 0;
}
