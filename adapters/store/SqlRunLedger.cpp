#include "adapters/store/SqlRunLedger.h"

#include "adapters/store/SqlTransaction.h"
#include "engine/intake/Lexical.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

namespace profkpi::adapters::store {

using namespace Poco::Data::Keywords;
using engine::Instant;
using engine::RunRecord;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

const std::string LEASE = "nightly";

const char* const RUN_COLUMNS =
    "run_id, run_trigger, served_day, holder, started_at_ms, finished_at_ms, outcome, boards, sectors, mailed,"
    " pending, refused, failed, detail";

Poco::Int64 millis(Instant t) { return t.time_since_epoch().count(); }
Instant fromMillis(Poco::Int64 ms) { return Instant{std::chrono::milliseconds{ms}}; }

// NULL travels as -1 or "": Poco's binders differ between back ends on NULLs.
Poco::Int64 orMinusOne(const std::optional<Instant>& t) { return t ? millis(*t) : -1; }
std::string dayText(const std::optional<engine::Date>& day) { return day ? engine::formatDate(*day) : ""; }

RunRecord runAt(Poco::Data::RecordSet& rs, std::size_t row) {
  auto i64 = [&](std::size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
  auto str = [&](std::size_t col) { return rs.value(col, row).convert<std::string>(); };
  auto count = [&](std::size_t col) { return static_cast<std::size_t>(i64(col)); };
  RunRecord r;
  r.id = i64(0);
  r.trigger = engine::triggerFromName(str(1)).value_or(engine::RunTrigger::Manual);
  if (!rs.value(2, row).isEmpty()) r.servedDay = engine::lexical::date(str(2));
  r.holder = str(3);
  r.startedAt = fromMillis(i64(4));
  if (!rs.value(5, row).isEmpty()) r.finishedAt = fromMillis(i64(5));
  r.outcome = engine::outcomeFromName(str(6)).value_or(engine::RunOutcome::Running);
  r.counts = {count(7), count(8), count(9), count(10), count(11), count(12)};
  r.detail = str(13);
  return r;
}


// The columns itemsOf reads, in its order.
constexpr const char* ITEM_COLUMNS =
    "SELECT at_ms, organisation, period, action, sha256, detail, recipient, message_id FROM nightly_run_items";

std::vector<engine::RunItem> itemsOf(Statement& select) {
  select.execute();
  Poco::Data::RecordSet rs(select);
  std::vector<engine::RunItem> items;
  for (std::size_t row = 0; row < rs.rowCount(); ++row) {
    auto text = [&](std::size_t column) { return rs.value(column, row).convert<std::string>(); };
    engine::RunItem item;
    item.at = fromMillis(rs.value(0, row).convert<Poco::Int64>());
    item.organisation = text(1);
    item.period = text(2);
    item.action = text(3);
    item.sha256 = text(4);
    item.detail = text(5);
    item.recipient = text(6);
    item.messageId = text(7);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

std::int64_t SqlRunLedger::serverMillis(Session& session) {
  Poco::Int64 ms = 0;
  if (_store.dialect() == SqlDialect::SQLite) {
    session << "SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)", into(ms), now;
  } else {
    session << "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)", into(ms), now;
  }
  return ms;
}

bool SqlRunLedger::acquireLease(const std::string& holder, std::chrono::seconds ttl) {
  return guardStore("take the nightly lease", [&] {
    Session s = _store.session();
    SqlTransaction tx(s, _store.dialect());
    tx.lock("profkpi-nightly-lease");
    Poco::Int64 nowMs = serverMillis(s);
    Poco::Int64 expires = nowMs + static_cast<Poco::Int64>(ttl.count()) * 1000;
    std::vector<std::string> holders;
    std::vector<Poco::Int64> expiries;
    s << translate(_store.dialect(), "SELECT holder, expires_ms FROM nightly_lease WHERE name = ?"), bind(LEASE),
        into(holders), into(expiries), now;
    if (holders.empty()) {
      s << translate(_store.dialect(), "INSERT INTO nightly_lease (name, holder, since_ms, expires_ms) VALUES (?, ?, ?, ?)"),
          bind(LEASE), bind(holder), bind(nowMs), bind(expires), now;
    } else if (holders.front() == holder) {
      s << translate(_store.dialect(), "UPDATE nightly_lease SET expires_ms = ? WHERE name = ?"), bind(expires),
          bind(LEASE), now;
    } else if (expiries.front() <= nowMs) {
      s << translate(_store.dialect(), "UPDATE nightly_lease SET holder = ?, since_ms = ?, expires_ms = ? WHERE name = ?"),
          bind(holder), bind(nowMs), bind(expires), bind(LEASE), now;
    } else {
      return false;
    }
    tx.commit();
    return true;
  });
}

std::optional<engine::LeaseHolder> SqlRunLedger::leaseHolder() {
  return guardStore("read the nightly lease", [&]() -> std::optional<engine::LeaseHolder> {
    Session s = _store.session();
    Poco::Int64 nowMs = serverMillis(s);
    std::vector<std::string> holders;
    std::vector<Poco::Int64> since, expiries;
    s << translate(_store.dialect(), "SELECT holder, since_ms, expires_ms FROM nightly_lease WHERE name = ? AND expires_ms > ?"),
        bind(LEASE), bind(nowMs), into(holders), into(since), into(expiries), now;
    if (holders.empty()) return std::nullopt;
    return engine::LeaseHolder{holders.front(), fromMillis(since.front()), fromMillis(expiries.front())};
  });
}

void SqlRunLedger::releaseLease(const std::string& holder) {
  guardStore("release the nightly lease", [&] {
    Session s = _store.session();
    s << translate(_store.dialect(), "DELETE FROM nightly_lease WHERE name = ? AND holder = ?"), bind(LEASE),
        bind(holder), now;
    return 0;
  });
}

std::int64_t SqlRunLedger::beginRun(const RunRecord& run) {
  return guardStore("record a nightly run", [&] {
    Session s = _store.session();
    SqlTransaction tx(s, _store.dialect());
    tx.lock("profkpi-nightly-runs");
    const engine::RunCounts& c = run.counts;
    s << translate(_store.dialect(),
                   "INSERT INTO nightly_runs (run_trigger, served_day, holder, started_at_ms, finished_at_ms, outcome,"
                   " boards, sectors, mailed, pending, refused, failed, detail)"
                   " VALUES (?, NULLIF(?, ''), ?, ?, NULLIF(CAST(? AS BIGINT), -1), ?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(std::string(engine::triggerName(run.trigger))), bind(dayText(run.servedDay)), bind(run.holder),
        bind(millis(run.startedAt)), bind(orMinusOne(run.finishedAt)), bind(std::string(engine::outcomeName(run.outcome))),
        bind(static_cast<Poco::Int64>(c.boards)), bind(static_cast<Poco::Int64>(c.sectors)),
        bind(static_cast<Poco::Int64>(c.mailed)), bind(static_cast<Poco::Int64>(c.pending)),
        bind(static_cast<Poco::Int64>(c.refused)), bind(static_cast<Poco::Int64>(c.failed)), bind(run.detail), now;
    Poco::Int64 id = 0;
    s << "SELECT MAX(run_id) FROM nightly_runs", into(id), now;
    tx.commit();
    return static_cast<std::int64_t>(id);
  });
}

void SqlRunLedger::addItem(std::int64_t runId, const engine::RunItem& item) {
  guardStore("record a nightly run item", [&] {
    Session s = _store.session();
    s << translate(_store.dialect(),
                   "INSERT INTO nightly_run_items (run_id, at_ms, organisation, period, action, sha256, detail,"
                   " recipient, message_id)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(static_cast<Poco::Int64>(runId)), bind(millis(item.at)), bind(item.organisation), bind(item.period),
        bind(item.action), bind(item.sha256), bind(item.detail), bind(item.recipient), bind(item.messageId), now;
    return 0;
  });
}

void SqlRunLedger::addItems(std::int64_t runId, const std::vector<engine::RunItem>& items) {
  if (items.empty()) return;
  guardStore("record nightly run items", [&] {
    Session s = _store.session();
    SqlTransaction tx(s, _store.dialect());
    for (const engine::RunItem& item : items) {
      s << translate(_store.dialect(),
                     "INSERT INTO nightly_run_items (run_id, at_ms, organisation, period, action, sha256, detail,"
                   " recipient, message_id)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          bind(static_cast<Poco::Int64>(runId)), bind(millis(item.at)), bind(item.organisation), bind(item.period),
          bind(item.action), bind(item.sha256), bind(item.detail), bind(item.recipient), bind(item.messageId), now;
    }
    tx.commit();
    return 0;
  });
}

void SqlRunLedger::finishRun(const RunRecord& run) {
  guardStore("finish a nightly run", [&] {
    Session s = _store.session();
    const engine::RunCounts& c = run.counts;
    s << translate(_store.dialect(),
                   "UPDATE nightly_runs SET finished_at_ms = NULLIF(CAST(? AS BIGINT), -1), outcome = ?, boards = ?,"
                   " sectors = ?, mailed = ?, pending = ?, refused = ?, failed = ?, detail = ? WHERE run_id = ?"),
        bind(orMinusOne(run.finishedAt)), bind(std::string(engine::outcomeName(run.outcome))),
        bind(static_cast<Poco::Int64>(c.boards)), bind(static_cast<Poco::Int64>(c.sectors)),
        bind(static_cast<Poco::Int64>(c.mailed)), bind(static_cast<Poco::Int64>(c.pending)),
        bind(static_cast<Poco::Int64>(c.refused)), bind(static_cast<Poco::Int64>(c.failed)), bind(run.detail),
        bind(static_cast<Poco::Int64>(run.id)), now;
    return 0;
  });
}

std::optional<engine::Date> SqlRunLedger::lastServedDay() {
  return guardStore("read the nightly schedule", [&]() -> std::optional<engine::Date> {
    Session s = _store.session();
    std::vector<std::string> days;
    s << "SELECT served_day FROM nightly_runs WHERE run_trigger = 'schedule' AND served_day IS NOT NULL"
         " AND outcome IN ('succeeded', 'failed', 'armed') ORDER BY served_day DESC LIMIT 1",
        into(days), now;
    if (days.empty()) return std::nullopt;
    return engine::lexical::date(days.front());
  });
}

std::vector<RunRecord> SqlRunLedger::recentRuns(std::size_t limit) {
  return guardStore("read the nightly runs", [&] {
    Session s = _store.session();
    Statement select(s);
    select << translate(_store.dialect(), std::string("SELECT ") + RUN_COLUMNS + " FROM nightly_runs ORDER BY run_id DESC LIMIT ?"),
        bind(static_cast<Poco::Int64>(limit));
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<RunRecord> runs;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) runs.push_back(runAt(rs, row));
    return runs;
  });
}

std::vector<engine::RunItem> SqlRunLedger::items(std::int64_t runId) {
  return guardStore("read a nightly run's items", [&] {
    Session s = _store.session();
    Statement select(s);
    select << translate(_store.dialect(), std::string(ITEM_COLUMNS) + " WHERE run_id = ? ORDER BY item_id"),
        bind(static_cast<Poco::Int64>(runId));
    return itemsOf(select);
  });
}

std::vector<engine::RunItem> SqlRunLedger::mailItems(const engine::MailItemQuery& query) {
  return guardStore("read the mail deliveries", [&] {
    Session s = _store.session();
    Statement select(s);
    // Empty strings and -1 stand for "any".
    Poco::Int64 since = query.since ? millis(*query.since) : -1;
    select << translate(_store.dialect(), std::string(ITEM_COLUMNS) +
                                              " WHERE recipient <> '' AND (CAST(? AS TEXT) = '' OR organisation = ?)"
                                              " AND (CAST(? AS TEXT) = '' OR period = ?) AND (CAST(? AS BIGINT) = -1 OR at_ms >= ?)"
                                              " ORDER BY item_id"),
        bind(query.organisation), bind(query.organisation), bind(query.period), bind(query.period), bind(since),
        bind(since);
    return itemsOf(select);
  });
}

}  // namespace profkpi::adapters::store
