#include "app/consultation.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/policy.h"
#include "app/validation.h"
#include "core/crypto.h"
#include "core/text.h"

namespace tdkt::app {
namespace {

PublicConsultation Describe(App& app, Repositories& repos, const ConsultationRecord& c, const Date& today) {
    PublicConsultation out;
    out.consultation = c;
    out.open = !(today < c.opened_on) && !(c.closes_on < today);
    if (auto d = repos.dossiers.Find(c.dossier)) {
        out.dossier_code = d->code;
        out.dossier_title = d->title;
        out.unit_name = d->unit_name;
    }
    const auto* rules = CatalogOf(app).InForce(c.opened_on);
    for (const auto& n : repos.dossiers.Nominees(c.dossier)) {
        const auto* award = rules ? rules->Find(n.award_code) : nullptr;
        if (!award || !award->public_consultation || n.outcome == "rejected") continue;
        out.nominees.push_back({n.id, n.subject_name, n.subject_type, award->name});
    }
    out.comments = repos.dossiers.Comments(c.id, true);
    for (auto& comment : out.comments) comment.author_contact.clear(), comment.client_key.clear();
    return out;
}

bool LooksLikeContact(const std::string& s) {
    auto at = s.find('@');
    if (at != std::string::npos)
        return at > 0 && s.find('.', at) != std::string::npos && s.find(' ') == std::string::npos;
    int digits = 0;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')')
            return false;
    }
    return digits >= 9 && digits <= 15;
}

Result<DossierRecord> BoardDossier(Repositories& repos, const RequestContext& ctx, DossierId id) {
    auto d = repos.dossiers.Find(id);
    if (!d) return tl::unexpected(dossier::NotFound(id));
    if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewDossiers, d->unit); !ok)
        return tl::unexpected(ok.error());
    using domain::Role;
    if (!HoldsRole(repos.units, ctx, Role::kBoardSpecialist, d->board_unit) &&
        !HoldsRole(repos.units, ctx, Role::kBoardLeader, d->board_unit))
        return Fail(ErrorCode::kForbidden, "role_not_allowed",
                    "Chỉ chuyên viên, lãnh đạo Ban Thi đua – Khen thưởng xem và duyệt ý kiến nhân dân.");
    return *d;
}

}  // namespace

std::vector<PublicConsultation> OpenConsultations(App& app) {
    Date today = VietnamDate(app.clock.Now());
    std::vector<PublicConsultation> out;
    app.store.Read([&](Repositories& repos) {
        for (const auto& c : repos.dossiers.OpenConsultations(today)) out.push_back(Describe(app, repos, c, today));
    });
    return out;
}

Result<PublicConsultation> GetConsultation(App& app, std::int64_t id) {
    Date today = VietnamDate(app.clock.Now());
    Result<PublicConsultation> out =
        Fail(ErrorCode::kNotFound, "consultation_not_found", fmt::format("Không có đợt lấy ý kiến số {}.", id));
    app.store.Read([&](Repositories& repos) {
        if (auto c = repos.dossiers.ConsultationById(id)) out = Describe(app, repos, *c, today);
    });
    return out;
}

Result<CommentRecord> SubmitComment(App& app, const RequestContext& ctx, std::int64_t consultation,
                                    const CommentInput& in) {
    Checker c;
    CommentRecord comment;
    comment.consultation = consultation;
    comment.author_name = c.Text("name", "Họ và tên", in.name, true, 100);
    comment.author_contact = c.Text("contact", "Số điện thoại hoặc thư điện tử", in.contact, true, 100);
    if (!comment.author_contact.empty() && !LooksLikeContact(comment.author_contact))
        c.Add("contact", "Số điện thoại hoặc thư điện tử",
              "Vui lòng ghi số điện thoại (9–15 chữ số) hoặc địa chỉ thư điện tử để Ban liên hệ khi cần.");
    comment.body = dossier::Trimmed(in.body);
    auto length = text::Length(comment.body);
    if (length < 10) c.Add("body", "Nội dung ý kiến", "Nội dung ý kiến cần ít nhất 10 ký tự.");
    if (length > 2000) c.Add("body", "Nội dung ý kiến", "Nội dung ý kiến dài quá 2.000 ký tự.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    auto now = app.clock.Now();
    Date today = VietnamDate(now);
    comment.created_at = FormatIsoUtc(now);
    // The address itself is never stored: only its hash, to count a client's comments.
    comment.client_key = crypto::Sha256Hex("tdkt-comment:" + ctx.client_ip);
    comment.nominee = in.nominee;
    Result<CommentRecord> out = Fail(ErrorCode::kNotFound, "consultation_not_found",
                                     fmt::format("Không có đợt lấy ý kiến số {}.", consultation));
    app.store.Write([&](Repositories& repos) {
        auto found = repos.dossiers.ConsultationById(consultation);
        if (!found) return false;
        if (today < found->opened_on || found->closes_on < today)
            return (out = Fail(ErrorCode::kConflict, "consultation_closed",
                               fmt::format("Đợt lấy ý kiến này nhận ý kiến từ {} đến hết {}.",
                                           FormatDateVi(found->opened_on), FormatDateVi(found->closes_on)))),
                   false;
        if (in.nominee) {
            auto nominees = repos.dossiers.Nominees(found->dossier);
            if (std::none_of(nominees.begin(), nominees.end(),
                             [&](const NomineeRecord& n) { return n.id == *in.nominee; }))
                return (out = Fail(ErrorCode::kValidation, "nominee_not_found",
                                   "Người được đề nghị đã chọn không có trong danh sách lấy ý kiến.")),
                       false;
        }
        auto hour_ago = FormatIsoUtc(Timestamp{now.ms - 3'600'000});
        if (repos.dossiers.CountCommentsSince(comment.client_key, hour_ago) >= kCommentsPerHour)
            return (out = Fail(ErrorCode::kConflict, "too_many_comments",
                               fmt::format("Mỗi máy gửi tối đa {} ý kiến trong một giờ. Vui lòng gửi lại sau.",
                                           kCommentsPerHour))),
                   false;
        comment.id = repos.dossiers.AddComment(comment);
        RecordChange(repos, app.clock, ctx,
                     {"consultation.comment",
                      "consultation_comment",
                      std::to_string(comment.id),
                      nullptr,
                      {{"consultation_id", consultation},
                       {"author_name", comment.author_name},
                       {"length", text::Length(comment.body)}}});
        out = comment;
        return true;
    });
    return out;
}

Result<std::vector<CommentRecord>> DossierComments(App& app, const RequestContext& ctx, DossierId id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Result<std::vector<CommentRecord>> out = tl::unexpected(dossier::NotFound(id));
    app.store.Read([&](Repositories& repos) {
        auto d = BoardDossier(repos, ctx, id);
        if (!d) return void(out = tl::unexpected(d.error()));
        auto c = repos.dossiers.Consultation(id);
        out = c ? repos.dossiers.Comments(c->id, false) : std::vector<CommentRecord>{};
    });
    return out;
}

Status ModerateComment(App& app, const RequestContext& ctx, DossierId id, std::int64_t comment,
                       const std::string& status, const std::string& response_in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    if (!status.empty() && status != "published" && status != "rejected" && status != "pending")
        return Fail(ErrorCode::kValidation, "bad_status", "Trạng thái duyệt phải là published, rejected hoặc pending.");
    std::string response = dossier::Trimmed(response_in);
    if (text::Length(response) > 2000)
        return Fail(ErrorCode::kValidation, "response_too_long", "Nội dung trả lời dài quá 2.000 ký tự.");
    Status out = tl::unexpected(dossier::NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto d = BoardDossier(repos, ctx, id);
        if (!d) return (out = tl::unexpected(d.error())), false;
        auto c = repos.dossiers.Consultation(id);
        std::optional<CommentRecord> before;
        if (c)
            for (auto& x : repos.dossiers.Comments(c->id, false))
                if (x.id == comment) before = x;
        if (!before)
            return (out = Fail(ErrorCode::kNotFound, "comment_not_found",
                               fmt::format("Hồ sơ {} không có ý kiến số {}.", d->code, comment))),
                   false;
        std::string login = ctx.actor ? ctx.actor->login : "system";
        std::string new_status = status.empty() ? before->status : status;
        repos.dossiers.ModerateComment(c->id, comment, new_status, login);
        if (!response.empty() || !before->response.empty())
            repos.dossiers.RespondComment(c->id, comment, response, login, FormatIsoUtc(app.clock.Now()));
        RecordChange(repos, app.clock, ctx,
                     {"consultation.moderate",
                      "consultation_comment",
                      std::to_string(comment),
                      {{"status", before->status}, {"response", before->response}},
                      {{"status", new_status}, {"response", response}}});
        out = {};
        return true;
    });
    return out;
}

}  // namespace tdkt::app
