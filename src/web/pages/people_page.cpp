// GET /ca-nhan — find people (one box: name without accents or national ID; unit, category, sort,
// pages) and export the list; GET /ca-nhan/{id} — a person's whole history on one page; forms to add
// and edit the person and each kind of record.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "app/awards.h"
#include "app/people.h"
#include "core/text.h"
#include "domain/award_codes.h"
#include "domain/codes.h"
#include "domain/permission.h"
#include "reports/people_list.h"
#include "reports/xlsx_table.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/routes.h"
#include "web/url.h"

namespace tdkt::web::pages {
namespace {

// The form action that deletes one of a person's records (a year's rating, an award, a discipline,
// a leave, an initiative).
std::string DeletePath(PersonId person, std::string_view kind, std::int64_t record) {
    return fmt::format("/ca-nhan/{}/xoa/{}/{}", person.value, kind, record);
}

nlohmann::json Crumbs(const std::string& last, bool link_list = true) {
    nlohmann::json out = nlohmann::json::array({{{"label", "Tổng quan"}, {"href", "/"}}});
    if (link_list) out.push_back({{"label", "Cá nhân"}, {"href", "/ca-nhan"}});
    out.push_back({{"label", last}});
    return out;
}

// The form to show open again after a failed submission: "xep-loai" → {"xep_loai": true}.
nlohmann::json OpenKey(std::string open) {
    std::replace(open.begin(), open.end(), '-', '_');
    nlohmann::json out = nlohmann::json::object();
    if (!open.empty()) out[open] = true;
    return out;
}

int IntParam(const Request& req, const char* name, int fallback) {
    auto v = IdParam(req, name);
    return v && *v < 100000 ? static_cast<int>(*v) : fallback;
}

app::PeopleSearch SearchFrom(const Request& req) {
    app::PeopleSearch s;
    s.text = req.Param("q");
    if (auto unit = IdParam(req, "unit_id")) s.unit = UnitId{*unit};
    s.category = req.Param("category");
    std::string sort = req.Param("sort");
    if (sort == "birth_date" || sort == "unit") s.sort = sort;
    s.descending = req.Param("order") == "desc";
    s.page = IntParam(req, "page", 1);
    s.page_size = 50;
    return s;
}

// The query string of the current search with one parameter replaced.
std::string QueryWith(const Request& req, const std::string& key, const std::string& value) {
    std::string out;
    for (const char* k : {"q", "unit_id", "category", "sort", "order", "page"}) {
        std::string v = k == key ? value : req.Param(k);
        if (!v.empty()) out += (out.empty() ? "?" : "&") + std::string(k) + "=" + PercentEncode(v);
    }
    return out;
}

Response ListPage(app::App& app, Request& req) {
    auto search = SearchFrom(req);
    auto result = app::SearchPeople(app, req.Context(), search);
    if (!result && result.error().code != ErrorCode::kValidation) return PageError(req, result.error());
    nlohmann::json rows = nlohmann::json::array();
    std::int64_t total = 0;
    if (result) {
        total = result->total;
        for (const auto& p : result->items)
            rows.push_back({{"id", std::to_string(p.id.value)},
                            {"name", p.full_name},
                            {"gender", std::string(domain::Genders().Label(p.gender))},
                            {"birth", DateVi(p.birth_date)},
                            {"national_id", p.national_id},
                            {"unit", p.unit_name},
                            {"unit_id", p.unit ? std::to_string(p.unit->value) : ""},
                            {"position", p.position},
                            {"category", std::string(domain::PersonCategories().Label(p.category))}});
    }
    int pages = static_cast<int>((total + search.page_size - 1) / search.page_size);
    std::string count = text::FormatNumberVi(total);
    if (result && result->total_capped) count = "Hơn " + count;
    bool can_add = false;
    for (const auto& g : req.session->actor.grants)
        can_add = can_add || domain::RoleAllows(g.role, domain::Action::kManagePeople);
    return RenderPage(req, result ? 200 : 422, {"Cá nhân", "/ca-nhan", Crumbs("Cá nhân", false)}, "people",
                      {{"rows", rows},
                       {"empty", rows.empty()},
                       {"count", count},
                       {"q", search.text},
                       {"units", UnitOptions(app, req, search.unit ? std::optional(search.unit->value) : std::nullopt)},
                       {"categories", VocabularyOptions(domain::PersonCategories(), search.category)},
                       {"sort_name", search.sort == "name"},
                       {"sort_birth", search.sort == "birth_date"},
                       {"sort_unit", search.sort == "unit"},
                       {"desc", search.descending},
                       {"page", std::to_string(search.page)},
                       {"pages", std::to_string(std::max(pages, 1))},
                       {"prev", search.page > 1 ? QueryWith(req, "page", std::to_string(search.page - 1)) : ""},
                       {"next", search.page < pages ? QueryWith(req, "page", std::to_string(search.page + 1)) : ""},
                       {"export", "/ca-nhan.xlsx" + QueryWith(req, "page", "")},
                       {"can_add", can_add},
                       {"error", result ? "" : result.error().message}});
}

Response ExportList(app::App& app, Request& req) {
    auto search = SearchFrom(req);
    search.page_size = 200;
    auto table =
        reports::PeopleTable("Xuất lúc " + FormatDateTimeVi(app.clock.Now()) + " bởi " + req.session->actor.login);
    // In the list's order. A web request stays within seconds: whole databases go out with `tdkt export`.
    constexpr std::size_t kMaxRows = 10'000;
    for (search.page = 1; table.rows.size() < kMaxRows; ++search.page) {
        auto result = app::SearchPeople(app, req.Context(), search);
        if (!result) return PageError(req, result.error());
        reports::AddPeopleRows(table, result->items);
        if (static_cast<int>(result->items.size()) < search.page_size) break;
    }
    Response res{
        200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reports::WriteXlsx(table), {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"danh-sach-ca-nhan.xlsx\"");
    return res;
}

// One row per year: the rating, the titles and awards of that year, discipline and leave.
nlohmann::json Timeline(const app::PersonFile& f, int this_year) {
    std::set<int> years;
    for (const auto& r : f.ratings) years.insert(r.year);
    for (const auto& a : f.awards) years.insert(a.year);
    for (const auto& i : f.initiatives) years.insert(i.year);
    nlohmann::json rows = nlohmann::json::array();
    if (years.empty()) return rows;
    int first = std::max(*years.begin(), this_year - 14);
    for (int year = std::max(*years.rbegin(), this_year - 1); year >= first; --year) {
        std::string rating, code;
        for (const auto& r : f.ratings)
            if (r.year == year) rating = std::string(domain::TaskRatings().Label(r.rating)), code = r.rating;
        nlohmann::json titles = nlohmann::json::array();
        for (const auto& a : f.awards)
            if (a.year == year) {
                const auto* award = domain::FindAwardCode(a.award_code);
                titles.push_back({{"name", award ? std::string(award->name) : a.award_code},
                                  {"merit", a.kind == "merit" && !a.revoked_at},
                                  {"revoked_title", a.revoked_at.has_value()}});
            }
        std::vector<std::string> notes;
        Date start{year, 1, 1}, end{year + 1, 1, 1};
        for (const auto& d : f.disciplines)
            if (d.start_date < end && (!d.end_date || *d.end_date > start))
                notes.push_back("Kỷ luật: " + std::string(domain::DisciplineForms().Label(d.form)));
        for (const auto& l : f.leaves)
            if (l.start_date < end && l.end_date >= start) notes.push_back("Nghỉ thai sản");
        for (const auto& i : f.initiatives)
            if (i.year == year)
                notes.push_back(std::string(domain::InitiativeKinds().Label(i.kind)) + " (" +
                                std::string(domain::RecognitionScopes().Label(i.scope)) + ")");
        std::string note;
        for (const auto& n : notes) note += (note.empty() ? "" : "; ") + n;
        rows.push_back({{"year", std::to_string(year)},
                        {"rating", rating},
                        {"code", code},
                        {"titles", titles},
                        {"note", note},
                        {"delete", code.empty() ? "" : DeletePath(f.person.id, "xep-loai", year)}});
    }
    return rows;
}

Response PersonPage(app::App& app, Request& req, PersonId id, int status, const std::string& error,
                    const std::string& open, const nlohmann::json& form) {
    auto file = app::GetPersonFile(app, req.Context(), id);
    if (!file) return PageError(req, file.error());
    const auto& f = *file;
    const auto& p = f.person;
    int this_year = VietnamDate(app.clock.Now()).year;
    nlohmann::json memberships = nlohmann::json::array();
    for (auto it = f.memberships.rbegin(); it != f.memberships.rend(); ++it)
        memberships.push_back({{"unit", it->unit_name},
                               {"unit_id", std::to_string(it->unit.value)},
                               {"from", FormatDateVi(it->start_date)},
                               {"to", it->end_date ? FormatDateVi(*it->end_date) : "nay"},
                               {"position", it->position},
                               {"document", it->document}});
    nlohmann::json awards = nlohmann::json::array();
    std::string base = "/ca-nhan/" + std::to_string(p.id.value);
    for (const auto& a : f.awards) {
        auto row = AwardRowJson(a, base, f.can_revoke, f.can_recover);
        row["delete"] = a.source == "decision" ? "" : DeletePath(f.person.id, "khen-thuong", a.id.value);
        awards.push_back(std::move(row));
    }
    nlohmann::json disciplines = nlohmann::json::array(), leaves = nlohmann::json::array(),
                   initiatives = nlohmann::json::array();
    for (const auto& d : f.disciplines)
        disciplines.push_back({{"form", std::string(domain::DisciplineForms().Label(d.form))},
                               {"delete", DeletePath(f.person.id, "ky-luat", d.id)},
                               {"from", FormatDateVi(d.start_date)},
                               {"to", DateVi(d.end_date)},
                               {"decision", d.decision}});
    for (const auto& l : f.leaves)
        leaves.push_back({{"from", FormatDateVi(l.start_date)},
                          {"to", FormatDateVi(l.end_date)},
                          {"note", l.note},
                          {"delete", DeletePath(f.person.id, "nghi-thai-san", l.id)}});
    for (const auto& i : f.initiatives)
        initiatives.push_back({{"title", i.title},
                               {"delete", DeletePath(f.person.id, "sang-kien", i.id)},
                               {"kind", std::string(domain::InitiativeKinds().Label(i.kind))},
                               {"year", std::to_string(i.year)},
                               {"scope", std::string(domain::RecognitionScopes().Label(i.scope))},
                               {"decision", i.decision},
                               {"used", i.used_by_award.has_value()}});
    // The eligibility panel: every award the engine can judge, for the year asked (?nam=), decided today.
    int panel_year = YearParam(req, this_year);
    nlohmann::json candidates = nlohmann::json::array();
    if (auto list = app::PersonCandidates(app, req.Context(), id, panel_year, VietnamDate(app.clock.Now())))
        for (const auto& c : *list) candidates.push_back(CandidateJson(c));
    nlohmann::json award_options = nlohmann::json::array();
    for (const auto& a : domain::AwardCodes())
        if (a.individual) award_options.push_back({{"code", std::string(a.code)}, {"name", std::string(a.name)}});
    return RenderPage(req, status, {p.full_name, "/ca-nhan", Crumbs(p.full_name)}, "person",
                      {{"id", std::to_string(p.id.value)},
                       {"name", p.full_name},
                       {"gender", std::string(domain::Genders().Label(p.gender))},
                       {"birth", DateVi(p.birth_date)},
                       {"national_id", p.national_id},
                       {"category", std::string(domain::PersonCategories().Label(p.category))},
                       {"direct_worker", p.direct_worker},
                       {"position", p.position},
                       {"phone", p.phone},
                       {"email", p.email},
                       {"unit", p.unit_name},
                       {"unit_id", p.unit ? std::to_string(p.unit->value) : ""},
                       {"timeline", Timeline(f, this_year)},
                       {"memberships", memberships},
                       {"awards", awards},
                       {"has_awards", !awards.empty()},
                       {"award_count", std::to_string(awards.size())},
                       {"disciplines", disciplines},
                       {"has_disciplines", !disciplines.empty()},
                       {"leaves", leaves},
                       {"has_leaves", !leaves.empty()},
                       {"initiatives", initiatives},
                       {"has_initiatives", !initiatives.empty()},
                       {"can_edit", f.can_edit},
                       {"this_year", std::to_string(this_year)},
                       {"panel_year", std::to_string(panel_year)},
                       {"candidates", candidates},
                       {"panel_action", "/ca-nhan/" + std::to_string(p.id.value)},
                       {"panel_empty", "Chưa có bộ quy định khen thưởng cho ngày hôm nay."},
                       {"ratings_options", VocabularyOptions(domain::TaskRatings(), "")},
                       {"discipline_options", VocabularyOptions(domain::DisciplineForms(), "")},
                       {"scope_options", VocabularyOptions(domain::RecognitionScopes(), "")},
                       {"initiative_kinds", VocabularyOptions(domain::InitiativeKinds(), "initiative")},
                       {"kinds", VocabularyOptions(domain::AwardKinds(), "merit")},
                       {"award_options", award_options},
                       {"units", UnitOptions(app, req, std::nullopt)},
                       {"error", error},
                       {"open", OpenKey(open)},
                       {"form", form}});
}

template <class T>
Status AsStatus(const Result<T>& r) {
    if (r) return {};
    return tl::unexpected(r.error());
}

Response AfterPost(app::App& app, Request& req, PersonId id, const Status& done, const std::string& form_name) {
    if (done) return Response::Redirect("/ca-nhan/" + std::to_string(id.value));
    if (done.error().code == ErrorCode::kForbidden || done.error().code == ErrorCode::kNotFound)
        return PageError(req, done.error());
    nlohmann::json form = TypedFields(req);
    return PersonPage(app, req, id, HttpStatus(done.error().code), done.error().message, form_name, form);
}

app::PersonInput PersonFrom(const Request& req) {
    app::PersonInput in;
    in.full_name = req.Param("full_name");
    in.gender = req.Param("gender");
    in.birth_date = req.Param("birth_date");
    in.national_id = req.Param("national_id");
    in.category = req.Param("category");
    in.direct_worker = req.HasParam("direct_worker") ? "có" : "không";
    in.position = req.Param("position");
    in.phone = req.Param("phone");
    in.email = req.Param("email");
    if (auto unit = IdParam(req, "unit_id")) in.unit = UnitId{*unit};
    in.start_date = req.Param("start_date");
    return in;
}

// The add or edit form; `person` is empty when adding.
Response PersonForm(app::App& app, Request& req, const std::optional<app::PersonRecord>& person, int status,
                    const std::string& error, const nlohmann::json& typed) {
    nlohmann::json form = typed;
    if (person && typed.empty())
        form = {{"full_name", person->full_name},
                {"gender", person->gender},
                {"birth_date", DateVi(person->birth_date)},
                {"national_id", person->national_id},
                {"category", person->category},
                {"direct_worker", person->direct_worker},
                {"position", person->position},
                {"phone", person->phone},
                {"email", person->email}};
    auto selected_unit = IdParam(req, "unit_id");
    std::string title = person ? "Sửa hồ sơ: " + person->full_name : "Thêm cá nhân";
    return RenderPage(req, status, {title, "/ca-nhan", Crumbs(title)}, "person_form",
                      {{"form", form},
                       {"editing", person.has_value()},
                       {"id", person ? std::to_string(person->id.value) : ""},
                       {"action", person ? "/ca-nhan/" + std::to_string(person->id.value) + "/sua" : "/ca-nhan/moi"},
                       {"genders", VocabularyOptions(domain::Genders(), form.value("gender", ""))},
                       {"categories", VocabularyOptions(domain::PersonCategories(), form.value("category", ""))},
                       {"units", UnitOptions(app, req, selected_unit)},
                       {"error", error}});
}

Response FormError(app::App& app, Request& req, const std::optional<app::PersonRecord>& person, const Error& e) {
    if (e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound) return PageError(req, e);
    nlohmann::json typed = TypedFields(req);
    typed["direct_worker"] = req.HasParam("direct_worker");
    std::string message = e.message;
    if (e.fields.size() > 1) {
        message = "Vui lòng sửa các lỗi sau:";
        for (const auto& [field, m] : e.fields) message += "\n• " + m;
    }
    return PersonForm(app, req, person, HttpStatus(e.code), message, typed);
}

}  // namespace

void RegisterPeople(Router& router, app::App& app) {
    router.Get("/ca-nhan", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return ListPage(app, req);
    });
    router.Get(R"(/ca-nhan\.xlsx)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return ExportList(app, req);
    });
    router.Get("/ca-nhan/moi", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return PersonForm(app, req, std::nullopt, 200, "", nlohmann::json::object());
    });
    router.Post("/ca-nhan/moi", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto added = app::AddPerson(app, req.Context(), PersonFrom(req));
        if (!added) return FormError(app, req, std::nullopt, added.error());
        return Response::Redirect("/ca-nhan/" + std::to_string(added->id.value));
    });
    router.Get(R"(/ca-nhan/(\d{1,18}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return PersonPage(app, req, PersonId{std::stoll(req.captures[0])}, 200, "", "", nlohmann::json::object());
    });
    router.Get(R"(/ca-nhan/(\d{1,18})/sua)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto file = app::GetPersonFile(app, req.Context(), PersonId{std::stoll(req.captures[0])});
        if (!file) return PageError(req, file.error());
        return PersonForm(app, req, file->person, 200, "", nlohmann::json::object());
    });
    router.Post(R"(/ca-nhan/(\d{1,18})/sua)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        PersonId id{std::stoll(req.captures[0])};
        auto file = app::GetPersonFile(app, req.Context(), id);
        if (!file) return PageError(req, file.error());
        auto updated = app::UpdatePerson(app, req.Context(), id, PersonFrom(req));
        if (!updated) return FormError(app, req, file->person, updated.error());
        return Response::Redirect("/ca-nhan/" + std::to_string(id.value));
    });
    router.Post(
        R"(/ca-nhan/(\d{1,18})/(xep-loai|ky-luat|nghi-thai-san|sang-kien|khen-thuong|dieu-chuyen))", Kind::kPage,
        [&app](Request& req) {
            if (auto redirect = RequirePageSession(req)) return *redirect;
            PersonId id{std::stoll(req.captures[0])};
            const std::string& what = req.captures[1];
            auto ctx = req.Context();
            Status done;
            if (what == "xep-loai") {
                done =
                    app::SetPersonRating(app, ctx, id, req.Param("year"), req.Param("rating"), req.Param("document"));
            } else if (what == "ky-luat") {
                done = AsStatus(app::AddDiscipline(
                    app, ctx, id,
                    {req.Param("form"), req.Param("start_date"), req.Param("end_date"), req.Param("decision"), ""}));
            } else if (what == "nghi-thai-san") {
                done = AsStatus(app::AddLeave(app, ctx, id, {req.Param("start_date"), req.Param("end_date"), ""}));
            } else if (what == "sang-kien") {
                done = AsStatus(app::AddInitiative(app, ctx, id,
                                                   {req.Param("kind"), req.Param("title"), req.Param("year"),
                                                    req.Param("scope"), req.Param("decision")}));
            } else if (what == "khen-thuong") {
                app::AwardInput in;
                in.subject_type = "individual";
                in.person = id;
                in.award_code = req.Param("award_code");
                in.year = req.Param("year");
                in.kind = req.Param("kind");
                in.decision_number = req.Param("decision_number");
                in.decision_date = req.Param("decision_date");
                in.authority = req.Param("authority");
                in.prize_vnd = req.Param("prize_vnd");
                done = AsStatus(app::RecordAward(app, ctx, in));
            } else {
                auto unit = IdParam(req, "unit_id");
                done =
                    unit ? AsStatus(app::TransferPerson(app, ctx, id, UnitId{*unit}, req.Param("date"),
                                                        req.Param("position"), req.Param("document")))
                         : Status(Fail(ErrorCode::kValidation, "invalid_unit_id", "Vui lòng chọn đơn vị chuyển đến."));
            }
            return AfterPost(app, req, id, done, what);
        });
    router.Post(R"(/ca-nhan/(\d{1,18})/(thu-hoi|da-nop-lai)/(\d{1,18}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        PersonId id{std::stoll(req.captures[0])};
        return AfterPost(app, req, id, AwardRevocationPost(app, req), "");
    });
    router.Post(R"(/ca-nhan/(\d{1,18})/xoa/(xep-loai|khen-thuong|ky-luat|nghi-thai-san|sang-kien)/(\d{1,18}))",
                Kind::kPage, [&app](Request& req) {
                    if (auto redirect = RequirePageSession(req)) return *redirect;
                    PersonId id{std::stoll(req.captures[0])};
                    const std::string& what = req.captures[1];
                    std::int64_t record = std::stoll(req.captures[2]);
                    auto ctx = req.Context();
                    Status done;
                    if (what == "xep-loai")
                        done = record > 9999 ? Status(Fail(ErrorCode::kNotFound, "rating_not_found",
                                                           "Không có xếp loại của năm này."))
                                             : app::DeletePersonRating(app, ctx, id, static_cast<int>(record));
                    else if (what == "khen-thuong")
                        done = app::DeleteAward(app, ctx, AwardId{record});
                    else
                        done = app::DeletePersonRecord(app, ctx, id,
                                                       what == "ky-luat"         ? "discipline"
                                                       : what == "nghi-thai-san" ? "leave"
                                                                                 : "initiative",
                                                       record);
                    return AfterPost(app, req, id, done, "");
                });
}

}  // namespace tdkt::web::pages
