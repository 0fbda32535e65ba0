#pragma once
// Files of dossiers (ADR 0013): what kinds are accepted, told by their content, and the default file
// store, the database.
#include <optional>
#include <string>
#include <string_view>

#include "app/app.h"
#include "app/ports.h"

namespace tdkt::app {

// The bytes go base64-encoded into `files.content_b64`, in the caller's transaction: a rolled-back
// upload leaves nothing behind.
class DatabaseFileStore final : public FileStore {
  public:
    void Put(Repositories& repos, const FileRecord& file, std::string_view bytes) override;
    std::optional<std::string> Get(Repositories& repos, const std::string& sha256) override;
    std::string Describe() const override { return "database"; }
};

// The app's file store: the one configured (serve --files), else the database.
FileStore& FilesOf(App& app);

// The media type of the bytes as libmagic reads them, whatever the file is called:
// "application/pdf", "image/png" …
std::string SniffMediaType(std::string_view bytes);

struct AcceptedType {
    std::string media_type, extension, label;  // "application/pdf", "pdf", "PDF"
};

// PDF, DOCX, JPEG and PNG: what a dossier may hold.
const std::vector<AcceptedType>& AcceptedTypes();
const AcceptedType* Accepted(std::string_view media_type);

constexpr std::int64_t kMaxUploadBytes = 20 * 1024 * 1024;

}  // namespace tdkt::app
