// Files left behind in a folder tree: after a crash or a fault, anything a
// test does not expect there (temporary files, half-written copies).
#ifndef PROFKPI_TESTS_SUPPORT_FOLDERSCAN_H
#define PROFKPI_TESTS_SUPPORT_FOLDERSCAN_H

#include <functional>
#include <string>
#include <vector>

namespace profkpi::tests {

// Paths (relative to `folder`) of the regular files under it, at any depth,
// for which `expected` is false. A missing folder has none.
std::vector<std::string> unexpectedFiles(const std::string& folder,
                                         const std::function<bool(const std::string& relative)>& expected);

bool endsWith(const std::string& text, const std::string& suffix);

}  // namespace profkpi::tests

#endif
