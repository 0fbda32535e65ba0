#include "reports/dossier_papers.h"

#include <map>

#include <fmt/format.h>

#include "app/catalog.h"
#include "core/text.h"
#include "domain/codes.h"
#include "domain/place_names.h"
#include "reports/pdf_document.h"

namespace tdkt::reports {
namespace {

using namespace pdf;

std::string Upper(const std::string& s) { return text::UpperVi(s); }

Header HeaderOf(const app::DossierView& view, const PaperContext& ctx, const std::string& symbol) {
    Header h;
    h.parent_body = Upper(ctx.parent_unit_name);
    h.body = Upper(view.dossier.unit_name);
    h.number = fmt::format("Số:        /{}", symbol);
    h.place_date = fmt::format("{}, {}", ctx.place, VietnameseDate(ctx.date.year, ctx.date.month, ctx.date.day));
    return h;
}

// "Về việc đề nghị khen thưởng năm 2025", "… khen thưởng đột xuất năm 2025" …
std::string Subject(const app::DossierView& view) {
    static const std::map<std::string, std::string> phrases{{"merit", ""},
                                                            {"thematic", " theo chuyên đề"},
                                                            {"sudden", " đột xuất"},
                                                            {"contribution", " quá trình cống hiến"},
                                                            {"service_length", " theo niên hạn"},
                                                            {"foreign", " đối ngoại"},
                                                            {"resistance", " thành tích kháng chiến"}};
    auto it = phrases.find(view.dossier.kind);
    return fmt::format("Về việc đề nghị khen thưởng{} năm {}", it == phrases.end() ? "" : it->second,
                       view.dossier.year);
}

}  // namespace

std::string SubmissionPdf(const app::DossierView& view, const PaperContext& ctx) {
    std::vector<Block> blocks;
    blocks.push_back(HeaderOf(view, ctx, "TTr"));
    blocks.push_back(Paragraph{"TỜ TRÌNH", Align::kCenter, 14, true, false, 0, 0});
    blocks.push_back(Paragraph{Subject(view), Align::kCenter, 14, true, false, 0, 6});
    blocks.push_back(
        Paragraph{fmt::format("Kính gửi: Hội đồng Thi đua – Khen thưởng {}", domain::InRunningText(ctx.board_name)),
                  Align::kCenter, 14, false, false, 0, 6});
    for (const auto& basis : ctx.legal_basis)
        blocks.push_back(Paragraph{fmt::format("Căn cứ {};", basis), Align::kJustify, 14, false, true});
    // Counted by award, in the order they first appear.
    std::vector<std::string> order;
    std::map<std::string, std::map<std::string, int>> counts;
    for (const auto& n : view.nominees) {
        if (!counts.count(n.award_name)) order.push_back(n.award_name);
        ++counts[n.award_name][n.record.subject_type];
    }
    int individuals = 0, collectives = 0, households = 0;
    for (const auto& n : view.nominees)
        (n.record.subject_type == "individual"   ? individuals
         : n.record.subject_type == "collective" ? collectives
                                                 : households)++;
    std::vector<std::string> parts;
    if (collectives) parts.push_back(fmt::format("{} tập thể", collectives));
    if (individuals) parts.push_back(fmt::format("{} cá nhân", individuals));
    if (households) parts.push_back(fmt::format("{} hộ gia đình", households));
    std::string whom;
    for (std::size_t i = 0; i < parts.size(); ++i)
        whom += (i ? (i + 1 == parts.size() ? " và " : ", ") : "") + parts[i];
    blocks.push_back(Paragraph{
        fmt::format("Xét thành tích năm {} và đề nghị của Hội đồng Thi đua – Khen thưởng đơn vị, {} kính trình Hội "
                    "đồng Thi đua – Khen thưởng {} xem xét, đề nghị khen thưởng cho {}, cụ thể như sau:",
                    view.dossier.year, view.dossier.unit_name, domain::InRunningText(ctx.board_name),
                    whom.empty() ? "0 trường hợp" : whom)});
    for (const auto& award : order) {
        std::vector<std::string> bits;
        const auto& c = counts[award];
        if (auto it = c.find("collective"); it != c.end()) bits.push_back(fmt::format("{} tập thể", it->second));
        if (auto it = c.find("individual"); it != c.end()) bits.push_back(fmt::format("{} cá nhân", it->second));
        if (auto it = c.find("household"); it != c.end()) bits.push_back(fmt::format("{} hộ gia đình", it->second));
        std::string list;
        for (std::size_t i = 0; i < bits.size(); ++i) list += (i ? ", " : "") + bits[i];
        blocks.push_back(Paragraph{fmt::format("- {}: {};", award, list), Align::kJustify, 14, false, false, 10, 1});
    }
    blocks.push_back(Paragraph{"(Có danh sách và hồ sơ kèm theo)", Align::kJustify, 14, false, true});
    blocks.push_back(Paragraph{fmt::format("Kính trình Hội đồng Thi đua – Khen thưởng {} xem xét, quyết định./.",
                                           domain::InRunningText(ctx.board_name))});
    blocks.push_back(Signature{{"THỦ TRƯỞNG ĐƠN VỊ"}, "", {"Như trên;", "Lưu: VT."}});
    return Render(blocks, {false, true, fmt::format("Tờ trình {} – {}", view.dossier.code, view.dossier.title)});
}

std::string NomineeListPdf(const app::DossierView& view, const PaperContext& ctx) {
    std::vector<Block> blocks;
    blocks.push_back(Paragraph{"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", Align::kCenter, 14, true, false, 0, 0});
    blocks.push_back(Paragraph{fmt::format("(Kèm theo Tờ trình của {} – hồ sơ {}, khen thưởng năm {})",
                                           view.dossier.unit_name, view.dossier.code, view.dossier.year),
                               Align::kCenter, 13, false, true, 0, 5});
    Table t;
    t.headers = {"STT",
                 "Tên cá nhân, tập thể, hộ gia đình",
                 "Đối tượng",
                 "Danh hiệu, hình thức đề nghị",
                 "Kết quả kiểm tra điều kiện",
                 "Ghi chú"};
    t.widths = {5, 30, 11, 24, 18, 20};
    t.aligns = {Align::kCenter, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft};
    int i = 0;
    for (const auto& n : view.nominees) {
        std::string note = n.record.override_reason.empty() ? "" : "Ban TĐKT vẫn trình: " + n.record.override_reason;
        t.rows.push_back({std::to_string(++i), n.record.subject_name,
                          std::string(domain::SubjectTypes().Label(n.record.subject_type)), n.award_name,
                          std::string(domain::VerdictLabel(n.verdict.verdict)), note});
    }
    blocks.push_back(t);
    blocks.push_back(Paragraph{fmt::format("Danh sách có {} trường hợp.", view.nominees.size()), Align::kLeft, 13,
                               false, true, 0, 4});
    blocks.push_back(
        Paragraph{fmt::format("{}, {}", ctx.place, VietnameseDate(ctx.date.year, ctx.date.month, ctx.date.day)),
                  Align::kRight, 13, false, true, 0, 1});
    blocks.push_back(Signature{{"THỦ TRƯỞNG ĐƠN VỊ"}, "", {}});
    return Render(blocks, {true, true, fmt::format("Danh sách đề nghị khen thưởng {}", view.dossier.code)});
}

Result<app::DocumentRecord> GenerateDossierPaper(app::App& app, const app::RequestContext& ctx, DossierId id,
                                                 const std::string& doc_type) {
    if (doc_type != "to_trinh" && doc_type != "danh_sach")
        return Fail(
            ErrorCode::kValidation, "doc_type_not_generated",
            fmt::format("tdkt chỉ lập sẵn tờ trình (to_trinh) và danh sách đề nghị (danh_sach), không lập «{}».",
                        doc_type));
    auto view = app::GetDossier(app, ctx, id);
    if (!view) return tl::unexpected(view.error());
    if (view->nominees.empty())
        return Fail(ErrorCode::kConflict, "dossier_empty", "Hồ sơ chưa có ai được đề nghị: chưa lập được giấy tờ.");
    Date today = VietnamDate(app.clock.Now());
    PaperContext paper;
    paper.parent_unit_name = view->parent_unit_name;
    paper.board_name = view->board_unit_name;
    paper.place = domain::PlaceName(view->board_unit_name);
    paper.date = today;
    if (const auto* rules = app::CatalogOf(app).InForce(today))
        for (std::string basis : rules->legal_basis) {
            // "Nghị định 152/2025/NĐ-CP (hiệu lực 01/07/2025)" → "Nghị định 152/2025/NĐ-CP"
            if (auto open = basis.find(" ("); open != std::string::npos) basis.resize(open);
            paper.legal_basis.push_back(basis);
        }
    app::DocumentInput in;
    in.doc_type = doc_type;
    in.generated = true;
    if (doc_type == "to_trinh") {
        in.bytes = SubmissionPdf(*view, paper);
        in.file_name = fmt::format("to-trinh-{}.pdf", view->dossier.code);
    } else {
        in.bytes = NomineeListPdf(*view, paper);
        in.file_name = fmt::format("danh-sach-{}.pdf", view->dossier.code);
    }
    return app::AttachDocument(app, ctx, id, in);
}

}  // namespace tdkt::reports
