#include "engine/kpi/Catalogue.h"

namespace profkpi::engine {

Catalogue::Catalogue(std::string version, std::vector<KpiDefinition> kpis)
    : _version(std::move(version)), _kpis(std::move(kpis)) {}

const KpiDefinition* Catalogue::find(std::string_view id) const {
  for (const KpiDefinition& kpi : _kpis) {
    if (kpi.id == id) return &kpi;
  }
  return nullptr;
}

}  // namespace profkpi::engine
