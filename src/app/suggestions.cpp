#include "app/suggestions.h"

#include <algorithm>
#include <chrono>

#include "app/catalog.h"
#include "app/policy.h"
#include "app/subject_history.h"
#include "core/text.h"

namespace tdkt::app {
namespace {

bool Decidable(const std::vector<domain::Criterion>& criteria) {
    for (const auto& c : criteria)
        if (c.kind != "judgement" && (c.criteria.empty() || c.kind == "run_after_award" || Decidable(c.criteria)))
            return true;
    return false;
}

int Multiplier(const domain::AwardDef& a, const std::string& type) {
    return type == "collective" ? a.prize.collective : type == "household" ? a.prize.household : a.prize.individual;
}

// The awards offered for a subject type: marked `suggest`, given for merit, with criteria the data can
// decide; the highest first.
std::vector<const domain::AwardDef*> CandidateAwards(const domain::RuleSet& rules, const std::string& type) {
    std::vector<const domain::AwardDef*> awards;
    for (const auto& a : rules.awards) {
        if (!a.suggest || !a.Allows(type) || !a.AllowsKind("merit")) continue;
        const auto* set = a.CriteriaFor(type, "merit");
        if (set && Decidable(set->criteria)) awards.push_back(&a);
    }
    std::stable_sort(awards.begin(), awards.end(),
                     [&](const auto* x, const auto* y) { return Multiplier(*x, type) > Multiplier(*y, type); });
    return awards;
}

}  // namespace

std::vector<Candidate> EvaluateCandidates(const domain::Catalog& catalog, const domain::SubjectHistory& subject,
                                          int year, const Date& decision) {
    std::vector<Candidate> out;
    const domain::RuleSet* rules = catalog.InForce(decision);
    if (!rules) return out;
    auto awards = CandidateAwards(*rules, subject.type);
    auto evaluate = [&](const domain::SubjectHistory& s, const domain::AwardDef& a) {
        return domain::Evaluate(catalog, s, {subject.id, a.code, year, "merit", decision});
    };
    // The titles of this year the subject is eligible for and does not hold yet: a chain may count on them.
    domain::SubjectHistory assumed = subject;
    std::vector<std::string> assumed_names;
    for (const auto* a : awards) {
        out.push_back({a->code, a->name, evaluate(subject, *a), ""});
        if (a->group != "title" || out.back().verdict.verdict != domain::VerdictKind::kEligible) continue;
        bool held = std::any_of(subject.awards.begin(), subject.awards.end(),
                                [&](const auto& h) { return h.code == a->code && h.year == year; });
        if (held) continue;
        assumed.awards.push_back({a->code, year, "merit", decision, ""});
        assumed_names.push_back(a->name + " năm " + std::to_string(year));
    }
    if (assumed_names.empty()) return out;
    for (auto& c : out) {
        if (c.verdict.verdict == domain::VerdictKind::kEligible) continue;
        auto again = evaluate(assumed, *rules->Find(c.award));
        if (again.verdict != domain::VerdictKind::kEligible) continue;
        std::string uses = domain::AssumedTitlesUsed(again, assumed_names);
        if (uses.empty()) continue;
        again.assumes = uses;
        c.verdict = std::move(again);
        c.assumes = uses;
    }
    return out;
}

Result<Suggestions> SuggestAwards(App& app, const RequestContext& ctx, UnitId unit_id, int year, const Date& decision) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    Result<Suggestions> result = Suggestions{};
    app.store.Read([&](Repositories& repos) {
        auto unit = repos.units.Find(unit_id);
        if (!unit)
            return void(result = Fail(ErrorCode::kNotFound, "unit_not_found",
                                      "Không tìm thấy đơn vị #" + std::to_string(unit_id.value) + "."));
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewPeople, unit_id); !ok)
            return void(result = tl::unexpected(ok.error()));
        Suggestions s;
        s.unit = *unit;
        s.year = year;
        s.decision = decision;
        if (const auto* rules = catalog.InForce(decision)) s.rule_set = rules->name;
        // The unit's current people, with its sub-units'.
        std::vector<UnitId> subtree{unit_id};
        auto all = repos.units.List();
        for (std::size_t i = 0; i < subtree.size(); ++i)
            for (const auto& u : all)
                if (u.parent == subtree[i]) subtree.push_back(u.id);
        std::vector<PersonRecord> people;
        for (UnitId u : subtree)
            for (const auto& m : repos.people.CurrentMemberships(u))
                if (auto p = repos.people.Find(m.person)) people.push_back(*p);
        std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) {
            return text::CollationKey(a.full_name) < text::CollationKey(b.full_name);
        });
        s.people = static_cast<int>(people.size());
        auto keep = [](const Candidate& c) { return c.verdict.verdict != domain::VerdictKind::kNotEligible; };
        auto collective = UnitHistory(repos, *unit, {year});
        for (auto& c : EvaluateCandidates(catalog, collective, year, decision))
            if (keep(c))
                s.rows.push_back({"collective", std::nullopt, unit->id, unit->name, "", unit->code, unit->name, c});
        for (const auto& p : people) {
            auto history = PersonHistory(repos, p);
            for (auto& c : EvaluateCandidates(catalog, history, year, decision))
                if (keep(c))
                    s.rows.push_back(
                        {"individual", p.id, p.unit, p.full_name, p.national_id, p.unit_code, p.unit_name, c});
        }
        result = std::move(s);
    });
    return result;
}

Result<std::vector<Candidate>> PersonCandidates(App& app, const RequestContext& ctx, PersonId id, int year,
                                                const Date& decision) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Result<std::vector<Candidate>> result = std::vector<Candidate>{};
    app.store.Read([&](Repositories& repos) {
        auto person = repos.people.Find(id);
        if (!person)
            return void(result = Fail(ErrorCode::kNotFound, "person_not_found",
                                      "Không tìm thấy cá nhân #" + std::to_string(id.value) + "."));
        if (auto ok = AuthorizePerson(repos.units, ctx, domain::Action::kViewPeople, *person); !ok)
            return void(result = tl::unexpected(ok.error()));
        result = EvaluateCandidates(CatalogOf(app), PersonHistory(repos, *person), year, decision);
    });
    return result;
}

Result<std::vector<Candidate>> UnitCandidates(App& app, const RequestContext& ctx, UnitId id, int year,
                                              const Date& decision) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Result<std::vector<Candidate>> result = std::vector<Candidate>{};
    app.store.Read([&](Repositories& repos) {
        auto unit = repos.units.Find(id);
        if (!unit)
            return void(result = Fail(ErrorCode::kNotFound, "unit_not_found",
                                      "Không tìm thấy đơn vị #" + std::to_string(id.value) + "."));
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewPeople, id); !ok)
            return void(result = tl::unexpected(ok.error()));
        result = EvaluateCandidates(CatalogOf(app), UnitHistory(repos, *unit, {year}), year, decision);
    });
    return result;
}

Result<EveryoneSummary> EvaluateEveryone(App& app, const RequestContext& ctx, int year, const Date& decision,
                                         int batch) {
    if (!ctx.system) return Fail(ErrorCode::kForbidden, "system_only", "Chỉ chạy được từ dòng lệnh của máy chủ.");
    const auto& catalog = CatalogOf(app);
    const domain::RuleSet* rules = catalog.InForce(decision);
    if (!rules)
        return Fail(ErrorCode::kInvalidInput, "no_rule_set",
                    "Chưa có bộ quy định khen thưởng có hiệu lực vào ngày " + FormatDateVi(decision) + ".");
    auto awards = CandidateAwards(*rules, "individual");
    EveryoneSummary out;
    out.year = year;
    out.decision = decision;
    out.rule_set = rules->id;
    for (const auto* a : awards) out.counts.push_back({a->code, a->name, 0, 0, 0});
    std::int64_t total = 0;
    app.store.Read([&](Repositories& repos) { total = repos.people.Count(); });
    using Clock = std::chrono::steady_clock;
    std::int64_t after = 0;
    while (out.people < total) {
        auto started = Clock::now();
        std::vector<domain::SubjectHistory> histories;
        app.store.Read([&](Repositories& repos) {
            histories = repos.records.HistoriesBetween(PersonId{after}, PersonId{after + batch});
        });
        auto loaded = Clock::now();
        out.load_seconds += std::chrono::duration<double>(loaded - started).count();
        after += batch;
        for (const auto& h : histories)
            for (std::size_t i = 0; i < awards.size(); ++i) {
                auto v = domain::Evaluate(catalog, h, {h.id, awards[i]->code, year, "merit", decision}, false);
                auto& c = out.counts[i];
                (v.verdict == domain::VerdictKind::kEligible        ? c.eligible
                 : v.verdict == domain::VerdictKind::kNeedsEvidence ? c.needs_evidence
                                                                    : c.not_eligible)++;
            }
        out.evaluate_seconds += std::chrono::duration<double>(Clock::now() - loaded).count();
        out.people += static_cast<std::int64_t>(histories.size());
        out.evaluations += static_cast<std::int64_t>(histories.size() * awards.size());
        if (histories.empty() && after > total * 4 + 1'000'000) break;  // ids far sparser than expected
    }
    return out;
}

}  // namespace tdkt::app
