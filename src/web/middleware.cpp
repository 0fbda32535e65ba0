#include "web/middleware.h"

#include <chrono>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/notifications.h"
#include "core/crypto.h"
#include "core/text.h"
#include "web/error_mapper.h"
#include "web/render.h"

namespace tdkt::web {
namespace {

bool ValidRequestId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

void ResolveSession(app::App& app, Request& req) {
    std::string auth = req.Header("Authorization");
    if (auth.rfind("Bearer ", 0) == 0)
        req.token = auth.substr(7);
    else
        req.token = req.Cookie(kSessionCookie);
    if (req.token.empty()) return;
    if (auto session = app::ResolveSession(app, req.token)) req.session = std::move(*session);
}

bool ViaCookie(const Request& req) { return req.Header("Authorization").rfind("Bearer ", 0) != 0; }

// A browser sends Origin on cross-site POSTs: it must name this host.
bool SameOrigin(const Request& req) {
    std::string origin = req.Header("Origin");
    if (origin.empty()) return true;
    auto scheme_end = origin.find("://");
    std::string host = scheme_end == std::string::npos ? origin : origin.substr(scheme_end + 3);
    return host == req.Header("Host");
}

std::optional<Response> CheckCsrf(const Request& req, Kind kind) {
    if (IsSafeMethod(req.method)) return std::nullopt;
    auto refuse = [&] {
        Error e{ErrorCode::kForbidden, "csrf_failed",
                "Yêu cầu bị từ chối vì thiếu mã bảo vệ biểu mẫu (CSRF). Vui lòng tải lại trang và thử lại."};
        return kind == Kind::kApi ? ErrorResponse(e) : RenderErrorPage(req, 403, e.message);
    };
    if (!SameOrigin(req)) return refuse();
    if (!req.session || !ViaCookie(req)) return std::nullopt;  // bearer tokens are never sent by a browser on its own
    std::string sent = req.Header(kCsrfHeader);
    if (sent.empty()) sent = req.Param(kCsrfField);
    if (sent.empty() || !crypto::SecretEquals(sent, req.session->csrf_token)) return refuse();
    return std::nullopt;
}

std::optional<Response> CheckInput(const Request& req, Kind kind) {
    // Uploads (multipart forms, Excel files) carry binary bodies; their text fields are still checked.
    std::string type = req.Header("Content-Type");
    bool binary = type.rfind("multipart/form-data", 0) == 0 || type.rfind("application/vnd.", 0) == 0 ||
                  type.rfind("application/octet-stream", 0) == 0;
    bool ok = binary || text::IsValidUtf8(req.body);
    for (const auto& [k, v] : req.params) ok = ok && text::IsValidUtf8(k) && text::IsValidUtf8(v);
    if (ok) return std::nullopt;
    Error e{ErrorCode::kInvalidInput, "invalid_encoding", "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ."};
    return kind == Kind::kApi ? ErrorResponse(e) : RenderErrorPage(req, 400, e.message);
}

}  // namespace

Response RunPipeline(app::App& app, const ServerOptions& options, const Route& route, Request& req) {
    auto started = std::chrono::steady_clock::now();
    std::string incoming = req.Header("X-Request-Id");
    req.request_id = ValidRequestId(incoming) ? incoming : crypto::RandomToken(12);
    Response res;
    try {
        ResolveSession(app, req);
        if (auto bad = CheckInput(req, route.kind))
            res = *bad;
        else if (auto refused = CheckCsrf(req, route.kind))
            res = *refused;
        else {
            if (route.kind == Kind::kPage && req.session && req.method == "GET")
                req.unread_notifications = app::CountUnreadNotifications(app, req.Context());
            res = route.handler(req);
        }
    } catch (const std::exception& e) {
        spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
        res = route.kind == Kind::kApi ? HttpError(500)
                                       : RenderErrorPage(req, 500, "Hệ thống gặp lỗi. Vui lòng thử lại sau.");
    }
    if (options.access_log) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        LogAccess(req.method, req.path, req.remote_addr, res.status, req.request_id,
                  req.session ? req.session->actor.login : "", ms);
    }
    return res;
}

Response ErrorPage(const Request& req, int status) {
    if (IsApiPath(req.path)) return HttpError(status);
    std::string message = status == 404   ? "Không tìm thấy trang bạn yêu cầu."
                          : status == 413 ? "Dữ liệu gửi lên vượt quá dung lượng cho phép."
                          : status < 500  ? "Yêu cầu không hợp lệ."
                                          : "Hệ thống gặp lỗi. Vui lòng thử lại sau.";
    return RenderErrorPage(req, status, message);
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders(std::string_view path) {
    std::vector<std::pair<std::string, std::string>> h{
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
         "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
    };
    if (path.rfind("/static/", 0) == 0)
        h.emplace_back("Cache-Control", "public, max-age=3600");
    else
        h.emplace_back("Cache-Control", "no-store");
    return h;
}

void LogAccess(std::string_view method, std::string_view path, std::string_view remote, int status,
               std::string_view request_id, std::string_view login, double ms) {
    static auto logger = [] {
        auto l = spdlog::default_logger()->clone("access");
        l->set_pattern("%Y-%m-%dT%H:%M:%S.%e %v");
        return l;
    }();
    logger->info("{} {} {} {} {} {:.2f}ms user={}", request_id, remote, method, path, status, ms,
                 login.empty() ? "-" : login);
}

std::string SessionCookie(const Request& req, const ServerOptions& options, const std::string& token, int max_age_s) {
    bool secure = options.secure_cookies || req.Header("X-Forwarded-Proto") == "https";
    return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, token, max_age_s,
                       secure ? "; Secure" : "");
}

}  // namespace tdkt::web
