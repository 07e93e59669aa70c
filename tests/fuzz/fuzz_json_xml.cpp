// libFuzzer target: JSON against DataContract XML (issue 7's differential property). The same
// DTO must come out equal whether it travels as JSON or as XML.
//
// Input: byte 0 selects the DTO (low 6 bits, modulo the count) and the direction (bit 7); bit 6
// makes the XML read strict (member_order_policy::data_contract, unknown elements rejected).
//  - bit 7 clear: the rest is JSON. A DTO read from it is written as DataContract XML with
//    sstk's XML writer (server form) and read back: the object must equal the one read from
//    JSON, DateTime kinds included (the XML forms keep them).
//  - bit 7 set: the rest is DataContract XML. A DTO read from it is written as JSON in each
//    dialect (ServiceStack.Text with ISO 8601 dates, System.Text.Json) and read back: equal
//    object, DateTime kinds aside (the JSON wire forms do not keep them; see fuzz_common.hpp).
// A read of the fuzzer's bytes must succeed or throw sstk::error; a write may refuse a value the
// other format cannot express (sstk::error); reading what sstk itself wrote must not fail.
//
// Where the property deliberately does not hold:
//  - a CR inside a string does not survive XML (written as a newline, as .NET's server form
//    does; an XML parser turns a raw CR into LF): for such objects only the stability of the
//    written XML is checked (written, read, written again: the same text);
//  - DateTime kinds from XML input (above);
//  - ServiceStack.Text drops dictionary entries whose value is null (its default
//    IncludeNullValuesInDictionaries = false): with XML input, such entries are not compared
//    against the ServiceStack-dialect copy (fuzz_common.hpp, null_dictionary_values_dropped);
//  - ServiceStack's TimeSpan text (json/write.hpp uses it in both dialects) goes through a
//    double: long spans agree to 2^-32 of their size (servicestack_time_spans_lossy).
// The DTOs are ones both codecs express: the golden-vector DTOs (tests/xml/vector_dtos.hpp:
// contracts, inheritance, generics, dictionaries, every value type; not MiscDto: sstk maps
// KeyValuePair (std::pair) to XML only) and the seed DTOs.
#include "../xml/vector_dtos.hpp"
#include "dto_list.hpp"
#include "fuzz_common.hpp"

#include <sstk/json.hpp>
#include <sstk/types/time_zone.hpp>
#include <sstk/xml.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

using namespace sstk_fuzz;

// A DTO type and a populated sample of it (the seed).
template <auto Make>
struct entry {
    using type = decltype(Make());
    static type sample() { return Make(); }
};

template <class T>
T value_initialized() {
    return T{};
}

// Index = selector: append only (the checked-in seeds depend on the order).
using dtos = type_list<entry<&xmltest::make_bool_char>, entry<&xmltest::make_bytes>, entry<&xmltest::make_contract_derived_ordered>,
                       entry<&xmltest::make_contract_emitdefault_nondefault>, entry<&xmltest::make_contract_in_poco>,
                       entry<&xmltest::make_contract_ordered>, entry<&xmltest::make_datetimeoffsets>, entry<&xmltest::make_datetimes>,
                       entry<&xmltest::make_decimals>, entry<&xmltest::make_dicts>, entry<&xmltest::make_doubles>,
                       entry<&xmltest::make_enums>, entry<&xmltest::make_enum_flags_partial_undefined>, entry<&xmltest::make_floats>,
                       entry<&xmltest::make_generic_page_item>, entry<&xmltest::make_generic_pair_nested>, entry<&xmltest::make_guids>,
                       entry<&xmltest::make_inherit_3_levels_nested>, entry<&xmltest::make_ints>, entry<&xmltest::make_lists_complex>,
                       entry<&xmltest::make_lists_misc>, entry<&xmltest::make_lists_primitive>,
                       entry<&xmltest::make_ns_nesting>, entry<&xmltest::make_nullables_values>, entry<&xmltest::make_poco_rules>,
                       entry<&xmltest::make_root_list_item>, entry<&xmltest::make_root_dict_string_item>,
                       entry<&xmltest::make_ss_ResponseStatus_error>, entry<&xmltest::make_strings_basic>,
                       entry<&xmltest::make_strings_control_chars>, entry<&xmltest::make_strings_escaping>,
                       entry<&xmltest::make_strings_newlines>, entry<&xmltest::make_strings_unicode>, entry<&xmltest::make_timespans>,
                       entry<&xmltest::make_seed004_ResetPassword>, entry<&xmltest::make_seed_PasswordReset>,
                       entry<&xmltest::make_seed_PasswordResetResponse>,
                       entry<&value_initialized<sstk::apis::antel_api::ResetPassword>>,
                       entry<&value_initialized<sstk::apis::antel_api::ResetPasswordResponse>>,
                       entry<&value_initialized<sstk::apis::platform_api::GetResetPasswordToken>>,
                       entry<&value_initialized<sstk::apis::platform_api::GetResetPasswordTokenResponse>>,
                       entry<&value_initialized<sstk::apis::ppw_assist::ResetPasswordRequest>>,
                       entry<&value_initialized<sstk::apis::ppw_assist::ResetPasswordResponse>>, entry<&tt::make_rich>>;

sstk::xml::read_options xml_read_options(bool strict) {
    sstk::xml::read_options ro;
    ro.zone = &sstk::time_zone::utc();
    if (strict) {
        ro.order = sstk::xml::member_order_policy::data_contract;
        ro.unknown_elements = sstk::xml::unknown_element_policy::error;
    }
    return ro;
}

sstk::xml::write_options xml_write_options() {
    sstk::xml::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    return wo;
}

sstk::json::read_options json_read_options() {
    sstk::json::read_options ro;
    ro.zone = &sstk::time_zone::utc();
    return ro;
}

sstk::json::write_options json_write_options(sstk::json::dialect d) {
    auto wo = sstk::json::write_options::for_dialect(d);
    wo.zone = &sstk::time_zone::utc();
    // ISO 8601 ("o", 7 fraction digits): the default /Date(ms)/ keeps only milliseconds.
    wo.date_handler = sstk::json::date_handler::iso8601;
    return wo;
}

constexpr sstk::json::dialect dialects[] = {sstk::json::dialect::servicestack_text, sstk::json::dialect::system_text_json};

// JSON in, XML across.
template <class T>
void from_json(std::string_view doc, bool strict) {
    T a{};
    if (!accepts([&] { sstk::json::read(doc, a, json_read_options()); })) return;
    const auto wo = xml_write_options();
    std::string text;
    if (!accepts([&] { sstk::xml::write(text, a, wo); })) return;  // a value DataContract XML cannot carry
    T b{};
    const auto ro = xml_read_options(strict);
    must_succeed("xml::read of xml::write's output", text, [&] { sstk::xml::read(text, b, ro); });
    if (holds_char(a, '\r')) {  // see the top of the file
        std::string again;
        must_succeed("xml::write of a read-back object", text, [&] { sstk::xml::write(again, b, wo); });
        SSTK_FUZZ_CHECK(again == text);
        return;
    }
    compare_date_kinds = true;
    if (!same(a, b)) {
        std::fprintf(stderr, "sstk fuzz: XML written from the JSON-read object: %s\n", text.c_str());
        fail("the object read from JSON and the one read from its XML differ");
    }
}

// Whether two members of T get the same key under a casing policy (`AB` and `Ab` are both
// `ab` in camelCase): that dialect writes the key twice, as ServiceStack does, and cannot keep both.
template <class T>
bool keys_collide(sstk::casing policy) {
    if constexpr (sstk::described_class<T>) {
        std::vector<std::string_view> keys;
        sstk::for_each_member<T>([&](auto m) { keys.push_back(decltype(m)::key_for(policy)); });
        std::sort(keys.begin(), keys.end());
        return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
    } else {
        return false;
    }
}

// XML in, JSON across.
template <class T>
void from_xml(std::string_view doc, bool strict) {
    T a{};
    if (!accepts([&] { sstk::xml::read(doc, a, xml_read_options(strict)); })) return;
    for (const auto d : dialects) {
        if (keys_collide<T>(json_write_options(d).casing)) continue;  // lossy by nature (above)
        std::string text;
        if (!accepts([&] { text = sstk::json::write(a, json_write_options(d)); })) continue;  // e.g. NaN in System.Text.Json
        T b{};
        must_succeed("json::read of json::write's output", text, [&] { sstk::json::read(text, b, json_read_options()); });
        compare_date_kinds = false;
        null_dictionary_values_dropped = d == sstk::json::dialect::servicestack_text;
        servicestack_time_spans_lossy = true;  // both dialects write ServiceStack's TimeSpan text
        const bool equal = same(a, b);
        null_dictionary_values_dropped = servicestack_time_spans_lossy = false;
        if (!equal) {
            std::fprintf(stderr, "sstk fuzz: JSON (dialect %d) written from the XML-read object: %s\n", static_cast<int>(d), text.c_str());
            fail("the object read from XML and the one read from its JSON differ");
        }
    }
}

void write_seeds() {
    for_each_type(dtos{}, [](std::size_t i, auto e) {
        using E = typename decltype(e)::type;
        const auto sample = E::sample();
        for (const auto d : dialects) {
            std::string json;
            if (accepts([&] { json = sstk::json::write(sample, json_write_options(d)); }))  // NaN: not in System.Text.Json
                write_seed("gen_" + std::to_string(i) + "_json_" + std::to_string(static_cast<int>(d)), static_cast<std::uint8_t>(i), json);
        }
        std::string xml;
        if (accepts([&] { sstk::xml::write(xml, sample, xml_write_options()); }))  // an undefined enum value: not in XML
            write_seed("gen_" + std::to_string(i) + "_xml", static_cast<std::uint8_t>(i | 0x80), xml);
    });
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
    const std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
    const unsigned sel = data[0];
    const bool strict = (sel & 0x40) != 0;
    dispatch((sel & 0x3f) % dtos::size, dtos{}, [&](auto e) {
        using T = typename decltype(e)::type::type;
        if (sel & 0x80)
            from_xml<T>(doc, strict);
        else
            from_json<T>(doc, strict);
    });
    return 0;
}
