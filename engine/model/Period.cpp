#include "engine/model/Period.h"

#include <array>
#include <cstdio>

namespace profkpi::engine {

namespace {

const std::array<const char*, 12> MONTH_NAMES = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};

bool digitsAt(std::string_view text, std::size_t pos, std::size_t count) {
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int number(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// Calendar month (1..12) and year of a financial year's month index 0..11 (April = 0).
date::year_month monthOfFinancialYear(int firstYear, int index) {
  int month = 4 + index;
  int year = firstYear;
  if (month > 12) {
    month -= 12;
    ++year;
  }
  return date::year{year} / date::month{static_cast<unsigned>(month)};
}

}  // namespace

std::optional<Period> Period::parse(std::string_view text) {
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!digitsAt(text, 0, 4) || text[4] != '-' || !digitsAt(text, 5, 2)) return std::nullopt;
  int quarter = 0;
  if (text.size() == 10) {
    if (text[7] != '-' || text[8] != 'Q' || text[9] < '1' || text[9] > '4') return std::nullopt;
    quarter = text[9] - '0';
  }
  return Period(number(text, 0, 4), number(text, 5, 2), quarter);
}

Date Period::firstDay() const {
  int index = isQuarter() ? (_quarter - 1) * 3 : 0;
  return Date{monthOfFinancialYear(_firstYear, index) / 1};
}

Date Period::lastDay() const {
  int index = isQuarter() ? (_quarter - 1) * 3 + 2 : 11;
  return Date{monthOfFinancialYear(_firstYear, index) / date::last};
}

Instant Period::start() const {
  return startOfDay(firstDay(), PERIOD_TIME_ZONE);
}

bool Period::startsAfter(Instant instant) const {
  return isBeforeStartOfDay(instant, firstDay(), PERIOD_TIME_ZONE);
}

std::string Period::code() const {
  char text[16];
  if (isQuarter()) {
    std::snprintf(text, sizeof text, "%04d-%02d-Q%d", _firstYear, _secondYear, _quarter);
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d", _firstYear, _secondYear);
  }
  return text;
}

std::string Period::inWords() const {
  date::year_month first{date::year_month_day{firstDay()}.year(), date::year_month_day{firstDay()}.month()};
  date::year_month last{date::year_month_day{lastDay()}.year(), date::year_month_day{lastDay()}.month()};
  auto name = [](date::year_month ym) { return std::string(MONTH_NAMES[static_cast<unsigned>(ym.month()) - 1]); };
  auto year = [](date::year_month ym) { return std::to_string(static_cast<int>(ym.year())); };
  char financial[16];
  std::snprintf(financial, sizeof financial, "%04d/%02d", _firstYear, _secondYear);

  std::string words;
  if (first.year() == last.year()) {
    words = name(first) + " to " + name(last) + " " + year(last);
  } else {
    words = name(first) + " " + year(first) + " to " + name(last) + " " + year(last);
  }
  if (isQuarter()) return words + " (Q" + std::to_string(_quarter) + " " + financial + ")";
  return words + " (" + financial + ")";
}

Period Period::previous() const {
  if (isQuarter() && _quarter > 1) return Period(_firstYear, _secondYear, _quarter - 1);
  int year = _firstYear - 1;
  return Period(year, (year + 1) % 100, isQuarter() ? 4 : 0);
}

Period Period::next() const {
  if (isQuarter() && _quarter < 4) return Period(_firstYear, _secondYear, _quarter + 1);
  int year = _firstYear + 1;
  return Period(year, (year + 1) % 100, isQuarter() ? 1 : 0);
}

}  // namespace profkpi::engine
