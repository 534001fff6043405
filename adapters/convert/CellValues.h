// Reading one CSV cell as the value a Workforce attribute needs, accepting only
// what the v1.0 schema accepts for it: a value these functions return can be
// written into the document as it is. Each returns either the value or one
// sentence saying why the cell cannot be used. Cells are trimmed of spaces and
// tabs first. Stateless; thread-safe.
#ifndef PROFKPI_ADAPTERS_CONVERT_CELLVALUES_H
#define PROFKPI_ADAPTERS_CONVERT_CELLVALUES_H

#include "engine/common/Time.h"
#include "engine/model/Amount.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::convert {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string problem;  // empty when value is set

  static Parsed ok(T v) { return Parsed{std::move(v), {}}; }
  static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
};

// How numbers are written in a column.
struct NumberFormat {
  // '.' or ','. Default '.'.
  char decimalSeparator = '.';
  // The cell is a percentage (80 -> 0.80); a trailing '%' always means one. Default false.
  bool percent = false;
  // More than two fraction digits are rounded half away from zero instead of refused. Default false.
  bool round = false;
};

// Words a yes/no column uses, compared without regard to case. An empty cell is
// false unless listed as true.
struct BooleanWords {
  std::vector<std::string> trueWords{"true", "yes", "y", "1"};
  std::vector<std::string> falseWords{"false", "no", "n", "0"};

  Parsed<bool> parse(std::string_view cell) const;
};

// Spaces and tabs stripped from both ends.
std::string_view trimCell(std::string_view cell);

// Upper-cases ASCII letters.
std::string asciiUpper(std::string_view text);

// True when `a` and `b` are equal ignoring ASCII case.
bool equalsIgnoringCase(std::string_view a, std::string_view b);

// Text of 1..maxChars Unicode characters, valid UTF-8 with only characters XML
// 1.0 allows.
Parsed<std::string> parseText(std::string_view cell, std::size_t maxChars);

// A Role or Member id: [A-Za-z0-9_-]{1,32}.
Parsed<std::string> parseRecordId(std::string_view cell);

// A non-negative decimal with at most two fraction digits (after `format`).
Parsed<engine::Amount> parseAmount(std::string_view cell, const NumberFormat& format);

// A calendar date in a strftime-style format: %d %m %Y (4 digits) %y (2 digits,
// 19xx from 70) %b (Jan..Dec, or full names) and literal characters. What follows
// the date after a space or 'T' (a time of day) is ignored.
Parsed<engine::Date> parseDate(std::string_view cell, std::string_view format);

// Checks a date format for the directives parseDate knows; empty when usable.
std::string dateFormatProblem(std::string_view format);

// Quotes a cell for a message, shortened when long: "abc".
std::string quoteCell(std::string_view cell);

}  // namespace profkpi::adapters::convert

#endif
