// Councils, meetings and the secret ballot (docs/council.md): GET /api/v1/councils, POST
// /api/v1/councils (a new council), GET and PUT /api/v1/councils/{id} (its rules), POST
// /api/v1/councils/{id}/members, PUT and DELETE /api/v1/councils/{id}/members/{member_id},
// POST /api/v1/councils/{id}/meetings, GET /api/v1/meetings/{id}, POST /api/v1/meetings/{id}/agenda,
// POST /api/v1/meetings/{id}/attendance, POST /api/v1/meetings/{id}/open, POST /api/v1/meetings/{id}/close,
// POST /api/v1/meetings/{id}/votes (a member's own vote), POST /api/v1/meetings/{id}/written (the
// secretary enters an absent member's written opinion). Counts appear only once the ballot is closed.
#include <fmt/format.h>

#include "app/council.h"
#include "web/json_io.h"
#include "web/routes.h"

namespace tdkt::web::api {
namespace {

using nlohmann::json;

std::int64_t PathId(const Request& req) { return std::stoll(req.captures[0]); }

json MeetingJson(const app::MeetingView& v) {
    json members = json::array();
    for (const auto& m : v.members)
        members.push_back({{"id", m.id},
                           {"login", m.login},
                           {"name", m.display_name},
                           {"role", m.role},
                           {"title", m.title},
                           {"present", v.present.count(m.id) > 0}});
    json items = json::array();
    for (const auto& iv : v.items) {
        const auto& it = iv.item;
        json row{{"id", it.id},
                 {"position", it.position},
                 {"dossier_id", it.dossier.value},
                 {"dossier_code", it.dossier_code},
                 {"nominee_id", it.nominee},
                 {"name", it.subject_name},
                 {"award", it.award_code},
                 {"award_name", iv.award_name},
                 {"threshold_pct", it.threshold_pct},
                 {"votes", iv.votes},
                 {"recused", iv.recused},
                 {"i_voted", iv.i_voted},
                 {"i_recused", iv.i_recused},
                 {"result", nullptr}};
        if (it.passed)
            row["result"] = {{"agree", *it.agree},
                             {"disagree", *it.disagree},
                             {"abstain", *it.abstain},
                             {"denominator", *it.denominator},
                             {"passed", *it.passed}};
        items.push_back(std::move(row));
    }
    return {{"id", v.meeting.id},
            {"council_id", v.council.id},
            {"council", v.council.name},
            {"title", v.meeting.title},
            {"held_on", FormatIsoDate(v.meeting.held_on)},
            {"place", v.meeting.place},
            {"state", v.meeting.state},
            {"quorum_needed", v.quorum_needed},
            {"quorum", v.quorum},
            {"can_manage", v.can_manage},
            {"my_member_id", v.my_member ? json(*v.my_member) : json(nullptr)},
            {"members", members},
            {"items", items}};
}

Response Done(const Status& s) { return s ? Response::NoContent() : ErrorResponse(s.error()); }

// A field sent as text or as a number, as the form would have typed it ("" when absent).
std::string TextOrNumber(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return "";
    if (body[key].is_number_integer()) return std::to_string(body[key].get<long long>());
    if (body[key].is_string()) return body[key].get<std::string>();
    return "?";
}

app::CouncilInput CouncilBody(const json& body) {
    return {TextOrNumber(body, "unit_id"), TextOrNumber(body, "name"), TextOrNumber(body, "recusal_rule"),
            TextOrNumber(body, "quorum_num"), TextOrNumber(body, "quorum_den")};
}

app::MemberInput MemberBody(const json& body) {
    return {TextOrNumber(body, "login"), TextOrNumber(body, "role"), TextOrNumber(body, "title"),
            TextOrNumber(body, "unit_id")};
}

json CouncilJson(const app::CouncilView& v) {
    auto member = [](const app::CouncilMemberRecord& m) {
        return json{{"id", m.id},
                    {"login", m.login},
                    {"name", m.display_name},
                    {"role", m.role},
                    {"title", m.title},
                    {"unit_id", m.unit ? json(m.unit->value) : json(nullptr)},
                    {"left_at", m.left_at ? json(*m.left_at) : json(nullptr)}};
    };
    json members = json::array(), former = json::array();
    for (const auto& m : v.members) members.push_back(member(m));
    for (const auto& m : v.former) former.push_back(member(m));
    return {{"id", v.council.id},
            {"name", v.council.name},
            {"unit_id", v.council.unit.value},
            {"unit", v.unit_name},
            {"recusal_rule", v.council.recusal_rule},
            {"quorum_num", v.council.quorum_num},
            {"quorum_den", v.council.quorum_den},
            {"can_constitute", v.can_constitute},
            {"ballot_open", v.ballot_open},
            {"members", members},
            {"former_members", former}};
}

}  // namespace

void RegisterCouncils(Router& router, app::App& app) {
    router.Get("/api/v1/councils", Kind::kApi, [&app](Request& req) {
        auto list = app::ListCouncils(app, req.Context());
        if (!list) return ErrorResponse(list.error());
        json items = json::array();
        for (const auto& c : *list) {
            json meetings = json::array();
            if (auto m = app::ListMeetings(app, req.Context(), c.id))
                for (const auto& x : *m)
                    meetings.push_back(
                        {{"id", x.id}, {"title", x.title}, {"held_on", FormatIsoDate(x.held_on)}, {"state", x.state}});
            items.push_back({{"id", c.id},
                             {"name", c.name},
                             {"unit_id", c.unit.value},
                             {"recusal_rule", c.recusal_rule},
                             {"meetings", meetings}});
        }
        return JsonOk({{"items", items}});
    });
    router.Post("/api/v1/councils", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto c = app::CreateCouncil(app, req.Context(), CouncilBody(*body));
        if (!c) return ErrorResponse(c.error());
        auto v = app::GetCouncil(app, req.Context(), c->id);
        if (!v) return ErrorResponse(v.error());
        return JsonOk(CouncilJson(*v), 201);
    });
    router.Get(R"(/api/v1/councils/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto v = app::GetCouncil(app, req.Context(), PathId(req));
        if (!v) return ErrorResponse(v.error());
        return JsonOk(CouncilJson(*v));
    });
    router.Put(R"(/api/v1/councils/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        return Done(app::UpdateCouncil(app, req.Context(), PathId(req), CouncilBody(*body)));
    });
    router.Post(R"(/api/v1/councils/(\d{1,17})/members)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto id = app::AddCouncilMember(app, req.Context(), PathId(req), MemberBody(*body));
        if (!id) return ErrorResponse(id.error());
        return JsonOk({{"id", *id}}, 201);
    });
    router.Put(R"(/api/v1/councils/(\d{1,18})/members/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        return Done(
            app::UpdateCouncilMember(app, req.Context(), PathId(req), std::stoll(req.captures[1]), MemberBody(*body)));
    });
    router.Delete(R"(/api/v1/councils/(\d{1,18})/members/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        return Done(app::RemoveCouncilMember(app, req.Context(), PathId(req), std::stoll(req.captures[1])));
    });
    router.Post(R"(/api/v1/councils/(\d{1,17})/meetings)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::MeetingInput in;
        if (auto bad = ReadText(*body, {{"title", &in.title}, {"held_on", &in.held_on}, {"place", &in.place}}))
            return ErrorResponse(*bad);
        auto m = app::CreateMeeting(app, req.Context(), PathId(req), in);
        if (!m) return ErrorResponse(m.error());
        return JsonOk({{"id", m->id}, {"title", m->title}, {"state", m->state}}, 201);
    });
    router.Get(R"(/api/v1/meetings/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto v = app::GetMeeting(app, req.Context(), PathId(req));
        if (!v) return ErrorResponse(v.error());
        return JsonOk(MeetingJson(*v));
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/agenda)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto dossier = IdField(*body, "dossier_id");
        if (!dossier) return ErrorResponse(dossier.error());
        auto added = app::AddDossierToMeeting(app, req.Context(), PathId(req), DossierId{dossier->value_or(0)});
        if (!added) return ErrorResponse(added.error());
        return JsonOk({{"added", *added}}, 201);
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/attendance)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto member = IdField(*body, "member_id");
        if (!member) return ErrorResponse(member.error());
        bool present = body->value("present", true);
        return Done(app::SetAttendance(app, req.Context(), PathId(req), member->value_or(0), present));
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/open)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        return Done(app::OpenVoting(app, req.Context(), PathId(req)));
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/close)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        return Done(app::CloseVoting(app, req.Context(), PathId(req)));
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/votes)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto item = IdField(*body, "item_id");
        if (!item) return ErrorResponse(item.error());
        std::string choice;
        if (auto bad = ReadText(*body, {{"choice", &choice}})) return ErrorResponse(*bad);
        return Done(app::CastVote(app, req.Context(), item->value_or(0), choice));
    });
    router.Post(R"(/api/v1/meetings/(\d{1,17})/written)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto item = IdField(*body, "item_id");
        if (!item) return ErrorResponse(item.error());
        auto member = IdField(*body, "member_id");
        if (!member) return ErrorResponse(member.error());
        std::string choice;
        if (auto bad = ReadText(*body, {{"choice", &choice}})) return ErrorResponse(*bad);
        return Done(app::RecordWrittenOpinion(app, req.Context(), item->value_or(0), member->value_or(0), choice));
    });
}

}  // namespace tdkt::web::api
