// The award catalogue for people, readable by a newcomer: GET /danh-muc-khen-thuong lists every
// title and form of the rule set in force on a date (?ngay=dd/mm/yyyy, today by default) by group,
// with who decides and the prize; GET /danh-muc-khen-thuong/{CODE} shows one award: its criteria as
// the law words them with their articles (nested "one of" / "all of"), what the council votes,
// how its prize is computed, the dossier, time limits and consultation, and the same award in the
// other rule sets. The machine form is GET /api/v1/catalog (app::CatalogJson).
#include <algorithm>

#include <fmt/format.h>

#include "app/catalog.h"
#include "core/text.h"
#include "domain/codes.h"
#include "domain/prize.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

using nlohmann::json;

struct Group {
    const char* code;
    const char* label;
    const char* about;
};

// In the order of the law: emulation titles first, then the forms of commendation.
constexpr Group kGroups[] = {
    {"title", "Danh hiệu thi đua",
     "Xét tặng hằng năm hoặc theo đợt cho thành tích thi đua (Luật TĐKT 2022, Chương II)."},
    {"order", "Huân chương", "Hình thức khen thưởng cao của Nhà nước (Luật TĐKT 2022, Mục 1 Chương III)."},
    {"medal", "Huy chương", "Tặng cho cá nhân trong lực lượng vũ trang và người nước ngoài (Luật TĐKT 2022)."},
    {"honour", "Danh hiệu vinh dự Nhà nước", "Tặng cho cá nhân, tập thể có cống hiến đặc biệt xuất sắc."},
    {"commemorative", "Kỷ niệm chương", "Tặng cho cá nhân có đóng góp cho sự phát triển của ngành, lĩnh vực."},
    {"certificate", "Bằng khen, Giấy khen", "Tặng cho thành tích xuất sắc theo công trạng, theo chuyên đề, đột xuất."},
};

std::string GroupLabel(const std::string& code) {
    for (const auto& g : kGroups)
        if (code == g.code) return g.label;
    return code;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string SubjectLabels(const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes) out.emplace_back(domain::SubjectTypes().Label(c));
    return Join(out, ", ");
}

std::string KindLabels(const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes) out.emplace_back(domain::AwardKinds().Label(c));
    return Join(out, ", ");
}

std::string Money(std::int64_t vnd) { return text::FormatNumberVi(vnd) + " đồng"; }

// The date asked (?ngay=), today when absent; nullopt when it does not read as a date.
std::optional<Date> AsOf(app::App& app, const Request& req, std::string& text_out) {
    text_out = text::CleanLine(req.Param("ngay"));
    if (text_out.empty()) return VietnamDate(app.clock.Now());
    return ParseDateVi(text_out);
}

// The prize of `award` for each of its subject types, with how it is computed.
json PrizeRows(const domain::Catalog& catalog, const domain::AwardDef& award, const Date& as_of) {
    json rows = json::array();
    std::int64_t individual = 0;
    for (const auto& subject : award.subject_types) {
        auto p = domain::PrizeFor(catalog, award.code, subject, as_of);
        if (!p) continue;
        if (subject == "individual") individual = p->amount_vnd;
        std::string how;
        if (p->amount_vnd == 0) {
            how = "Không có tiền thưởng kèm theo.";
        } else if (subject == "household" && award.prize.household == 0 && award.prize.household_from_individual &&
                   individual > 0) {
            how = fmt::format("{} × tiền thưởng cá nhân ({}), làm tròn lên bội số của 10.000 đồng",
                              domain::FormatMultiplier(award.prize.household_factor), Money(individual));
        } else {
            std::int64_t raw = p->multiplier_milli * p->base_salary_vnd / 1000;
            how = fmt::format("{} × {} (mức lương cơ sở) = {}", domain::FormatMultiplier(p->multiplier_milli),
                              Money(p->base_salary_vnd), Money(raw));
            if (raw != p->amount_vnd) how += ", làm tròn lên bội số của 10.000 đồng";
        }
        rows.push_back({{"subject", std::string(domain::SubjectTypes().Label(subject))},
                        {"amount", p->amount_vnd ? Money(p->amount_vnd) : "—"},
                        {"how", how},
                        {"legal_ref", p->legal_ref},
                        {"unconfirmed", p->unconfirmed}});
    }
    return rows;
}

// A criterion for the page: its text and article, and what kind of test it is.
json CriterionRow(const domain::Criterion& c) {
    std::string note;
    if (c.kind == "any_of") note = "Đáp ứng một trong các điều kiện sau:";
    if (c.kind == "all_of") note = "Đáp ứng tất cả các điều kiện sau:";
    if (c.kind == "run_after_award" && !c.criteria.empty()) note = "Trong khoảng thời gian đó:";
    return {{"text", c.text},
            {"legal_ref", c.legal_ref},
            {"unconfirmed", c.unconfirmed},
            {"judgement", c.kind == "judgement"},
            {"note", note}};
}

// The parts of a criterion (any_of, all_of, run_after_award's `within`), deeper ones indented.
void PartRows(const domain::Criterion& c, int depth, json& out) {
    for (const auto& child : c.criteria) {
        auto row = CriterionRow(child);
        row["indent"] = std::to_string(std::min(depth, 3));
        out.push_back(std::move(row));
        PartRows(child, depth + 1, out);
    }
}

json CriteriaSets(const domain::AwardDef& award) {
    // Individual, collective, household; within each, the named kinds before the "*" set, which
    // then covers the other kinds.
    std::vector<const domain::CriteriaSet*> ordered;
    for (const char* subject : {"individual", "collective", "household"})
        for (bool star : {false, true})
            for (const auto& set : award.criteria)
                if (set.subject_type == subject && (set.kind == "*") == star) ordered.push_back(&set);
    for (const auto& set : award.criteria)
        if (std::find(ordered.begin(), ordered.end(), &set) == ordered.end()) ordered.push_back(&set);
    json sets = json::array();
    for (const auto* set_ptr : ordered) {
        const auto& set = *set_ptr;
        bool has_named = std::any_of(award.criteria.begin(), award.criteria.end(), [&](const auto& other) {
            return other.subject_type == set.subject_type && other.kind != "*";
        });
        json rows = json::array();
        for (const auto& c : set.criteria) {
            auto row = CriterionRow(c);
            json parts = json::array();
            PartRows(c, 0, parts);
            row["parts"] = parts;
            rows.push_back(std::move(row));
        }
        std::string kind = set.kind == "*" ? (has_named ? "các loại hình khác" : "mọi loại hình khen thưởng")
                                           : "loại hình " + std::string(domain::AwardKinds().Label(set.kind));
        sets.push_back(
            {{"title", fmt::format("{} — {}", domain::SubjectTypes().Label(set.subject_type), kind)}, {"rows", rows}});
    }
    return sets;
}

std::string DocumentName(const domain::RuleSet& rules, const std::string& code) {
    for (const auto& d : rules.documents)
        if (d.code == code) return d.name;
    return code;
}

json RuleSetJson(const domain::Catalog& catalog, const domain::RuleSet& rules, const Date& as_of) {
    json basis = json::array();
    for (const auto& b : rules.legal_basis) basis.push_back(b);
    json out{{"name", rules.name},
             {"from", FormatDateVi(rules.valid_from)},
             {"to", rules.valid_to ? FormatDateVi(AddDays(*rules.valid_to, -1)) : ""},
             {"basis", basis},
             {"as_of", FormatDateVi(as_of)}};
    if (const auto* salary = catalog.SalaryOn(as_of))
        out["salary"] = {{"amount", Money(salary->amount_vnd)},
                         {"from", FormatDateVi(salary->valid_from)},
                         {"legal_ref", salary->legal_ref},
                         {"unconfirmed", salary->unconfirmed}};
    json all = json::array();
    for (const auto& r : catalog.rule_sets)
        all.push_back({{"name", r.name},
                       {"from", FormatDateVi(r.valid_from)},
                       {"to", r.valid_to ? FormatDateVi(AddDays(*r.valid_to, -1)) : ""},
                       {"href", "?ngay=" + FormatDateVi(r.valid_from)},
                       {"current", r.id == rules.id}});
    out["all"] = all;
    return out;
}

json Crumbs(const std::string& last, bool link_catalog) {
    json c = json::array({{{"label", "Tổng quan"}, {"href", "/"}}});
    if (link_catalog) c.push_back({{"label", "Danh mục khen thưởng"}, {"href", "/danh-muc-khen-thuong"}});
    c.push_back({{"label", last}});
    return c;
}

Response NoRuleSet(const Request& req, const Date& as_of) {
    return PageError(
        req, Error{ErrorCode::kNotFound,
                   "no_rule_set",
                   fmt::format("Chưa có bộ quy định khen thưởng nào có hiệu lực vào ngày {}.", FormatDateVi(as_of)),
                   "",
                   {}});
}

Response BadDate(const Request& req, const std::string& text) {
    return PageError(
        req, Error{ErrorCode::kValidation,
                   "invalid_date",
                   fmt::format("Ngày «{}» không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.", text),
                   "",
                   {}});
}

Response ListPage(app::App& app, Request& req) {
    std::string asked;
    auto as_of = AsOf(app, req, asked);
    if (!as_of) return BadDate(req, asked);
    const auto& catalog = app::CatalogOf(app);
    const auto* rules = catalog.InForce(*as_of);
    if (!rules) return NoRuleSet(req, *as_of);
    std::string query = asked.empty() ? "" : "?ngay=" + FormatDateVi(*as_of);
    auto row = [&](const domain::AwardDef& a) -> json {
        return {{"code", a.code},
                {"name", a.name},
                {"href", "/danh-muc-khen-thuong/" + a.code + query},
                {"subjects", SubjectLabels(a.subject_types)},
                {"authority", a.authority},
                {"prizes", PrizeRows(catalog, a, *as_of)},
                {"vote", a.vote_threshold_pct ? fmt::format("≥ {}%", a.vote_threshold_pct) : ""},
                {"consultation", a.public_consultation}};
    };
    auto group = [](std::string label, std::string about, std::string id, json rows) -> json {
        return {{"label", std::move(label)},
                {"about", std::move(about)},
                {"count", std::to_string(rows.size())},
                {"id", std::move(id)},
                {"rows", std::move(rows)}};
    };
    json groups = json::array(), others = json::array();
    for (const auto& g : kGroups) {
        json rows = json::array();
        for (const auto& a : rules->awards)
            if (a.group == g.code) rows.push_back(row(a));
        if (!rows.empty()) groups.push_back(group(g.label, g.about, std::string("nhom-") + g.code, rows));
    }
    // Awards a province added in a group of its own.
    for (const auto& a : rules->awards)
        if (std::none_of(std::begin(kGroups), std::end(kGroups), [&](const Group& g) { return a.group == g.code; }))
            others.push_back(row(a));
    if (!others.empty())
        groups.push_back(group("Danh hiệu, hình thức khác", "Do tỉnh bổ sung bằng tệp cấu hình.", "nhom-khac", others));
    return RenderPage(
        req, 200, {"Danh mục khen thưởng", "/danh-muc-khen-thuong", Crumbs("Danh mục khen thưởng", false)}, "catalog",
        {{"rules", RuleSetJson(catalog, *rules, *as_of)},
         {"date", FormatDateVi(*as_of)},
         {"groups", groups},
         {"count", std::to_string(rules->awards.size())}});
}

Response AwardPage(app::App& app, Request& req, const std::string& code) {
    std::string asked;
    auto as_of = AsOf(app, req, asked);
    if (!as_of) return BadDate(req, asked);
    const auto& catalog = app::CatalogOf(app);
    const auto* rules = catalog.InForce(*as_of);
    if (!rules) return NoRuleSet(req, *as_of);
    const auto* award = rules->Find(code);
    if (!award)
        return PageError(req, Error{ErrorCode::kNotFound,
                                    "award_not_found",
                                    fmt::format("Bộ quy định «{}» không có danh hiệu, hình thức khen thưởng mã «{}».",
                                                rules->name, code),
                                    "",
                                    {}});
    json documents = json::array(), simplified = json::array(), artefacts = json::array(), versions = json::array();
    for (const auto& d : award->documents) documents.push_back(DocumentName(*rules, d));
    for (const auto& d : award->simplified_documents) simplified.push_back(DocumentName(*rules, d));
    for (const auto& a : award->artefacts) artefacts.push_back(a);
    for (const auto& r : catalog.rule_sets)
        if (r.Find(code))
            versions.push_back({{"name", r.name},
                                {"from", FormatDateVi(r.valid_from)},
                                {"to", r.valid_to ? FormatDateVi(AddDays(*r.valid_to, -1)) : ""},
                                {"href", "/danh-muc-khen-thuong/" + code + "?ngay=" + FormatDateVi(r.valid_from)},
                                {"current", r.id == rules->id}});
    json vote = false;
    if (award->vote_threshold_pct)
        vote = {{"pct", std::to_string(award->vote_threshold_pct)},
                {"legal_ref", award->vote_legal_ref},
                {"unconfirmed", award->vote_unconfirmed}};
    return RenderPage(
        req, 200, {award->name, "/danh-muc-khen-thuong", Crumbs(award->name, true)}, "catalog_award",
        {{"rules", RuleSetJson(catalog, *rules, *as_of)},
         {"code", award->code},
         {"name", award->name},
         {"group", GroupLabel(award->group)},
         {"legal_ref", award->legal_ref},
         {"subjects", SubjectLabels(award->subject_types)},
         {"kinds", KindLabels(award->kinds)},
         {"authority", award->authority},
         {"criteria", CriteriaSets(*award)},
         {"vote", vote},
         {"prizes", PrizeRows(catalog, *award, *as_of)},
         {"prize_ref", award->prize.legal_ref},
         {"artefacts", Join(std::vector<std::string>(award->artefacts), ", ")},
         {"documents", documents},
         {"simplified", simplified},
         {"simplified_kinds", KindLabels(award->simplified_kinds)},
         {"appraisal_days",
          award->appraisal_working_days ? std::to_string(award->appraisal_working_days) + " ngày làm việc" : ""},
         {"deadline", award->deadline},
         {"consultation", award->public_consultation},
         {"consultation_days", std::to_string(award->consultation_working_days)},
         {"suggest", award->suggest},
         {"versions", versions},
         {"date", FormatDateVi(*as_of)}});
}

}  // namespace

void RegisterCatalog(Router& router, app::App& app) {
    router.Get("/danh-muc-khen-thuong", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return ListPage(app, req);
    });
    router.Get(R"(/danh-muc-khen-thuong/([A-Za-z0-9_]{1,40}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return AwardPage(app, req, req.captures[0]);
    });
}

}  // namespace tdkt::web::pages
