#include "web/json_io.h"

#include <algorithm>

#include <fmt/format.h>

#include "domain/award_codes.h"
#include "domain/codes.h"
#include "domain/role.h"

namespace tdkt::web {

Result<nlohmann::json> ParseJsonObject(const Request& req) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return Fail(ErrorCode::kInvalidInput, "invalid_json", "Dữ liệu gửi lên phải là một đối tượng JSON hợp lệ.");
    return body;
}

Result<std::string> StringField(const nlohmann::json& obj, const char* field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return std::string();
    if (!it->is_string())
        return Fail(ErrorCode::kValidation, "invalid_field", fmt::format("Trường «{}» phải là chuỗi ký tự.", field));
    return it->get<std::string>();
}

Result<std::string> TextField(const nlohmann::json& obj, const char* field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return std::string();
    if (it->is_string()) return it->get<std::string>();
    if (it->is_boolean()) return std::string(it->get<bool>() ? "true" : "false");
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    if (it->is_number()) return it->dump();
    return Fail(ErrorCode::kValidation, "invalid_field", fmt::format("Trường «{}» phải là một giá trị đơn.", field));
}

std::optional<Error> ReadText(const nlohmann::json& body,
                              std::initializer_list<std::pair<const char*, std::string*>> fields) {
    for (auto [field, target] : fields) {
        auto value = TextField(body, field);
        if (!value) return value.error();
        *target = *value;
    }
    return std::nullopt;
}

Result<std::optional<std::int64_t>> IdField(const nlohmann::json& obj, const char* field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return std::optional<std::int64_t>();
    if (it->is_number_integer() && it->get<std::int64_t>() > 0) return std::optional(it->get<std::int64_t>());
    if (it->is_string()) {
        const auto& s = it->get_ref<const std::string&>();
        if (!s.empty() && s.size() <= 18 &&
            std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::optional(std::stoll(s));
        if (s.empty()) return std::optional<std::int64_t>();
    }
    return Fail(ErrorCode::kValidation, "invalid_" + std::string(field),
                fmt::format("Trường «{}» phải là một mã số (số nguyên dương).", field));
}

nlohmann::json DateJson(const std::optional<Date>& d) {
    return d ? nlohmann::json(FormatIsoDate(*d)) : nlohmann::json(nullptr);
}

namespace {
template <class Id>
nlohmann::json IdJson(const std::optional<Id>& id) {
    return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json UnitVersionJson(const app::UnitVersion& v) {
    return {{"valid_from", DateJson(v.valid_from)},
            {"valid_to", DateJson(v.valid_to)},
            {"name", v.name},
            {"parent_id", IdJson(v.parent)},
            {"unit_type", v.unit_type},
            {"unit_type_label", domain::UnitTypes().Label(v.unit_type)}};
}

nlohmann::json UnitEventJson(const app::UnitEvent& e) {
    return {{"id", e.id},
            {"unit_id", e.unit.value},
            {"kind", e.kind},
            {"effective_date", FormatIsoDate(e.effective_date)},
            {"document", e.document},
            {"note", e.note},
            {"recorded_at", e.recorded_at},
            {"recorded_by", e.recorded_by}};
}

nlohmann::json RatingJson(const app::YearRating& r) {
    return {{"year", r.year},
            {"rating", r.rating},
            {"rating_label", domain::TaskRatings().Label(r.rating)},
            {"document", r.document}};
}

nlohmann::json PersonJson(const app::PersonRecord& p) {
    return {{"id", p.id.value},
            {"full_name", p.full_name},
            {"gender", p.gender},
            {"birth_date", DateJson(p.birth_date)},
            {"national_id", p.national_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.national_id)},
            {"unit_id", IdJson(p.unit)},
            {"unit_name", p.unit_name},
            {"category", p.category},
            {"category_label", domain::PersonCategories().Label(p.category)},
            {"direct_worker", p.direct_worker},
            {"position", p.position},
            {"phone", p.phone},
            {"email", p.email}};
}

nlohmann::json MembershipJson(const app::Membership& m) {
    return {{"id", m.id},
            {"unit_id", m.unit.value},
            {"unit_name", m.unit_name},
            {"start_date", FormatIsoDate(m.start_date)},
            {"end_date", DateJson(m.end_date)},
            {"position", m.position},
            {"document", m.document}};
}

nlohmann::json LeaveJson(const app::Leave& l) {
    return {{"id", l.id},
            {"kind", l.kind},
            {"start_date", FormatIsoDate(l.start_date)},
            {"end_date", FormatIsoDate(l.end_date)},
            {"note", l.note}};
}

nlohmann::json DisciplineJson(const app::Discipline& d) {
    return {{"id", d.id},
            {"form", d.form},
            {"form_label", domain::DisciplineForms().Label(d.form)},
            {"start_date", FormatIsoDate(d.start_date)},
            {"end_date", DateJson(d.end_date)},
            {"decision", d.decision},
            {"note", d.note}};
}

nlohmann::json InitiativeJson(const app::Initiative& i) {
    return {{"id", i.id},
            {"kind", i.kind},
            {"title", i.title},
            {"year", i.year},
            {"scope", i.scope},
            {"scope_label", domain::RecognitionScopes().Label(i.scope)},
            {"decision", i.decision},
            {"used_by_award_id", IdJson(i.used_by_award)}};
}

nlohmann::json AwardJson(const app::AwardRecord& a) {
    const auto* code = domain::FindAwardCode(a.award_code);
    return {
        {"id", a.id.value},
        {"subject_type", a.subject_type},
        {"person_id", IdJson(a.person)},
        {"unit_id", IdJson(a.unit)},
        {"household_name", a.household_name},
        {"subject_name", a.subject_name},
        {"award_code", a.award_code},
        {"award_name", code ? std::string(code->name) : a.award_code},
        {"year", a.year},
        {"kind", a.kind},
        {"kind_label", domain::AwardKinds().Label(a.kind)},
        {"decision_number", a.decision_number},
        {"decision_date", DateJson(a.decision_date)},
        {"authority", a.authority},
        {"prize_vnd", a.prize_vnd},
        {"source", a.source},
        {"note", a.note},
        {"revocation", a.revoked_at ? nlohmann::json{{"revoked_at", *a.revoked_at},
                                                     {"reason", a.revoked_reason},
                                                     {"legal_ground", a.revoke_ground},
                                                     {"decision", a.revoke_decision},
                                                     {"recovery", a.recovery},
                                                     {"recovered_at", a.recovered_at ? nlohmann::json(*a.recovered_at)
                                                                                     : nlohmann::json(nullptr)}}
                                    : nlohmann::json(nullptr)}};
}

nlohmann::json GrantsJson(const std::vector<app::RoleGrant>& grants) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : grants)
        out.push_back({{"role", domain::RoleCode(g.role)},
                       {"role_label", domain::RoleLabel(g.role)},
                       {"unit_id", g.unit.value},
                       {"unit_name", g.unit_name}});
    return out;
}

nlohmann::json ActorJson(const app::Actor& actor) {
    return {{"id", actor.id.value},
            {"login", actor.login},
            {"display_name", actor.display_name},
            {"roles", GrantsJson(actor.grants)}};
}

nlohmann::json UnitJson(const app::UnitRecord& u) {
    return {{"id", u.id.value},
            {"code", u.code},
            {"name", u.name},
            {"parent_id", u.parent ? nlohmann::json(u.parent->value) : nlohmann::json(nullptr)},
            {"unit_type", u.unit_type},
            {"unit_type_label", domain::UnitTypes().Label(u.unit_type)},
            {"valid_from", DateJson(u.valid_from)},
            {"valid_to", DateJson(u.valid_to)}};
}

std::optional<Response> RequireSession(const Request& req) {
    if (req.session) return std::nullopt;
    return ErrorResponse(Error{ErrorCode::kUnauthenticated, "unauthenticated", "Bạn cần đăng nhập để tiếp tục.", ""});
}

}  // namespace tdkt::web
