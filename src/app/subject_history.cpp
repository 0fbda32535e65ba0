#include "app/subject_history.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "domain/codes.h"

namespace tdkt::app {

domain::SubjectHistory PersonHistory(Repositories& repos, const PersonRecord& p) {
    domain::SubjectHistory h;
    h.id = std::to_string(p.id.value);
    h.type = "individual";
    h.name = p.full_name;
    for (const auto& r : repos.records.Ratings(p.id)) h.ratings[r.year] = r.rating;
    std::unordered_map<std::int64_t, const AwardRecord*> by_id;
    auto awards = repos.awards.ForPerson(p.id);
    for (const auto& a : awards) {
        by_id[a.id.value] = &a;
        // A revoked award (Luật Điều 93) stays in the record but no longer counts.
        if (!a.revoked_at) h.awards.push_back({a.award_code, a.year, a.kind, a.decision_date, a.decision_number});
    }
    for (const auto& i : repos.records.Initiatives(p.id)) {
        domain::InitiativeRecord rec{i.title, i.year, i.scope, "", 0};
        if (i.used_by_award)
            if (auto it = by_id.find(i.used_by_award->value); it != by_id.end()) {
                rec.used_by = it->second->award_code;
                rec.used_year = it->second->year;
            }
        h.initiatives.push_back(std::move(rec));
    }
    for (const auto& d : repos.records.Disciplines(p.id)) h.discipline.push_back({d.form, d.start_date, d.end_date});
    for (const auto& l : repos.records.Leaves(p.id))
        if (l.kind == "maternity") h.maternity_leave.push_back({l.start_date, l.end_date});
    for (const auto& m : repos.people.Memberships(p.id))
        if (!h.service_start || m.start_date < *h.service_start) h.service_start = m.start_date;
    return h;
}

domain::SubjectHistory UnitHistory(Repositories& repos, const UnitRecord& unit, const std::vector<int>& member_years) {
    domain::SubjectHistory h;
    h.id = unit.code;
    h.type = "collective";
    h.name = unit.name;
    // Predecessors, transitively.
    auto lineage = repos.units.Lineage();
    std::vector<UnitId> lineage_units{unit.id};
    for (std::size_t i = 0; i < lineage_units.size(); ++i)
        for (const auto& link : lineage)
            if (link.successor == lineage_units[i] &&
                std::find(lineage_units.begin(), lineage_units.end(), link.predecessor) == lineage_units.end())
                lineage_units.push_back(link.predecessor);
    for (const auto& r : repos.units.Ratings(unit.id)) h.ratings[r.year] = r.rating;
    // A year the unit has no rating of its own takes its predecessors' lowest (all of them had to
    // earn it for the merged unit to claim it).
    std::map<int, std::string> inherited;
    for (std::size_t i = 1; i < lineage_units.size(); ++i)
        for (const auto& r : repos.units.Ratings(lineage_units[i])) {
            auto& slot = inherited[r.year];
            if (slot.empty() || domain::RatingRank(r.rating) > domain::RatingRank(slot)) slot = r.rating;
        }
    for (const auto& [year, rating] : inherited) h.ratings.emplace(year, rating);
    for (const auto& a : repos.awards.ForUnits(lineage_units))
        if (a.subject_type == "collective" && !a.revoked_at)
            h.awards.push_back({a.award_code, a.year, a.kind, a.decision_date, a.decision_number});

    // Members: the people in the unit or its current sub-units during each year asked for.
    std::vector<UnitId> subtree{unit.id};
    auto all = repos.units.List();
    for (std::size_t i = 0; i < subtree.size(); ++i)
        for (const auto& u : all)
            if (u.parent == subtree[i]) subtree.push_back(u.id);
    for (int year : member_years) {
        Date from{year, 1, 1}, to{year + 1, 1, 1};
        std::set<std::int64_t> people;
        for (UnitId u : subtree)
            for (const auto& m : repos.people.MembershipsDuring(u, from, to)) people.insert(m.person.value);
        domain::MemberStats stats;
        for (std::int64_t id : people)
            if (auto person = repos.people.Find(PersonId{id}))
                domain::CountMember(stats, PersonHistory(repos, *person), year);
        if (stats.total > 0) h.member_stats[year] = stats;
    }
    return h;
}

}  // namespace tdkt::app
