// Council pages (docs/council.md): GET /hoi-dong lists the councils the user sits on or serves and
// their meetings (the secretary plans one there); GET /hoi-dong/phien-hop/{id} is the secretary's
// meeting page (attendance, agenda, opening and closing the ballot, absent members' written
// opinions, results and the minutes as PDF); GET /hoi-dong/phien-hop/{id}/bo-phieu is the ballot for
// members, made for a phone.
#include <algorithm>

#include <fmt/format.h>

#include "app/catalog.h"
#include "app/council.h"
#include "app/dossiers.h"
#include "core/text.h"
#include "reports/council_minutes.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

using nlohmann::json;

std::string StateLabel(const std::string& state) {
    return state == "planned" ? "Chuẩn bị" : state == "voting" ? "Đang bỏ phiếu" : "Đã kết thúc";
}

std::string RoleLabel(const std::string& role) {
    return role == "chair"        ? "Chủ tịch"
           : role == "vice_chair" ? "Phó Chủ tịch"
           : role == "secretary"  ? "Thư ký"
                                  : "Ủy viên";
}

std::string Pct(double v) {
    std::string s = fmt::format("{:.1f}%", v);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

Response CouncilsPage(app::App& app, Request& req, const std::optional<Error>& error = std::nullopt) {
    auto councils = app::ListCouncils(app, req.Context());
    if (!councils) return PageError(req, councils.error());
    json items = json::array();
    for (const auto& c : *councils) {
        json meetings = json::array();
        if (auto list = app::ListMeetings(app, req.Context(), c.id))
            for (const auto& m : *list)
                meetings.push_back({{"id", m.id},
                                    {"title", m.title},
                                    {"held_on", FormatDateVi(m.held_on)},
                                    {"state", StateLabel(m.state)},
                                    {"voting", m.state == "voting"}});
        items.push_back({{"id", c.id}, {"name", c.name}, {"meetings", meetings}});
    }
    json new_units = json::array();
    if (auto units = app::UnitsForNewCouncil(app, req.Context()))
        for (const auto& u : *units) new_units.push_back({{"id", u.id.value}, {"name", u.name}});
    json data{{"councils", items},
              {"today", FormatDateVi(VietnamDate(app.clock.Now()))},
              {"new_units", new_units},
              {"can_create", !new_units.empty()},
              {"form", TypedFields(req)}};
    if (error) data["error"] = error->message;
    return RenderPage(req, error ? HttpStatus(error->code) : 200,
                      {"Hội đồng Thi đua – Khen thưởng", "/hoi-dong", json::array({{{"label", "Hội đồng"}}})},
                      "councils", data);
}

json RoleOptions(const std::string& selected) {
    json out = json::array();
    for (const char* code : {"chair", "vice_chair", "secretary", "member"})
        out.push_back({{"code", code}, {"label", RoleLabel(code)}, {"selected", selected == code}});
    return out;
}

json UnitChoices(const std::vector<app::UnitRecord>& units, std::optional<UnitId> selected) {
    json out = json::array();
    for (const auto& u : units) out.push_back({{"id", u.id.value}, {"name", u.name}, {"selected", selected == u.id}});
    return out;
}

// GET /hoi-dong/{id}: the council's members and rules; forms for whoever may set it up.
Response CouncilPage(app::App& app, Request& req, std::int64_t id, const std::optional<Error>& error = std::nullopt,
                     const std::string& notice = "") {
    auto v = app::GetCouncil(app, req.Context(), id);
    if (!v) return PageError(req, v.error());
    bool editable = v->can_constitute && !v->ballot_open;
    std::map<std::int64_t, std::string> unit_names;
    for (const auto& u : v->member_units) unit_names[u.id.value] = u.name;
    auto unit_name = [&](const std::optional<UnitId>& unit) -> std::string {
        if (!unit) return "";
        auto it = unit_names.find(unit->value);
        return it == unit_names.end() ? "" : it->second;
    };
    json members = json::array();
    int position = 0;
    for (const auto& m : v->members) {
        json row{{"id", m.id},
                 {"council_id", id},
                 {"position", ++position},
                 {"name", m.display_name},
                 {"login", m.login},
                 {"role", m.role},
                 {"role_label", RoleLabel(m.role)},
                 {"title", m.title},
                 {"unit_name", unit_name(m.unit)}};
        if (editable) {
            row["roles"] = RoleOptions(m.role);
            row["units"] = UnitChoices(v->member_units, m.unit);
        }
        members.push_back(std::move(row));
    }
    json former = json::array();
    for (const auto& m : v->former)
        former.push_back({{"id", m.id},
                          {"name", m.display_name},
                          {"login", m.login},
                          {"role_label", RoleLabel(m.role)},
                          {"title", m.title},
                          {"left_on", m.left_at ? WhenVi(*m.left_at) : ""}});
    json users = json::array();
    for (const auto& u : v->candidates) users.push_back({{"login", u.login}, {"name", u.display_name}});
    json form = TypedFields(req);
    json data{
        {"id", id},
        {"name", v->council.name},
        {"unit", v->unit_name},
        {"member_count", std::to_string(v->members.size())},
        {"quorum_num", std::to_string(v->council.quorum_num)},
        {"quorum_den", std::to_string(v->council.quorum_den)},
        {"rule_exclude", v->council.recusal_rule == "exclude"},
        {"recusal_label", v->council.recusal_rule == "exclude" ? "thành viên không biểu quyết không tính vào tổng số"
                                                               : "thành viên không biểu quyết vẫn tính vào tổng số"},
        {"ballot_open", v->ballot_open},
        {"editable", editable},
        {"members", members},
        {"former", former},
        {"has_former", !former.empty()},
        {"users", users},
        {"form", form},
        {"new_roles", RoleOptions(form.value("role", "member"))},
        {"new_units", UnitChoices(v->member_units, std::nullopt)}};
    if (error) {
        data["error"] = error->message;
        data["problems"] = ProblemList(error->fields);
        data["has_problems"] = error->fields.size() > 1;
    }
    if (!notice.empty()) data["notice"] = notice;
    return RenderPage(req, error ? HttpStatus(error->code) : 200,
                      {v->council.name, "/hoi-dong",
                       json::array({{{"label", "Hội đồng"}, {"href", "/hoi-dong"}}, {{"label", v->council.name}}})},
                      "council", data);
}

Response MeetingPage(app::App& app, Request& req, std::int64_t id, const std::optional<Error>& error = std::nullopt) {
    auto v = app::GetMeeting(app, req.Context(), id);
    if (!v) return PageError(req, v.error());
    const auto& m = v->meeting;
    json members = json::array();
    std::map<std::int64_t, std::string> names;
    for (const auto& x : v->members) {
        names[x.id] = x.display_name;
        members.push_back({{"id", x.id},
                           {"name", x.display_name},
                           {"title", x.title},
                           {"role", RoleLabel(x.role)},
                           {"present", v->present.count(x.id) > 0}});
    }
    json items = json::array();
    for (const auto& iv : v->items) {
        const auto& it = iv.item;
        json recused = json::array();
        for (auto r : iv.recused) recused.push_back(names[r]);
        json absent = json::array();  // absent members whose written opinion is not entered yet
        for (const auto& x : v->members)
            if (!v->present.count(x.id) && !v->receipts.count({it.id, x.id}) &&
                std::find(iv.recused.begin(), iv.recused.end(), x.id) == iv.recused.end())
                absent.push_back({{"id", x.id}, {"name", x.display_name}});
        json row{{"id", it.id},
                 {"position", it.position},
                 {"name", it.subject_name},
                 {"dossier_id", it.dossier.value},
                 {"dossier_code", it.dossier_code},
                 {"award", iv.award_name},
                 {"threshold", iv.threshold_label},
                 {"votes", iv.votes},
                 {"recused", recused},
                 {"has_recused", !recused.empty()},
                 {"absent", absent},
                 {"has_absent", !absent.empty() && m.state == "voting" && v->can_manage}};
        if (it.passed) {
            row["has_result"] = true;
            row["agree"] = *it.agree;
            row["disagree"] = *it.disagree;
            row["abstain"] = *it.abstain;
            row["denominator"] = *it.denominator;
            row["pct"] = Pct(iv.agree_pct);
            row["passed"] = *it.passed;
        }
        items.push_back(std::move(row));
    }
    json dossiers = json::array();
    if (m.state == "planned" && v->can_manage) {
        app::DossierFilter f;
        f.state = "council";
        f.limit = 200;
        if (auto list = app::ListDossiers(app, req.Context(), f))
            for (const auto& d : list->items)
                dossiers.push_back(
                    {{"id", d.id.value}, {"label", d.code + " – " + d.title + " (" + d.unit_name + ")"}});
    }
    json data{{"id", m.id},
              {"meeting_id", m.id},
              {"title", m.title},
              {"council", v->council.name},
              {"held_on", FormatDateVi(m.held_on)},
              {"place", m.place},
              {"state", m.state},
              {"state_label", StateLabel(m.state)},
              {"planned", m.state == "planned"},
              {"voting", m.state == "voting"},
              {"closed", m.state == "closed"},
              {"can_manage", v->can_manage},
              {"is_member", v->my_member.has_value()},
              {"members", members},
              {"present_count", v->present.size()},
              {"member_count", v->members.size()},
              {"quorum_needed", v->quorum_needed},
              {"quorum", v->quorum},
              {"items", items},
              {"dossiers", dossiers},
              {"has_dossiers", !dossiers.empty()}};
    if (error) data["error"] = error->message;
    return RenderPage(
        req, error ? HttpStatus(error->code) : 200,
        {m.title, "/hoi-dong", json::array({{{"label", "Hội đồng"}, {"href", "/hoi-dong"}}, {{"label", m.title}}})},
        "meeting", data);
}

Response BallotPage(app::App& app, Request& req, std::int64_t id, const std::optional<Error>& error = std::nullopt) {
    auto v = app::GetMeeting(app, req.Context(), id);
    if (!v) return PageError(req, v.error());
    json items = json::array();
    int left = 0;
    for (const auto& iv : v->items) {
        bool can_vote = v->meeting.state == "voting" && v->my_member && !iv.i_voted && !iv.i_recused &&
                        v->present.count(*v->my_member);
        left += can_vote;
        items.push_back({{"id", iv.item.id},
                         {"position", iv.item.position},
                         {"name", iv.item.subject_name},
                         {"award", iv.award_name},
                         {"threshold", iv.threshold_label},
                         {"voted", iv.i_voted},
                         {"recused", iv.i_recused},
                         {"can_vote", can_vote}});
    }
    json data{{"id", v->meeting.id},
              {"ballot_id", v->meeting.id},
              {"title", v->meeting.title},
              {"council", v->council.name},
              {"voting", v->meeting.state == "voting"},
              {"state_label", StateLabel(v->meeting.state)},
              {"is_member", v->my_member.has_value()},
              {"present", v->my_member && v->present.count(*v->my_member)},
              {"items", items},
              {"left", left}};
    if (error) data["error"] = error->message;
    return RenderPage(req, error ? HttpStatus(error->code) : 200,
                      {"Bỏ phiếu – " + v->meeting.title, "/hoi-dong",
                       json::array({{{"label", "Hội đồng"}, {"href", "/hoi-dong"}}, {{"label", "Bỏ phiếu"}}})},
                      "ballot", data);
}

std::int64_t PathId(const Request& req) { return std::stoll(req.captures[0]); }

Response AfterMeeting(app::App& app, Request& req, const Status& done) {
    if (done) return Response::Redirect(fmt::format("/hoi-dong/phien-hop/{}", PathId(req)));
    return MeetingPage(app, req, PathId(req), done.error());
}

}  // namespace

void RegisterCouncilPages(Router& router, app::App& app) {
    router.Get("/hoi-dong", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return CouncilsPage(app, req);
    });
    router.Post("/hoi-dong", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto c = app::CreateCouncil(app, req.Context(),
                                    {req.Param("unit_id"), req.Param("name"), req.Param("recusal_rule"),
                                     req.Param("quorum_num"), req.Param("quorum_den")});
        if (c) return Response::Redirect(fmt::format("/hoi-dong/{}", c->id));
        return CouncilsPage(app, req, c.error());
    });
    router.Get(R"(/hoi-dong/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return CouncilPage(app, req, PathId(req));
    });
    router.Post(R"(/hoi-dong/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::UpdateCouncil(
            app, req.Context(), PathId(req),
            {"", req.Param("name"), req.Param("recusal_rule"), req.Param("quorum_num"), req.Param("quorum_den")});
        if (!done) return CouncilPage(app, req, PathId(req), done.error());
        return Response::Redirect(fmt::format("/hoi-dong/{}", PathId(req)));
    });
    router.Post(R"(/hoi-dong/(\d{1,17})/thanh-vien)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto added =
            app::AddCouncilMember(app, req.Context(), PathId(req),
                                  {req.Param("login"), req.Param("role"), req.Param("title"), req.Param("unit_id")});
        if (!added) return CouncilPage(app, req, PathId(req), added.error());
        return Response::Redirect(fmt::format("/hoi-dong/{}", PathId(req)));
    });
    router.Post(R"(/hoi-dong/(\d{1,17})/thanh-vien/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::UpdateCouncilMember(app, req.Context(), PathId(req), std::stoll(req.captures[1]),
                                             {"", req.Param("role"), req.Param("title"), req.Param("unit_id")});
        if (!done) return CouncilPage(app, req, PathId(req), done.error());
        return Response::Redirect(fmt::format("/hoi-dong/{}", PathId(req)));
    });
    router.Post(R"(/hoi-dong/(\d{1,17})/thanh-vien/(\d{1,17})/thoi)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::RemoveCouncilMember(app, req.Context(), PathId(req), std::stoll(req.captures[1]));
        if (!done) return CouncilPage(app, req, PathId(req), done.error());
        return Response::Redirect(fmt::format("/hoi-dong/{}", PathId(req)));
    });
    router.Post(R"(/hoi-dong/(\d{1,17})/phien-hop)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto m = app::CreateMeeting(app, req.Context(), PathId(req),
                                    {req.Param("title"), req.Param("held_on"), req.Param("place")});
        if (m) return Response::Redirect(fmt::format("/hoi-dong/phien-hop/{}", m->id));
        return CouncilsPage(app, req, m.error());
    });
    router.Get(R"(/hoi-dong/phien-hop/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return MeetingPage(app, req, PathId(req));
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/co-mat)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto v = app::GetMeeting(app, req.Context(), PathId(req));
        if (!v) return PageError(req, v.error());
        std::set<std::string> present;
        for (auto [it, end] = req.params.equal_range("present"); it != end; ++it) present.insert(it->second);
        for (const auto& m : v->members) {
            auto done =
                app::SetAttendance(app, req.Context(), PathId(req), m.id, present.count(std::to_string(m.id)) > 0);
            if (!done) return AfterMeeting(app, req, done);
        }
        return AfterMeeting(app, req, {});
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/chuong-trinh)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto added = app::AddDossierToMeeting(app, req.Context(), PathId(req),
                                              DossierId{IdParam(req, "dossier_id").value_or(0)});
        return AfterMeeting(app, req, added ? Status{} : Status(tl::unexpected(added.error())));
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/mo)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return AfterMeeting(app, req, app::OpenVoting(app, req.Context(), PathId(req)));
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/dong)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return AfterMeeting(app, req, app::CloseVoting(app, req.Context(), PathId(req)));
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/y-kien-van-ban)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return AfterMeeting(app, req,
                            app::RecordWrittenOpinion(app, req.Context(), IdParam(req, "item_id").value_or(0),
                                                      IdParam(req, "member_id").value_or(0), req.Param("choice")));
    });
    router.Get(R"(/hoi-dong/phien-hop/(\d{1,17})/bo-phieu)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return BallotPage(app, req, PathId(req));
    });
    router.Post(R"(/hoi-dong/phien-hop/(\d{1,17})/bo-phieu)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::CastVote(app, req.Context(), IdParam(req, "item_id").value_or(0), req.Param("choice"));
        if (!done) return BallotPage(app, req, PathId(req), done.error());
        return Response::Redirect(fmt::format("/hoi-dong/phien-hop/{}/bo-phieu", PathId(req)));
    });
    router.Get(R"(/hoi-dong/phien-hop/(\d{1,17})/bien-ban\.pdf)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto v = app::GetMeeting(app, req.Context(), PathId(req));
        if (!v) return PageError(req, v.error());
        if (v->meeting.state != "closed")
            return RenderErrorPage(req, 409, "Biên bản được lập sau khi kết thúc bỏ phiếu.");
        std::string place = v->council.name;
        if (auto at = place.rfind("tỉnh "); at != std::string::npos)
            place = place.substr(at + std::string("tỉnh ").size());
        Response res{200, "application/pdf", reports::CouncilMinutesPdf(*v, place), {}};
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("inline; filename=\"bien-ban-phien-hop-{}.pdf\"", v->meeting.id));
        return res;
    });
}

}  // namespace tdkt::web::pages
