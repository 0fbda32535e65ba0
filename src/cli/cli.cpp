#include "cli/cli.h"

#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/audit_log.h"
#include "app/catalog.h"
#include "app/eligibility.h"
#include "app/import.h"
#include "app/mail.h"
#include "app/manage_users.h"
#include "app/organisation.h"
#include "app/people.h"
#include "app/seed_demo.h"
#include "app/seed_synthetic.h"
#include "app/sign_in.h"
#include "app/suggestions.h"
#include "cli/demo_dossiers.h"
#include "core/crypto.h"
#include "core/text.h"
#include "domain/role.h"
#include "reports/check_workbook.h"
#include "reports/eligibility_report.h"
#include "reports/people_list.h"
#include "reports/xlsx_reader.h"
#include "reports/xlsx_table.h"
#include "storage/file_stores.h"
#include "storage/smtp_mailer.h"
#include "storage/sql_store.h"

namespace tdkt::cli {
namespace {

struct Options {
    std::string db;
    std::string listen = "127.0.0.1:8080";
    std::string static_dir;
    int threads = 16;
    int io_threads = 1;
    int pool = 0;  // 0: by backend (DefaultPoolSize)
    int people = 2000;
    long long synthetic_people = 100'000;
    int years = 10;
    std::uint64_t seed = 1;
    bool demo_dossiers = false;
    std::string kind = "people", file;
    std::string unit_code, query;
    long long limit = 0;
    bool no_access_log = false;
    bool secure_cookies = false;
    std::string login, name, password;
    bool password_stdin = false;
    std::vector<std::string> roles;  // ROLE@UNIT_CODE
    std::string output;
    std::vector<std::string> catalog_files;  // the province's overlays of the award catalogue
    std::string files;                       // where dossier files live: "db" or "dir:/path" (ADR 0013)
    std::string smtp, smtp_from = "tdkt@localhost", smtp_user, smtp_password, public_url;  // e-mail (app/mail.h)
    int mail_every = 5;                                                                    // seconds between sends
    bool everyone = false;
    int year = 0;
    std::string decision_date;
};

// The built-in award catalogue plus the overlay files given with --catalog.
Result<std::shared_ptr<const domain::Catalog>> CatalogFrom(const Options& o) {
    std::vector<app::CatalogFile> overlays;
    for (const auto& path : o.catalog_files) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return Fail(ErrorCode::kInvalidInput, "catalog_unreadable", fmt::format("Không đọc được tệp {}.", path));
        std::ostringstream text;
        text << in.rdbuf();
        overlays.push_back({path, text.str()});
    }
    return app::LoadCatalog(overlays);
}

bool EndsWithXlsx(const std::string& path) {
    if (path.size() < 5) return false;
    std::string tail = path.substr(path.size() - 5);
    for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ".xlsx";
}

// Reads a whole file, or standard input for "-".
std::optional<std::string> ReadInput(const std::string& path) {
    std::ostringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    text << in.rdbuf();
    return text.str();
}

app::RequestContext SystemContext() {
    app::RequestContext ctx;
    ctx.system = true;
    const char* sudo = std::getenv("SUDO_USER");
    const passwd* pw = getpwuid(getuid());
    ctx.system_user = sudo ? sudo : pw ? pw->pw_name : "unknown";
    ctx.request_id = "cli-" + crypto::RandomToken(9);
    return ctx;
}

int Report(const Status& s) {
    if (s) return 0;
    std::cerr << "Lỗi: " << s.error().message << std::endl;
    return 1;
}

// Opens the store and builds the App, then runs fn with it.
int WithApp(const Options& o, std::size_t pool, const std::function<int(app::App&)>& fn) {
    if (o.db.empty()) {
        std::cerr << "Lỗi: thiếu --db (hoặc biến môi trường TDKT_DB), ví dụ --db sqlite:var/tdkt.db" << std::endl;
        return 2;
    }
    auto store = storage::OpenStore(o.db, {pool, true});
    if (!store) {
        std::cerr << "Lỗi: " << store.error().message << std::endl;
        if (!store.error().detail.empty()) std::cerr << "Chi tiết: " << store.error().detail << std::endl;
        return 1;
    }
    auto catalog = CatalogFrom(o);
    if (!catalog) return Report(tl::unexpected(catalog.error()));
    SystemClock clock;
    app::App app{**store, clock, {}, {}};
    app.catalog = *catalog;
    try {
        app.files = storage::OpenFileStore(o.files);
    } catch (const std::exception& e) {
        std::cerr << "Lỗi: " << e.what() << std::endl;
        return 2;
    }
    return fn(app);
}

std::string ReadPassword(const Options& o) {
    if (!o.password_stdin) return o.password;
    std::string line;
    std::getline(std::cin, line);
    return line;
}

Result<std::vector<app::GrantInput>> ParseRoles(const std::vector<std::string>& roles) {
    std::vector<app::GrantInput> out;
    for (const auto& r : roles) {
        auto at = r.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == r.size())
            return Fail(ErrorCode::kInvalidInput, "invalid_role",
                        fmt::format("Vai trò «{}» phải có dạng VAI_TRÒ@MÃ_ĐƠN_VỊ, ví dụ unit_officer@HY.SNV.", r));
        out.push_back({r.substr(0, at), r.substr(at + 1)});
    }
    return out;
}

void AddDb(CLI::App* cmd, Options& o) {
    cmd->add_option("--db", o.db, "Database URL: sqlite:PATH, sqlite::memory: or postgresql://USER@HOST:PORT/DB")
        ->envname("TDKT_DB");
}

// Measured with wrk at 64 connections, server on one core (docs/performance.md): on SQLite, 4
// connections gave the best p99 (11 ms; 18 ms with 16, 74–108 ms with 64) at the same rate.
// PostgreSQL answers over a socket, so more connections overlap its round trips.
std::size_t DefaultPoolSize(const std::string& db_url) { return db_url.rfind("sqlite:", 0) == 0 ? 4 : 16; }

// `tdkt check --everyone`: every person judged for every individual award, with the timings.
int CheckEveryone(const Options& o) {
    Date today = VietnamDate(SystemClock().Now());
    Date decision = today;
    if (!o.decision_date.empty()) {
        auto d = ParseIsoDate(o.decision_date);
        if (!d) {
            std::cerr << fmt::format("Lỗi: --decision-date «{}» không phải ngày dạng YYYY-MM-DD.\n", o.decision_date);
            return 2;
        }
        decision = *d;
    }
    int year = o.year ? o.year : today.year - 1;
    return WithApp(o, 1, [&](app::App& app) {
        auto s = app::EvaluateEveryone(app, SystemContext(), year, decision);
        if (!s) return Report(tl::unexpected(s.error()));
        std::cout << fmt::format("Năm thành tích {}, ngày quyết định {}, bộ quy định {}: {} cá nhân, {} lượt xét.\n",
                                 s->year, FormatDateVi(s->decision), s->rule_set, text::FormatNumberVi(s->people),
                                 text::FormatNumberVi(s->evaluations));
        std::cout << fmt::format("{:<12} {:>14} {:>14} {:>14}\n", "award", "eligible", "needs_evidence",
                                 "not_eligible");
        for (const auto& c : s->counts)
            std::cout << fmt::format("{:<12} {:>14} {:>14} {:>14}\n", c.award, c.eligible, c.needs_evidence,
                                     c.not_eligible);
        double total = s->load_seconds + s->evaluate_seconds;
        std::cout << fmt::format(
            "load {:.1f} s, evaluate {:.1f} s ({:.0f} evaluations/s), total {:.1f} s\n", s->load_seconds,
            s->evaluate_seconds,
            s->evaluate_seconds > 0 ? static_cast<double>(s->evaluations) / s->evaluate_seconds : 0.0, total);
        return 0;
    });
}

int Serve(const Options& o, const Hooks& hooks) {
    ServeArgs args;
    if (!ParseListen(o.listen, args.host, args.port)) {
        std::cerr << "Lỗi: địa chỉ lắng nghe «" << o.listen
                  << "» không hợp lệ; dùng dạng MÁY:CỔNG, ví dụ 127.0.0.1:8080" << std::endl;
        return 2;
    }
    args.static_dir = o.static_dir.empty() ? hooks.default_static_dir : o.static_dir;
    args.threads = o.threads;
    args.io_threads = o.io_threads;
    args.access_log = !o.no_access_log;
    args.secure_cookies = o.secure_cookies;
    // Before any thread starts: SIGINT/SIGTERM are blocked everywhere and taken by the server's
    // signal thread, so no other thread can be killed by them mid-request.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::size_t pool = o.pool > 0 ? static_cast<std::size_t>(o.pool) : DefaultPoolSize(o.db);
    return WithApp(o, pool, [&](app::App& app) {
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        std::thread janitor([&] {  // ends expired sessions every 10 minutes
            std::unique_lock lock(m);
            while (!cv.wait_for(lock, std::chrono::minutes(10), [&] { return done; })) {
                try {
                    app::PurgeExpiredSessions(app);
                } catch (const std::exception& e) {
                    spdlog::warn("session purge failed: {}", e.what());
                }
            }
        });
        // Notifications by e-mail when an SMTP server is given: queued with each notification, sent here.
        std::unique_ptr<storage::SmtpMailer> mailer;
        std::thread sender;
        if (!o.smtp.empty()) {
            app.mail_notifications = true;
            mailer = std::make_unique<storage::SmtpMailer>(
                storage::SmtpConfig{o.smtp, o.smtp_from, "Thi đua – Khen thưởng", o.smtp_user, o.smtp_password, 30});
            std::string base = o.public_url.empty() ? "http://" + o.listen : o.public_url;
            while (!base.empty() && base.back() == '/') base.pop_back();
            spdlog::info("e-mail: notifications sent through {} as {}", o.smtp, o.smtp_from);
            sender = std::thread([&, base] {
                std::unique_lock lock(m);
                while (!cv.wait_for(lock, std::chrono::seconds(o.mail_every), [&] { return done; })) {
                    lock.unlock();
                    try {
                        auto run = app::DeliverMail(app, *mailer, base);
                        for (const auto& e : run.errors) spdlog::warn("e-mail not sent: {}", e);
                        if (run.sent || run.failed)
                            spdlog::info("e-mail: {} sent, {} to retry, {} failed", run.sent, run.retried, run.failed);
                    } catch (const std::exception& e) {
                        spdlog::warn("e-mail sender: {}", e.what());
                    }
                    lock.lock();
                }
            });
        }
        int rc = hooks.serve(app, args);
        {
            std::lock_guard lock(m);
            done = true;
        }
        cv.notify_all();
        janitor.join();
        if (sender.joinable()) sender.join();
        return rc;
    });
}

void AddUserCommands(CLI::App& root, Options& o, std::function<int()>& action) {
    auto* user = root.add_subcommand("user", "Manage user accounts (add, passwd, disable, enable, list, grant)");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "Create a user");
    AddDb(add, o);
    add->add_option("--login", o.login, "Login name (a-z 0-9 . _ -)")->required();
    add->add_option("--name", o.name, "Full name (Vietnamese)")->required();
    auto* pw = add->add_option("--password", o.password, "Initial password (prefer --password-stdin)");
    add->add_flag("--password-stdin", o.password_stdin, "Read the password from the first line of standard input")
        ->excludes(pw);
    add->add_option("--role", o.roles, "Role on a unit and its subtree: ROLE@UNIT_CODE (repeatable)");
    add->callback([&] {
        action = [&] {
            auto roles = ParseRoles(o.roles);
            if (!roles) return Report(tl::unexpected(roles.error()));
            return WithApp(o, 1, [&](app::App& app) {
                auto added = app::AddUser(app, SystemContext(), {o.login, o.name, ReadPassword(o), *roles});
                if (added)
                    std::cout << "Đã tạo người dùng " << added->user.login << " (id " << added->user.id.value << ")\n";
                return added ? 0 : Report(tl::unexpected(added.error()));
            });
        };
    });
    auto* passwd = user->add_subcommand("passwd", "Set a user's password (ends their sessions)");
    AddDb(passwd, o);
    passwd->add_option("--login", o.login, "Login name")->required();
    auto* ppw = passwd->add_option("--password", o.password, "New password (prefer --password-stdin)");
    passwd->add_flag("--password-stdin", o.password_stdin, "Read the password from standard input")->excludes(ppw);
    passwd->callback([&] {
        action = [&] {
            return WithApp(o, 1, [&](app::App& app) {
                return Report(app::SetPassword(app, SystemContext(), o.login, ReadPassword(o)));
            });
        };
    });
    for (bool disable : {true, false}) {
        auto* cmd = user->add_subcommand(disable ? "disable" : "enable",
                                         disable ? "Disable a user (ends their sessions)" : "Enable a user");
        AddDb(cmd, o);
        cmd->add_option("--login", o.login, "Login name")->required();
        cmd->callback([&, disable] {
            action = [&, disable] {
                return WithApp(o, 1, [&](app::App& app) {
                    return Report(app::SetUserDisabled(app, SystemContext(), o.login, disable));
                });
            };
        });
    }
    auto* grant = user->add_subcommand("grant", "Grant roles to a user");
    AddDb(grant, o);
    grant->add_option("--login", o.login, "Login name")->required();
    grant->add_option("--role", o.roles, "ROLE@UNIT_CODE (repeatable)")->required();
    grant->callback([&] {
        action = [&] {
            auto roles = ParseRoles(o.roles);
            if (!roles) return Report(tl::unexpected(roles.error()));
            return WithApp(o, 1, [&](app::App& app) {
                for (const auto& g : *roles)
                    if (int rc = Report(app::GrantRole(app, SystemContext(), o.login, g))) return rc;
                return 0;
            });
        };
    });
    auto* list = user->add_subcommand("list", "List users and their roles");
    AddDb(list, o);
    list->callback([&] {
        action = [&] {
            return WithApp(o, 1, [&](app::App& app) {
                auto users = app::ListUsers(app, SystemContext());
                if (!users) return Report(tl::unexpected(users.error()));
                for (const auto& v : *users) {
                    std::cout << fmt::format("{:<20} {:<30} {}", v.user.login, v.user.display_name,
                                             v.user.disabled ? "đã vô hiệu hoá" : "hoạt động");
                    for (const auto& g : v.grants) std::cout << "  " << domain::RoleCode(g.role) << "@" << g.unit_name;
                    std::cout << "\n";
                }
                return 0;
            });
        };
    });
}

}  // namespace

bool ParseListen(const std::string& listen, std::string& host, int& port) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) return false;
    std::string p = listen.substr(colon + 1);
    if (p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
    port = std::stoi(p);
    host = listen.substr(0, colon);
    return port <= 65535;
}

int Run(int argc, char** argv, const Hooks& hooks) {
    crypto::Init();
    CLI::App root{"tdkt — quản lý thi đua, khen thưởng (emulation and commendation management)"};
    root.set_version_flag("--version", hooks.version);
    root.require_subcommand(1);
    root.failure_message([](const CLI::App* app, const CLI::Error& e) {
        return fmt::format("Lỗi: {}\nXem hướng dẫn: tdkt --help hoặc tdkt LỆNH --help\n", e.what());
    });
    Options o;
    std::function<int()> action;

    auto* serve = root.add_subcommand("serve", "Run the web server (migrates the database first)");
    AddDb(serve, o);
    serve->add_option("--listen", o.listen, "HOST:PORT to listen on (port 0 picks a free one)")
        ->envname("TDKT_LISTEN")
        ->capture_default_str();
    serve->add_option("--static", o.static_dir, "Directory of static assets (default: beside the binary)");
    serve->add_option("--threads", o.threads, "Handler threads (route handlers, database work)")
        ->check(CLI::Range(2, 1024))
        ->capture_default_str();
    serve->add_option("--io-threads", o.io_threads, "Event-loop threads reading requests and writing answers")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    serve->add_option("--db-pool", o.pool, "Database connections (default: 4 on SQLite, 16 on PostgreSQL)")
        ->check(CLI::Range(1, 256));
    serve->add_option("--catalog", o.catalog_files, "A province's overlay of the award catalogue (repeatable)")
        ->envname("TDKT_CATALOG");
    serve
        ->add_option("--files", o.files,
                     "Where dossier files are kept: db (in the database, default) or dir:/absolute/path, a "
                     "directory every app server shares")
        ->envname("TDKT_FILES");
    serve
        ->add_option("--smtp", o.smtp,
                     "E-mail notifications through this SMTP server: smtp://host:port (STARTTLS when offered) or "
                     "smtps://host:465; none when absent")
        ->envname("TDKT_SMTP");
    serve->add_option("--smtp-from", o.smtp_from, "The From address of the e-mails")
        ->envname("TDKT_SMTP_FROM")
        ->capture_default_str();
    serve->add_option("--smtp-user", o.smtp_user, "SMTP user name, when the server asks for one")
        ->envname("TDKT_SMTP_USER");
    serve->add_option("--smtp-password", o.smtp_password, "SMTP password (prefer the environment variable)")
        ->envname("TDKT_SMTP_PASSWORD");
    serve->add_option("--public-url", o.public_url, "The address users open, for links in e-mails (https://…)")
        ->envname("TDKT_PUBLIC_URL");
    serve->add_option("--mail-every", o.mail_every, "Seconds between two rounds of sending e-mail")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    serve->add_flag("--no-access-log", o.no_access_log, "Do not write the access log");
    serve->add_flag("--secure-cookies", o.secure_cookies, "Always mark cookies Secure (set automatically behind TLS)");
    serve->callback([&] { action = [&] { return Serve(o, hooks); }; });

    auto* migrate = root.add_subcommand("migrate", "Create or upgrade the database schema");
    AddDb(migrate, o);
    migrate->callback([&] {
        action = [&] {
            if (o.db.empty()) {
                std::cerr << "Lỗi: thiếu --db (hoặc biến môi trường TDKT_DB), ví dụ --db sqlite:var/tdkt.db"
                          << std::endl;
                return 2;
            }
            auto store = storage::OpenStore(o.db, {1, false});
            if (!store) return Report(tl::unexpected(store.error()));
            try {
                auto report = (*store)->Migrate();
                std::cout << "Cơ sở dữ liệu " << (*store)->url().display << ": phiên bản cấu trúc "
                          << report.from_version << " → " << report.to_version << "\n";
            } catch (const std::exception& e) {
                std::cerr << "Lỗi: không cập nhật được cấu trúc cơ sở dữ liệu. Chi tiết: " << e.what() << std::endl;
                return 1;
            }
            return 0;
        };
    });

    AddUserCommands(root, o, action);

    auto* seed = root.add_subcommand("seed", "Load data");
    seed->require_subcommand(1);
    auto* demo = seed->add_subcommand(
        "demo",
        "The demo province: Thái Bình and Hưng Yên from 2019 merged on 1/7/2025, people with seven years of "
        "history, one user per role; adds only what is missing");
    AddDb(demo, o);
    demo->add_option("--people", o.people, "People to generate")->check(CLI::Range(0, 200000))->capture_default_str();
    demo->add_flag("--dossiers", o.demo_dossiers,
                   "Also three dossiers taken through the workflow by the demo users (draft, with the board, "
                   "decided and published); only when there are none yet");
    demo->callback([&] {
        action = [&] {
            return WithApp(o, 1, [&](app::App& app) {
                auto report = app::SeedDemo(app, SystemContext(), {o.people});
                if (!report) return Report(tl::unexpected(report.error()));
                if (report->already_seeded)
                    std::cout << "Dữ liệu mẫu đã có sẵn: không thay đổi gì.\n";
                else
                    std::cout << fmt::format(
                        "Đã tạo dữ liệu mẫu: {} đơn vị, {} cá nhân, {} người dùng (mật khẩu {}).\n", report->units,
                        text::FormatNumberVi(report->people), report->users, app::kDemoPassword);
                if (!o.demo_dossiers) return 0;
                auto dossiers = SeedDemoDossiers(app);
                if (!dossiers) return Report(tl::unexpected(dossiers.error()));
                if (!dossiers->already_there)
                    std::cout << fmt::format("Đã tạo {} hồ sơ mẫu ({} người được đề nghị, {} bằng khen đã cấp).\n",
                                             dossiers->dossiers, dossiers->nominees, dossiers->certificates);
                return 0;
            });
        };
    });

    auto* synthetic = seed->add_subcommand(
        "synthetic", "National-scale generated people (34 provinces, their communes) for benchmarks; deterministic");
    AddDb(synthetic, o);
    synthetic->add_option("--people", o.synthetic_people, "People to generate")
        ->check(CLI::Range(0LL, 100'000'000LL))
        ->capture_default_str();
    synthetic->add_option("--years", o.years, "Years of ratings per person")
        ->check(CLI::Range(1, 30))
        ->capture_default_str();
    synthetic->add_option("--seed", o.seed, "Random seed (same seed, same data)")->capture_default_str();
    synthetic->callback([&] {
        action = [&] {
            return WithApp(o, 1, [&](app::App& app) {
                auto started = std::chrono::steady_clock::now();
                auto report = app::SeedSynthetic(app, SystemContext(), {o.synthetic_people, o.years, o.seed},
                                                 [](std::int64_t done, std::int64_t total) {
                                                     std::cerr << fmt::format("… {} / {} người\n", done, total);
                                                 });
                if (!report) return Report(tl::unexpected(report.error()));
                double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                std::cout << fmt::format(
                    "Đã sinh {} đơn vị, {} cá nhân, {} xếp loại, {} khen thưởng trong {:.1f} giây.\n", report->units,
                    report->people, report->ratings, report->awards, seconds);
                return 0;
            });
        };
    });

    auto* import = root.add_subcommand(
        "import",
        "Import units, people, ratings or awards from an xlsx file: every row is checked; any problem "
        "imports nothing and lists each row (exit 1)");
    AddDb(import, o);
    import->add_option("--kind", o.kind, "units | people | ratings | awards")
        ->check(CLI::IsMember({"units", "people", "ratings", "awards"}))
        ->capture_default_str();
    import->add_option("file", o.file, "The .xlsx file (templates: /nhap-du-lieu in the web app)")->required();
    import->callback([&] {
        action = [&] {
            std::ifstream in(o.file, std::ios::binary);
    if (!in) {
        std::cerr << "Không mở được tệp " << o.file << ".\n";
        return 1;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto sheet = reports::ReadXlsx(bytes.str());
    if (!sheet) return Report(tl::unexpected(sheet.error()));
    return WithApp(o, 1, [&](app::App& app) {
        auto kind = *app::ImportKindFromCode(o.kind);
        int last = -1;
        auto report =
            app::ImportTable(app, SystemContext(), kind, sheet->rows, [&](std::string_view, int done, int total) {
                int percent = total ? done * 100 / total : 100;
                if (percent / 10 != last / 10) std::cerr << fmt::format("… {} / {} dòng\n", done, total);
                last = percent;
            });
        if (!report) return Report(tl::unexpected(report.error()));
        if (!report->problems.empty()) {
            for (const auto& p : report->problems)
                std::cerr << fmt::format("Dòng {}{}: {}\n", p.row, p.column.empty() ? "" : ", cột «" + p.column + "»",
                                         p.message);
            std::cerr << fmt::format("Tệp có {} lỗi trong {} dòng: chưa nhập dòng nào.\n", report->problems.size(),
                                     report->rows);
            return 1;
        }
        std::cout << fmt::format("Đã nhập {} dòng ({}).\n", text::FormatNumberVi(report->imported),
                                 app::ImportKindLabel(kind));
        return 0;
    });
};
}  // namespace tdkt::cli
);

auto* exporter = root.add_subcommand(
    "export", "Write people to an xlsx file in the import template's columns (all of them, or a unit's, or matches)");
AddDb(exporter, o);
exporter->add_option("--kind", o.kind, "people")->check(CLI::IsMember({"people"}))->capture_default_str();
exporter->add_option("--unit", o.unit_code, "Only this unit (by code) and its sub-units");
exporter->add_option("--q", o.query, "Only people matching this name or national ID prefix");
exporter->add_option("--limit", o.limit, "At most this many people (the first by id); 0: all")
    ->check(CLI::NonNegativeNumber);
exporter->add_option("file", o.file, "The .xlsx file to write")->required();
exporter->callback([&] {
    action = [&] {
        return WithApp(o, 1, [&](app::App& app) {
            auto ctx = SystemContext();
            app::PeopleSearch search;
            search.text = o.query;
            if (!o.unit_code.empty()) {
                auto units = app::ListUnitsAsOf(app, ctx, std::nullopt, "");
                if (!units) return Report(tl::unexpected(units.error()));
                auto it = std::find_if(units->begin(), units->end(),
                                       [&](const app::UnitRecord& u) { return u.code == o.unit_code; });
                if (it == units->end()) {
                    std::cerr << fmt::format("Lỗi: không có đơn vị mã {}.\n", o.unit_code);
                    return 1;
                }
                search.unit = it->id;
            }
            auto started = std::chrono::steady_clock::now();
            auto table = reports::PeopleTable("Xuất lúc " + FormatDateTimeVi(app.clock.Now()) + " bởi " +
                                              ctx.system_user + " (dòng lệnh)");
            auto count = app::ForEachPerson(app, ctx, search, [&](const std::vector<app::PersonRecord>& batch) {
                std::size_t room = o.limit ? static_cast<std::size_t>(o.limit) - table.rows.size() : batch.size();
                if (room >= batch.size()) {
                    reports::AddPeopleRows(table, batch);
                } else {
                    reports::AddPeopleRows(table, {batch.begin(), batch.begin() + static_cast<std::ptrdiff_t>(room)});
                }
                return !o.limit || table.rows.size() < static_cast<std::size_t>(o.limit);
            });
            if (!count) return Report(tl::unexpected(count.error()));
            std::ofstream out(o.file, std::ios::binary);
            out << reports::WriteXlsx(table);
            if (!out.flush()) {
                std::cerr << "Không ghi được tệp " << o.file << ".\n";
                return 1;
            }
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            std::cout << fmt::format("Đã xuất {} cá nhân vào {} trong {:.1f} giây.\n",
                                     text::FormatNumberVi(static_cast<std::int64_t>(table.rows.size())), o.file,
                                     seconds);
            return 0;
        });
    };
});

auto* check = root.add_subcommand(
    "check",
    "Check who is eligible for what: subjects and proposals in (JSON, the full xlsx workbook, or the officer's "
    "xlsx list with --db), "
    "verdicts out (JSON, or xlsx when --output ends in .xlsx); docs/eligibility.md");
check->add_option("--input", o.file,
                  "The JSON document, the full .xlsx workbook or the .xlsx list ('-': JSON on standard input)");
check->add_flag("--everyone", o.everyone,
                "With --db: judge every person for every individual award the engine can judge (verdicts only) and "
                "print the counts and timings");
check->add_option("--year", o.year, "With --everyone: the achievement year (default: last year)");
check->add_option("--decision-date", o.decision_date, "With --everyone: YYYY-MM-DD (default: today)");
check->add_option("--output", o.output,
                  "Where to write the results: .json or .xlsx (default: JSON on standard output)");
AddDb(check, o);
check->add_option("--catalog", o.catalog_files, "A province's overlay of the award catalogue (repeatable)");
check->callback([&] {
    action = [&] {
        auto catalog = CatalogFrom(o);
        if (!catalog) return Report(tl::unexpected(catalog.error()));
        if (o.everyone) return CheckEveryone(o);
        if (o.file.empty()) {
            std::cerr << "Lỗi: cần --input FILE (hoặc --everyone với --db).\n";
            return 2;
        }
        auto text = ReadInput(o.file);
        if (!text) {
            std::cerr << fmt::format("Lỗi: không đọc được tệp {}.\n", o.file);
            return 1;
        }
        auto report = [](const Error& e) {
            std::cerr << "Lỗi: " << e.message << "\n";
            if (e.fields.size() > 1)
                for (const auto& [field, message] : e.fields) std::cerr << "  " << field << ": " << message << "\n";
            return 1;
        };
        Result<app::CheckDocument> doc = tl::unexpected(Error{});
        if (EndsWithXlsx(o.file)) {
            doc = reports::CheckDocumentFromXlsx(*text, **catalog, VietnamDate(SystemClock().Now()));
        } else {
            doc = app::ParseCheckText(*text, **catalog);
        }
        if (!doc) return report(doc.error());
        if (!doc->stored.empty()) {
            if (o.db.empty()) {
                std::cerr << "Lỗi: hồ sơ của các đối tượng lấy từ cơ sở dữ liệu (số CCCD, mã đơn vị …): cần --db.\n";
                return 2;
            }
            int rc = WithApp(o, 1, [&](app::App& app) {
                auto loaded = app::LoadStoredSubjects(app, SystemContext(), *doc);
                return loaded ? 0 : report(loaded.error());
            });
            if (rc != 0) return rc;
        }
        auto verdicts = app::CheckAll(**catalog, *doc);
        std::string results;
        if (EndsWithXlsx(o.output))
            results = reports::WriteXlsx(reports::EligibilityTable(
                *doc, verdicts, **catalog, "Kiểm tra lúc " + FormatDateTimeVi(SystemClock().Now()) + " (dòng lệnh)"));
        else
            results = app::ResultsJson(*doc, verdicts).dump(2) + "\n";
        if (o.output.empty()) {
            std::cout << results;
            return 0;
        }
        std::ofstream out(o.output, std::ios::binary);
        out << results;
        if (!out.flush()) {
            std::cerr << fmt::format("Lỗi: không ghi được tệp {}.\n", o.output);
            return 1;
        }
        std::cerr << fmt::format("Đã kiểm tra {} đề nghị, kết quả ghi vào {}.\n", doc->proposals.size(), o.output);
        return 0;
    };
});

auto* audit = root.add_subcommand("audit", "The audit log");
audit->require_subcommand(1);
auto* verify = audit->add_subcommand("verify", "Check the hash chain; exits 1 and names the first broken entry");
AddDb(verify, o);
verify->callback([&] {
    action = [&] {
        return WithApp(o, 1, [&](app::App& app) {
            auto result = app::VerifyAuditLog(app);
            if (!result.first_break) {
                std::cout << fmt::format("Nhật ký toàn vẹn: {} bản ghi, chuỗi mã băm khớp.\n", result.entries_checked);
                return 0;
            }
            std::cerr << fmt::format("Nhật ký bị can thiệp: bản ghi đầu tiên bị hỏng là #{}. {}\n",
                                     result.first_break->entry_id, result.first_break->reason);
            return 1;
        });
    };
});

try {
    root.parse(argc, argv);
} catch (const CLI::ParseError& e) {
    return root.exit(e) == 0 ? 0 : 2;
}
try {
    return action ? action() : 2;
} catch (const std::exception& e) {
    std::cerr << "Lỗi hệ thống: " << e.what() << std::endl;
    return 1;
}
}

}  // namespace tdkt::cli
