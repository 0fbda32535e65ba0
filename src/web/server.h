#pragma once
// The HTTP server: Boost.Beast on an event loop (docs/adr/0007-event-driven-http.md), our middleware
// (request id, session, CSRF, security headers, access log) around every route, route handlers on a
// pool of threads, and a clean stop on SIGTERM/SIGINT.
#include <cstddef>
#include <memory>
#include <string>

#include "app/app.h"
#include "web/http.h"

namespace tdkt::web {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                                // 0 picks a free port (printed at start)
    std::string static_dir;                         // holds app.css, app.js and vendor/
    int threads = 16;                               // handler threads: route handlers (database work) run here
    int io_threads = 1;                             // event-loop threads that read requests and write answers
    std::size_t max_body_bytes = 24 * 1024 * 1024;  // a 20 MB dossier file and its multipart framing
    bool access_log = true;
    bool secure_cookies = false;  // force Secure cookies (also set when X-Forwarded-Proto is https)
    std::string version;
};

class Server {
  public:
    Server(app::App& app, ServerOptions options);
    ~Server();
    // Binds, prints "listening on http://HOST:PORT", serves until Stop(); false when binding fails.
    bool Run();
    void Stop();
    const Router& router() const { return router_; }
    struct Impl;

  private:
    app::App& app_;
    ServerOptions options_;
    Router router_;
    std::unique_ptr<Impl> impl_;
};

// Runs the server until SIGTERM or SIGINT; in-flight requests finish before it returns.
int ServeUntilSignalled(app::App& app, const ServerOptions& options);

}  // namespace tdkt::web
