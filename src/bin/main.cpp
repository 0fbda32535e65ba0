// Composition root: wires storage and the web server into the command line. Nothing else lives here.
#include <unistd.h>

#include <filesystem>

#include "cli/cli.h"
#include "web/server.h"

namespace {

std::string StaticDirBesideBinary() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("static") : (exe.parent_path() / "static").string();
}

int Serve(tdkt::app::App& app, const tdkt::cli::ServeArgs& args) {
    tdkt::web::ServerOptions options;
    options.host = args.host;
    options.port = args.port;
    options.static_dir = args.static_dir;
    options.threads = args.threads;
    options.io_threads = args.io_threads;
    options.access_log = args.access_log;
    options.secure_cookies = args.secure_cookies;
    options.version = TDKT_VERSION;
    return tdkt::web::ServeUntilSignalled(app, options);
}

}  // namespace

int main(int argc, char** argv) { return tdkt::cli::Run(argc, argv, {TDKT_VERSION, StaticDirBesideBinary(), Serve}); }
