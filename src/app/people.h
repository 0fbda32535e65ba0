#pragma once
// People and their records: profile, memberships over time (transfers), yearly task ratings,
// maternity leave, discipline, initiatives and research works, and award history. A person is
// reached through their current unit (app/policy.h AuthorizePerson).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/validation.h"
#include "core/error.h"

namespace tdkt::app {

// A person as typed in a form, a JSON body or an Excel row.
struct PersonInput {
    std::string full_name;
    std::string gender;      // code or label: male / Nam
    std::string birth_date;  // dd/mm/yyyy or ISO
    std::string national_id;
    std::string category;       // code or label of domain::PersonCategories()
    std::string direct_worker;  // "có"/"không", "true"/"false"
    std::string position;
    std::string phone;
    std::string email;
    // For a new person: the unit and the date they joined it (today when empty).
    std::optional<UnitId> unit;
    std::string start_date;
};

// Checks every field (without the database) and fills `out`; problems go to `checker`.
void CheckPersonInput(Checker& checker, const PersonInput& in, PersonRecord& out);

Result<PersonRecord> AddPerson(App& app, const RequestContext& ctx, const PersonInput& in);
// The same inside the caller's write transaction (imports).
Result<PersonRecord> AddPersonIn(App& app, Repositories& repos, const RequestContext& ctx, const PersonInput& in);
Result<PersonRecord> UpdatePerson(App& app, const RequestContext& ctx, PersonId id, const PersonInput& in);
// Ends the current membership on `date` and opens one in `to` (the person's current unit becomes `to`).
Result<PersonRecord> TransferPerson(App& app, const RequestContext& ctx, PersonId id, UnitId to,
                                    const std::string& date, const std::string& position, const std::string& document);

struct PeopleSearch {
    std::string text;            // a name without diacritics in any case, or national ID digits
    std::optional<UnitId> unit;  // people of this unit and its sub-units
    std::string category;
    std::string sort = "name";  // name | birth_date | unit
    bool descending = false;
    int page = 1;
    int page_size = 50;
};

struct PeopleResult {
    std::vector<PersonRecord> items;
    std::int64_t total = 0;     // capped: see total_capped
    bool total_capped = false;  // "more than `total`"
    int page = 1;
    int page_size = 50;
};

Result<PeopleResult> SearchPeople(App& app, const RequestContext& ctx, const PeopleSearch& search);
// Every person the search matches (its page, page size and sort ignored), in id order, handed to
// `batch` a few thousand at a time, each batch read in its own transaction: exports of any size.
// `batch` returns false to stop. Returns how many were handed over.
Result<std::int64_t> ForEachPerson(App& app, const RequestContext& ctx, const PeopleSearch& search,
                                   const std::function<bool(const std::vector<PersonRecord>&)>& batch);

// Everything about one person, for the person page and GET /api/v1/people/{id}.
struct PersonFile {
    PersonRecord person;
    std::vector<Membership> memberships;
    std::vector<YearRating> ratings;
    std::vector<Leave> leaves;
    std::vector<Discipline> disciplines;
    std::vector<Initiative> initiatives;
    std::vector<AwardRecord> awards;
    bool can_edit = false;
    bool can_revoke = false;   // the board's leader over the person's unit (RevokeAward)
    bool can_recover = false;  // … or a board specialist: a revoked prize paid back
};

Result<PersonFile> GetPersonFile(App& app, const RequestContext& ctx, PersonId id);

Status SetPersonRating(App& app, const RequestContext& ctx, PersonId id, const std::string& year,
                       const std::string& rating, const std::string& document);
Status SetPersonRatingIn(App& app, Repositories& repos, const RequestContext& ctx, PersonId id, const std::string& year,
                         const std::string& rating, const std::string& document);
Status DeletePersonRating(App& app, const RequestContext& ctx, PersonId id, int year);

struct LeaveInput {
    std::string start_date, end_date, note;
};
struct DisciplineInput {
    std::string form, start_date, end_date, decision, note;
};
struct InitiativeInput {
    std::string kind, title, year, scope, decision;
};

Result<std::int64_t> AddLeave(App& app, const RequestContext& ctx, PersonId id, const LeaveInput& in);
Result<std::int64_t> AddDiscipline(App& app, const RequestContext& ctx, PersonId id, const DisciplineInput& in);
Result<std::int64_t> AddInitiative(App& app, const RequestContext& ctx, PersonId id, const InitiativeInput& in);
// kind: leave | discipline | initiative
Status DeletePersonRecord(App& app, const RequestContext& ctx, PersonId id, const std::string& kind,
                          std::int64_t record_id);

}  // namespace tdkt::app
