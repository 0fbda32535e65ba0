// Nomination dossiers for people (docs/workflow.md): GET /ho-so lists the dossiers the user sees
// with filters (state, kind, unit, year, overdue) and a form to start one; GET /ho-so/{id} is the
// dossier page: its nominees with their verdicts, the documents required and attached, the actions
// the user may take now (with what still blocks them), the consultation window and the timeline.
// Forms post to /ho-so/{id}/… and come back to the page; GET /thong-bao lists notifications.
#include <algorithm>

#include <fmt/format.h>

#include "app/catalog.h"
#include "app/consultation.h"
#include "app/dossiers.h"
#include "app/files.h"
#include "app/notifications.h"
#include "app/people.h"
#include "core/text.h"
#include "domain/codes.h"
#include "reports/dossier_papers.h"
#include "web/error_mapper.h"
#include "web/page_util.h"
#include "web/render.h"
#include "web/routes.h"
#include "web/url.h"

namespace tdkt::web::pages {
namespace {

using nlohmann::json;

std::string StateClass(const std::string& holder, bool final) {
    if (final) return "secondary";
    if (holder == "unit") return "warning";
    if (holder == "council") return "info";
    if (holder == "central") return "dark";
    return "primary";
}

json DossierRow(app::App& app, const app::DossierRecord& d, const Date& today) {
    const auto* state = app::CatalogOf(app).workflow.State(d.state);
    bool overdue = d.due_date && *d.due_date < today && state && !state->final;
    return {{"id", d.id.value},
            {"code", d.code},
            {"title", d.title},
            {"unit", d.unit_name},
            {"kind", std::string(domain::AwardKinds().Label(d.kind))},
            {"simplified", d.procedure_kind == "simplified"},
            {"year", d.year},
            {"state", d.state},
            {"state_name", state ? state->name : d.state},
            {"state_class", state ? StateClass(state->holder, state->final) : "secondary"},
            {"due", d.due_date ? FormatDateVi(*d.due_date) : ""},
            {"overdue", overdue}};
}

json StateOptions(app::App& app, const std::string& selected) {
    json out = json::array();
    for (const auto& s : app::CatalogOf(app).workflow.states)
        out.push_back({{"code", s.code}, {"label", s.name}, {"selected", s.code == selected}});
    return out;
}

// The units where the user may start a dossier: those they prepare dossiers for.
json PreparingUnits(app::App& app, const Request& req) {
    json out = json::array();
    if (auto units = app::ProposingUnits(app, req.Context()))
        for (const auto& u : *units) out.push_back({{"id", std::to_string(u.id.value)}, {"name", u.name}});
    return out;
}

Response ListPage(app::App& app, Request& req, const std::optional<Error>& error = std::nullopt,
                  const json& form = json::object()) {
    Date today = VietnamDate(app.clock.Now());
    app::DossierFilter f;
    f.state = req.Param("trang_thai");
    f.kind = req.Param("loai");
    if (auto unit = IdParam(req, "don_vi")) f.unit = UnitId{*unit};
    std::string year = text::CleanLine(req.Param("nam"));
    if (year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit)) f.year = std::stoi(year);
    bool overdue = req.Param("qua_han") == "1";
    if (overdue) f.due_before = AddDays(today, -1);
    // Due on or before a date (han_den=dd/mm/yyyy): what falls due by the end of the week, the month…
    std::string due_text = text::CleanLine(req.Param("han_den")), filter_error;
    if (!due_text.empty()) {
        if (auto due = ParseDateVi(due_text))
            f.due_before = f.due_before && *f.due_before < *due ? *f.due_before : *due;
        else
            filter_error =
                fmt::format("Hạn xử lý «{}» không phải ngày hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ {}.", due_text,
                            FormatDateVi(today));
    }
    int page = std::max(1, std::atoi(req.Param("trang").c_str()));
    f.limit = 50;
    f.offset = (page - 1) * f.limit;
    auto list = app::ListDossiers(app, req.Context(), f);
    if (!list) return PageError(req, list.error());
    json rows = json::array();
    for (const auto& d : list->items) rows.push_back(DossierRow(app, d, today));
    std::multimap<std::string, std::string> query;
    for (const char* k : {"trang_thai", "loai", "don_vi", "nam", "qua_han", "han_den"})
        if (!req.Param(k).empty()) query.emplace(k, req.Param(k));
    auto page_link = [&](int p) {
        auto q = query;
        q.emplace("trang", std::to_string(p));
        return "/ho-so?" + EncodeQuery(q);
    };
    std::int64_t pages = (list->total + f.limit - 1) / f.limit;
    json data{{"rows", rows},
              {"total", text::FormatNumberVi(list->total)},
              {"states", StateOptions(app, f.state)},
              {"kinds", VocabularyOptions(domain::AwardKinds(), f.kind)},
              {"units", UnitOptions(app, req, f.unit ? std::optional(f.unit->value) : std::nullopt)},
              {"year", year},
              {"overdue", overdue},
              {"due_until", due_text},
              {"filter_error", filter_error},
              {"prepare_units", PreparingUnits(app, req)},
              {"procedures", VocabularyOptions(domain::ProcedureKinds(), form.value("procedure", "full"))},
              {"new_kinds", VocabularyOptions(domain::AwardKinds(), form.value("kind", "merit"))},
              {"form", form},
              {"this_year", VietnamDate(app.clock.Now()).year - 1},
              {"prev", page > 1 ? json(page_link(page - 1)) : json(false)},
              {"next", page < pages ? json(page_link(page + 1)) : json(false)},
              {"page", page},
              {"pages", std::max<std::int64_t>(pages, 1)}};
    data["has_prepare_units"] = !data["prepare_units"].empty();
    if (error) {
        data["error"] = error->message;
        data["problems"] = ProblemList(error->fields);
        data["has_problems"] = error->fields.size() > 1;
        data["open_new"] = true;
    }
    return RenderPage(req,
                      error                  ? HttpStatus(error->code)
                      : filter_error.empty() ? 200
                                             : 422,
                      {"Hồ sơ đề nghị khen thưởng", "/ho-so", json::array({{{"label", "Hồ sơ đề nghị"}}})}, "dossiers",
                      data);
}

json VerdictRow(const app::NomineeView& n) {
    auto v = VerdictJson(n.verdict, n.record.award_code, n.award_name);
    v["id"] = n.record.id;
    v["position"] = n.record.position;
    v["name"] = n.record.subject_name;
    v["subject"] = std::string(domain::SubjectTypes().Label(n.record.subject_type));
    v["person_id"] = n.record.person ? json(n.record.person->value) : json(false);
    v["override_reason"] = n.record.override_reason;
    v["override_by"] = n.record.override_by;
    v["not_eligible"] = n.verdict.verdict == domain::VerdictKind::kNotEligible;
    v["outcome"] = n.record.outcome == "approved"   ? "Hội đồng thống nhất"
                   : n.record.outcome == "rejected" ? "Hội đồng không thống nhất"
                                                    : "";
    return v;
}

// The awards a nominee of this dossier may be proposed for: the rule set in force today, the
// dossier's kind (and procedure).
json AwardOptions(app::App& app, const app::DossierRecord& d, const Date& today) {
    json out = json::array();
    const auto* rules = app::CatalogOf(app).InForce(today);
    if (!rules) return out;
    for (const auto& a : rules->awards) {
        if (!a.AllowsKind(d.kind)) continue;
        if (d.procedure_kind == "simplified" &&
            std::find(a.simplified_kinds.begin(), a.simplified_kinds.end(), d.kind) == a.simplified_kinds.end())
            continue;
        std::string subjects;
        for (const auto& s : a.subject_types)
            subjects += (subjects.empty() ? "" : ", ") + std::string(domain::SubjectTypes().Label(s));
        out.push_back({{"code", a.code}, {"label", a.name + " (" + subjects + ")"}});
    }
    return out;
}

Response DossierPage(app::App& app, Request& req, DossierId id, const std::optional<Error>& error = std::nullopt,
                     const std::string& open = "") {
    auto view = app::GetDossier(app, req.Context(), id);
    if (!view) return PageError(req, view.error());
    Date today = VietnamDate(app.clock.Now());
    const auto& catalog = app::CatalogOf(app);
    const auto& d = view->dossier;
    json data = DossierRow(app, d, today);
    data["version"] = d.version;
    data["procedure"] = std::string(domain::ProcedureKinds().Label(d.procedure_kind));
    data["created_by"] = d.created_by;
    data["holder"] = view->holder == "unit"      ? "Đơn vị đề nghị"
                     : view->holder == "board"   ? "Ban Thi đua – Khen thưởng"
                     : view->holder == "council" ? "Hội đồng Thi đua – Khen thưởng"
                     : view->holder == "central" ? "Cơ quan Trung ương"
                                                 : "";
    data["can_edit"] = view->can_edit;
    data["can_override"] = view->can_override;
    json nominees = json::array();
    for (const auto& n : view->nominees) {
        auto row = VerdictRow(n);
        row["can_edit"] = view->can_edit;
        row["dossier_id"] = d.id.value;
        row["can_override"] = view->can_override && (n.verdict.verdict == domain::VerdictKind::kNotEligible ||
                                                     !n.record.override_reason.empty());
        nominees.push_back(row);
    }
    data["nominees"] = nominees;
    data["nominee_count"] = view->nominees.size();
    // Documents: what is required (with its state) and what is attached.
    json required = json::array();
    int missing = 0;
    for (const auto& r : view->required) {
        missing += !r.present;
        required.push_back({{"name", r.name},
                            {"nominee", r.nominee_name},
                            {"present", r.present},
                            {"doc_type", r.doc_type},
                            {"can_generate", r.can_generate && view->can_edit}});
    }
    data["required"] = required;
    data["missing_count"] = missing > 0 ? json(missing) : json(false);
    json documents = json::array();
    std::map<std::int64_t, std::string> nominee_names;
    for (const auto& n : view->nominees) nominee_names[n.record.id] = n.record.subject_name;
    const auto* rules = catalog.InForce(today);
    for (const auto& doc : view->documents) {
        const auto* kind = rules ? rules->Document(doc.doc_type) : nullptr;
        const auto* type = app::Accepted(doc.media_type);
        documents.push_back({{"id", doc.id},
                             {"type", kind ? kind->name : doc.doc_type},
                             {"nominee", doc.nominee ? nominee_names[*doc.nominee] : ""},
                             {"file_name", doc.file_name},
                             {"media", type ? type->label : doc.media_type},
                             {"size", text::FormatNumberVi((doc.size + 1023) / 1024) + " KB"},
                             {"generated", doc.generated},
                             {"by", doc.uploaded_by},
                             {"at", doc.uploaded_at.substr(0, 10)},
                             {"href", fmt::format("/ho-so/{}/giay-to/{}", d.id.value, doc.id)}});
    }
    data["documents"] = documents;
    bool may_attach = view->can_edit || std::any_of(view->actions.begin(), view->actions.end(), [](const auto& a) {
                          return a.action == "appraise" || a.action == "receive" || a.action == "close_voting";
                      });
    data["may_attach"] = may_attach;
    json doc_types = json::array();
    if (rules)
        for (const auto& k : rules->documents)
            doc_types.push_back({{"code", k.code}, {"label", k.name}, {"per_nominee", k.per_nominee}});
    data["doc_types"] = doc_types;
    json nominee_options = json::array();
    for (const auto& n : view->nominees)
        nominee_options.push_back({{"id", n.record.id}, {"name", n.record.subject_name + " — " + n.award_name}});
    data["nominee_options"] = nominee_options;
    // Actions of the workflow the user may take now.
    json actions = json::array();
    for (const auto& a : view->actions) {
        bool danger = a.action == "refuse" || a.action == "withdraw" || a.action == "central_refuse";
        actions.push_back({{"action", a.action},
                           {"name", a.name},
                           {"ready", a.ready},
                           {"blocked", a.blocked},
                           {"reason_required", a.reason_required},
                           {"css", danger              ? "outline-danger"
                                   : a.reason_required ? "outline-warning"
                                                       : "primary"}});
    }
    data["actions"] = actions;
    if (view->consultation)
        data["consultation"] = {{"opened_on", FormatDateVi(view->consultation->opened_on)},
                                {"closes_on", FormatDateVi(view->consultation->closes_on)},
                                {"working_days", view->consultation->working_days},
                                {"open", !(view->consultation->closes_on < today)}};
    if (view->consultation)
        if (auto comments = app::DossierComments(app, req.Context(), d.id)) {
            json list = json::array();
            for (const auto& c : *comments)
                list.push_back({{"id", c.id},
                                {"author", c.author_name},
                                {"contact", c.author_contact},
                                {"body", c.body},
                                {"at", WhenVi(c.created_at)},
                                {"status", c.status == "published"  ? "Đã công bố"
                                           : c.status == "rejected" ? "Không công bố"
                                                                    : "Chờ duyệt"},
                                {"pending", c.status == "pending"},
                                {"response", c.response},
                                {"dossier_id", d.id.value}});
            data["comments"] = list;
            data["show_comments"] = true;
            data["public_link"] = fmt::format("/lay-y-kien/{}", view->consultation->id);
        }
    json events = json::array();
    for (const auto& e : view->events) {
        const auto* t = catalog.workflow.Action(e.action);
        events.push_back({{"name", t                      ? t->name
                                   : e.action == "create" ? "Lập hồ sơ"
                                                          : e.action},
                          {"to", app::CatalogOf(app).workflow.State(e.to_state)
                                     ? app::CatalogOf(app).workflow.State(e.to_state)->name
                                     : e.to_state},
                          {"by", e.actor_login},
                          {"at", WhenVi(e.at)},
                          {"reason", e.reason}});
    }
    std::reverse(events.begin(), events.end());  // newest first
    data["events"] = events;
    if (view->can_edit) {
        data["award_options"] = AwardOptions(app, d, today);
        app::PeopleSearch search;
        search.unit = d.unit;
        search.page_size = 200;
        json people = json::array();
        if (auto found = app::SearchPeople(app, req.Context(), search))
            for (const auto& p : found->items) people.push_back({{"id", p.id.value}, {"name", p.full_name}});
        data["people"] = people;
        data["subject_types"] = VocabularyOptions(domain::SubjectTypes(), "individual");
        data["unit_id"] = d.unit.value;
        data["unit_name"] = d.unit_name;
    }
    data["can_record_decision"] = view->can_record_decision;
    data["central_decision"] = d.state == "submitted_central";
    data["today"] = FormatDateVi(today);
    if (view->decision) {
        const auto& dec = *view->decision;
        data["decision"] = {
            {"id", dec.id},
            {"number", dec.number_text},
            {"signed_on", FormatDateVi(dec.signed_on)},
            {"signer", dec.signer_name},
            {"issued", dec.state == "issued"},
            {"state_label", dec.state == "issued" ? (dec.published_at ? "đã ban hành, đã công bố" : "đã ban hành")
                                                  : "dự thảo, chưa ban hành"}};
    }
    data["show_decision"] = view->decision.has_value() || view->can_record_decision;
    if (error) {
        data["error"] = error->message;
        data["problems"] = ProblemList(error->fields);
        data["has_problems"] = error->fields.size() > 1;
    }
    data["open_" + (open.empty() ? std::string("none") : open)] = true;
    return RenderPage(req, error ? HttpStatus(error->code) : 200,
                      {d.code + " – " + d.title, "/ho-so",
                       json::array({{{"label", "Hồ sơ đề nghị"}, {"href", "/ho-so"}}, {{"label", d.code}}})},
                      "dossier", data);
}

DossierId PathId(const Request& req) { return DossierId{std::stoll(req.captures[0])}; }

// After a form: back to the dossier page (303), or the page with the problem and the form open.
Response After(app::App& app, Request& req, const Status& done, const std::string& open, const std::string& anchor) {
    if (done) return Response::Redirect(fmt::format("/ho-so/{}{}", PathId(req).value, anchor));
    if (done.error().code == ErrorCode::kUnauthenticated) return Response::Redirect("/dang-nhap");
    return DossierPage(app, req, PathId(req), done.error(), open);
}

template <class T>
Status AsStatus(const Result<T>& r) {
    if (r) return {};
    return tl::unexpected(r.error());
}

}  // namespace

void RegisterDossierPages(Router& router, app::App& app) {
    router.Get("/ho-so", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return ListPage(app, req);
    });
    router.Post("/ho-so", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        app::DossierInput in{req.Param("title"), req.Param("kind"), req.Param("procedure"), req.Param("year"),
                             std::nullopt};
        if (auto unit = IdParam(req, "unit_id")) in.unit = UnitId{*unit};
        auto created = app::CreateDossier(app, req.Context(), in);
        if (created) return Response::Redirect(fmt::format("/ho-so/{}", created->id.value));
        return ListPage(app, req, created.error(), TypedFields(req));
    });
    router.Get(R"(/ho-so/(\d{1,18}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return DossierPage(app, req, PathId(req));
    });
    router.Post(R"(/ho-so/(\d{1,18})/de-nghi)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        app::NomineeInput in;
        in.subject_type = req.Param("subject_type");
        if (auto p = IdParam(req, "person_id"); p && in.subject_type == "individual") in.person = PersonId{*p};
        if (auto u = IdParam(req, "unit_id"); u && in.subject_type != "individual") in.unit = UnitId{*u};
        in.household_name = req.Param("household_name");
        in.award_code = req.Param("award");
        return After(app, req, AsStatus(app::AddNominee(app, req.Context(), PathId(req), in)), "nominee", "#nominees");
    });
    router.Post(R"(/ho-so/(\d{1,18})/de-nghi/(\d{1,17})/xoa)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return After(app, req, app::RemoveNominee(app, req.Context(), PathId(req), std::stoll(req.captures[1])), "",
                     "#nominees");
    });
    router.Post(R"(/ho-so/(\d{1,18})/de-nghi/(\d{1,17})/van-trinh)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return After(
            app, req,
            app::OverrideNominee(app, req.Context(), PathId(req), std::stoll(req.captures[1]), req.Param("reason")), "",
            "#nominees");
    });
    router.Post(R"(/ho-so/(\d{1,18})/giay-to)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        const UploadedFile* file = nullptr;
        for (const auto& f : req.files)
            if (f.field == "file" && !f.content.empty()) file = &f;
        if (!file)
            return After(app, req, Fail(ErrorCode::kValidation, "file_missing", "Vui lòng chọn tệp cần tải lên."),
                         "upload", "");
        app::DocumentInput in;
        in.doc_type = req.Param("doc_type");
        if (auto n = IdParam(req, "nominee_id")) in.nominee = *n;
        in.file_name = file->filename;
        in.bytes = file->content;
        return After(app, req, AsStatus(app::AttachDocument(app, req.Context(), PathId(req), in)), "upload",
                     "#documents");
    });
    router.Post(R"(/ho-so/(\d{1,18})/giay-to/lap)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return After(app, req,
                     AsStatus(reports::GenerateDossierPaper(app, req.Context(), PathId(req), req.Param("doc_type"))),
                     "", "#documents");
    });
    router.Post(R"(/ho-so/(\d{1,18})/giay-to/(\d{1,17})/xoa)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        return After(app, req, app::RemoveDocument(app, req.Context(), PathId(req), std::stoll(req.captures[1])), "",
                     "#documents");
    });
    router.Get(R"(/ho-so/(\d{1,18})/giay-to/(\d{1,17}))", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto content = app::ReadDocument(app, req.Context(), PathId(req), std::stoll(req.captures[1]));
        if (!content) return PageError(req, content.error());
        Response res{200, content->document.media_type, std::move(content->bytes), {}};
        // PDFs and images open in the browser; the name is given for saving.
        res.headers.emplace_back("Content-Disposition",
                                 fmt::format("{}; filename*=UTF-8''{}",
                                             content->document.media_type == "application/pdf" ||
                                                     content->document.media_type.rfind("image/", 0) == 0
                                                 ? "inline"
                                                 : "attachment",
                                             PercentEncode(content->document.file_name)));
        res.headers.emplace_back("X-Content-Type-Options", "nosniff");
        return res;
    });
    router.Post(R"(/ho-so/(\d{1,18})/thao-tac)", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        app::TransitionInput in{req.Param("action"), req.Param("reason"), std::atoi(req.Param("version").c_str())};
        return After(app, req, AsStatus(app::MoveDossier(app, req.Context(), PathId(req), in)), "action:" + in.action,
                     "");
    });
    router.Get("/thong-bao", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto list = app::ListNotifications(app, req.Context(), false, 100);
        if (!list) return PageError(req, list.error());
        json items = json::array();
        for (const auto& n : list->items)
            items.push_back({{"id", n.id},
                             {"message", n.message},
                             {"link", n.link},
                             {"at", WhenVi(n.created_at)},
                             {"unread", !n.read_at}});
        return RenderPage(req, 200, {"Thông báo", "", json::array({{{"label", "Thông báo"}}})}, "notifications",
                          {{"items", items}, {"unread", list->unread}});
    });
    router.Post("/thong-bao/da-doc", Kind::kPage, [&app](Request& req) {
        if (auto redirect = RequirePageSession(req)) return *redirect;
        auto id = IdParam(req, "id");
        auto marked = app::MarkNotificationsRead(app, req.Context(), id.value_or(0));
        if (!marked) return PageError(req, marked.error());
        std::string next = SafeNext(req.Param("next"));
        return Response::Redirect(next.empty() ? "/thong-bao" : next);
    });
}

}  // namespace tdkt::web::pages
