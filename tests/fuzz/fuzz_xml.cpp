// libFuzzer target: the DataContract XML reader, tolerant (member_order_policy::any) and strict
// (member_order_policy::data_contract) order modes, into every DTO of the golden vectors
// (tests/xml/vector_dtos.hpp: contracts, namespaces, inheritance, generics, every value type).
//
// Input: byte 0 selects the DTO (low 7 bits, modulo the count; the index of the vector in
// xmltest::for_each_vector) and the mode (bit 7: strict order, unknown elements rejected); the
// rest is the document. A read must succeed or throw sstk::error; a successful read written
// back (server form) must read back to an equal object (strings holding CR aside: see fuzz_one).
#include "../xml/vector_dtos.hpp"
#include "fuzz_common.hpp"

#include <sstk/types/time_zone.hpp>
#include <sstk/xml.hpp>

#include <cmath>
#include <fstream>
#include <iterator>

namespace {

using namespace sstk_fuzz;

std::size_t vector_count() {
    static const std::size_t n = [] {
        std::size_t k = 0;
        xmltest::for_each_vector([&](const char*, auto) { ++k; });
        return k;
    }();
    return n;
}

// Whether T has a [DataMember(EmitDefaultValue=false)] member of its own.
template <class T>
bool omits_defaults() {
    if constexpr (boost::describe::has_describe_members<T>::value) {
        bool any = false;
        boost::mp11::mp_for_each<sstk::detail::own_members<T>>([&](auto m) { any = any || !decltype(m)::emit_default; });
        return any;
    } else {
        return false;
    }
}

template <class T>
void fuzz_one(std::string_view doc, bool strict) {
    sstk::xml::read_options ro;
    ro.zone = &sstk::time_zone::utc();
    if (strict) {
        ro.order = sstk::xml::member_order_policy::data_contract;
        ro.unknown_elements = sstk::xml::unknown_element_policy::error;
    }
    T a{};
    if (!accepts([&] { sstk::xml::read(doc, a, ro); })) return;

    sstk::xml::write_options wo;
    wo.zone = &sstk::time_zone::utc();
    std::string text;
    if (!accepts([&] { sstk::xml::write(text, a, wo); })) return;  // the out-parameter form: T may be std::string
    T b{};
    must_succeed("xml::read of xml::write's output", text, [&] { sstk::xml::read(text, b, ro); });
    // A CR in a string does not survive XML: the server form writes it as a newline
    // (NewLineHandling.Replace) and XML parsers turn a raw CR into LF, as with .NET itself
    // (vector strings_newlines). Then the written text must at least be stable.
    if (holds_char(a, '\r')) {
        std::string again;
        must_succeed("xml::write of a read-back object", text, [&] { sstk::xml::write(again, b, wo); });
        SSTK_FUZZ_CHECK(again == text);
        return;
    }
    // EmitDefaultValue=false leaves out what .NET's Equals calls default, which C++'s == need not:
    // a DateTimeOffset at instant 0 with an offset (DateTimeOffset.Equals compares instants), so
    // DataContractSerializer drops it too. Then the written text must at least be stable.
    if (!same(a, b) && omits_defaults<T>()) {
        std::string again;
        must_succeed("xml::write of a read-back object", text, [&] { sstk::xml::write(again, b, wo); });
        SSTK_FUZZ_CHECK(again == text);
        return;
    }
    if (!same(a, b)) {
        std::fprintf(stderr, "sstk fuzz: written: %s\n", text.c_str());
        fail("xml round trip changed the object");
    }
}

void write_seeds() {
    // The golden vectors' exact server bytes, each behind its DTO's selector.
    std::size_t i = 0;
    xmltest::for_each_vector([&](const char* name, auto) {
        std::ifstream in(std::string(SSTK_TEST_DATA_DIR) + "/vectors/datacontract/" + name + ".xml", std::ios::binary);
        if (in) write_seed(std::string("vec_") + name, static_cast<std::uint8_t>(i), std::string(std::istreambuf_iterator<char>(in), {}));
        ++i;
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
    const std::size_t pick = (data[0] & 0x7f) % vector_count();
    const bool strict = (data[0] & 0x80) != 0;
    std::size_t i = 0;
    xmltest::for_each_vector([&](const char*, auto make) {
        if (i++ == pick) fuzz_one<decltype(make())>(doc, strict);
    });
    return 0;
}
