#include "engine/model/Measures.h"

namespace profkpi::engine {

namespace {
constexpr std::array<std::string_view, MEASURE_COUNT> NAMES = {
    "ItHeadcount",   "ItFte",        "RolesTotal",      "RolesMapped",
    "StaffAssessed", "StaffWithPdp", "StaffRecognised", "CpdDays"};
constexpr std::array<Measure, MEASURE_COUNT> ALL = {
    Measure::ItHeadcount,   Measure::ItFte,        Measure::RolesTotal,      Measure::RolesMapped,
    Measure::StaffAssessed, Measure::StaffWithPdp, Measure::StaffRecognised, Measure::CpdDays};
}  // namespace

std::int64_t Measures::hundredths(Measure measure) const {
  switch (measure) {
    case Measure::ItHeadcount: return itHeadcount * 100;
    case Measure::ItFte: return itFte.hundredths();
    case Measure::RolesTotal: return rolesTotal * 100;
    case Measure::RolesMapped: return rolesMapped * 100;
    case Measure::StaffAssessed: return staffAssessed * 100;
    case Measure::StaffWithPdp: return staffWithPdp * 100;
    case Measure::StaffRecognised: return staffRecognised * 100;
    case Measure::CpdDays: return cpdDays.hundredths();
  }
  return 0;
}

bool operator==(const Measures& a, const Measures& b) {
  for (Measure m : ALL) {
    if (a.hundredths(m) != b.hundredths(m)) return false;
  }
  return true;
}

std::string_view measureName(Measure measure) {
  return NAMES[static_cast<std::size_t>(measure)];
}

std::optional<Measure> measureFromName(std::string_view name) {
  for (std::size_t i = 0; i < NAMES.size(); ++i) {
    if (NAMES[i] == name) return ALL[i];
  }
  return std::nullopt;
}

const std::array<Measure, MEASURE_COUNT>& allMeasures() { return ALL; }

}  // namespace profkpi::engine
