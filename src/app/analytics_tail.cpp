#include "app/analytics_tail.h"

#include <charconv>
#include <set>
#include <string_view>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace sqm::app {

namespace {

using Kind = EngineWork::Kind;

std::optional<std::int64_t> IdOf(std::string_view text) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  if (text.empty() || std::from_chars(text.data(), end, id).ptr != end) return std::nullopt;
  return id;
}

// The `ticket_id` an event's data names, if any.
std::optional<std::int64_t> TicketOf(const storage::Event& e) {
  boost::system::error_code ec;
  const auto v = boost::json::parse(e.data, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* t = v.as_object().if_contains("ticket_id");
  if (t == nullptr || !t->is_int64()) return std::nullopt;
  return t->as_int64();
}

// Entities no fact source reads (storage/fact_source.h: each source's query names its tables):
// their events change no fact. A staff member moved changes none either: facts are charged to the
// department recorded on their own rows.
const std::set<std::string_view>& NoFacts() {
  static const std::set<std::string_view> kNames = {"staff",
                                                    "api_token",
                                                    "calendar",
                                                    "category",
                                                    "customer",
                                                    "import",
                                                    "notification",
                                                    "saved_view",
                                                    "sla_policy",
                                                    "scorecard",
                                                    "sampling_plan",
                                                    "calibration",
                                                    "survey_template",
                                                    "survey_rule",
                                                    "survey_campaign",
                                                    "survey_followup",
                                                    "survey_topics",
                                                    "assessment_exclusion_reason",
                                                    "assessment_period",
                                                    "assessment_scheme",
                                                    "assessment_indicator"};
  return kNames;
}

// Survey events that leave its facts as they are (the mail around an invitation).
const std::set<std::string_view>& SurveyMail() {
  static const std::set<std::string_view> kTypes = {"survey.mailed", "survey.reminded", "survey.mail_failed",
                                                    "survey.link_issued"};
  return kTypes;
}

}  // namespace

EngineWork WorkOf(const storage::Event& e) {
  if (e.entity == "ticket") {
    if (auto id = IdOf(e.entity_id)) return {Kind::kTicket, *id, {}};
    return {Kind::kRebuild, 0, {}};
  }
  if (e.entity == "survey" || e.entity == "assessment_exclusion") {
    if (auto id = TicketOf(e)) return {Kind::kTicket, *id, {}};
    if (e.entity == "survey" && SurveyMail().count(e.type)) return {};
    return {Kind::kRebuild, 0, {}};
  }
  if (e.entity == "inspection") return {Kind::kSources, 0, {"inspections"}};
  if (e.entity.starts_with("improvement_")) return {Kind::kSources, 0, {"improvement_actions"}};
  if (e.entity == "survey_agency_import") return {Kind::kSources, 0, {"survey_answers", "satisfaction"}};
  if (NoFacts().count(e.entity)) return {};
  // The department tree, a new measure, the satisfaction mapping (survey_settings), and anything
  // not known here.
  return {Kind::kRebuild, 0, {}};
}

AnalyticsTail::AnalyticsTail(storage::Database& db, assessment::EngineMeasureSource& engine,
                             AnalyticsTailOptions options)
    : db_(db), engine_(engine), options_(options) {}

AnalyticsTail::~AnalyticsTail() {
  Stop();
}

void AnalyticsTail::SetLiveBoard(desk::LiveBoard* board, const Clock* clock) {
  board_ = board;
  clock_ = clock;
}

void AnalyticsTail::Start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    bool built = false;
    while (!stopping_) {
      lock.unlock();
      bool failed = false;
      try {
        if (!built) {
          Rebuild();
          built = true;
        } else {
          Poll();
        }
      } catch (const std::exception& e) {
        // A lost database, or a measure the engine cannot compile: the SQL answers meanwhile, and
        // the next try waits, so a failing rebuild does not run back to back.
        spdlog::warn("analytics: {}", e.what());
        failed = true;
      }
      lock.lock();
      applied_.notify_all();
      wake_.wait_for(lock, failed ? options_.retry : options_.interval,
                     [&] { return stopping_ || (nudged_ && !failed); });
      nudged_ = false;
    }
  });
}

void AnalyticsTail::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AnalyticsTail::Rebuild() {
  std::lock_guard poll_lock(poll_mu_);
  const auto started = std::chrono::steady_clock::now();
  const std::int64_t seq = engine_.Rebuild();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  const auto size = engine_.Report();
  spdlog::info("analytics: rebuilt in {:.3f} s as of event {}: {} subjects, {} bytes", took.count(), seq, size.subjects,
               size.bytes);
  if (board_ != nullptr) {
    // After the engine's seq: the events between are applied again, which reads the same state.
    const auto board_started = std::chrono::steady_clock::now();
    const auto staff = db_.Read([](storage::Connection& c) { return desk::repo::StaffDepartments(c); });
    board_->Rebuild(
        [&](const auto& put) { db_.Read([&](storage::Connection& c) { desk::repo::EachLiveTicket(c, put); }); }, staff,
        clock_->Now());
    const std::chrono::duration<double> board_took = std::chrono::steady_clock::now() - board_started;
    const auto board = board_->size();
    spdlog::info("analytics: dashboard board rebuilt in {:.3f} s: {} tickets, {} bytes", board_took.count(),
                 board.tickets, board.bytes);
  }
  std::lock_guard lock(stats_mu_);
  stats_.ready = true;
  stats_.last_sequence = seq;
  ++stats_.rebuilds;
  stats_.rebuild_seconds = took.count();
}

void AnalyticsTail::FallBack(const char* why) {
  spdlog::info("analytics: rebuilding ({})", why);
  {
    std::lock_guard lock(stats_mu_);
    ++stats_.fallbacks;
  }
  Rebuild();
}

int AnalyticsTail::Poll() {
  std::unique_lock poll_lock(poll_mu_);
  std::int64_t after = 0;
  {
    std::lock_guard lock(stats_mu_);
    if (!stats_.ready) return 0;
    after = stats_.last_sequence;
  }
  const auto events = db_.Read([&](storage::Connection& c) { return TailEvents(c, after, {}, options_.batch); });
  if (events.empty()) return 0;
  std::set<std::int64_t> tickets, staff;
  std::set<std::string> sources;
  const char* doubt = nullptr;
  std::int64_t expected = after + 1;
  for (const storage::Event& e : events) {
    // The log's seqs are dense, committed in order (storage/event_log.h): a hole is a doubt.
    if (e.seq != expected) {
      doubt = "a gap in the event log";
      break;
    }
    ++expected;
    if (e.entity == "staff") {
      if (auto id = IdOf(e.entity_id)) staff.insert(*id);
    }
    EngineWork w = WorkOf(e);
    if (w.kind == Kind::kTicket) tickets.insert(w.ticket_id);
    if (w.kind == Kind::kSources) sources.insert(w.sources.begin(), w.sources.end());
    if (w.kind == Kind::kRebuild) {
      doubt = "an event that may change every fact";
      break;
    }
  }
  bool ok = doubt == nullptr;
  for (std::int64_t id : tickets) ok = ok && engine_.RefreshTicket(id);
  if (board_ != nullptr && ok) {
    db_.Read([&](storage::Connection& c) {
      for (std::int64_t id : tickets) board_->Put(id, desk::repo::FindLiveTicket(c, id));
      for (std::int64_t id : staff) {
        if (auto department = desk::repo::StaffDepartment(c, id)) board_->SetStaffDepartment(id, *department);
      }
    });
  }
  for (const std::string& s : sources) ok = ok && engine_.RefreshSource(s);
  if (ok) {
    std::lock_guard lock(stats_mu_);
    stats_.last_sequence = events.back().seq;
    stats_.events_applied += static_cast<std::int64_t>(events.size());
    return static_cast<int>(events.size());
  }
  poll_lock.unlock();
  FallBack(doubt != nullptr ? doubt : "the store refused a change");
  std::lock_guard lock(stats_mu_);
  stats_.events_applied += static_cast<std::int64_t>(events.size());
  return static_cast<int>(events.size());
}

bool AnalyticsTail::CatchUp(std::chrono::milliseconds wait) {
  const std::int64_t head = db_.Read([](storage::Connection& c) { return storage::HeadSeq(c); });
  auto done = [&] {
    const auto s = stats();
    return s.ready && s.last_sequence >= head;
  };
  if (done()) return true;
  std::unique_lock lock(mu_);
  if (!thread_.joinable() || stopping_) return false;
  nudged_ = true;
  wake_.notify_all();
  return applied_.wait_for(lock, wait, [&] { return stopping_ || done(); }) && !stopping_;
}

AnalyticsTail::Stats AnalyticsTail::stats() const {
  std::lock_guard lock(stats_mu_);
  return stats_;
}

}  // namespace sqm::app
