#include "app/decisions.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/awards.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/notifications.h"
#include "app/policy.h"
#include "app/validation.h"
#include "core/crypto.h"
#include "core/text.h"
#include "domain/award_codes.h"
#include "domain/codes.h"
#include "domain/place_names.h"
#include "domain/prize.h"

namespace tdkt::app {
namespace {

// "Tỉnh Hưng Yên" → "Ủy ban nhân dân tỉnh Hưng Yên".
std::string AuthorityName(const std::string& board_unit_name) {
    return "Ủy ban nhân dân " + domain::InRunningText(board_unit_name);
}

std::string DefaultTitle(const DossierRecord& d) {
    std::string kind(domain::AwardKinds().Label(d.kind));
    if (!kind.empty()) kind[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(kind[0])));
    return d.kind == "merit" ? fmt::format("Về việc khen thưởng thành tích năm {}", d.year)
                             : fmt::format("Về việc khen thưởng {} năm {}", kind, d.year);
}

}  // namespace

Result<DecisionRecord> RecordDecision(App& app, const RequestContext& ctx, DossierId id, const DecisionInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    DecisionRecord d;
    d.signed_on = c.DateValue("signed_on", "Ngày ký", in.signed_on, true).value_or(Date{});
    d.signer_name = c.Text("signer_name", "Người ký", in.signer_name, true, 100);
    std::string title_lines = c.Text("signer_title", "Chức vụ người ký", in.signer_title, false, 200);
    std::replace(title_lines.begin(), title_lines.end(), '\n', '|');
    d.signer_title = title_lines.empty() ? "CHỦ TỊCH" : title_lines;
    d.title = c.Text("title", "Trích yếu", in.title, false, 300);
    std::string number_text = c.Text("number_text", "Số quyết định", in.number_text, false, 50);
    if (!c.ok()) return tl::unexpected(c.AsError());
    const auto& workflow = CatalogOf(app).workflow;
    Result<DecisionRecord> out = tl::unexpected(dossier::NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto dossier = repos.dossiers.Find(id);
        if (!dossier) return false;
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewDossiers, dossier->unit); !ok)
            return (out = tl::unexpected(ok.error())), false;
        if (!HoldsRole(repos.units, ctx, domain::Role::kBoardLeader, dossier->board_unit))
            return (out = Fail(ErrorCode::kForbidden, "role_not_allowed",
                               "Chỉ lãnh đạo Ban Thi đua – Khen thưởng nhập quyết định khen thưởng.")),
                   false;
        bool central = dossier->state == "submitted_central";
        bool awaiting = central || dossier->state == "voted" || dossier->state == "province_review" ||
                        (dossier->state == "appraised" && dossier->procedure_kind == "simplified");
        if (!awaiting)
            return (out = Fail(ErrorCode::kConflict, "dossier_not_awaiting_decision",
                               fmt::format("Hồ sơ {} đang ở trạng thái «{}»: chưa đến bước ra quyết định.",
                                           dossier->code, dossier::StateName(workflow, dossier->state)))),
                   false;
        if (central && number_text.empty())
            return (out = Fail(ErrorCode::kValidation, "number_required",
                               "Quyết định của Trung ương: vui lòng ghi số quyết định như đã ban hành.")),
                   false;
        std::string login = ctx.actor ? ctx.actor->login : "system";
        std::string at = FormatIsoUtc(app.clock.Now());
        auto existing = repos.decisions.ForDossier(id);
        if (existing && existing->state != "draft")
            return (out = Fail(ErrorCode::kConflict, "decision_issued",
                               fmt::format("Quyết định {} đã ban hành: không sửa được.", existing->number_text))),
                   false;
        if (d.title.empty()) d.title = DefaultTitle(*dossier);
        if (existing) {
            d.id = existing->id;
            d.dossier = id;
            d.authority_code = existing->authority_code;
            d.authority_name = existing->authority_name;
            d.year = existing->year;
            d.number = existing->number;
            d.number_text = existing->number_text;
            d.central = existing->central;
            d.created_by = existing->created_by;
            d.created_at = existing->created_at;
            repos.decisions.UpdateDraft(d);
        } else {
            auto board = repos.units.Find(dossier->board_unit);
            d.dossier = id;
            d.central = central;
            d.year = d.signed_on.year;
            if (central) {
                d.authority_code = "TW";
                d.authority_name = "Cơ quan Trung ương có thẩm quyền";
                d.number_text = number_text;
            } else {
                d.authority_code = "UBND";
                d.authority_name = AuthorityName(board ? board->name : "");
                // The series is per authority and year; the audit head lock serialises creations.
                repos.audit.LockHeadHash();
                d.number = repos.decisions.NextNumber(d.authority_code, d.year);
                d.number_text = fmt::format("{}/QĐ-UBND", *d.number);
            }
            d.created_by = login;
            d.created_at = at;
            d.id = repos.decisions.Insert(d);
        }
        repos.dossiers.Touch(id, at);
        RecordChange(repos, app.clock, ctx,
                     {existing ? "decision.update" : "decision.record",
                      "decision",
                      std::to_string(d.id),
                      existing ? nlohmann::json{{"signed_on", FormatIsoDate(existing->signed_on)},
                                                {"signer_name", existing->signer_name}}
                               : nlohmann::json(nullptr),
                      {{"dossier_id", id.value},
                       {"number", d.number_text},
                       {"signed_on", FormatIsoDate(d.signed_on)},
                       {"signer_name", d.signer_name}}});
        out = d;
        return true;
    });
    return out;
}

namespace dossier {

void IssueDecision(App& app, Repositories& repos, const RequestContext& ctx, const Facts& f) {
    const auto& catalog = CatalogOf(app);
    const auto& decision = *f.decision;  // the guard decision_recorded holds
    const auto* rules = catalog.InForce(decision.signed_on);
    std::string at = FormatIsoUtc(app.clock.Now());
    nlohmann::json recipients = nlohmann::json::array();
    for (const auto& n : f.nominees) {
        if (n.outcome == "rejected") continue;
        const auto* award = rules ? rules->Find(n.award_code) : nullptr;
        std::int64_t prize = 0;
        if (auto p = domain::PrizeFor(catalog, n.award_code, n.subject_type, decision.signed_on)) prize = p->amount_vnd;
        AwardRecord a;
        a.subject_type = n.subject_type;
        a.person = n.person;
        a.unit = n.unit;
        a.household_name = n.household_name;
        a.award_code = n.award_code;
        a.year = f.dossier.year;
        a.kind = f.dossier.kind;
        a.decision_number = decision.number_text;
        a.decision_date = decision.signed_on;
        a.authority = decision.authority_name;
        a.prize_vnd = prize;
        a.source = "decision";
        a.note = fmt::format("Hồ sơ {}", f.dossier.code);
        a.created_at = at;
        a.id = repos.awards.Insert(a);
        CertificateRecord c;
        c.code = crypto::RandomToken(12);
        c.decision = decision.id;
        c.nominee = n.id;
        c.award = a.id;
        c.recipient_name = n.subject_name;
        c.award_code = n.award_code;
        c.award_name = award ? award->name : n.award_code;
        c.prize_vnd = prize;
        c.id = repos.decisions.AddCertificate(c);
        if (n.outcome == "pending") repos.dossiers.SetOutcome(n.id, "approved");
        recipients.push_back(
            {{"nominee_id", n.id}, {"award_id", a.id.value}, {"certificate", c.code}, {"prize_vnd", prize}});
    }
    repos.decisions.MarkIssued(decision.id, at);
    RecordChange(repos, app.clock, ctx,
                 {"decision.issue",
                  "decision",
                  std::to_string(decision.id),
                  {{"state", "draft"}},
                  {{"state", "issued"}, {"number", decision.number_text}, {"recipients", recipients}}});
}

void PublishDecision(App& app, Repositories& repos, const RequestContext& ctx, const Facts& f) {
    std::string at = FormatIsoUtc(app.clock.Now());
    repos.decisions.MarkPublished(f.decision->id, at);
    RecordChange(repos, app.clock, ctx,
                 {"decision.publish", "decision", std::to_string(f.decision->id), nullptr, {{"published_at", at}}});
}

}  // namespace dossier

Result<DecisionView> GetDecision(App& app, const RequestContext& ctx, std::int64_t id) {
    Result<DecisionView> out = Fail(ErrorCode::kNotFound, "decision_not_found", "Không tìm thấy quyết định.");
    app.store.Read([&](Repositories& repos) {
        auto d = repos.decisions.Find(id);
        if (!d) return;
        auto dossier = repos.dossiers.Find(d->dossier);
        if (!dossier) return;
        if (!d->published_at) {
            // Not public yet: only for those who see the dossier.
            if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewDossiers, dossier->unit); !ok) return;
        }
        DecisionView v;
        v.decision = *d;
        v.certificates = repos.decisions.Certificates(id);
        v.dossier_code = dossier->code;
        v.unit_name = dossier->unit_name;
        if (auto board = repos.units.Find(dossier->board_unit)) v.board_name = board->name;
        v.year = dossier->year;
        v.kind = dossier->kind;
        out = std::move(v);
    });
    return out;
}

std::vector<DecisionRecord> PublishedDecisions(App& app, int limit) {
    std::vector<DecisionRecord> out;
    app.store.Read([&](Repositories& repos) { out = repos.decisions.Published(limit); });
    return out;
}

std::optional<Verification> VerifyCertificate(App& app, const std::string& code) {
    if (code.empty() || code.size() > 64) return std::nullopt;
    std::optional<Verification> out;
    app.store.Read([&](Repositories& repos) {
        auto c = repos.decisions.CertificateByCode(code);
        if (!c) return;
        auto d = repos.decisions.Find(c->decision);
        if (!d || d->state != "issued") return;
        out = Verification{*c, *d};
    });
    return out;
}

namespace {

// The certificate, its decision and dossier, if the actor holds `roles` on the board's unit.
struct Held {
    CertificateRecord certificate;
    DecisionRecord decision;
    DossierRecord dossier;
};

Result<Held> BoardCertificate(Repositories& repos, const RequestContext& ctx, const std::string& code,
                              std::initializer_list<domain::Role> roles) {
    auto c = repos.decisions.CertificateByCode(code);
    auto d = c ? repos.decisions.Find(c->decision) : std::nullopt;
    auto dossier = d ? repos.dossiers.Find(d->dossier) : std::nullopt;
    if (!dossier)
        return Fail(ErrorCode::kNotFound, "certificate_not_found", fmt::format("Không có khen thưởng mã «{}».", code));
    bool allowed = std::any_of(roles.begin(), roles.end(),
                               [&](domain::Role r) { return HoldsRole(repos.units, ctx, r, dossier->board_unit); });
    if (!allowed)
        return Fail(ErrorCode::kForbidden, "role_not_allowed",
                    "Chỉ lãnh đạo Ban Thi đua – Khen thưởng thực hiện việc này.");
    return Held{*c, *d, *dossier};
}

// An award and whoever may act on its revocation: for an award a decision wrote, the board that
// issued the certificate; for one entered by hand or imported, the board over the subject's unit.
struct Revocable {
    AwardRecord award;
    std::optional<Held> held;
    UnitId notify;                     // whose leaders and officers are told
    std::optional<DossierId> dossier;  // the notification's dossier
    std::string link, award_name;
};

Result<Revocable> FindRevocable(Repositories& repos, const RequestContext& ctx, AwardId id,
                                std::initializer_list<domain::Role> roles) {
    auto award = repos.awards.Find(id);
    if (!award)
        return Fail(ErrorCode::kNotFound, "award_not_found",
                    fmt::format("Không tìm thấy khen thưởng số {}.", id.value));
    Revocable r{*award, std::nullopt, UnitId{}, std::nullopt, "", ""};
    const auto* code = domain::FindAwardCode(award->award_code);
    r.award_name = code ? std::string(code->name) : award->award_code;
    if (auto certificate = repos.decisions.CertificateByAward(id)) {
        auto held = BoardCertificate(repos, ctx, certificate->code, roles);
        if (!held) return tl::unexpected(held.error());
        r.notify = held->dossier.unit;
        r.dossier = held->dossier.id;
        r.link = fmt::format("/xac-minh/{}", certificate->code);
        r.award_name = certificate->award_name;
        r.held = std::move(*held);
        return r;
    }
    auto scope = AwardScopeUnit(repos, *award);
    if (!scope) return tl::unexpected(scope.error());
    bool allowed = std::any_of(roles.begin(), roles.end(),
                               [&](domain::Role role) { return HoldsRole(repos.units, ctx, role, *scope); });
    if (!allowed)
        return Fail(ErrorCode::kForbidden, "role_not_allowed",
                    "Chỉ lãnh đạo Ban Thi đua – Khen thưởng thực hiện việc này.");
    r.notify = *scope;
    r.link = award->person ? fmt::format("/ca-nhan/{}#awards", award->person->value)
                           : fmt::format("/don-vi/{}#unit-awards", award->unit->value);
    return r;
}

std::optional<AwardId> CertificateAward(App& app, const std::string& code) {
    std::optional<AwardId> out;
    app.store.Read([&](Repositories& repos) {
        if (auto c = repos.decisions.CertificateByCode(code)) out = c->award;
    });
    return out;
}

}  // namespace

Status RevokeAward(App& app, const RequestContext& ctx, AwardId id, const RevocationInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    std::string reason = c.Text("reason", "Lý do thu hồi", in.reason, true, 1000);
    std::string ground = c.Text("legal_ground", "Căn cứ pháp lý", in.legal_ground, true, 300);
    std::string decision = c.Text("decision", "Quyết định thu hồi", in.decision, true, 200);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Status out = Fail(ErrorCode::kNotFound, "award_not_found", "Không có khen thưởng này.");
    app.store.Write([&](Repositories& repos) {
        auto target = FindRevocable(repos, ctx, id, {domain::Role::kBoardLeader});
        if (!target) return (out = tl::unexpected(target.error())), false;
        auto revoked = target->award;
        if (revoked.revoked_at)
            return (out = Fail(ErrorCode::kConflict, "already_revoked", "Khen thưởng này đã bị thu hồi.")), false;
        revoked.revoked_reason = reason;
        revoked.revoke_ground = ground;
        revoked.revoke_decision = decision;
        revoked.recovery = in.recover_prize && revoked.prize_vnd > 0 ? "due" : "";
        std::string at = FormatIsoUtc(app.clock.Now());
        if (!repos.awards.Revoke(revoked, at))
            return (out = Fail(ErrorCode::kConflict, "already_revoked", "Khen thưởng này đã bị thu hồi.")), false;
        std::string certificate, from;
        if (target->held) {
            auto marked = target->held->certificate;
            marked.revoke_reason = reason;
            marked.revoke_ground = ground;
            marked.revoke_decision = decision;
            marked.recovery = revoked.recovery;
            repos.decisions.Revoke(marked, at);
            certificate = marked.code;
            from = target->held->decision.number_text;
        } else {
            from = revoked.decision_number;
        }
        RecordChange(repos, app.clock, ctx,
                     {"award.revoke",
                      "award",
                      std::to_string(revoked.id.value),
                      {{"revoked", false}},
                      {{"revoked", true},
                       {"certificate", certificate.empty() ? nlohmann::json(nullptr) : nlohmann::json(certificate)},
                       {"reason", reason},
                       {"legal_ground", ground},
                       {"decision", decision},
                       {"recovery", revoked.recovery},
                       {"prize_vnd", revoked.prize_vnd}}});
        NotifyHolders(
            app, repos, ctx, {domain::Role::kUnitLeader, domain::Role::kUnitOfficer}, target->notify, target->dossier,
            fmt::format("Thu hồi {} của {}{}: {}.{}", target->award_name, revoked.subject_name,
                        from.empty() ? "" : fmt::format(" (quyết định {})", from), reason,
                        revoked.recovery == "due"
                            ? fmt::format(" Thu hồi tiền thưởng {} đồng.", text::FormatNumberVi(revoked.prize_vnd))
                            : ""),
            target->link);
        out = {};
        return true;
    });
    return out;
}

Status MarkAwardPrizeRecovered(App& app, const RequestContext& ctx, AwardId id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Status out = Fail(ErrorCode::kNotFound, "award_not_found", "Không có khen thưởng này.");
    app.store.Write([&](Repositories& repos) {
        auto target = FindRevocable(repos, ctx, id, {domain::Role::kBoardLeader, domain::Role::kBoardSpecialist});
        if (!target) return (out = tl::unexpected(target.error())), false;
        std::string at = FormatIsoUtc(app.clock.Now());
        if (!repos.awards.MarkRecovered(id, at))
            return (out = Fail(ErrorCode::kConflict, "nothing_to_recover",
                               "Khen thưởng này không có tiền thưởng phải thu hồi, hoặc đã thu hồi xong.")),
                   false;
        if (target->held) repos.decisions.MarkRecovered(target->held->certificate.id, at);
        RecordChange(repos, app.clock, ctx,
                     {"award.prize_recovered",
                      "award",
                      std::to_string(id.value),
                      {{"recovery", "due"}},
                      {{"recovery", "recovered"}, {"prize_vnd", target->award.prize_vnd}}});
        out = {};
        return true;
    });
    return out;
}

Status RevokeCertificate(App& app, const RequestContext& ctx, const std::string& code, const RevocationInput& in) {
    auto award = CertificateAward(app, code);
    if (!award)
        return Fail(ErrorCode::kNotFound, "certificate_not_found", fmt::format("Không có khen thưởng mã «{}».", code));
    return RevokeAward(app, ctx, *award, in);
}

Status MarkPrizeRecovered(App& app, const RequestContext& ctx, const std::string& code) {
    auto award = CertificateAward(app, code);
    if (!award)
        return Fail(ErrorCode::kNotFound, "certificate_not_found", fmt::format("Không có khen thưởng mã «{}».", code));
    return MarkAwardPrizeRecovered(app, ctx, *award);
}

}  // namespace tdkt::app
