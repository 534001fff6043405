// What a SQLite store file holds, read through a read-only sqlite3 connection
// while no server has it open (after a SIGKILL, before the restart): SQLite's
// own checks, the store's invariants, and whether what was acknowledged to a
// client is there byte for byte. Shared by every test that kills a writer.
#ifndef PROFKPI_TESTS_SUPPORT_STOREINSPECTION_H
#define PROFKPI_TESTS_SUPPORT_STOREINSPECTION_H

#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace profkpi::tests {

class StoreInspection {
 public:
  // Opens `path` read-only; throws std::runtime_error when it cannot.
  explicit StoreInspection(const std::string& path);
  ~StoreInspection();
  StoreInspection(const StoreInspection&) = delete;
  StoreInspection& operator=(const StoreInspection&) = delete;

  // Empty when all is well: PRAGMA integrity_check is "ok", PRAGMA
  // foreign_key_check is empty, one row per SubmissionId, each with its
  // original bytes whose SHA-256 is the one recorded, and per organisation and
  // period revisions 1..n with exactly one current, the highest.
  std::vector<std::string> problems() const;

  // The original bytes stored for a SubmissionId.
  std::optional<std::string> body(const std::string& submissionId) const;
  // Every SubmissionId stored.
  std::vector<std::string> submissionIds() const;
  // Whether the store's tables exist (a writer killed at once may not have made them).
  bool migrated() const;
  // The actions of the audit rows about a SubmissionId ("accepted",
  // "duplicate", ...), oldest first.
  std::vector<std::string> auditActions(const std::string& submissionId) const;

 private:
  std::vector<std::vector<std::string>> rows(const std::string& sql) const;
  sqlite3* _db = nullptr;
};

// Problems with what a writer acknowledged (SubmissionId -> the bytes sent):
// each must be stored with exactly those bytes.
std::vector<std::string> acknowledgedProblems(const StoreInspection& store,
                                              const std::map<std::string, std::string>& acknowledged);

// Problems with what was stored without acknowledgement (the answer lost to a
// kill): each stored SubmissionId must be one that was sent, with its bytes
// complete. `sent`: every SubmissionId -> bytes that any client sent.
std::vector<std::string> unacknowledgedProblems(const StoreInspection& store,
                                                const std::map<std::string, std::string>& sent);

std::string sha256Hex(const std::string& bytes);

}  // namespace profkpi::tests

#endif
