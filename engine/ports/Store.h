// The store port: every accepted submission with its original bytes, the current
// one per organisation and period, and the audit log. Implementations must be
// thread-safe and durable: when accept() returns Stored, the data is committed.
// Every failure throws StoreError (engine/ports/Errors.h) and leaves nothing half-written.
#ifndef PROFKPI_ENGINE_PORTS_STORE_H
#define PROFKPI_ENGINE_PORTS_STORE_H

#include "engine/model/SubmissionRecord.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  virtual ~Store() = default;

  enum class Outcome {
    Stored,     // new: committed and now current for its organisation and period
    Duplicate,  // the same SubmissionId with the same bytes: nothing written
    Conflict,   // the same SubmissionId with other bytes: nothing written
  };
  struct AcceptResult {
    Outcome outcome;
    SubmissionRecord record;  // Stored: as committed; otherwise the earlier record
  };

  // Atomically: unless record.submissionId is known, stores the record and bytes,
  // sets sequence and revision, makes it current (the previous current one stays,
  // no longer current) and appends `audit`. Concurrent calls with one
  // SubmissionId store it once.
  virtual AcceptResult accept(const SubmissionRecord& record, std::string_view originalBytes,
                              const AuditEntry& audit) = 0;

  virtual std::optional<SubmissionRecord> findBySubmissionId(const std::string& submissionId) = 0;
  // The original bytes exactly as received; nothing when the id is unknown.
  virtual std::optional<std::string> originalBytes(const std::string& submissionId) = 0;
  virtual std::optional<SubmissionRecord> current(const std::string& organisation, const std::string& period) = 0;
  // current() with the record's warnings and board notes left empty: what every
  // submission's history checks need, at less cost where the store can skip reading them.
  virtual std::optional<SubmissionRecord> currentFigures(const std::string& organisation, const std::string& period) {
    auto record = current(organisation, period);
    if (record) {
      record->warnings.clear();
      record->boardNotes.reset();
    }
    return record;
  }
  // currentFigures() of one organisation for two periods, asked together (every
  // submission's history checks want the period before and its own): one
  // look-up where the store can make it one.
  struct TwoPeriodFigures {
    std::optional<SubmissionRecord> first;
    std::optional<SubmissionRecord> second;
  };
  virtual TwoPeriodFigures currentFiguresOfBoth(const std::string& organisation, const std::string& firstPeriod,
                                                const std::string& secondPeriod) {
    return {currentFigures(organisation, firstPeriod), currentFigures(organisation, secondPeriod)};
  }
  // The current submission of every organisation for the period, by organisation.
  virtual std::vector<SubmissionRecord> currentForPeriod(const std::string& period) = 0;
  // The organisation's current submissions for all periods, in acceptance order.
  virtual std::vector<SubmissionRecord> currentForOrganisation(const std::string& organisation) = 0;
  // Every accepted submission for the organisation and period, oldest first.
  virtual std::vector<SubmissionRecord> revisions(const std::string& organisation, const std::string& period) = 0;
  // Periods that have at least one current submission, as codes.
  virtual std::vector<std::string> periods() = 0;

  virtual void appendAudit(const AuditEntry& entry) = 0;
  // The most recent entries, newest first.
  virtual std::vector<AuditEntry> recentAudit(std::size_t limit) = 0;

  // True when the store answers.
  virtual bool ping() = 0;
  // Problems found by the back end's own consistency check; empty when sound.
  virtual std::vector<std::string> integrityProblems() = 0;
};

}  // namespace profkpi::engine

#endif
