// Runs a program as a child process, as an operator or cron would, and reports
// what it printed, how it ended and what it cost (peak RSS from wait4).
#ifndef PROFKPI_TESTS_SUPPORT_PROCESS_H
#define PROFKPI_TESTS_SUPPORT_PROCESS_H

#include <map>
#include <string>
#include <vector>

namespace profkpi::tests {

struct ProcessResult {
  int exitCode = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
  long maxRssKb = 0;
  double seconds = 0;
};

// Runs argv[0] (a path) with the arguments; `env` entries are added to the
// environment (an empty value removes the variable). Waits for it to end.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

// Starts argv[0] without waiting, its output going to the files named.
int spawnProcess(const std::vector<std::string>& argv, const std::string& outPath, const std::string& errPath,
                 const std::map<std::string, std::string>& env = {});
// Waits for a spawned process; its exit code, or -signal when a signal ended it.
int waitProcess(int pid);

// The built profkpi executable.
std::string profkpiBinary();

// A fresh empty directory under the build tree, removed by its destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return _path; }
  std::string file(const std::string& name) const { return _path + "/" + name; }

 private:
  std::string _path;
};

}  // namespace profkpi::tests

#endif
