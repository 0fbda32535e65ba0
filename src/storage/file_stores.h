#pragma once
// The directory file store of ADR 0013 (the database one, the default, is app::DatabaseFileStore).
#include <filesystem>
#include <memory>
#include <string>

#include "app/ports.h"

namespace tdkt::storage {

// The bytes go to DIR/ab/abcdef… (the SHA-256, fanned out by its first two characters), written to a
// temporary name, flushed and renamed, so a reader never sees half a file; the row in `files` is
// written in the caller's transaction. A rolled-back upload may leave its bytes in the directory,
// unreferenced and harmless (the same bytes uploaded again reuse them).
class DirectoryFileStore final : public app::FileStore {
  public:
    explicit DirectoryFileStore(std::filesystem::path root);
    void Put(app::Repositories& repos, const app::FileRecord& file, std::string_view bytes) override;
    std::optional<std::string> Get(app::Repositories& repos, const std::string& sha256) override;
    std::string Describe() const override { return "directory " + root_.string(); }

  private:
    std::filesystem::path PathOf(const std::string& sha256) const;
    std::filesystem::path root_;
};

// "" or "db" → the database; "dir:/path" or an absolute path → that directory (created if missing).
// Throws std::runtime_error with a Vietnamese message when the directory cannot be used.
std::shared_ptr<app::FileStore> OpenFileStore(const std::string& spec);

}  // namespace tdkt::storage
