#pragma once
// Server-rendered pages from the mustache templates compiled into the binary (web/templates/).
// Mustache escapes every {{value}}; {{{body}}} is used only for HTML this code rendered itself.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "web/http.h"

namespace tdkt::web {

std::string RenderTemplate(std::string_view name, const nlohmann::json& data);

struct PageMeta {
    std::string title;
    std::string active;                                    // href of the highlighted sidebar item
    nlohmann::json breadcrumbs = nlohmann::json::array();  // [{"label","href"}]; the last one is current
};

// A page of the signed-in shell: sidebar by role, top bar with the user, breadcrumbs, the body.
Response RenderPage(const Request& req, int status, const PageMeta& meta, std::string_view body_template,
                    const nlohmann::json& data);
Response RenderErrorPage(const Request& req, int status, std::string_view message);

}  // namespace tdkt::web
