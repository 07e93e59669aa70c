// libFuzzer target: the CSV reader into lists of the rich test DTOs and the seed DTOs, a single
// DTO, a QueryResponse (its Results tabulated), a list of ints and a list of dictionaries.
//
// Input: byte 0 selects the target type (low 5 bits, modulo the count) and the dialect (bit 5:
// '|' separator and '`' delimiter instead of ',' and '"'; bit 6: depth limit 4); the rest is the
// document. A read must succeed or throw sstk::error; a successful read written back with the
// same separator and delimiter must read back to an equal object (unless it holds an empty
// line: see fuzz_one), "" and null counting as equal (both are an empty cell).
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/csv.hpp>
#include <sstk/types/time_zone.hpp>

#include <map>

namespace {

using namespace sstk_fuzz;
namespace api = sstk::apis;
using csv_types = type_list<std::vector<tt::Rich>, tt::Rich, tt::MovieResponse, std::vector<tt::Child>, std::vector<int>,
                            std::vector<tt::strmap>, std::vector<jt::EchoTypes>, std::vector<tt::DayDto>,
                            std::vector<api::antel_api::ResetPassword>, std::vector<api::antel_api::ResetPasswordResponse>,
                            std::vector<api::platform_api::GetResetPasswordToken>, std::vector<api::platform_api::PasswordResetResponse>,
                            api::ppw_assist::ResetPasswordRequest, std::vector<api::ppw_assist::ResetPasswordResponse>>;

template <class T>
void fuzz_one(std::string_view doc, unsigned variant) {
    sstk::csv::read_options ro;
    sstk::csv::write_options wo;
    ro.zone = wo.zone = &sstk::time_zone::utc();
    if (variant & 1) {
        ro.separator = '|';
        ro.delimiter = '`';
        wo.separator = "|";
        wo.delimiter = "`";
    }
    if (variant & 2) ro.max_depth = 4;
    T a{};
    if (!accepts([&] { sstk::csv::read(doc, a, ro); })) return;

    std::string text;
    if (!accepts([&] { text = sstk::csv::write(a, wo); })) return;
    T b{};
    ro.max_depth = 64;
    must_succeed("csv::read of csv::write's output", text, [&] { sstk::csv::read(text, b, ro); });
    // A row whose cells are all null is an empty line when the DTO has one column, and readers
    // skip empty lines (ServiceStack drops them): such a row cannot come back. Not compared.
    if (text.starts_with("\r\n") || text.find("\r\n\r\n") != std::string::npos) return;
    bool equal = false;
    if constexpr (std::is_same_v<T, std::vector<tt::strmap>>) {
        // Dictionary rows are tabulated under the sorted union of their keys (as ServiceStack
        // does), so a row's key order is not kept: compare them as sorted maps.
        const auto sorted = [](const T& rows) {
            std::vector<std::map<std::string, std::string>> v;
            for (const auto& r : rows) {
                v.emplace_back();
                for (const auto& [k, x] : r)
                    if (!x.empty()) v.back().emplace(k, x);  // "" is written as an empty cell, read as null
            }
            return v;
        };
        equal = sorted(a) == sorted(b);
    } else {
        equal = same(a, b);
    }
    if (!equal) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail("csv round trip changed the object");
    }
}

void write_seeds() {
    sstk::csv::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    for_each_type(csv_types{}, [&](std::size_t i, auto t) {
        using T = typename decltype(t)::type;
        write_seed("gen_" + std::to_string(i) + "_default", static_cast<std::uint8_t>(i), sstk::csv::write(T{}, wo));
    });
    const std::vector<tt::Rich> rich{tt::make_rich(), tt::Rich{}};
    write_seed("gen_rich_list", 0, sstk::csv::write(rich, wo));
    write_seed("gen_rich_one", 1, sstk::csv::write(tt::make_rich(), wo));
    tt::MovieResponse movies;
    movies.Results = std::vector<jt::Movie>{jt::Movie{std::vector<std::string>{"Drama"}, "tag", {}, "dir", sstk::decimal::parse("8.5"), "tt1", "Title, the", 1}};
    write_seed("gen_movies", 2, sstk::csv::write(movies, wo));
    write_seed("gen_ints", 4, sstk::csv::write(std::vector<int>{1, -2, 3}, wo));
    write_seed("gen_maps", 5, sstk::csv::write(std::vector<tt::strmap>{{{"b", "1"}}, {{"a", "2,\"x\""}, {"b", "3"}}}, wo));
    wo.separator = "|";
    wo.delimiter = "`";
    write_seed("gen_rich_list_pipe", 0x20, sstk::csv::write(rich, wo));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    compare_date_kinds = false;    // JSV dates: see fuzz_common.hpp
    empty_string_is_null = true;   // "" and null are both an empty cell
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
    dispatch((sel & 0x1f) % csv_types::size, csv_types{}, [&](auto t) { fuzz_one<typename decltype(t)::type>(doc, sel >> 5); });
    return 0;
}
