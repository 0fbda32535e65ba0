// Public consultation pages (docs/workflow.md "Public consultation"), open to anyone without
// signing in: GET /lay-y-kien lists the consultations open today; GET /lay-y-kien/{id} shows one (its
// nominees, its window, the published comments with the board's answers) with the comment form;
// POST /lay-y-kien/{id}/gop-y sends a comment for moderation. The board moderates and answers on the
// dossier page: POST /ho-so/{id}/y-kien/{comment}.
#include <fmt/format.h>

#include "app/consultation.h"
#include "core/text.h"
#include "domain/codes.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

using nlohmann::json;

json ConsultationJson(const app::PublicConsultation& c) {
    json nominees = json::array();
    for (const auto& n : c.nominees)
        nominees.push_back({{"id", n.id},
                            {"name", n.name},
                            {"subject", std::string(domain::SubjectTypes().Label(n.subject_type))},
                            {"award", n.award_name}});
    std::map<std::int64_t, std::string> names;
    for (const auto& n : c.nominees) names[n.id] = n.name;
    json comments = json::array();
    for (const auto& x : c.comments)
        comments.push_back({{"id", x.id},
                            {"author", x.author_name},
                            {"about", x.nominee ? names[*x.nominee] : ""},
                            {"body", x.body},
                            {"at", WhenVi(x.created_at)},
                            {"response", x.response}});
    return {{"id", c.consultation.id},
            {"code", c.dossier_code},
            {"title", c.dossier_title},
            {"unit", c.unit_name},
            {"opened_on", FormatDateVi(c.consultation.opened_on)},
            {"closes_on", FormatDateVi(c.consultation.closes_on)},
            {"working_days", c.consultation.working_days},
            {"open", c.open},
            {"nominees", nominees},
            {"comments", comments}};
}

Response OnePage(app::App& app, Request& req, std::int64_t id, const std::optional<Error>& error = std::nullopt,
                 const json& form = json::object(), bool sent = false) {
    auto c = app::GetConsultation(app, id);
    if (!c) return RenderErrorPage(req, HttpStatus(c.error().code), c.error().message);
    json data = ConsultationJson(*c);
    data["form"] = form;
    data["sent"] = sent;
    if (error) {
        data["error"] = error->message;
        data["problems"] = ProblemList(error->fields);
        data["has_problems"] = error->fields.size() > 1;
    }
    return RenderPage(
        req, error ? HttpStatus(error->code) : 200,
        {"Lấy ý kiến nhân dân – " + c->dossier_title, "",
         json::array({{{"label", "Lấy ý kiến nhân dân"}, {"href", "/lay-y-kien"}}, {{"label", c->dossier_code}}})},
        "consultation", data);
}

}  // namespace

void RegisterConsultationPages(Router& router, app::App& app) {
    router.Get("/lay-y-kien", Kind::kPage, [&app](Request& req) {
        json items = json::array();
        for (const auto& c : app::OpenConsultations(app)) items.push_back(ConsultationJson(c));
        return RenderPage(req, 200, {"Lấy ý kiến nhân dân", "", json::array({{{"label", "Lấy ý kiến nhân dân"}}})},
                          "consultations", {{"items", items}, {"today", FormatDateVi(VietnamDate(app.clock.Now()))}});
    });
    router.Get(R"(/lay-y-kien/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        return OnePage(app, req, std::stoll(req.captures[0]), std::nullopt, json::object(), req.Param("da_gui") == "1");
    });
    router.Post(R"(/lay-y-kien/(\d{1,17})/gop-y)", Kind::kPage, [&app](Request& req) {
        std::int64_t id = std::stoll(req.captures[0]);
        app::CommentInput in{req.Param("name"), req.Param("contact"), req.Param("body"), std::nullopt};
        if (auto n = IdParam(req, "nominee_id")) in.nominee = *n;
        auto sent = app::SubmitComment(app, req.Context(), id, in);
        if (sent) return Response::Redirect(fmt::format("/lay-y-kien/{}?da_gui=1", id));
        return OnePage(app, req, id, sent.error(), TypedFields(req));
    });
    router.Post(R"(/ho-so/(\d{1,18})/y-kien/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        DossierId id{std::stoll(req.captures[0])};
        auto done = app::ModerateComment(app, req.Context(), id, std::stoll(req.captures[1]), req.Param("status"),
                                         req.Param("response"));
        if (!done) return PageError(req, done.error());
        return Response::Redirect(fmt::format("/ho-so/{}#comments", id.value));
    });
}

}  // namespace tdkt::web::pages
