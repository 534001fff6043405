#include "tests/support/Process.h"

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/support/Documents.h"

namespace profkpi::tests {

int spawnProcess(const std::vector<std::string>& argv, const std::string& outPath, const std::string& errPath,
                 const std::map<std::string, std::string>& env) {
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    for (const auto& [key, value] : env) {
      if (value.empty()) {
        unsetenv(key.c_str());
      } else {
        setenv(key.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

int waitProcess(int pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) throw std::runtime_error("waitpid failed");
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

ProcessResult runProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
  TempDir io;
  std::string outPath = io.file("stdout");
  std::string errPath = io.file("stderr");
  auto started = std::chrono::steady_clock::now();
  pid_t pid = spawnProcess(argv, outPath, errPath, env);
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) < 0) throw std::runtime_error("wait4 failed");
  ProcessResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.maxRssKb = usage.ru_maxrss;
  result.out = readFile(outPath);
  result.err = readFile(errPath);
  return result;
}

std::string profkpiBinary() { return PROFKPI_BINARY; }

TempDir::TempDir() {
  static int counter = 0;
  _path = std::string(PROFKPI_TEST_TMP) + "/t" + std::to_string(getpid()) + "-" + std::to_string(++counter);
  Poco::File(_path).createDirectories();
}

TempDir::~TempDir() {
  try {
    Poco::File(_path).remove(true);
  } catch (...) {
    // Leave it for inspection; the build tree is disposable.
  }
}

}  // namespace profkpi::tests
