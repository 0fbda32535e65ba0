#pragma once
// Helpers for HTML page handlers.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/suggestions.h"
#include "domain/codes.h"
#include "web/http.h"
#include "web/render.h"

namespace tdkt::web {

// Anonymous visitors of a page are sent to the sign-in page, coming back here afterwards.
std::optional<Response> RequirePageSession(const Request& req);
// An app error shown as a page: 401 → sign-in, others → the error page with its message.
Response PageError(const Request& req, const Error& e);
// Every problem of a form when there are several (a form shows the first as its error and lists all
// of them under it); an empty list for one.
nlohmann::json ProblemList(const std::vector<std::pair<std::string, std::string>>& fields);
// Vietnamese label of an audit action code ("user.create" → "Tạo người dùng").
std::string AuditActionLabel(const std::string& action);
// Vietnamese name of an audited entity type ("user" → "Người dùng").
std::string EntityTypeLabel(const std::string& entity_type);
// A local path safe to redirect to after sign-in ("/" when not).
std::string SafeNext(const std::string& next);
// "22/11/2026", or "" for no date.
std::string DateVi(const std::optional<Date>& d);
// "2026-11-22T04:05:06.789Z" → "22/11/2026 11:05" (Vietnam time); the text itself when it is not one.
std::string WhenVi(const std::string& iso_utc);
// <option>s of the units existing today that the user may see: [{"id","name","selected"}].
nlohmann::json UnitOptions(app::App& app, const Request& req, std::optional<std::int64_t> selected);
// [{"code","label","selected"}] of a vocabulary, for a <select>.
nlohmann::json VocabularyOptions(const domain::Vocabulary& v, const std::string& selected);
// The fields of a submitted form as typed (without the CSRF token), to show the form again.
nlohmann::json TypedFields(const Request& req);
// A positive id from a form field; nullopt when empty or not a number.
std::optional<std::int64_t> IdParam(const Request& req, std::string_view name);
// ?nam=YYYY (1945–2100), else `fallback`.
int YearParam(const Request& req, int fallback);

// Eligibility verdicts for a panel or a table: award, verdict (label, code, colour), reasons with their
// articles, what is missing, the council's items, the prize, and what the verdict assumes.
nlohmann::json CandidateJson(const app::Candidate& c);
nlohmann::json VerdictJson(const domain::Verdict& v, const std::string& code, const std::string& award_name);

// One row of an award history table (person and unit pages), with what {{>award_revocation}} needs:
// the revocation if any, and the revoke / prize-recovered actions under `base` ("/ca-nhan/12") when
// the viewer may take them.
// POST …/thu-hoi/{award} (reason, legal_ground, decision, recover_prize=1) or …/da-nop-lai/{award}:
// captures[1] is the action, captures[2] the award.
Status AwardRevocationPost(app::App& app, const Request& req);
nlohmann::json AwardRowJson(const app::AwardRecord& a, const std::string& base, bool can_revoke, bool can_recover);

}  // namespace tdkt::web
