// Options of the DataContract XML codec. Defaults reproduce a ServiceStack server on .NET
// (Core) answering application/xml: ServiceStack.Text.XmlSerializer's XmlWriter.Create writer
// (research/datacontract-xml.md §3, servicestack-formats.md §4.1).
#pragma once

#include <sstk/core/limits.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/time_zone.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace sstk::xml {

// Which of ServiceStack's three XmlWriters to reproduce.
enum class form : unsigned char {
    server,    // XmlWriter.Create: `<?xml version="1.0" encoding="utf-8"?>` + one line (responses)
    client,    // XmlTextWriter: no declaration (XmlServiceClient request bodies)
    indented,  // XmlTextWriter + Formatting.Indented, 2 spaces (metadata page samples)
};

// Environment.NewLine of the peer: the server form rewrites every \r\n, \r and \n in text to it
// (NewLineHandling.Replace; strings_newlines.win.xml), and the indented form breaks lines with it.
enum class newline : unsigned char { lf, crlf };

// What [DataMember(EmitDefaultValue=false)] omits. .NET (Framework and Core) omits every value
// equal to default(T); Mono omits only null, false, 0 of int/long/float/double, decimal 0 and
// default(DateTime), and still writes 0 for byte/short/char/uint/ulong/…, Guid.Empty,
// TimeSpan.Zero, default(DateTimeOffset) and enum 0 (contract_emitdefault_types is Mono's bytes).
// ServiceStack servers run on .NET, so that is the default.
enum class emit_default_rule : unsigned char { dotnet, mono };

struct write_options {
    xml::form form = xml::form::server;
    xml::newline newline = xml::newline::lf;
    // XmlConvert.ToString(double): .NET Core 3+ writes the shortest round-trip text (default);
    // .NET Framework and Mono write "R" (float_format::netfx_roundtrip: 0.1, 3.1415926535897931).
    float_format doubles = float_format::shortest;
    emit_default_rule emit_defaults = emit_default_rule::dotnet;
    // The zone Local DateTimes are written in (the server's TimeZoneInfo.Local); nullptr: TZ.
    const time_zone* zone = nullptr;
    std::size_t max_depth = 64;

    static write_options for_form(xml::form f) {
        write_options o;
        o.form = f;
        return o;
    }
};

// How strictly member order is checked on read.
enum class member_order_policy : unsigned char {
    // Members in any order (default). A member given twice is an error: which copy wins would be
    // a guess.
    any,
    // As DataContractSerializer reads: an element only matches members after the last matched
    // one. Where DCS silently drops an element that arrives too early (or a second copy), sstk
    // reports it as an error, so a document a real server would half-read is never accepted
    // quietly (research §6.6, servicestack-formats.md §4.10).
    data_contract,
};

// Elements that name no member (or a member in another namespace). DataContractSerializer skips
// them; so does sstk by default.
enum class unknown_element_policy : unsigned char { skip, error };

// Derives from sstk::read_limits (docs/limits.md).
struct read_options : sstk::read_limits {
    member_order_policy order = member_order_policy::any;
    unknown_element_policy unknown_elements = unknown_element_policy::skip;
    // The zone a dateTime with an offset is converted into (XmlConvert RoundtripKind gives Local).
    const time_zone* zone = nullptr;
};

}  // namespace sstk::xml
