#include "adapters/archive/FileReportArchive.h"

#include "engine/ports/Errors.h"
#include "platform/AtomicFile.h"
#include "platform/FileError.h"
#include "platform/ScratchFile.h"
#include "platform/Sha256.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace profkpi::adapters::archive {

using engine::ArchiveError;

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int error) {
  throw ArchiveError("report archive: cannot " + what + " " + path + ": " + std::strerror(error));
}

void requirePlainName(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    throw ArchiveError("report archive: not a plain file name: \"" + name + "\"");
  }
}

// mkdir -p, one component at a time.
void makeFolders(const std::string& path) {
  for (std::size_t at = path.find('/', 1); ; at = path.find('/', at + 1)) {
    std::string prefix = path.substr(0, at);
    if (!prefix.empty() && mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) fail("create the folder", prefix, errno);
    if (at == std::string::npos) break;
  }
}

// Runs a platform file operation, its failure in the archive's words.
template <typename Work>
void inArchiveWords(Work&& work) {
  try {
    work();
  } catch (const platform::FileError& e) {
    throw ArchiveError(std::string("report archive: ") + e.what());
  }
}

// Replaced through a scratch file beside it; the folder still needs flushing
// (syncFolder) for the rename to be durable.
void replaceFile(const std::string& path, std::string_view bytes) {
  inArchiveWords([&] { platform::writeFileAtomically(path, bytes, 0644); });
}

void syncFolder(const std::string& folder) {
  inArchiveWords([&] { platform::syncFolder(folder); });
}

// A scratch file of replaceFile that a killed process never renamed:
// nothing refers to it, and one run writes a period at a time.
void removeUnfinished(const std::string& folder) {
  DIR* entries = opendir(folder.c_str());
  if (entries == nullptr) return;
  std::vector<std::string> stale;
  while (const dirent* entry = readdir(entries)) {
    std::string name = entry->d_name;
    if (platform::isScratchName(name)) stale.push_back(folder + "/" + name);
  }
  closedir(entries);
  for (const std::string& path : stale) unlink(path.c_str());
}

std::optional<std::string> readIfPresent(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail("open", path, errno);
  }
  std::string bytes;
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      close(fd);
      fail("read", path, error);
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return bytes;
}

// What distinguishes one version of a file from another, or empty when it is absent.
std::string fileIdentity(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return {};
    fail("inspect", path, errno);
  }
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::string FileReportArchive::pathOf(const std::string& period, const std::string& name) const {
  return _root + "/" + period + "/" + name;
}

std::map<std::string, std::string> FileReportArchive::manifest(const std::string& period) const {
  requirePlainName(period);
  std::map<std::string, std::string> entries;
  std::optional<std::string> text = readIfPresent(pathOf(period, MANIFEST_NAME));
  if (!text) return entries;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    // "<64 hex>  <name>"; the second space is sha256sum's text-mode marker.
    if (line.size() > 66 && line.compare(64, 2, "  ") == 0) entries[line.substr(66)] = line.substr(0, 64);
  }
  return entries;
}

const std::map<std::string, std::string>& FileReportArchive::cachedManifest(const std::string& period) const {
  std::string identity = fileIdentity(pathOf(period, MANIFEST_NAME));
  auto cached = _manifests.find(period);
  if (cached != _manifests.end() && !identity.empty() && cached->second.identity == identity) {
    return cached->second.entries;
  }
  CachedManifest& fresh = _manifests[period];
  fresh.entries = manifest(period);
  fresh.identity = identity;
  return fresh.entries;
}

std::string FileReportArchive::store(const std::string& period, const std::string& name, std::string_view bytes) {
  return storeAll(period, {{name, bytes}}).front();
}

std::vector<std::string> FileReportArchive::storeAll(
    const std::string& period, const std::vector<std::pair<std::string, std::string_view>>& documents) {
  requirePlainName(period);
  for (const auto& [name, bytes] : documents) {
    requirePlainName(name);
    if (name == MANIFEST_NAME) throw ArchiveError("report archive: a document may not be called " + name);
  }
  std::string folder = _root + "/" + period;
  makeFolders(folder);
  removeUnfinished(folder);
  cachedManifest(period);
  CachedManifest& cached = _manifests[period];
  std::vector<std::string> hashes;
  try {
    // The documents first, then the manifest: a crash between the two leaves
    // documents the manifest does not vouch for, which load() treats as absent.
    for (const auto& [name, bytes] : documents) {
      hashes.push_back(platform::sha256Hex(bytes));
      replaceFile(pathOf(period, name), bytes);
      cached.entries[name] = hashes.back();
    }
    std::string text;
    text.reserve(cached.entries.size() * 90);
    for (const auto& [entry, hash] : cached.entries) {
      text += hash;
      text += "  ";
      text += entry;
      text += '\n';
    }
    replaceFile(pathOf(period, MANIFEST_NAME), text);
    syncFolder(folder);
    cached.identity = fileIdentity(pathOf(period, MANIFEST_NAME));
  } catch (const ArchiveError&) {
    _manifests.erase(period);  // the file on disk is the truth again
    throw;
  }
  return hashes;
}

std::optional<std::string> FileReportArchive::load(const std::string& period, const std::string& name) {
  requirePlainName(period);
  requirePlainName(name);
  const std::map<std::string, std::string>& entries = cachedManifest(period);
  auto entry = entries.find(name);
  if (entry == entries.end()) return std::nullopt;
  std::optional<std::string> bytes = readIfPresent(pathOf(period, name));
  if (!bytes || platform::sha256Hex(*bytes) != entry->second) return std::nullopt;
  return bytes;
}

std::optional<std::string> FileReportArchive::recordedSha256(const std::string& period, const std::string& name) {
  requirePlainName(period);
  requirePlainName(name);
  const std::map<std::string, std::string>& entries = cachedManifest(period);
  auto entry = entries.find(name);
  if (entry == entries.end()) return std::nullopt;
  return entry->second;
}

}  // namespace profkpi::adapters::archive
