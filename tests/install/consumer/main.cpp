// A consumer of the installed sstk package: includes an sstk header and uses the libraries
// that sstk::sstk brings along (Boost.JSON and pugixml are compiled libraries, so this also
// checks that the package's link interface reaches them).
#include <sstk/core/error.hpp>
#if __has_include(<sstk/sstk.hpp>)
#include <sstk/sstk.hpp>
#endif

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <cstdio>
#include <string_view>

int main() {
    sstk::error e(sstk::errc::syntax, "unexpected '}'", 7);
    e.locate("{\"a\":1\n}}");
    const std::string_view what = e.what();

    const boost::json::value v = boost::json::parse(R"({"Id":42})");
    pugi::xml_document doc;
    const bool xml_ok = static_cast<bool>(doc.load_string("<Ping><Id>42</Id></Ping>"));

    const bool ok = what == "syntax error (line 2, column 1, byte 7): unexpected '}'" &&
                    v.at("Id").as_int64() == 42 && xml_ok &&
                    doc.child("Ping").child("Id").text().as_int() == 42;
    std::printf("sstk consumer: %s\n", ok ? "ok" : "FAILED");
    if (!ok) std::printf("  what() = %.*s\n", static_cast<int>(what.size()), what.data());
    return ok ? 0 : 1;
}
