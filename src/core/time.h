#pragma once
// Time as values. The domain never reads the clock: it is passed in, or comes through Clock.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tdkt {

// Milliseconds since the Unix epoch, UTC.
struct Timestamp {
    std::int64_t ms = 0;
    auto operator<=>(const Timestamp&) const = default;
    Timestamp operator+(std::chrono::milliseconds d) const { return Timestamp{ms + d.count()}; }
    Timestamp operator-(std::chrono::milliseconds d) const { return Timestamp{ms - d.count()}; }
};

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Timestamp Now() const override;
};

// A civil date (no time zone), as used by decisions and legal validity periods.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

// "2026-11-22T04:05:06.789Z"
std::string FormatIsoUtc(Timestamp t);
std::optional<Timestamp> ParseIsoUtc(std::string_view text);
// "2026-11-22"
std::optional<Date> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const Date& d);
// "22/11/2026" (also "2/7/2025"), the way Vietnamese users type dates.
std::optional<Date> ParseDateVi(std::string_view text);
bool IsValidDate(const Date& d);
// Days since 1970-01-01 (negative before); the difference of two is the number of days between them.
std::int64_t DayNumber(const Date& d);
Date DateFromDayNumber(std::int64_t days);
Date AddDays(const Date& d, int days);
// Vietnamese display: "22/11/2026", and with time in Vietnam's zone (UTC+7, no DST): "22/11/2026 11:05"
std::string FormatDateVi(const Date& d);
std::string FormatDateTimeVi(Timestamp t);
// The civil date in Vietnam (UTC+7) at instant t; start of that day as an instant.
Date VietnamDate(Timestamp t);
Timestamp StartOfVietnamDay(const Date& d);

}  // namespace tdkt
