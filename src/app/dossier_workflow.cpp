// The dossier's workflow performed (docs/workflow.md): the guards of catalog/workflow.jsonc evaluated
// against a dossier, the actions its state offers an actor, and the transitions themselves.
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/eligibility.h"
#include "app/notifications.h"
#include "app/policy.h"
#include "core/text.h"
#include "domain/codes.h"

namespace tdkt::app {
namespace dossier {
namespace {

using nlohmann::json;

const domain::AwardDef* AwardOf(const domain::Catalog& catalog, const Date& today, const NomineeRecord& n) {
    const auto* rules = catalog.InForce(today);
    return rules ? rules->Find(n.award_code) : nullptr;
}

std::string AwardName(const domain::Catalog& catalog, const Date& today, const NomineeRecord& n) {
    const auto* award = AwardOf(catalog, today, n);
    return award ? award->name : n.award_code;
}

// Nominees still in the running: not refused by the council.
bool Standing(const NomineeRecord& n) { return n.outcome != "rejected"; }

// Decided above the province: by the Prime Minister, the President or a ministry (levels central,
// state, ministry); the board forwards these.
bool CentralAward(const domain::Catalog& catalog, const Date& today, const NomineeRecord& n) {
    const auto* award = AwardOf(catalog, today, n);
    return award && award->level != "unit" && award->level != "commune" && award->level != "province";
}

bool ProvinceReviewRequired(const domain::Catalog& catalog, const Date& today, const Facts& f) {
    const auto& listed = catalog.workflow.province_review_awards;
    return std::any_of(f.nominees.begin(), f.nominees.end(), [&](const NomineeRecord& n) {
        return Standing(n) && (CentralAward(catalog, today, n) ||
                               std::find(listed.begin(), listed.end(), n.award_code) != listed.end());
    });
}

std::string JoinNames(const std::vector<std::string>& names, std::size_t shown = 5) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > shown) out += fmt::format(" và {} người khác", names.size() - shown);
    return out;
}

}  // namespace

Error NotFound(DossierId id) {
    return Error{
        ErrorCode::kNotFound, "dossier_not_found", fmt::format("Không tìm thấy hồ sơ số {}.", id.value), "", {}};
}

std::string Trimmed(std::string_view raw) {
    std::string out = text::Nfc(raw);
    out.erase(0, out.find_first_not_of(" \t\r\n"));
    out.erase(out.find_last_not_of(" \t\r\n") + 1);
    return out;
}

std::string StateName(const domain::Workflow& workflow, const std::string& code) {
    const auto* state = workflow.State(code);
    return state ? state->name : code;
}

bool UnitHolds(const domain::Workflow& workflow, const DossierRecord& d) {
    const auto* state = workflow.State(d.state);
    return state && state->holder == "unit";
}

Result<DossierRecord> EditableDossier(Repositories& repos, const RequestContext& ctx, const domain::Workflow& workflow,
                                      DossierId id) {
    auto d = repos.dossiers.Find(id);
    if (!d) return tl::unexpected(NotFound(id));
    if (auto ok = Authorize(repos.units, ctx, domain::Action::kPrepareDossiers, d->unit); !ok)
        return tl::unexpected(ok.error());
    if (!UnitHolds(workflow, *d))
        return Fail(ErrorCode::kConflict, "dossier_not_editable",
                    fmt::format("Hồ sơ {} đang ở trạng thái «{}»: chỉ sửa danh sách đề nghị, giấy tờ khi hồ sơ còn ở "
                                "đơn vị (dự thảo hoặc trả lại để bổ sung).",
                                d->code, StateName(workflow, d->state)));
    return *d;
}

Facts ReadFacts(Repositories& repos, const DossierRecord& d) {
    Facts f;
    f.dossier = d;
    f.nominees = repos.dossiers.Nominees(d.id);
    f.documents = repos.dossiers.Documents(d.id);
    f.events = repos.dossiers.Events(d.id);
    f.consultation = repos.dossiers.Consultation(d.id);
    f.decision = repos.decisions.ForDossier(d.id);
    return f;
}

Result<Facts> ReadVisibleFacts(App& app, const RequestContext& ctx, DossierId id) {
    Result<Facts> out = tl::unexpected(NotFound(id));
    app.store.Read([&](Repositories& repos) {
        auto d = repos.dossiers.Find(id);
        if (!d) return;
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewDossiers, d->unit); !ok)
            return void(out = tl::unexpected(ok.error()));
        out = ReadFacts(repos, *d);
    });
    return out;
}

void Judge(App& app, const RequestContext& ctx, Facts& f, std::vector<std::string>* award_names) {
    const auto& catalog = CatalogOf(app);
    Date today = VietnamDate(app.clock.Now());
    CheckDocument doc;
    if (award_names) award_names->clear();
    for (const auto& n : f.nominees) {
        domain::SubjectHistory subject;
        subject.id = "n" + std::to_string(n.id);
        subject.type = n.subject_type;
        subject.name = n.subject_name;
        StoredSubject stored;
        stored.index = doc.subjects.size();
        if (n.person) stored.person_id = n.person->value;
        if (n.unit && n.subject_type == "collective") stored.unit_id = n.unit->value;
        if (stored.person_id || stored.unit_id) doc.stored.push_back(stored);
        doc.subjects.push_back(std::move(subject));
        doc.proposals.push_back({"n" + std::to_string(n.id), n.award_code, f.dossier.year, f.dossier.kind, today});
        if (award_names) award_names->push_back(AwardName(catalog, today, n));
    }
    // The nominees are judged together, so only the highest title of one subject is paid. When a
    // nominee is outside the reader's reach (moved to another unit since), nothing is read and every
    // nominee is judged without a record: the verdicts then ask for evidence.
    (void)LoadStoredSubjects(app, ctx, doc);
    f.verdicts = CheckAll(catalog, doc);
}

std::vector<RequiredDocument> RequiredDocuments(const domain::Catalog& catalog, const Date& today, const Facts& f) {
    std::vector<RequiredDocument> dossier_level, nominee_level;
    const auto* rules = catalog.InForce(today);
    if (!rules) return {};
    auto present = [&](const std::string& code, std::optional<std::int64_t> nominee) {
        return std::any_of(f.documents.begin(), f.documents.end(),
                           [&](const DocumentRecord& d) { return d.doc_type == code && d.nominee == nominee; });
    };
    std::set<std::string> seen;
    for (const auto& n : f.nominees) {
        if (!Standing(n)) continue;
        const auto* award = rules->Find(n.award_code);
        if (!award) continue;
        const auto& list = f.dossier.procedure_kind == "simplified" && !award->simplified_documents.empty()
                               ? award->simplified_documents
                               : award->documents;
        for (const auto& code : list) {
            const auto* kind = rules->Document(code);
            std::string name = kind ? kind->name : code;
            bool generate = code == "to_trinh" || code == "danh_sach";
            if (kind && kind->per_nominee)
                nominee_level.push_back({code, name, n.id, n.subject_name, present(code, n.id), false});
            else if (seen.insert(code).second)
                dossier_level.push_back({code, name, std::nullopt, "", present(code, std::nullopt), generate});
        }
    }
    dossier_level.insert(dossier_level.end(), nominee_level.begin(), nominee_level.end());
    return dossier_level;
}

int ConsultationDays(const domain::Catalog& catalog, const Date& today, const Facts& f) {
    int days = 0;
    for (const auto& n : f.nominees) {
        const auto* award = AwardOf(catalog, today, n);
        if (Standing(n) && award && award->public_consultation)
            days = std::max({days, award->consultation_working_days, 10});
    }
    return days;
}

domain::GuardAnswer EvaluateGuard(const domain::Catalog& catalog, const Date& today, const Facts& f,
                                  std::string_view guard) {
    const auto& d = f.dossier;
    bool simplified = d.procedure_kind == "simplified";
    if (guard == "has_nominees") {
        if (f.nominees.empty()) return {false, "hồ sơ chưa có cá nhân, tập thể nào được đề nghị"};
        return {};
    }
    if (guard == "documents_complete") {
        std::vector<std::string> missing;
        for (const auto& r : RequiredDocuments(catalog, today, f))
            if (!r.present) missing.push_back(r.nominee ? fmt::format("{} của {}", r.name, r.nominee_name) : r.name);
        if (missing.empty()) return {};
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 6; ++i) list += (i ? "; " : "") + missing[i];
        if (missing.size() > 6) list += fmt::format("; và {} giấy tờ khác", missing.size() - 6);
        return {false, "còn thiếu giấy tờ: " + list};
    }
    if (guard == "eligible_or_overridden") {
        std::vector<std::string> refused;
        for (std::size_t i = 0; i < f.nominees.size() && i < f.verdicts.size(); ++i) {
            const auto& n = f.nominees[i];
            if (Standing(n) && f.verdicts[i].verdict == domain::VerdictKind::kNotEligible && n.override_reason.empty())
                refused.push_back(fmt::format("{} ({})", n.subject_name, AwardName(catalog, today, n)));
        }
        if (refused.empty()) return {};
        return {false, fmt::format("không đủ điều kiện mà Ban Thi đua – Khen thưởng chưa ghi lý do vẫn trình: {}",
                                   JoinNames(refused))};
    }
    if (guard == "consultation_required") {
        if (ConsultationDays(catalog, today, f) > 0) return {};
        return {false, "không danh hiệu, hình thức nào trong hồ sơ phải lấy ý kiến nhân dân"};
    }
    if (guard == "consultation_done") {
        if (ConsultationDays(catalog, today, f) == 0) return {};
        if (!f.consultation) return {false, "chưa lấy ý kiến nhân dân (bắt buộc với danh hiệu, hình thức đề nghị)"};
        if (!(f.consultation->closes_on < today))
            return {false,
                    fmt::format("đang lấy ý kiến nhân dân đến hết ngày {}", FormatDateVi(f.consultation->closes_on))};
        return {};
    }
    if (guard == "full_procedure") {
        if (simplified) return {false, "hồ sơ theo thủ tục đơn giản không qua Hội đồng Thi đua – Khen thưởng"};
        return {};
    }
    if (guard == "council_done" || guard == "ballots_closed") {
        if (guard == "council_done" && simplified) return {};
        auto pending = std::count_if(f.nominees.begin(), f.nominees.end(),
                                     [](const NomineeRecord& n) { return n.outcome == "pending"; });
        if (f.nominees.empty() || pending > 0)
            return {false, fmt::format("Hội đồng chưa có kết quả bỏ phiếu cho {} trường hợp",
                                       f.nominees.empty() ? 0 : pending)};
        return {};
    }
    if (guard == "province_review_required") {
        if (ProvinceReviewRequired(catalog, today, f)) return {};
        return {false, "không danh hiệu, hình thức nào trong hồ sơ phải trình UBND tỉnh"};
    }
    if (guard == "province_review_done") {
        if (!ProvinceReviewRequired(catalog, today, f)) return {};
        bool reviewed = std::any_of(f.events.begin(), f.events.end(),
                                    [](const DossierEvent& e) { return e.to_state == "province_review"; });
        if (!reviewed) return {false, "chưa trình UBND tỉnh xem xét"};
        return {};
    }
    if (guard == "decided_by_province" || guard == "decided_centrally") {
        std::vector<std::string> central;
        int standing = 0;
        for (const auto& n : f.nominees)
            if (Standing(n)) {
                ++standing;
                if (CentralAward(catalog, today, n))
                    central.push_back(fmt::format("{} ({})", n.subject_name, AwardName(catalog, today, n)));
            }
        if (standing == 0) return {false, "không còn trường hợp nào được đề nghị khen thưởng"};
        if (guard == "decided_by_province" && !central.empty())
            return {false, "thuộc thẩm quyền Trung ương, phải trình Trung ương: " + JoinNames(central)};
        if (guard == "decided_centrally" && central.empty())
            return {false, "mọi danh hiệu, hình thức trong hồ sơ do cấp tỉnh trở xuống quyết định"};
        return {};
    }
    if (guard == "decision_recorded") {
        if (!f.decision) return {false, "chưa nhập quyết định khen thưởng (số, ngày, người ký)"};
        return {};
    }
    return {false, fmt::format("điều kiện «{}» chưa được hỗ trợ", guard)};
}

bool Holds(Repositories& repos, const RequestContext& ctx, const DossierRecord& d, std::string_view role,
           std::string_view on) {
    auto r = domain::RoleFromCode(role);
    if (!r) return false;
    return HoldsRole(repos.units, ctx, *r, on == "proposer" ? d.unit : d.board_unit);
}

std::vector<AvailableAction> ActionsFor(Repositories& repos, const RequestContext& ctx, const domain::Catalog& catalog,
                                        const Date& today, const Facts& f) {
    std::vector<AvailableAction> out;
    for (const auto* t : catalog.workflow.From(f.dossier.state)) {
        bool permitted = std::any_of(t->roles.begin(), t->roles.end(),
                                     [&](const auto& role) { return Holds(repos, ctx, f.dossier, role, t->on); });
        if (!permitted) continue;
        AvailableAction a{t->action, t->name, t->reason_required, true, ""};
        std::vector<std::string> failed;
        for (const auto& g : t->guards)
            if (auto answer = EvaluateGuard(catalog, today, f, g); !answer.ok) failed.push_back(answer.message);
        // An action whose only obstacle is that it does not apply (nothing to consult on, no province
        // review needed) is not offered at all.
        if (!failed.empty()) {
            bool not_applicable = std::any_of(t->guards.begin(), t->guards.end(), [&](const std::string& g) {
                return (g == "consultation_required" || g == "province_review_required" || g == "decided_by_province" ||
                        g == "decided_centrally" || g == "full_procedure") &&
                       !EvaluateGuard(catalog, today, f, g).ok;
            });
            if (not_applicable) continue;
            a.ready = false;
            for (std::size_t i = 0; i < failed.size(); ++i) a.blocked += (i ? "; " : "") + failed[i];
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace dossier

namespace {

using nlohmann::json;

Error Refused(domain::Refusal refusal, std::string message) {
    switch (refusal) {
        case domain::Refusal::kUnknownAction:
            return Error{ErrorCode::kNotFound, "unknown_action", std::move(message), "", {}};
        case domain::Refusal::kWrongState:
            return Error{ErrorCode::kConflict, "transition_not_allowed", std::move(message), "", {}};
        case domain::Refusal::kNotPermitted:
            return Error{ErrorCode::kForbidden, "role_not_allowed", std::move(message), "", {}};
        case domain::Refusal::kGuard:
            return Error{ErrorCode::kConflict, "guard_failed", std::move(message), "", {}};
        case domain::Refusal::kReasonMissing:
            return Error{ErrorCode::kValidation, "reason_required", std::move(message), "", {{"reason", message}}};
        case domain::Refusal::kNone:
            break;
    }
    return Error{ErrorCode::kInternal, "internal", std::move(message), "", {}};
}

std::string Link(DossierId id) { return fmt::format("/ho-so/{}", id.value); }

// The stage's due date: the state's limit in working days, or for appraisal the longest the
// nominees' awards set, counted from today on the working calendar.
std::optional<Date> DueDate(const domain::Catalog& catalog, const Date& today, const dossier::Facts& f,
                            const std::string& state) {
    const auto* s = catalog.workflow.State(state);
    if (!s || !s->limit) return std::nullopt;
    int days = s->limit->working_days;
    if (state == "received") {
        const auto* rules = catalog.InForce(today);
        for (const auto& n : f.nominees)
            if (const auto* award = rules ? rules->Find(n.award_code) : nullptr)
                days = std::max(days, award->appraisal_working_days);
    }
    return catalog.calendar.AddWorkingDays(today, days);
}

json Snapshot(const DossierRecord& d) {
    return {{"code", d.code},
            {"state", d.state},
            {"state_since", d.state_since},
            {"due_date", d.due_date ? json(FormatIsoDate(*d.due_date)) : json(nullptr)},
            {"version", d.version}};
}

}  // namespace

Result<DossierRecord> MoveDossier(App& app, const RequestContext& ctx, DossierId id, const TransitionInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    std::string reason = dossier::Trimmed(in.reason);
    if (reason.size() > 4000) return Fail(ErrorCode::kValidation, "reason_too_long", "Lý do dài quá 4.000 ký tự.");
    // Read what the guards need, judge the nominees (a read of its own), then move in one write that
    // first checks nobody changed the dossier in between.
    auto facts = dossier::ReadVisibleFacts(app, ctx, id);
    if (!facts) return tl::unexpected(facts.error());
    if (in.version && in.version != facts->dossier.version)
        return Fail(
            ErrorCode::kConflict, "dossier_changed",
            fmt::format("Hồ sơ {} vừa được thay đổi (phiên bản {}, bạn đang xem phiên bản {}): vui lòng tải lại "
                        "trang rồi thực hiện lại.",
                        facts->dossier.code, facts->dossier.version, in.version));
    dossier::Judge(app, ctx, *facts);
    Date today = VietnamDate(app.clock.Now());
    Result<DossierRecord> out = tl::unexpected(dossier::NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto d = repos.dossiers.Find(id);
        if (!d) return false;
        if (d->version != facts->dossier.version)
            return (out = Fail(ErrorCode::kConflict, "dossier_changed",
                               fmt::format("Hồ sơ {} vừa được người khác thay đổi: vui lòng tải lại trang rồi thực "
                                           "hiện lại.",
                                           d->code))),
                   false;
        auto check = domain::CheckTransition(
            catalog.workflow, d->state, in.action,
            [&](std::string_view role, std::string_view on) { return dossier::Holds(repos, ctx, *d, role, on); },
            [&](std::string_view guard) { return dossier::EvaluateGuard(catalog, today, *facts, guard); },
            !reason.empty());
        if (check.refusal != domain::Refusal::kNone)
            return (out = tl::unexpected(Refused(check.refusal, check.message))), false;
        const auto& t = *check.transition;
        DossierRecord before = *d;
        auto now = app.clock.Now();
        std::string at = FormatIsoUtc(now);
        auto due = DueDate(catalog, today, *facts, t.to);
        if (!repos.dossiers.UpdateState(id, d->version, t.to, at, due))
            return (out = Fail(ErrorCode::kConflict, "dossier_changed",
                               "Hồ sơ vừa được người khác thay đổi: vui lòng tải lại trang rồi thực hiện lại.")),
                   false;
        std::string login = ctx.actor ? ctx.actor->login : "system";
        repos.dossiers.AddEvent({0, id, t.action, before.state, t.to, login, at, reason});
        DossierRecord after = *repos.dossiers.Find(id);
        json after_json = Snapshot(after);
        after_json["action"] = t.action;
        if (!reason.empty()) after_json["reason"] = reason;
        RecordChange(repos, app.clock, ctx,
                     {"dossier." + t.action, "dossier", std::to_string(id.value), Snapshot(before), after_json});
        std::string message = fmt::format("Hồ sơ {} «{}» ({}): {} — nay «{}».", d->code, d->title, d->unit_name, t.name,
                                          dossier::StateName(catalog.workflow, t.to));
        if (!reason.empty()) message += " Lý do: " + reason;
        using domain::Role;
        for (const auto& effect : t.effects) {
            if (effect == "notify_board")
                NotifyHolders(app, repos, ctx, {Role::kBoardSpecialist, Role::kBoardLeader}, d->board_unit, id, message,
                              Link(id));
            else if (effect == "notify_unit")
                NotifyHolders(app, repos, ctx, {Role::kUnitLeader, Role::kUnitOfficer}, d->unit, id, message, Link(id));
            else if (effect == "notify_council")
                NotifyHolders(app, repos, ctx, {Role::kCouncilSecretary, Role::kCouncilMember}, d->board_unit, id,
                              message, Link(id));
            else if (effect == "open_consultation") {
                ConsultationRecord c;
                c.dossier = id;
                c.opened_on = today;
                c.working_days = dossier::ConsultationDays(catalog, today, *facts);
                c.closes_on = catalog.calendar.AddWorkingDays(today, c.working_days);
                c.opened_by = login;
                c.opened_at = at;
                c.id = repos.dossiers.InsertConsultation(c);
                RecordChange(repos, app.clock, ctx,
                             {"consultation.open",
                              "consultation",
                              std::to_string(c.id),
                              nullptr,
                              {{"dossier_id", id.value},
                               {"opened_on", FormatIsoDate(c.opened_on)},
                               {"closes_on", FormatIsoDate(c.closes_on)},
                               {"working_days", c.working_days}}});
            } else if (effect == "write_awards") {
                dossier::IssueDecision(app, repos, ctx, *facts);
            } else if (effect == "publish_decision") {
                dossier::PublishDecision(app, repos, ctx, *facts);
            } else {
                throw std::logic_error("workflow effect not performed: " + effect);  // the loader refuses others
            }
        }
        out = after;
        return true;
    });
    return out;
}

Status OverrideNominee(App& app, const RequestContext& ctx, DossierId id, std::int64_t nominee,
                       const std::string& reason_in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    std::string reason = dossier::Trimmed(reason_in);
    if (reason.size() > 4000) return Fail(ErrorCode::kValidation, "reason_too_long", "Lý do dài quá 4.000 ký tự.");
    Status out = tl::unexpected(dossier::NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto d = repos.dossiers.Find(id);
        if (!d) return false;
        if (auto ok = Authorize(repos.units, ctx, domain::Action::kViewDossiers, d->unit); !ok)
            return (out = tl::unexpected(ok.error())), false;
        using domain::Role;
        if (!HoldsRole(repos.units, ctx, Role::kBoardSpecialist, d->board_unit) &&
            !HoldsRole(repos.units, ctx, Role::kBoardLeader, d->board_unit))
            return (out = Fail(ErrorCode::kForbidden, "role_not_allowed",
                               "Chỉ chuyên viên, lãnh đạo Ban Thi đua – Khen thưởng được ghi ý kiến vẫn trình.")),
                   false;
        if (!(d->state == "submitted" || d->state == "received" || d->state == "appraised" ||
              d->state == "consultation"))
            return (out = Fail(ErrorCode::kConflict, "dossier_not_overridable",
                               fmt::format("Hồ sơ đang ở trạng thái «{}»: chỉ ghi ý kiến vẫn trình khi Ban đang "
                                           "tiếp nhận, thẩm định hồ sơ.",
                                           dossier::StateName(catalog.workflow, d->state)))),
                   false;
        std::optional<NomineeRecord> before;
        for (auto& n : repos.dossiers.Nominees(id))
            if (n.id == nominee) before = n;
        std::string login = ctx.actor ? ctx.actor->login : "system";
        if (!before || !repos.dossiers.SetOverride(id, nominee, reason, reason.empty() ? "" : login))
            return (out = Fail(ErrorCode::kNotFound, "nominee_not_found",
                               fmt::format("Hồ sơ {} không có trường hợp đề nghị số {}.", d->code, nominee))),
                   false;
        repos.dossiers.Touch(id, FormatIsoUtc(app.clock.Now()));
        RecordChange(repos, app.clock, ctx,
                     {"dossier.nominee_override",
                      "dossier_nominee",
                      std::to_string(nominee),
                      {{"override_reason", before->override_reason}, {"override_by", before->override_by}},
                      {{"override_reason", reason}, {"override_by", reason.empty() ? "" : login}}});
        out = {};
        return true;
    });
    return out;
}

}  // namespace tdkt::app
