// The report archive port: rendered documents kept by period and name
// (reports.dir/<period>/<name> in adapters/archive/FileReportArchive.h), each
// period with a manifest of SHA-256s. Readers never see half a document or half
// a manifest. Implementations need not be thread-safe: one nightly run writes at
// a time.
#ifndef PROFKPI_ENGINE_PORTS_REPORTARCHIVE_H
#define PROFKPI_ENGINE_PORTS_REPORTARCHIVE_H

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace profkpi::engine {

class ReportArchive {
 public:
  ReportArchive() = default;
  ReportArchive(const ReportArchive&) = delete;
  ReportArchive& operator=(const ReportArchive&) = delete;
  virtual ~ReportArchive() = default;

  // Stores `bytes` as document `name` of `period`, replacing an earlier one, and
  // records its SHA-256 in the period's manifest; each replaced atomically and
  // durably. Returns the SHA-256, lower-case hex.
  // REQUIRES: period and name are plain file names (no '/', not "." or "..").
  // Throws ArchiveError.
  virtual std::string store(const std::string& period, const std::string& name, std::string_view bytes) = 0;
  // Stores several documents of one period as store() would, with one update
  // of the manifest for all of them. Returns their SHA-256s in order. Throws
  // ArchiveError; the manifest then vouches for those stored before the failure at most.
  virtual std::vector<std::string> storeAll(const std::string& period,
                                            const std::vector<std::pair<std::string, std::string_view>>& documents) {
    std::vector<std::string> hashes;
    for (const auto& [name, bytes] : documents) hashes.push_back(store(period, name, bytes));
    return hashes;
  }

  // The document as archived; nothing when it is absent or no longer matches its
  // manifest entry. Throws ArchiveError when it exists but cannot be read.
  virtual std::optional<std::string> load(const std::string& period, const std::string& name) = 0;
  // The SHA-256 the period's manifest records for the document; nothing when it
  // records none. Throws ArchiveError when the manifest cannot be read.
  virtual std::optional<std::string> recordedSha256(const std::string& period, const std::string& name) = 0;
};

}  // namespace profkpi::engine

#endif
