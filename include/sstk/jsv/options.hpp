// Options of the JSV codec (ServiceStack's TypeSerializer, content type text/jsv).
#pragma once

#include <sstk/core/casing.hpp>
#include <sstk/core/limits.hpp>
#include <sstk/types/date_time.hpp>
#include <sstk/types/floating.hpp>
#include <sstk/types/guid.hpp>
#include <sstk/types/time_zone.hpp>

#include <cstddef>

namespace sstk::jsv {

struct write_options {
    // Member-name casing: the declared PascalCase is what ServiceStack clients send; .NET Core
    // servers answer camelCase (TextCase). [DataMember(Name)] names are never re-cased.
    sstk::casing casing = sstk::casing::as_declared;
    // DateTime spelling (DateHandler is ignored in JSV): jsv_net_core writes a Utc fraction with
    // 7 digits as .NET Core servers do (1979-05-09T00:00:00.0010000Z, research §2.1); jsv the
    // trimmed fraction of .NET Framework/Mono (…00.001Z). Both read back everywhere.
    date_time_format dates = date_time_format::jsv_net_core;
    float_format doubles = float_format::shortest;  // .NET Core 3+; netfx_general for Mono/.NET Framework
    guid_format guids = guid_format::n;             // ServiceStack writes Guids as 32 hex digits
    const time_zone* zone = nullptr;                // Local/Unspecified DateTimes; nullptr: TZ
    std::size_t max_depth = 64;
};

enum class unknown_member_policy : unsigned char {
    skip,   // ServiceStack's behaviour (default)
    error,  // reject the document
};

// Derives from sstk::read_limits (docs/limits.md).
struct read_options : sstk::read_limits {
    unknown_member_policy unknown_members = unknown_member_policy::skip;
    const time_zone* zone = nullptr;  // zone for dates with an offset read into a Local DateTime
};

}  // namespace sstk::jsv
