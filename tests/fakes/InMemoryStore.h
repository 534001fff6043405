// The store port in memory, for engine tests: submissions with their bytes,
// current per organisation and period. Not thread-safe.
#ifndef PROFKPI_TESTS_FAKES_INMEMORYSTORE_H
#define PROFKPI_TESTS_FAKES_INMEMORYSTORE_H

#include "engine/ports/Store.h"

#include <algorithm>
#include <map>
#include <set>

namespace profkpi::tests {

class InMemoryStore final : public engine::Store {
 public:
  AcceptResult accept(const engine::SubmissionRecord& record, std::string_view originalBytes,
                      const engine::AuditEntry& audit) override {
    for (const auto& r : _records) {
      if (r.submissionId == record.submissionId) {
        return {r.sha256 == record.sha256 ? Outcome::Duplicate : Outcome::Conflict, r};
      }
    }
    engine::SubmissionRecord stored = record;
    stored.sequence = static_cast<std::int64_t>(_records.size()) + 1;
    stored.revision = 1;
    stored.current = true;
    for (auto& r : _records) {
      if (r.organisation == record.organisation && r.period == record.period) {
        ++stored.revision;
        r.current = false;
      }
    }
    _records.push_back(stored);
    _bytes[record.submissionId] = std::string(originalBytes);
    _audit.push_back(audit);
    return {Outcome::Stored, stored};
  }
  std::optional<engine::SubmissionRecord> findBySubmissionId(const std::string& id) override {
    for (const auto& r : _records) {
      if (r.submissionId == id) return r;
    }
    return std::nullopt;
  }
  std::optional<std::string> originalBytes(const std::string& id) override {
    auto found = _bytes.find(id);
    if (found == _bytes.end()) return std::nullopt;
    return found->second;
  }
  std::optional<engine::SubmissionRecord> current(const std::string& organisation, const std::string& period) override {
    for (const auto& r : _records) {
      if (r.current && r.organisation == organisation && r.period == period) return r;
    }
    return std::nullopt;
  }
  std::vector<engine::SubmissionRecord> currentForPeriod(const std::string& period) override {
    auto found = select([&](const engine::SubmissionRecord& r) { return r.current && r.period == period; });
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.organisation < b.organisation; });
    return found;
  }
  std::vector<engine::SubmissionRecord> currentForOrganisation(const std::string& organisation) override {
    return select([&](const engine::SubmissionRecord& r) { return r.current && r.organisation == organisation; });
  }
  std::vector<engine::SubmissionRecord> revisions(const std::string& organisation, const std::string& period) override {
    return select([&](const auto& r) { return r.organisation == organisation && r.period == period; });
  }
  std::vector<std::string> periods() override {
    std::set<std::string> periods;
    for (const auto& r : _records) {
      if (r.current) periods.insert(r.period);
    }
    return {periods.begin(), periods.end()};
  }
  void appendAudit(const engine::AuditEntry& entry) override { _audit.push_back(entry); }
  std::vector<engine::AuditEntry> recentAudit(std::size_t limit) override {
    std::vector<engine::AuditEntry> recent(_audit.rbegin(), _audit.rend());
    if (recent.size() > limit) recent.resize(limit);
    return recent;
  }
  bool ping() override { return true; }
  std::vector<std::string> integrityProblems() override { return {}; }

  // Forgets everything, as if new (the fuzz targets reuse one store per process).
  void clear() {
    _records.clear();
    _bytes.clear();
    _audit.clear();
  }

 private:
  template <typename Keep>
  std::vector<engine::SubmissionRecord> select(Keep keep) const {
    std::vector<engine::SubmissionRecord> found;
    for (const auto& r : _records) {
      if (keep(r)) found.push_back(r);
    }
    return found;
  }

  std::vector<engine::SubmissionRecord> _records;  // in acceptance order
  std::map<std::string, std::string> _bytes;
  std::vector<engine::AuditEntry> _audit;
};

}  // namespace profkpi::tests

#endif
