// The KPI catalogue (catalogue.file): which KPIs exist, how each is computed from
// the measures, and what counts as on target. Data, not code: a sixth KPI is a
// catalogue change. Immutable once built; safe to share across threads.
#ifndef PROFKPI_ENGINE_KPI_CATALOGUE_H
#define PROFKPI_ENGINE_KPI_CATALOGUE_H

#include "engine/kpi/Ratio.h"
#include "engine/model/Measures.h"

#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

enum class Scaling {
  Percent,     // numerator / denominator x 100
  Annualised,  // numerator / denominator x 12 / months in the period
};

enum class Direction { HigherIsBetter, LowerIsBetter };

struct KpiDefinition {
  std::string id;  // K1..K9
  std::string title;
  std::string description;
  // The catalogue's Welsh title and definition (xml:lang="cy"), or empty:
  // what a Welsh report shows instead (engine/reporting/ReportText.h title()).
  std::string welshTitle;
  std::string welshDescription;
  std::string unit;  // "%", "days per FTE"
  Measure numerator = Measure::RolesMapped;
  Measure denominator = Measure::RolesTotal;
  Scaling scaling = Scaling::Percent;
  Direction direction = Direction::HigherIsBetter;
  Ratio target{1, 1};
  Ratio amberRatio{4, 5};     // amber from target x amberRatio (higher is better)
  Ratio jumpThreshold{25, 1}; // PQ101: a move larger than this from the previous period
};

class Catalogue {
 public:
  // REQUIRES: ids unique (the catalogue schema ensures it).
  Catalogue(std::string version, std::vector<KpiDefinition> kpis);

  const std::string& version() const { return _version; }
  const std::vector<KpiDefinition>& kpis() const { return _kpis; }
  // nullptr when there is no such KPI.
  const KpiDefinition* find(std::string_view id) const;

 private:
  std::string _version;
  std::vector<KpiDefinition> _kpis;
};

}  // namespace profkpi::engine

#endif
