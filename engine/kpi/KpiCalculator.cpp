#include "engine/kpi/KpiCalculator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace profkpi::engine {

const char* statusName(Status status) {
  switch (status) {
    case Status::Green: return "green";
    case Status::Amber: return "amber";
    case Status::Red: return "red";
    case Status::None: break;
  }
  return "n/a";
}

std::string KpiValue::shown() const { return value ? value->toOneDecimal() : "n/a"; }

const KpiValue* Scorecard::find(std::string_view id) const {
  for (const KpiValue& k : kpis) {
    if (k.kpi->id == id) return &k;
  }
  return nullptr;
}

std::optional<Ratio> KpiCalculator::value(const KpiDefinition& kpi, const Measures& m, const Period& period) const {
  std::int64_t denominator = m.hundredths(kpi.denominator);
  if (denominator <= 0) return std::nullopt;
  __int128 numerator = m.hundredths(kpi.numerator);
  if (numerator < 0) return std::nullopt;
  if (kpi.scaling == Scaling::Percent) return Ratio(numerator * 100, denominator);
  return Ratio(numerator * 12, static_cast<__int128>(denominator) * period.months());
}

Status KpiCalculator::status(const KpiDefinition& kpi, const Ratio& value) const {
  if (kpi.direction == Direction::HigherIsBetter) {
    if (value >= kpi.target) return Status::Green;
    if (value >= kpi.target * kpi.amberRatio) return Status::Amber;
    return Status::Red;
  }
  // Lower is better: amber up to the point where target is amberRatio of the value.
  if (value <= kpi.target) return Status::Green;
  if (value * kpi.amberRatio <= kpi.target) return Status::Amber;
  return Status::Red;
}

Ratio KpiCalculator::attainment(const KpiDefinition& kpi, const Ratio& value) const {
  const Ratio one(1, 1);
  Ratio share = kpi.direction == Direction::HigherIsBetter ? value / kpi.target
                : value.isZero()                           ? one
                                                           : kpi.target / value;
  return share < one ? share : one;
}

namespace {
double approximateAttainment(const KpiDefinition& kpi, const Ratio& value) {
  double v = value.toDouble();
  double t = kpi.target.toDouble();
  double share = kpi.direction == Direction::HigherIsBetter ? v / t : (v == 0 ? 1.0 : t / v);
  return std::min(1.0, share);
}
}  // namespace

Scorecard KpiCalculator::compute(const Measures& measures, const Period& period) const {
  Scorecard card;
  std::optional<Ratio> sum;
  long double approximate = 0;  // the same sum, should the exact one overflow
  bool exact = true;
  int counted = 0;
  for (const KpiDefinition& kpi : _catalogue.kpis()) {
    KpiValue k;
    k.kpi = &kpi;
    k.value = value(kpi, measures, period);
    if (k.value) {
      k.status = status(kpi, *k.value);
      std::optional<Ratio> a;
      try {
        a = attainment(kpi, *k.value);
      } catch (const std::overflow_error&) {
      }
      approximate += a ? a->toDouble() : approximateAttainment(kpi, *k.value);
      try {
        if (exact && a) sum = sum ? *sum + *a : *a;
      } catch (const std::overflow_error&) {
        a.reset();
      }
      exact = exact && a.has_value();
      ++counted;
    }
    card.kpis.push_back(k);
  }
  if (counted > 0) {
    card.index = exact ? static_cast<int>((*sum * Ratio(100, counted)).roundedWhole())
                       : static_cast<int>(std::llround(approximate * 100 / counted));
  }
  return card;
}

}  // namespace profkpi::engine
