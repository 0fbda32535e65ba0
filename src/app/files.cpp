#include "app/files.h"

#include <magic.h>

#include <mutex>

#include "core/crypto.h"

namespace tdkt::app {

void DatabaseFileStore::Put(Repositories& repos, const FileRecord& file, std::string_view bytes) {
    repos.files.Insert(file, crypto::Base64Encode(bytes));
}

std::optional<std::string> DatabaseFileStore::Get(Repositories& repos, const std::string& sha256) {
    auto content = repos.files.ContentBase64(sha256);
    if (!content) return std::nullopt;
    return crypto::Base64Decode(*content);
}

FileStore& FilesOf(App& app) {
    static DatabaseFileStore database;
    return app.files ? *app.files : database;
}

std::string SniffMediaType(std::string_view bytes) {
    // One cookie, loaded once; libmagic's cookies are not safe to share between threads.
    static std::mutex mutex;
    static magic_t cookie = [] {
        magic_t c = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
        if (c && magic_load(c, nullptr) != 0) {
            magic_close(c);
            c = nullptr;
        }
        return c;
    }();
    if (!cookie || bytes.empty()) return "application/octet-stream";
    std::lock_guard lock(mutex);
    const char* type = magic_buffer(cookie, bytes.data(), bytes.size());
    return type ? type : "application/octet-stream";
}

const std::vector<AcceptedType>& AcceptedTypes() {
    static const std::vector<AcceptedType> types{
        {"application/pdf", "pdf", "PDF"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word (DOCX)"},
        {"image/jpeg", "jpg", "ảnh JPEG"},
        {"image/png", "png", "ảnh PNG"},
    };
    return types;
}

const AcceptedType* Accepted(std::string_view media_type) {
    for (const auto& t : AcceptedTypes())
        if (t.media_type == media_type) return &t;
    return nullptr;
}

}  // namespace tdkt::app
