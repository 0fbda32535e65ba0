// Property test: on arbitrary histories and proposals (any award of the real catalogue, any subject
// type, kind, year and decision date, contradictory or missing records), the engine never crashes and
// its answers hold together: an eligible verdict has every decided reason passed and a prize that is a
// whole number of 10,000 đồng; a refusal names a failed reason; a request for evidence says what is missing;
// and the bulk mode without reasons reaches the same verdicts.
#include <random>

#include <gtest/gtest.h>

#include "app/catalog.h"
#include "domain/codes.h"
#include "domain/eligibility.h"

namespace tdkt {
namespace {

class Gen {
  public:
    explicit Gen(unsigned seed) : rng_(seed) {}
    int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool Coin(int percent = 50) { return Int(1, 100) <= percent; }
    template <class T>
    const T& Pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(Int(0, static_cast<int>(v.size()) - 1))];
    }
    std::string Code(const domain::Vocabulary& v) {
        return std::string(v.entries()[Int(0, v.entries().size() - 1)].code);
    }
    Date AnyDate(int from_year, int to_year) { return Date{Int(from_year, to_year), Int(1, 12), Int(1, 28)}; }

  private:
    std::mt19937 rng_;
};

TEST(EligibilityProperties, NeverCrashesAndAnswersHoldTogether) {
    const auto& catalog = app::BuiltInCatalog();
    std::vector<std::string> codes;
    for (const auto& r : catalog.rule_sets)
        for (const auto& a : r.awards) codes.push_back(a.code);
    codes.push_back("NOT_AN_AWARD");
    Gen g(20261201);
    int eligible = 0, not_eligible = 0, needs_evidence = 0;
    for (int i = 0; i < 20'000; ++i) {
        domain::SubjectHistory s;
        s.id = "s";
        s.type = g.Code(domain::SubjectTypes());
        for (int y = 2010; y <= 2030; ++y)
            if (g.Coin(70)) s.ratings[y] = g.Code(domain::TaskRatings());
        for (int n = g.Int(0, 12); n > 0; --n)
            s.awards.push_back({g.Pick(codes), g.Int(2005, 2030), g.Code(domain::AwardKinds()),
                                g.Coin() ? std::optional(g.AnyDate(2005, 2031)) : std::nullopt,
                                g.Coin() ? "1/QĐ" : ""});
        for (int n = g.Int(0, 4); n > 0; --n)
            s.initiatives.push_back({"SK", g.Int(2005, 2030), g.Code(domain::RecognitionScopes()),
                                     g.Coin(30) ? g.Pick(codes) : "", g.Coin() ? g.Int(2005, 2030) : 0});
        for (int n = g.Int(0, 2); n > 0; --n) {
            Date from = g.AnyDate(2005, 2030);
            std::optional<Date> to;
            if (g.Coin(80)) to = Date{from.year + g.Int(0, 3), g.Int(1, 12), g.Int(1, 28)};
            s.discipline.push_back({g.Code(domain::DisciplineForms()), from, to});
        }
        if (g.Coin(30)) s.maternity_leave.push_back({g.AnyDate(2015, 2030), g.AnyDate(2015, 2031)});
        for (int y = 2015; y <= 2030; ++y) {
            if (g.Coin(40)) s.member_stats[y] = {g.Int(0, 50), g.Int(0, 50), g.Int(0, 50), g.Int(0, 5), g.Int(0, 3)};
            if (g.Coin(20)) s.cluster_rank[y] = g.Int(1, 12);
        }
        if (g.Coin(50)) s.service_start = g.AnyDate(1990, 2030);
        domain::Proposal p{"s", g.Pick(codes), g.Int(1990, 2031), g.Code(domain::AwardKinds()), g.AnyDate(1990, 2032)};
        if (g.Coin(60)) p.kind = "merit";
        auto verdicts = domain::EvaluateAll(catalog, {s}, {p});
        ASSERT_EQ(verdicts.size(), 1u);
        const auto& v = verdicts[0];
        // The bulk mode reaches the same verdict and prize without writing the reasons.
        auto bare = domain::Evaluate(catalog, s, p, /*explain=*/false);
        ASSERT_EQ(bare.verdict, v.verdict) << p.award;
        ASSERT_EQ(bare.prize_vnd, v.prize_vnd) << p.award;
        ASSERT_TRUE(bare.missing.empty());
        ASSERT_LE(bare.reasons.size(), 1u);  // only a structural refusal (no rule set, award or kind) is named
        bool any_failed = false;
        for (const auto& r : v.reasons) {
            any_failed |= !r.passed;
            ASSERT_FALSE(r.message.empty()) << r.rule;
        }
        switch (v.verdict) {
            case domain::VerdictKind::kEligible:
                ++eligible;
                ASSERT_FALSE(any_failed) << p.award;
                ASSERT_TRUE(v.prize_vnd.has_value()) << p.award;
                ASSERT_GE(*v.prize_vnd, 0);
                ASSERT_EQ(*v.prize_vnd % 10'000, 0);
                break;
            case domain::VerdictKind::kNotEligible:
                ++not_eligible;
                ASSERT_TRUE(any_failed) << p.award;
                ASSERT_FALSE(v.prize_vnd.has_value());
                break;
            case domain::VerdictKind::kNeedsEvidence:
                ++needs_evidence;
                ASSERT_FALSE(v.missing.empty()) << p.award;
                break;
        }
    }
    // The generator reaches every verdict, so the properties above were exercised on each.
    EXPECT_GT(eligible, 100);
    EXPECT_GT(not_eligible, 100);
    EXPECT_GT(needs_evidence, 100);
}

}  // namespace
}  // namespace tdkt
