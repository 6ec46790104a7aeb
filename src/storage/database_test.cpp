#include "storage/database.h"
#include "storage/migrations.h"

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "base/crypto.h"
#include "base/json.h"
#include "storage/event_codec.h"
#include "storage/sqlite.h"
#include "storage/testing.h"

namespace sqm::storage {
namespace {

// Runs on SQLite, or on PostgreSQL under SQM_TEST_DB=postgres (storage/testing.h).
class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }
  void TearDown() override { db_.reset(); }
  void Open(bool group_commit = true) {
    db_.reset();
    db_ = std::make_unique<Database>(DatabaseOptions{test_db_.url(), "FULL", group_commit}, clock_);
    db_->Migrate();
  }
  Result<std::int64_t> AddDepartment(const std::string& name) {
    return db_->Write("tester", [&](WriteTx& tx) -> Result<std::int64_t> {
      SQM_ASSIGN(auto r,
                 tx.db().Exec("INSERT INTO departments (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
                              {name, tx.now(), tx.now()}));
      tx.Append("department", std::to_string(r.last_insert_id), "department.created", {{"name", name}});
      if (name == "fail") return Error::Invalid("name", "refused");
      return r.last_insert_id;
    });
  }
  std::int64_t Count(const char* table) {
    return db_->Read([&](Connection& c) { return c.QueryOne(std::string("SELECT count(*) FROM ") + table)->Int(0); });
  }

  testing::TestDb test_db_;
  ManualClock clock_{1'700'000'000'000};
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, MigrationsApplyOnceAndAreRecorded) {
  auto again = db_->Migrate();
  EXPECT_TRUE(again.empty());
  EXPECT_EQ(Count("schema_migrations"), static_cast<std::int64_t>(BuiltinMigrations(db_->dialect()).size()));
}

TEST_F(DatabaseTest, WriteIsVisibleToReadersAndLogged) {
  auto id = AddDepartment("客服部");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(Count("departments"), 1);
  auto events = db_->Read([](Connection& c) { return ListEvents(c, {}).events; });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "department.created");
  EXPECT_EQ(events[0].actor, "tester");
  EXPECT_EQ(events[0].data, R"({"name":"客服部"})");
  EXPECT_EQ(events[0].at, clock_.Now());
}

// QueryEach hands the rows one by one, as Query would give them; when the callback throws, the
// statement is ended and the connection serves the next one (PostgreSQL's single-row results are
// read to the end).
TEST_F(DatabaseTest, QueryEachStreamsTheRowsAndSurvivesAThrowingCallback) {
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(AddDepartment("d" + std::to_string(i)).ok());
  db_->Read([&](Connection& c) {
    const std::string sql = "SELECT id, name FROM departments WHERE id > ? ORDER BY id";
    std::vector<std::string> streamed, queried;
    c.QueryEach(sql, {std::int64_t{0}},
                [&](const Row& r) { streamed.push_back(std::to_string(r.Int(0)) + r.Text(1)); });
    for (const Row& r : c.Query(sql, {std::int64_t{0}})) queried.push_back(std::to_string(r.Int(0)) + r.Text(1));
    EXPECT_EQ(streamed.size(), 50u);
    EXPECT_EQ(streamed, queried);

    int seen = 0;
    EXPECT_THROW(c.QueryEach(sql, {std::int64_t{0}},
                             [&](const Row&) {
                               if (++seen == 3) throw std::runtime_error("stop");
                             }),
                 std::runtime_error);
    EXPECT_EQ(seen, 3);
    EXPECT_EQ(c.QueryOne("SELECT count(*) FROM departments")->Int(0), 50);
    EXPECT_THROW(c.QueryEach("SELECT no_such_column FROM departments", {}, [](const Row&) {}), DbError);
    return 0;
  });
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
                           return tx.db().Exec("UPDATE events SET data = ? WHERE seq = 3",
                                               {Blob{EncodeEventData(R"({"name":"x"})")}});
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
    return tx.db().Exec(
        "INSERT INTO departments (parent_id, name, created_at, updated_at) VALUES (999, 'x', 0, 0) RETURNING id");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(DatabaseTest, BackupIsACompleteCopy) {
  if (db_->dialect() == Dialect::kPostgres) return;  // pg_dump: PostgresTest.BackupRestoresWithPgRestore
  ASSERT_TRUE(AddDepartment("a").ok());
  const auto copy = test_db_.SiblingUrl("copy");
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

TEST_F(DatabaseTest, EventsAreStoredLeanAndReadBackWhole) {
  const std::string name(300, 'x');
  ASSERT_TRUE(AddDepartment(name).ok());
  ASSERT_TRUE(AddDepartment("b").ok());
  auto page = db_->Read([](Connection& c) { return ListEvents(c, {.type = "department.", .limit = 1}); });
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(page.events[0].data, R"({"name":"b"})");
  ASSERT_TRUE(page.next_before_seq.has_value());
  auto older = db_->Read([&](Connection& c) {
    return ListEvents(c, {.type = "department.created", .before_seq = page.next_before_seq, .limit = 5});
  });
  ASSERT_EQ(older.events.size(), 1u);
  EXPECT_EQ(older.events[0].data, R"({"name":")" + name + R"("})");
  EXPECT_FALSE(older.next_before_seq.has_value());
  // Each name once; the payload compressed; the hash as 32 bytes.
  EXPECT_EQ(Count("event_names"), 3);  // tester, department, department.created
  auto stored = db_->Read([](Connection& c) { return c.QueryOne("SELECT data, hash FROM events WHERE seq = 1"); });
  EXPECT_LT(stored->Text(0).size(), 60u);
  EXPECT_EQ(stored->Text(1).size(), 32u);
  EXPECT_EQ(db_->Read([](Connection& c) { return CountEvents(c, {.actor = "tester"}); }), 2);
  EXPECT_EQ(db_->Read([](Connection& c) { return CountEvents(c, {.actor = "nobody"}); }), 0);
}

TEST_F(DatabaseTest, ARolledBackJobForgetsTheNamesItStored) {
  auto r = db_->Write("someone-new", [](WriteTx& tx) -> Status {
    tx.Append("thing", "1", "thing.made", {});
    return Error::Invalid("x", "refused");
  });
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(db_->Write("someone-new",
                         [](WriteTx& tx) -> Status {
                           tx.Append("thing", "1", "thing.made", {});
                           return {};
                         })
                  .ok());
  EXPECT_FALSE(db_->VerifyAudit().has_value());
  auto events = db_->Read([](Connection& c) { return ListEvents(c, {.entity = "thing", .entity_id = "1"}).events; });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, "someone-new");
}

TEST_F(DatabaseTest, TheAuditLogScansABoundedWindowPerPage) {
  constexpr int kWindow = 10, kMore = 3;
  // Put the only matching event more than one window below the head.
  ASSERT_TRUE(db_->Write("t",
                         [](WriteTx& tx) -> Status {
                           tx.Append("rare", "1", "rare.thing", {});
                           return {};
                         })
                  .ok());
  ASSERT_TRUE(db_->Write("t",
                         [](WriteTx& tx) -> Status {
                           for (int i = 0; i < kWindow + kMore; ++i) tx.Append("common", "1", "common.thing", {});
                           return {};
                         })
                  .ok());
  auto first = db_->Read([](Connection& c) { return ListEvents(c, {.type = "rare.thing", .scan_window = kWindow}); });
  EXPECT_TRUE(first.events.empty());
  ASSERT_TRUE(first.next_before_seq.has_value());
  auto second = db_->Read([&](Connection& c) {
    return ListEvents(c, {.type = "rare.thing", .before_seq = first.next_before_seq, .scan_window = kWindow});
  });
  ASSERT_EQ(second.events.size(), 1u);
  EXPECT_EQ(second.events[0].seq, 1);
  EXPECT_FALSE(second.next_before_seq.has_value());
}

TEST_F(DatabaseTest, TailingFollowsTheLogInOrder) {
  for (const char* type : {"a.one", "b.two", "a.three", "a.four"}) {
    ASSERT_TRUE(db_->Write("t",
                           [&](WriteTx& tx) -> Status {
                             tx.Append("x", "1", type, {});
                             return {};
                           })
                    .ok());
  }
  auto tail = db_->Read([](Connection& c) { return TailEvents(c, 1, {.type = "a."}, 10); });
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].seq, 3);
  EXPECT_EQ(tail[1].type, "a.four");
  EXPECT_EQ(db_->Read([](Connection& c) { return TailEvents(c, 0, {}, 2); }).size(), 2u);
  EXPECT_EQ(db_->Read([](Connection& c) { return HeadSeq(c); }), 4);
}

TEST_F(DatabaseTest, AMigrationTheBinaryDoesNotKnowIsRefusedBeforeAnyWrite) {
  ASSERT_TRUE(db_->Write("t",
                         [](WriteTx& tx) -> Status {
                           return tx.db().Exec(
                               "INSERT INTO schema_migrations (version, applied_at) VALUES ('9999_future', 0)");
                         })
                  .ok());
  try {
    db_->Migrate();
    FAIL() << "a newer schema was accepted";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("newer sqm"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("9999_future"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sqm::storage

namespace sqm::storage {
namespace {

TEST(SqlitePreparedStatements, AreBounded) {
  testing::TestDb db(Dialect::kSqlite);
  SqliteConnection c(SqliteOptions{db.url()});
  for (int i = 0; i < 2 * static_cast<int>(kMaxPreparedStatements) + 10; ++i) {
    ASSERT_EQ(c.QueryOne("SELECT ? + " + std::to_string(i), {1})->Int(0), i + 1);
  }
  EXPECT_EQ(c.QueryOne("SELECT ? + 0", {2})->Int(0), 2) << "prepared again after the flush";
  std::size_t held = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s)) ++held;
  EXPECT_LE(held, kMaxPreparedStatements);
}

// A database from before 0006_lean_events: events with hex hashes and text payloads.
TEST(LeanEventsMigration, KeepsEveryEventAndTheChain) {
  testing::TestDb db(Dialect::kSqlite);
  std::vector<Event> written;
  {
    SqliteConnection c(SqliteOptions{db.url()});
    c.ExecScript("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    for (const auto& m : BuiltinMigrations(Dialect::kSqlite)) {
      if (m.name >= "0006") break;
      c.ExecScript(m.sql);
      ASSERT_TRUE(c.Exec("INSERT INTO schema_migrations VALUES (?, 0)", {m.name}).ok());
    }
    std::string prev(64, '0');
    for (int i = 1; i <= 12; ++i) {
      Event e{.seq = i,
              .at = 1'700'000'000'000 + i,
              .actor = i % 2 ? "agent" : "system",
              .entity = "ticket",
              .entity_id = std::to_string(i % 3),
              .type = i % 4 ? "ticket.created" : "sla.breached",
              .data = R"({"title":"打印机卡纸 )" + std::to_string(i) + R"("})",
              .prev_hash = prev};
      e.hash = EventHash(e);
      prev = e.hash;
      ASSERT_TRUE(c.Exec("INSERT INTO events (seq, at, actor, entity, entity_id, type, data, prev_hash, hash)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         {e.seq, e.at, e.actor, e.entity, e.entity_id, e.type, e.data, e.prev_hash, e.hash})
                      .ok());
      written.push_back(e);
    }
  }
  ManualClock clock{1'800'000'000'000};
  Database d(DatabaseOptions{db.url()}, clock);
  auto applied = d.Migrate();
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), "0006_lean_events");
  EXPECT_FALSE(d.VerifyAudit().has_value());
  auto events = d.Read([](Connection& c) { return ListEvents(c, {.limit = 100}).events; });
  ASSERT_EQ(events.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    const Event& got = events[events.size() - 1 - i];
    EXPECT_EQ(got.seq, written[i].seq);
    EXPECT_EQ(got.at, written[i].at);
    EXPECT_EQ(got.actor, written[i].actor);
    EXPECT_EQ(got.entity_id, written[i].entity_id);
    EXPECT_EQ(got.type, written[i].type);
    EXPECT_EQ(got.data, written[i].data);
    EXPECT_EQ(got.hash, written[i].hash);
  }
  // The chain goes on from the converted head.
  ASSERT_TRUE(d.Write("t", [](WriteTx& tx) -> Status {
                 tx.Append("ticket", "1", "ticket.closed", {});
                 return {};
               }).ok());
  EXPECT_FALSE(d.VerifyAudit().has_value());
}

}  // namespace
}  // namespace sqm::storage
