#include "app/organisation.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/policy.h"
#include "app/validation.h"
#include "core/text.h"
#include "domain/codes.h"
#include "domain/permission.h"

namespace tdkt::app {
namespace {

struct EffectiveChange {
    Date date;
    std::string document;
    std::string note;
};

struct ResolvedUnit {
    std::string code, name, unit_type;
    std::optional<UnitId> parent;
};

bool ActiveOn(const UnitRecord& u, const Date& d) {
    return (!u.valid_from || *u.valid_from <= d) && (!u.valid_to || *u.valid_to > d);
}

nlohmann::json UnitSnapshot(const UnitRecord& u) {
    return {{"id", u.id.value},
            {"code", u.code},
            {"name", u.name},
            {"parent_id", u.parent ? nlohmann::json(u.parent->value) : nlohmann::json(nullptr)},
            {"unit_type", u.unit_type},
            {"valid_from", u.valid_from ? nlohmann::json(FormatIsoDate(*u.valid_from)) : nlohmann::json(nullptr)},
            {"valid_to", u.valid_to ? nlohmann::json(FormatIsoDate(*u.valid_to)) : nlohmann::json(nullptr)}};
}

tl::unexpected<Error> NotFound(UnitId id) {
    return Fail(ErrorCode::kNotFound, "unit_not_found", fmt::format("Không tìm thấy đơn vị số {}.", id.value));
}

tl::unexpected<Error> Conflict(std::string reason, std::string message) {
    return Fail(ErrorCode::kConflict, std::move(reason), std::move(message));
}

// A change of the tree takes effect today or earlier: the current columns of `units` (name, parent,
// end, members, authority) hold the latest recorded version, so a change dated ahead would show as
// current before its day (ADR 0008). It is recorded once in force.
Result<EffectiveChange> CheckChange(const UnitChangeInput& in, const Date& today) {
    Checker c;
    auto date = c.DateValue("effective_date", "Ngày hiệu lực", in.effective_date, true);
    if (date && *date > today)
        c.Add("effective_date", "Ngày hiệu lực",
              fmt::format("Ngày hiệu lực {} chưa đến: thay đổi của đơn vị được ghi khi đã có hiệu lực (từ ngày {}), "
                          "để cây đơn vị hiện tại luôn đúng.",
                          FormatDateVi(*date), FormatDateVi(*date)));
    std::string document = c.Text("document", "Văn bản quyết định", in.document, true, 300);
    std::string note = c.Text("note", "Ghi chú", in.note, false, 1000);
    if (!c.ok()) return tl::unexpected(c.AsError());
    return EffectiveChange{*date, document, note};
}

bool ValidCode(const std::string& code) {
    return !code.empty() && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-';
    });
}

// Checks a new unit against the database as of the effective date.
Result<ResolvedUnit> CheckNewUnit(Repositories& repos, const NewUnitInput& in, const Date& date) {
    Checker c;
    ResolvedUnit out;
    out.code = c.Text("code", "Mã đơn vị", in.code, true, 40);
    if (!out.code.empty() && !ValidCode(out.code))
        c.Add("code", "Mã đơn vị",
              fmt::format("Mã đơn vị «{}» chỉ được gồm chữ không dấu, chữ số và các dấu . _ -", out.code));
    else if (!out.code.empty() && repos.units.FindByCode(out.code))
        c.Add("code", "Mã đơn vị", fmt::format("Mã đơn vị «{}» đã được dùng cho đơn vị khác.", out.code));
    out.name = c.Text("name", "Tên đơn vị", in.name, true, 200);
    out.unit_type = c.Code("unit_type", "Loại đơn vị", in.unit_type, domain::UnitTypes(), true).value_or("");
    if (in.parent) {
        auto parent = repos.units.Find(*in.parent);
        if (!parent)
            c.Add("parent_id", "Đơn vị cấp trên",
                  fmt::format("Không tìm thấy đơn vị cấp trên số {}.", in.parent->value));
        else if (!ActiveOn(*parent, date))
            c.Add("parent_id", "Đơn vị cấp trên",
                  fmt::format("Đơn vị cấp trên «{}» không còn tồn tại vào ngày {}.", parent->name, FormatDateVi(date)));
        out.parent = in.parent;
    }
    if (!c.ok()) return tl::unexpected(c.AsError());
    return out;
}

std::string Recorder(const RequestContext& ctx) {
    if (ctx.actor) return ctx.actor->login;
    return "system:" + (ctx.system_user.empty() ? std::string("cli") : ctx.system_user);
}

std::int64_t AddEvent(App& app, Repositories& repos, const RequestContext& ctx, UnitId unit, std::string kind,
                      const EffectiveChange& change) {
    return repos.units.InsertEvent({0, unit, std::move(kind), change.date, change.document, change.note,
                                    FormatIsoUtc(app.clock.Now()), Recorder(ctx)});
}

UnitRecord InsertUnit(Repositories& repos, const ResolvedUnit& u, const Date& date) {
    UnitRecord record{UnitId{}, u.code, u.name, u.parent, u.unit_type, date, std::nullopt};
    record.id = repos.units.Insert(record);
    return record;
}

// Ends the open version on `date` and opens one with the record's name, parent and type.
void NewVersion(Repositories& repos, const UnitRecord& u, const Date& date, std::int64_t event) {
    repos.units.CloseOpenVersion(u.id, date);
    repos.units.InsertVersion({0, u.id, date, std::nullopt, u.name, u.parent, u.unit_type, event});
    repos.units.UpdateCurrent(u);
}

// The start of the unit's open version: a change must come after it.
std::optional<Date> OpenVersionStart(Repositories& repos, UnitId unit) {
    std::optional<Date> start;
    for (const auto& v : repos.units.Versions(unit))
        if (!v.valid_to) start = v.valid_from;
    return start;
}

Status CheckChangeable(Repositories& repos, const UnitRecord& u, const Date& date) {
    if (!ActiveOn(u, date))
        return Conflict("unit_not_active",
                        fmt::format("Đơn vị «{}» không tồn tại vào ngày {}.", u.name, FormatDateVi(date)));
    if (auto start = OpenVersionStart(repos, u.id); start && *start >= date)
        return Conflict("change_before_last",
                        fmt::format("Ngày hiệu lực phải sau ngày {} (lần thay đổi gần nhất của «{}»).",
                                    FormatDateVi(*start), u.name));
    return {};
}

// Members and sub-units move on `date`: each must have joined (or last changed) before it.
Status CheckMovable(Repositories& repos, const UnitRecord& from, const Date& date) {
    for (const auto& m : repos.people.CurrentMemberships(from.id))
        if (m.start_date >= date)
            return Conflict(
                "member_joined_later",
                fmt::format("Có người bắt đầu công tác tại «{}» từ {}, sau ngày hiệu lực {}: điều chỉnh ngày "
                            "hiệu lực hoặc quá trình công tác trước.",
                            from.name, FormatDateVi(m.start_date), FormatDateVi(date)));
    for (const auto& child : repos.units.List()) {
        if (child.parent != from.id || !ActiveOn(child, date)) continue;
        if (auto start = OpenVersionStart(repos, child.id); start && *start >= date)
            return Conflict("change_before_last",
                            fmt::format("Đơn vị trực thuộc «{}» có thay đổi từ {}, sau ngày hiệu lực {}.", child.name,
                                        FormatDateVi(*start), FormatDateVi(date)));
    }
    return {};
}

// Moves the current members of `from` to `to` on `date` (end one membership, open the next).
int TransferMembers(Repositories& repos, UnitId from, UnitId to, const Date& date, const std::string& document) {
    int moved = 0;
    for (const auto& m : repos.people.CurrentMemberships(from)) {
        repos.people.EndMembership(m.id, date);
        repos.people.InsertMembership({0, m.person, to, "", date, std::nullopt, m.position, document});
        repos.people.SetCurrentUnit(m.person, to);
        ++moved;
    }
    return moved;
}

// Sub-units of `from` that still exist on `date` move under `to`.
int MoveChildren(Repositories& repos, UnitId from, UnitId to, const Date& date, std::int64_t event) {
    int moved = 0;
    for (auto child : repos.units.List()) {
        if (child.parent != from || !ActiveOn(child, date)) continue;
        child.parent = to;
        NewVersion(repos, child, date, event);
        ++moved;
    }
    return moved;
}

std::vector<UnitRecord> SortedByName(std::vector<UnitRecord> units) {
    std::vector<std::pair<std::string, UnitRecord>> keyed;
    for (auto& u : units) keyed.emplace_back(text::CollationKey(u.name), std::move(u));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<UnitRecord> out;
    for (auto& [key, u] : keyed) out.push_back(std::move(u));
    return out;
}

}  // namespace

std::vector<UnitId> UnitAndPredecessors(UnitRepository& units, UnitId unit) {
    auto lineage = units.Lineage();
    std::vector<UnitId> out{unit};
    std::unordered_set<UnitId> seen{unit};
    for (std::size_t i = 0; i < out.size(); ++i)
        for (const auto& link : lineage)
            if (link.successor == out[i] && seen.insert(link.predecessor).second) out.push_back(link.predecessor);
    return out;
}

Result<UnitRecord> CreateUnitIn(App& app, Repositories& repos, const RequestContext& ctx, const NewUnitInput& in,
                                const UnitChangeInput& change_in) {
    auto change = CheckChange(change_in, VietnamDate(app.clock.Now()));
    if (!change) return tl::unexpected(change.error());
    Status allowed = in.parent ? Authorize(repos.units, ctx, domain::Action::kManageUnits, *in.parent)
                               : AuthorizeSystemWide(ctx, domain::Action::kManageUnits);
    if (!allowed) return tl::unexpected(allowed.error());
    auto unit = CheckNewUnit(repos, in, change->date);
    if (!unit) return tl::unexpected(unit.error());
    auto record = InsertUnit(repos, *unit, change->date);
    auto event = AddEvent(app, repos, ctx, record.id, "create", *change);
    repos.units.InsertVersion(
        {0, record.id, change->date, std::nullopt, record.name, record.parent, record.unit_type, event});
    auto after = UnitSnapshot(record);
    after["document"] = change->document;
    RecordChange(repos, app.clock, ctx, {"unit.create", "unit", std::to_string(record.id.value), nullptr, after});
    return record;
}

Result<UnitRecord> CreateUnit(App& app, const RequestContext& ctx, const NewUnitInput& in,
                              const UnitChangeInput& change_in) {
    Result<UnitRecord> out = NotFound(UnitId{});
    app.store.Write([&](Repositories& repos) {
        out = CreateUnitIn(app, repos, ctx, in, change_in);
        return out.has_value();
    });
    return out;
}

Result<UnitRecord> AmendUnit(App& app, const RequestContext& ctx, UnitId id, const UnitAmendment& amendment,
                             const UnitChangeInput& change_in) {
    auto change = CheckChange(change_in, VietnamDate(app.clock.Now()));
    if (!change) return tl::unexpected(change.error());
    Result<UnitRecord> out = NotFound(id);
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManageUnits, id);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        if (auto ok = CheckChangeable(repos, *unit, change->date); !ok)
            return (out = tl::unexpected(ok.error())), false;
        UnitRecord after = *unit;
        Checker c;
        std::vector<std::string> changed;
        if (amendment.name) {
            after.name = c.Text("name", "Tên đơn vị", *amendment.name, true, 200);
            if (after.name != unit->name) changed.push_back("rename");
        }
        if (amendment.unit_type) {
            after.unit_type = c.Code("unit_type", "Loại đơn vị", *amendment.unit_type, domain::UnitTypes(), true)
                                  .value_or(unit->unit_type);
            if (after.unit_type != unit->unit_type) changed.push_back("retype");
        }
        if (amendment.parent && amendment.parent != unit->parent) {
            auto parent = repos.units.Find(*amendment.parent);
            if (!parent) {
                c.Add("parent_id", "Đơn vị cấp trên",
                      fmt::format("Không tìm thấy đơn vị cấp trên số {}.", amendment.parent->value));
            } else if (!ActiveOn(*parent, change->date)) {
                c.Add("parent_id", "Đơn vị cấp trên",
                      fmt::format("Đơn vị cấp trên «{}» không còn tồn tại vào ngày {}.", parent->name,
                                  FormatDateVi(change->date)));
            } else {
                // The new parent must not be the unit itself or one of its descendants.
                std::optional<UnitId> cursor = parent->id;
                for (int depth = 0; cursor && depth < 64; ++depth) {
                    if (*cursor == id) {
                        c.Add("parent_id", "Đơn vị cấp trên",
                              fmt::format("Không thể chuyển «{}» vào đơn vị trực thuộc chính nó.", unit->name));
                        break;
                    }
                    auto up = repos.units.Find(*cursor);
                    cursor = up ? up->parent : std::nullopt;
                }
                if (c.ok()) {
                    if (auto allowed = Authorize(repos.units, ctx, domain::Action::kManageUnits, parent->id); !allowed)
                        return (out = tl::unexpected(allowed.error())), false;
                }
            }
            after.parent = amendment.parent;
            changed.push_back("move");
        }
        if (!c.ok()) return (out = tl::unexpected(c.AsError())), false;
        if (changed.empty())
            return (out = Fail(ErrorCode::kValidation, "nothing_changed",
                               "Không có thay đổi nào: tên, loại và đơn vị cấp trên vẫn như cũ.")),
                   false;
        std::string kind = changed.size() == 1 ? changed.front() : "change";
        auto event = AddEvent(app, repos, ctx, id, kind, *change);
        NewVersion(repos, after, change->date, event);
        auto after_json = UnitSnapshot(after);
        after_json["effective_date"] = FormatIsoDate(change->date);
        after_json["document"] = change->document;
        RecordChange(repos, app.clock, ctx,
                     {"unit." + kind, "unit", std::to_string(id.value), UnitSnapshot(*unit), after_json});
        out = after;
        return true;
    });
    return out;
}

Result<UnitRecord> MergeUnits(App& app, const RequestContext& ctx, const MergeInput& merge,
                              const UnitChangeInput& change_in) {
    auto change = CheckChange(change_in, VietnamDate(app.clock.Now()));
    if (!change) return tl::unexpected(change.error());
    if (merge.into.has_value() == merge.new_unit.has_value())
        return Fail(ErrorCode::kValidation, "invalid_successor",
                    "Chọn một đơn vị hiện có để tiếp nhận, hoặc khai báo đơn vị mới hình thành sau hợp nhất.");
    std::unordered_set<UnitId> distinct(merge.predecessors.begin(), merge.predecessors.end());
    std::size_t needed = merge.into ? 1 : 2;
    if (distinct.size() != merge.predecessors.size() || distinct.size() < needed)
        return Fail(ErrorCode::kValidation, "invalid_predecessors",
                    merge.into ? "Chọn ít nhất một đơn vị (không trùng lặp) sáp nhập vào đơn vị tiếp nhận."
                               : "Hợp nhất cần ít nhất hai đơn vị khác nhau.");
    if (merge.into && distinct.count(*merge.into))
        return Fail(ErrorCode::kValidation, "invalid_successor",
                    "Đơn vị tiếp nhận không thể đồng thời là đơn vị bị sáp nhập.");
    Result<UnitRecord> out = NotFound(UnitId{});
    app.store.Write([&](Repositories& repos) {
        std::vector<UnitRecord> before;
        for (UnitId p : merge.predecessors) {
            auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManageUnits, p);
            if (!unit) return (out = tl::unexpected(unit.error())), false;
            if (auto ok = CheckChangeable(repos, *unit, change->date); !ok)
                return (out = tl::unexpected(ok.error())), false;
            if (auto ok = CheckMovable(repos, *unit, change->date); !ok)
                return (out = tl::unexpected(ok.error())), false;
            before.push_back(*unit);
        }
        UnitRecord successor;
        std::int64_t event = 0;
        if (merge.into) {
            auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManageUnits, *merge.into);
            if (!unit) return (out = tl::unexpected(unit.error())), false;
            if (!ActiveOn(*unit, change->date))
                return (out =
                            Conflict("unit_not_active", fmt::format("Đơn vị tiếp nhận «{}» không tồn tại vào ngày {}.",
                                                                    unit->name, FormatDateVi(change->date)))),
                       false;
            successor = *unit;
            event = AddEvent(app, repos, ctx, successor.id, "merge", *change);
        } else {
            Status allowed = merge.new_unit->parent
                                 ? Authorize(repos.units, ctx, domain::Action::kManageUnits, *merge.new_unit->parent)
                                 : AuthorizeSystemWide(ctx, domain::Action::kManageUnits);
            if (!allowed) return (out = tl::unexpected(allowed.error())), false;
            auto resolved = CheckNewUnit(repos, *merge.new_unit, change->date);
            if (!resolved) return (out = tl::unexpected(resolved.error())), false;
            successor = InsertUnit(repos, *resolved, change->date);
            event = AddEvent(app, repos, ctx, successor.id, "merge", *change);
            repos.units.InsertVersion({0, successor.id, change->date, std::nullopt, successor.name, successor.parent,
                                       successor.unit_type, event});
        }
        int members = 0, children = 0;
        nlohmann::json before_json = nlohmann::json::array();
        for (auto& p : before) {
            before_json.push_back(UnitSnapshot(p));
            repos.units.CloseOpenVersion(p.id, change->date);
            p.valid_to = change->date;
            repos.units.UpdateCurrent(p);
            repos.units.InsertLineage({p.id, successor.id, event, change->date});
            children += MoveChildren(repos, p.id, successor.id, change->date, event);
            members += TransferMembers(repos, p.id, successor.id, change->date, change->document);
        }
        nlohmann::json after_json{{"successor", UnitSnapshot(successor)},
                                  {"effective_date", FormatIsoDate(change->date)},
                                  {"document", change->document},
                                  {"members_transferred", members},
                                  {"subunits_moved", children}};
        RecordChange(repos, app.clock, ctx,
                     {"unit.merge", "unit", std::to_string(successor.id.value), before_json, after_json});
        out = successor;
        return true;
    });
    return out;
}

Result<std::vector<UnitRecord>> SplitUnit(App& app, const RequestContext& ctx, UnitId id, const SplitInput& split,
                                          const UnitChangeInput& change_in) {
    auto change = CheckChange(change_in, VietnamDate(app.clock.Now()));
    if (!change) return tl::unexpected(change.error());
    if (split.parts.size() < 2)
        return Fail(ErrorCode::kValidation, "invalid_parts", "Chia tách cần ít nhất hai đơn vị mới.");
    if (split.members_to >= split.parts.size())
        return Fail(ErrorCode::kValidation, "invalid_members_to", "Chọn đơn vị mới tiếp nhận cán bộ, người lao động.");
    Result<std::vector<UnitRecord>> out = NotFound(id);
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManageUnits, id);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        if (auto ok = CheckChangeable(repos, *unit, change->date); !ok)
            return (out = tl::unexpected(ok.error())), false;
        if (auto ok = CheckMovable(repos, *unit, change->date); !ok) return (out = tl::unexpected(ok.error())), false;
        std::vector<ResolvedUnit> parts;
        std::unordered_set<std::string> codes;
        for (const auto& part : split.parts) {
            Status allowed = part.parent ? Authorize(repos.units, ctx, domain::Action::kManageUnits, *part.parent)
                                         : AuthorizeSystemWide(ctx, domain::Action::kManageUnits);
            if (!allowed) return (out = tl::unexpected(allowed.error())), false;
            auto resolved = CheckNewUnit(repos, part, change->date);
            if (!resolved) return (out = tl::unexpected(resolved.error())), false;
            if (!codes.insert(resolved->code).second)
                return (out = Fail(ErrorCode::kValidation, "invalid_code",
                                   fmt::format("Mã đơn vị «{}» bị trùng giữa các đơn vị mới.", resolved->code))),
                       false;
            parts.push_back(*resolved);
        }
        auto event = AddEvent(app, repos, ctx, id, "split", *change);
        std::vector<UnitRecord> created;
        nlohmann::json parts_json = nlohmann::json::array();
        for (const auto& part : parts) {
            auto record = InsertUnit(repos, part, change->date);
            repos.units.InsertVersion(
                {0, record.id, change->date, std::nullopt, record.name, record.parent, record.unit_type, event});
            repos.units.InsertLineage({id, record.id, event, change->date});
            parts_json.push_back(UnitSnapshot(record));
            created.push_back(record);
        }
        UnitId receiver = created[split.members_to].id;
        int children = MoveChildren(repos, id, receiver, change->date, event);
        int members = TransferMembers(repos, id, receiver, change->date, change->document);
        UnitRecord ended = *unit;
        repos.units.CloseOpenVersion(id, change->date);
        ended.valid_to = change->date;
        repos.units.UpdateCurrent(ended);
        RecordChange(repos, app.clock, ctx,
                     {"unit.split",
                      "unit",
                      std::to_string(id.value),
                      UnitSnapshot(*unit),
                      {{"parts", parts_json},
                       {"effective_date", FormatIsoDate(change->date)},
                       {"document", change->document},
                       {"members_transferred", members},
                       {"subunits_moved", children}}});
        out = created;
        return true;
    });
    return out;
}

Result<UnitRecord> DissolveUnit(App& app, const RequestContext& ctx, UnitId id, const UnitChangeInput& change_in) {
    auto change = CheckChange(change_in, VietnamDate(app.clock.Now()));
    if (!change) return tl::unexpected(change.error());
    Result<UnitRecord> out = NotFound(id);
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManageUnits, id);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        if (auto ok = CheckChangeable(repos, *unit, change->date); !ok)
            return (out = tl::unexpected(ok.error())), false;
        int children = 0;
        for (const auto& child : repos.units.List())
            if (child.parent == id && ActiveOn(child, change->date)) ++children;
        if (children > 0)
            return (out = Conflict(
                        "unit_has_subunits",
                        fmt::format("«{}» còn {} đơn vị trực thuộc: chuyển hoặc giải thể các đơn vị này trước.",
                                    unit->name, children))),
                   false;
        if (auto members = repos.people.CountCurrentMembers(id); members > 0)
            return (out = Conflict("unit_has_members",
                                   fmt::format("«{}» còn {} người đang công tác: điều chuyển họ trước khi giải thể.",
                                               unit->name, text::FormatNumberVi(members)))),
                   false;
        AddEvent(app, repos, ctx, id, "dissolve", *change);
        UnitRecord ended = *unit;
        repos.units.CloseOpenVersion(id, change->date);
        ended.valid_to = change->date;
        repos.units.UpdateCurrent(ended);
        auto after = UnitSnapshot(ended);
        after["document"] = change->document;
        RecordChange(repos, app.clock, ctx,
                     {"unit.dissolve", "unit", std::to_string(id.value), UnitSnapshot(*unit), after});
        out = ended;
        return true;
    });
    return out;
}

Result<std::vector<UnitRecord>> ListUnitsAsOf(App& app, const RequestContext& ctx, std::optional<Date> as_of,
                                              const std::string& query) {
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    Date date = as_of.value_or(VietnamDate(app.clock.Now()));
    std::string folded = text::Fold(text::CleanLine(query));
    std::vector<UnitRecord> out;
    app.store.Read([&](Repositories& repos) {
        auto visible = VisibleUnits(repos.units, ctx);
        std::unordered_set<UnitId> ids(visible.begin(), visible.end());
        for (auto& u : repos.units.ListAsOf(date)) {
            if (!ids.count(u.id)) continue;
            if (!folded.empty() && text::Fold(u.name).find(folded) == std::string::npos &&
                text::Fold(u.code).find(folded) == std::string::npos)
                continue;
            out.push_back(std::move(u));
        }
    });
    return SortedByName(std::move(out));
}

Result<UnitDetail> GetUnitDetail(App& app, const RequestContext& ctx, UnitId id) {
    Result<UnitDetail> out = NotFound(id);
    Date today = VietnamDate(app.clock.Now());
    app.store.Read([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kViewUnit, id);
        if (!unit) return void(out = tl::unexpected(unit.error()));
        UnitDetail d;
        d.unit = *unit;
        if (unit->parent) d.parent = repos.units.Find(*unit->parent);
        for (auto& u : repos.units.ListAsOf(today))
            if (u.parent == id) d.children.push_back(std::move(u));
        d.children = SortedByName(std::move(d.children));
        d.versions = repos.units.Versions(id);
        d.events = repos.units.Events(id);
        auto lineage = repos.units.Lineage();
        auto all = UnitAndPredecessors(repos.units, id);
        for (std::size_t i = 1; i < all.size(); ++i)
            if (auto p = repos.units.Find(all[i])) {
                d.predecessors.push_back(*p);
                d.predecessor_ratings.emplace_back(*p, repos.units.Ratings(p->id));
            }
        for (const auto& link : lineage)
            if (link.predecessor == id)
                if (auto s = repos.units.Find(link.successor)) d.successors.push_back(*s);
        d.ratings = repos.units.Ratings(id);
        d.awards = repos.awards.ForUnits(all);
        d.current_members = repos.people.CountCurrentMembers(id);
        d.can_manage_units = Authorize(repos.units, ctx, domain::Action::kManageUnits, id).has_value();
        d.can_manage_people = Authorize(repos.units, ctx, domain::Action::kManagePeople, id).has_value();
        d.can_revoke = HoldsRole(repos.units, ctx, domain::Role::kBoardLeader, id);
        d.can_recover = d.can_revoke || HoldsRole(repos.units, ctx, domain::Role::kBoardSpecialist, id);
        out = std::move(d);
    });
    return out;
}

Status SetUnitRating(App& app, const RequestContext& ctx, UnitId id, const std::string& year_text,
                     const std::string& rating_text, const std::string& document_text) {
    Checker c;
    auto year = c.Year("year", "Năm", year_text, true);
    auto rating = c.Code("rating", "Xếp loại", rating_text, domain::TaskRatings(), true);
    std::string document = c.Text("document", "Văn bản đánh giá", document_text, false, 300);
    if (!c.ok()) return tl::unexpected(c.AsError());
    Status out;
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManagePeople, id);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        nlohmann::json before = nullptr;
        for (const auto& r : repos.units.Ratings(id))
            if (r.year == *year) before = {{"year", r.year}, {"rating", r.rating}, {"document", r.document}};
        repos.units.SetRating(id, {*year, *rating, document});
        RecordChange(repos, app.clock, ctx,
                     {"unit.rating",
                      "unit_rating",
                      fmt::format("{}:{}", id.value, *year),
                      before,
                      {{"year", *year}, {"rating", *rating}, {"document", document}}});
        return true;
    });
    return out;
}

Status DeleteUnitRating(App& app, const RequestContext& ctx, UnitId id, int year) {
    Status out;
    app.store.Write([&](Repositories& repos) {
        auto unit = AuthorizeUnit(repos.units, ctx, domain::Action::kManagePeople, id);
        if (!unit) return (out = tl::unexpected(unit.error())), false;
        nlohmann::json before = nullptr;
        for (const auto& r : repos.units.Ratings(id))
            if (r.year == year) before = {{"year", r.year}, {"rating", r.rating}, {"document", r.document}};
        if (before.is_null())
            return (out = Fail(ErrorCode::kNotFound, "rating_not_found",
                               fmt::format("«{}» chưa có xếp loại năm {}.", unit->name, year))),
                   false;
        repos.units.DeleteRating(id, year);
        RecordChange(repos, app.clock, ctx,
                     {"unit.rating_delete", "unit_rating", fmt::format("{}:{}", id.value, year), before, nullptr});
        return true;
    });
    return out;
}

}  // namespace tdkt::app
