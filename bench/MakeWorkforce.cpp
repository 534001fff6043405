// Writes a valid Workforce submission of about the given size, for benchmarks;
// Member ids ascending, or with --scrambled-ids in no order.
//   make-workforce FILE BYTES [--scrambled-ids]
#include "tests/support/LargeDocument.h"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  using profkpi::tests::MemberIdOrder;
  bool scrambled = argc == 4 && std::string(argv[3]) == "--scrambled-ids";
  if (argc != 3 && !scrambled) {
    std::cerr << "usage: make-workforce FILE BYTES [--scrambled-ids]\n";
    return 2;
  }
  std::int64_t members = profkpi::tests::writeLargeWorkforce(
      argv[1], std::stoll(argv[2]), scrambled ? MemberIdOrder::Scrambled : MemberIdOrder::Ascending);
  std::cout << argv[1] << ": " << members << " members\n";
  return 0;
}
