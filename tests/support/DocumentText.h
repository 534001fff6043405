// The words a rendered document or a command's output shows, in a form tests
// can search: white space squeezed, the HTML's tags dropped, or line by line.
#ifndef PROFKPI_TESTS_SUPPORT_DOCUMENTTEXT_H
#define PROFKPI_TESTS_SUPPORT_DOCUMENTTEXT_H

#include <string>
#include <vector>

namespace profkpi::tests {

// Runs of white space as one space, so that words wrapped in a cell or a line still match.
std::string squeezed(const std::string& text);

// What the HTML shows once tags are dropped (a space for each that is not
// inline), with the few entities the renderer writes decoded; squeezed.
std::string htmlText(const std::string& page);

// Whether `part` occurs in `text`.
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The lines of `text` (a command's output), without their line ends.
std::vector<std::string> lines(const std::string& text);

}  // namespace profkpi::tests

#endif
