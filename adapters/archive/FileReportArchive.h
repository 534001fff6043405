// The report archive (engine/ports/ReportArchive.h) in a folder (reports.dir):
// <root>/<period>/<name>, and per period a manifest <root>/<period>/SHA256SUMS
// in `sha256sum` format ("<hex>  <name>" per line, by name), so that
// `sha256sum -c SHA256SUMS` checks a period. Every file is replaced atomically:
// written to a temporary file beside it, fsync'ed, renamed over it, and the
// folder fsync'ed. The manifest last read or written is kept in memory and
// read again only when the file changed (another process wrote it), so that a
// run archiving thousands of documents does not parse the manifest for each.
// Not thread-safe (one nightly run writes at a time).
#ifndef PROFKPI_ADAPTERS_ARCHIVE_FILEREPORTARCHIVE_H
#define PROFKPI_ADAPTERS_ARCHIVE_FILEREPORTARCHIVE_H

#include "engine/ports/ReportArchive.h"

#include <map>
#include <string>

namespace profkpi::adapters::archive {

inline constexpr const char* MANIFEST_NAME = "SHA256SUMS";

class FileReportArchive final : public engine::ReportArchive {
 public:
  // `root` is created on first store.
  explicit FileReportArchive(std::string root) : _root(std::move(root)) {}

  std::string store(const std::string& period, const std::string& name, std::string_view bytes) override;
  // Each document written and flushed, the manifest written once, the folder
  // flushed once: a crash part way leaves documents the manifest does not
  // vouch for, or entries whose document does not match, both absent to load().
  std::vector<std::string> storeAll(const std::string& period,
                                    const std::vector<std::pair<std::string, std::string_view>>& documents) override;
  std::optional<std::string> load(const std::string& period, const std::string& name) override;

  std::optional<std::string> recordedSha256(const std::string& period, const std::string& name) override;
  // The period's manifest: name -> SHA-256; empty when there is none. Throws engine::ArchiveError.
  std::map<std::string, std::string> manifest(const std::string& period) const;
  // The path a document is (or would be) archived at.
  std::string pathOf(const std::string& period, const std::string& name) const;

 private:
  // A period's manifest as last read or written, and the file it came from.
  struct CachedManifest {
    std::map<std::string, std::string> entries;
    std::string identity;  // device, inode, size and modification time; empty: no file
  };
  const std::map<std::string, std::string>& cachedManifest(const std::string& period) const;

  std::string _root;
  mutable std::map<std::string, CachedManifest> _manifests;
};

}  // namespace profkpi::adapters::archive

#endif
