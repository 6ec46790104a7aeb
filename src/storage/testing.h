// Databases for tests, on the dialect the run chose: SQLite unless SQM_TEST_DB=postgres.
//
// `./test` runs CTest twice, the second time with SQM_TEST_DB=postgres and SQM_TEST_PG_URL set to
// the superuser URL of a throwaway cluster it started (scripts/pg.sh). A test binary run by hand
// with SQM_TEST_DB=postgres and no URL starts a private cluster of its own (stopped at exit).
#pragma once

#include <string>

#include "storage/db.h"

namespace sqm::storage::testing {

Dialect TestDialect();

// The superuser URL of the PostgreSQL test cluster (SQM_TEST_PG_URL, or a private one).
std::string PostgresServerUrl();

// A fresh, empty database for one test: a file in its own temporary folder (SQLite) or a new
// database on the test cluster (PostgreSQL). Removed when destroyed.
class TestDb {
 public:
  explicit TestDb(Dialect dialect = TestDialect());
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& url() const { return url_; }
  Dialect dialect() const { return dialect_; }
  const std::string& name() const { return name_; }  // the PostgreSQL database's name
  // A second, empty database of the same kind (the target of a backup, say).
  std::string SiblingUrl(const std::string& name) const;

 private:
  Dialect dialect_;
  std::string folder_;  // SQLite
  std::string name_;    // PostgreSQL database name
  std::string url_;
};

}  // namespace sqm::storage::testing
