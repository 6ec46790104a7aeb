#include "storage/restore.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "storage/event_log.h"
#include "storage/migrations.h"
#include "storage/postgres.h"
#include "storage/sqlite.h"
#include "storage/testing.h"

namespace sqm::storage {
namespace {

// Runs on SQLite, or on PostgreSQL under SQM_TEST_DB=postgres (storage/testing.h).
class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("sqm-restore-test-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
    db_ = std::make_unique<Database>(DatabaseOptions{source_.url()}, clock_);
    db_->Migrate();
    for (const char* name : {"客服部", "技术支持部", "质量管理部"}) AddDepartment(*db_, name);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(folder_);
  }
  static void AddDepartment(Database& db, const std::string& name) {
    auto r = db.Write("tester", [&](WriteTx& tx) -> Result<std::int64_t> {
      SQM_ASSIGN(auto row,
                 tx.db().Exec("INSERT INTO departments (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
                              {name, tx.now(), tx.now()}));
      tx.Append("department", std::to_string(row.last_insert_id), "department.created", {{"name", name}});
      return row.last_insert_id;
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  static std::int64_t Count(Database& db, const std::string& table) {
    return db.Read([&](Connection& c) { return c.QueryOne("SELECT count(*) FROM " + table)->Int(0); });
  }
  std::string Backup() {
    const std::string file = (folder_ / "backup").string();
    db_->Backup(file);
    return file;
  }
  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string file = (folder_ / name).string();
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  // A target of the run's kind: a new SQLite file, or a new empty PostgreSQL database.
  std::string Target(const std::string& name) {
    if (source_.dialect() == Dialect::kSqlite) return source_.SiblingUrl(name);
    return targets_.emplace_back(std::make_unique<testing::TestDb>(Dialect::kPostgres))->url();
  }
  static std::string RestoreError(const std::string& target, const std::string& from) {
    try {
      Restore(DatabaseOptions{target}, from);
    } catch (const DbError& e) {
      return e.what();
    }
    return "";
  }

  testing::TestDb source_;
  std::vector<std::unique_ptr<testing::TestDb>> targets_;
  ManualClock clock_{1'700'000'000'000};
  std::filesystem::path folder_;
  std::unique_ptr<Database> db_;
};

TEST_F(RestoreTest, ABackupRestoresWithTheSameCountsAndAnIntactChain) {
  const std::string backup = Backup();
  const std::string target = Target("restored");
  const RestoreReport report = Restore(DatabaseOptions{target}, backup);
  EXPECT_EQ(report.events, 3);
  EXPECT_EQ(report.last_migration, BuiltinMigrations(source_.dialect()).back().name);

  Database restored(DatabaseOptions{target}, clock_);
  EXPECT_TRUE(restored.Migrate().empty()) << "the copy is at the schema it was taken at";
  for (const char* table : {"departments", "events", "event_names", "schema_migrations"}) {
    EXPECT_EQ(Count(restored, table), Count(*db_, table)) << table;
  }
  EXPECT_FALSE(restored.VerifyAudit().has_value());
  // The copy goes on: its chain continues from the restored head.
  AddDepartment(restored, "运维服务部");
  EXPECT_FALSE(restored.VerifyAudit().has_value());
  EXPECT_EQ(Count(restored, "events"), 4);
}

TEST_F(RestoreTest, AFileThatIsNotAnSqmBackupIsRefusedAndNothingIsWritten) {
  const std::string target = Target("refused");
  EXPECT_NE(RestoreError(target, WriteFile("notes.txt", "hello")).find("is not a"), std::string::npos);
  EXPECT_NE(RestoreError(target, (folder_ / "missing").string()).find("is not a file"), std::string::npos);
  if (source_.dialect() == Dialect::kSqlite) {
    const std::string other = (folder_ / "other.db").string();
    {
      SqliteConnection c(SqliteOptions{.path = other});
      c.ExecScript("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    }
    EXPECT_NE(RestoreError(target, other).find("is not an sqm database"), std::string::npos)
        << RestoreError(target, other);
    EXPECT_FALSE(std::filesystem::exists(target));
  } else {
    // A pg_dump archive of something else.
    EXPECT_NE(RestoreError(target, WriteFile("fake.dump", "PGDMP and then nonsense")).find("restore:"),
              std::string::npos);
    Database empty(DatabaseOptions{target}, clock_);
    EXPECT_EQ(empty.Read([](Connection& c) {
      return c.QueryOne("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'")->Int(0);
    }),
              0);
  }
}

TEST_F(RestoreTest, ATargetThatAlreadyHoldsSqmIsRefused) {
  const std::string backup = Backup();
  const std::string target = Target("twice");
  Restore(DatabaseOptions{target}, backup);
  EXPECT_NE(RestoreError(target, backup).find("already holds an sqm database"), std::string::npos);
}

TEST_F(RestoreTest, ACopyWithABrokenChainIsRefused) {
  {
    // An event edited behind sqm's back before the backup.
    std::unique_ptr<Connection> c;
    if (source_.dialect() == Dialect::kSqlite)
      c = std::make_unique<SqliteConnection>(SqliteOptions{.path = source_.url()});
    else
      c = std::make_unique<PgConnection>(source_.url());
    ASSERT_TRUE(c->Exec("UPDATE events SET at = at + 1 WHERE seq = 2").ok());
  }
  const std::string backup = Backup();
  const std::string target = Target("broken");
  const std::string error = RestoreError(target, backup);
  EXPECT_NE(error.find("audit chain of " + backup + " is broken at seq 2"), std::string::npos) << error;
  // SQLite checks the copy before writing; pg_restore has to restore it before it can be checked.
  if (source_.dialect() == Dialect::kSqlite) {
    EXPECT_FALSE(std::filesystem::exists(target));
  }
}

}  // namespace
}  // namespace sqm::storage
