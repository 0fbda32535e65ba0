#pragma once
// Working days for procedure time limits (docs/workflow.md, "Time limits"): the weekly rest days,
// the public holidays of the Labour Code (Bộ luật Lao động 2019, Điều 112) and, per year, the days
// off and make-up working days the Government announces for public servants (Tết and Giỗ Tổ follow
// the lunar calendar, and swaps move days each year). The data is in catalog/calendar.jsonc and a
// province's overlays; a year not configured falls back to the solar holidays alone (with the
// Labour Code's next-working-day compensation) and is reported as such.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/time.h"

namespace tdkt::domain {

// 0 = Sunday … 6 = Saturday.
int Weekday(const Date& d);

struct FixedHoliday {
    int month = 1, day = 1;
    std::string name;  // Vietnamese: "Tết Dương lịch"
};

struct CalendarYear {
    int year = 0;
    std::set<Date> days_off;      // working days that are holidays or compensating days off
    std::set<Date> make_up_days;  // rest days worked instead (ngày làm bù)
    std::string legal_ref;
    bool unconfirmed = false;
};

class WorkCalendar {
  public:
    std::set<int> rest_weekdays{0, 6};
    std::string rest_legal_ref;
    std::vector<FixedHoliday> fixed;  // for years not configured
    std::string fixed_legal_ref;
    std::map<int, CalendarYear> years;

    bool Configured(int year) const { return years.count(year) > 0; }
    bool IsWorkingDay(const Date& d) const;
    // The date `n` working days after `from` (`from` itself not counted); n = 0 gives `from`.
    Date AddWorkingDays(const Date& from, int n) const;
    // Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    int WorkingDaysBetween(const Date& from, const Date& to) const;
    // The years from `from` to `to` that are not configured (their lunar holidays are unknown).
    std::vector<int> UnconfiguredYears(const Date& from, const Date& to) const;
};

}  // namespace tdkt::domain
