// The eligibility engine alone (issue 4 aim: ≥ 1 million evaluations per second per core): every
// individual title and award the engine can judge (LĐTT, CSTĐCS, CSTĐ tỉnh, CSTĐ toàn quốc, Bằng
// khen tỉnh, Bằng khen Thủ tướng, HCLĐ hạng Ba, Nhì, Nhất) for one achievement year, over 10,000
// synthetic people with 10 years of ratings, their titles, initiatives and a little discipline, built
// in memory with a fixed seed. One thread; items/s is evaluations per second.
#include <random>

#include <benchmark/benchmark.h>

#include "app/catalog.h"
#include "domain/eligibility.h"

namespace tdkt {
namespace {

std::vector<domain::SubjectHistory> People(int n) {
    std::mt19937 rng(2026);
    auto pct = [&](int p) { return std::uniform_int_distribution<int>(1, 100)(rng) <= p; };
    std::vector<domain::SubjectHistory> out;
    for (int i = 0; i < n; ++i) {
        domain::SubjectHistory s;
        s.id = std::to_string(i);
        for (int y = 2016; y <= 2025; ++y) {
            int roll = std::uniform_int_distribution<int>(1, 100)(rng);
            std::string rating = roll <= 25 ? "HTXS" : roll <= 90 ? "HTT" : roll <= 98 ? "HT" : "KHT";
            s.ratings[y] = rating;
            if (rating == "HTXS" || rating == "HTT") s.awards.push_back({"LDTT", y, "merit", Date{y, 12, 20}, ""});
            if (rating == "HTXS" && pct(70)) s.awards.push_back({"CSTDCS", y, "merit", Date{y, 12, 20}, ""});
            if (pct(8)) s.initiatives.push_back({"SK", y, pct(80) ? "co_so" : "tinh", "", 0});
        }
        if (pct(15)) s.awards.push_back({"BK_TINH", 2018 + i % 4, "merit", std::nullopt, ""});
        if (pct(3)) s.awards.push_back({"BK_TTG", 2017 + i % 3, "merit", std::nullopt, ""});
        if (pct(3)) s.discipline.push_back({"khien_trach", Date{2021, 3, 1}, Date{2022, 3, 1}});
        if (pct(10)) s.maternity_leave.push_back({Date{2023, 2, 1}, Date{2023, 8, 1}});
        s.service_start = Date{2010 + i % 10, 1 + i % 12, 1};
        out.push_back(std::move(s));
    }
    return out;
}

// state.range(0): 1 = with reasons (what an officer reads), 0 = the verdict only (bulk runs).
void BM_EvaluateEveryIndividualAward(benchmark::State& state) {
    const auto& catalog = app::BuiltInCatalog();
    static const auto people = People(10'000);
    const std::vector<std::string> awards = {"LDTT",  "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH",
                                             "BK_TTG", "HCLD_3", "HCLD_2",    "HCLD_1"};
    const Date decision{2026, 1, 15};
    std::size_t i = 0;
    std::int64_t eligible = 0;
    for (auto _ : state) {
        const auto& person = people[i++ % people.size()];
        for (const auto& award : awards) {
            auto v = domain::Evaluate(catalog, person, {person.id, award, 2025, "merit", decision}, state.range(0) == 1);
            eligible += v.verdict == domain::VerdictKind::kEligible;
            benchmark::DoNotOptimize(v);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(awards.size()));
    state.counters["eligible_share"] =
        benchmark::Counter(static_cast<double>(eligible) / static_cast<double>(state.iterations() * awards.size()));
}
BENCHMARK(BM_EvaluateEveryIndividualAward)->Arg(1)->Arg(0)->ArgName("explain")->Unit(benchmark::kMicrosecond)->MinTime(2.0);

}  // namespace
}  // namespace tdkt

BENCHMARK_MAIN();
