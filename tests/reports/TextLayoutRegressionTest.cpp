// Every input the text-layout fuzzer found a fault with (fuzz/README.md), replayed
// through the same layout (fuzz/TextLayoutHarness): no crash, no exception, no
// broken invariant.
#include "fuzz/TextLayoutHarness.h"
#include "tests/support/Documents.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

using namespace profkpi;

namespace {

const std::string REGRESSIONS = std::string(PROFKPI_SOURCE_DIR) + "/tests/regressions/text-layout";

const reports::Fonts& fonts() {
  static reports::Fonts loaded = reports::loadFonts();
  return loaded;
}

void layOut(const std::string& bytes) {
  fuzz::layOut(fonts(), reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TextLayoutRegressionTest)

BOOST_AUTO_TEST_CASE(everyFoundInputLaysOut) {
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(REGRESSIONS)) {
    if (entry.path().filename() == "README.md") continue;
    BOOST_TEST_CONTEXT(entry.path().filename().string()) {
      BOOST_CHECK_NO_THROW(layOut(tests::readFile(entry.path().string())));
      ++replayed;
    }
  }
  BOOST_TEST_MESSAGE(replayed << " regression inputs replayed");
}

// The harness can fail, and lays out any bytes: empty, short, a page of text to PDF.
BOOST_AUTO_TEST_CASE(harnessLaysOutAnyInput) {
  BOOST_CHECK_NO_THROW(layOut(""));
  BOOST_CHECK_NO_THROW(layOut("\x01"));
  // 140 pt wide, 7 pt, 3 lines, bold, left, PDF, two 75 pt columns, no figures, a 12-byte name.
  std::string pdfCase("\x00\x40\x00\x20\x02\x01\x00\x07\x01\x00\x40\x00\x40\x00\x0c\x00", 16);
  pdfCase += "Cyngor Sir Ynys M\xC3\xB4n \xE4\xB8\xAD\xE6\x96\x87 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x8F\xB0";
  BOOST_CHECK_NO_THROW(layOut(pdfCase));
}

BOOST_AUTO_TEST_SUITE_END()
