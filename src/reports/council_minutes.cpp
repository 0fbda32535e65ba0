#include "reports/council_minutes.h"

#include <fmt/format.h>

#include "core/text.h"
#include "domain/codes.h"
#include "reports/pdf_document.h"

namespace tdkt::reports {
namespace {

using namespace pdf;

std::string RoleLabel(const std::string& role) {
    return role == "chair"        ? "Chủ tịch Hội đồng"
           : role == "vice_chair" ? "Phó Chủ tịch Hội đồng"
           : role == "secretary"  ? "Thư ký Hội đồng"
                                  : "Ủy viên";
}

std::string Percent(int agree, int denominator) {
    if (denominator <= 0) return "—";
    // One decimal with a comma, as written in Vietnamese: 90,9%
    std::string s = fmt::format("{:.1f}%", 100.0 * agree / denominator);
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

// "15:42": when the ballot closed, Vietnam time.
std::string ClosedAt(const app::MeetingRecord& m) {
    auto t = m.closed_at ? ParseIsoUtc(*m.closed_at) : std::nullopt;
    return t ? FormatDateTimeVi(*t).substr(11) : "—";
}

}  // namespace

std::string CouncilMinutesPdf(const app::MeetingView& v, const std::string& place) {
    const auto& m = v.meeting;
    std::vector<Block> blocks;
    Header h;
    h.parent_body = "";
    h.body = text::UpperVi(v.council.name);
    h.number = "Số:        /BB-HĐTĐKT";
    h.place_date = fmt::format("{}, {}", place, VietnameseDate(m.held_on.year, m.held_on.month, m.held_on.day));
    blocks.push_back(h);
    blocks.push_back(Paragraph{"BIÊN BẢN", Align::kCenter, 14, true, false, 0, 0});
    blocks.push_back(
        Paragraph{fmt::format("Họp {} và kết quả kiểm phiếu", v.council.name), Align::kCenter, 14, true, false, 0, 6});
    blocks.push_back(Paragraph{fmt::format("Phiên họp: {}. Thời gian: ngày {}.{}", m.title, FormatDateVi(m.held_on),
                                           m.place.empty() ? "" : fmt::format(" Địa điểm: {}.", m.place))});
    std::string chair, secretary;
    std::vector<std::string> present, absent;
    for (const auto& member : v.members) {
        std::string who = fmt::format("{} – {} ({})", member.display_name, member.title, RoleLabel(member.role));
        (v.present.count(member.id) ? present : absent).push_back(who);
        if (member.role == "chair") chair = member.display_name;
        if (member.role == "secretary") secretary = member.display_name;
    }
    blocks.push_back(
        Paragraph{fmt::format("Thành phần: Hội đồng có {} thành viên; có mặt {} thành viên, vắng mặt {} "
                              "thành viên (đủ số lượng theo quy định: cần ít nhất {}).",
                              v.members.size(), present.size(), absent.size(), v.quorum_needed)});
    for (const auto& p : present) blocks.push_back(Paragraph{"- " + p, Align::kLeft, 13, false, false, 0, 0});
    if (!absent.empty()) {
        blocks.push_back(Paragraph{"Vắng mặt:", Align::kLeft, 13, false, true, 0, 0});
        for (const auto& a : absent) blocks.push_back(Paragraph{"- " + a, Align::kLeft, 13, false, false, 0, 0});
    }
    blocks.push_back(Paragraph{
        "Hội đồng đã xem xét hồ sơ đề nghị khen thưởng và bỏ phiếu kín từng trường hợp. Tỷ lệ đồng ý được tính "
        "trên tổng số thành viên Hội đồng" +
            std::string(v.council.recusal_rule == "exclude" ? ", không kể thành viên không tham gia biểu quyết do xung "
                                                              "đột lợi ích"
                                                            : ", kể cả thành viên không tham gia biểu quyết") +
            ". Kết quả kiểm phiếu như sau:",
        Align::kJustify, 14, false, false, 10, 3});
    Table t;
    t.headers = {"STT",          "Tên cá nhân, tập thể", "Hình thức đề nghị", "Đồng ý",
                 "Không đồng ý", "Không biểu quyết",     "Tỷ lệ đồng ý",      "Kết quả"};
    // The vote columns wide enough for their one-word headers at 11 pt ("Đồng ý" on one line).
    t.widths = {6, 19, 17, 9, 9, 9, 14, 17};
    t.aligns = {Align::kCenter, Align::kLeft,   Align::kLeft,   Align::kCenter,
                Align::kCenter, Align::kCenter, Align::kCenter, Align::kLeft};
    t.size_pt = 11;
    int passed = 0;
    for (const auto& iv : v.items) {
        const auto& it = iv.item;
        bool ok = it.passed.value_or(false);
        passed += ok;
        std::string result = ok ? "Đạt" : "Không đạt";
        result += it.threshold_pct > 0 ? fmt::format(" (cần {}%)", it.threshold_pct) : " (cần quá nửa)";
        if (!iv.recused.empty()) result += fmt::format("; {} thành viên không biểu quyết", iv.recused.size());
        t.rows.push_back({std::to_string(it.position), it.subject_name, iv.award_name,
                          std::to_string(it.agree.value_or(0)), std::to_string(it.disagree.value_or(0)),
                          std::to_string(it.abstain.value_or(0)),
                          fmt::format("{}/{} = {}", it.agree.value_or(0), it.denominator.value_or(0),
                                      Percent(it.agree.value_or(0), it.denominator.value_or(0))),
                          result});
    }
    blocks.push_back(t);
    blocks.push_back(
        Paragraph{fmt::format("Có {}/{} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định. Biên bản kết "
                              "thúc lúc {} cùng ngày./.",
                              passed, v.items.size(), ClosedAt(m))});
    Signature s;
    s.title_lines = {"CHỦ TỊCH HỘI ĐỒNG"};
    s.name = chair;
    s.left_title_lines = {"THƯ KÝ HỘI ĐỒNG"};
    s.left_name = secretary;
    blocks.push_back(s);
    return Render(blocks, {false, true, fmt::format("Biên bản họp {} – {}", v.council.name, m.title)});
}

}  // namespace tdkt::reports
