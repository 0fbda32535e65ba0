// Decisions (docs/decisions.md): POST /ho-so/{id}/quyet-dinh records a dossier's decision (the board's
// leader); public pages list the published decisions (GET /quyet-dinh) and show one with its
// recipients (GET /quyet-dinh/{id}), the decision as PDF (/quyet-dinh/{id}.pdf); the certificates
// of a decision as PDF for those who see the dossier (/quyet-dinh/{id}/bang-khen.pdf); and
// GET /xac-minh/{code}, the page a certificate's QR code opens, which says whether it is valid.
#include <fmt/format.h>

#include "app/decisions.h"
#include "app/dossiers.h"
#include "core/text.h"
#include "domain/place_names.h"
#include "domain/role.h"
#include "reports/decision_pdf.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"

namespace tdkt::web::pages {
namespace {

using nlohmann::json;

std::int64_t PathId(const Request& req) { return std::stoll(req.captures[0]); }

// Where the QR codes point: the address this server is reached at.
std::string BaseUrl(const Request& req) {
    std::string proto = req.Header("X-Forwarded-Proto");
    std::string host = req.Header("X-Forwarded-Host");
    if (host.empty()) host = req.Header("Host");
    if (proto != "https") proto = "http";
    return proto + "://" + (host.empty() ? "localhost" : host);
}

json DecisionJson(const app::DecisionView& v) {
    json recipients = json::array();
    std::int64_t total = 0;
    for (const auto& c : v.certificates) {
        total += c.prize_vnd;
        recipients.push_back({{"name", c.recipient_name},
                              {"award", c.award_name},
                              {"prize", text::FormatNumberVi(c.prize_vnd)},
                              {"code", c.code},
                              {"revoked", c.revoked_at.has_value()},
                              {"recovery_due", c.recovery == "due"},
                              {"recovered", c.recovery == "recovered"}});
    }
    const auto& d = v.decision;
    return {{"id", d.id},
            {"decision_id", d.id},
            {"number", d.number_text},
            {"title", d.title},
            {"authority", d.authority_name},
            {"signed_on", FormatDateVi(d.signed_on)},
            {"signer", d.signer_name},
            {"unit", v.unit_name},
            {"dossier_code", v.dossier_code},
            {"published", d.published_at.has_value()},
            {"issued", d.state == "issued"},
            {"recipients", recipients},
            {"count", v.certificates.size()},
            {"total", text::FormatNumberVi(total)}};
}

}  // namespace

void RegisterDecisionPages(Router& router, app::App& app) {
    router.Post(R"(/ho-so/(\d{1,18})/quyet-dinh)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        DossierId id{PathId(req)};
        auto d = app::RecordDecision(app, req.Context(), id,
                                     {req.Param("signed_on"), req.Param("signer_name"), req.Param("signer_title"),
                                      req.Param("title"), req.Param("number_text")});
        if (!d) return PageError(req, d.error());
        return Response::Redirect(fmt::format("/ho-so/{}#decision", id.value));
    });
    router.Post(R"(/quyet-dinh/(\d{1,17})/thu-hoi/([A-Za-z0-9_-]{1,64}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::RevokeCertificate(
            app, req.Context(), req.captures[1],
            {req.Param("reason"), req.Param("legal_ground"), req.Param("decision"), req.Param("recover_prize") == "1"});
        if (!done) return PageError(req, done.error());
        return Response::Redirect(fmt::format("/quyet-dinh/{}", PathId(req)));
    });
    router.Post(R"(/quyet-dinh/(\d{1,17})/da-thu-tien/([A-Za-z0-9_-]{1,64}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto done = app::MarkPrizeRecovered(app, req.Context(), req.captures[1]);
        if (!done) return PageError(req, done.error());
        return Response::Redirect(fmt::format("/quyet-dinh/{}", PathId(req)));
    });
    router.Get("/quyet-dinh", Kind::kPage, [&app](Request& req) {
        json items = json::array();
        for (const auto& d : app::PublishedDecisions(app))
            items.push_back({{"id", d.id},
                             {"number", d.number_text},
                             {"title", d.title},
                             {"signed_on", FormatDateVi(d.signed_on)},
                             {"authority", d.authority_name}});
        return RenderPage(
            req, 200, {"Quyết định khen thưởng đã công bố", "", json::array({{{"label", "Quyết định khen thưởng"}}})},
            "decisions", {{"items", items}});
    });
    router.Get(R"(/quyet-dinh/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        auto v = app::GetDecision(app, req.Context(), PathId(req));
        if (!v) return RenderErrorPage(req, HttpStatus(v.error().code), v.error().message);
        return RenderPage(req, 200,
                          {"Quyết định " + v->decision.number_text, "",
                           json::array({{{"label", "Quyết định khen thưởng"}, {"href", "/quyet-dinh"}},
                                        {{"label", v->decision.number_text}}})},
                          "decision", [&] {
                              auto data = DecisionJson(*v);
                              // The revocation forms: for the board's leaders (the use case checks the unit).
                              bool leader =
                                  req.session &&
                                  std::any_of(req.session->actor.grants.begin(), req.session->actor.grants.end(),
                                              [](const auto& g) { return g.role == domain::Role::kBoardLeader; });
                              data["can_revoke"] = leader && v->decision.state == "issued";
                              return data;
                          }());
    });
    router.Get(R"(/quyet-dinh/(\d{1,17})\.pdf)", Kind::kPage, [&app](Request& req) {
        auto v = app::GetDecision(app, req.Context(), PathId(req));
        if (!v) return RenderErrorPage(req, HttpStatus(v.error().code), v.error().message);
        Response res{200, "application/pdf", reports::DecisionPdf(*v, domain::PlaceName(v->board_name)), {}};
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("inline; filename=\"quyet-dinh-{}.pdf\"", v->decision.id));
        return res;
    });
    router.Get(R"(/quyet-dinh/(\d{1,17})/bang-khen\.pdf)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto v = app::GetDecision(app, req.Context(), PathId(req));
        if (!v) return RenderErrorPage(req, HttpStatus(v.error().code), v.error().message);
        // The certificates go to those who see the dossier, published or not.
        auto dossier = app::GetDossier(app, req.Context(), v->decision.dossier);
        if (!dossier) return PageError(req, dossier.error());
        if (v->decision.state != "issued")
            return RenderErrorPage(req, 409, "Bằng khen được in sau khi quyết định ban hành.");
        Response res{
            200, "application/pdf", reports::CertificatesPdf(*v, domain::PlaceName(v->board_name), BaseUrl(req)), {}};
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("inline; filename=\"bang-khen-quyet-dinh-{}.pdf\"", v->decision.id));
        return res;
    });
    router.Get(R"(/xac-minh/([A-Za-z0-9_-]{1,64}))", Kind::kPage, [&app](Request& req) {
        auto found = app::VerifyCertificate(app, req.captures[0]);
        json data{{"code", req.captures[0]}, {"found", found.has_value()}};
        if (found) {
            const auto& c = found->certificate;
            const auto& d = found->decision;
            data["valid"] = !c.revoked_at;
            data["revoked"] = c.revoked_at.has_value();
            data["name"] = c.recipient_name;
            data["award"] = c.award_name;
            data["number"] = d.number_text;
            data["signed_on"] = FormatDateVi(d.signed_on);
            data["authority"] = d.authority_name;
            data["decision_id"] = d.id;
            data["published"] = d.published_at.has_value();
            data["revoke_reason"] = c.revoke_reason;
            data["revoke_ground"] = c.revoke_ground;
            data["revoke_decision"] = c.revoke_decision;
        }
        return RenderPage(req, found ? 200 : 404, {"Xác minh khen thưởng", "", json::array({{{"label", "Xác minh"}}})},
                          "verify", data);
    });
}

}  // namespace tdkt::web::pages
