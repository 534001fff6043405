// libFuzzer target over the intake (fuzz/README.md). A crash, a sanitizer report
// or an uncaught exception (InvariantBroken included) is a finding.
#include "fuzz/IntakeHarness.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static profkpi::fuzz::IntakeHarness harness;  // once: the grammar pool takes tens of milliseconds
  harness.submit(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
