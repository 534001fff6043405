#include "adapters/store/PgConnection.h"

#include "adapters/store/SqlDialect.h"
#include "adapters/store/SqlTransaction.h"

#include <libpq-fe.h>

#include <poll.h>

#include <charconv>
#include <cstring>

namespace profkpi::adapters::store {

namespace {

void ignoreNotice(void*, const char*) {}

// SQLSTATE classes that mean the session is over: 08 (connection exception),
// 57P01-57P03 (administrator shutdown, crash shutdown, cannot connect now).
bool succeeded(const pg_result* result) {
  ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

bool sessionEnded(const char* sqlstate) {
  if (sqlstate == nullptr) return false;
  return std::strncmp(sqlstate, "08", 2) == 0 || std::strncmp(sqlstate, "57P0", 4) == 0;
}

}  // namespace

PgResult::~PgResult() { PQclear(_result); }

int PgResult::rows() const { return PQntuples(_result); }

std::int64_t PgResult::Row::integer(int column) const {
  const char* text = PQgetvalue(_result._result, _row, column);
  std::int64_t value = 0;
  const char* end = text + std::strlen(text);
  if (std::from_chars(text, end, value).ptr != end) {
    throw engine::StoreError(std::string("store: PostgreSQL: not an integer: \"") + text + "\"");
  }
  return value;
}

std::string PgResult::Row::text(int column) const {
  return std::string(PQgetvalue(_result._result, _row, column),
                     static_cast<std::size_t>(PQgetlength(_result._result, _row, column)));
}

bool PgResult::Row::isNull(int column) const { return PQgetisnull(_result._result, _row, column) == 1; }

PgParams& PgParams::text(std::string_view value) {
  const std::string& kept = _owned.emplace_back(value);
  _values.push_back(kept.c_str());
  _lengths.push_back(static_cast<int>(kept.size()));
  _formats.push_back(0);
  return *this;
}

PgParams& PgParams::integer(std::int64_t value) { return text(std::to_string(value)); }

PgParams& PgParams::bytes(std::string_view value) {
  _values.push_back(value.data());
  _lengths.push_back(static_cast<int>(value.size()));
  _formats.push_back(1);
  return *this;
}

PgConnection::PgConnection(const std::string& conninfo, int lockTimeoutMs) : _conn(PQconnectdb(conninfo.c_str())) {
  if (_conn == nullptr) throw engine::StoreError("store: PostgreSQL: connect: out of memory");
  if (PQstatus(_conn) != CONNECTION_OK) {
    std::string message = storeMessage("PostgreSQL: connect", PQerrorMessage(_conn));
    PQfinish(_conn);
    throw engine::StoreError(message);
  }
  PQsetNoticeProcessor(_conn, ignoreNotice, nullptr);
  try {
    // Without a lock timeout a statement waits for a table or advisory lock for
    // ever (a LOCK TABLE, a long migration elsewhere): the request would never be answered.
    exec(("SET lock_timeout = " + std::to_string(lockTimeoutMs)).c_str());
  } catch (...) {
    PQfinish(_conn);
    throw;
  }
}

PgConnection::~PgConnection() { PQfinish(_conn); }

PgResult PgConnection::run(const std::string& sql, const PgParams& params) {
  auto found = _statements.find(sql);
  if (found == _statements.end()) {
    std::string name = "profkpi_" + std::to_string(_statements.size() + 1);
    pg_result* prepared = PQprepare(_conn, name.c_str(), translate(SqlDialect::PostgreSQL, sql).c_str(), 0, nullptr);
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK) fail("prepare \"" + sql + "\"", prepared, false);
    PQclear(prepared);
    found = _statements.emplace(sql, std::move(name)).first;
  }
  if (PQsendQueryPrepared(_conn, found->second.c_str(), static_cast<int>(params.size()), params.values(),
                          params.lengths(), params.formats(), 0) == 0) {
    fail(sql, nullptr, true);
  }
  // PQexecPrepared would keep only the last result; the order tells whether
  // the statement completed before an error (see PgConnectionLost).
  pg_result* answer = nullptr;
  pg_result* later = nullptr;
  while (pg_result* next = PQgetResult(_conn)) {
    if (answer == nullptr) {
      answer = next;
    } else if (later == nullptr) {
      later = next;
    } else {
      PQclear(next);
    }
  }
  if (!succeeded(answer)) {
    PQclear(later);
    // The server's own error (it has a SQLSTATE) before the statement's end
    // means it did not complete; libpq's alone (a broken socket) tells nothing.
    fail(sql, answer, answer == nullptr || PQresultErrorField(answer, PG_DIAG_SQLSTATE) == nullptr);
  }
  if (later != nullptr && !succeeded(later)) {
    PQclear(answer);
    fail(sql, later, true);  // after the statement's end: during or after its commit
  }
  PQclear(later);
  return PgResult(answer);
}

void PgConnection::exec(const char* sql) {
  pg_result* result = PQexec(_conn, sql);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(sql, result, true);
  PQclear(result);
}

// Between statements the server says nothing unless the session is ending: it
// sends a FATAL error and closes (a restart, pg_terminate_backend).
bool PgConnection::quiet() const {
  if (PQstatus(_conn) != CONNECTION_OK) return false;
  pollfd socket{PQsocket(_conn), POLLIN, 0};
  return ::poll(&socket, 1, 0) == 0;
}

void PgConnection::fail(const std::string& what, pg_result* result, bool mayHaveRun) {
  std::string detail = result != nullptr ? PQresultErrorMessage(result) : "";
  if (detail.empty()) detail = PQerrorMessage(_conn);
  bool lost = PQstatus(_conn) == CONNECTION_BAD ||
              (result != nullptr && sessionEnded(PQresultErrorField(result, PG_DIAG_SQLSTATE)));
  PQclear(result);
  std::string message = storeMessage("PostgreSQL", detail + " (" + what + ")");
  if (lost) throw PgConnectionLost(message, mayHaveRun);
  throw engine::StoreError(message);
}

}  // namespace profkpi::adapters::store
