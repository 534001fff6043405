// The words a rendered document shows, in a form tests can search: white space
// squeezed, and the HTML's tags dropped.
#ifndef PROFKPI_TESTS_SUPPORT_DOCUMENTTEXT_H
#define PROFKPI_TESTS_SUPPORT_DOCUMENTTEXT_H

#include <string>

namespace profkpi::tests {

// Runs of white space as one space, so that words wrapped in a cell or a line still match.
std::string squeezed(const std::string& text);

// What the HTML shows once tags are dropped (a space for each that is not
// inline), with the few entities the renderer writes decoded; squeezed.
std::string htmlText(const std::string& page);

}  // namespace profkpi::tests

#endif
