#include "app/dossiers.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/dossier_rules.h"
#include "app/eligibility.h"
#include "app/policy.h"
#include "app/validation.h"
#include "core/text.h"
#include "domain/codes.h"

namespace tdkt::app {
namespace {

using dossier::EditableDossier;
using dossier::NotFound;

using nlohmann::json;

json Snapshot(const DossierRecord& d) {
    return {{"code", d.code},
            {"title", d.title},
            {"kind", d.kind},
            {"procedure", d.procedure_kind},
            {"year", d.year},
            {"unit_id", d.unit.value},
            {"board_unit_id", d.board_unit.value},
            {"state", d.state}};
}

json NomineeSnapshot(const NomineeRecord& n) {
    json out{{"dossier_id", n.dossier.value}, {"subject_type", n.subject_type}, {"award_code", n.award_code}};
    if (n.person) out["person_id"] = n.person->value;
    if (n.unit) out["unit_id"] = n.unit->value;
    if (!n.household_name.empty()) out["household_name"] = n.household_name;
    return out;
}

// The unit and its current sub-units, at any depth.
std::unordered_set<UnitId> Subtree(UnitRepository& units, UnitId root) {
    std::unordered_set<UnitId> out{root};
    auto all = units.List();
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& u : all)
            if (u.parent && out.count(*u.parent) && !u.valid_to && out.insert(u.id).second) grew = true;
    }
    return out;
}

}  // namespace

Result<DossierRecord> CreateDossier(App& app, const RequestContext& ctx, const DossierInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Checker c;
    DossierRecord d;
    d.title = c.Text("title", "Tên hồ sơ", in.title, true, 300);
    d.kind = in.kind.empty()
                 ? "merit"
                 : c.Code("kind", "Loại hình khen thưởng", in.kind, domain::AwardKinds(), true).value_or("");
    d.procedure_kind =
        in.procedure_kind.empty()
            ? "full"
            : c.Code("procedure_kind", "Thủ tục", in.procedure_kind, domain::ProcedureKinds(), true).value_or("");
    d.year = c.Year("year", "Năm thành tích", in.year, true).value_or(0);
    if (!in.unit) c.Add("unit_id", "Đơn vị đề nghị", "Vui lòng chọn đơn vị đề nghị.");
    if (!c.ok()) return tl::unexpected(c.AsError());
    Result<DossierRecord> out = tl::unexpected(NotFound(DossierId{}));
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kPrepareDossiers, *in.unit);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        if (unit->valid_to)
            return (out = Fail(ErrorCode::kValidation, "unit_ended",
                               fmt::format("«{}» đã chấm dứt hoạt động từ {}: không lập hồ sơ mới được.", unit->name,
                                           FormatDateVi(*unit->valid_to)))),
                   false;
        // The board of the unit's province receives it.
        UnitRecord root = *unit;
        for (int depth = 0; root.parent && depth < 64; ++depth) {
            auto up = repos.units.Find(*root.parent);
            if (!up) break;
            root = *up;
        }
        auto now = app.clock.Now();
        int this_year = VietnamDate(now).year;
        // The audit chain's head is locked until this transaction ends (RecordChange would take it
        // anyway): taken first, it keeps two creations from reading the same last number.
        repos.audit.LockHeadHash();
        d.code = fmt::format("HS-{}-{:06}", this_year, repos.dossiers.NextNumber(this_year));
        d.unit = unit->id;
        d.board_unit = root.id;
        d.state = "draft";
        d.state_since = d.created_at = d.updated_at = FormatIsoUtc(now);
        d.created_by = ctx.actor ? ctx.actor->login : "system";
        d.id = repos.dossiers.Insert(d);
        d.unit_name = unit->name;
        repos.dossiers.AddEvent({0, d.id, "create", "", "draft", d.created_by, d.created_at, ""});
        RecordChange(repos, app.clock, ctx,
                     {"dossier.create", "dossier", std::to_string(d.id.value), nullptr, Snapshot(d)});
        out = d;
        return true;
    });
    return out;
}

Result<NomineeRecord> AddNominee(App& app, const RequestContext& ctx, DossierId id, const NomineeInput& in) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    Result<NomineeRecord> out = tl::unexpected(NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto d = EditableDossier(repos, ctx, catalog.workflow, id);
        if (!d) return (out = tl::unexpected(d.error())), false;
        Checker c;
        NomineeRecord n;
        n.dossier = id;
        n.subject_type =
            c.Code("subject_type", "Đối tượng", in.subject_type, domain::SubjectTypes(), true).value_or("");
        const domain::RuleSet* rules = catalog.InForce(VietnamDate(app.clock.Now()));
        const domain::AwardDef* award = nullptr;
        if (in.award_code.empty()) {
            c.Add("award_code", "Danh hiệu, hình thức", "Vui lòng chọn danh hiệu, hình thức đề nghị.");
        } else if (auto code = AwardByCodeOrName(catalog, in.award_code); !code || !rules || !rules->Find(*code)) {
            c.Add("award_code", "Danh hiệu, hình thức",
                  fmt::format("«{}» không có trong danh mục khen thưởng đang áp dụng.", in.award_code));
        } else {
            award = rules->Find(*code);
            n.award_code = award->code;
            if (!n.subject_type.empty() && !award->Allows(n.subject_type))
                c.Add("award_code", "Danh hiệu, hình thức",
                      fmt::format("«{}» không tặng cho đối tượng «{}».", award->name,
                                  domain::SubjectTypes().Label(n.subject_type)));
            else if (!award->AllowsKind(d->kind))
                c.Add("award_code", "Danh hiệu, hình thức",
                      fmt::format("«{}» không xét theo loại hình «{}» của hồ sơ.", award->name,
                                  domain::AwardKinds().Label(d->kind)));
            else if (d->procedure_kind == "simplified" &&
                     std::find(award->simplified_kinds.begin(), award->simplified_kinds.end(), d->kind) ==
                         award->simplified_kinds.end())
                c.Add("award_code", "Danh hiệu, hình thức",
                      fmt::format("«{}» không được đề nghị theo thủ tục đơn giản với loại hình «{}» (Luật TĐKT "
                                  "2022, Điều 85).",
                                  award->name, domain::AwardKinds().Label(d->kind)));
        }
        auto subtree = Subtree(repos.units, d->unit);
        if (n.subject_type == "individual") {
            auto person = in.person ? repos.people.Find(*in.person) : std::nullopt;
            if (!person)
                c.Add("person_id", "Cá nhân", "Vui lòng chọn một người có trong hệ thống.");
            else if (!person->unit || !subtree.count(*person->unit))
                c.Add("person_id", "Cá nhân",
                      fmt::format("«{}» hiện không công tác tại {} hay đơn vị trực thuộc.", person->full_name,
                                  d->unit_name));
            else
                n.person = person->id;
        } else if (!n.subject_type.empty()) {
            auto unit = in.unit ? repos.units.Find(*in.unit) : std::nullopt;
            std::string label = n.subject_type == "household" ? "Xã, phường nơi hộ cư trú" : "Tập thể";
            if (!unit)
                c.Add("unit_id", label, "Vui lòng chọn một đơn vị có trong hệ thống.");
            else if (!subtree.count(unit->id))
                c.Add("unit_id", label,
                      fmt::format("«{}» không phải {} hay đơn vị trực thuộc.", unit->name, d->unit_name));
            else
                n.unit = unit->id;
            if (n.subject_type == "household")
                n.household_name = c.Text("household_name", "Tên hộ gia đình", in.household_name, true, 200);
        }
        if (c.ok())
            for (const auto& other : repos.dossiers.Nominees(id))
                if (other.award_code == n.award_code && other.subject_type == n.subject_type &&
                    other.person == n.person && other.unit == n.unit && other.household_name == n.household_name)
                    c.Add("award_code", "Danh hiệu, hình thức",
                          fmt::format("«{}» đã được đề nghị «{}» trong hồ sơ này.", other.subject_name,
                                      award ? award->name : n.award_code));
        if (!c.ok()) return (out = tl::unexpected(c.AsError())), false;
        n.id = repos.dossiers.AddNominee(n);
        repos.dossiers.Touch(id, FormatIsoUtc(app.clock.Now()));
        RecordChange(repos, app.clock, ctx,
                     {"dossier.nominee_add", "dossier_nominee", std::to_string(n.id), nullptr, NomineeSnapshot(n)});
        for (auto& stored : repos.dossiers.Nominees(id))
            if (stored.id == n.id) n = stored;
        out = n;
        return true;
    });
    return out;
}

Status RemoveNominee(App& app, const RequestContext& ctx, DossierId id, std::int64_t nominee) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    Status out = tl::unexpected(NotFound(id));
    app.store.Write([&](Repositories& repos) {
        auto d = EditableDossier(repos, ctx, catalog.workflow, id);
        if (!d) return (out = tl::unexpected(d.error())), false;
        std::optional<NomineeRecord> before;
        for (auto& n : repos.dossiers.Nominees(id))
            if (n.id == nominee) before = n;
        if (!before || !repos.dossiers.RemoveNominee(id, nominee))
            return (out = Fail(ErrorCode::kNotFound, "nominee_not_found",
                               fmt::format("Hồ sơ {} không có người được đề nghị số {}.", d->code, nominee))),
                   false;
        repos.dossiers.Touch(id, FormatIsoUtc(app.clock.Now()));
        RecordChange(
            repos, app.clock, ctx,
            {"dossier.nominee_remove", "dossier_nominee", std::to_string(nominee), NomineeSnapshot(*before), nullptr});
        out = {};
        return true;
    });
    return out;
}

Result<DossierView> GetDossier(App& app, const RequestContext& ctx, DossierId id) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& catalog = CatalogOf(app);
    auto facts = dossier::ReadVisibleFacts(app, ctx, id);
    if (!facts) return tl::unexpected(facts.error());
    std::vector<std::string> award_names;
    dossier::Judge(app, ctx, *facts, &award_names);
    Date today = VietnamDate(app.clock.Now());
    DossierView view;
    view.dossier = facts->dossier;
    view.state_name = dossier::StateName(catalog.workflow, facts->dossier.state);
    if (const auto* state = catalog.workflow.State(facts->dossier.state)) view.holder = state->holder;
    for (std::size_t i = 0; i < facts->nominees.size(); ++i)
        view.nominees.push_back({facts->nominees[i], award_names[i], facts->verdicts[i]});
    view.events = facts->events;
    view.documents = facts->documents;
    view.consultation = facts->consultation;
    view.required = dossier::RequiredDocuments(catalog, today, *facts);
    view.decision = facts->decision;
    app.store.Read([&](Repositories& repos) {
        if (auto unit = repos.units.Find(facts->dossier.unit); unit && unit->parent)
            if (auto parent = repos.units.Find(*unit->parent)) view.parent_unit_name = parent->name;
        if (auto board = repos.units.Find(facts->dossier.board_unit)) view.board_unit_name = board->name;
        view.actions = dossier::ActionsFor(repos, ctx, catalog, today, *facts);
        view.can_edit = dossier::UnitHolds(catalog.workflow, facts->dossier) &&
                        Authorize(repos.units, ctx, domain::Action::kPrepareDossiers, facts->dossier.unit).has_value();
        const auto* state = catalog.workflow.State(facts->dossier.state);
        bool board_appraises = state && state->holder == "board" &&
                               (facts->dossier.state == "submitted" || facts->dossier.state == "received" ||
                                facts->dossier.state == "appraised" || facts->dossier.state == "consultation");
        const auto& st = facts->dossier.state;
        bool awaiting = st == "submitted_central" || st == "voted" || st == "province_review" ||
                        (st == "appraised" && facts->dossier.procedure_kind == "simplified");
        view.can_record_decision = awaiting && (!facts->decision || facts->decision->state == "draft") &&
                                   HoldsRole(repos.units, ctx, domain::Role::kBoardLeader, facts->dossier.board_unit);
        view.can_override = board_appraises &&
                            (HoldsRole(repos.units, ctx, domain::Role::kBoardSpecialist, facts->dossier.board_unit) ||
                             HoldsRole(repos.units, ctx, domain::Role::kBoardLeader, facts->dossier.board_unit));
    });
    return view;
}

Result<DossierPage> ListDossiers(App& app, const RequestContext& ctx, DossierFilter filter) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    filter.limit = std::clamp(filter.limit, 1, 200);
    filter.offset = std::max(0, filter.offset);
    Result<DossierPage> out = DossierPage{};
    app.store.Read([&](Repositories& repos) {
        // A province-wide role sees every dossier; others those of the units they are granted on.
        bool everywhere = ctx.system || std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(),
                                                    [](const auto& g) { return g.unit_is_root; });
        if (!everywhere) filter.units = VisibleUnits(repos.units, ctx);
        out = repos.dossiers.List(filter);
    });
    return out;
}

Result<std::vector<UnitRecord>> ProposingUnits(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    std::vector<UnitRecord> out;
    app.store.Read([&](Repositories& repos) {
        for (const auto& u : repos.units.List())
            if (!u.valid_to && Authorize(repos.units, ctx, domain::Action::kPrepareDossiers, u.id)) out.push_back(u);
    });
    std::sort(out.begin(), out.end(), [](const UnitRecord& a, const UnitRecord& b) {
        return text::CollationKey(a.name) < text::CollationKey(b.name);
    });
    return out;
}

Result<DossierWork> MyDossierWork(App& app, const RequestContext& ctx) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    const auto& workflow = CatalogOf(app).workflow;
    Date today = VietnamDate(app.clock.Now());
    DossierWork out;
    app.store.Read([&](Repositories& repos) {
        bool everywhere = ctx.system || std::any_of(ctx.actor->grants.begin(), ctx.actor->grants.end(),
                                                    [](const auto& g) { return g.unit_is_root; });
        std::optional<std::vector<UnitId>> scope;
        if (!everywhere) scope = VisibleUnits(repos.units, ctx);
        for (const auto& state : workflow.states) {
            DossierFilter f;
            f.units = scope;
            f.state = state.code;
            f.limit = 200;
            auto page = repos.dossiers.List(f);
            out.by_state.emplace_back(state.code, page.total);
            if (state.final) continue;
            auto leaving = workflow.From(state.code);
            for (const auto& d : page.items) {
                bool mine = std::any_of(leaving.begin(), leaving.end(), [&](const domain::Transition* t) {
                    return std::any_of(t->roles.begin(), t->roles.end(),
                                       [&](const auto& role) { return dossier::Holds(repos, ctx, d, role, t->on); });
                });
                if (mine) out.waiting.push_back(d);
                if (d.due_date && *d.due_date < today) out.overdue.push_back(d);
            }
        }
    });
    auto by_due = [](const DossierRecord& a, const DossierRecord& b) {
        if (a.due_date.has_value() != b.due_date.has_value()) return a.due_date.has_value();
        if (a.due_date && b.due_date && !(*a.due_date == *b.due_date)) return *a.due_date < *b.due_date;
        return a.id.value < b.id.value;
    };
    std::sort(out.waiting.begin(), out.waiting.end(), by_due);
    std::sort(out.overdue.begin(), out.overdue.end(), by_due);
    return out;
}

}  // namespace tdkt::app
