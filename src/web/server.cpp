#include "web/server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <mutex>
#include <regex>
#include <shared_mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/crypto.h"
#include "core/text.h"
#include "web/error_mapper.h"
#include "web/middleware.h"
#include "web/routes.h"
#include "web/url.h"

namespace tdkt::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

std::string_view View(beast::string_view s) { return {s.data(), s.size()}; }

constexpr auto kReadTimeout = std::chrono::seconds(30);  // a started request must arrive within this
constexpr auto kIdleTimeout = std::chrono::seconds(30);  // an idle keep-alive connection is closed after
constexpr std::uint32_t kHeaderLimit = 16 * 1024;        // request line and headers

struct CompiledRoute {
    const Route* route = nullptr;
    std::string prefix;  // the literal start of the pattern: a cheap filter before the regex
    std::regex regex;
};

std::string LiteralPrefix(const std::string& pattern) {
    std::string out;
    for (char c : pattern) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) break;
        out.push_back(c);
    }
    return out;
}

std::string ContentTypeFor(std::string_view path) {
    static const std::pair<std::string_view, std::string_view> kTypes[] = {
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
    };
    for (const auto& [ext, type] : kTypes)
        if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return std::string(type);
    return "application/octet-stream";
}

// Files under the static directory, read once and kept in memory (a few hundred kilobytes).
class StaticFiles {
  public:
    explicit StaticFiles(std::string dir) : dir_(std::move(dir)) {}

    std::shared_ptr<const std::string> Get(std::string_view relative) {
        if (dir_.empty() || relative.empty() || relative.find("..") != std::string_view::npos ||
            relative.front() == '/' || relative.find('\0') != std::string_view::npos)
            return nullptr;
        std::string key(relative);
        {
            std::shared_lock lock(mu_);
            if (auto it = cache_.find(key); it != cache_.end()) return it->second;
        }
        std::ifstream in(dir_ + "/" + key, std::ios::binary);
        if (!in) return nullptr;
        std::ostringstream data;
        data << in.rdbuf();
        auto content = std::make_shared<const std::string>(data.str());
        std::unique_lock lock(mu_);
        cache_.emplace(key, content);
        return content;
    }

  private:
    std::string dir_;
    std::shared_mutex mu_;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> cache_;
};

}  // namespace

class Connection;

struct Server::Impl {
    Impl(Server& s, int handler_threads) : server(s), handlers(static_cast<std::size_t>(handler_threads)) {}

    Server& server;
    net::io_context ioc;
    tcp::acceptor acceptor{ioc};
    net::thread_pool handlers;  // runs route handlers (database work, password hashing) off the I/O thread
    std::vector<CompiledRoute> routes;
    std::unique_ptr<StaticFiles> statics;
    std::atomic<bool> stopping{false};
    std::mutex connections_mu;
    std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;

    const ServerOptions& options() const { return server.options_; }
    void Accept();
    Response Dispatch(Request& req);
};

namespace {

Response StaticResponse(Server::Impl& impl, const Request& req) {
    auto content = impl.statics ? impl.statics->Get(std::string_view(req.path).substr(8)) : nullptr;
    if (!content) return ErrorPage(req, 404);
    return Response{200, ContentTypeFor(req.path), *content, {}};
}

}  // namespace

// One client connection: read a request, hand it to the handler pool, write the answer, repeat while
// the client keeps the connection alive. All its I/O runs on its own strand.
class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(Server::Impl& impl, tcp::socket socket) : impl_(impl), stream_(std::move(socket)) {
        beast::error_code ec;
        auto remote = stream_.socket().remote_endpoint(ec);
        if (!ec) remote_addr_ = remote.address().to_string();
        stream_.socket().set_option(tcp::no_delay(true), ec);
    }

    ~Connection() {
        std::lock_guard lock(impl_.connections_mu);
        impl_.connections.erase(this);
    }

    void Start() {
        {
            std::lock_guard lock(impl_.connections_mu);
            impl_.connections.emplace(this, weak_from_this());
        }
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
    }

    // Called on shutdown: a connection waiting for its next request is closed now; one in the middle
    // of a request finishes it and then closes.
    void CloseIfIdle() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (!self->busy_) self->Close();
        });
    }

  private:
    void ReadHeader() {
        busy_ = false;
        if (impl_.stopping) return Close();
        parser_.emplace();
        parser_->header_limit(kHeaderLimit);
        parser_->body_limit(impl_.options().max_body_bytes);
        stream_.expires_after(kIdleTimeout);
        bhttp::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
    }

    void OnHeader(beast::error_code ec) {
        // Beast checks a declared Content-Length against the body limit while parsing the header.
        if (ec == bhttp::error::body_limit) return Fail(413);
        if (ec) return ec == bhttp::error::header_limit ? Fail(400) : Close();
        busy_ = true;
        auto& header = parser_->get();
        if (auto length = parser_->content_length(); length && *length > impl_.options().max_body_bytes)
            return Fail(413);
        stream_.expires_after(kReadTimeout);
        if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
            auto cont =
                std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, header.version());
            return bhttp::async_write(stream_, *cont,
                                      [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                                          if (ec) return self->Close();
                                          self->ReadBody();
                                      });
        }
        ReadBody();
    }

    void ReadBody() {
        if (parser_->is_done()) return Handle();
        bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec == bhttp::error::body_limit) return self->Fail(413);
            if (ec) return self->Close();
            self->Handle();
        });
    }

    // A request that cannot be read to the end: answer with the error and close the connection.
    void Fail(int status) {
        Request req;
        req.method = std::string(parser_->get().method_string());
        req.path = std::string(SplitTarget(View(parser_->get().target())).first);
        req.remote_addr = remote_addr_;
        keep_alive_ = false;
        Respond(req, ErrorPage(req, status), false);
    }

    void Handle() {
        stream_.expires_never();
        auto& msg = parser_->get();
        keep_alive_ = msg.keep_alive();
        version_ = msg.version();
        auto req = std::make_shared<Request>();
        req->method = std::string(msg.method_string());
        head_ = msg.method() == bhttp::verb::head;
        auto [raw_path, query] = SplitTarget(View(msg.target()));
        auto path = PercentDecode(raw_path, false);
        req->remote_addr = remote_addr_;
        req->body = std::move(msg.body());
        for (const auto& field : msg)
            req->headers.emplace(std::string(field.name_string()), std::string(field.value()));
        if (!path || path->empty() || path->front() != '/' || path->find('\0') != std::string::npos ||
            !text::IsValidUtf8(*path)) {
            req->path = std::string(raw_path);
            return Respond(*req, ErrorPage(*req, 400), false);
        }
        req->path = std::move(*path);
        ParseQuery(query, req->params);
        std::string content_type = req->Header("Content-Type");
        if (content_type.rfind("application/x-www-form-urlencoded", 0) == 0) {
            ParseQuery(req->body, req->params);
        } else if (content_type.rfind("multipart/form-data", 0) == 0 &&
                   !ParseMultipart(content_type, req->body, req->params, req->files)) {
            return Respond(*req, ErrorPage(*req, 400), false);
        }
        // Route handlers may block (database round trips, password hashing): they run on the handler
        // pool; the answer comes back to this connection's strand. The work guard keeps the I/O
        // threads running while a handler is out.
        net::post(impl_.handlers, [self = shared_from_this(), req, work = net::make_work_guard(impl_.ioc)]() mutable {
            Response res;
            try {
                res = self->impl_.Dispatch(*req);
            } catch (const std::exception& e) {
                spdlog::error("request {} {} failed outside the pipeline: {}", req->method, req->path, e.what());
                res = ErrorPage(*req, 500);
            }
            net::post(self->stream_.get_executor(),
                      [self, req, res = std::move(res), work = std::move(work)]() mutable {
                          self->Respond(*req, std::move(res), true);
                      });
        });
    }

    void Respond(const Request& req, Response res, bool routed) {
        auto out = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(res.status),
                                                                         version_ ? version_ : 11);
        out->set(bhttp::field::content_type, res.content_type);
        bool has_request_id = false;
        for (const auto& [name, value] : res.headers) {
            out->insert(name, value);
            has_request_id = has_request_id || beast::iequals(name, "X-Request-Id");
        }
        if (!req.request_id.empty()) {
            out->set("X-Request-Id", req.request_id);
        } else if (!has_request_id) {
            std::string id = crypto::RandomToken(12);
            out->set("X-Request-Id", id);
            if (impl_.options().access_log) LogAccess(req.method, req.path, remote_addr_, res.status, id, "", 0);
        }
        for (const auto& [name, value] : SecurityHeaders(req.path))
            if (out->find(name) == out->end()) out->set(name, value);
        bool keep = keep_alive_ && routed && !impl_.stopping;
        out->keep_alive(keep);
        out->body() = std::move(res.body);
        out->prepare_payload();
        if (head_) {
            auto length = out->body().size();
            out->body().clear();
            out->content_length(length);
        }
        bhttp::async_write(stream_, *out,
                           [self = shared_from_this(), out, keep, routed](beast::error_code ec, std::size_t) {
                               if (ec) return self->Close();
                               if (keep) return self->ReadHeader();
                               if (routed) return self->Close();
                               self->Drain();
                           });
    }

    // After an error answer to a request whose body was not read (413): stop sending, read and drop
    // what the client still sends for a moment, then close. Closing with unread data would reset the
    // connection and the client could lose the answer.
    void Drain() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(2));
        auto sink = std::make_shared<std::array<char, 16384>>();
        DrainSome(sink);
    }

    void DrainSome(std::shared_ptr<std::array<char, 16384>> sink) {
        stream_.async_read_some(net::buffer(*sink),
                                [self = shared_from_this(), sink](beast::error_code ec, std::size_t) {
                                    if (ec) return self->Close();
                                    self->DrainSome(sink);
                                });
    }

    void Close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.close();
    }

    Server::Impl& impl_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::string remote_addr_;
    bool busy_ = false;
    bool keep_alive_ = true;
    bool head_ = false;
    unsigned version_ = 11;
};

void Server::Impl::Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (stopping || !acceptor.is_open()) return;
        if (!ec) std::make_shared<Connection>(*this, std::move(socket))->Start();
        Accept();
    });
}

Response Server::Impl::Dispatch(Request& req) {
    std::string_view method = req.method == "HEAD" ? "GET" : req.method;
    bool path_matched = false;
    for (const auto& compiled : routes) {
        if (req.path.compare(0, compiled.prefix.size(), compiled.prefix) != 0) continue;
        std::smatch match;
        if (!std::regex_match(req.path, match, compiled.regex)) continue;
        if (compiled.route->method != method) {
            path_matched = true;
            continue;
        }
        for (std::size_t i = 1; i < match.size(); ++i) req.captures.push_back(match[i].str());
        return RunPipeline(server.app_, server.options_, *compiled.route, req);
    }
    if (method == "GET" && req.path.rfind("/static/", 0) == 0) return StaticResponse(*this, req);
    return ErrorPage(req, path_matched ? 405 : 404);
}

Server::Server(app::App& app, ServerOptions options)
    : app_(app), options_(std::move(options)), impl_(std::make_unique<Impl>(*this, options_.threads)) {
    RegisterRoutes(router_, app_, options_);
    for (const auto& route : router_.routes())
        impl_->routes.push_back({&route, LiteralPrefix(route.pattern), std::regex(route.pattern)});
    impl_->statics = std::make_unique<StaticFiles>(options_.static_dir);
}

Server::~Server() { impl_->handlers.join(); }

bool Server::Run() {
    auto& impl = *impl_;
    beast::error_code ec;
    auto address = net::ip::make_address(options_.host == "localhost" ? "127.0.0.1" : options_.host, ec);
    if (ec) return false;
    tcp::endpoint endpoint(address, static_cast<unsigned short>(options_.port));
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) impl.acceptor.bind(endpoint, ec);
    if (!ec) impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return false;
    std::cout << "listening on http://" << options_.host << ":" << impl.acceptor.local_endpoint().port() << std::endl;
    if (impl.stopping) return true;
    impl.Accept();
    std::vector<std::thread> io_threads;
    for (int i = 1; i < options_.io_threads; ++i) io_threads.emplace_back([&impl] { impl.ioc.run(); });
    impl.ioc.run();
    for (auto& t : io_threads) t.join();
    impl.handlers.join();
    return true;
}

void Server::Stop() {
    impl_->stopping = true;
    net::post(impl_->ioc, [impl = impl_.get()] {
        beast::error_code ec;
        impl->acceptor.close(ec);
        std::vector<std::shared_ptr<Connection>> open;
        {
            std::lock_guard lock(impl->connections_mu);
            for (auto& [raw, weak] : impl->connections)
                if (auto c = weak.lock()) open.push_back(std::move(c));
        }
        for (auto& c : open) c->CloseIfIdle();
    });
}

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
