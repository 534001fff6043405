// KPI values, status and the professionalisation index from a submission's
// measures (SUBMISSION.md section 4), exactly: values stay fractions until shown.
#ifndef PROFKPI_ENGINE_KPI_KPICALCULATOR_H
#define PROFKPI_ENGINE_KPI_KPICALCULATOR_H

#include "engine/kpi/Catalogue.h"
#include "engine/model/Measures.h"
#include "engine/model/Period.h"

#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine {

enum class Status { None, Red, Amber, Green };

// "green", "amber", "red", or "n/a" for None.
const char* statusName(Status status);

struct KpiValue {
  const KpiDefinition* kpi = nullptr;  // points into the catalogue
  std::optional<Ratio> value;          // absent ("n/a") when the denominator is 0
  Status status = Status::None;

  // "73.2", or "n/a".
  std::string shown() const;
};

struct Scorecard {
  std::vector<KpiValue> kpis;  // catalogue order
  std::optional<int> index;    // 0..100; absent when no KPI has a value

  const KpiValue* find(std::string_view id) const;
};

class KpiCalculator {
 public:
  // `catalogue` must outlive the calculator.
  explicit KpiCalculator(const Catalogue& catalogue) : _catalogue(catalogue) {}

  Scorecard compute(const Measures& measures, const Period& period) const;
  std::optional<Ratio> value(const KpiDefinition& kpi, const Measures& measures, const Period& period) const;
  Status status(const KpiDefinition& kpi, const Ratio& value) const;
  // min(value / target, 1) for higher-is-better; min(target / value, 1) for lower.
  Ratio attainment(const KpiDefinition& kpi, const Ratio& value) const;

  const Catalogue& catalogue() const { return _catalogue; }

 private:
  const Catalogue& _catalogue;
};

}  // namespace profkpi::engine

#endif
