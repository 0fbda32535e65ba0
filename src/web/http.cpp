#include "web/http.h"

#include <algorithm>
#include <cctype>

#include "core/crypto.h"

namespace tdkt::web {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) < std::tolower(y);
    });
}

std::string Request::Header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::string Request::Param(std::string_view name) const {
    auto it = params.find(std::string(name));
    return it == params.end() ? std::string() : it->second;
}

bool Request::HasParam(std::string_view name) const { return params.count(std::string(name)) > 0; }

std::string Request::Cookie(std::string_view name) const {
    std::string header = Header("Cookie");
    std::string_view rest = header;
    while (!rest.empty()) {
        auto end = rest.find(';');
        std::string_view pair = rest.substr(0, end);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    return {};
}

app::RequestContext Request::Context() const {
    app::RequestContext ctx;
    if (session) ctx.actor = session->actor;
    ctx.request_id = request_id;
    ctx.client_ip = remote_addr;
    if (session && !token.empty()) ctx.session_token_hash = crypto::Sha256Hex(token);
    return ctx;
}

Response Response::Json(int status, const std::string& body) {
    return Response{status, "application/json; charset=utf-8", body, {}};
}

Response Response::Html(int status, std::string body) {
    return Response{status, "text/html; charset=utf-8", std::move(body), {}};
}

Response Response::Redirect(const std::string& location) {
    return Response{303, "text/plain; charset=utf-8", "", {{"Location", location}}};
}

Response Response::NoContent() { return Response{204, "text/plain; charset=utf-8", "", {}}; }

void Router::Add(std::string method, std::string pattern, Kind kind, Handler h) {
    routes_.push_back({std::move(method), std::move(pattern), kind, std::move(h)});
}

bool IsApiPath(std::string_view path) { return path.rfind("/api/", 0) == 0 || path == "/healthz"; }

bool IsSafeMethod(std::string_view method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

}  // namespace tdkt::web
