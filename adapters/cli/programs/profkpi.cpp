// profkpi: replaces itself (execv: same process id, arguments, environment and
// descriptors) with the program that runs the command. `validate` runs in
// profkpi-validate, which does not load the store, HTTP and report libraries:
// loading them (some 25 more shared libraries and 20,000 more symbol look-ups)
// took longer than validating a 100 KB document. Every other command, and
// --help, runs in profkpi-full. Both are in PROFKPI_PROGRAMS_DIR, relative to
// this program's own folder: ../libexec/profkpi once installed, and the build
// folder has the same layout. Only the C library, so that this step costs
// well under a millisecond.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include <unistd.h>

int main(int argc, char** argv) {
  const char* program = argc > 1 && std::strcmp(argv[1], "validate") == 0 ? "profkpi-validate" : "profkpi-full";
  char folder[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", folder, sizeof folder - 1);
  if (length <= 0) {
    std::fprintf(stderr, "profkpi: cannot find its own folder: /proc/self/exe: %s\n", std::strerror(errno));
    return 2;
  }
  folder[length] = '\0';
  *std::strrchr(folder, '/') = '\0';  // the link is an absolute path
  char path[PATH_MAX];
  if (std::snprintf(path, sizeof path, "%s/%s/%s", folder, PROFKPI_PROGRAMS_DIR, program) >= PATH_MAX) {
    std::fprintf(stderr, "profkpi: the path of %s is too long\n", program);
    return 2;
  }
  execv(path, argv);
  std::fprintf(stderr, "profkpi: cannot run %s: %s\n", path, std::strerror(errno));
  return 2;
}
