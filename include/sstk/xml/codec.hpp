// The DataContract XML codec of one type as a unit a build can compile once:
// `sstk::xml::codec<T>` (see json/codec.hpp for the why and how; the same holds here).
//
//   extern template struct sstk::xml::codec<acme::Order>;   // where Orders are read/written
//   template struct sstk::xml::codec<acme::Order>;          // in one .cpp including <sstk/xml.hpp>
#pragma once

#include <sstk/xml/options.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace sstk::xml {

namespace detail {
class writer;
class reader;
struct writer_member;  // one entry of a DTO's member table (xml/write.hpp)
}  // namespace detail

template <class T>
struct codec {
    // The whole document: what sstk::xml::write(out, value, options) and read(text, out,
    // options) do.
    static void write(std::string& out, const T& value, const write_options& options);
    static void read(std::string_view text, T& out, const read_options& options);

    // A DTO's member elements (T is a described class), from/into the T at `object`; the
    // element around them is the caller's.
    static void write_members(detail::writer& w, const void* object);
    static void read_members(detail::reader& r, pugi::xml_node element, void* object);
};

// The XML code of one member type V, shared by every DTO member of that type: a unit a build can
// compile once (see json::member_codec).
template <class V>
struct member_codec {
    static void write(detail::writer& w, const detail::writer_member& m, std::string_view owner_ns, const void* field);
    static void read(detail::reader& r, pugi::xml_node element, void* field);
};

}  // namespace sstk::xml
