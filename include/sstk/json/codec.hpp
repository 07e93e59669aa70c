// The JSON codec of one type as a unit a build can compile once: `sstk::json::codec<T>`.
//
// write() and read() (json/write.hpp, json/read.hpp) call these members; a DTO nested anywhere
// in another is written and read through its own codec<...>::write_members / read_members. All
// members are defined out of line, so
//
//   extern template struct sstk::json::codec<acme::Order>;   // where Orders are read/written
//   template struct sstk::json::codec<acme::Order>;          // in one .cpp including <sstk/json.hpp>
//
// compiles Order's codec in that one file, and a DTO holding Orders does not compile it again
// (sstk-codegen --codecs writes both lists for a generated header; docs/codegen.md).
#pragma once

#include <sstk/json/options.hpp>

#include <string>
#include <string_view>

namespace sstk::json {

namespace detail {
class writer;
class reader;
struct writer_member;  // one entry of a DTO's member table (json/write.hpp)
}  // namespace detail

template <class T>
struct codec {
    // The whole document: what sstk::json::write(out, value, options) and read(text, out,
    // options) do.
    static void write(std::string& out, const T& value, const write_options& options);
    static void read(std::string_view text, T& out, const read_options& options);

    // A DTO's object (T is a described class): `{...}` from/into the T at `object`.
    static void write_members(detail::writer& w, const void* object);
    static void read_members(detail::reader& r, void* object);
};

// The JSON code of one member type V, which every DTO member of that type shares (the members'
// tables point here): a unit a build can compile once too. sstk-codegen --codecs instantiates it
// for the member types that name the service's own types (lists, nullables and dictionaries of
// its DTOs and enums), which are otherwise compiled again in every file holding such a member.
template <class V>
struct member_codec {
    static void write(detail::writer& w, const detail::writer_member& m, const void* field, bool& first);
    static void read(detail::reader& r, void* field);
};

}  // namespace sstk::json
