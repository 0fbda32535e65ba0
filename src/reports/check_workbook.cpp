#include "reports/check_workbook.h"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/codes.h"

namespace tdkt::reports {
namespace {

using nlohmann::json;

constexpr std::string_view kSubject = "subject";

}  // namespace

const std::vector<WorkbookSheet>& CheckWorkbookSheets() {
    static const std::vector<WorkbookSheet> sheets = {
        {"proposals",
         "Đề nghị",
         "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
         {{"subject", "Mã đối tượng", true, "p1"},
          {"award", "Danh hiệu, hình thức đề nghị", true, "CSTD_TINH"},
          {"year", "Năm thành tích", true, "2025"},
          {"kind", "Loại hình khen thưởng", false, "Thường xuyên (công trạng)"},
          {"decision_date", "Ngày quyết định", false, "20/12/2025"}},
         {{"p1", "CSTD_TINH", "2025", "", "20/12/2025"}, {"t1", "TTLDXS", "2025", "", "20/12/2025"}}},
        {"subjects",
         "Đối tượng",
         "CÁ NHÂN, TẬP THỂ ĐƯỢC ĐỀ NGHỊ",
         {{"subject", "Mã đối tượng", true, "p1"},
          {"type", "Loại đối tượng", false, "Cá nhân"},
          {"name", "Họ và tên, tên tập thể", false, "Nguyễn Văn An"},
          {"service_start", "Ngày bắt đầu công tác", false, "01/09/2015"}},
         {{"p1", "Cá nhân", "Nguyễn Văn An", "01/09/2015"}, {"t1", "Tập thể", "Tổ Toán – Tin", ""}}},
        {"ratings",
         "Xếp loại",
         "XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ",
         {{"subject", "Mã đối tượng", true, "p1"}, {"year", "Năm", true, "2023"}, {"rating", "Xếp loại", true, "HTXS"}},
         {{"p1", "2023", "HTXS"},
          {"p1", "2024", "HTXS"},
          {"p1", "2025", "HTXS"},
          {"t1", "2024", "HTXS"},
          {"t1", "2025", "HTXS"}}},
        {"awards",
         "Khen thưởng",
         "DANH HIỆU, HÌNH THỨC ĐÃ ĐƯỢC TẶNG",
         {{"subject", "Mã đối tượng", true, "p1"},
          {"award", "Danh hiệu, hình thức", true, "CSTDCS"},
          {"year", "Năm thành tích", true, "2023"},
          {"kind", "Loại hình khen thưởng", false, "Thường xuyên (công trạng)"},
          {"decision_date", "Ngày quyết định", false, "20/12/2023"},
          {"decision", "Số quyết định", false, "112/QĐ-UBND"}},
         {{"p1", "CSTDCS", "2023", "", "20/12/2023", "112/QĐ-UBND"},
          {"p1", "CSTDCS", "2024", "", "18/12/2024", "98/QĐ-UBND"},
          {"p1", "CSTDCS", "2025", "", "19/12/2025", "120/QĐ-UBND"},
          {"t1", "TTLDTT", "2024", "", "18/12/2024", "99/QĐ-UBND"},
          {"t1", "TTLDTT", "2025", "", "19/12/2025", "121/QĐ-UBND"}}},
        {"initiatives",
         "Sáng kiến",
         "SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN",
         {{"subject", "Mã đối tượng", true, "p1"},
          {"year", "Năm công nhận", true, "2024"},
          {"scope", "Phạm vi ảnh hưởng", true, "Cấp tỉnh"},
          {"title", "Tên sáng kiến, đề tài", false, "Dạy học theo dự án môn Toán"}},
         {{"p1", "2024", "Cấp tỉnh", "Dạy học theo dự án môn Toán"}}},
        {"discipline",
         "Kỷ luật",
         "KỶ LUẬT",
         {{"subject", "Mã đối tượng", true, "p2"},
          {"level", "Hình thức kỷ luật", true, "Khiển trách"},
          {"from", "Từ ngày", true, "01/03/2024"},
          {"to", "Đến ngày", false, "01/03/2025"}},
         {}},
        {"maternity",
         "Nghỉ thai sản",
         "NGHỈ THAI SẢN",
         {{"subject", "Mã đối tượng", true, "p1"},
          {"from", "Từ ngày", true, "01/02/2024"},
          {"to", "Đến ngày", true, "01/08/2024"}},
         {}},
        {"members",
         "Số liệu thành viên",
         "SỐ LIỆU THÀNH VIÊN CỦA TẬP THỂ",
         {{"subject", "Mã đối tượng", true, "t1"},
          {"year", "Năm", true, "2025"},
          {"total", "Tổng số thành viên", true, "12"},
          {"completed_tasks", "Số hoàn thành nhiệm vụ", true, "12"},
          {"ldtt", "Số Lao động tiên tiến", true, "9"},
          {"cstdcs", "Số Chiến sĩ thi đua cơ sở", true, "2"},
          {"disciplined", "Số bị kỷ luật từ cảnh cáo", true, "0"}},
         {{"t1", "2024", "12", "12", "9", "2", "0"}, {"t1", "2025", "12", "12", "9", "2", "0"}}},
        {"cluster",
         "Xếp hạng cụm, khối",
         "XẾP HẠNG TRONG CỤM, KHỐI THI ĐUA",
         {{"subject", "Mã đối tượng", true, "t1"}, {"year", "Năm", true, "2025"}, {"rank", "Thứ hạng", true, "1"}},
         {}},
    };
    return sheets;
}

bool IsCheckWorkbook(const std::vector<NamedSheet>& sheets) {
    return std::any_of(sheets.begin(), sheets.end(),
                       [](const auto& s) { return text::Fold(text::CleanLine(s.name)) == "de nghi"; });
}

Result<app::CheckDocument> CheckDocumentFromWorkbook(const std::vector<NamedSheet>& sheets,
                                                     const domain::Catalog& catalog, const Date& default_decision) {
    app::CheckProblems problems;
    // Subjects in the order they first appear («Đối tượng», then «Đề nghị»).
    std::vector<std::string> order;
    std::map<std::string, json> subjects;
    json proposals = json::array();
    auto subject = [&](const std::string& id) -> json& {
        auto it = subjects.find(id);
        if (it == subjects.end()) {
            order.push_back(id);
            it = subjects.emplace(id, json{{"id", id}, {"type", "individual"}}).first;
        }
        return it->second;
    };
    struct Row {
        const WorkbookSheet* spec;
        int row;  // 1-based, as Excel shows it
        std::map<std::string, std::string, std::less<>> cells;
    };
    std::vector<Row> rows;
    bool has_proposals_sheet = false;
    for (const auto& spec : CheckWorkbookSheets()) {
        const NamedSheet* found = nullptr;
        for (const auto& s : sheets)
            if (text::Fold(text::CleanLine(s.name)) == text::Fold(spec.name)) found = &s;
        if (!found) continue;
        if (spec.key == "proposals") has_proposals_sheet = true;
        const auto& cells = found->sheet.rows;
        std::optional<std::size_t> header;
        std::map<std::string, std::size_t, std::less<>> column_of;
        for (std::size_t r = 0; r < std::min<std::size_t>(cells.size(), 10) && !header; ++r) {
            std::map<std::string, std::size_t, std::less<>> at;
            for (std::size_t c = 0; c < cells[r].size(); ++c)
                for (const auto& col : spec.columns)
                    if (app::SheetHeader(cells[r][c]) == app::SheetHeader(col.label))
                        at.emplace(std::string(col.key), c);
            bool all = std::all_of(spec.columns.begin(), spec.columns.end(),
                                   [&](const auto& col) { return !col.required || at.count(col.key); });
            if (all) header = r, column_of = std::move(at);
        }
        if (!header) {
            std::vector<std::string> needed;
            for (const auto& col : spec.columns)
                if (col.required) needed.push_back(fmt::format("«{}»", col.label));
            problems.Add(fmt::format("Trang «{}»", spec.name),
                         fmt::format("không tìm thấy dòng tiêu đề trong 10 dòng đầu; cần các cột {}", [&] {
                             std::string out;
                             for (const auto& n : needed) out += (out.empty() ? "" : ", ") + n;
                             return out;
                         }()));
            continue;
        }
        for (std::size_t r = *header + 1; r < cells.size(); ++r) {
            Row row{&spec, static_cast<int>(r) + 1, {}};
            bool any = false;
            for (const auto& [key, c] : column_of) {
                std::string v = c < cells[r].size() ? text::CleanLine(cells[r][c]) : "";
                any = any || !v.empty();
                row.cells[key] = v;
            }
            if (any) rows.push_back(std::move(row));
        }
    }
    if (!has_proposals_sheet)
        return Fail(ErrorCode::kValidation, "no_proposals_sheet", "Tệp không có trang «Đề nghị».");

    // Subjects first, so that «Đề nghị» (first in the workbook) finds their types and names.
    std::stable_partition(rows.begin(), rows.end(), [](const Row& r) { return r.spec->key == "subjects"; });
    for (const auto& row : rows) {
        const auto& spec = *row.spec;
        auto label = [&](std::string_view key) {
            for (const auto& col : spec.columns)
                if (col.key == key) return std::string(col.label);
            return std::string(key);
        };
        auto where = [&](std::string_view key) {
            return fmt::format("Trang «{}», dòng {}, cột «{}»", spec.name, row.row, label(key));
        };
        bool ok = true;
        auto cell = [&](std::string_view key) {
            auto it = row.cells.find(key);
            return it == row.cells.end() ? std::string() : it->second;
        };
        auto required = [&](std::string_view key) {
            std::string v = cell(key);
            if (v.empty()) {
                problems.Add(where(key), "bắt buộc phải có");
                ok = false;
            }
            return v;
        };
        auto year = [&](std::string_view key) {
            std::string v = required(key);
            if (v.empty()) return 0;
            int y = v.size() == 4 && std::all_of(v.begin(), v.end(), ::isdigit) ? std::stoi(v) : 0;
            if (y < 1945 || y > 2100) {
                problems.Add(where(key), fmt::format("«{}» không phải năm, ví dụ 2025", v));
                ok = false;
            }
            return y;
        };
        auto date = [&](std::string_view key, bool must) -> json {
            std::string v = must ? required(key) : cell(key);
            if (v.empty()) return nullptr;
            auto d = app::SheetDate(v);
            if (!d) {
                problems.Add(where(key), fmt::format("«{}» không phải ngày dạng dd/mm/yyyy", v));
                ok = false;
                return nullptr;
            }
            return FormatIsoDate(*d);
        };
        auto count = [&](std::string_view key) {
            std::string v = required(key);
            if (v.empty()) return 0;
            if (v.size() > 7 || !std::all_of(v.begin(), v.end(), ::isdigit)) {
                problems.Add(where(key), fmt::format("«{}» phải là số nguyên không âm", v));
                ok = false;
                return 0;
            }
            return std::stoi(v);
        };
        auto code = [&](std::string_view key, const domain::Vocabulary& vocabulary, bool must) -> std::string {
            std::string v = must ? required(key) : cell(key);
            if (v.empty()) return "";
            auto resolved = vocabulary.Resolve(v);
            if (!resolved) {
                problems.Add(where(key),
                             fmt::format("«{}» không hợp lệ; dùng một trong: {}", v, vocabulary.CodeList()));
                ok = false;
                return "";
            }
            return std::string(*resolved);
        };
        auto award = [&](std::string_view key) -> std::string {
            std::string v = required(key);
            if (v.empty()) return "";
            auto found = app::AwardByCodeOrName(catalog, v);
            if (!found) {
                problems.Add(where(key), fmt::format("«{}» không có trong danh mục khen thưởng", v));
                ok = false;
                return "";
            }
            return *found;
        };
        std::string id = required(kSubject);
        if (spec.key == "subjects") {
            std::string type = code("type", domain::SubjectTypes(), false);
            json start = date("service_start", false);
            if (!ok) continue;
            if (subjects.count(id)) {
                problems.Add(where(kSubject), fmt::format("mã đối tượng «{}» đã có ở dòng trên", id));
                continue;
            }
            json& s = subject(id);
            if (!type.empty()) s["type"] = type;
            if (!cell("name").empty()) s["name"] = cell("name");
            if (!start.is_null()) s["service_start"] = start;
            continue;
        }
        if (spec.key == "proposals") {
            std::string a = award("award");
            int y = year("year");
            std::string kind = code("kind", domain::AwardKinds(), false);
            json decision = date("decision_date", false);
            if (!ok) continue;
            subject(id);
            proposals.push_back(
                {{"subject", id},
                 {"award", a},
                 {"year", y},
                 {"kind", kind.empty() ? "merit" : kind},
                 {"decision_date", decision.is_null() ? json(FormatIsoDate(default_decision)) : decision}});
            continue;
        }
        // A history row: its subject must be one of the workbook's.
        json fact;
        std::string list;
        if (spec.key == "ratings") {
            int y = year("year");
            std::string rating = code("rating", domain::TaskRatings(), true);
            fact = {{"year", y}, {"rating", rating}};
        } else if (spec.key == "awards") {
            std::string a = award("award");
            int y = year("year");
            std::string kind = code("kind", domain::AwardKinds(), false);
            json decision = date("decision_date", false);
            fact = {{"code", a}, {"year", y}, {"kind", kind.empty() ? "merit" : kind}};
            if (!decision.is_null()) fact["decision_date"] = decision;
            if (!cell("decision").empty()) fact["decision"] = cell("decision");
            list = "awards";
        } else if (spec.key == "initiatives") {
            int y = year("year");
            std::string scope = code("scope", domain::RecognitionScopes(), true);
            fact = {{"year", y}, {"scope", scope}};
            if (!cell("title").empty()) fact["title"] = cell("title");
            list = "initiatives";
        } else if (spec.key == "discipline") {
            std::string level = code("level", domain::DisciplineForms(), true);
            json from = date("from", true), to = date("to", false);
            fact = {{"level", level}, {"from", from}};
            if (!to.is_null()) fact["to"] = to;
            list = "discipline";
        } else if (spec.key == "maternity") {
            fact = {{"from", date("from", true)}, {"to", date("to", true)}};
            list = "maternity_leave";
        } else if (spec.key == "members") {
            int y = year("year");
            fact = {{"year", y},
                    {"stats",
                     {{"total", count("total")},
                      {"completed_tasks", count("completed_tasks")},
                      {"ldtt", count("ldtt")},
                      {"cstdcs", count("cstdcs")},
                      {"disciplined_canh_cao_or_above", count("disciplined")}}}};
        } else if (spec.key == "cluster") {
            int y = year("year");
            int rank = count("rank");
            if (ok && rank < 1) {
                problems.Add(where("rank"), "thứ hạng phải từ 1 trở lên");
                ok = false;
            }
            fact = {{"year", y}, {"rank", rank}};
        }
        if (!ok) continue;
        if (!subjects.count(id)) {
            problems.Add(where(kSubject),
                         fmt::format("mã đối tượng «{}» không có ở trang «Đối tượng» hay «Đề nghị»", id));
            continue;
        }
        json& s = subjects[id];
        std::string y = fact.contains("year") ? std::to_string(fact["year"].get<int>()) : "";
        if (spec.key == "ratings") {
            if (s["ratings"].contains(y)) {
                problems.Add(where("year"), fmt::format("«{}» đã có xếp loại năm {} ở dòng trên", id, y));
                continue;
            }
            s["ratings"][y] = fact["rating"];
        } else if (spec.key == "members") {
            s["member_stats"][y] = fact["stats"];
        } else if (spec.key == "cluster") {
            s["cluster_rank"][y] = fact["rank"];
        } else {
            s[list].push_back(fact);
        }
    }
    if (!problems.ok()) return tl::unexpected(problems.AsError());
    if (proposals.empty())
        return Fail(ErrorCode::kValidation, "empty_list",
                    "Trang «Đề nghị» không có dòng đề nghị nào dưới dòng tiêu đề.");
    json doc{{"subjects", json::array()}, {"proposals", proposals}};
    for (const auto& id : order) doc["subjects"].push_back(subjects[id]);
    // The JSON contract's own checks (a member figure for an individual, member counts above the
    // total …); their messages name the JSON field.
    return app::ParseCheckDocument(doc, catalog);
}

Result<app::CheckDocument> CheckDocumentFromXlsx(std::string_view bytes, const domain::Catalog& catalog,
                                                 const Date& default_decision) {
    auto sheets = ReadXlsxSheets(bytes);
    if (!sheets) return tl::unexpected(sheets.error());
    if (IsCheckWorkbook(*sheets)) return CheckDocumentFromWorkbook(*sheets, catalog, default_decision);
    if (sheets->empty()) return Fail(ErrorCode::kValidation, "empty_list", "Tệp Excel không có trang tính nào.");
    return app::CheckDocumentFromRows(sheets->front().sheet.rows, catalog, default_decision);
}

std::vector<Table> CheckWorkbookTemplate() {
    std::vector<Table> out;
    for (const auto& spec : CheckWorkbookSheets()) {
        Table t;
        t.sheet_name = spec.name;
        t.title = spec.title;
        std::string required;
        for (const auto& col : spec.columns) {
            t.columns.push_back(std::string(col.label) + (col.required ? "*" : ""));
            if (col.required) required += (required.empty() ? "" : ", ") + std::string(col.label);
        }
        t.subtitle = spec.key == "proposals"
                         ? "Mỗi dòng một đề nghị. Cột có dấu * là bắt buộc. Các trang sau ghi lịch sử của từng đối "
                           "tượng theo «Mã đối tượng»; dòng ví dụ có thể xoá."
                         : "Cột bắt buộc: " + required + ".";
        for (const auto& example : spec.examples) {
            std::vector<std::string> row;
            for (auto v : example) row.emplace_back(v);
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace tdkt::reports
