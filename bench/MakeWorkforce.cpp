// Writes a valid Workforce submission of about the given size, for benchmarks.
//   make-workforce FILE BYTES
#include "tests/support/LargeDocument.h"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make-workforce FILE BYTES\n";
    return 2;
  }
  std::int64_t members = profkpi::tests::writeLargeWorkforce(argv[1], std::stoll(argv[2]));
  std::cout << argv[1] << ": " << members << " members\n";
  return 0;
}
