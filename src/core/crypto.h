#pragma once
// Hashes, random tokens and password hashing, all from libsodium (docs/adr/0005).
#include <optional>
#include <string>
#include <string_view>

namespace tdkt::crypto {

// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);
// URL-safe random token carrying `bytes` bytes of entropy (session tokens, CSRF tokens, request ids).
std::string RandomToken(std::size_t bytes = 32);
// argon2id (libsodium INTERACTIVE limits: about 0.1 s and 64 MiB). Callers bound concurrency.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);
// Standard base64 with padding (files kept in the database); decoding returns nullopt on bad input.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);
// Constant-time equality for secrets.
bool SecretEquals(std::string_view a, std::string_view b);
// Must be called once before any other function here (idempotent, thread-safe).
void Init();

}  // namespace tdkt::crypto
