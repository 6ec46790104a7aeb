// Argon2id password hashing (libargon2), PHC string format.
#pragma once

#include <string>
#include <string_view>

namespace sqm::org {

// Argon2id with m=19 MiB, t=2, p=1 (OWASP's minimum recommendation) and a 16-byte random salt.
std::string HashPassword(std::string_view password);

// True when `password` matches `encoded`; false for a wrong password or an unparsable hash.
bool VerifyPassword(const std::string& encoded, std::string_view password);

}  // namespace sqm::org
