#include "engine/intake/Lexical.h"

#include <limits>

namespace profkpi::engine::lexical {

namespace {

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `pos`, advancing it.
std::optional<int> fixedDigits(std::string_view text, std::size_t& pos, int count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (int i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (!isDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// The date part shared by xs:date and xs:dateTime: -?YYYY+-MM-DD.
std::optional<date::year_month_day> datePart(std::string_view text, std::size_t& pos) {
  // Years before 1 are outside the calendar profkpi supports: XSD 1.0 (no year
  // zero) and 1.1 (ISO 8601's year zero) disagree about which are leap years.
  if (expect(text, pos, '-')) return std::nullopt;
  std::size_t start = pos;
  long year = 0;
  while (pos < text.size() && isDigit(text[pos])) {
    year = year * 10 + (text[pos] - '0');
    if (year > 32767) return std::nullopt;  // beyond the calendar the library models
    ++pos;
  }
  std::size_t digits = pos - start;
  if (digits < 4 || (digits > 4 && text[start] == '0') || year == 0) return std::nullopt;
  if (!expect(text, pos, '-')) return std::nullopt;
  auto month = fixedDigits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  auto day = fixedDigits(text, pos, 2);
  if (!day) return std::nullopt;
  date::year_month_day ymd{date::year{static_cast<int>(year)}, date::month{static_cast<unsigned>(*month)},
                           date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// Optional time zone: Z, +hh:mm or -hh:mm with |offset| <= 14:00.
std::optional<std::optional<std::chrono::minutes>> timeZone(std::string_view text, std::size_t& pos) {
  if (pos == text.size()) return std::optional<std::chrono::minutes>{};
  if (text[pos] == 'Z') {
    ++pos;
    return std::optional<std::chrono::minutes>{std::chrono::minutes{0}};
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  auto hours = fixedDigits(text, pos, 2);
  if (!hours || !expect(text, pos, ':')) return std::nullopt;
  auto minutes = fixedDigits(text, pos, 2);
  if (!minutes || *minutes > 59 || *hours > 14 || (*hours == 14 && *minutes != 0)) return std::nullopt;
  return std::optional<std::chrono::minutes>{std::chrono::minutes{sign * (*hours * 60 + *minutes)}};
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && isXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<std::int64_t> nonNegativeInteger(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (!isDigit(c)) return std::nullopt;
    if (value > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (negative && value != 0) return std::nullopt;
  return value;
}

std::optional<Amount> amount(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;

  constexpr std::int64_t LIMIT = std::numeric_limits<std::int64_t>::max() / 100 - 1;
  std::int64_t units = 0;
  for (char c : whole) {
    if (!isDigit(c)) return std::nullopt;
    units = units * 10 + (c - '0');
    if (units > LIMIT) return std::nullopt;
  }
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    char c = fraction[i];
    if (!isDigit(c)) return std::nullopt;
    if (i < 2) {
      cents += (c - '0') * (i == 0 ? 10 : 1);
    } else if (c != '0') {
      return std::nullopt;  // a third significant fraction digit
    }
  }
  std::int64_t hundredths = units * 100 + cents;
  return Amount::fromHundredths(negative ? -hundredths : hundredths);
}

bool isDecimal(std::string_view text) {
  text = trim(text);
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  bool digits = false;
  bool dot = false;
  for (char c : text) {
    if (isDigit(c)) {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::optional<bool> boolean(std::string_view text) {
  text = trim(text);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return std::nullopt;
}

std::optional<Date> date(std::string_view text) {
  // Nearly every date is plain YYYY-MM-DD: read it in place (one per Member's
  // Assessment and Pdp); anything else takes the general path.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    int digits[8];
    int n = 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (!isDigit(text[i])) break;
      digits[n++] = text[i] - '0';
    }
    if (n == 8) {
      int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
      date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(digits[4] * 10 + digits[5])},
                               date::day{static_cast<unsigned>(digits[6] * 10 + digits[7])}};
      if (year == 0 || !ymd.ok()) return std::nullopt;
      return Date{ymd};
    }
  }
  text = trim(text);
  std::size_t pos = 0;
  auto ymd = datePart(text, pos);
  if (!ymd || !timeZone(text, pos) || pos != text.size()) return std::nullopt;
  return Date{*ymd};
}

std::optional<ZonedTime> zonedDateTime(std::string_view text) {
  text = trim(text);
  std::size_t pos = 0;
  auto ymd = datePart(text, pos);
  if (!ymd || !expect(text, pos, 'T')) return std::nullopt;
  auto hours = fixedDigits(text, pos, 2);
  if (!hours || !expect(text, pos, ':')) return std::nullopt;
  auto minutes = fixedDigits(text, pos, 2);
  if (!minutes || !expect(text, pos, ':')) return std::nullopt;
  auto seconds = fixedDigits(text, pos, 2);
  if (!seconds) return std::nullopt;
  int millis = 0;
  bool fractionNonZero = false;
  if (expect(text, pos, '.')) {
    std::size_t start = pos;
    while (pos < text.size() && isDigit(text[pos])) {
      int digit = text[pos] - '0';
      std::size_t index = pos - start;
      if (index < 3) millis += digit * (index == 0 ? 100 : index == 1 ? 10 : 1);
      fractionNonZero = fractionNonZero || digit != 0;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  if (*minutes > 59 || *seconds > 59) return std::nullopt;
  // 24:00:00 is the first instant of the next day; any other hour 24 is invalid.
  if (*hours > 24 || (*hours == 24 && (*minutes != 0 || *seconds != 0 || fractionNonZero))) {
    return std::nullopt;
  }
  auto zone = timeZone(text, pos);
  if (!zone || !*zone || pos != text.size()) return std::nullopt;

  using namespace std::chrono;
  Instant local = Date{*ymd} + std::chrono::hours{*hours} + std::chrono::minutes{*minutes} +
                  std::chrono::seconds{*seconds} + milliseconds{millis};
  return ZonedTime{local - **zone, **zone};
}

}  // namespace profkpi::engine::lexical
