#include "http/idempotency.h"

#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

namespace sqm::http {
namespace {

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sqm_idempotency_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    Remove();
    db_ = std::make_unique<storage::Database>(storage::DatabaseOptions{path_.string()}, clock_);
    db_->Migrate();
    keys_ = std::make_unique<IdempotencyKeys>(*db_, clock_);
  }
  void TearDown() override {
    keys_.reset();
    db_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  static Request Post(std::string target, std::string body) {
    Request r;
    r.method = "POST";
    r.target = std::move(target);
    r.body = std::move(body);
    return r;
  }
  static std::string Header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return {};
  }

  std::filesystem::path path_;
  ManualClock clock_{ParseIsoTime("2026-11-23T10:00:00+08:00").value()};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<IdempotencyKeys> keys_;
};

TEST_F(IdempotencyTest, AReplayed202KeepsItsLocation) {
  const auto req = Post("/api/v1/tickets/imports?filename=a.csv", "type,title\n");
  ASSERT_FALSE(*keys_->Reserve("staff:1", "k1", req));
  Response accepted = JsonResponse(202, boost::json::object{{"id", 7}});
  accepted.SetHeader("Location", "/api/v1/tickets/imports/7");
  accepted.SetHeader("X-Request-Id", "not kept");
  keys_->Finish("staff:1", "k1", accepted);

  auto replay = keys_->Reserve("staff:1", "k1", req);
  ASSERT_TRUE(replay.ok() && *replay);
  EXPECT_EQ((*replay)->status, 202);
  EXPECT_EQ((*replay)->body, accepted.body);
  EXPECT_EQ(Header(**replay, "Location"), "/api/v1/tickets/imports/7");
  EXPECT_EQ(Header(**replay, "Idempotent-Replayed"), "true");
  EXPECT_EQ(Header(**replay, "X-Request-Id"), "");

  EXPECT_EQ(keys_->Reserve("staff:1", "k1", Post("/api/v1/tickets/imports", "other")).error().field, "Idempotency-Key");
  EXPECT_FALSE(*keys_->Reserve("staff:2", "k1", req)) << "keys belong to their caller";
  EXPECT_EQ(keys_->Reserve("staff:2", "k1", req).error().key, "idempotency.pending");
}

TEST_F(IdempotencyTest, ARouteKeepsTheKeyInItsOwnJob) {
  const auto req = Post("/api/v1/tickets/bulk", "{}\n");
  EXPECT_FALSE(*keys_->Lookup("staff:1", "k2", req));
  const Response created = JsonResponse(201, boost::json::object{{"created", 1}});
  auto stored = db_->Write("x", [&](storage::WriteTx& tx) { return keys_->Store(tx, "staff:1", "k2", req, created); });
  ASSERT_TRUE(stored.ok());
  auto replay = keys_->Lookup("staff:1", "k2", req);
  ASSERT_TRUE(replay.ok() && *replay);
  EXPECT_EQ((*replay)->body, created.body);
  EXPECT_EQ(keys_->Lookup("staff:1", "k2", Post("/api/v1/tickets/bulk", "[]\n")).error().code, ErrorCode::kConflict);
  auto again = db_->Write("x", [&](storage::WriteTx& tx) { return keys_->Store(tx, "staff:1", "k2", req, created); });
  EXPECT_EQ(again.error().field, "Idempotency-Key") << "a concurrent request answered first";
  EXPECT_EQ(keys_->Lookup("staff:1", "bad key", req).error().field, "Idempotency-Key");

  clock_.Advance(25LL * 3600 * 1000);  // kept for 24 hours
  EXPECT_FALSE(*keys_->Lookup("staff:1", "k2", req));
  EXPECT_TRUE(
      db_->Write("x", [&](storage::WriteTx& tx) { return keys_->Store(tx, "staff:1", "k2", req, created); }).ok());
}

}  // namespace
}  // namespace sqm::http
