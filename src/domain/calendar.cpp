#include "domain/calendar.h"

namespace tdkt::domain {

int Weekday(const Date& d) {
    std::int64_t n = DayNumber(d) + 4;  // 1970-01-01 was a Thursday
    return static_cast<int>(((n % 7) + 7) % 7);
}

bool WorkCalendar::IsWorkingDay(const Date& d) const {
    bool rest = rest_weekdays.count(Weekday(d)) > 0;
    if (auto y = years.find(d.year); y != years.end()) {
        if (y->second.make_up_days.count(d)) return true;
        return !rest && !y->second.days_off.count(d);
    }
    if (rest) return false;
    // Not configured: the solar holidays, and each one on a rest day moves to the next working day not
    // already off (Bộ luật Lao động 2019, Điều 112 k3): 30/4 and 1/5/2022 on a weekend gave Monday 2/5
    // and Tuesday 3/5. Lunar holidays (Tết, Giỗ Tổ) are unknown here.
    std::set<Date> off;
    for (const auto& h : fixed)
        if (Date day{d.year, h.month, h.day}; IsValidDate(day)) off.insert(day);
    std::set<Date> moved;
    for (const auto& day : off) {
        if (!rest_weekdays.count(Weekday(day))) continue;
        Date next = AddDays(day, 1);
        while (rest_weekdays.count(Weekday(next)) || off.count(next) || moved.count(next)) next = AddDays(next, 1);
        moved.insert(next);
    }
    return !off.count(d) && !moved.count(d);
}

Date WorkCalendar::AddWorkingDays(const Date& from, int n) const {
    Date d = from;
    while (n > 0) {
        d = AddDays(d, 1);
        if (IsWorkingDay(d)) --n;
    }
    return d;
}

int WorkCalendar::WorkingDaysBetween(const Date& from, const Date& to) const {
    int count = 0;
    for (Date d = AddDays(from, 1); !(to < d); d = AddDays(d, 1))
        if (IsWorkingDay(d)) ++count;
    return count;
}

std::vector<int> WorkCalendar::UnconfiguredYears(const Date& from, const Date& to) const {
    std::vector<int> out;
    for (int y = from.year; y <= to.year; ++y)
        if (!Configured(y)) out.push_back(y);
    return out;
}

}  // namespace tdkt::domain
