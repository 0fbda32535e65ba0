#pragma once
// Batch eligibility checking (docs/eligibility.md): a self-contained JSON document of subjects (their
// ratings, awards, initiatives, discipline, leave, members' figures) and proposals goes in; a verdict
// with reasons, what is missing and the prize money comes out for each proposal. The same document
// is read by `tdkt check` and POST /api/v1/eligibility/check. Also the catalogue as JSON
// (GET /api/v1/catalog) and one prize amount (GET /api/v1/prize).
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "domain/catalog.h"
#include "domain/eligibility.h"

namespace tdkt::app {

// A subject whose history is read from the database instead of the document: a person by id or
// national ID, a unit (collective) by id or code.
struct StoredSubject {
    std::size_t index = 0;  // in CheckDocument::subjects
    std::optional<std::int64_t> person_id;
    std::string national_id;
    std::optional<std::int64_t> unit_id;
    std::string unit_code;
};

struct CheckDocument {
    std::vector<domain::SubjectHistory> subjects;
    std::vector<domain::Proposal> proposals;
    std::vector<StoredSubject> stored;
};

// Collects a document's problems, each with its field path or sheet, row and column; all are
// reported at once ("Tài liệu có 3 lỗi; lỗi đầu tiên: …", every one in Error::fields).
class CheckProblems {
  public:
    void Add(std::string field, std::string message) { items_.emplace_back(std::move(field), std::move(message)); }
    bool ok() const { return items_.empty(); }
    Error AsError() const;

  private:
    std::vector<std::pair<std::string, std::string>> items_;
};

struct App;
struct RequestContext;
// Reads the histories of the document's stored subjects, each only if `ctx` may see it (a person
// through their unit, a unit through a role on it); every problem names its field, and then nothing
// is read. Units get member figures for the years proposed for them.
Status LoadStoredSubjects(App& app, const RequestContext& ctx, CheckDocument& doc);

// Reads a check document. Every problem comes back at once, each naming its field
// ("subjects[0].ratings.2023"), with a Vietnamese message; nothing is evaluated then.
Result<CheckDocument> ParseCheckDocument(const nlohmann::json& doc, const domain::Catalog& catalog);
Result<CheckDocument> ParseCheckText(std::string_view text, const domain::Catalog& catalog);

// The officer's December list as a sheet (docs/eligibility.md): one proposal a row; the subject is a
// stored person (column «Số CCCD») or unit («Mã đơn vị»), read later by LoadStoredSubjects. The
// header is found among the first ten rows; rows without a decision date take `default_decision`.
// Every problem names its row and column ("Dòng 5, cột «Năm thành tích»").
struct ListColumn {
    std::string_view key, label;
    bool required = false;
    std::string_view example, note;
};
const std::vector<ListColumn>& CheckListColumns();
// Cells of such sheets: a header folded for matching ("Năm thành tích*" → "nam thanh tich"); a date
// written "20/12/2025", "2025-12-20" or as an Excel serial; an award by its code or Vietnamese name.
std::string SheetHeader(std::string_view header);
std::optional<Date> SheetDate(const std::string& value);
std::optional<std::string> AwardByCodeOrName(const domain::Catalog& catalog, const std::string& text);
Result<CheckDocument> CheckDocumentFromRows(const std::vector<std::vector<std::string>>& cells,
                                            const domain::Catalog& catalog, const Date& default_decision);

// {"results":[{"subject","award","year","kind","verdict","verdict_label","rule_set","reasons":[…],
//  "council":[…],"missing":[…],"prize_vnd":…,"prize_note":…}]}
nlohmann::json ResultsJson(const CheckDocument& doc, const std::vector<domain::Verdict>& verdicts);
// One verdict's members of a result: verdict, verdict_label, rule_set, reasons, council, missing,
// prize_vnd (and prize_note, assumes when set).
nlohmann::json VerdictFields(const domain::Verdict& v);

// Evaluates every proposal of the document.
std::vector<domain::Verdict> CheckAll(const domain::Catalog& catalog, const CheckDocument& doc);

// The rule set in force on `as_of` with its awards, criteria, prize amounts at the base salary of
// that date, documents and procedure; an error when no rule set is in force then.
Result<nlohmann::json> CatalogJson(const domain::Catalog& catalog, const Date& as_of);

}  // namespace tdkt::app
