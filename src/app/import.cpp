#include "app/import.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/awards.h"
#include "app/organisation.h"
#include "app/people.h"
#include "app/policy.h"
#include "core/crypto.h"
#include "core/text.h"
#include "core/time.h"

namespace tdkt::app {
namespace {

const std::vector<ImportColumn> kUnitColumns = {
    {"code", "Mã đơn vị", true, "HY.X.VT.TH1", "chữ không dấu, số, . _ -; không trùng"},
    {"name", "Tên đơn vị", true, "Trường Tiểu học Tam Quang", ""},
    {"unit_type", "Loại đơn vị", true, "Trường học", "Xã, Phường, Đặc khu, Sở ban ngành, Trường học, Bệnh viện…"},
    {"parent_code", "Mã đơn vị cấp trên", false, "HY.X.VT", "mã đã có, hoặc của một dòng phía trên"},
    {"effective_date", "Ngày thành lập", true, "01/07/2025", "dd/mm/yyyy"},
    {"document", "Văn bản quyết định", true, "Quyết định 123/QĐ-UBND ngày 01/07/2025", ""},
};

const std::vector<ImportColumn> kPeopleColumns = {
    {"full_name", "Họ và tên", true, "Nguyễn Thị Hoa", ""},
    {"gender", "Giới tính", true, "Nữ", "Nam hoặc Nữ"},
    {"birth_date", "Ngày sinh", false, "12/05/1986", "dd/mm/yyyy"},
    {"national_id", "Số CCCD", false, "034186000123", "12 chữ số, không trùng"},
    {"category", "Đối tượng", true, "Viên chức", "Cán bộ, Công chức, Viên chức, Người lao động, Công nhân, Nông dân…"},
    {"position", "Chức vụ", false, "Giáo viên", ""},
    {"unit_code", "Mã đơn vị", true, "HY.SGDDT.THPTCTB", "mã đơn vị công tác"},
    {"start_date", "Ngày bắt đầu công tác", false, "01/09/2020", "dd/mm/yyyy; để trống là hôm nay"},
    {"direct_worker", "Trực tiếp lao động", false, "có", "có / không"},
    {"phone", "Điện thoại", false, "", ""},
    {"email", "Thư điện tử", false, "", ""},
};

const std::vector<ImportColumn> kRatingColumns = {
    {"national_id", "Số CCCD", true, "034186000123", "người đã có trong hệ thống"},
    {"year", "Năm", true, "2025", ""},
    {"rating", "Xếp loại", true, "HTXS", "HTXS, HTT, HT, KHT hoặc tên đầy đủ"},
    {"document", "Văn bản đánh giá", false, "Quyết định 45/QĐ-THPT", ""},
};

const std::vector<ImportColumn> kAwardColumns = {
    {"subject_type", "Đối tượng khen thưởng", true, "Cá nhân", "Cá nhân, Tập thể, Hộ gia đình"},
    {"national_id", "Số CCCD", false, "034186000123", "cá nhân"},
    {"unit_code", "Mã đơn vị", false, "", "tập thể; xã, phường của hộ gia đình"},
    {"household_name", "Tên hộ gia đình", false, "", "hộ gia đình"},
    {"award_code", "Mã danh hiệu, hình thức", true, "CSTDCS", "LDTT, CSTDCS, BK_TINH, TTLDXS…"},
    {"year", "Năm thành tích", true, "2024", ""},
    {"kind", "Loại hình khen thưởng", false, "Thường xuyên (công trạng)", "để trống là thường xuyên"},
    {"decision_number", "Số quyết định", false, "215/QĐ-UBND", ""},
    {"decision_date", "Ngày quyết định", false, "20/01/2025", "dd/mm/yyyy"},
    {"authority", "Cấp quyết định", false, "Chủ tịch UBND tỉnh", ""},
    {"prize_vnd", "Tiền thưởng", false, "2.340.000", "đồng"},
};

bool IsDateColumn(std::string_view key) {
    return key == "birth_date" || key == "start_date" || key == "effective_date" || key == "decision_date";
}

// Excel stores dates as days since 30/12/1899; a cell formatted as a date reaches us as that number.
std::string FromExcelSerial(const std::string& value) {
    if (value.empty() || value.size() > 5 || !std::all_of(value.begin(), value.end(), ::isdigit)) return value;
    long days = std::stol(value) - 25569;  // days from 1970-01-01
    // civil_from_days (H. Hinnant's algorithm)
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return fmt::format("{:02d}/{:02d}/{}", d, m, y + (m <= 2));
}

// Excel drops the leading zero of a CCCD typed as a number: every province code starts with 0.
std::string NationalIdCell(std::string value) {
    value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
    if (value.size() >= 10 && value.size() < 12 && std::all_of(value.begin(), value.end(), ::isdigit))
        value.insert(0, 12 - value.size(), '0');
    return value;
}

std::string Folded(std::string_view header) {
    std::string f = text::Fold(text::CleanLine(header));
    while (!f.empty() && (f.back() == '*' || f.back() == ' ')) f.pop_back();
    return f;
}

struct Row {
    int number = 0;  // as Excel shows it
    std::unordered_map<std::string, std::string> values;
    std::string Get(const std::string& key) const {
        auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    }
};

// The API field of an error → the column label of this kind.
std::string ColumnFor(ImportKind kind, const std::string& field) {
    static const std::map<std::string, std::string> kAliases{
        {"unit_id", "unit_code"}, {"parent_id", "parent_code"}, {"person_id", "national_id"}};
    auto alias = kAliases.find(field);
    std::string key = alias == kAliases.end() ? field : alias->second;
    for (const auto& c : ImportColumns(kind))
        if (c.key == key) return std::string(c.label);
    return "";
}

void AddProblems(ImportReport& report, ImportKind kind, int row, const Error& e) {
    if (e.fields.empty()) {
        report.problems.push_back({row, "", e.message});
        return;
    }
    for (const auto& [field, message] : e.fields) report.problems.push_back({row, ColumnFor(kind, field), message});
}

}  // namespace

std::optional<ImportKind> ImportKindFromCode(std::string_view code) {
    if (code == "units") return ImportKind::kUnits;
    if (code == "people") return ImportKind::kPeople;
    if (code == "ratings") return ImportKind::kRatings;
    if (code == "awards") return ImportKind::kAwards;
    return std::nullopt;
}

std::string_view ImportKindCode(ImportKind kind) {
    switch (kind) {
        case ImportKind::kUnits:
            return "units";
        case ImportKind::kPeople:
            return "people";
        case ImportKind::kRatings:
            return "ratings";
        case ImportKind::kAwards:
            return "awards";
    }
    return "";
}

std::string_view ImportKindLabel(ImportKind kind) {
    switch (kind) {
        case ImportKind::kUnits:
            return "Đơn vị";
        case ImportKind::kPeople:
            return "Cá nhân";
        case ImportKind::kRatings:
            return "Xếp loại hằng năm";
        case ImportKind::kAwards:
            return "Khen thưởng đã nhận";
    }
    return "";
}

const std::vector<ImportColumn>& ImportColumns(ImportKind kind) {
    switch (kind) {
        case ImportKind::kUnits:
            return kUnitColumns;
        case ImportKind::kPeople:
            return kPeopleColumns;
        case ImportKind::kRatings:
            return kRatingColumns;
        case ImportKind::kAwards:
            return kAwardColumns;
    }
    return kPeopleColumns;
}

Result<ImportReport> ImportTable(App& app, const RequestContext& ctx, ImportKind kind,
                                 const std::vector<std::vector<std::string>>& cells, const ImportProgress& progress) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& columns = ImportColumns(kind);
    // The header: the first of the first ten rows that names every required column.
    std::optional<std::size_t> header_row;
    std::unordered_map<std::string, std::size_t> column_of;  // key → column index
    for (std::size_t r = 0; r < std::min<std::size_t>(cells.size(), 10) && !header_row; ++r) {
        std::unordered_map<std::string, std::size_t> found;
        for (std::size_t c = 0; c < cells[r].size(); ++c)
            for (const auto& col : columns)
                if (Folded(cells[r][c]) == Folded(col.label)) found.emplace(std::string(col.key), c);
        bool complete = std::all_of(columns.begin(), columns.end(), [&](const auto& col) {
            return !col.required || found.count(std::string(col.key));
        });
        if (complete) header_row = r, column_of = std::move(found);
    }
    if (!header_row) {
        std::string required;
        for (const auto& col : columns)
            if (col.required) required += (required.empty() ? "«" : ", «") + std::string(col.label) + "»";
        return Fail(ErrorCode::kValidation, "header_not_found",
                    fmt::format("Không tìm thấy dòng tiêu đề trong 10 dòng đầu của tệp. Tệp nhập {} cần các cột {}. "
                                "Hãy tải tệp mẫu và điền theo đúng tiêu đề.",
                                text::Fold(ImportKindLabel(kind)), required));
    }
    std::vector<Row> rows;
    for (std::size_t r = *header_row + 1; r < cells.size(); ++r) {
        Row row{static_cast<int>(r) + 1, {}};
        bool empty = true;
        for (const auto& [key, c] : column_of) {
            std::string value = c < cells[r].size() ? text::CleanLine(cells[r][c]) : "";
            if (!value.empty()) empty = false;
            if (IsDateColumn(key)) value = FromExcelSerial(value);
            if (key == "national_id") value = NationalIdCell(value);
            row.values[key] = std::move(value);
        }
        if (!empty) rows.push_back(std::move(row));
    }
    ImportReport report;
    report.rows = static_cast<int>(rows.size());
    if (rows.empty()) return report;
    // Every row runs through the same use case as a form, in one transaction: the first problem of
    // any row means the whole transaction is rolled back and nothing is imported.
    app.store.Write([&](Repositories& repos) {
        std::unordered_map<std::string, int> first_row_of;                // national ID → row (people)
        std::unordered_map<std::string, std::optional<PersonId>> people;  // national ID → person
        auto person_of = [&](const std::string& nid) -> std::optional<PersonId> {
            auto it = people.find(nid);
            if (it != people.end()) return it->second;
            auto found = repos.people.FindByNationalId(nid);
            return people[nid] = found ? std::optional(found->id) : std::nullopt;
        };
        auto unit_of = [&](const std::string& code) -> std::optional<UnitId> {
            auto u = repos.units.FindByCode(code);
            return u ? std::optional(u->id) : std::nullopt;
        };
        int done = 0;
        for (const auto& row : rows) {
            Status outcome;
            switch (kind) {
                case ImportKind::kUnits: {
                    NewUnitInput in{row.Get("code"), row.Get("name"), row.Get("unit_type"), std::nullopt};
                    std::string parent = row.Get("parent_code");
                    if (!parent.empty()) {
                        in.parent = unit_of(parent);
                        if (!in.parent) {
                            report.problems.push_back(
                                {row.number, "Mã đơn vị cấp trên", fmt::format("Không có đơn vị mã «{}».", parent)});
                            break;
                        }
                    }
                    auto created =
                        CreateUnitIn(app, repos, ctx, in, {row.Get("effective_date"), row.Get("document"), ""});
                    if (!created) outcome = tl::unexpected(created.error());
                    break;
                }
                case ImportKind::kPeople: {
                    PersonInput in{row.Get("full_name"),   row.Get("gender"),    row.Get("birth_date"),
                                   row.Get("national_id"), row.Get("category"),  row.Get("direct_worker"),
                                   row.Get("position"),    row.Get("phone"),     row.Get("email"),
                                   std::nullopt,           row.Get("start_date")};
                    std::string code = row.Get("unit_code");
                    if (!code.empty()) {
                        in.unit = unit_of(code);
                        if (!in.unit) {
                            report.problems.push_back(
                                {row.number, "Mã đơn vị", fmt::format("Không có đơn vị mã «{}».", code)});
                            break;
                        }
                    }
                    std::string nid = row.Get("national_id");
                    if (!nid.empty()) {
                        auto [it, fresh] = first_row_of.emplace(nid, row.number);
                        if (!fresh) {
                            report.problems.push_back(
                                {row.number, "Số CCCD", fmt::format("Số CCCD {} trùng với dòng {}.", nid, it->second)});
                            break;
                        }
                    }
                    auto added = AddPersonIn(app, repos, ctx, in);
                    if (!added) outcome = tl::unexpected(added.error());
                    break;
                }
                case ImportKind::kRatings: {
                    std::string nid = row.Get("national_id");
                    auto person = nid.empty() ? std::nullopt : person_of(nid);
                    if (!person) {
                        report.problems.push_back({row.number, "Số CCCD",
                                                   nid.empty() ? std::string("Vui lòng nhập Số CCCD.")
                                                               : fmt::format("Không có ai mang số CCCD {}.", nid)});
                        break;
                    }
                    outcome = SetPersonRatingIn(app, repos, ctx, *person, row.Get("year"), row.Get("rating"),
                                                row.Get("document"));
                    break;
                }
                case ImportKind::kAwards: {
                    AwardInput in;
                    in.subject_type = row.Get("subject_type");
                    in.household_name = row.Get("household_name");
                    in.award_code = row.Get("award_code");
                    in.year = row.Get("year");
                    in.kind = row.Get("kind");
                    in.decision_number = row.Get("decision_number");
                    in.decision_date = row.Get("decision_date");
                    in.authority = row.Get("authority");
                    in.prize_vnd = row.Get("prize_vnd");
                    std::string nid = row.Get("national_id"), code = row.Get("unit_code");
                    if (!nid.empty()) {
                        in.person = person_of(nid);
                        if (!in.person) {
                            report.problems.push_back(
                                {row.number, "Số CCCD", fmt::format("Không có ai mang số CCCD {}.", nid)});
                            break;
                        }
                    }
                    if (!code.empty()) {
                        in.unit = unit_of(code);
                        if (!in.unit) {
                            report.problems.push_back(
                                {row.number, "Mã đơn vị", fmt::format("Không có đơn vị mã «{}».", code)});
                            break;
                        }
                    }
                    auto recorded = RecordAwardIn(app, repos, ctx, in, "import");
                    if (!recorded) outcome = tl::unexpected(recorded.error());
                    break;
                }
            }
            if (!outcome) AddProblems(report, kind, row.number, outcome.error());
            if (progress && (++done % 200 == 0 || done == report.rows)) progress("check", done, report.rows);
        }
        if (!report.problems.empty()) return false;
        report.imported = report.rows;
        return true;
    });
    return report;
}

namespace {

tl::unexpected<Error> JobNotFound() {
    return Fail(ErrorCode::kNotFound, "import_job_not_found",
                "Không tìm thấy lượt nhập dữ liệu này (chỉ người nhập mới xem được).");
}

ImportJob JobView(const ImportJobRecord& r, Timestamp now) {
    ImportJob j;
    j.record = r;
    j.kind = ImportKindFromCode(r.kind).value_or(ImportKind::kPeople);
    auto problems = nlohmann::json::parse(r.problems_json, nullptr, false);
    if (problems.is_array())
        for (const auto& p : problems)
            j.problems.push_back({p.value("row", 0), p.value("column", ""), p.value("message", "")});
    auto started = ParseIsoUtc(r.started_at);
    j.interrupted =
        r.state == "running" && started &&
        now.ms - started->ms > std::chrono::duration_cast<std::chrono::milliseconds>(kImportJobLimit).count();
    return j;
}

}  // namespace

Result<ImportJobRecord> OpenImportJob(App& app, const RequestContext& ctx, ImportKind kind,
                                      const std::string& file_name, int total_rows) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    ImportJobRecord job;
    job.id = crypto::RandomToken(16);
    job.owner_login = ctx.actor ? ctx.actor->login : ctx.system_user;
    job.kind = std::string(ImportKindCode(kind));
    job.file_name = text::CleanLine(file_name);
    if (job.file_name.size() > 255) {  // cut at a character's start, not inside a UTF-8 sequence
        std::size_t cut = 255;
        while (cut > 0 && (static_cast<unsigned char>(job.file_name[cut]) & 0xC0) == 0x80) --cut;
        job.file_name.resize(cut);
    }
    job.total_rows = total_rows;
    job.started_at = FormatIsoUtc(app.clock.Now());
    // Not audited: the job records no change of the province's records; each imported row is.
    app.store.Write([&](Repositories& repos) {
        repos.imports.Insert(job);
        return true;
    });
    return job;
}

std::optional<std::string> RunImportJob(App& app, const RequestContext& ctx, const ImportJobRecord& job,
                                        const std::vector<std::vector<std::string>>& cells,
                                        const ImportProgress& progress) {
    ImportJobRecord result = job;
    std::optional<std::string> detail;
    try {
        auto kind = ImportKindFromCode(job.kind).value_or(ImportKind::kPeople);
        auto report = ImportTable(app, ctx, kind, cells, progress);
        if (report) {
            nlohmann::json problems = nlohmann::json::array();
            for (const auto& p : report->problems)
                problems.push_back({{"row", p.row}, {"column", p.column}, {"message", p.message}});
            result.state = report->problems.empty() ? "done" : "rejected";
            result.rows_read = report->rows;
            result.imported = report->imported;
            result.problems_json = problems.dump();
        } else {
            result.state = "failed";
            result.error = report.error().message;
        }
    } catch (const std::exception& e) {
        result.state = "failed";
        result.error = "Hệ thống gặp lỗi khi nhập dữ liệu; chưa có dòng nào được ghi. Vui lòng thử lại.";
        detail = e.what();
    }
    result.finished_at = FormatIsoUtc(app.clock.Now());
    try {
        app.store.Write([&](Repositories& repos) { return repos.imports.Finish(result); });
    } catch (const std::exception& e) {  // the database is gone: the job will show as interrupted
        detail = detail.value_or("") + (detail ? "; " : "") + "recording the result: " + e.what();
    }
    return detail;
}

Result<ImportJob> GetImportJob(App& app, const RequestContext& ctx, const std::string& id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::optional<ImportJobRecord> found;
    app.store.Read([&](Repositories& repos) { found = repos.imports.Find(id); });
    if (!found || !ctx.actor || found->owner_login != ctx.actor->login) return JobNotFound();
    return JobView(*found, app.clock.Now());
}

Result<std::vector<ImportJob>> RecentImportJobs(App& app, const RequestContext& ctx, int limit) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::vector<ImportJob> out;
    if (!ctx.actor) return out;
    std::vector<ImportJobRecord> rows;
    app.store.Read([&](Repositories& repos) { rows = repos.imports.ForOwner(ctx.actor->login, limit); });
    auto now = app.clock.Now();
    for (const auto& r : rows) out.push_back(JobView(r, now));
    return out;
}

}  // namespace tdkt::app
