// Hashing and randomness for tokens and the audit chain (OpenSSL).
#pragma once

#include <string>
#include <string_view>

namespace sqm::crypto {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
// Of `prefix` followed by the whole file `fd`, read by offset from its start (its position is left
// alone). Throws std::runtime_error when the file cannot be read.
std::string Sha256Hex(std::string_view prefix, int fd);

// `bytes` bytes from the OS CSPRNG, as URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);

// Constant-time comparison for secrets of equal length.
bool SecretEquals(std::string_view a, std::string_view b);

}  // namespace sqm::crypto
