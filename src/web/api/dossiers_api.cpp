// Nomination dossiers (docs/workflow.md): GET/POST /api/v1/dossiers, GET /api/v1/dossiers/{id},
// POST /api/v1/dossiers/{id}/nominees, DELETE /api/v1/dossiers/{id}/nominees/{nominee},
// POST /api/v1/dossiers/{id}/nominees/{nominee}/override, POST /api/v1/dossiers/{id}/transitions,
// POST /api/v1/dossiers/{id}/documents (multipart), POST /api/v1/dossiers/{id}/documents/generate,
// GET and DELETE /api/v1/dossiers/{id}/documents/{document}; GET /api/v1/notifications,
// POST /api/v1/notifications/read; public consultation: GET /api/v1/consultations[/{id}],
// POST /api/v1/consultations/{id}/comments (no sign-in), GET /api/v1/dossiers/{id}/comments and
// POST /api/v1/dossiers/{id}/comments/{comment} (the board); decisions: POST
// /api/v1/dossiers/{id}/decision, GET /api/v1/decisions[/{id}], GET /api/v1/verify/{code} (public).
#include <fmt/format.h>

#include "app/catalog.h"
#include "app/consultation.h"
#include "app/decisions.h"
#include "app/dossiers.h"
#include "app/eligibility.h"
#include "app/notifications.h"
#include "core/text.h"
#include "domain/codes.h"
#include "reports/dossier_papers.h"
#include "web/json_io.h"
#include "web/routes.h"
#include "web/url.h"

namespace tdkt::web::api {
namespace {

using nlohmann::json;

// {reason, legal_ground, decision, recover_prize (boolean, true when absent)}.
Result<app::RevocationInput> RevocationFrom(const Request& req) {
    auto body = ParseJsonObject(req);
    if (!body) return tl::unexpected(body.error());
    app::RevocationInput in;
    if (auto bad =
            ReadText(*body, {{"reason", &in.reason}, {"legal_ground", &in.legal_ground}, {"decision", &in.decision}}))
        return tl::unexpected(*bad);
    if (auto recover = body->find("recover_prize"); recover != body->end() && !recover->is_null()) {
        if (!recover->is_boolean())
            return Fail(ErrorCode::kValidation, "invalid_recover_prize",
                        "Trường «recover_prize» phải là true hoặc false.");
        in.recover_prize = recover->get<bool>();
    }
    return in;
}

json DossierJson(const app::App& app, const app::DossierRecord& d) {
    const auto* state = app::CatalogOf(app).workflow.State(d.state);
    return {{"id", d.id.value},
            {"code", d.code},
            {"title", d.title},
            {"kind", d.kind},
            {"procedure", d.procedure_kind},
            {"year", d.year},
            {"unit", {{"id", d.unit.value}, {"name", d.unit_name}}},
            {"board_unit_id", d.board_unit.value},
            {"state", d.state},
            {"state_name", state ? state->name : d.state},
            {"state_since", d.state_since},
            {"due_date", DateJson(d.due_date)},
            {"created_by", d.created_by},
            {"created_at", d.created_at},
            {"version", d.version}};
}

json NomineeJson(const app::NomineeRecord& n) {
    return {{"id", n.id},
            {"position", n.position},
            {"subject_type", n.subject_type},
            {"person_id", n.person ? json(n.person->value) : json(nullptr)},
            {"unit_id", n.unit ? json(n.unit->value) : json(nullptr)},
            {"household_name", n.household_name},
            {"name", n.subject_name},
            {"award", n.award_code},
            {"override_reason", n.override_reason},
            {"outcome", n.outcome}};
}

DossierId PathDossier(const Request& req) { return DossierId{std::stoll(req.captures[0])}; }

json DecisionRecordJson(const app::DecisionRecord& d) {
    return {{"id", d.id},
            {"dossier_id", d.dossier.value},
            {"number", d.number_text},
            {"authority", d.authority_name},
            {"signed_on", FormatIsoDate(d.signed_on)},
            {"signer_name", d.signer_name},
            {"signer_title", d.signer_title},
            {"title", d.title},
            {"central", d.central},
            {"state", d.state},
            {"published_at", d.published_at ? json(*d.published_at) : json(nullptr)}};
}

json PublicConsultationJson(const app::PublicConsultation& c) {
    json nominees = json::array();
    for (const auto& n : c.nominees)
        nominees.push_back({{"id", n.id}, {"name", n.name}, {"subject_type", n.subject_type}, {"award", n.award_name}});
    json comments = json::array();
    for (const auto& x : c.comments)
        comments.push_back({{"id", x.id},
                            {"author_name", x.author_name},
                            {"nominee_id", x.nominee ? json(*x.nominee) : json(nullptr)},
                            {"body", x.body},
                            {"created_at", x.created_at},
                            {"response", x.response}});
    return {{"id", c.consultation.id},
            {"dossier_code", c.dossier_code},
            {"title", c.dossier_title},
            {"unit", c.unit_name},
            {"opened_on", FormatIsoDate(c.consultation.opened_on)},
            {"closes_on", FormatIsoDate(c.consultation.closes_on)},
            {"working_days", c.consultation.working_days},
            {"open", c.open},
            {"nominees", nominees},
            {"comments", comments}};
}

json DocumentJson(const app::DocumentRecord& d, const std::string& type_name) {
    return {{"id", d.id},
            {"doc_type", d.doc_type},
            {"doc_type_name", type_name},
            {"nominee_id", d.nominee ? json(*d.nominee) : json(nullptr)},
            {"file_name", d.file_name},
            {"media_type", d.media_type},
            {"size", d.size},
            {"sha256", d.sha256},
            {"generated", d.generated},
            {"uploaded_by", d.uploaded_by},
            {"uploaded_at", d.uploaded_at},
            {"url", fmt::format("/api/v1/dossiers/{}/documents/{}", d.dossier.value, d.id)}};
}

std::string DocTypeName(const app::App& app, const std::string& code) {
    const auto& catalog = app::CatalogOf(app);
    for (const auto& rules : catalog.rule_sets)
        if (const auto* kind = rules.Document(code)) return kind->name;
    return code;
}

// The dossier as the dossier page and the API show it: nominees with verdicts, documents, what is
// still required, the timeline and the actions the reader may take now.
json DossierViewJson(const app::App& app, const app::DossierView& view) {
    auto out = DossierJson(app, view.dossier);
    out["holder"] = view.holder;
    out["can_edit"] = view.can_edit;
    out["can_override"] = view.can_override;
    out["nominees"] = json::array();
    for (const auto& n : view.nominees) {
        auto row = NomineeJson(n.record);
        row["award_name"] = n.award_name;
        row["eligibility"] = app::VerdictFields(n.verdict);
        out["nominees"].push_back(std::move(row));
    }
    out["documents"] = json::array();
    for (const auto& d : view.documents) out["documents"].push_back(DocumentJson(d, DocTypeName(app, d.doc_type)));
    out["required_documents"] = json::array();
    for (const auto& r : view.required)
        out["required_documents"].push_back({{"doc_type", r.doc_type},
                                             {"name", r.name},
                                             {"nominee_id", r.nominee ? json(*r.nominee) : json(nullptr)},
                                             {"nominee_name", r.nominee_name},
                                             {"present", r.present},
                                             {"can_generate", r.can_generate}});
    out["consultation"] = nullptr;
    if (view.consultation)
        out["consultation"] = {{"opened_on", FormatIsoDate(view.consultation->opened_on)},
                               {"closes_on", FormatIsoDate(view.consultation->closes_on)},
                               {"working_days", view.consultation->working_days}};
    out["actions"] = json::array();
    for (const auto& a : view.actions)
        out["actions"].push_back({{"action", a.action},
                                  {"name", a.name},
                                  {"reason_required", a.reason_required},
                                  {"ready", a.ready},
                                  {"blocked", a.blocked}});
    out["events"] = json::array();
    const auto& workflow = app::CatalogOf(app).workflow;
    for (const auto& e : view.events) {
        const auto* t = workflow.Action(e.action);
        out["events"].push_back({{"action", e.action},
                                 {"action_name", t                      ? t->name
                                                 : e.action == "create" ? "Lập hồ sơ"
                                                                        : e.action},
                                 {"from", e.from_state},
                                 {"to", e.to_state},
                                 {"by", e.actor_login},
                                 {"at", e.at},
                                 {"reason", e.reason}});
    }
    return out;
}

// "attachment; filename="bao-cao.pdf"; filename*=UTF-8''b%C3%A1o..." (RFC 6266): an ASCII fallback
// (folded, unsafe characters replaced) and the real name.
std::string Disposition(const std::string& name) {
    std::string ascii = text::Fold(name);
    for (auto& c : ascii)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e || c == '"' || c == '\\' ||
            c == ';')
            c = '_';
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, PercentEncode(name));
}

}  // namespace

void RegisterDossiers(Router& router, app::App& app) {
    router.Get("/api/v1/dossiers", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        app::DossierFilter f;
        f.state = req.Param("state");
        f.kind = req.Param("kind");
        if (std::string year = req.Param("year"); !year.empty()) {
            if (year.size() != 4 || !std::all_of(year.begin(), year.end(), ::isdigit))
                return ErrorResponse(
                    Error{ErrorCode::kInvalidInput, "bad_year", "Tham số year phải là năm, ví dụ 2025.", "", {}});
            f.year = std::stoi(year);
        }
        if (std::string due = req.Param("due_before"); !due.empty()) {
            f.due_before = ParseIsoDate(due);
            if (!f.due_before)
                return ErrorResponse(
                    Error{ErrorCode::kInvalidInput,
                          "bad_due_before",
                          fmt::format("Tham số due_before: «{}» không phải ngày dạng YYYY-MM-DD.", due),
                          "",
                          {}});
        }
        int page_size = std::clamp(std::atoi(req.Param("page_size").c_str()), 0, 200);
        int page = std::max(1, std::atoi(req.Param("page").c_str()));
        f.limit = page_size > 0 ? page_size : 50;
        f.offset = (page - 1) * f.limit;
        auto list = app::ListDossiers(app, req.Context(), f);
        if (!list) return ErrorResponse(list.error());
        json items = json::array();
        for (const auto& d : list->items) items.push_back(DossierJson(app, d));
        return JsonOk({{"items", items}, {"total", list->total}, {"page", page}, {"page_size", f.limit}});
    });
    router.Post("/api/v1/dossiers", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::DossierInput in;
        if (auto bad = ReadText(
                *body,
                {{"title", &in.title}, {"kind", &in.kind}, {"procedure", &in.procedure_kind}, {"year", &in.year}}))
            return ErrorResponse(*bad);
        auto unit = IdField(*body, "unit_id");
        if (!unit) return ErrorResponse(unit.error());
        if (*unit) in.unit = UnitId{**unit};
        auto d = app::CreateDossier(app, req.Context(), in);
        if (!d) return ErrorResponse(d.error());
        return JsonOk(DossierJson(app, *d), 201);
    });
    router.Get(R"(/api/v1/dossiers/(\d{1,18}))", Kind::kApi, [&app](Request& req) {
        auto view = app::GetDossier(app, req.Context(), PathDossier(req));
        if (!view) return ErrorResponse(view.error());
        return JsonOk(DossierViewJson(app, *view));
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/nominees)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::NomineeInput in;
        if (auto bad = ReadText(*body, {{"subject_type", &in.subject_type},
                                        {"household_name", &in.household_name},
                                        {"award", &in.award_code}}))
            return ErrorResponse(*bad);
        auto person = IdField(*body, "person_id");
        if (!person) return ErrorResponse(person.error());
        if (*person) in.person = PersonId{**person};
        auto unit = IdField(*body, "unit_id");
        if (!unit) return ErrorResponse(unit.error());
        if (*unit) in.unit = UnitId{**unit};
        auto n = app::AddNominee(app, req.Context(), PathDossier(req), in);
        if (!n) return ErrorResponse(n.error());
        return JsonOk(NomineeJson(*n), 201);
    });
    router.Delete(R"(/api/v1/dossiers/(\d{1,18})/nominees/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto done = app::RemoveNominee(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]));
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/nominees/(\d{1,17})/override)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        std::string reason;
        if (auto bad = ReadText(*body, {{"reason", &reason}})) return ErrorResponse(*bad);
        auto done = app::OverrideNominee(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]), reason);
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/transitions)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::TransitionInput in;
        if (auto bad = ReadText(*body, {{"action", &in.action}, {"reason", &in.reason}})) return ErrorResponse(*bad);
        if (body->contains("version")) {
            const auto& v = (*body)["version"];
            if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > 1'000'000'000)
                return ErrorResponse(Error{ErrorCode::kInvalidInput,
                                           "bad_version",
                                           "Trường version phải là số phiên bản của hồ sơ (số nguyên dương).",
                                           "",
                                           {}});
            in.version = v.get<int>();
        }
        auto moved = app::MoveDossier(app, req.Context(), PathDossier(req), in);
        if (!moved) return ErrorResponse(moved.error());
        return JsonOk(DossierJson(app, *moved));
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/documents)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        const UploadedFile* file = nullptr;
        for (const auto& f : req.files)
            if (f.field == "file") file = &f;
        if (!file)
            return ErrorResponse(Error{ErrorCode::kInvalidInput,
                                       "file_missing",
                                       "Vui lòng gửi tệp trong trường «file» (multipart/form-data).",
                                       "",
                                       {}});
        app::DocumentInput in;
        in.doc_type = req.Param("doc_type");
        if (std::string nominee = req.Param("nominee_id"); !nominee.empty()) {
            if (nominee.size() > 17 || !std::all_of(nominee.begin(), nominee.end(), ::isdigit))
                return ErrorResponse(Error{ErrorCode::kInvalidInput,
                                           "bad_nominee_id",
                                           "Trường nominee_id phải là số của người được đề nghị.",
                                           "",
                                           {}});
            in.nominee = std::stoll(nominee);
        }
        in.file_name = file->filename;
        in.bytes = file->content;
        auto doc = app::AttachDocument(app, req.Context(), PathDossier(req), in);
        if (!doc) return ErrorResponse(doc.error());
        return JsonOk(DocumentJson(*doc, DocTypeName(app, doc->doc_type)), 201);
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/documents/generate)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        std::string doc_type;
        if (auto bad = ReadText(*body, {{"doc_type", &doc_type}})) return ErrorResponse(*bad);
        auto doc = reports::GenerateDossierPaper(app, req.Context(), PathDossier(req), doc_type);
        if (!doc) return ErrorResponse(doc.error());
        return JsonOk(DocumentJson(*doc, DocTypeName(app, doc->doc_type)), 201);
    });
    router.Get(R"(/api/v1/dossiers/(\d{1,18})/documents/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto content = app::ReadDocument(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]));
        if (!content) return ErrorResponse(content.error());
        Response res{200, content->document.media_type, std::move(content->bytes), {}};
        res.headers.emplace_back("Content-Disposition", Disposition(content->document.file_name));
        res.headers.emplace_back("X-Content-Type-Options", "nosniff");
        return res;
    });
    router.Delete(R"(/api/v1/dossiers/(\d{1,18})/documents/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto done = app::RemoveDocument(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]));
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Get("/api/v1/consultations", Kind::kApi, [&app](Request&) {
        json items = json::array();
        for (const auto& c : app::OpenConsultations(app)) items.push_back(PublicConsultationJson(c));
        return JsonOk({{"items", items}});
    });
    router.Get(R"(/api/v1/consultations/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto c = app::GetConsultation(app, std::stoll(req.captures[0]));
        if (!c) return ErrorResponse(c.error());
        return JsonOk(PublicConsultationJson(*c));
    });
    router.Post(R"(/api/v1/consultations/(\d{1,17})/comments)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::CommentInput in;
        if (auto bad = ReadText(*body, {{"name", &in.name}, {"contact", &in.contact}, {"body", &in.body}}))
            return ErrorResponse(*bad);
        auto nominee = IdField(*body, "nominee_id");
        if (!nominee) return ErrorResponse(nominee.error());
        in.nominee = *nominee;
        auto sent = app::SubmitComment(app, req.Context(), std::stoll(req.captures[0]), in);
        if (!sent) return ErrorResponse(sent.error());
        return JsonOk({{"id", sent->id}, {"status", sent->status}}, 201);
    });
    router.Get(R"(/api/v1/dossiers/(\d{1,18})/comments)", Kind::kApi, [&app](Request& req) {
        auto list = app::DossierComments(app, req.Context(), PathDossier(req));
        if (!list) return ErrorResponse(list.error());
        json items = json::array();
        for (const auto& x : *list)
            items.push_back({{"id", x.id},
                             {"author_name", x.author_name},
                             {"author_contact", x.author_contact},
                             {"nominee_id", x.nominee ? json(*x.nominee) : json(nullptr)},
                             {"body", x.body},
                             {"created_at", x.created_at},
                             {"status", x.status},
                             {"response", x.response}});
        return JsonOk({{"items", items}});
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/comments/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        std::string status, response;
        if (auto bad = ReadText(*body, {{"status", &status}, {"response", &response}})) return ErrorResponse(*bad);
        auto done =
            app::ModerateComment(app, req.Context(), PathDossier(req), std::stoll(req.captures[1]), status, response);
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/dossiers/(\d{1,18})/decision)", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        app::DecisionInput in;
        if (auto bad = ReadText(*body, {{"signed_on", &in.signed_on},
                                        {"signer_name", &in.signer_name},
                                        {"signer_title", &in.signer_title},
                                        {"title", &in.title},
                                        {"number", &in.number_text}}))
            return ErrorResponse(*bad);
        auto d = app::RecordDecision(app, req.Context(), PathDossier(req), in);
        if (!d) return ErrorResponse(d.error());
        return JsonOk(DecisionRecordJson(*d), 201);
    });
    router.Get("/api/v1/decisions", Kind::kApi, [&app](Request&) {
        json items = json::array();
        for (const auto& d : app::PublishedDecisions(app)) items.push_back(DecisionRecordJson(d));
        return JsonOk({{"items", items}});
    });
    router.Get(R"(/api/v1/decisions/(\d{1,17}))", Kind::kApi, [&app](Request& req) {
        auto v = app::GetDecision(app, req.Context(), std::stoll(req.captures[0]));
        if (!v) return ErrorResponse(v.error());
        auto out = DecisionRecordJson(v->decision);
        out["recipients"] = json::array();
        for (const auto& c : v->certificates)
            out["recipients"].push_back({{"name", c.recipient_name},
                                         {"award", c.award_code},
                                         {"award_name", c.award_name},
                                         {"prize_vnd", c.prize_vnd},
                                         {"certificate", c.code},
                                         {"revoked", c.revoked_at.has_value()},
                                         {"recovery", c.recovery}});
        return JsonOk(out);
    });
    router.Get(R"(/api/v1/verify/([A-Za-z0-9_-]{1,64}))", Kind::kApi, [&app](Request& req) {
        auto found = app::VerifyCertificate(app, req.captures[0]);
        if (!found) return JsonOk({{"valid", false}, {"status", "invalid"}}, 404);
        const auto& c = found->certificate;
        return JsonOk({{"valid", !c.revoked_at},
                       {"status", c.revoked_at ? "revoked" : "valid"},
                       {"revoke_reason", c.revoke_reason},
                       {"revoke_ground", c.revoke_ground},
                       {"name", c.recipient_name},
                       {"award", c.award_code},
                       {"award_name", c.award_name},
                       {"decision", found->decision.number_text},
                       {"signed_on", FormatIsoDate(found->decision.signed_on)}});
    });
    // Revocation (Luật Điều 93) through the certificate's code, or of any award by its id (one
    // entered by hand or imported has no certificate).
    router.Post(R"(/api/v1/certificates/([A-Za-z0-9_-]{1,64})/revoke)", Kind::kApi, [&app](Request& req) {
        auto in = RevocationFrom(req);
        if (!in) return ErrorResponse(in.error());
        auto done = app::RevokeCertificate(app, req.Context(), req.captures[0], *in);
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/certificates/([A-Za-z0-9_-]{1,64})/recovered)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto done = app::MarkPrizeRecovered(app, req.Context(), req.captures[0]);
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/awards/(\d{1,18})/revoke)", Kind::kApi, [&app](Request& req) {
        auto in = RevocationFrom(req);
        if (!in) return ErrorResponse(in.error());
        auto done = app::RevokeAward(app, req.Context(), AwardId{std::stoll(req.captures[0])}, *in);
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Post(R"(/api/v1/awards/(\d{1,18})/recovered)", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto done = app::MarkAwardPrizeRecovered(app, req.Context(), AwardId{std::stoll(req.captures[0])});
        return done ? Response::NoContent() : ErrorResponse(done.error());
    });
    router.Get("/api/v1/notifications", Kind::kApi, [&app](Request& req) {
        if (auto denied = RequireSession(req)) return *denied;
        auto list = app::ListNotifications(app, req.Context(), req.Param("unread") == "1", 100);
        if (!list) return ErrorResponse(list.error());
        json items = json::array();
        for (const auto& n : list->items)
            items.push_back({{"id", n.id},
                             {"dossier_id", n.dossier ? json(n.dossier->value) : json(nullptr)},
                             {"message", n.message},
                             {"link", n.link},
                             {"created_at", n.created_at},
                             {"read_at", n.read_at ? json(*n.read_at) : json(nullptr)}});
        return JsonOk({{"items", items}, {"unread", list->unread}});
    });
    router.Post("/api/v1/notifications/read", Kind::kApi, [&app](Request& req) {
        auto body = ParseJsonObject(req);
        if (!body) return ErrorResponse(body.error());
        auto id = IdField(*body, "id");
        if (!id) return ErrorResponse(id.error());
        auto changed = app::MarkNotificationsRead(app, req.Context(), id->value_or(0));
        if (!changed) return ErrorResponse(changed.error());
        return JsonOk({{"marked", *changed}});
    });
}

}  // namespace tdkt::web::api
