#include "engine/intake/xml/LengthFacet.h"

namespace profkpi::engine::xml {

namespace {

// Xerces' message XMLExcepts::VALUE_GT_maxLen (en_US):
// value '%1' has length '%2' which exceeds maxLength facet value '%3'
constexpr std::u16string_view PREFIX = u"value '";
constexpr std::u16string_view LENGTH = u"' has length '";
constexpr std::u16string_view EXCEEDS = u"' which exceeds maxLength facet value '";
// Xerces 3.2's message buffer (XMLValidator::emitError) holds 2,047 units; a
// finding about a value longer than about 1,980 units is cut there.
constexpr std::size_t CUT_AT = 2000;
// How much of a too-long value a finding quotes.
constexpr std::size_t QUOTED_CHARACTERS = 50;

bool isHighSurrogate(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool isLowSurrogate(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

std::size_t characters(std::u16string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i, ++count) {
    if (isHighSurrogate(text[i]) && i + 1 < text.size() && isLowSurrogate(text[i + 1])) ++i;
  }
  return count;
}

std::optional<std::size_t> number(std::u16string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t value = 0;
  for (char16_t c : digits) {
    if (c < u'0' || c > u'9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - u'0');
  }
  return value;
}

std::u16string decimal(std::size_t value) {
  std::u16string out;
  do {
    out.insert(out.begin(), static_cast<char16_t>(u'0' + value % 10));
    value /= 10;
  } while (value != 0);
  return out;
}

// The finding for a value too long in characters, worded as Xerces words its own.
std::u16string tooLongFinding(std::u16string_view quoted, std::u16string_view counted, std::size_t limit) {
  return std::u16string(PREFIX) + std::u16string(quoted) + std::u16string(LENGTH) + std::u16string(counted) +
         u"' characters, which exceeds maxLength facet value '" + decimal(limit) + u"'";
}

}  // namespace

bool isCutValueFinding(std::u16string_view message) {
  // The messages Xerces cuts are those at its buffer's size; an uncut value
  // finding ends with its facet's value in quotes.
  return message.substr(0, PREFIX.size()) == PREFIX && message.size() >= CUT_AT && message.back() != u'\'';
}

std::optional<std::u16string> judgedLength(std::u16string_view value, std::size_t maxLength, bool truncated) {
  std::size_t count = characters(value);
  if (count <= maxLength && !truncated) return std::nullopt;
  // Quote no more than the start: the whole value can be thousands of characters.
  std::size_t quoted = 0;
  for (std::size_t shown = 0; quoted < value.size() && shown < QUOTED_CHARACTERS; ++quoted, ++shown) {
    if (isHighSurrogate(value[quoted]) && quoted + 1 < value.size() && isLowSurrogate(value[quoted + 1])) ++quoted;
  }
  return tooLongFinding(std::u16string(value.substr(0, quoted)) + (quoted < value.size() ? u"\u2026" : u""),
                        (truncated ? u"more than " : u"") + decimal(count), maxLength);
}

std::optional<std::u16string> recountedLengthFinding(std::u16string_view message) {
  std::u16string unchanged(message);
  if (message.substr(0, PREFIX.size()) != PREFIX || message.empty() || message.back() != u'\'') return unchanged;
  std::size_t exceeds = message.rfind(EXCEEDS);
  if (exceeds == std::u16string_view::npos) return unchanged;
  std::size_t length = message.rfind(LENGTH, exceeds);
  if (length == std::u16string_view::npos || length < PREFIX.size()) return unchanged;
  auto units = number(message.substr(length + LENGTH.size(), exceeds - length - LENGTH.size()));
  std::size_t limitStart = exceeds + EXCEEDS.size();
  auto limit = number(message.substr(limitStart, message.size() - 1 - limitStart));
  std::u16string_view value = message.substr(PREFIX.size(), length - PREFIX.size());
  if (!units || !limit || *units != value.size()) return unchanged;

  std::size_t count = characters(value);
  if (count == *units) return unchanged;
  if (count <= *limit) return std::nullopt;
  return tooLongFinding(value, decimal(count), *limit);
}

}  // namespace profkpi::engine::xml
