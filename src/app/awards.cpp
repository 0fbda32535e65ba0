#include "app/awards.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "app/policy.h"
#include "domain/award_codes.h"
#include "domain/codes.h"
#include "domain/permission.h"

namespace tdkt::app {
namespace {

nlohmann::json AwardSnapshot(const AwardRecord& a) {
    auto id = [](const auto& opt) { return opt ? nlohmann::json(opt->value) : nlohmann::json(nullptr); };
    return {
        {"id", a.id.value},
        {"subject_type", a.subject_type},
        {"person_id", id(a.person)},
        {"unit_id", id(a.unit)},
        {"household_name", a.household_name},
        {"award_code", a.award_code},
        {"year", a.year},
        {"kind", a.kind},
        {"decision_number", a.decision_number},
        {"decision_date", a.decision_date ? nlohmann::json(FormatIsoDate(*a.decision_date)) : nlohmann::json(nullptr)},
        {"authority", a.authority},
        {"prize_vnd", a.prize_vnd},
        {"source", a.source}};
}

}  // namespace

Result<UnitId> AwardScopeUnit(Repositories& repos, const AwardRecord& a) {
    if (a.subject_type == "individual") {
        auto person = repos.people.Find(*a.person);
        if (!person)
            return Fail(ErrorCode::kValidation, "invalid_person_id",
                        fmt::format("Không tìm thấy hồ sơ cá nhân số {}.", a.person->value));
        if (!person->unit)
            return Fail(ErrorCode::kConflict, "person_without_unit",
                        fmt::format("«{}» không còn thuộc đơn vị nào.", person->full_name));
        return *person->unit;
    }
    if (!repos.units.Find(*a.unit))
        return Fail(ErrorCode::kValidation, "invalid_unit_id",
                    fmt::format("Không tìm thấy đơn vị số {}.", a.unit->value));
    return *a.unit;
}

void CheckAwardInput(Checker& c, const AwardInput& in, AwardRecord& out) {
    out.subject_type =
        c.Code("subject_type", "Đối tượng khen thưởng", in.subject_type, domain::SubjectTypes(), true).value_or("");
    out.award_code = c.Text("award_code", "Mã danh hiệu, hình thức", in.award_code, true, 40);
    const auto* award = domain::FindAwardCode(out.award_code);
    if (!out.award_code.empty() && !award)
        c.Add("award_code", "Mã danh hiệu, hình thức",
              fmt::format("Mã danh hiệu, hình thức khen thưởng «{}» không có trong danh mục.", out.award_code));
    else if (award && !out.subject_type.empty() && !domain::AwardAllowsSubject(*award, out.subject_type))
        c.Add("award_code", "Mã danh hiệu, hình thức",
              fmt::format("«{}» không xét cho đối tượng {}.", award->name,
                          domain::SubjectTypes().Label(out.subject_type)));
    out.year = c.Year("year", "Năm thành tích", in.year, true).value_or(0);
    out.kind = in.kind.empty()
                   ? "merit"
                   : c.Code("kind", "Loại hình khen thưởng", in.kind, domain::AwardKinds(), true).value_or("");
    out.decision_number = c.Text("decision_number", "Số quyết định", in.decision_number, false, 100);
    out.decision_date = c.DateValue("decision_date", "Ngày quyết định", in.decision_date, false);
    out.authority = c.Text("authority", "Cấp quyết định", in.authority, false, 200);
    out.prize_vnd = c.Money("prize_vnd", "Tiền thưởng", in.prize_vnd).value_or(0);
    out.note = c.Text("note", "Ghi chú", in.note, false, 500);
    out.household_name =
        c.Text("household_name", "Tên hộ gia đình", in.household_name, out.subject_type == "household", 200);
    out.person = in.person;
    out.unit = in.unit;
    if (out.subject_type == "individual" && !in.person)
        c.Add("person_id", "Cá nhân", "Vui lòng chọn cá nhân được khen thưởng.");
    if (out.subject_type != "individual" && !out.subject_type.empty() && !in.unit)
        c.Add("unit_id", "Đơn vị",
              out.subject_type == "household" ? "Vui lòng chọn xã, phường nơi hộ gia đình cư trú."
                                              : "Vui lòng chọn tập thể được khen thưởng.");
    if (out.subject_type == "individual") out.unit.reset();
    if (out.subject_type != "individual") out.person.reset();
    if (out.decision_date && out.year && out.decision_date->year < out.year)
        c.Add("decision_date", "Ngày quyết định",
              fmt::format("Ngày quyết định {} trước năm thành tích {}.", FormatDateVi(*out.decision_date), out.year));
}

Result<AwardRecord> RecordAwardIn(App& app, Repositories& repos, const RequestContext& ctx, const AwardInput& in,
                                  const std::string& source) {
    Checker c;
    AwardRecord award;
    CheckAwardInput(c, in, award);
    if (!c.ok()) return tl::unexpected(c.AsError());
    award.source = source;
    if (auto signed_in = RequireSignedIn(ctx); !signed_in) return tl::unexpected(signed_in.error());
    auto scope = AwardScopeUnit(repos, award);
    if (!scope) return tl::unexpected(scope.error());
    if (auto allowed = Authorize(repos.units, ctx, domain::Action::kManagePeople, *scope); !allowed)
        return tl::unexpected(allowed.error());
    std::optional<Initiative> used;
    if (in.initiative_id) {
        if (award.subject_type != "individual")
            return Fail(ErrorCode::kValidation, "invalid_initiative_id",
                        "Chỉ khen thưởng cá nhân mới gắn với sáng kiến.");
        for (const auto& i : repos.records.Initiatives(*award.person))
            if (i.id == *in.initiative_id) used = i;
        if (!used)
            return Fail(ErrorCode::kValidation, "invalid_initiative_id",
                        "Sáng kiến đã chọn không thuộc hồ sơ của người này.");
        if (used->used_by_award)
            return Fail(ErrorCode::kConflict, "initiative_used",
                        fmt::format("Sáng kiến «{}» đã được dùng để khen thưởng; mỗi thành tích chỉ dùng một lần.",
                                    used->title));
    }
    award.created_at = FormatIsoUtc(app.clock.Now());
    award.id = repos.awards.Insert(award);
    if (used) repos.records.LinkInitiative(used->id, award.id);
    if (auto stored = repos.awards.Find(award.id)) award = *stored;
    auto after = AwardSnapshot(award);
    if (used) after["initiative_id"] = used->id;
    RecordChange(repos, app.clock, ctx, {"award.create", "award", std::to_string(award.id.value), nullptr, after});
    return award;
}

Result<AwardRecord> RecordAward(App& app, const RequestContext& ctx, const AwardInput& in, const std::string& source) {
    Result<AwardRecord> out = Fail(ErrorCode::kInternal, "not_recorded", "");
    app.store.Write([&](Repositories& repos) {
        out = RecordAwardIn(app, repos, ctx, in, source);
        return out.has_value();
    });
    return out;
}

Status DeleteAward(App& app, const RequestContext& ctx, AwardId id) {
    Status out;
    app.store.Write([&](Repositories& repos) {
        if (auto signed_in = RequireSignedIn(ctx); !signed_in) return (out = tl::unexpected(signed_in.error())), false;
        auto award = repos.awards.Find(id);
        if (!award)
            return (out = Fail(ErrorCode::kNotFound, "award_not_found",
                               fmt::format("Không tìm thấy khen thưởng số {}.", id.value))),
                   false;
        auto scope = AwardScopeUnit(repos, *award);
        if (!scope) return (out = tl::unexpected(scope.error())), false;
        if (auto allowed = Authorize(repos.units, ctx, domain::Action::kManagePeople, *scope); !allowed)
            return (out = tl::unexpected(allowed.error())), false;
        if (award->source == "decision")  // its certificate and decision stand: it can only be revoked
            return (out = Fail(ErrorCode::kConflict, "award_from_decision",
                               "Khen thưởng này do một quyết định trong hệ thống ghi nên không xoá được; nếu "
                               "khen thưởng sai, lãnh đạo Ban Thi đua – Khen thưởng thu hồi khen thưởng.")),
                   false;
        if (award->revoked_at)  // the revocation is part of the record
            return (out = Fail(ErrorCode::kConflict, "award_revoked",
                               "Khen thưởng đã bị thu hồi được giữ lại trong lịch sử, không xoá được.")),
                   false;
        repos.awards.Delete(id);
        RecordChange(repos, app.clock, ctx,
                     {"award.delete", "award", std::to_string(id.value), AwardSnapshot(*award), nullptr});
        return true;
    });
    return out;
}

}  // namespace tdkt::app
