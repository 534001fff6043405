// What of a period may be published as open data without revealing the
// statistics of a group smaller than benchmark.minimumGroupSize, the reports'
// rule. Open data publishes each organisation's own figures beside the group
// statistics, so the rule reaches further than in the reports. For each KPI:
// - an organisation's figures are shown only when its type's group is shown;
//   a type group whose statistics are withheld has its members' figures
//   withheld too (else the statistics could be computed from them), and
//   organisations outside the registry, which have no type group, never show;
// - the sector's statistics, minus the figures shown, give those of the
//   withheld organisations by difference; so while fewer than the minimum of
//   the withheld ones have a value (and any are withheld), the smallest shown
//   type is withheld as well, whole (complementary suppression), and when none
//   is left the sector's statistics and ranks are withheld;
// - an organisation's index is shown only when all of its KPIs are.
// Immutable once built.
#ifndef PROFKPI_ENGINE_OPENDATA_DISCLOSURE_H
#define PROFKPI_ENGINE_OPENDATA_DISCLOSURE_H

#include "engine/kpi/PeerBenchmark.h"
#include "engine/model/SubmissionRecord.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace profkpi::engine {

class Disclosure {
 public:
  // `current`: the period's current submissions, those `peers` was built
  // from with `calculator`.
  Disclosure(const KpiCalculator& calculator, const PeerBenchmark& peers, const std::vector<SubmissionRecord>& current);

  // The organisation's own figures for the KPI (and its ranks within its type).
  bool figuresShown(const std::string& organisation, const std::string& kpi) const;
  // The sector's statistics for the KPI, and every organisation's rank and quartile in it.
  bool sectorShown(const std::string& kpi) const;
  // A type group's statistics for the KPI.
  bool typeShown(const std::string& type, const std::string& kpi) const;
  // The organisation's professionalisation index.
  bool indexShown(const std::string& organisation) const;

 private:
  std::set<std::pair<std::string, std::string>> _shownTypes;       // (type, kpi)
  std::set<std::pair<std::string, std::string>> _withheldFigures;  // (organisation, kpi)
  std::set<std::string> _withheldIndex;                            // organisations
  std::set<std::string> _shownSectors;                             // kpis
};

}  // namespace profkpi::engine

#endif
