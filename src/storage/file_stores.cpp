#include "storage/file_stores.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "app/files.h"
#include "core/crypto.h"

namespace tdkt::storage {
namespace fs = std::filesystem;

DirectoryFileStore::DirectoryFileStore(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec || !fs::is_directory(root_))
        throw std::runtime_error(fmt::format("Không tạo được thư mục lưu tệp «{}»: {}.", root_.string(),
                                             ec ? ec.message() : "không phải thư mục"));
    if (::access(root_.c_str(), W_OK) != 0)
        throw std::runtime_error(fmt::format("Không ghi được vào thư mục lưu tệp «{}».", root_.string()));
}

fs::path DirectoryFileStore::PathOf(const std::string& sha256) const {
    // Only a hex digest names a file: nothing the caller passes can leave the directory.
    if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw std::invalid_argument("not a SHA-256 hex digest");
    return root_ / sha256.substr(0, 2) / sha256;
}

void DirectoryFileStore::Put(app::Repositories& repos, const app::FileRecord& file, std::string_view bytes) {
    auto path = PathOf(file.sha256);
    if (!fs::exists(path)) {
        fs::create_directories(path.parent_path());
        auto temp = path;
        temp += fmt::format(".{}.tmp", crypto::RandomToken(8));
        int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
        if (fd < 0) throw std::runtime_error(fmt::format("Không ghi được tệp «{}».", temp.string()));
        std::size_t done = 0;
        while (done < bytes.size()) {
            auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) {
                ::close(fd);
                ::unlink(temp.c_str());
                throw std::runtime_error(fmt::format("Không ghi được tệp «{}».", temp.string()));
            }
            done += static_cast<std::size_t>(n);
        }
        bool synced = ::fsync(fd) == 0;
        ::close(fd);
        if (!synced || ::rename(temp.c_str(), path.c_str()) != 0) {
            ::unlink(temp.c_str());
            throw std::runtime_error(fmt::format("Không ghi được tệp «{}».", path.string()));
        }
    }
    repos.files.Insert(file, std::nullopt);
}

std::optional<std::string> DirectoryFileStore::Get(app::Repositories& repos, const std::string& sha256) {
    if (!repos.files.Find(sha256)) return std::nullopt;
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::shared_ptr<app::FileStore> OpenFileStore(const std::string& spec) {
    if (spec.empty() || spec == "db" || spec == "database") return std::make_shared<app::DatabaseFileStore>();
    std::string path = spec.rfind("dir:", 0) == 0 ? spec.substr(4) : spec;
    if (path.empty() || path.front() != '/')
        throw std::runtime_error(fmt::format(
            "Nơi lưu tệp «{}» không hợp lệ: dùng «db» (cơ sở dữ liệu) hoặc «dir:/đường/dẫn/tuyệt/đối».", spec));
    return std::make_shared<DirectoryFileStore>(path);
}

}  // namespace tdkt::storage
