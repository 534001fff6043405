// A reporting period: a UK financial year (1 April to 31 March), or one quarter of
// it. Written "2009-10" or "2009-10-Q2" (SUBMISSION.md section 2).
#ifndef PROFKPI_ENGINE_MODEL_PERIOD_H
#define PROFKPI_ENGINE_MODEL_PERIOD_H

#include "engine/common/Time.h"

#include <optional>
#include <string>
#include <string_view>

namespace profkpi::engine {

// The zone in which period boundaries are dates.
inline constexpr std::string_view PERIOD_TIME_ZONE = "Europe/London";

class Period {
 public:
  // Parses the lexical form [0-9]{4}-[0-9]{2}(-Q[1-4])?. A period whose second year
  // does not follow the first ("2009-11") parses, so that PK001 can name it;
  // check followsOn().
  static std::optional<Period> parse(std::string_view text);

  // PK001: the two-digit second year is the year after the first (1999-00 too).
  bool followsOn() const { return _secondYear == (_firstYear + 1) % 100; }

  int firstYear() const { return _firstYear; }
  // 1..4, or 0 for the whole year.
  int quarter() const { return _quarter; }
  bool isQuarter() const { return _quarter != 0; }
  int months() const { return isQuarter() ? 3 : 12; }

  Date firstDay() const;
  Date lastDay() const;
  // The instant the period starts: its first day's midnight in Europe/London.
  Instant start() const;
  // instant < start(), without the time-zone database unless the instant is
  // within a day of the start.
  bool startsAfter(Instant instant) const;

  // "2009-10-Q2"
  std::string code() const;
  // "July to September 2009 (Q2 2009/10)", "April 2009 to March 2010 (2009/10)"
  std::string inWords() const;

  // The period of the same length immediately before this one.
  Period previous() const;
  // The period of the same length immediately after this one.
  Period next() const;

  friend bool operator==(const Period& a, const Period& b) {
    return a._firstYear == b._firstYear && a._secondYear == b._secondYear && a._quarter == b._quarter;
  }
  friend bool operator!=(const Period& a, const Period& b) { return !(a == b); }
  // Chronological within one length; years before quarters of the same year.
  friend bool operator<(const Period& a, const Period& b) {
    if (a._firstYear != b._firstYear) return a._firstYear < b._firstYear;
    return a._quarter < b._quarter;
  }

 private:
  Period(int firstYear, int secondYear, int quarter)
      : _firstYear(firstYear), _secondYear(secondYear), _quarter(quarter) {}

  int _firstYear;
  int _secondYear;  // as written: two digits
  int _quarter;
};

}  // namespace profkpi::engine

#endif
