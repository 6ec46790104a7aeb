#include "storage/database.h"
#include "storage/migrations.h"

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "base/crypto.h"
#include "base/json.h"

namespace sqm::storage {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sqm_db_test_" + std::to_string(::getpid()) + "_" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Open();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open(bool group_commit = true) {
    db_.reset();
    db_ = std::make_unique<Database>(DatabaseOptions{(dir_ / "t.db").string(), "FULL", group_commit}, clock_);
    db_->Migrate();
  }
  Result<std::int64_t> AddDepartment(const std::string& name) {
    return db_->Write("tester", [&](WriteTx& tx) -> Result<std::int64_t> {
      SQM_ASSIGN(auto r, tx.db().Exec("INSERT INTO departments (name, created_at, updated_at) VALUES (?, ?, ?)",
                                      {name, tx.now(), tx.now()}));
      tx.Append("department", std::to_string(r.last_insert_id), "department.created", {{"name", name}});
      if (name == "fail") return Error::Invalid("name", "refused");
      return r.last_insert_id;
    });
  }
  std::int64_t Count(const char* table) {
    return db_->Read([&](Connection& c) { return c.QueryOne(std::string("SELECT count(*) FROM ") + table)->Int(0); });
  }

  std::filesystem::path dir_;
  ManualClock clock_{1'700'000'000'000};
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, MigrationsApplyOnceAndAreRecorded) {
  auto again = db_->Migrate();
  EXPECT_TRUE(again.empty());
  EXPECT_EQ(Count("schema_migrations"), static_cast<std::int64_t>(BuiltinMigrations().size()));
}

TEST_F(DatabaseTest, WriteIsVisibleToReadersAndLogged) {
  auto id = AddDepartment("客服部");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(Count("departments"), 1);
  auto events = db_->Read([](Connection& c) { return ListEvents(c, {}); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "department.created");
  EXPECT_EQ(events[0].actor, "tester");
  EXPECT_EQ(events[0].data, R"({"name":"客服部"})");
  EXPECT_EQ(events[0].at, clock_.Now());
}

TEST_F(DatabaseTest, FailedJobRollsBackOnlyItselfAndKeepsTheChain) {
  ASSERT_TRUE(AddDepartment("a").ok());
  auto bad = AddDepartment("fail");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "name");
  ASSERT_TRUE(AddDepartment("b").ok());
  EXPECT_EQ(Count("departments"), 2);
  EXPECT_EQ(Count("events"), 2);
  EXPECT_FALSE(db_->VerifyAudit().has_value());
}

TEST_F(DatabaseTest, ExceptionInJobIsAnInternalErrorNotACrash) {
  auto r = db_->Write("t", [](WriteTx& tx) -> Status {
    tx.db().Query("SELECT * FROM no_such_table");
    return {};
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(AddDepartment("after").ok());
}

TEST_F(DatabaseTest, ConcurrentWritersAreGroupCommitted) {
  constexpr int kThreads = 16, kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) ASSERT_TRUE(AddDepartment("d" + std::to_string(t * 100 + i)).ok());
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(Count("departments"), kThreads * kEach);
  EXPECT_LT(db_->CommitCount(), kThreads * kEach);  // some batches held several writes
  EXPECT_FALSE(db_->VerifyAudit().has_value());
}

TEST_F(DatabaseTest, WithoutGroupCommitEveryWriteCommitsAlone) {
  Open(/*group_commit=*/false);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(AddDepartment("x").ok());
  EXPECT_EQ(db_->CommitCount(), 5);
}

TEST_F(DatabaseTest, VerifyAuditFindsTampering) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(AddDepartment("d" + std::to_string(i)).ok());
  ASSERT_FALSE(db_->VerifyAudit().has_value());
  ASSERT_TRUE(db_->Write("t",
                         [](WriteTx& tx) -> Status {
                           return tx.db().Exec("UPDATE events SET data = '{\"name\":\"x\"}' WHERE seq = 3");
                         })
                  .ok());
  auto br = db_->VerifyAudit();
  ASSERT_TRUE(br.has_value());
  EXPECT_EQ(br->seq, 3);
}

TEST_F(DatabaseTest, VerifyAuditFindsDeletedEvent) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(AddDepartment("d").ok());
  ASSERT_TRUE(
      db_->Write("t", [](WriteTx& tx) -> Status { return tx.db().Exec("DELETE FROM events WHERE seq = 2"); }).ok());
  auto br = db_->VerifyAudit();
  ASSERT_TRUE(br.has_value());
  EXPECT_EQ(br->seq, 2);
}

TEST(EventHash, IsTheHashOfPrevHashAndTheCanonicalRow) {
  const Event e{.seq = 42,
                .at = -1'700'000'000'123,
                .actor = "ag\"ent\n\x01\x7f",  // escaped in the canonical row
                .entity = "ticket",
                .entity_id = "7",
                .type = "ticket.\\created",
                .data = R"({"title":"打印机\n卡纸","note":"a\"b"})",
                .prev_hash = std::string(64, 'a')};
  const boost::json::array canonical{e.seq, e.at, e.actor, e.entity, e.entity_id, e.type, e.data};
  EXPECT_EQ(EventHash(e), crypto::Sha256Hex(e.prev_hash + json::Serialize(canonical)));
}

TEST_F(DatabaseTest, AJobMemoLastsForThatJobOnly) {
  struct Seen {
    int uses = 0;
  };
  auto use_twice = [](WriteTx& tx) -> Result<int> {
    ++tx.Memo<Seen>().uses;
    return ++tx.Memo<Seen>().uses;
  };
  EXPECT_EQ(db_->Write("t", use_twice).value(), 2);
  EXPECT_EQ(db_->Write("t", use_twice).value(), 2);
  auto failed = db_->Write("t", [](WriteTx& tx) -> Status {
    tx.Memo<Seen>().uses = 100;
    return Error::Invalid("x", "refused");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(db_->Write("t", use_twice).value(), 2);
}

TEST_F(DatabaseTest, ChainContinuesAcrossRestart) {
  ASSERT_TRUE(AddDepartment("a").ok());
  Open();
  ASSERT_TRUE(AddDepartment("b").ok());
  EXPECT_FALSE(db_->VerifyAudit().has_value());
  EXPECT_EQ(Count("events"), 2);
}

TEST_F(DatabaseTest, ConstraintViolationIsConflict) {
  auto r = db_->Write("t", [](WriteTx& tx) -> Status {
    return tx.db().Exec("INSERT INTO departments (parent_id, name, created_at, updated_at) VALUES (999, 'x', 0, 0)");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(DatabaseTest, BackupIsACompleteCopy) {
  ASSERT_TRUE(AddDepartment("a").ok());
  const auto copy = (dir_ / "copy.db").string();
  db_->Backup(copy);
  Database other(DatabaseOptions{copy}, clock_);
  EXPECT_EQ(other.Read([](Connection& c) { return c.QueryOne("SELECT name FROM departments")->Text(0); }), "a");
}

TEST_F(DatabaseTest, WritesAfterCloseAreRefused) {
  db_->Close();
  auto r = AddDepartment("late");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace sqm::storage
