// libFuzzer target: every value-type parser of include/sstk/types, selected by the first byte.
//
// Input: byte 0 % 9 picks the parser, byte 0 / 9 its variant (syntax, options, width); the rest
// is the text. Each parse must succeed or throw sstk::error. A parsed value written back in a
// lossless format must parse back to the same value:
//   0 date_time         servicestack / xsd / iso8601 / unix_seconds / unix_ms syntax (zone UTC),
//                       back through iso8601 ("o") and xsd
//   1 date_time_offset  servicestack / iso8601 / xsd, back through iso8601 and xsd
//   2 time_span         xsd / servicestack / constant, back through xsd and constant (exact)
//   3 guid              any form, then N/D/B/P each; back through every format
//   4 decimal           plain / exponent / whitespace / both; back through to_string, scale kept
//                       (and sign, but for zero: -0 prints as 0, as in .NET)
//   5 floating          double and float, xml and json syntax; back through shortest text, bit-exact
//   6 integer           int8 ... uint64, plain and XmlConvert options; back through decimal text
//   7 base64            plain and whitespace-skipping; back through to_base64
//   8 char16            UTF-8 and number; back through the same spelling
#include "fuzz_common.hpp"

#include <sstk/types/base64.hpp>
#include <sstk/types/char16.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/date_time_offset.hpp>
#include <sstk/types/decimal.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/integer.hpp>
#include <sstk/types/time_span.hpp>
#include <sstk/types/time_zone.hpp>

#include <bit>
#include <cmath>
#include <cstring>

namespace {

using namespace sstk_fuzz;

template <class V, class Write, class Parse>
void round_trip(const V& v, Write&& write, Parse&& parse, const char* what) {
    std::string text;
    if (!accepts([&] { text = write(v); })) return;  // a value that format cannot spell
    V w{};
    must_succeed(what, text, [&] { w = parse(text); });
    if (!(w == v)) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail(what, "round trip changed the value");
    }
}

void fuzz_date_time(std::string_view s, unsigned variant) {
    using sstk::date_time;
    const auto& utc = sstk::time_zone::utc();
    const auto syn = static_cast<sstk::date_time_syntax>(variant % 5);
    date_time v;
    if (!accepts([&] { v = date_time::parse(s, syn, utc); })) return;
    round_trip(
        v, [&](date_time d) { return d.to_string(sstk::date_time_format::iso8601, utc); },
        [&](const std::string& t) { return date_time::parse(t, sstk::date_time_syntax::iso8601, utc); }, "date_time iso8601");
    round_trip(
        v, [&](date_time d) { return d.to_string(sstk::date_time_format::xsd, utc); },
        [&](const std::string& t) { return date_time::parse(t, sstk::date_time_syntax::xsd, utc); }, "date_time xsd");
}

void fuzz_date_time_offset(std::string_view s, unsigned variant) {
    using sstk::date_time_offset;
    const auto& utc = sstk::time_zone::utc();
    const auto syn = static_cast<sstk::date_time_offset_syntax>(variant % 3);
    date_time_offset v;
    if (!accepts([&] { v = date_time_offset::parse(s, syn, utc); })) return;
    round_trip(
        v, [&](date_time_offset d) { return d.to_string(sstk::date_time_offset_format::iso8601); },
        [&](const std::string& t) { return date_time_offset::parse(t, sstk::date_time_offset_syntax::iso8601, utc); },
        "date_time_offset iso8601");
    round_trip(
        v, [&](date_time_offset d) { return d.to_string(sstk::date_time_offset_format::xsd); },
        [&](const std::string& t) { return date_time_offset::parse(t, sstk::date_time_offset_syntax::xsd, utc); },
        "date_time_offset xsd");
}

void fuzz_time_span(std::string_view s, unsigned variant) {
    using sstk::time_span;
    const unsigned k = variant % 3;
    time_span v;
    if (!accepts([&] { v = time_span::parse(s, static_cast<sstk::time_span_syntax>(k)); })) return;
    // xsd and constant ("c") are exact; the servicestack format reproduces ServiceStack's
    // TimeSpanConverter, which goes through a double and loses ticks on long spans (by design).
    for (const unsigned f : {0u, 2u})
        round_trip(
            v, [&](time_span t) { return t.to_string(static_cast<sstk::time_span_format>(f)); },
            [&](const std::string& t) { return time_span::parse(t, static_cast<sstk::time_span_syntax>(f)); }, "time_span");
}

void fuzz_guid(std::string_view s, unsigned variant) {
    using sstk::guid;
    guid v;
    const unsigned k = variant % 5;
    if (!accepts([&] { v = k == 4 ? guid::parse(s) : guid::parse(s, static_cast<sstk::guid_format>(k)); })) return;
    for (unsigned f = 0; f < 4; ++f) {
        const auto fmt = static_cast<sstk::guid_format>(f);
        round_trip(v, [&](const guid& g) { return g.to_string(fmt, variant & 8); }, [&](const std::string& t) { return guid::parse(t, fmt); }, "guid");
        round_trip(v, [&](const guid& g) { return g.to_string(fmt); }, [&](const std::string& t) { return guid::parse(t); }, "guid (any form)");
    }
}

void fuzz_decimal(std::string_view s, unsigned variant) {
    using sstk::decimal;
    sstk::decimal_parse_options o;
    o.allow_exponent = variant & 1;
    o.allow_whitespace = variant & 2;
    decimal v;
    if (!accepts([&] { v = decimal::parse(s, o); })) return;
    std::string text;
    must_succeed("decimal::to_string", s, [&] { text = v.to_string(); });
    decimal w;
    must_succeed("decimal::parse of to_string", text, [&] { w = decimal::parse(text); });
    // A negative zero prints without its sign, as .NET does (decimal.hpp): compare the rest.
    const bool ok = v.is_zero() ? w.is_zero() && w.scale() == v.scale() : w.same_representation(v);
    if (!ok) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail("decimal round trip changed the value or its scale");
    }
}

template <class F>
void fuzz_floating(std::string_view s, sstk::float_syntax syn) {
    F v{};
    if (!accepts([&] {
            if constexpr (std::is_same_v<F, double>) v = sstk::parse_double(s, syn);
            else v = sstk::parse_float(s, syn);
        }))
        return;
    for (const auto sp : {sstk::float_specials::text, sstk::float_specials::xml}) {
        std::string text;
        must_succeed("floating to_string", s, [&] {
            if constexpr (std::is_same_v<F, double>) text = sstk::double_to_string(v, sstk::float_format::shortest, sp);
            else text = sstk::float_to_string(v, sstk::float_format::shortest, sp);
        });
        F w{};
        const auto back = sp == sstk::float_specials::xml ? sstk::float_syntax::xml : sstk::float_syntax::json;
        must_succeed("floating parse of to_string", text, [&] {
            if constexpr (std::is_same_v<F, double>) w = sstk::parse_double(text, back);
            else w = sstk::parse_float(text, back);
        });
        if (!(std::isnan(v) && std::isnan(w)) && std::memcmp(&v, &w, sizeof v) != 0) {
            std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
            fail("floating round trip is not bit-exact");
        }
    }
}

template <class T>
void fuzz_integer_as(std::string_view s, bool xml) {
    T v{};
    if (!accepts([&] { v = sstk::parse_integer<T>(s, xml ? sstk::xml_integer_options : sstk::integer_parse_options{}); })) return;
    round_trip(
        v,
        [](T x) {
            std::string t;
            sstk::append_integer(t, x);
            return t;
        },
        [](const std::string& t) { return sstk::parse_integer<T>(t); }, "integer");
}

void fuzz_integer(std::string_view s, unsigned variant) {
    const bool xml = variant & 8;
    switch (variant % 8) {
    case 0: fuzz_integer_as<std::int8_t>(s, xml); break;
    case 1: fuzz_integer_as<std::uint8_t>(s, xml); break;
    case 2: fuzz_integer_as<std::int16_t>(s, xml); break;
    case 3: fuzz_integer_as<std::uint16_t>(s, xml); break;
    case 4: fuzz_integer_as<std::int32_t>(s, xml); break;
    case 5: fuzz_integer_as<std::uint32_t>(s, xml); break;
    case 6: fuzz_integer_as<std::int64_t>(s, xml); break;
    default: fuzz_integer_as<std::uint64_t>(s, xml); break;
    }
}

void fuzz_base64(std::string_view s, unsigned variant) {
    sstk::base64_options o;
    o.skip_whitespace = variant & 1;
    std::vector<std::uint8_t> v;
    if (!accepts([&] { v = sstk::base64_decode(s, o); })) return;
    round_trip(v, [](const std::vector<std::uint8_t>& b) { return sstk::to_base64(b); },
               [](const std::string& t) { return sstk::base64_decode(t); }, "base64");
}

void fuzz_char16(std::string_view s, unsigned variant) {
    char16_t c{};
    if (variant & 1) {
        if (!accepts([&] { c = sstk::parse_char16_number(s); })) return;
        round_trip(
            c,
            [](char16_t x) {
                std::string t;
                sstk::append_char16_number(t, x);
                return t;
            },
            [](const std::string& t) { return sstk::parse_char16_number(t); }, "char16 number");
    } else {
        if (!accepts([&] { c = sstk::parse_char16_utf8(s); })) return;
        std::string t;
        if (!sstk::try_append_char16_utf8(t, c)) return;  // a surrogate has no UTF-8 form
        char16_t w{};
        must_succeed("parse_char16_utf8 of its UTF-8", t, [&] { w = sstk::parse_char16_utf8(t); });
        SSTK_FUZZ_CHECK(w == c);
    }
}

void write_seeds() {
    struct seed {
        const char* name;
        std::uint8_t selector;
        const char* text;
    };
    // selector = parser + 9 * variant
    static const seed seeds[] = {
        {"dt_wcf", 0 + 9 * 0, "\\/Date(1614834367890+0100)\\/"},
        {"dt_wcf_plain", 0 + 9 * 0, "/Date(-62135596800000)/"},
        {"dt_iso_ss", 0 + 9 * 0, "2021-03-04T05:06:07.8900000Z"},
        {"dt_ss_date_only", 0 + 9 * 0, "2021-03-04"},
        {"dt_xsd", 0 + 9 * 1, "2021-03-04T05:06:07.89-05:00"},
        {"dt_iso", 0 + 9 * 2, "9999-12-31T23:59:59.9999999"},
        {"dt_unix", 0 + 9 * 3, "1614834367"},
        {"dt_unix_ms", 0 + 9 * 4, "1614834367890"},
        {"dt_rfc1123", 0 + 9 * 0, "Thu, 04 Mar 2021 05:06:07 GMT"},
        {"dto_wcf", 1 + 9 * 0, "\\/Date(1614834367890+0130)\\/"},
        {"dto_iso", 1 + 9 * 1, "2021-03-04T05:06:07.8900000+02:00"},
        {"dto_xsd", 1 + 9 * 2, "0001-01-01T00:00:00Z"},
        {"ts_xsd", 2 + 9 * 0, "P1DT2H3M4.5S"},
        {"ts_xsd_neg", 2 + 9 * 0, "-PT0.0000001S"},
        {"ts_ss", 2 + 9 * 1, "PT36H"},
        {"ts_const", 2 + 9 * 2, "-10675199.02:48:05.4775808"},
        {"guid_n", 3 + 9 * 4, "0f8fad5bd9cb469fa16570867728950e"},
        {"guid_d", 3 + 9 * 1, "0F8FAD5B-D9CB-469F-A165-70867728950E"},
        {"guid_b", 3 + 9 * 2, "{0f8fad5b-d9cb-469f-a165-70867728950e}"},
        {"guid_p", 3 + 9 * 3, "(0f8fad5b-d9cb-469f-a165-70867728950e)"},
        {"dec_scale", 4 + 9 * 0, "-1.10"},
        {"dec_max", 4 + 9 * 0, "79228162514264337593543950335"},
        {"dec_tiny", 4 + 9 * 0, "0.0000000000000000000000000001"},
        {"dec_exp", 4 + 9 * 1, "1.5E-3"},
        {"dec_ws", 4 + 9 * 2, " \t12.500\n"},
        {"dbl_xml", 5 + 9 * 0, " -INF "},
        {"dbl_json", 5 + 9 * 1, "1.7976931348623157E+308"},
        {"flt_xml", 5 + 9 * 2, "3.4028235E+38"},
        {"flt_json", 5 + 9 * 3, "NaN"},
        {"dbl_sub", 5 + 9 * 1, "4.9406564584124654E-324"},
        {"int64_min", 6 + 9 * 6, "-9223372036854775808"},
        {"uint64_max_xml", 6 + 9 * 15, " +18446744073709551615 "},
        {"int8", 6 + 9 * 0, "-128"},
        {"b64", 7 + 9 * 0, "AAEC/f7/"},
        {"b64_ws", 7 + 9 * 1, "SGVs\r\nbG8="},
        {"ch_utf8", 8 + 9 * 0, "\xe2\x82\xac"},
        {"ch_num", 8 + 9 * 1, "55357"},
    };
    for (const seed& s : seeds) write_seed(s.name, s.selector, s.text);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (seed_dir()) {
        write_seeds();
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view s(reinterpret_cast<const char*>(data) + 1, size - 1);
    const unsigned parser = data[0] % 9, variant = data[0] / 9;
    switch (parser) {
    case 0: fuzz_date_time(s, variant); break;
    case 1: fuzz_date_time_offset(s, variant); break;
    case 2: fuzz_time_span(s, variant); break;
    case 3: fuzz_guid(s, variant); break;
    case 4: fuzz_decimal(s, variant); break;
    case 5:
        switch (variant % 4) {
        case 0: fuzz_floating<double>(s, sstk::float_syntax::xml); break;
        case 1: fuzz_floating<double>(s, sstk::float_syntax::json); break;
        case 2: fuzz_floating<float>(s, sstk::float_syntax::xml); break;
        default: fuzz_floating<float>(s, sstk::float_syntax::json); break;
        }
        break;
    case 6: fuzz_integer(s, variant); break;
    case 7: fuzz_base64(s, variant); break;
    default: fuzz_char16(s, variant); break;
    }
    return 0;
}
