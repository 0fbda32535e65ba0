#pragma once
// The `tdkt` command line: every batch job and administration task, calling the same use cases as
// the web. `serve` is handed in by the composition root, since cli/ may not depend on web/.
#include <functional>
#include <string>

#include "app/app.h"

namespace tdkt::cli {

struct ServeArgs {
    std::string host;
    int port = 8080;
    std::string static_dir;
    int threads = 16;
    int io_threads = 1;
    bool access_log = true;
    bool secure_cookies = false;
};

struct Hooks {
    std::string version;
    std::string default_static_dir;
    std::function<int(app::App&, const ServeArgs&)> serve;
};

// Parses argv and runs the subcommand; returns the process exit code (0 ok, 1 failed, 2 usage).
int Run(int argc, char** argv, const Hooks& hooks);

// "127.0.0.1:8080" → host and port; false when malformed.
bool ParseListen(const std::string& listen, std::string& host, int& port);

}  // namespace tdkt::cli
