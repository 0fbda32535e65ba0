#include "app/catalog.h"

#include "app/app.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/codes.h"
#include "domain/role.h"
#include "domain/workflow.h"

namespace tdkt::embedded {
std::string_view catalog(std::string_view path);
std::vector<std::string> catalog_list();
}  // namespace tdkt::embedded

namespace tdkt::app {
namespace {

using nlohmann::json;

const std::set<std::string>& CriterionKinds() {
    static const std::set<std::string> kinds = {"rating",
                                                "consecutive_years",
                                                "run_after_award",
                                                "count_awards",
                                                "count_ratings",
                                                "initiative",
                                                "service_months",
                                                "members_completed",
                                                "members_award_share",
                                                "members_award_count",
                                                "members_disciplined",
                                                "cluster_rank",
                                                "any_of",
                                                "all_of",
                                                "judgement"};
    return kinds;
}

// Problems found while building, all reported together.
struct Problems {
    std::vector<std::string> items;
    void Add(const std::string& where, const std::string& what) { items.push_back(where + ": " + what); }
};

std::string Str(const json& j, const char* key, const std::string& fallback = "") {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int Int(const json& j, const char* key, int fallback = 0) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<int>() : fallback;
}

bool Bool(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> Strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// A multiplier of the base salary written as a number (0.3) → thousandths (300).
int Milli(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return 0;
    return static_cast<int>(std::llround(it->get<double>() * 1000));
}

// The compact entries of "state_awards": orders, medals and honours judged by the council and the
// central level, with their prize (collective: twice the individual amount, NĐ 152 Điều 51–52).
json ExpandStateAward(const json& s) {
    json a;
    std::string group = Str(s, "group", "order");
    a["code"] = s.value("code", "");
    a["name"] = s.value("name", "");
    a["group"] = group;
    a["level"] = Str(s, "level", "state");
    a["ref"] = Str(s, "ref");
    a["subjects"] = s.value("subjects", json::array({"individual"}));
    a["kinds"] = s.contains("kinds") ? s["kinds"] : json::array({"merit", "sudden", "contribution"});
    a["authority"] = group == "commemorative" ? "Người đứng đầu bộ, ban, ngành, tỉnh ban hành kỷ niệm chương"
                                              : "Chủ tịch nước, theo đề nghị của Thủ tướng Chính phủ";
    json criteria = json::object();
    for (const auto& subject : a["subjects"])
        criteria[subject.get<std::string>()]["*"] =
            json::array({{{"id", "criteria"},
                          {"kind", "judgement"},
                          {"ref", a["ref"]},
                          {"text", "Tiêu chuẩn theo " + Str(s, "ref") + "; Hội đồng xét và cấp trên quyết định"}}});
    a["criteria"] = criteria;
    double individual = s.value("individual", 0.0);
    json prize = {{"individual", individual}, {"ref", "NĐ 98/2023/NĐ-CP, quy định về tiền thưởng"}};
    prize["collective"] = s.contains("collective") ? s["collective"].get<double>() : individual * 2;
    if (Bool(s, "unconfirmed")) prize["unconfirmed"] = true;
    a["prize"] = prize;
    if (s.contains("vote_pct")) a["vote"] = {{"threshold_pct", s["vote_pct"]}, {"ref", "NĐ 98/2023/NĐ-CP, Điều 30 k7"}};
    bool consult = s.value("public_consultation", group != "commemorative");
    if (consult)
        a["public_consultation"] = {{"working_days", 10},
                                    {"ref", "Luật TĐKT 2022, Điều 84 k5; NĐ 98/2023/NĐ-CP, Điều 46 k2"}};
    a["documents"] = json::array({"to_trinh", "bao_cao_thanh_tich", "bien_ban_hoi_dong", "y_kien_cap_uy"});
    a["appraisal_working_days"] = 20;
    a["suggest"] = false;
    return a;
}

void RenameRefs(json& j, const std::vector<std::pair<std::string, std::string>>& renames) {
    if (j.is_object()) {
        for (auto& [key, value] : j.items()) {
            if (key == "ref" && value.is_string()) {
                std::string ref = value.get<std::string>();
                for (const auto& [from, to] : renames)
                    for (auto pos = ref.find(from); pos != std::string::npos; pos = ref.find(from, pos + to.size()))
                        ref.replace(pos, from.size(), to);
                value = ref;
            } else {
                RenameRefs(value, renames);
            }
        }
    } else if (j.is_array()) {
        for (auto& v : j) RenameRefs(v, renames);
    }
}

// Patches `base` (a rule set's JSON) with a child rule set or an overlay.
// Awards it adds or changes are marked with `source` (its file), so problems in them name that file.
void Patch(json& base, const json& patch, const std::string& source) {
    for (const char* key : {"name", "legal_basis", "household_rounding"})
        if (patch.contains(key)) base[key] = patch[key];
    if (patch.contains("documents"))
        for (const auto& d : patch["documents"]) base["documents"].push_back(d);
    if (patch.contains("awards")) {
        for (const auto& a : patch["awards"]) {
            std::string code = Str(a, "code");
            bool found = false;
            for (auto& existing : base["awards"])
                if (Str(existing, "code") == code) {
                    for (auto& [key, value] : a.items()) existing[key] = value;
                    existing["_source"] = source;
                    found = true;
                }
            if (!found) {
                base["awards"].push_back(a);
                base["awards"].back()["_source"] = source;
            }
        }
    }
    // A province's own criteria, added to an award's existing set: {"BK_TINH": {"individual": {"merit": [...]}}}.
    if (patch.contains("add_criteria"))
        for (auto& [code, by_subject] : patch["add_criteria"].items())
            for (auto& existing : base["awards"])
                if (Str(existing, "code") == code) {
                    existing["_source"] = source;
                    for (auto& [subject, by_kind] : by_subject.items())
                        for (auto& [kind, list] : by_kind.items())
                            for (const auto& c : list) existing["criteria"][subject][kind].push_back(c);
                }
    if (patch.contains("ref_renames")) {
        std::vector<std::pair<std::string, std::string>> renames;
        for (const auto& r : patch["ref_renames"])
            if (r.is_array() && r.size() == 2) renames.emplace_back(r[0].get<std::string>(), r[1].get<std::string>());
        RenameRefs(base["awards"], renames);
    }
    if (patch.contains("prize_refs_by_group"))
        for (auto& a : base["awards"]) {
            std::string group = Str(a, "group");
            if (patch["prize_refs_by_group"].contains(group) && a.contains("prize"))
                a["prize"]["ref"] = patch["prize_refs_by_group"][group];
        }
    if (Bool(patch, "votes_unconfirmed"))
        for (auto& a : base["awards"])
            if (a.contains("vote")) a["vote"]["unconfirmed"] = true;
}

class Converter {
  public:
    Converter(Problems& problems) : problems_(problems) {}

    domain::Criterion ToCriterion(const json& c, const std::string& where) {
        domain::Criterion out;
        out.id = Str(c, "id");
        out.kind = Str(c, "kind");
        out.text = Str(c, "text");
        out.legal_ref = Str(c, "ref");
        out.unconfirmed = Bool(c, "unconfirmed");
        out.rating = Str(c, "rating");
        out.awards = Strings(c, "awards");
        out.scope = Str(c, "scope");
        out.discipline = Str(c, "discipline");
        out.count = Int(c, "count");
        out.years = Int(c, "years");
        out.step = Int(c, "step", 1);
        out.share_pct = Int(c, "share_pct");
        std::string at = where + " «" + out.id + "»";
        if (out.id.empty()) problems_.Add(where, "tiêu chí thiếu mã (id)");
        if (!CriterionKinds().count(out.kind))
            problems_.Add(at,
                          fmt::format("loại tiêu chí «{}» không có; dùng một trong: rating, consecutive_years, "
                                      "run_after_award, initiative, service_months, members_*, cluster_rank, any_of, "
                                      "all_of, judgement",
                                      out.kind));
        if (out.text.empty()) problems_.Add(at, "thiếu nội dung tiêu chí (text)");
        if (out.kind != "judgement" && out.kind != "any_of" && out.kind != "all_of" && out.legal_ref.empty())
            problems_.Add(at, "thiếu căn cứ pháp lý (ref)");
        if (!out.rating.empty() && domain::RatingRank(out.rating) < 0)
            problems_.Add(at,
                          fmt::format("xếp loại «{}» không hợp lệ ({})", out.rating, domain::TaskRatings().CodeList()));
        if (!out.scope.empty() && !domain::RecognitionScopes().Has(out.scope))
            problems_.Add(
                at, fmt::format("phạm vi «{}» không hợp lệ ({})", out.scope, domain::RecognitionScopes().CodeList()));
        if ((out.kind == "consecutive_years" && out.rating.empty() && out.awards.empty()) ||
            ((out.kind == "run_after_award" || out.kind == "count_awards" || out.kind == "members_award_share" ||
              out.kind == "members_award_count") &&
             out.awards.empty()))
            problems_.Add(at, "thiếu danh sách danh hiệu (awards)");
        if ((out.kind == "run_after_award" || out.kind == "count_ratings" || out.kind == "rating") &&
            out.rating.empty())
            problems_.Add(at, "thiếu mức xếp loại (rating)");
        if (out.kind == "initiative" && out.scope.empty()) problems_.Add(at, "thiếu phạm vi sáng kiến (scope)");
        for (const auto& a : out.awards) referenced_.emplace_back(a, at);
        if (c.contains("criteria") && c["criteria"].is_array()) {
            int i = 0;
            for (const auto& child : c["criteria"])
                out.criteria.push_back(ToCriterion(child, fmt::format("{}[{}]", at, i++)));
        }
        if ((out.kind == "any_of" || out.kind == "all_of") && out.criteria.empty())
            problems_.Add(at, "nhóm tiêu chí không có tiêu chí con (criteria)");
        return out;
    }

    domain::AwardDef ToAward(const json& a, const std::string& where) {
        domain::AwardDef out;
        out.code = Str(a, "code");
        out.name = Str(a, "name");
        out.group = Str(a, "group");
        out.level = Str(a, "level");
        out.legal_ref = Str(a, "ref");
        out.subject_types = Strings(a, "subjects");
        out.kinds = Strings(a, "kinds");
        out.authority = Str(a, "authority");
        std::string at = Str(a, "_source", where) + " «" + out.code + "»";
        if (out.code.empty()) problems_.Add(where, "thiếu mã danh hiệu (code)");
        if (out.name.empty()) problems_.Add(at, "thiếu tên (name)");
        if (out.subject_types.empty()) problems_.Add(at, "thiếu đối tượng (subjects)");
        for (const auto& s : out.subject_types)
            if (!domain::SubjectTypes().Has(s))
                problems_.Add(at,
                              fmt::format("đối tượng «{}» không hợp lệ ({})", s, domain::SubjectTypes().CodeList()));
        if (out.kinds.empty()) problems_.Add(at, "thiếu loại hình khen thưởng (kinds)");
        for (const auto& k : out.kinds)
            if (!domain::AwardKinds().Has(k))
                problems_.Add(at, fmt::format("loại hình «{}» không hợp lệ ({})", k, domain::AwardKinds().CodeList()));
        if (a.contains("criteria") && a["criteria"].is_object())
            for (auto& [subject, by_kind] : a["criteria"].items()) {
                if (!out.Allows(subject))
                    problems_.Add(at, fmt::format("tiêu chuẩn cho đối tượng «{}» không được tặng", subject));
                for (auto& [kind, list] : by_kind.items()) {
                    if (kind != "*" && !out.AllowsKind(kind))
                        problems_.Add(at, fmt::format("tiêu chuẩn cho loại hình «{}» không có trong kinds", kind));
                    domain::CriteriaSet set{subject, kind, {}};
                    int i = 0;
                    for (const auto& c : list)
                        set.criteria.push_back(ToCriterion(c, fmt::format("{} {}.{}[{}]", at, subject, kind, i++)));
                    out.criteria.push_back(std::move(set));
                }
            }
        if (a.contains("vote")) {
            out.vote_threshold_pct = Int(a["vote"], "threshold_pct");
            out.vote_legal_ref = Str(a["vote"], "ref");
            out.vote_unconfirmed = Bool(a["vote"], "unconfirmed");
            if (out.vote_threshold_pct <= 0 || out.vote_threshold_pct > 100)
                problems_.Add(at, "tỷ lệ phiếu đồng ý (vote.threshold_pct) phải từ 1 đến 100");
        }
        if (a.contains("prize")) {
            const json& p = a["prize"];
            out.prize.individual = Milli(p, "individual");
            out.prize.collective = Milli(p, "collective");
            out.prize.household = Milli(p, "household");
            out.prize.household_from_individual = p.value("household_from_individual", true);
            if (p.contains("household_factor")) out.prize.household_factor = Milli(p, "household_factor");
            out.prize.legal_ref = Str(p, "ref");
            out.prize.unconfirmed = Bool(p, "unconfirmed");
            if (out.prize.legal_ref.empty()) problems_.Add(at, "thiếu căn cứ mức tiền thưởng (prize.ref)");
        }
        out.artefacts = Strings(a, "artefacts");
        out.documents = Strings(a, "documents");
        if (a.contains("simplified")) {
            out.simplified_kinds = Strings(a["simplified"], "kinds");
            out.simplified_documents = Strings(a["simplified"], "documents");
        }
        out.appraisal_working_days = Int(a, "appraisal_working_days");
        out.suggest = a.value("suggest", true);
        out.deadline = Str(a, "deadline");
        if (a.contains("public_consultation")) {
            out.public_consultation = true;
            out.consultation_working_days = Int(a["public_consultation"], "working_days", 10);
        }
        return out;
    }

    domain::RuleSet ToRuleSet(const json& r, const std::string& where) {
        domain::RuleSet out;
        out.id = Str(r, "id");
        out.name = Str(r, "name");
        auto from = ParseIsoDate(Str(r, "valid_from"));
        if (!from) problems_.Add(where, "ngày hiệu lực (valid_from) phải có dạng YYYY-MM-DD");
        out.valid_from = from.value_or(Date{});
        if (r.contains("valid_to") && !r["valid_to"].is_null()) {
            out.valid_to = ParseIsoDate(Str(r, "valid_to"));
            if (!out.valid_to) problems_.Add(where, "ngày hết hiệu lực (valid_to) phải có dạng YYYY-MM-DD");
        }
        out.legal_basis = Strings(r, "legal_basis");
        out.household_rounding = Str(r, "household_rounding", "individual_rounded");
        if (out.household_rounding != "individual_rounded" && out.household_rounding != "once")
            problems_.Add(where, "household_rounding phải là individual_rounded hoặc once");
        if (r.contains("documents"))
            for (const auto& d : r["documents"]) {
                std::string per = d.contains("per") ? Str(d, "per") : "dossier";
                if (per != "dossier" && per != "nominee")
                    problems_.Add(where, fmt::format("giấy tờ «{}»: per phải là dossier hoặc nominee", Str(d, "code")));
                out.documents.push_back({Str(d, "code"), Str(d, "name"), per == "nominee"});
            }
        referenced_.clear();
        std::set<std::string> codes;
        int i = 0;
        for (const auto& a : r.value("awards", json::array())) {
            out.awards.push_back(ToAward(a, fmt::format("{} awards[{}]", where, i++)));
            if (!codes.insert(out.awards.back().code).second)
                problems_.Add(where, fmt::format("mã «{}» xuất hiện hai lần", out.awards.back().code));
        }
        for (const auto& [code, at] : referenced_)
            if (!codes.count(code)) problems_.Add(at, fmt::format("danh hiệu «{}» không có trong bộ quy định", code));
        std::set<std::string> documents;
        for (const auto& d : out.documents) documents.insert(d.code);
        for (const auto& a : out.awards)
            for (const auto& list : {a.documents, a.simplified_documents})
                for (const auto& d : list)
                    if (!documents.count(d))
                        problems_.Add(where + " «" + a.code + "»",
                                      fmt::format("loại giấy tờ «{}» không có trong documents", d));
        return out;
    }

  private:
    Problems& problems_;
    std::vector<std::pair<std::string, std::string>> referenced_;
};

struct Parsed {
    std::string name;
    json doc;
};

// The working calendar's settings and years (catalog/calendar.jsonc; an overlay's "calendar" adds or
// replaces years).
void ReadCalendar(const std::string& file, const json& c, domain::WorkCalendar& calendar, Problems& problems) {
    if (!c.is_object()) return problems.Add(file, "calendar phải là một đối tượng");
    static const std::map<std::string, int> kWeekdays{{"sunday", 0},   {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
                                                      {"thursday", 4}, {"friday", 5}, {"saturday", 6}};
    if (c.contains("rest_weekdays")) {
        calendar.rest_weekdays.clear();
        for (const auto& w : Strings(c, "rest_weekdays")) {
            auto it = kWeekdays.find(w);
            if (it == kWeekdays.end())
                problems.Add(file, fmt::format("calendar.rest_weekdays: «{}» không phải tên thứ (monday … sunday)", w));
            else
                calendar.rest_weekdays.insert(it->second);
        }
        calendar.rest_legal_ref = Str(c, "rest_ref");
    }
    if (c.contains("fixed")) {
        calendar.fixed.clear();
        for (const auto& h : c["fixed"]) {
            std::string md = Str(h, "date");
            auto d = ParseIsoDate("2000-" + md);
            if (md.size() != 5 || !d)
                problems.Add(file, fmt::format("calendar.fixed: «{}» không phải ngày dạng MM-DD", md));
            else
                calendar.fixed.push_back({d->month, d->day, Str(h, "name")});
        }
        calendar.fixed_legal_ref = Str(c, "fixed_ref");
    }
    if (c.contains("years"))
        for (const auto& y : c["years"]) {
            domain::CalendarYear year;
            year.year = Int(y, "year");
            year.legal_ref = Str(y, "ref");
            year.unconfirmed = Bool(y, "unconfirmed");
            std::string where = fmt::format("{}: calendar.years[{}]", file, year.year);
            if (year.year < 1945 || year.year > 2100) {
                problems.Add(file, "calendar.years: mỗi năm cần year từ 1945 đến 2100");
                continue;
            }
            for (const char* key : {"days_off", "make_up_days"})
                for (const auto& text : Strings(y, key)) {
                    auto d = ParseIsoDate(text);
                    if (!d || d->year != year.year) {
                        problems.Add(
                            where, fmt::format("{}: «{}» không phải ngày YYYY-MM-DD của năm {}", key, text, year.year));
                        continue;
                    }
                    (std::string_view(key) == "days_off" ? year.days_off : year.make_up_days).insert(*d);
                }
            calendar.years[year.year] = std::move(year);
        }
}

// The dossier workflow (catalog/workflow.jsonc). An overlay's "workflow" may change stage limits
// ("limits": {"received": {"working_days": 15, "ref": …}}) and the awards the provincial People's
// Committee reviews ("province_review": {"awards": […], "ref": …}).
void ReadWorkflow(const std::string& file, const json& w, domain::Workflow& workflow, Problems& problems) {
    if (!w.is_object()) return problems.Add(file, "workflow phải là một đối tượng");
    auto stage_limit = [&](const json& l, const std::string& where) -> std::optional<domain::StageLimit> {
        int days = Int(l, "working_days");
        if (days <= 0 || days > 365) {
            problems.Add(file, where + ": working_days phải từ 1 đến 365");
            return std::nullopt;
        }
        return domain::StageLimit{days, Str(l, "ref"), Bool(l, "unconfirmed")};
    };
    if (w.contains("states")) {
        workflow.states.clear();
        workflow.legal_ref = Str(w, "ref");
        for (const auto& st : w["states"]) {
            domain::WorkflowState state{Str(st, "code"), Str(st, "name"), Str(st, "holder"), Bool(st, "final"), {}};
            std::string where = "workflow.states[" + state.code + "]";
            if (state.code.empty() || state.name.empty())
                problems.Add(file, "workflow.states: mỗi trạng thái cần code và name");
            static const std::set<std::string> kHolders{"unit", "board", "council", "central", "none"};
            if (!kHolders.count(state.holder))
                problems.Add(file,
                             where + fmt::format(": holder «{}» không hợp lệ (unit, board, council, central, none)",
                                                 state.holder));
            if (workflow.State(state.code)) problems.Add(file, where + ": trùng mã trạng thái");
            if (st.contains("limit")) state.limit = stage_limit(st["limit"], where);
            workflow.states.push_back(std::move(state));
        }
    }
    if (w.contains("transitions")) {
        workflow.transitions.clear();
        for (const auto& t : w["transitions"]) {
            domain::Transition tr{Str(t, "action"),     Str(t, "name"),        Strings(t, "from"),
                                  Str(t, "to"),         Strings(t, "roles"),   Str(t, "on"),
                                  Strings(t, "guards"), Strings(t, "effects"), Bool(t, "reason")};
            std::string where = "workflow.transitions[" + tr.action + "]";
            if (tr.action.empty() || tr.name.empty())
                problems.Add(file, "workflow.transitions: mỗi thao tác cần action và name");
            if (workflow.Action(tr.action)) problems.Add(file, where + ": trùng mã thao tác");
            for (const auto& st : tr.from)
                if (!workflow.State(st))
                    problems.Add(file, where + ": from «" + st + "» không phải trạng thái đã khai báo");
            if (!workflow.State(tr.to))
                problems.Add(file, where + ": to «" + tr.to + "» không phải trạng thái đã khai báo");
            if (tr.roles.empty()) problems.Add(file, where + ": cần ít nhất một vai trò (roles)");
            for (const auto& r : tr.roles)
                if (!domain::RoleFromCode(r)) problems.Add(file, where + ": vai trò «" + r + "» không tồn tại");
            if (tr.on != "proposer" && tr.on != "board") problems.Add(file, where + ": on phải là proposer hoặc board");
            for (const auto& g : tr.guards)
                if (std::find(domain::KnownGuards().begin(), domain::KnownGuards().end(), g) ==
                    domain::KnownGuards().end())
                    problems.Add(file, where + ": điều kiện «" + g + "» không được hỗ trợ");
            for (const auto& e : tr.effects)
                if (std::find(domain::KnownEffects().begin(), domain::KnownEffects().end(), e) ==
                    domain::KnownEffects().end())
                    problems.Add(file, where + ": tác động «" + e + "» không được hỗ trợ");
            workflow.transitions.push_back(std::move(tr));
        }
    }
    if (w.contains("limits"))
        for (const auto& [code, l] : w["limits"].items()) {
            auto it = std::find_if(workflow.states.begin(), workflow.states.end(),
                                   [&](const auto& st) { return st.code == code; });
            if (it == workflow.states.end())
                problems.Add(file, "workflow.limits: «" + code + "» không phải trạng thái đã khai báo");
            else
                it->limit = stage_limit(l, "workflow.limits[" + code + "]");
        }
    if (w.contains("province_review")) {
        workflow.province_review_awards = Strings(w["province_review"], "awards");
        workflow.province_review_ref = Str(w["province_review"], "ref");
    }
}

}  // namespace

std::vector<CatalogFile> BuiltInCatalogFiles() {
    std::vector<CatalogFile> out;
    for (const auto& path : embedded::catalog_list())
        out.push_back({"catalog/" + path, std::string(embedded::catalog(path))});
    return out;
}

Result<domain::Catalog> BuildCatalog(const std::vector<CatalogFile>& files) {
    Problems problems;
    std::vector<Parsed> rule_sets, overlays;
    domain::Catalog catalog;
    for (const auto& f : files) {
        json doc;
        try {
            doc = json::parse(f.text, nullptr, true, /*ignore_comments=*/true);
        } catch (const json::parse_error& e) {
            problems.Add(f.name, fmt::format("không đọc được JSON (vị trí {})", e.byte));
            continue;
        }
        if (!doc.is_object()) {
            problems.Add(f.name, "phải là một đối tượng JSON");
            continue;
        }
        if (doc.contains("base_salary"))
            for (const auto& s : doc["base_salary"]) {
                auto from = ParseIsoDate(Str(s, "valid_from"));
                std::int64_t amount = s.value("amount_vnd", std::int64_t{0});
                if (!from || amount <= 0) {
                    problems.Add(f.name, "mỗi mức lương cơ sở cần valid_from (YYYY-MM-DD) và amount_vnd dương");
                    continue;
                }
                catalog.base_salary.push_back({*from, amount, Str(s, "legal_ref"), Bool(s, "unconfirmed")});
            }
        if (doc.contains("calendar")) ReadCalendar(f.name, doc["calendar"], catalog.calendar, problems);
        if (doc.contains("workflow")) ReadWorkflow(f.name, doc["workflow"], catalog.workflow, problems);
        if (doc.contains("id"))
            rule_sets.push_back({f.name, doc});
        else if (doc.contains("overlay"))
            overlays.push_back({f.name, doc});
        else if (!doc.contains("base_salary") && !doc.contains("calendar") && !doc.contains("workflow"))
            problems.Add(f.name,
                         "không phải bộ quy định (id), lớp bổ sung (overlay), bảng lương cơ sở (base_salary), "
                         "lịch làm việc (calendar) hay quy trình hồ sơ (workflow)");
    }
    // Resolve "extends" (parents first) and expand the compact state awards.
    std::map<std::string, json> resolved;
    std::map<std::string, std::string> file_of;
    for (auto& r : rule_sets) {
        json& doc = r.doc;
        if (doc.contains("state_awards")) {
            for (const auto& s : doc["state_awards"]) doc["awards"].push_back(ExpandStateAward(s));
            doc.erase("state_awards");
        }
    }
    for (std::size_t pass = 0; pass <= rule_sets.size(); ++pass)
        for (auto& r : rule_sets) {
            std::string id = Str(r.doc, "id");
            if (resolved.count(id)) continue;
            std::string parent = Str(r.doc, "extends");
            if (parent.empty()) {
                resolved[id] = r.doc;
            } else if (resolved.count(parent)) {
                json merged = resolved[parent];
                Patch(merged, r.doc, r.name);
                merged["id"] = id;
                merged["valid_from"] = r.doc.value("valid_from", "");
                merged.erase("valid_to");
                if (r.doc.contains("valid_to")) merged["valid_to"] = r.doc["valid_to"];
                merged.erase("extends");
                resolved[id] = merged;
            } else {
                continue;
            }
            file_of[id] = r.name;
        }
    for (const auto& r : rule_sets)
        if (!resolved.count(Str(r.doc, "id")))
            problems.Add(r.name, fmt::format("bộ quy định gốc «{}» (extends) không có", Str(r.doc, "extends")));

    // Overlays: split each rule set at the overlays' dates and patch the pieces they cover.
    struct Overlay {
        std::string name, file;
        Date from;
        std::optional<Date> to;
        json doc;
    };
    std::vector<Overlay> layers;
    for (const auto& o : overlays) {
        auto from = ParseIsoDate(Str(o.doc, "valid_from"));
        std::optional<Date> to;
        if (o.doc.contains("valid_to")) to = ParseIsoDate(Str(o.doc, "valid_to"));
        if (!from) {
            problems.Add(o.name, "lớp bổ sung cần ngày hiệu lực valid_from (YYYY-MM-DD)");
            continue;
        }
        layers.push_back({Str(o.doc, "overlay"), o.name, *from, to, o.doc});
    }
    Converter convert(problems);
    for (auto& [id, doc] : resolved) {
        auto from = ParseIsoDate(Str(doc, "valid_from"));
        if (!from) {
            problems.Add(file_of[id], "ngày hiệu lực (valid_from) phải có dạng YYYY-MM-DD");
            continue;
        }
        std::optional<Date> to;
        if (doc.contains("valid_to")) to = ParseIsoDate(Str(doc, "valid_to"));
        std::set<Date> cuts{*from};
        for (const auto& l : layers) {
            if (*from < l.from && (!to || l.from < *to)) cuts.insert(l.from);
            if (l.to && *from < *l.to && (!to || *l.to < *to)) cuts.insert(*l.to);
        }
        std::vector<Date> starts(cuts.begin(), cuts.end());
        for (std::size_t i = 0; i < starts.size(); ++i) {
            std::optional<Date> end = i + 1 < starts.size() ? std::optional(starts[i + 1]) : to;
            json piece = doc;
            std::string piece_id = id;
            for (const auto& l : layers)
                if (!(starts[i] < l.from) && (!l.to || starts[i] < *l.to)) {
                    Patch(piece, l.doc, l.file);
                    piece_id += "+" + l.name;
                }
            piece["id"] = piece_id;
            piece["valid_from"] = FormatIsoDate(starts[i]);
            if (end)
                piece["valid_to"] = FormatIsoDate(*end);
            else
                piece.erase("valid_to");
            catalog.rule_sets.push_back(convert.ToRuleSet(piece, file_of[id] + " [" + piece_id + "]"));
        }
    }
    std::sort(catalog.rule_sets.begin(), catalog.rule_sets.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    for (std::size_t i = 0; i + 1 < catalog.rule_sets.size(); ++i) {
        const auto& a = catalog.rule_sets[i];
        const auto& b = catalog.rule_sets[i + 1];
        if (!a.valid_to || b.valid_from < *a.valid_to)
            problems.Add(b.id, fmt::format("hiệu lực chồng lên bộ quy định «{}»", a.id));
    }
    std::sort(catalog.base_salary.begin(), catalog.base_salary.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    if (catalog.rule_sets.empty() && problems.items.empty()) problems.Add("catalog", "không có bộ quy định nào");
    if (!problems.items.empty()) {
        std::string message = "Danh mục khen thưởng có lỗi:";
        for (const auto& p : problems.items) message += "\n- " + p;
        return Fail(ErrorCode::kInvalidInput, "catalog_invalid", message);
    }
    return catalog;
}

Result<std::shared_ptr<const domain::Catalog>> LoadCatalog(const std::vector<CatalogFile>& overlays) {
    auto files = BuiltInCatalogFiles();
    files.insert(files.end(), overlays.begin(), overlays.end());
    auto built = BuildCatalog(files);
    if (!built) return tl::unexpected(built.error());
    return std::make_shared<const domain::Catalog>(std::move(*built));
}

const domain::Catalog& BuiltInCatalog() {
    static const std::shared_ptr<const domain::Catalog> catalog = [] {
        auto loaded = LoadCatalog();
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return *loaded;
    }();
    return *catalog;
}

const domain::Catalog& CatalogOf(const App& app) { return app.catalog ? *app.catalog : BuiltInCatalog(); }

}  // namespace tdkt::app
