#include "adapters/store/SqlDeliveryLog.h"

#include "adapters/store/SqlTransaction.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

namespace profkpi::adapters::store {

using namespace Poco::Data::Keywords;
using engine::DeliveryState;
using engine::Instant;
using engine::SectorState;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

Poco::Int64 millis(Instant t) { return t.time_since_epoch().count(); }
Instant fromMillis(Poco::Int64 ms) { return Instant{std::chrono::milliseconds{ms}}; }

}  // namespace

std::vector<DeliveryState> SqlDeliveryLog::deliveries() {
  return guardStore("read deliveries", [&] {
    Session s = _store.session();
    Statement select(s);
    select << "SELECT organisation, period, data_sequence, file_name, sha256, status, attempts, last_error,"
              " updated_at_ms, delivered_at_ms FROM nightly_deliveries ORDER BY organisation";
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<DeliveryState> states;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
      auto i64 = [&](std::size_t col) { return rs.value(col, row).convert<Poco::Int64>(); };
      auto str = [&](std::size_t col) { return rs.value(col, row).convert<std::string>(); };
      DeliveryState d;
      d.organisation = str(0);
      d.period = str(1);
      d.dataSequence = i64(2);
      d.fileName = str(3);
      d.sha256 = str(4);
      d.status = engine::deliveryStatusFromName(str(5)).value_or(engine::DeliveryStatus::Pending);
      d.attempts = static_cast<int>(i64(6));
      d.lastError = str(7);
      d.updatedAt = fromMillis(i64(8));
      if (!rs.value(9, row).isEmpty()) d.deliveredAt = fromMillis(i64(9));
      states.push_back(std::move(d));
    }
    return states;
  });
}

namespace {

void upsertDelivery(Session& s, SqlDialect dialect, const DeliveryState& d) {
  Poco::Int64 delivered = d.deliveredAt ? millis(*d.deliveredAt) : -1;  // NULL travels as -1
  s << translate(dialect,
                 "INSERT INTO nightly_deliveries (organisation, period, data_sequence, file_name, sha256, status,"
                 " attempts, last_error, updated_at_ms, delivered_at_ms)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(CAST(? AS BIGINT), -1))"
                 " ON CONFLICT (organisation) DO UPDATE SET period = excluded.period,"
                 " data_sequence = excluded.data_sequence, file_name = excluded.file_name, sha256 = excluded.sha256,"
                 " status = excluded.status, attempts = excluded.attempts, last_error = excluded.last_error,"
                 " updated_at_ms = excluded.updated_at_ms, delivered_at_ms = excluded.delivered_at_ms"),
      bind(d.organisation), bind(d.period), bind(static_cast<Poco::Int64>(d.dataSequence)), bind(d.fileName),
      bind(d.sha256), bind(std::string(engine::deliveryStatusName(d.status))), bind(d.attempts), bind(d.lastError),
      bind(millis(d.updatedAt)), bind(delivered), now;
}

}  // namespace

void SqlDeliveryLog::saveDelivery(const DeliveryState& d) {
  guardStore("save a delivery", [&] {
    Session s = _store.session();
    upsertDelivery(s, _store.dialect(), d);
    return 0;
  });
}

void SqlDeliveryLog::saveDeliveries(const std::vector<DeliveryState>& states) {
  if (states.empty()) return;
  guardStore("save deliveries", [&] {
    Session s = _store.session();
    SqlTransaction tx(s, _store.dialect());
    for (const DeliveryState& d : states) upsertDelivery(s, _store.dialect(), d);
    tx.commit();
    return 0;
  });
}

std::vector<SectorState> SqlDeliveryLog::sectorReports() {
  return guardStore("read sector reports", [&] {
    Session s = _store.session();
    Statement select(s);
    select << "SELECT period, data_sequence, file_name, sha256, rendered_at_ms FROM nightly_sector_reports"
              " ORDER BY period";
    select.execute();
    Poco::Data::RecordSet rs(select);
    std::vector<SectorState> states;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
      SectorState st;
      st.period = rs.value(0, row).convert<std::string>();
      st.dataSequence = rs.value(1, row).convert<Poco::Int64>();
      st.fileName = rs.value(2, row).convert<std::string>();
      st.sha256 = rs.value(3, row).convert<std::string>();
      st.renderedAt = fromMillis(rs.value(4, row).convert<Poco::Int64>());
      states.push_back(std::move(st));
    }
    return states;
  });
}

void SqlDeliveryLog::saveSectorReport(const SectorState& st) {
  guardStore("save a sector report", [&] {
    Session s = _store.session();
    s << translate(_store.dialect(),
                   "INSERT INTO nightly_sector_reports (period, data_sequence, file_name, sha256, rendered_at_ms)"
                   " VALUES (?, ?, ?, ?, ?) ON CONFLICT (period) DO UPDATE SET data_sequence = excluded.data_sequence,"
                   " file_name = excluded.file_name, sha256 = excluded.sha256, rendered_at_ms = excluded.rendered_at_ms"),
        bind(st.period), bind(static_cast<Poco::Int64>(st.dataSequence)), bind(st.fileName), bind(st.sha256),
        bind(millis(st.renderedAt)), now;
    return 0;
  });
}

}  // namespace profkpi::adapters::store
