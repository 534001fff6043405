// The report archive port in memory, for engine tests. Its "SHA-256" is a
// stand-in digest (the real one is the adapter's business); it can be told to
// fail or to lose a document.
#ifndef PROFKPI_TESTS_FAKES_MEMORYARCHIVE_H
#define PROFKPI_TESTS_FAKES_MEMORYARCHIVE_H

#include "engine/ports/Errors.h"
#include "engine/ports/ReportArchive.h"

#include <functional>
#include <map>

namespace profkpi::tests {

class MemoryArchive final : public engine::ReportArchive {
 public:
  std::string store(const std::string& period, const std::string& name, std::string_view bytes) override {
    if (failing) throw engine::ArchiveError("scripted archive failure");
    ++stores;
    documents[period + "/" + name] = std::string(bytes);
    return digest(bytes);
  }
  std::optional<std::string> load(const std::string& period, const std::string& name) override {
    auto found = documents.find(period + "/" + name);
    if (found == documents.end()) return std::nullopt;
    return found->second;
  }

  std::optional<std::string> recordedSha256(const std::string& period, const std::string& name) override {
    std::optional<std::string> bytes = load(period, name);
    if (!bytes) return std::nullopt;
    return digest(*bytes);
  }

  static std::string digest(std::string_view bytes) { return std::to_string(std::hash<std::string_view>{}(bytes)); }

  std::map<std::string, std::string> documents;  // "period/name" -> bytes
  int stores = 0;
  bool failing = false;
};

}  // namespace profkpi::tests

#endif
