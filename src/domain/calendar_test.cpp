#include "domain/calendar.h"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

WorkCalendar Calendar() {
    WorkCalendar c;
    c.fixed = {{1, 1, "Tết Dương lịch"}, {4, 30, "Ngày Chiến thắng"}, {5, 1, "Quốc tế lao động"}, {9, 2, "Quốc khánh"}};
    CalendarYear y2025;
    y2025.year = 2025;
    y2025.days_off = {{2025, 4, 30}, {2025, 5, 1}, {2025, 5, 2}};
    y2025.make_up_days = {{2025, 4, 26}};
    c.years[2025] = y2025;
    return c;
}

TEST(Calendar, WeekdaysFromTheEpoch) {
    EXPECT_EQ(Weekday({1970, 1, 1}), 4);   // Thursday
    EXPECT_EQ(Weekday({2025, 12, 1}), 1);  // Monday
    EXPECT_EQ(Weekday({2026, 2, 22}), 0);  // Sunday
    EXPECT_EQ(Weekday({1969, 12, 31}), 3);
}

TEST(Calendar, AConfiguredYearUsesItsDaysOffAndMakeUpDays) {
    auto c = Calendar();
    EXPECT_FALSE(c.IsWorkingDay({2025, 5, 2}));   // a Friday given off
    EXPECT_TRUE(c.IsWorkingDay({2025, 4, 26}));   // the Saturday worked for it
    EXPECT_FALSE(c.IsWorkingDay({2025, 4, 27}));  // Sunday
    EXPECT_TRUE(c.IsWorkingDay({2025, 1, 1}));    // not listed for 2025 here: a working day
    // Thursday 24/4 + 3 working days: Fri 25, Sat 26 (make-up), Mon 28.
    EXPECT_EQ(c.AddWorkingDays({2025, 4, 24}, 3), (Date{2025, 4, 28}));
    EXPECT_EQ(c.AddWorkingDays({2025, 4, 29}, 1), (Date{2025, 5, 5}));
    EXPECT_EQ(c.AddWorkingDays({2025, 4, 29}, 0), (Date{2025, 4, 29}));
    EXPECT_EQ(c.WorkingDaysBetween({2025, 4, 24}, {2025, 5, 5}), 5);  // 25, 26, 28, 29, 5
    EXPECT_EQ(c.WorkingDaysBetween({2025, 5, 5}, {2025, 4, 24}), 0);
}

TEST(Calendar, AnUnconfiguredYearHasTheSolarHolidaysMovedOffRestDays) {
    auto c = Calendar();
    EXPECT_FALSE(c.IsWorkingDay({2027, 1, 1}));  // Friday
    EXPECT_FALSE(c.IsWorkingDay({2027, 4, 30}));
    EXPECT_FALSE(c.IsWorkingDay({2027, 5, 3}));  // 1/5/2027 is a Saturday: Monday off instead
    EXPECT_TRUE(c.IsWorkingDay({2027, 5, 4}));
    EXPECT_EQ(c.UnconfiguredYears({2025, 12, 1}, {2027, 1, 5}), (std::vector<int>{2026, 2027}));
    // 30/4 and 1/5/2022 fell on Saturday and Sunday: Monday 2/5 and Tuesday 3/5 were off.
    EXPECT_FALSE(c.IsWorkingDay({2022, 5, 2}));
    EXPECT_FALSE(c.IsWorkingDay({2022, 5, 3}));
    EXPECT_TRUE(c.IsWorkingDay({2022, 5, 4}));
}

}  // namespace
}  // namespace tdkt::domain
