#include "web/server.h"

#include <sys/socket.h>
#include <chrono>

#include <csignal>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/text.h"
#include "web/error_mapper.h"
#include "web/middleware.h"
#include "web/routes.h"

namespace tdkt::web {

struct Server::Impl {
    httplib::Server http;
    int listen_socket = -1;
};

namespace {

Request Convert(const httplib::Request& in) {
    Request r;
    r.method = in.method;
    r.path = in.path;
    r.body = in.body;
    r.remote_addr = in.remote_addr;
    for (const auto& [k, v] : in.headers) r.headers.emplace(k, v);
    for (const auto& [k, v] : in.params) r.params.emplace(k, v);
    for (std::size_t i = 1; i < in.matches.size(); ++i) r.captures.push_back(in.matches[i].str());
    return r;
}

void Write(const Response& from, httplib::Response& to) {
    to.status = from.status;
    for (const auto& [k, v] : from.headers) to.set_header(k, v);
    to.set_content(from.body, from.content_type);
}

}  // namespace

Server::Server(app::App& app, ServerOptions options)
    : app_(app), options_(std::move(options)), impl_(std::make_unique<Impl>()) {
    RegisterRoutes(router_, app_, options_);
    auto& http = impl_->http;
    int threads = options_.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http.set_tcp_nodelay(true);
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would let a second server
    // start silently on a port that is already taken.
    http.set_socket_options([impl = impl_.get()](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        impl->listen_socket = sock;
    });
    http.set_keep_alive_max_count(10'000);
    // cpp-httplib's keep-alive wait does not notice Stop(): an idle client holds shutdown for up to
    // this long (measured 28 s with 30). 5 s keeps a clean stop inside a service manager's usual
    // 10 s grace; an idle client reconnects after 5 s.
    http.set_keep_alive_timeout(5);
    http.set_read_timeout(30, 0);
    http.set_write_timeout(30, 0);
    http.set_payload_max_length(options_.max_body_bytes);
    if (!options_.static_dir.empty()) http.set_mount_point("/static", options_.static_dir);

    for (const auto& route : router_.routes()) {
        auto handler = [this, &route](const httplib::Request& in, httplib::Response& out) {
            Request req = Convert(in);
            Write(RunPipeline(app_, options_, route, req), out);
            out.set_header("X-Request-Id", req.request_id);
        };
        if (route.method == "GET")
            http.Get(route.pattern, handler);
        else if (route.method == "POST")
            http.Post(route.pattern, handler);
        else if (route.method == "DELETE")
            http.Delete(route.pattern, handler);
    }
    // Requests no route answered (unknown path, body too large, static files) get the same headers
    // and, for errors, the same JSON shape or error page.
    http.set_error_handler([this](const httplib::Request& in, httplib::Response& out) {
        if (!out.body.empty()) return;  // a handler already wrote this error
        Request req = Convert(in);
        Write(ErrorPage(req, out.status), out);
    });
    http.set_post_routing_handler([this](const httplib::Request& in, httplib::Response& out) {
        if (!out.has_header("X-Request-Id")) {
            std::string id = crypto::RandomToken(12);
            out.set_header("X-Request-Id", id);
            if (options_.access_log) LogAccess(in.method, in.path, in.remote_addr, out.status, id, "", 0);
        }
        for (const auto& [name, value] : SecurityHeaders(in.path))
            if (!out.has_header(name)) out.set_header(name, value);
    });
}

Server::~Server() = default;

bool Server::Run() {
    auto& http = impl_->http;
    int port = options_.port;
    if (port == 0) {
        port = http.bind_to_any_port(options_.host);
        if (port < 0) return false;
    } else if (!http.bind_to_port(options_.host, port)) {
        return false;
    }
    // Debian's compiled httplib listens with a backlog of 5: a burst of new connections overflowed it
    // (measured, docs/performance.md). Linux lets a listening socket's backlog be raised in place.
    if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, SOMAXCONN);
    std::cout << "listening on http://" << options_.host << ":" << port << std::endl;
    return http.listen_after_bind();
}

void Server::Stop() { impl_->http.stop(); }

int ServeUntilSignalled(app::App& app, const ServerOptions& options) {
    // Block the signals in every thread; one thread waits for them and stops the server, which lets
    // in-flight requests finish. The caller then closes the database.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    Server server(app, options);
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        spdlog::info("signal {} received: finishing in-flight requests and stopping", sig);
        server.Stop();
    });
    bool ok = server.Run();
    if (!ok) {
        std::cerr << "Không mở được cổng " << options.host << ":" << options.port
                  << " (đang được dùng hoặc không có quyền)." << std::endl;
        pthread_kill(waiter.native_handle(), SIGTERM);
    }
    waiter.join();
    spdlog::info("server stopped");
    return ok ? 0 : 1;
}

}  // namespace tdkt::web
