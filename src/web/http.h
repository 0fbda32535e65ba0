#pragma once
// Our own request/response types and router, so that handlers never see Boost.Beast and the HTTP
// library can be swapped (docs/adr/0007-event-driven-http.md).
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "app/sign_in.h"
#include "web/url.h"

namespace tdkt::web {

struct CaseInsensitiveLess {
    bool operator()(std::string_view a, std::string_view b) const;
    using is_transparent = void;
};

struct Request {
    std::string method;
    std::string path;
    std::string body;
    std::string remote_addr;
    std::multimap<std::string, std::string, CaseInsensitiveLess> headers;
    std::multimap<std::string, std::string> params;  // query string and url-encoded form fields
    std::vector<std::string> captures;               // regex groups of the route pattern
    std::vector<UploadedFile> files;                 // multipart/form-data uploads

    // Filled by the adapter before the handler runs.
    std::string request_id;
    std::optional<app::ResolvedSession> session;
    std::string token;                      // the session token, from the bearer header or the cookie
    std::int64_t unread_notifications = 0;  // pages only: shown on the bell of the top bar

    std::string Header(std::string_view name) const;
    std::string Param(std::string_view name) const;
    bool HasParam(std::string_view name) const;
    std::string Cookie(std::string_view name) const;
    app::RequestContext Context() const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response Json(int status, const std::string& body);
    static Response Html(int status, std::string body);
    static Response Redirect(const std::string& location);  // 303 See Other
    static Response NoContent();
};

using Handler = std::function<Response(Request&)>;

enum class Kind { kApi, kPage };

struct Route {
    std::string method;
    std::string pattern;  // regex over the path, e.g. R"(/api/v1/units/(\d+))"
    Kind kind = Kind::kApi;
    Handler handler;
};

class Router {
  public:
    void Get(std::string pattern, Kind kind, Handler h) { Add("GET", std::move(pattern), kind, std::move(h)); }
    void Post(std::string pattern, Kind kind, Handler h) { Add("POST", std::move(pattern), kind, std::move(h)); }
    void Put(std::string pattern, Kind kind, Handler h) { Add("PUT", std::move(pattern), kind, std::move(h)); }
    void Delete(std::string pattern, Kind kind, Handler h) { Add("DELETE", std::move(pattern), kind, std::move(h)); }
    const std::vector<Route>& routes() const { return routes_; }

  private:
    void Add(std::string method, std::string pattern, Kind kind, Handler h);
    std::vector<Route> routes_;
};

bool IsApiPath(std::string_view path);
bool IsSafeMethod(std::string_view method);

}  // namespace tdkt::web
