// Text for a page: cleaning untrusted UTF-8 (names and explanations come from
// senders) and fitting it into a width by measuring it, so that long names and
// long words wrap, or are shortened with an ellipsis, but never overflow and
// never vanish (libharu's HPDF_Page_TextRect silently draws nothing when a word
// does not fit). Pure functions; thread-safe.
#ifndef PROFKPI_REPORTS_TEXTLAYOUT_H
#define PROFKPI_REPORTS_TEXTLAYOUT_H

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::reports {

// How wide a clean text is, in points, in the font and size being laid out.
using MeasureText = std::function<double(std::string_view)>;

// Decodes UTF-8; each invalid or overlong sequence, and each surrogate, becomes U+FFFD.
std::u32string decodeUtf8(std::string_view text);
// The same into `out`, replacing what it held (for callers that decode often
// and keep one buffer).
void decodeUtf8(std::string_view text, std::u32string& out);
std::string encodeUtf8(std::u32string_view text);

// Text safe to draw: control and invisible formatting characters removed (tabs
// and line breaks become spaces), runs of spaces collapsed, the ends trimmed,
// and every character `has` rejects (emoji, other planes, scripts the font
// lacks) replaced by a visible substitute: U+FFFD when `has` accepts it, else "?".
std::string cleanText(std::string_view text, const std::function<bool(char32_t)>& has);

// The ellipsis to shorten with: "…" when `has` accepts it, else "...".
std::string ellipsisFor(const std::function<bool(char32_t)>& has);

// Clean text in lines no wider than `width`: broken at spaces, a word wider than
// a line broken between characters. When more than `maxLines` lines would be
// needed, the last one shown ends with `ellipsis`. Never returns an empty list
// for non-empty text. REQUIRES: maxLines >= 1.
std::vector<std::string> wrapText(std::string_view text, double width, std::size_t maxLines,
                                  const MeasureText& measure, const std::string& ellipsis);

// A line in the order its characters are drawn left to right: each run of
// right-to-left script (Hebrew, Arabic, with the spaces and punctuation between
// them) reversed, numbers inside it kept left to right, brackets mirrored. A
// simplified Unicode bidirectional algorithm for a left-to-right page; Arabic
// letters are not joined (libharu draws no contextual forms).
std::string visualOrder(std::string_view line);

// One line: the text, or as much of it as fits followed by `ellipsis`.
std::string fitText(std::string_view text, double width, const MeasureText& measure, const std::string& ellipsis);

}  // namespace profkpi::reports

#endif
