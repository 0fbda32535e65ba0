#include "domain/eligibility.h"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

TEST(CountMember, FiguresOfACollectiveYear) {
    MemberStats stats;
    SubjectHistory fighter;
    fighter.ratings = {{2025, "HTXS"}};
    fighter.awards = {{"CSTDCS", 2025, "merit", std::nullopt, ""}};
    CountMember(stats, fighter, 2025);
    SubjectHistory thematic;  // a thematic LĐTT and a reprimand: completed, neither LĐTT nor disciplined ≥ cảnh cáo
    thematic.ratings = {{2025, "HTT"}};
    thematic.awards = {{"LDTT", 2025, "thematic", std::nullopt, ""}};
    thematic.discipline = {{"khien_trach", {2025, 3, 1}, Date{2025, 9, 1}}};
    CountMember(stats, thematic, 2025);
    SubjectHistory warned;  // failed the year, warned from the previous year into this one
    warned.ratings = {{2025, "KHT"}};
    warned.discipline = {{"canh_cao", {2024, 6, 1}, Date{2025, 2, 1}}};
    CountMember(stats, warned, 2025);
    SubjectHistory unrated;  // no rating recorded: not counted as completed; a warning ended before the year
    unrated.discipline = {{"canh_cao", {2023, 1, 1}, Date{2025, 1, 1}}};
    CountMember(stats, unrated, 2025);
    EXPECT_EQ(stats.total, 4);
    EXPECT_EQ(stats.completed_tasks, 2);
    EXPECT_EQ(stats.ldtt, 1);
    EXPECT_EQ(stats.cstdcs, 1);
    EXPECT_EQ(stats.disciplined_canh_cao_or_above, 1);
}

}  // namespace
}  // namespace tdkt::domain
