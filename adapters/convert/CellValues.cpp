#include "adapters/convert/CellValues.h"

#include <array>
#include <cstdint>

namespace profkpi::adapters::convert {

namespace {

constexpr std::size_t MAX_RECORD_ID = 32;
// Digits beyond these would not fit the engine's 64-bit hundredths.
constexpr std::size_t MAX_WHOLE_DIGITS = 15;
constexpr std::size_t MAX_FRACTION_DIGITS = 12;
constexpr std::size_t MAX_QUOTED_CHARS = 60;

constexpr std::array<const char*, 12> MONTHS{"january", "february", "march",     "april",   "may",      "june",
                                             "july",    "august",   "september", "october", "november", "december"};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Decodes one UTF-8 sequence at `i`; nothing for malformed, overlong or surrogate forms.
std::optional<std::uint32_t> decodeUtf8(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  std::size_t length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) return std::nullopt;
  std::uint32_t cp = length == 1 ? b0 : length == 2 ? (b0 & 0x1F) : length == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::array<std::uint32_t, 5> MIN_FOR_LENGTH{0, 0, 0x80, 0x800, 0x10000};
  if (cp < MIN_FOR_LENGTH[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += length;
  return cp;
}

bool isXmlChar(std::uint32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

// Reads up to `max` digits at `i` as a number; nothing when there are fewer than `min`.
std::optional<int> readNumber(std::string_view s, std::size_t& i, std::size_t min, std::size_t max) {
  std::size_t start = i;
  int n = 0;
  while (i < s.size() && i - start < max && isDigit(s[i])) n = n * 10 + (s[i++] - '0');
  if (i - start < min) return std::nullopt;
  return n;
}

std::optional<int> readMonthName(std::string_view s, std::size_t& i) {
  for (std::size_t m = 0; m < MONTHS.size(); ++m) {
    std::string_view full = MONTHS[m];
    std::size_t n = 0;
    while (n < full.size() && i + n < s.size() && lower(s[i + n]) == full[n]) ++n;
    if (n == full.size() || (n >= 3 && (i + n == s.size() || !((s[i + n] | 0x20) >= 'a' && (s[i + n] | 0x20) <= 'z')))) {
      i += n;
      return static_cast<int>(m) + 1;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view trimCell(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  return cell;
}

std::string asciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

Parsed<bool> BooleanWords::parse(std::string_view cell) const {
  cell = trimCell(cell);
  for (const std::string& word : trueWords) {
    if (equalsIgnoringCase(cell, word)) return Parsed<bool>::ok(true);
  }
  for (const std::string& word : falseWords) {
    if (equalsIgnoringCase(cell, word)) return Parsed<bool>::ok(false);
  }
  if (cell.empty()) return Parsed<bool>::ok(false);
  std::string known;
  for (const auto* list : {&trueWords, &falseWords}) {
    for (const std::string& word : *list) known += (known.empty() ? "" : ", ") + quoteCell(word);
  }
  return Parsed<bool>::fail(quoteCell(cell) + " is not a yes/no value (one of " + known + ")");
}

Parsed<std::string> parseText(std::string_view cell, std::size_t maxChars) {
  cell = trimCell(cell);
  if (cell.empty()) return Parsed<std::string>::fail("is empty");
  std::size_t chars = 0;
  for (std::size_t i = 0; i < cell.size(); ++chars) {
    std::optional<std::uint32_t> cp = decodeUtf8(cell, i);
    if (!cp) return Parsed<std::string>::fail("is not valid UTF-8 (check csv.encoding)");
    if (!isXmlChar(*cp)) {
      return Parsed<std::string>::fail("holds a control character (U+" + [&] {
        static const char* HEX = "0123456789ABCDEF";
        std::string h;
        for (int shift = 12; shift >= 0; shift -= 4) h.push_back(HEX[(*cp >> shift) & 0xF]);
        return h;
      }() + ") that XML does not allow");
    }
  }
  if (chars > maxChars) {
    return Parsed<std::string>::fail(quoteCell(cell) + " is longer than " + std::to_string(maxChars) +
                                     " characters (" + std::to_string(chars) + ")");
  }
  return Parsed<std::string>::ok(std::string(cell));
}

Parsed<std::string> parseRecordId(std::string_view cell) {
  cell = trimCell(cell);
  if (cell.empty()) return Parsed<std::string>::fail("is empty");
  bool legal = cell.size() <= MAX_RECORD_ID;
  for (char c : cell) {
    legal = legal && (isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-');
  }
  if (!legal) {
    return Parsed<std::string>::fail(quoteCell(cell) +
                                     " is not an id (1 to 32 of A-Z a-z 0-9 _ -; map another column or clean the export)");
  }
  return Parsed<std::string>::ok(std::string(cell));
}

Parsed<engine::Amount> parseAmount(std::string_view cell, const NumberFormat& format) {
  std::string_view text = trimCell(cell);
  bool percent = format.percent;
  if (!text.empty() && text.back() == '%') {
    percent = true;
    text = trimCell(text.substr(0, text.size() - 1));
  }
  auto notNumber = [&] {
    return Parsed<engine::Amount>::fail(quoteCell(trimCell(cell)) + " is not a number" +
                                        (format.decimalSeparator == ',' ? " (decimal comma expected)" : ""));
  };
  if (text.empty()) return notNumber();
  if (text.front() == '-') {
    bool digits = false;
    for (char c : text) digits = digits || (isDigit(c) && c != '0');
    if (digits) return Parsed<engine::Amount>::fail(quoteCell(trimCell(cell)) + " is negative");
    text.remove_prefix(1);
  } else if (text.front() == '+') {
    text.remove_prefix(1);
  }
  std::size_t i = 0;
  std::string whole;
  std::string fraction;
  while (i < text.size() && isDigit(text[i])) whole.push_back(text[i++]);
  if (i < text.size() && text[i] == format.decimalSeparator) {
    ++i;
    while (i < text.size() && isDigit(text[i])) fraction.push_back(text[i++]);
  }
  if (i != text.size() || (whole.empty() && fraction.empty())) return notNumber();
  while (whole.size() > 1 && whole.front() == '0') whole.erase(0, 1);
  if (whole.size() > MAX_WHOLE_DIGITS || fraction.size() > MAX_FRACTION_DIGITS) {
    return Parsed<engine::Amount>::fail(quoteCell(trimCell(cell)) + " is too large or too long");
  }
  // Exact: the value as an integer count of 10^-scale.
  std::int64_t units = 0;
  for (char c : whole + fraction) units = units * 10 + (c - '0');
  std::size_t scale = fraction.size() + (percent ? 2 : 0);
  while (scale > 2 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  if (scale > 2) {
    if (!format.round) {
      return Parsed<engine::Amount>::fail(quoteCell(trimCell(cell)) + " has more than 2 decimal places" +
                                          (percent ? " as a fraction" : "") + " (or set numbers.round = true)");
    }
    std::int64_t divisor = 1;
    for (std::size_t k = 2; k < scale; ++k) divisor *= 10;
    units = (units + divisor / 2) / divisor;  // half away from zero: units is non-negative
    scale = 2;
  }
  for (; scale < 2; ++scale) units *= 10;
  return Parsed<engine::Amount>::ok(engine::Amount::fromHundredths(units));
}

std::string dateFormatProblem(std::string_view format) {
  bool day = false;
  bool month = false;
  bool year = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    char d = i + 1 < format.size() ? format[i + 1] : '\0';
    ++i;
    if (d == 'd') day = true;
    else if (d == 'm' || d == 'b' || d == 'B') month = true;
    else if (d == 'Y' || d == 'y') year = true;
    else if (d != '%') return "unknown directive %" + std::string(1, d) + " (known: %d %m %b %Y %y %%)";
  }
  if (!day || !month || !year) return "needs a day (%d), a month (%m or %b) and a year (%Y or %y)";
  return {};
}

Parsed<engine::Date> parseDate(std::string_view cell, std::string_view format) {
  std::string_view text = trimCell(cell);
  auto mismatch = [&] {
    return Parsed<engine::Date>::fail(quoteCell(text) + " is not a date in the form " + std::string(format));
  };
  int day = 0;
  int month = 0;
  int year = 0;
  std::size_t i = 0;
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] == '%' && f + 1 < format.size() && format[f + 1] != '%') {
      char d = format[++f];
      std::optional<int> n;
      if (d == 'd') n = readNumber(text, i, 1, 2), day = n.value_or(0);
      else if (d == 'm') n = readNumber(text, i, 1, 2), month = n.value_or(0);
      else if (d == 'b' || d == 'B') n = readMonthName(text, i), month = n.value_or(0);
      else if (d == 'Y') n = readNumber(text, i, 4, 4), year = n.value_or(0);
      else if (d == 'y') n = readNumber(text, i, 2, 2), year = n ? (*n < 70 ? 2000 + *n : 1900 + *n) : 0;
      if (!n) return mismatch();
    } else {
      if (format[f] == '%') ++f;
      if (i >= text.size() || text[i] != format[f]) return mismatch();
      ++i;
    }
  }
  if (i < text.size() && text[i] != ' ' && text[i] != 'T') return mismatch();
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (year < 1 || !ymd.ok()) return Parsed<engine::Date>::fail(quoteCell(text) + " is not a calendar date");
  return Parsed<engine::Date>::ok(engine::Date(ymd));
}

std::string quoteCell(std::string_view cell) {
  if (cell.size() <= MAX_QUOTED_CHARS) return "\"" + std::string(cell) + "\"";
  std::size_t cut = MAX_QUOTED_CHARS;
  while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return "\"" + std::string(cell.substr(0, cut)) + "...\"";
}

}  // namespace profkpi::adapters::convert
