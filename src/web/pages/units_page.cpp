// GET /don-vi — the unit tree as of a date; GET /don-vi/{id} — one unit with its history, sub-units,
// ratings and awards (its predecessors' included); POST /don-vi/{id}/… — changes over time: rename
// or move (thay-doi), a sub-unit (truc-thuoc), merge (hop-nhat), split (chia-tach), dissolve (giai-the).
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "app/awards.h"
#include "app/organisation.h"
#include "app/suggestions.h"
#include "app/units.h"
#include "core/text.h"
#include "domain/award_codes.h"
#include "domain/codes.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

std::string EventLabel(const std::string& kind) {
    static const std::map<std::string, std::string> kLabels{
        {"create", "Thành lập"}, {"rename", "Đổi tên"},   {"move", "Chuyển đơn vị cấp trên"},
        {"retype", "Đổi loại"},  {"change", "Thay đổi"},  {"merge", "Hợp nhất, sáp nhập"},
        {"split", "Chia tách"},  {"dissolve", "Giải thể"}};
    auto it = kLabels.find(kind);
    return it == kLabels.end() ? kind : it->second;
}

std::optional<Date> ParseDateText(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text.find('/') != std::string::npos ? ParseDateVi(text) : ParseIsoDate(text);
}

Response TreePage(app::App& app, Request& req) {
    std::string as_of_text = req.Param("ngay");
    auto as_of = ParseDateText(as_of_text);
    std::string error;
    if (!as_of_text.empty() && !as_of)
        error = fmt::format("Ngày «{}» không hợp lệ; nhập theo dạng dd/mm/yyyy.", as_of_text);
    Date date = as_of.value_or(VietnamDate(app.clock.Now()));
    auto units = app::ListUnitsAsOf(app, req.Context(), date, req.Param("q"));
    if (!units) return PageError(req, units.error());
    std::unordered_map<std::int64_t, std::vector<const app::UnitRecord*>> children;
    std::unordered_map<std::int64_t, bool> listed;
    for (const auto& u : *units) listed[u.id.value] = true;
    std::vector<const app::UnitRecord*> roots;
    for (const auto& u : *units) {
        if (u.parent && listed.count(u.parent->value))
            children[u.parent->value].push_back(&u);
        else
            roots.push_back(&u);
    }
    nlohmann::json rows = nlohmann::json::array();
    std::function<void(const app::UnitRecord*, int)> walk = [&](const app::UnitRecord* u, int depth) {
        rows.push_back({{"id", std::to_string(u->id.value)},
                        {"code", u->code},
                        {"name", u->name},
                        {"type", std::string(domain::UnitTypes().Label(u->unit_type))},
                        {"depth_class", "depth-" + std::to_string(std::min(depth, 6))},
                        {"children", std::to_string(children[u->id.value].size())},
                        {"ends", DateVi(u->valid_to)}});
        for (const auto* child : children[u->id.value]) walk(child, depth + 1);
    };
    for (const auto* root : roots) walk(root, 0);
    bool today = !as_of || *as_of == VietnamDate(app.clock.Now());
    return RenderPage(
        req, error.empty() ? 200 : 422,
        {"Đơn vị", "/don-vi", nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}, {{"label", "Đơn vị"}}})},
        "units",
        {{"rows", rows},
         {"count", text::FormatNumberVi(static_cast<std::int64_t>(rows.size()))},
         {"empty", rows.empty()},
         {"as_of", FormatDateVi(date)},
         {"is_today", today},
         {"q", req.Param("q")},
         {"error", error}});
}

nlohmann::json UnitLink(const app::UnitRecord& u) {
    return {{"id", std::to_string(u.id.value)},
            {"name", u.name},
            {"type", std::string(domain::UnitTypes().Label(u.unit_type))},
            {"ends", DateVi(u.valid_to)},
            {"starts", DateVi(u.valid_from)}};
}

// The units that may merge with `unit`: the active ones the user sees, siblings first.
nlohmann::json OtherUnitOptions(app::App& app, const Request& req, UnitId unit,
                                const std::optional<app::UnitRecord>& parent) {
    nlohmann::json siblings = nlohmann::json::array(), rest = nlohmann::json::array();
    auto [from, to] = req.params.equal_range("other_ids");
    std::set<std::string> selected;
    for (auto it = from; it != to; ++it) selected.insert(it->second);
    if (auto units = app::ListUnitsAsOf(app, req.Context(), std::nullopt))
        for (const auto& u : *units) {
            if (u.id == unit) continue;
            bool sibling = parent && u.parent == parent->id;
            (sibling ? siblings : rest)
                .push_back({{"id", std::to_string(u.id.value)},
                            {"name", u.name},
                            {"selected", selected.count(std::to_string(u.id.value)) > 0}});
        }
    return {{"siblings", siblings}, {"has_siblings", !siblings.empty()}, {"rest", rest}, {"has_rest", !rest.empty()}};
}

constexpr int kSplitParts = 4;  // rows of the split form; two or more filled

// The rows of the split form, as typed (or empty), the first receiving the members by default.
nlohmann::json SplitPartRows(const nlohmann::json& form, const std::string& unit_type) {
    nlohmann::json rows = nlohmann::json::array();
    std::string members = form.value("members_to", "1");
    for (int i = 1; i <= kSplitParts; ++i) {
        auto n = std::to_string(i);
        std::string type = form.value("part_type_" + n, unit_type);
        nlohmann::json types = nlohmann::json::array();
        for (const auto& e : domain::UnitTypes().entries())
            types.push_back(
                {{"code", std::string(e.code)}, {"label", std::string(e.label)}, {"selected", e.code == type}});
        rows.push_back({{"n", n},
                        {"code", form.value("part_code_" + n, "")},
                        {"name", form.value("part_name_" + n, "")},
                        {"types", types},
                        {"members", members == n}});
    }
    return rows;
}

// The unit page; `error` and `open` (the form to show again) after a failed submission.
// Units with at most this many current members (and no sub-units) show their eligibility at once.
constexpr std::int64_t kPanelMembers = 500;

Response UnitPage(app::App& app, Request& req, UnitId id, int status, const std::string& error, const std::string& open,
                  const nlohmann::json& form, const std::vector<std::pair<std::string, std::string>>& fields = {}) {
    auto detail = app::GetUnitDetail(app, req.Context(), id);
    if (!detail) return PageError(req, detail.error());
    const auto& d = *detail;
    std::map<std::int64_t, std::string> names;  // unit id → name, for versions' parents
    names[d.unit.id.value] = d.unit.name;
    if (d.parent) names[d.parent->id.value] = d.parent->name;
    for (const auto& p : d.predecessors) names[p.id.value] = p.name;
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& v : d.versions) {
        std::string parent;
        if (v.parent) {
            if (!names.count(v.parent->value))
                if (auto p = app::GetUnit(app, req.Context(), *v.parent)) names[v.parent->value] = p->name;
            parent = names.count(v.parent->value) ? names[v.parent->value] : "#" + std::to_string(v.parent->value);
        }
        versions.push_back({{"from", v.valid_from ? FormatDateVi(*v.valid_from) : "—"},
                            {"to", v.valid_to ? FormatDateVi(*v.valid_to) : "nay"},
                            {"name", v.name},
                            {"parent", parent},
                            {"type", std::string(domain::UnitTypes().Label(v.unit_type))}});
    }
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : d.events)
        events.push_back({{"date", FormatDateVi(e.effective_date)},
                          {"kind", EventLabel(e.kind)},
                          {"document", e.document},
                          {"note", e.note},
                          {"subject", e.unit != d.unit.id}});
    // Ratings of this unit and its predecessors, newest year first.
    std::vector<std::tuple<int, std::string, std::string, bool>> rating_rows;
    for (const auto& r : d.ratings) rating_rows.emplace_back(r.year, d.unit.name, r.rating, true);
    for (const auto& [unit, list] : d.predecessor_ratings)
        for (const auto& r : list) rating_rows.emplace_back(r.year, unit.name, r.rating, false);
    std::sort(rating_rows.begin(), rating_rows.end(), [](const auto& a, const auto& b) {
        return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
    });
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& [year, unit, rating, own] : rating_rows)
        ratings.push_back({{"year", std::to_string(year)},
                           {"unit", unit},
                           {"rating", std::string(domain::TaskRatings().Label(rating))},
                           {"code", rating},
                           {"own", own}});
    nlohmann::json awards = nlohmann::json::array();
    std::string base = "/don-vi/" + std::to_string(d.unit.id.value);
    for (const auto& a : d.awards) {
        bool own = a.unit == d.unit.id;
        auto row = AwardRowJson(a, base, own && d.can_revoke, own && d.can_recover);
        row["own"] = own;
        awards.push_back(std::move(row));
    }
    nlohmann::json predecessors = nlohmann::json::array(), successors = nlohmann::json::array(),
                   children = nlohmann::json::array();
    for (const auto& p : d.predecessors) predecessors.push_back(UnitLink(p));
    for (const auto& s : d.successors) successors.push_back(UnitLink(s));
    for (const auto& c : d.children) children.push_back(UnitLink(c));
    nlohmann::json award_options = nlohmann::json::array();
    for (const auto& a : domain::AwardCodes())
        if (a.collective) award_options.push_back({{"code", std::string(a.code)}, {"name", std::string(a.name)}});
    std::int64_t parent_id = d.parent ? d.parent->id.value : 0;
    // The eligibility panel of the unit as a collective (?nam=), decided today; shown to those who
    // may see its people, whose figures it counts, and only while the unit exists.
    int this_year = VietnamDate(app.clock.Now()).year;
    int panel_year = YearParam(req, this_year);
    // Member figures read every member's record: a unit with sub-units or many people is judged when
    // its year is asked (?nam=), a small one at once.
    nlohmann::json panel = false;
    bool judge_now = !req.Param("nam").empty() || (d.children.empty() && d.current_members <= kPanelMembers);
    if (!d.unit.valid_to) {
        nlohmann::json candidates = nlohmann::json::array();
        bool shown = !judge_now;  // refused (the unit's people out of reach): no panel
        if (judge_now)
            if (auto list = app::UnitCandidates(app, req.Context(), id, panel_year, VietnamDate(app.clock.Now()))) {
                shown = true;
                for (const auto& c : *list) candidates.push_back(CandidateJson(c));
            }
        if (shown) panel = {{"candidates", candidates}};
    }
    return RenderPage(req, status,
                      {d.unit.name, "/don-vi",
                       nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}},
                                              {{"label", "Đơn vị"}, {"href", "/don-vi"}},
                                              {{"label", d.unit.name}}})},
                      "unit",
                      {{"id", std::to_string(d.unit.id.value)},
                       {"name", d.unit.name},
                       {"code", d.unit.code},
                       {"type", std::string(domain::UnitTypes().Label(d.unit.unit_type))},
                       {"starts", DateVi(d.unit.valid_from)},
                       {"ends", DateVi(d.unit.valid_to)},
                       {"active", !d.unit.valid_to},
                       {"parent", d.parent ? UnitLink(*d.parent) : nlohmann::json(false)},
                       {"members", text::FormatNumberVi(d.current_members)},
                       {"versions", versions},
                       {"events", events},
                       {"predecessors", predecessors},
                       {"has_predecessors", !predecessors.empty()},
                       {"successors", successors},
                       {"has_successors", !successors.empty()},
                       {"children", children},
                       {"has_children", !children.empty()},
                       {"ratings", ratings},
                       {"has_ratings", !ratings.empty()},
                       {"awards", awards},
                       {"has_awards", !awards.empty()},
                       {"award_count", text::FormatNumberVi(static_cast<std::int64_t>(awards.size()))},
                       {"can_manage_units", d.can_manage_units && !d.unit.valid_to},
                       {"can_manage_people", d.can_manage_people},
                       {"units", UnitOptions(app, req, parent_id)},
                       {"unit_types", VocabularyOptions(domain::UnitTypes(), d.unit.unit_type)},
                       {"ratings_options", VocabularyOptions(domain::TaskRatings(), "")},
                       {"award_options", award_options},
                       {"kinds", VocabularyOptions(domain::AwardKinds(), "merit")},
                       {"this_year", std::to_string(this_year)},
                       {"panel", panel},
                       {"panel_year", std::to_string(panel_year)},
                       {"panel_action", "/don-vi/" + std::to_string(d.unit.id.value)},
                       {"panel_empty", judge_now ? "Chưa có bộ quy định khen thưởng cho ngày hôm nay."
                                                 : "Đơn vị có đơn vị trực thuộc hoặc nhiều cán bộ: chọn năm thành tích "
                                                   "rồi bấm «Xem» để xét (tính từ hồ sơ của mọi thành viên)."},
                       {"panel_note",
                        "Tập thể được xét theo xếp loại, khen thưởng của đơn vị (kể cả đơn vị tiền thân) "
                        "và kết quả của các thành viên trong năm."},
                       {"panel_link", "/don-vi/" + std::to_string(d.unit.id.value) +
                                          "/goi-y-khen-thuong?nam=" + std::to_string(panel_year)},
                       {"panel_link_label", "Xem gợi ý cho từng cán bộ, người lao động"},
                       {"error", error},
                       {"problems", ProblemList(fields)},
                       {"open_change", open == "change"},
                       {"open_child", open == "child"},
                       {"open_dissolve", open == "dissolve"},
                       {"open_rating", open == "rating"},
                       {"open_award", open == "award"},
                       {"open_merge", open == "merge"},
                       {"open_split", open == "split"},
                       {"merge_new", form.value("mode", "") == "new"},
                       {"others", OtherUnitOptions(app, req, d.unit.id, d.parent)},
                       {"parts", SplitPartRows(form, d.unit.unit_type)},
                       {"form", form}});
}

app::UnitChangeInput ChangeFrom(const Request& req) {
    return {req.Param("effective_date"), req.Param("document"), req.Param("note")};
}

// After a POST: back to the unit page, or the page again with the error and the form as typed.
Response AfterPost(app::App& app, Request& req, UnitId id, const Status& done, const std::string& form_name) {
    if (done) return Response::Redirect("/don-vi/" + std::to_string(id.value));
    if (done.error().code == ErrorCode::kForbidden || done.error().code == ErrorCode::kNotFound)
        return PageError(req, done.error());
    nlohmann::json form = TypedFields(req);
    return UnitPage(app, req, id, HttpStatus(done.error().code), done.error().message, form_name, form,
                    done.error().fields);
}

std::vector<UnitId> IdsParam(const Request& req, const std::string& name) {
    std::vector<UnitId> out;
    auto [from, to] = req.params.equal_range(name);
    for (auto it = from; it != to; ++it) {
        const std::string& v = it->second;
        if (!v.empty() && v.size() <= 18 &&
            std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            out.push_back(UnitId{std::stoll(v)});
    }
    return out;
}

template <class T>
Status AsStatus(const Result<T>& r) {
    if (r) return {};
    return tl::unexpected(r.error());
}

}  // namespace

void RegisterUnits(Router& router, app::App& app) {
    router.Get("/don-vi", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return TreePage(app, req);
    });
    router.Get(R"(/don-vi/(\d{1,18}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return UnitPage(app, req, UnitId{std::stoll(req.captures[0])}, 200, "", "", nlohmann::json::object());
    });
    router.Post(R"(/don-vi/(\d{1,18})/thay-doi)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        app::UnitAmendment amendment;
        amendment.name = req.Param("name");
        amendment.unit_type = req.Param("unit_type");
        if (auto parent = IdParam(req, "parent_id")) amendment.parent = UnitId{*parent};
        return AfterPost(app, req, id, AsStatus(app::AmendUnit(app, req.Context(), id, amendment, ChangeFrom(req))),
                         "change");
    });
    router.Post(R"(/don-vi/(\d{1,18})/giai-the)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        return AfterPost(app, req, id, AsStatus(app::DissolveUnit(app, req.Context(), id, ChangeFrom(req))),
                         "dissolve");
    });
    router.Post(R"(/don-vi/(\d{1,18})/truc-thuoc)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        auto created = app::CreateUnit(
            app, req.Context(), {req.Param("code"), req.Param("name"), req.Param("unit_type"), id}, ChangeFrom(req));
        if (created) return Response::Redirect("/don-vi/" + std::to_string(created->id.value));
        return AfterPost(app, req, id, AsStatus(created), "child");
    });
    // Merge: other units into this one (it continues), or this one with others into a new unit.
    router.Post(R"(/don-vi/(\d{1,18})/hop-nhat)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        app::MergeInput merge;
        auto others = IdsParam(req, "other_ids");
        if (req.Param("mode") == "new") {
            merge.predecessors.push_back(id);
            merge.predecessors.insert(merge.predecessors.end(), others.begin(), others.end());
            app::NewUnitInput unit{req.Param("code"), req.Param("name"), req.Param("unit_type"), std::nullopt};
            if (auto parent = IdParam(req, "parent_id")) unit.parent = UnitId{*parent};
            merge.new_unit = unit;
        } else {
            merge.predecessors = others;
            merge.into = id;
        }
        auto merged = app::MergeUnits(app, req.Context(), merge, ChangeFrom(req));
        if (merged) return Response::Redirect("/don-vi/" + std::to_string(merged->id.value));
        return AfterPost(app, req, id, AsStatus(merged), "merge");
    });
    // Split: this unit ends; two or more new units take its place, one of them its members.
    router.Post(R"(/don-vi/(\d{1,18})/chia-tach)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        app::SplitInput split;
        auto parent = app::GetUnit(app, req.Context(), id);
        std::string members = req.Param("members_to");
        for (int i = 1; i <= kSplitParts; ++i) {
            auto n = std::to_string(i);
            app::NewUnitInput part{req.Param("part_code_" + n), req.Param("part_name_" + n),
                                   req.Param("part_type_" + n), parent ? parent->parent : std::nullopt};
            if (part.code.empty() && part.name.empty()) continue;
            if (members == n) split.members_to = split.parts.size();
            split.parts.push_back(part);
        }
        return AfterPost(app, req, id, AsStatus(app::SplitUnit(app, req.Context(), id, split, ChangeFrom(req))),
                         "split");
    });
    router.Post(R"(/don-vi/(\d{1,18})/xep-loai)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        return AfterPost(
            app, req, id,
            app::SetUnitRating(app, req.Context(), id, req.Param("year"), req.Param("rating"), req.Param("document")),
            "rating");
    });
    router.Post(R"(/don-vi/(\d{1,18})/(thu-hoi|da-nop-lai)/(\d{1,18}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        return AfterPost(app, req, id, AwardRevocationPost(app, req), "");
    });
    router.Post(R"(/don-vi/(\d{1,18})/khen-thuong)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        UnitId id{std::stoll(req.captures[0])};
        app::AwardInput in;
        in.subject_type = "collective";
        in.unit = id;
        in.award_code = req.Param("award_code");
        in.year = req.Param("year");
        in.kind = req.Param("kind");
        in.decision_number = req.Param("decision_number");
        in.decision_date = req.Param("decision_date");
        in.authority = req.Param("authority");
        in.prize_vnd = req.Param("prize_vnd");
        return AfterPost(app, req, id, AsStatus(app::RecordAward(app, req.Context(), in)), "award");
    });
}

}  // namespace tdkt::web::pages
