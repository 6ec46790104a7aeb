// Running PostgreSQL's client programs (pg_dump, pg_restore) against a database given by its URI.
// The password goes to the program in its environment (PGPASSWORD), never on its command line,
// where `ps` would show it.
#pragma once

#include <string>
#include <vector>

namespace sqm::storage {

// Runs `program args... --dbname=<the URI's connection parameters>` and waits for it. Throws
// DbError("<what>: ...") when it cannot be started or exits with a failure (its own message is on
// stderr).
void RunPgTool(const std::string& what, const std::string& program, std::vector<std::string> args,
               const std::string& url);

// Runs `program args...` with no database (e.g. `pg_restore --list FILE`); same errors.
void RunPgTool(const std::string& what, const std::string& program, std::vector<std::string> args);

}  // namespace sqm::storage
