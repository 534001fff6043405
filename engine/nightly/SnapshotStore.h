// A Store that answers the reads of current submissions (current,
// currentForPeriod, currentForOrganisation, periods) from one snapshot taken
// when it is built, and passes everything else to the real store. A nightly run
// reports through one, so that all its documents show the same data and the
// store is read once per run rather than several times per report. The
// snapshot holds every current submission in memory. Not thread-safe.
#ifndef PROFKPI_ENGINE_NIGHTLY_SNAPSHOTSTORE_H
#define PROFKPI_ENGINE_NIGHTLY_SNAPSHOTSTORE_H

#include "engine/ports/Store.h"

#include <map>

namespace profkpi::engine {

class SnapshotStore final : public Store {
 public:
  // Reads every current submission from `store`, which must outlive this.
  // Throws StoreError.
  explicit SnapshotStore(Store& store);

  // Every current submission in the snapshot, by period then organisation.
  const std::vector<SubmissionRecord>& all() const { return _all; }

  AcceptResult accept(const SubmissionRecord& record, std::string_view originalBytes, const AuditEntry& audit) override {
    return _store.accept(record, originalBytes, audit);
  }
  std::optional<SubmissionRecord> findBySubmissionId(const std::string& submissionId) override {
    return _store.findBySubmissionId(submissionId);
  }
  std::optional<std::string> originalBytes(const std::string& submissionId) override {
    return _store.originalBytes(submissionId);
  }
  std::optional<SubmissionRecord> current(const std::string& organisation, const std::string& period) override;
  std::vector<SubmissionRecord> currentForPeriod(const std::string& period) override;
  std::vector<SubmissionRecord> currentForOrganisation(const std::string& organisation) override;
  std::vector<SubmissionRecord> revisions(const std::string& organisation, const std::string& period) override {
    return _store.revisions(organisation, period);
  }
  std::vector<std::string> periods() override { return _periods; }
  void appendAudit(const AuditEntry& entry) override { _store.appendAudit(entry); }
  std::vector<AuditEntry> recentAudit(std::size_t limit) override { return _store.recentAudit(limit); }
  bool ping() override { return _store.ping(); }
  std::vector<std::string> integrityProblems() override { return _store.integrityProblems(); }

 private:
  Store& _store;
  std::vector<SubmissionRecord> _all;
  std::vector<std::string> _periods;
  std::map<std::string, std::vector<std::size_t>, std::less<>> _byPeriod;        // indexes into _all
  std::map<std::string, std::vector<std::size_t>, std::less<>> _byOrganisation;  // in acceptance order
};

}  // namespace profkpi::engine

#endif
