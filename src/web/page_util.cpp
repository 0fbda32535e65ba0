#include "web/page_util.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "app/decisions.h"
#include "app/organisation.h"
#include "core/text.h"
#include "domain/award_codes.h"
#include "web/error_mapper.h"
#include "web/url.h"

namespace tdkt::web {

std::optional<Response> RequirePageSession(const Request& req) {
    if (req.session) return std::nullopt;
    // Back to the same page after signing in, with its query ("/ca-nhan?q=dang+thi+dao").
    std::string target = req.path;
    if (req.method == "GET" && !req.params.empty()) target += "?" + EncodeQuery(req.params);
    return Response::Redirect(target == "/" ? "/dang-nhap" : "/dang-nhap?next=" + PercentEncode(target));
}

Response PageError(const Request& req, const Error& e) {
    if (e.code == ErrorCode::kUnauthenticated) return Response::Redirect("/dang-nhap");
    return RenderErrorPage(req, HttpStatus(e.code), e.message);
}

std::string AuditActionLabel(const std::string& action) {
    static const std::map<std::string, std::string> kLabels{
        {"auth.login", "Đăng nhập"},
        {"auth.logout", "Đăng xuất"},
        {"auth.login_failed", "Đăng nhập sai mật khẩu"},
        {"auth.account_locked", "Tạm khoá tài khoản"},
        {"user.create", "Tạo người dùng"},
        {"user.disable", "Vô hiệu hoá người dùng"},
        {"user.enable", "Kích hoạt lại người dùng"},
        {"user.password_change", "Đổi mật khẩu"},
        {"user.email", "Đổi thư điện tử nhận thông báo"},
        {"role.grant", "Giao vai trò"},
        {"role.revoke", "Thu hồi vai trò"},
        {"unit.create", "Tạo đơn vị"},
        {"unit.rename", "Đổi tên đơn vị"},
        {"unit.move", "Chuyển đơn vị cấp trên"},
        {"unit.retype", "Đổi loại đơn vị"},
        {"unit.change", "Thay đổi đơn vị"},
        {"unit.merge", "Hợp nhất, sáp nhập đơn vị"},
        {"unit.split", "Chia tách đơn vị"},
        {"unit.dissolve", "Giải thể đơn vị"},
        {"unit.rating", "Xếp loại tập thể"},
        {"unit.rating_delete", "Xoá xếp loại tập thể"},
        {"person.create", "Thêm cá nhân"},
        {"person.update", "Sửa hồ sơ cá nhân"},
        {"person.transfer", "Điều chuyển cá nhân"},
        {"person.rating", "Xếp loại cá nhân"},
        {"person.rating_delete", "Xoá xếp loại cá nhân"},
        {"person.leave", "Ghi nghỉ thai sản"},
        {"person.discipline", "Ghi kỷ luật"},
        {"person.initiative", "Ghi sáng kiến, đề tài"},
        {"person.leave_delete", "Xoá nghỉ thai sản"},
        {"person.discipline_delete", "Xoá kỷ luật"},
        {"person.initiative_delete", "Xoá sáng kiến, đề tài"},
        {"award.create", "Ghi khen thưởng"},
        {"award.delete", "Xoá khen thưởng"},
        {"seed.demo_people", "Nạp dữ liệu mẫu"},
        {"award.revoke", "Thu hồi khen thưởng"},
        {"award.prize_recovered", "Ghi đã thu hồi tiền thưởng"},
        {"dossier.create", "Lập hồ sơ đề nghị"},
        {"dossier.nominee_add", "Thêm người được đề nghị"},
        {"dossier.nominee_remove", "Bỏ người được đề nghị"},
        {"dossier.nominee_override", "Ghi lý do vẫn trình"},
        {"dossier.document_add", "Thêm giấy tờ hồ sơ"},
        {"dossier.document_remove", "Xoá giấy tờ hồ sơ"},
        {"consultation.open", "Mở lấy ý kiến nhân dân"},
        {"consultation.comment", "Ý kiến nhân dân"},
        {"consultation.moderate", "Duyệt, trả lời ý kiến"},
        {"council.create", "Lập Hội đồng"},
        {"council.update", "Sửa quy chế Hội đồng"},
        {"council.member_add", "Thêm thành viên Hội đồng"},
        {"council.member_update", "Sửa chức danh thành viên Hội đồng"},
        {"council.member_remove", "Thành viên thôi tham gia Hội đồng"},
        {"meeting.create", "Lập phiên họp"},
        {"meeting.agenda_add", "Đưa vào chương trình họp"},
        {"meeting.attendance", "Ghi thành viên có mặt"},
        {"meeting.open_voting", "Mở bỏ phiếu kín"},
        {"meeting.close_voting", "Kết thúc bỏ phiếu"},
        {"ballot.cast", "Bỏ phiếu"},
        {"ballot.recusal", "Không biểu quyết (xung đột lợi ích)"},
        {"ballot.written", "Ghi ý kiến bằng văn bản"},
        {"decision.record", "Ghi quyết định"},
        {"decision.update", "Sửa quyết định"},
        {"decision.issue", "Ban hành quyết định"},
        {"decision.publish", "Công bố quyết định"},
        // The workflow's transitions (catalog/workflow.jsonc names them the same).
        {"dossier.submit", "Trình hồ sơ"},
        {"dossier.withdraw", "Rút hồ sơ"},
        {"dossier.receive", "Tiếp nhận"},
        {"dossier.return", "Trả lại để bổ sung"},
        {"dossier.refuse", "Không tiếp nhận"},
        {"dossier.appraise", "Hoàn thành thẩm định"},
        {"dossier.open_consultation", "Lấy ý kiến nhân dân"},
        {"dossier.to_council", "Trình Hội đồng"},
        {"dossier.close_voting", "Ghi nhận kết quả Hội đồng"},
        {"dossier.to_province", "Trình UBND tỉnh"},
        {"dossier.decide", "Ban hành quyết định"},
        {"dossier.to_central", "Trình Trung ương"},
        {"dossier.record_central", "Ghi nhận quyết định của Trung ương"},
        {"dossier.central_refuse", "Ghi nhận Trung ương không đồng ý"},
        {"dossier.publish", "Công bố quyết định"},
        {"dossier.pay", "Xác nhận đã chi thưởng"},
    };
    auto it = kLabels.find(action);
    return it == kLabels.end() ? action : it->second;
}

std::string EntityTypeLabel(const std::string& entity_type) {
    static const std::map<std::string, std::string> kLabels{{"user", "Người dùng"},
                                                            {"unit", "Đơn vị"},
                                                            {"session", "Phiên đăng nhập"},
                                                            {"role_grant", "Vai trò"},
                                                            {"person", "Cá nhân"},
                                                            {"person_rating", "Xếp loại cá nhân"},
                                                            {"unit_rating", "Xếp loại tập thể"},
                                                            {"leave", "Nghỉ thai sản"},
                                                            {"discipline", "Kỷ luật"},
                                                            {"initiative", "Sáng kiến, đề tài"},
                                                            {"award", "Khen thưởng"},
                                                            {"dossier", "Hồ sơ đề nghị"},
                                                            {"council", "Hội đồng"},
                                                            {"meeting", "Phiên họp"},
                                                            {"decision", "Quyết định"},
                                                            {"consultation", "Lấy ý kiến"}};
    auto it = kLabels.find(entity_type);
    return it == kLabels.end() ? entity_type : it->second;
}

std::string SafeNext(const std::string& next) {
    bool local = next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
                 next.find_first_of("\r\n") == std::string::npos;
    return local ? next : "/";
}

std::string DateVi(const std::optional<Date>& d) { return d ? FormatDateVi(*d) : ""; }

std::string WhenVi(const std::string& iso_utc) {
    auto t = ParseIsoUtc(iso_utc);
    return t ? FormatDateTimeVi(*t) : iso_utc;
}

Status AwardRevocationPost(app::App& app, const Request& req) {
    AwardId award{std::stoll(req.captures[2])};
    if (req.captures[1] == "thu-hoi")
        return app::RevokeAward(
            app, req.Context(), award,
            {req.Param("reason"), req.Param("legal_ground"), req.Param("decision"), req.Param("recover_prize") == "1"});
    return app::MarkAwardPrizeRecovered(app, req.Context(), award);
}

nlohmann::json AwardRowJson(const app::AwardRecord& a, const std::string& base, bool can_revoke, bool can_recover) {
    const auto* code = domain::FindAwardCode(a.award_code);
    bool revoked = a.revoked_at.has_value();
    return {{"year", std::to_string(a.year)},
            {"award", code ? std::string(code->name) : a.award_code},
            {"award_id", std::to_string(a.id.value)},
            {"kind", std::string(domain::AwardKinds().Label(a.kind))},
            {"subject", a.subject_name},
            {"decision", a.decision_number},
            {"date", DateVi(a.decision_date)},
            {"authority", a.authority},
            {"prize", a.prize_vnd ? text::FormatNumberVi(a.prize_vnd) : ""},
            {"from_decision", a.source == "decision"},
            {"revoked", revoked},
            {"revoked_on", revoked ? WhenVi(*a.revoked_at).substr(0, 10) : ""},
            {"revoked_reason", a.revoked_reason},
            {"revoke_ground", a.revoke_ground},
            {"revoke_decision", a.revoke_decision},
            {"recovery_due", a.recovery == "due"},
            {"recovered_on", a.recovered_at ? WhenVi(*a.recovered_at).substr(0, 10) : ""},
            {"revoke_action", can_revoke && !revoked ? fmt::format("{}/thu-hoi/{}", base, a.id.value) : ""},
            {"recover_action",
             can_recover && a.recovery == "due" ? fmt::format("{}/da-nop-lai/{}", base, a.id.value) : ""}};
}

nlohmann::json UnitOptions(app::App& app, const Request& req, std::optional<std::int64_t> selected) {
    nlohmann::json out = nlohmann::json::array();
    if (auto units = app::ListUnitsAsOf(app, req.Context(), std::nullopt))
        for (const auto& u : *units)
            out.push_back({{"id", std::to_string(u.id.value)}, {"name", u.name}, {"selected", selected == u.id.value}});
    return out;
}

nlohmann::json VocabularyOptions(const domain::Vocabulary& v, const std::string& selected) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : v.entries())
        out.push_back(
            {{"code", std::string(e.code)}, {"label", std::string(e.label)}, {"selected", e.code == selected}});
    return out;
}

nlohmann::json TypedFields(const Request& req) {
    nlohmann::json form = nlohmann::json::object();
    for (const auto& [k, v] : req.params)
        if (k != "_csrf") form[k] = v;
    return form;
}

std::optional<std::int64_t> IdParam(const Request& req, std::string_view name) {
    std::string v = req.Param(name);
    if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    auto id = std::stoll(v);
    return id > 0 ? std::optional(id) : std::nullopt;
}

int YearParam(const Request& req, int fallback) {
    std::string y = req.Param("nam");
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), ::isdigit)) return fallback;
    int year = std::stoi(y);
    return year >= 1945 && year <= 2100 ? year : fallback;
}

nlohmann::json ProblemList(const std::vector<std::pair<std::string, std::string>>& fields) {
    nlohmann::json out = nlohmann::json::array();
    if (fields.size() > 1)
        for (const auto& [field, message] : fields) out.push_back({{"field", field}, {"message", message}});
    return out;
}

nlohmann::json CandidateJson(const app::Candidate& c) { return VerdictJson(c.verdict, c.award, c.award_name); }

nlohmann::json VerdictJson(const domain::Verdict& v, const std::string& code, const std::string& award_name) {
    // A refusal is explained by what failed; an eligible verdict by what was met.
    bool eligible = v.verdict == domain::VerdictKind::kEligible;
    auto reasons = [&](const std::vector<domain::Reason>& list, bool all) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : list)
            if (all || r.passed == eligible)
                out.push_back({{"passed", r.passed},
                               {"message", r.message},
                               {"legal_ref", r.legal_ref},
                               {"unconfirmed", r.unconfirmed}});
        return out;
    };
    bool held = std::any_of(v.reasons.begin(), v.reasons.end(),
                            [](const auto& r) { return r.rule == "once_per_achievement" && !r.passed; });
    std::string css = held                                               ? "secondary"
                      : eligible                                         ? "success"
                      : v.verdict == domain::VerdictKind::kNeedsEvidence ? "warning"
                                                                         : "danger";
    return {{"award", award_name},
            {"code", code},
            {"verdict", held ? std::string("Đã được tặng") : std::string(domain::VerdictLabel(v.verdict))},
            {"verdict_code", held ? std::string("held") : std::string(domain::VerdictCode(v.verdict))},
            {"verdict_class", css},
            {"reasons", reasons(v.reasons, false)},
            {"council", reasons(v.council, true)},
            {"missing", held ? nlohmann::json::array() : nlohmann::json(v.missing)},
            {"prize", v.prize_vnd ? text::FormatNumberVi(*v.prize_vnd) : ""},
            {"prize_note", v.prize_note},
            {"assumes", v.assumes}};
}

}  // namespace tdkt::web
