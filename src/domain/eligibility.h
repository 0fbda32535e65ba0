#pragma once
// The eligibility engine: for a subject's history and a proposal (an award, an achievement year, a
// kind and a decision date), a verdict with reasons under the rule set in force on the decision date.
// Pure: the histories come from a check document or from the database (app/eligibility.h).
//
//   eligible        every criterion the data can decide is met; criteria that need the council's
//                   judgement are listed in `council`
//   not_eligible    some criterion fails
//   needs_evidence  a fact it needs is not recorded (a year's rating, members' figures …)
//
// Readings (docs/eligibility.md): an award that is not recorded was not received (a criterion that
// needs it fails), while a rating or member figure that is not recorded is a gap (needs evidence);
// only merit awards count in chains (NĐ 152 Điều 4); years touched by a discipline period do not
// count, and nothing is awarded while one is in force (Luật Điều 5, NĐ 152 Điều 4); years already
// rewarded by the same award are not counted again (one achievement, one award).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalog.h"

namespace tdkt::domain {

struct HeldAward {
    std::string code;
    int year = 0;  // achievement year
    std::string kind = "merit";
    std::optional<Date> decision_date;
    std::string reference;  // decision number, for evidence: "123/QĐ-UBND"
};

struct InitiativeRecord {
    std::string title;
    int year = 0;
    std::string scope;    // co_so, tinh, toan_quoc
    std::string used_by;  // award code it was used for ("" = unused); "CODE:YEAR" also accepted
    int used_year = 0;
};

struct DisciplineRecord {
    std::string level;  // DisciplineForms() code
    Date from;
    std::optional<Date> to;  // exclusive; nullopt = still in force
};

struct Period {
    Date from;
    Date to;  // exclusive
};

struct MemberStats {
    int total = 0;
    int completed_tasks = 0;
    int ldtt = 0;
    int cstdcs = 0;
    int disciplined_canh_cao_or_above = 0;
};

struct SubjectHistory {
    std::string id;
    std::string type = "individual";     // individual, collective, household
    std::string name;                    // for messages when known
    std::map<int, std::string> ratings;  // year → HTXS / HTT / HT / KHT
    std::vector<HeldAward> awards;
    std::vector<InitiativeRecord> initiatives;
    std::vector<DisciplineRecord> discipline;
    std::vector<Period> maternity_leave;
    std::map<int, MemberStats> member_stats;  // collectives
    std::map<int, int> cluster_rank;          // collectives: year → rank in its cụm/khối
    std::optional<Date> service_start;        // individuals: start of work (for service_months)
};

struct Proposal {
    std::string subject;
    std::string award;
    int year = 0;
    std::string kind = "merit";
    Date decision_date;
};

struct Reason {
    std::string rule;  // "CSTD_TINH.chain"
    std::string legal_ref;
    bool passed = false;
    std::string message;                // Vietnamese
    std::vector<std::string> evidence;  // what was used: "CSTĐCS 2023 (QĐ 12/QĐ-UBND)", "Xếp loại 2024: HTXS"
    bool unconfirmed = false;
};

enum class VerdictKind { kEligible, kNotEligible, kNeedsEvidence };
std::string_view VerdictCode(VerdictKind v);   // eligible, not_eligible, needs_evidence
std::string_view VerdictLabel(VerdictKind v);  // Vietnamese

struct Verdict {
    VerdictKind verdict = VerdictKind::kNotEligible;
    std::string rule_set;  // id of the rule set applied
    std::vector<Reason> reasons;
    std::vector<Reason> council;            // for the council's judgement
    std::vector<std::string> missing;       // what is lacking or not recorded, in Vietnamese
    std::optional<std::int64_t> prize_vnd;  // when eligible and the award carries money
    std::string prize_note;
    // Lower titles of the same year this verdict counts on, proposed alongside and themselves eligible:
    // "Chiến sĩ thi đua cơ sở năm 2025" ("" when it counts on recorded awards only).
    std::string assumes;
};

// `explain` false: the verdict and the prize only, without reasons, evidence or what is missing
// (bulk runs over a whole province or the country; several times faster).
// Adds one member's part to a collective's figures for `year` (Luật Điều 27, 28): completed = rated
// and not KHT; a CSTĐCS meets the LĐTT criteria (Luật Điều 23 k1) and counts among the LĐTT;
// disciplined = a discipline of cảnh cáo or heavier overlapping the year.
void CountMember(MemberStats& stats, const SubjectHistory& member, int year);

Verdict Evaluate(const Catalog& catalog, const SubjectHistory& subject, const Proposal& proposal, bool explain = true);

// Which of `assumed` ("Chiến sĩ thi đua cơ sở năm 2025": titles added to a history for a second
// evaluation) the verdict's evidence used, joined by ", "; "" when none.
std::string AssumedTitlesUsed(const Verdict& verdict, const std::vector<std::string>& assumed);

// Several proposals: evaluates each; a proposal that fails only for want of a lower title of the same
// year that is proposed alongside and eligible is evaluated as if that title were given (`assumes`);
// then pays only the highest title among the eligible titles of one subject, achievement year and
// decision date (NĐ 152 Điều 49: "cùng một thời điểm, cùng một thành tích"), and none for a title when
// a higher one of the same year is already held.
std::vector<Verdict> EvaluateAll(const Catalog& catalog, const std::vector<SubjectHistory>& subjects,
                                 const std::vector<Proposal>& proposals);

}  // namespace tdkt::domain
