#include "core/time.h"

#include <gtest/gtest.h>

namespace tdkt {

TEST(Time_IsoUtc, RoundTripsMilliseconds) {
    auto t = ParseIsoUtc("2026-11-22T04:05:06.789Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->ms, 1795320306789);
    EXPECT_EQ(FormatIsoUtc(*t), "2026-11-22T04:05:06.789Z");
}

TEST(Time_IsoUtc, RejectsMalformed) {
    EXPECT_FALSE(ParseIsoUtc("2026-11-22 04:05:06Z"));
    EXPECT_FALSE(ParseIsoUtc("2026-02-30T04:05:06Z"));
    EXPECT_FALSE(ParseIsoUtc("2026-11-22T25:05:06Z"));
}

TEST(Time_IsoDate, RejectsImpossibleDates) {
    EXPECT_TRUE(ParseIsoDate("2024-02-29"));
    EXPECT_FALSE(ParseIsoDate("2025-02-29"));
    EXPECT_FALSE(ParseIsoDate("2025-13-01"));
    EXPECT_FALSE(ParseIsoDate("25-01-01"));
}

TEST(Time_ParseDateVi, AcceptsDayMonthYear) {
    EXPECT_EQ(ParseDateVi("22/11/2026"), (Date{2026, 11, 22}));
    EXPECT_EQ(ParseDateVi("1/7/2025"), (Date{2025, 7, 1}));
    EXPECT_EQ(ParseDateVi("31/02/2026"), std::nullopt);
    EXPECT_EQ(ParseDateVi("2026-11-22"), std::nullopt);
    EXPECT_EQ(ParseDateVi("22/11/26"), std::nullopt);
    EXPECT_EQ(ParseDateVi("/11/2026"), std::nullopt);
}

TEST(Time_Vietnamese, FormatsDayMonthYearInUtcPlus7) {
    EXPECT_EQ(FormatDateVi(Date{2025, 7, 1}), "01/07/2025");
    // 17:30 UTC on 30 June is 00:30 on 1 July in Vietnam.
    auto t = ParseIsoUtc("2025-06-30T17:30:00Z");
    EXPECT_EQ(FormatDateTimeVi(*t), "01/07/2025 00:30");
    EXPECT_EQ(VietnamDate(*t), (Date{2025, 7, 1}));
    EXPECT_EQ(FormatIsoUtc(StartOfVietnamDay(Date{2025, 7, 1})), "2025-06-30T17:00:00.000Z");
}

}  // namespace tdkt

namespace tdkt {

TEST(Time_AddDays, CrossesMonthsYearsAndLeapDays) {
    EXPECT_EQ(AddDays(Date{2025, 7, 1}, -1), (Date{2025, 6, 30}));
    EXPECT_EQ(AddDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
    EXPECT_EQ(AddDays(Date{2023, 2, 28}, 1), (Date{2023, 3, 1}));
    EXPECT_EQ(AddDays(Date{2025, 12, 31}, 1), (Date{2026, 1, 1}));
    EXPECT_EQ(DateFromDayNumber(0), (Date{1970, 1, 1}));
    EXPECT_EQ(DateFromDayNumber(DayNumber(Date{1960, 5, 17})), (Date{1960, 5, 17}));
}

}  // namespace tdkt
