// libFuzzer target over the report text layout (fuzz/README.md). A crash, a
// sanitizer report or an uncaught exception (LayoutInvariantBroken included) is a finding.
#include "fuzz/TextLayoutHarness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const profkpi::reports::Fonts fonts = profkpi::reports::loadFonts();  // once: reading a font is slow
  profkpi::fuzz::layOut(fonts, data, size);
  return 0;
}
