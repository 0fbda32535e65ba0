#pragma once
// The award catalogue as data: rule sets, each in force over a period and naming its legal basis,
// holding every title and form with its criteria, council voting threshold, prize multipliers,
// artefacts, dossier documents and time limits; and the base salary (mức lương cơ sở) over time.
// The catalogue is read from JSON files (catalog/*.jsonc, then a province's own overlays) by
// app/catalog_loader.h; this header is the model the eligibility engine and prize money work on.
// docs/rules.md describes every field and lists the readings that are not confirmed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "domain/calendar.h"
#include "domain/workflow.h"

namespace tdkt::domain {

// One criterion of an award, as data. `kind` names what the engine checks (docs/rules.md):
//   rating              the subject's rating of the achievement year is `rating` or better
//   consecutive_years   `count` consecutive years up to the achievement year (every `step` years),
//                       each rated `rating` or better, or holding one of `awards` (merit only)
//   run_after_award     after the latest of `awards`, at least `count` consecutive years rated
//                       `rating` or better up to the achievement year, with `within` met in them
//   count_awards        (inside run_after_award) at least `count` of `awards` in the run
//   count_ratings       (inside run_after_award) at least `count` years rated `rating` or better
//   initiative          at least `count` initiatives or research works of `scope` or wider,
//                       recognised in the last `years` years and not used for another award
//   service_months      at least `count` months of work in the achievement year (leave counts)
//   members_completed   at least `share_pct` % of the members completed their tasks (collective)
//   members_award_share at least `share_pct` % of the members hold one of `awards` that year
//   members_award_count at least `count` members hold one of `awards` that year
//   members_disciplined at most `count` members disciplined at `discipline` or heavier that year
//   cluster_rank        ranked `count` or better in its emulation cluster or block that year
//   any_of / all_of     one / every criterion of `criteria`
//   judgement           decided by the council, listed for it (`text`)
struct Criterion {
    std::string id;  // stable within its award: "chain", "initiative"
    std::string kind;
    std::string text;                 // Vietnamese, as the law puts it
    std::string legal_ref;            // "Luật TĐKT 2022, Điều 22 k1"
    bool unconfirmed = false;         // a reading the domain notes mark unconfirmed (docs/rules.md lists them)
    std::string rating;               // HTXS, HTT, HT
    std::vector<std::string> awards;  // award codes
    std::string scope;                // co_so, tinh, toan_quoc
    std::string discipline;           // khien_trach … buoc_thoi_viec
    int count = 0;
    int years = 0;
    int step = 1;
    int share_pct = 0;
    std::vector<Criterion> criteria;  // any_of, all_of; run_after_award's `within`
};

// Criteria for one subject type and kind of commendation ("individual", "merit").
struct CriteriaSet {
    std::string subject_type;
    std::string kind;  // an award kind code, or "*" for every kind the award allows without its own set
    std::vector<Criterion> criteria;
};

// Prize multiplier in thousandths of the base salary (0.3 → 300); 0 when there is no prize.
struct Multipliers {
    int individual = 0;
    int collective = 0;
    int household = 0;  // when 0 and household_from_individual: household_factor × the individual amount
    bool household_from_individual = true;
    int household_factor = 1500;  // thousandths: 1.5 × the individual amount (NĐ 152 Điều 54)
    std::string legal_ref;
    bool unconfirmed = false;
};

struct AwardDef {
    std::string code;   // stable, part of the API: LDTT, CSTDCS, BK_TINH …
    std::string name;   // Vietnamese
    std::string group;  // title, order, medal, honour, certificate, commendation, commemorative
    std::string level;  // unit, commune, province, central: who decides (for the council path)
    std::string legal_ref;
    std::vector<std::string> subject_types;  // individual, collective, household
    std::vector<std::string> kinds;          // merit, thematic, sudden, contribution …
    std::string authority;                   // Vietnamese: who decides
    std::vector<CriteriaSet> criteria;
    int vote_threshold_pct = 0;  // of all council members; 0 = the council's own rules
    std::string vote_legal_ref;
    bool vote_unconfirmed = false;
    Multipliers prize;
    std::vector<std::string> artefacts;             // Vietnamese: "Bằng chứng nhận", "Khung", "Huy hiệu"
    std::vector<std::string> documents;             // dossier document codes (DocumentKinds in the catalogue)
    std::vector<std::string> simplified_documents;  // under the simplified procedure
    std::vector<std::string> simplified_kinds;      // kinds that may use the simplified procedure
    int appraisal_working_days = 0;
    std::string deadline;  // Vietnamese: "Trước ngày 10/12 hằng năm"
    bool public_consultation = false;
    int consultation_working_days = 0;
    bool suggest = true;  // offered in suggestions and panels (not the armed forces' titles, Giấy khen …)

    bool Allows(std::string_view subject_type) const;
    bool AllowsKind(std::string_view kind) const;
    // The criteria for a subject type and kind: the exact set, else the "*" set; null when none.
    const CriteriaSet* CriteriaFor(std::string_view subject_type, std::string_view kind) const;
};

struct DocumentKind {
    std::string code;  // to_trinh, bao_cao_thanh_tich …
    std::string name;  // Vietnamese
    // One per nominee (each one's achievement report …) rather than one for the dossier ("per":
    // "nominee" in the catalogue; the law lists the documents, which are per nominee is our reading).
    bool per_nominee = false;
};

struct RuleSet {
    std::string id;    // "2025-07-01"
    std::string name;  // Vietnamese
    Date valid_from;
    std::optional<Date> valid_to;  // exclusive; nullopt = in force until replaced
    std::vector<std::string> legal_basis;
    std::vector<AwardDef> awards;
    std::vector<DocumentKind> documents;
    // How a household's prize is rounded (NĐ 152 Điều 49, 54; unconfirmed): "individual_rounded"
    // rounds the individual amount up first, then rounds 1.5 × it up; "once" rounds 1.5 × k × LCS.
    std::string household_rounding = "individual_rounded";

    const AwardDef* Find(std::string_view code) const;
    const DocumentKind* Document(std::string_view code) const;
    bool InForce(const Date& d) const { return !(d < valid_from) && (!valid_to || d < *valid_to); }
};

struct BaseSalary {
    Date valid_from;
    std::int64_t amount_vnd = 0;
    std::string legal_ref;
    bool unconfirmed = false;
};

struct Catalog {
    std::vector<RuleSet> rule_sets;       // by valid_from
    std::vector<BaseSalary> base_salary;  // by valid_from
    WorkCalendar calendar;                // working days for procedure time limits
    Workflow workflow;                    // the dossier's states and transitions

    const RuleSet* InForce(const Date& d) const;
    const BaseSalary* SalaryOn(const Date& d) const;
};

}  // namespace tdkt::domain
