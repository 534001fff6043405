#include "tests/support/FolderScan.h"

#include <filesystem>

namespace profkpi::tests {

std::vector<std::string> unexpectedFiles(const std::string& folder,
                                         const std::function<bool(const std::string& relative)>& expected) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code error;
  if (!fs::is_directory(folder, error)) return found;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_directory()) continue;
    std::string relative = fs::relative(entry.path(), folder).string();
    if (!expected(relative)) found.push_back(relative);
  }
  return found;
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace profkpi::tests
