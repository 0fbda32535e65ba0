#include "reports/eligibility_report.h"

#include <unordered_map>

#include <fmt/format.h>

#include "core/text.h"
#include "domain/codes.h"

namespace tdkt::reports {
namespace {

std::string Lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : "\n") + i;
    return out;
}

}  // namespace

Table EligibilityTable(const app::CheckDocument& doc, const std::vector<domain::Verdict>& verdicts,
                       const domain::Catalog& catalog, const std::string& subtitle) {
    Table t;
    t.sheet_name = "Kết quả xét";
    t.title = "KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG";
    t.subtitle = subtitle;
    t.columns = {"STT",
                 "Số CCCD / Mã đơn vị",
                 "Họ và tên, tên tập thể",
                 "Danh hiệu, hình thức đề nghị",
                 "Năm",
                 "Kết quả",
                 "Lý do (căn cứ)",
                 "Còn thiếu",
                 "Hội đồng xem xét",
                 "Tiền thưởng (đồng)",
                 "Bộ quy định áp dụng"};
    std::unordered_map<std::string, const domain::SubjectHistory*> subjects;
    for (const auto& s : doc.subjects) subjects.emplace(s.id, &s);
    for (std::size_t i = 0; i < doc.proposals.size() && i < verdicts.size(); ++i) {
        const auto& p = doc.proposals[i];
        const auto& v = verdicts[i];
        auto found = subjects.find(p.subject);
        const domain::SubjectHistory* subject = found == subjects.end() ? nullptr : found->second;
        const domain::RuleSet* rules = catalog.InForce(p.decision_date);
        const domain::AwardDef* award = rules ? rules->Find(p.award) : nullptr;
        // The failed reasons explain a refusal; an eligible proposal shows what was met.
        std::vector<std::string> reasons;
        bool eligible = v.verdict == domain::VerdictKind::kEligible;
        for (const auto& r : v.reasons)
            if (r.passed == eligible)
                reasons.push_back(r.message + (r.legal_ref.empty() ? "" : " (" + r.legal_ref + ")"));
        std::vector<std::string> council;
        for (const auto& r : v.council) council.push_back(r.message);
        std::string prize = v.prize_vnd ? text::FormatNumberVi(*v.prize_vnd) : "";
        if (v.prize_vnd && !v.prize_note.empty() && *v.prize_vnd == 0) prize += " (" + v.prize_note + ")";
        t.rows.push_back({std::to_string(i + 1), p.subject, subject ? subject->name : "",
                          award ? award->name + " (" + award->code + ")" : p.award, std::to_string(p.year),
                          std::string(domain::VerdictLabel(v.verdict)), Lines(reasons), Lines(v.missing),
                          Lines(council), prize, rules ? rules->name : ""});
    }
    return t;
}

Table SuggestionsTable(const app::Suggestions& s) {
    Table t;
    t.sheet_name = "Gợi ý khen thưởng";
    t.title = "DANH SÁCH GỢI Ý KHEN THƯỞNG NĂM " + std::to_string(s.year) + " — " + s.unit.name;
    t.subtitle = "Theo hồ sơ trong hệ thống, ngày quyết định dự kiến " + FormatDateVi(s.decision) + " (" + s.rule_set +
                 "). Xoá các dòng không đề nghị rồi tải lên mục «Xét khen thưởng».";
    for (const auto& c : app::CheckListColumns()) t.columns.push_back(std::string(c.label));
    for (const char* extra : {"Kết quả kiểm tra", "Còn thiếu", "Ghi chú"}) t.columns.push_back(extra);
    for (const auto& r : s.rows) {
        const auto& v = r.candidate.verdict;
        std::string note = r.candidate.assumes.empty() ? "" : "Nếu được công nhận " + r.candidate.assumes;
        if (r.subject_type == "individual" && r.national_id.empty())
            note += std::string(note.empty() ? "" : "; ") + "Chưa có số CCCD: bổ sung trước khi tải lên";
        t.rows.push_back({r.national_id, r.subject_type == "collective" ? r.unit_code : "", r.name, r.candidate.award,
                          std::to_string(s.year), std::string(domain::AwardKinds().Label("merit")),
                          FormatDateVi(s.decision), "", std::string(domain::VerdictLabel(v.verdict)), Lines(v.missing),
                          note});
    }
    return t;
}

Table CheckListTemplate() {
    Table t;
    t.sheet_name = "Danh sách đề nghị";
    t.title = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG";
    t.subtitle = "Mỗi dòng một đề nghị. Cá nhân ghi số CCCD; tập thể ghi mã đơn vị. Danh hiệu ghi mã hoặc tên.";
    for (const auto& c : app::CheckListColumns()) t.columns.push_back(std::string(c.label) + (c.required ? " *" : ""));
    t.rows.push_back({"034185001234", "", "Nguyễn Văn An", "CSTDCS", "2025", "", "20/12/2025", ""});
    t.rows.push_back({"", "HY.SGDDT.THPTCTB", "Trường THPT Chuyên Thái Bình", "Tập thể lao động xuất sắc", "2025",
                      "Thường xuyên (công trạng)", "", ""});
    return t;
}

}  // namespace tdkt::reports
