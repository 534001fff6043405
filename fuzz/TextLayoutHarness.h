// What fuzz/text-layout-fuzzer does with one input, shared with the regression
// test that replays the inputs it found (tests/reports/TextLayoutRegressionTest.cpp).
// The input chooses a width, size, line limit, face and alignment, table column
// widths, figures the reports format (any tenths, double or ratio) and two
// texts as raw bytes (any UTF-8 or none: Welsh, CJK, emoji, combining marks,
// right-to-left, controls). They go through TextLayout (clean, wrap, fit,
// visual order), Draw, PageFlow and Table on the measuring canvas and, when the
// input asks, onto a real PDF page in memory.
#ifndef PROFKPI_FUZZ_TEXTLAYOUTHARNESS_H
#define PROFKPI_FUZZ_TEXTLAYOUTHARNESS_H

#include "reports/FontFace.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace profkpi::fuzz {

// A property every layout must have did not hold: a finding, like a crash.
struct LayoutInvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

// Lays out one input. Throws LayoutInvariantBroken, or whatever the code under test throws.
void layOut(const reports::Fonts& fonts, const std::uint8_t* data, std::size_t size);

}  // namespace profkpi::fuzz

#endif
