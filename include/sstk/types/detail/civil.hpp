// Calendar arithmetic shared by date_time, date_time_offset and time_span: .NET's tick units,
// the proleptic Gregorian calendar counted from 0001-01-01 (day 0, a Monday), and checked
// 64-bit arithmetic. Internal.
#pragma once

#include <sstk/core/error.hpp>

#include <cstdint>
#include <string>

namespace sstk::detail::dates {

inline constexpr std::int64_t ticks_per_ms = 10'000;
inline constexpr std::int64_t ticks_per_second = 10'000'000;
inline constexpr std::int64_t ticks_per_minute = 600'000'000;
inline constexpr std::int64_t ticks_per_hour = 36'000'000'000;
inline constexpr std::int64_t ticks_per_day = 864'000'000'000;

// DateTime.MaxValue.Ticks (9999-12-31T23:59:59.9999999) and DateTime.UnixEpoch.Ticks.
inline constexpr std::int64_t max_ticks = 3'155'378'975'999'999'999;
inline constexpr std::int64_t unix_epoch_ticks = 621'355'968'000'000'000;

// DateTimeOffset.Offset is limited to ±14:00 in whole minutes.
inline constexpr int max_offset_minutes = 14 * 60;

// Thrown from constexpr functions through a non-constexpr call, so constant evaluation of a
// failing path is a compile error rather than a silent value.
[[noreturn]] inline void throw_error(errc kind, std::string message, std::size_t offset = error::npos) {
    throw error(kind, std::move(message), offset);
}

constexpr bool is_leap_year(int y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr int days_in_month(int y, int m) noexcept {
    constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

// Days since 0001-01-01 for a valid date with year 1..9999. The year is counted from March so
// the leap day falls at the end of the counting year (the usual era/day-of-era method).
constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    const int yy = y - (m <= 2 ? 1 : 0);  // >= 0 for y >= 1
    const int era = yy / 400;
    const int yoe = yy - era * 400;
    const int mp = (m + 9) % 12;  // March = 0
    const int doy = (153 * mp + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 306;  // 306: 0000-03-01 .. 0001-01-01
}

struct civil_date {
    int year;
    int month;
    int day;
};

constexpr civil_date civil_from_days(std::int64_t days) noexcept {
    const std::int64_t z = days + 306;
    const std::int64_t era = z / 146097;
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    const int y = static_cast<int>(era * 400 + yoe) + (m <= 2 ? 1 : 0);
    return {y, m, d};
}

// Broken-down wall clock of a tick count in 0..max_ticks.
struct civil_time {
    int year, month, day, hour, minute, second;
    int fraction;  // ticks within the second, 0..9999999
};

constexpr civil_time split_ticks(std::int64_t ticks) noexcept {
    const civil_date d = civil_from_days(ticks / ticks_per_day);
    const std::int64_t tod = ticks % ticks_per_day;
    return {d.year,
            d.month,
            d.day,
            static_cast<int>(tod / ticks_per_hour),
            static_cast<int>(tod / ticks_per_minute % 60),
            static_cast<int>(tod / ticks_per_second % 60),
            static_cast<int>(tod % ticks_per_second)};
}

constexpr bool add_overflows(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept {
    return __builtin_add_overflow(a, b, &r);
}
constexpr bool sub_overflows(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept {
    return __builtin_sub_overflow(a, b, &r);
}
constexpr bool mul_overflows(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept {
    return __builtin_mul_overflow(a, b, &r);
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr std::int64_t clamp_ticks(std::int64_t t) noexcept {
    return t < 0 ? 0 : (t > max_ticks ? max_ticks : t);
}

}  // namespace sstk::detail::dates
