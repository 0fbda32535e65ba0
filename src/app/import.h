#pragma once
// Importing units, people, yearly ratings and award history from a table (an Excel sheet read by
// reports/xlsx_reader.h). Every row is checked first; a problem names the row and the column in
// Vietnamese; a table with any problem imports nothing, and all problems are reported at once.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/error.h"

namespace tdkt::app {

enum class ImportKind { kUnits, kPeople, kRatings, kAwards };

// "units" | "people" | "ratings" | "awards"
std::optional<ImportKind> ImportKindFromCode(std::string_view code);
std::string_view ImportKindCode(ImportKind kind);
std::string_view ImportKindLabel(ImportKind kind);  // "Cá nhân"

struct ImportColumn {
    std::string_view key;    // field name
    std::string_view label;  // the header in the file ("Họ và tên")
    bool required = false;
    std::string_view example;
    std::string_view note;  // what is accepted
};

const std::vector<ImportColumn>& ImportColumns(ImportKind kind);

struct ImportProblem {
    int row = 0;         // the row number as Excel shows it (1-based)
    std::string column;  // the header label, "" for the whole row
    std::string message;
};

struct ImportReport {
    int rows = 0;      // data rows read
    int imported = 0;  // rows written (0 when there was any problem)
    std::vector<ImportProblem> problems;
};

// Progress: the phase ("check" or "write"), rows done, rows in all.
using ImportProgress = std::function<void(std::string_view phase, int done, int total)>;

// `cells`: the sheet's rows; the header row is found among the first ten rows by its labels.
Result<ImportReport> ImportTable(App& app, const RequestContext& ctx, ImportKind kind,
                                 const std::vector<std::vector<std::string>>& cells,
                                 const ImportProgress& progress = {});

// Imports started from the page run in the background (web/pages/import_page.cpp); the job and its
// result are kept in the database (migration 14): any app server shows them, a restart does not lose
// them, and the user finds their recent imports on the page.
struct ImportJob {
    ImportJobRecord record;
    ImportKind kind = ImportKind::kPeople;
    std::vector<ImportProblem> problems;  // once finished
    // Still "running" long after any import could take (kImportJobLimit): the server running it
    // stopped, and its transaction, all or nothing, wrote nothing.
    bool interrupted = false;
};
inline constexpr std::chrono::hours kImportJobLimit{2};

// Records a new job of the signed-in user, running.
Result<ImportJobRecord> OpenImportJob(App& app, const RequestContext& ctx, ImportKind kind,
                                      const std::string& file_name, int total_rows);
// Runs ImportTable for the job and records its outcome (done, rejected with the rows' problems, or
// failed). Never throws: a system failure is recorded with a Vietnamese message and its internal
// detail returned for the log.
std::optional<std::string> RunImportJob(App& app, const RequestContext& ctx, const ImportJobRecord& job,
                                        const std::vector<std::vector<std::string>>& cells,
                                        const ImportProgress& progress = {});
// Only the user who started it sees a job (404 for anyone else).
Result<ImportJob> GetImportJob(App& app, const RequestContext& ctx, const std::string& id);
Result<std::vector<ImportJob>> RecentImportJobs(App& app, const RequestContext& ctx, int limit = 10);

}  // namespace tdkt::app
