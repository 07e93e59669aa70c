// sstk::time_zone — the "local time" that DateTimeKind.Local (and, where .NET needs an instant,
// Unspecified) refers to.
//
// .NET reads TimeZoneInfo.Local implicitly; sstk makes it a parameter so that formatting and
// parsing Local values is deterministic: time_zone::utc(), time_zone::fixed(minutes), or
// time_zone::system() (the process TZ through localtime_r, i.e. tzdata). A custom zone derives
// from time_zone and implements offset_minutes_for_utc().
//
// Offsets are whole minutes, as .NET prints them. Historic offsets with seconds (New York's LMT
// −4:56:02) are floored to the minute (−4:57), which is what Mono's TimeZoneInfo produced in the
// DataContractJsonSerializer vectors (`/Date(-62135578980000-0457)/`).
#pragma once

#include <sstk/types/detail/civil.hpp>

#include <cstdint>
#include <ctime>
#include <string>

namespace sstk {

class fixed_time_zone;

class time_zone {
public:
    // How a wall-clock time maps onto the zone's offsets around it.
    enum class mapping : std::uint8_t {
        unique,     // exactly one instant
        ambiguous,  // repeated hour (DST ends): earlier = daylight offset, later = standard offset
        skipped,    // hour that does not exist (DST starts): earlier = offset before the jump
    };
    struct local_offsets {
        int earlier;  // offset (minutes) in force before the nearby transition
        int later;    // offset (minutes) in force after it
        mapping kind;
    };

    virtual ~time_zone() = default;

    // Offset east of UTC, in minutes, in force at the UTC instant `utc_ticks`.
    virtual int offset_minutes_for_utc(std::int64_t utc_ticks) const = 0;

    // TimeZoneInfo.GetUtcOffset for a local wall-clock time: an ambiguous time is read as
    // standard time (the later offset) and a skipped time gets the offset before the jump, which
    // is the standard offset for a DST transition (.NET documents both as "standard time").
    virtual int offset_minutes_for_local(std::int64_t local_ticks) const {
        const local_offsets r = resolve_local(local_ticks);
        return r.kind == mapping::skipped ? r.earlier : r.later;
    }

    // Classifies a wall-clock time using offset_minutes_for_utc alone: the offsets one day either
    // side bracket any transition, and each is kept if the wall time maps back onto it.
    local_offsets resolve_local(std::int64_t local_ticks) const {
        namespace d = detail::dates;
        const int before = offset_minutes_for_utc(d::clamp_ticks(local_ticks - d::ticks_per_day));
        const int after = offset_minutes_for_utc(d::clamp_ticks(local_ticks + d::ticks_per_day));
        const auto valid = [&](int off) {
            return offset_minutes_for_utc(d::clamp_ticks(local_ticks - off * d::ticks_per_minute)) == off;
        };
        if (before == after) {
            if (valid(before)) return {before, before, mapping::unique};
            // Two transitions within two days (rare): settle on the offset at the naive instant.
            const int o = offset_minutes_for_utc(
                d::clamp_ticks(local_ticks - offset_minutes_for_utc(d::clamp_ticks(local_ticks)) * d::ticks_per_minute));
            return {o, o, mapping::unique};
        }
        const bool vb = valid(before), va = valid(after);
        if (vb && va) return {before, after, mapping::ambiguous};
        if (vb) return {before, before, mapping::unique};
        if (va) return {after, after, mapping::unique};
        return {before, after, mapping::skipped};
    }

    static const time_zone& utc() noexcept;
    // A zone with one constant offset (|minutes| < 24 h).
    static fixed_time_zone fixed(int offset_minutes);
    // The process time zone (TZ environment variable or /etc/localtime). After changing TZ with
    // setenv, call tzset() before using it: glibc's localtime_r does not re-read TZ.
    static const time_zone& system() noexcept;

protected:
    time_zone() = default;
    time_zone(const time_zone&) = default;
    time_zone& operator=(const time_zone&) = default;
};

class fixed_time_zone final : public time_zone {
public:
    explicit fixed_time_zone(int offset_minutes) : offset_(offset_minutes) {
        if (offset_minutes <= -24 * 60 || offset_minutes >= 24 * 60)
            throw error(errc::out_of_range, "time_zone: a fixed offset must be less than 24 hours");
    }
    int offset_minutes() const noexcept { return offset_; }
    int offset_minutes_for_utc(std::int64_t) const override { return offset_; }
    int offset_minutes_for_local(std::int64_t) const override { return offset_; }

private:
    int offset_;
};

class system_time_zone final : public time_zone {
public:
    int offset_minutes_for_utc(std::int64_t utc_ticks) const override {
        namespace d = detail::dates;
        const std::time_t t = static_cast<std::time_t>(
            d::floor_div(d::clamp_ticks(utc_ticks) - d::unix_epoch_ticks, d::ticks_per_second));
        std::tm tm{};
        if (localtime_r(&t, &tm) == nullptr) return 0;
        return static_cast<int>(d::floor_div(tm.tm_gmtoff, 60));
    }
};

inline const time_zone& time_zone::utc() noexcept {
    static const fixed_time_zone z(0);
    return z;
}
inline fixed_time_zone time_zone::fixed(int offset_minutes) { return fixed_time_zone(offset_minutes); }
inline const time_zone& time_zone::system() noexcept {
    static const system_time_zone z;
    return z;
}

}  // namespace sstk
