// A PostgreSQL connection of SqlStore's own, on libpq, that keeps its
// statements prepared: each statement is prepared on first use and executed by
// name from then on. Poco 1.11's PostgreSQL connector prepares (PQprepare,
// PQdescribePrepared) every Statement it builds and DEALLOCATEs it when the
// Statement goes: four round trips for one execution. Not thread-safe: one user
// at a time (PgConnectionPool lends them out).
#ifndef PROFKPI_ADAPTERS_STORE_PGCONNECTION_H
#define PROFKPI_ADAPTERS_STORE_PGCONNECTION_H

#include "engine/ports/Errors.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace profkpi::adapters::store {

// The server went away (restarted, connection cut, terminated by an
// administrator): the connection is dead and nothing more of its transaction
// will commit. The pool discards the connection and may retry the operation.
class PgConnectionLost : public engine::StoreError {
 public:
  PgConnectionLost(const std::string& message, bool mayHaveRun)
      : engine::StoreError(message), _mayHaveRun(mayHaveRun) {}
  // false when the statement cannot have run to its end: lost while preparing
  // it, or the server ended the session with an error before it completed (in
  // autocommit nothing of it is committed then). true when the connection
  // broke without the server's word, or after the statement completed: a
  // statement in autocommit may have committed.
  bool mayHaveRun() const { return _mayHaveRun; }

 private:
  bool _mayHaveRun;
};

// One statement's rows, in text format. Owns its PGresult.
class PgResult {
 public:
  explicit PgResult(pg_result* result) : _result(result) {}
  ~PgResult();
  PgResult(PgResult&& other) noexcept : _result(other._result) { other._result = nullptr; }
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const;
  // A row's columns, read the way SqliteQuery's are (SubmissionRows.h).
  class Row {
   public:
    Row(const PgResult& result, int row) : _result(result), _row(row) {}
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

   private:
    const PgResult& _result;
    int _row;
  };
  Row row(int index) const { return Row(*this, index); }
  // The first row, or none.
  bool empty() const { return rows() == 0; }

 private:
  pg_result* _result;
};

// A statement's parameters, all as text but bytes (sent binary, not copied:
// they must outlive the call).
class PgParams {
 public:
  PgParams() = default;
  PgParams(const PgParams&) = delete;  // the values point into it
  PgParams& operator=(const PgParams&) = delete;

  PgParams& text(std::string_view value);
  PgParams& integer(std::int64_t value);
  PgParams& bytes(std::string_view value);

  std::size_t size() const { return _values.size(); }
  const char* const* values() const { return _values.data(); }
  const int* lengths() const { return _lengths.data(); }
  const int* formats() const { return _formats.data(); }

 private:
  std::deque<std::string> _owned;  // deque: the pointers taken into it stay valid
  std::vector<const char*> _values;
  std::vector<int> _lengths;
  std::vector<int> _formats;
};

class PgConnection {
 public:
  // Connects with libpq's `conninfo`; statements wait at most `lockTimeoutMs`
  // for a lock. Notices (NOTICE, INFO) are not printed. Throws engine::StoreError.
  PgConnection(const std::string& conninfo, int lockTimeoutMs);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` ("?" placeholders), prepared on this connection on its first
  // use and by name after that. Throws PgConnectionLost when the server is
  // gone, engine::StoreError for any other failure.
  PgResult run(const std::string& sql, const PgParams& params = {});
  // Runs a statement without parameters or preparation (BEGIN, COMMIT).
  void exec(const char* sql);

  // false when an idle connection has heard from the server (a session's end:
  // a restart's "terminating connection", or the closed socket itself). No round trip.
  bool quiet() const;

  // How many statements this connection has prepared (to test that they are kept).
  std::size_t preparations() const { return _statements.size(); }

 private:
  // `mayHaveRun`: see PgConnectionLost. Takes `result` (may be null).
  [[noreturn]] void fail(const std::string& what, pg_result* result, bool mayHaveRun);

  pg_conn* _conn = nullptr;
  std::unordered_map<std::string, std::string> _statements;  // SQL -> prepared statement's name
};

}  // namespace profkpi::adapters::store

#endif
