#include "core/time.h"

#include <fmt/format.h>

namespace tdkt {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr std::int64_t kVietnamOffsetMs = 7 * 3'600'000;  // Indochina Time, no daylight saving

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::chrono::sys_days ToSysDays(const Date& d) {
    return std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
                                 std::chrono::day{static_cast<unsigned>(d.day)}};
}

Date FromSysDays(std::chrono::sys_days days) {
    std::chrono::year_month_day ymd{days};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool ParseInt(std::string_view text, int& out) {
    if (text.empty()) return false;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

}  // namespace

Timestamp SystemClock::Now() const {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(now).count()};
}

bool IsValidDate(const Date& d) {
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                    std::chrono::day{static_cast<unsigned>(d.day)}};
    return ymd.ok();
}

std::int64_t DayNumber(const Date& d) {
    std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                    std::chrono::day{static_cast<unsigned>(d.day)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Date DateFromDayNumber(std::int64_t days) { return FromSysDays(std::chrono::sys_days{std::chrono::days{days}}); }

Date AddDays(const Date& d, int days) { return DateFromDayNumber(DayNumber(d) + days); }

std::string FormatIsoUtc(Timestamp t) {
    std::int64_t days = FloorDiv(t.ms, kMsPerDay);
    std::int64_t rem = t.ms - days * kMsPerDay;
    Date d = FromSysDays(std::chrono::sys_days{std::chrono::days{days}});
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", d.year, d.month, d.day, rem / 3'600'000,
                       rem / 60'000 % 60, rem / 1000 % 60, rem % 1000);
}

std::optional<Timestamp> ParseIsoUtc(std::string_view s) {
    // Accepts "YYYY-MM-DDTHH:MM:SS[.mmm]Z".
    if (s.size() < 20 || s[10] != 'T' || s.back() != 'Z') return std::nullopt;
    auto date = ParseIsoDate(s.substr(0, 10));
    int h = 0, m = 0, sec = 0, ms = 0;
    if (!date || s[13] != ':' || s[16] != ':' || !ParseInt(s.substr(11, 2), h) || !ParseInt(s.substr(14, 2), m) ||
        !ParseInt(s.substr(17, 2), sec))
        return std::nullopt;
    if (s.size() == 24 && s[19] == '.') {
        if (!ParseInt(s.substr(20, 3), ms)) return std::nullopt;
    } else if (s.size() != 20) {
        return std::nullopt;
    }
    if (h > 23 || m > 59 || sec > 59) return std::nullopt;
    std::int64_t days = ToSysDays(*date).time_since_epoch().count();
    return Timestamp{days * kMsPerDay + h * 3'600'000LL + m * 60'000LL + sec * 1000LL + ms};
}

std::optional<Date> ParseIsoDate(std::string_view s) {
    Date d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !ParseInt(s.substr(0, 4), d.year) ||
        !ParseInt(s.substr(5, 2), d.month) || !ParseInt(s.substr(8, 2), d.day) || !IsValidDate(d))
        return std::nullopt;
    return d;
}

std::optional<Date> ParseDateVi(std::string_view s) {
    auto first = s.find('/');
    auto second = first == std::string_view::npos ? first : s.find('/', first + 1);
    if (second == std::string_view::npos || first > 2 || second - first - 1 > 2 || s.size() - second - 1 != 4)
        return std::nullopt;
    Date d;
    if (!ParseInt(s.substr(0, first), d.day) || !ParseInt(s.substr(first + 1, second - first - 1), d.month) ||
        !ParseInt(s.substr(second + 1), d.year) || !IsValidDate(d))
        return std::nullopt;
    return d;
}

std::string FormatIsoDate(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string FormatDateVi(const Date& d) { return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year); }

Date VietnamDate(Timestamp t) {
    return FromSysDays(std::chrono::sys_days{std::chrono::days{FloorDiv(t.ms + kVietnamOffsetMs, kMsPerDay)}});
}

Timestamp StartOfVietnamDay(const Date& d) {
    return Timestamp{ToSysDays(d).time_since_epoch().count() * kMsPerDay - kVietnamOffsetMs};
}

std::string FormatDateTimeVi(Timestamp t) {
    std::int64_t local = t.ms + kVietnamOffsetMs;
    std::int64_t rem = local - FloorDiv(local, kMsPerDay) * kMsPerDay;
    return fmt::format("{} {:02}:{:02}", FormatDateVi(VietnamDate(t)), rem / 3'600'000, rem / 60'000 % 60);
}

}  // namespace tdkt
