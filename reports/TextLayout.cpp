#include "reports/TextLayout.h"

#include <algorithm>

namespace profkpi::reports {

namespace {

constexpr char32_t REPLACEMENT = 0xFFFD;

bool isCombining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// Characters that separate words: they become one plain space.
bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// Control and invisible formatting characters: dropped. They draw nothing
// useful, and bidirectional overrides could make text read wrongly.
bool isDropped(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE0FFF);
}

std::string encode(const std::u32string& text, std::size_t from, std::size_t to) {
  return encodeUtf8(std::u32string_view(text).substr(from, to - from));
}

// The longest prefix of text[from..to) that fits, ending on a character
// boundary that does not split a combining mark from its base; at least one
// character, so that progress is always made.
std::size_t longestFitting(const std::u32string& text, std::size_t from, std::size_t to, double width,
                           const MeasureText& measure, const std::string& suffix) {
  std::size_t low = from + 1, high = to;  // answer in [low, high]
  if (measure(encode(text, from, low) + suffix) > width) return low;
  while (low < high) {
    std::size_t mid = low + (high - low + 1) / 2;
    if (measure(encode(text, from, mid) + suffix) <= width) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  while (low > from + 1 && low < to && isCombining(text[low])) --low;
  return low;
}

std::string withEllipsis(const std::u32string& text, double width, const MeasureText& measure,
                         const std::string& ellipsis) {
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == ' ') --end;
  if (end == 0) return ellipsis;
  std::size_t cut = longestFitting(text, 0, end, width, measure, ellipsis);
  while (cut > 0 && text[cut - 1] == ' ') --cut;
  return encode(text, 0, cut) + ellipsis;
}

}  // namespace

std::u32string decodeUtf8(std::string_view text) {
  std::u32string out;
  decodeUtf8(text, out);
  return out;
}

void decodeUtf8(std::string_view text, std::u32string& out) {
  out.clear();
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      out.push_back(REPLACEMENT);
      ++i;
      continue;
    }
    char32_t c = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
    bool valid = true;
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      c = (c << 6) | (next & 0x3F);
    }
    static const char32_t MINIMUM[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!valid || c < MINIMUM[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out.push_back(REPLACEMENT);
      ++i;  // resynchronise on the next byte
      continue;
    }
    out.push_back(c);
    i += length;
  }
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::string cleanText(std::string_view text, const std::function<bool(char32_t)>& has) {
  const char32_t substitute = has(REPLACEMENT) ? REPLACEMENT : U'?';
  std::u32string out;
  bool pendingSpace = false;
  for (char32_t c : decodeUtf8(text)) {
    if (isSpace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (isDropped(c)) continue;
    if (pendingSpace) out.push_back(U' ');
    pendingSpace = false;
    out.push_back(has(c) ? c : substitute);
  }
  return encodeUtf8(out);
}

std::string ellipsisFor(const std::function<bool(char32_t)>& has) { return has(0x2026) ? "\xE2\x80\xA6" : "..."; }

namespace {
// Where to break a word wider than a line that fits up to `cut`: before the
// last '@' or '.' after its first character (an e-mail address or a host name
// reads whole in its parts), else at `cut`, between any two characters.
std::size_t preferredCut(const std::u32string& all, std::size_t from, std::size_t cut) {
  for (std::size_t at = cut; at > from + 1; --at) {
    if (all[at - 1] == U'@' || all[at - 1] == U'.') return at - 1;
  }
  return cut;
}
}  // namespace

std::vector<std::string> wrapText(std::string_view text, double width, std::size_t maxLines,
                                  const MeasureText& measure, const std::string& ellipsis) {
  std::u32string all = decodeUtf8(text);
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // [from, to) in `all`
  std::size_t lineStart = std::u32string::npos, lineEnd = 0;
  std::size_t i = 0;
  while (i < all.size()) {
    if (all[i] == U' ') {
      ++i;
      continue;
    }
    std::size_t wordEnd = all.find(U' ', i);
    if (wordEnd == std::u32string::npos) wordEnd = all.size();
    if (lineStart != std::u32string::npos && measure(encode(all, lineStart, wordEnd)) <= width) {
      lineEnd = wordEnd;
      i = wordEnd;
      continue;
    }
    if (lineStart != std::u32string::npos) lines.emplace_back(lineStart, lineEnd);
    lineStart = std::u32string::npos;
    // The word starts a line; a word wider than the line is broken. The last
    // piece is never empty: a character wider than the line (any character
    // when a tight table column leaves no width, or less) stands alone.
    while (measure(encode(all, i, wordEnd)) > width) {
      std::size_t cut = longestFitting(all, i, wordEnd, width, measure, "");
      if (cut >= wordEnd) break;
      cut = preferredCut(all, i, cut);
      lines.emplace_back(i, cut);
      i = cut;
    }
    lineStart = i;
    lineEnd = wordEnd;
    i = wordEnd;
  }
  if (lineStart != std::u32string::npos) lines.emplace_back(lineStart, lineEnd);

  std::vector<std::string> out;
  for (std::size_t n = 0; n < lines.size() && n < maxLines; ++n) out.push_back(encode(all, lines[n].first, lines[n].second));
  if (lines.size() > maxLines) {
    // Shortened: the rest of the text runs into the last line, which ends with the ellipsis.
    std::u32string tail = all.substr(lines[maxLines - 1].first);
    out.back() = withEllipsis(tail, width, measure, ellipsis);
  }
  if (out.empty() && !all.empty()) out.push_back(fitText(text, width, measure, ellipsis));
  return out;
}

namespace {

bool isRightToLeft(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool isNumber(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9); }

// Neither strongly left-to-right nor right-to-left: takes the direction around it.
bool isNeutral(char32_t c) {
  return c < 0x80 ? !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isNumber(c))
                  : (c >= 0x2000 && c <= 0x206F) || c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7;
}

char32_t mirrored(char32_t c) {
  switch (c) {
    case '(': return ')';
    case ')': return '(';
    case '[': return ']';
    case ']': return '[';
    case '{': return '}';
    case '}': return '{';
    case '<': return '>';
    case '>': return '<';
    case 0xAB: return 0xBB;
    case 0xBB: return 0xAB;
    default: return c;
  }
}

}  // namespace

std::string visualOrder(std::string_view line) {
  std::u32string text = decodeUtf8(line);
  std::size_t i = 0;
  while (i < text.size()) {
    if (!isRightToLeft(text[i])) {
      ++i;
      continue;
    }
    // The run: from this right-to-left character to the last one reachable
    // through right-to-left characters, numbers and neutrals.
    std::size_t end = i + 1, last = i;
    while (end < text.size() && (isRightToLeft(text[end]) || isNumber(text[end]) || isNeutral(text[end]))) {
      if (isRightToLeft(text[end])) last = end;
      ++end;
    }
    std::reverse(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(last + 1));
    for (std::size_t k = i; k <= last; ++k) text[k] = mirrored(text[k]);
    // Numbers read left to right even inside right-to-left text.
    for (std::size_t k = i; k <= last;) {
      if (!isNumber(text[k])) {
        ++k;
        continue;
      }
      std::size_t n = k;
      while (n <= last && (isNumber(text[n]) || ((text[n] == '.' || text[n] == ',') && n + 1 <= last && isNumber(text[n + 1])))) ++n;
      std::reverse(text.begin() + static_cast<std::ptrdiff_t>(k), text.begin() + static_cast<std::ptrdiff_t>(n));
      k = n;
    }
    i = last + 1;
  }
  return encodeUtf8(text);
}

std::string fitText(std::string_view text, double width, const MeasureText& measure, const std::string& ellipsis) {
  if (measure(text) <= width) return std::string(text);
  return withEllipsis(decodeUtf8(text), width, measure, ellipsis);
}

}  // namespace profkpi::reports
