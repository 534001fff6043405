// The eight measures every submission reduces to (SUBMISSION.md section 3).
#ifndef PROFKPI_ENGINE_MODEL_MEASURES_H
#define PROFKPI_ENGINE_MODEL_MEASURES_H

#include "engine/model/Amount.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace profkpi::engine {

enum class Measure {
  ItHeadcount,
  ItFte,
  RolesTotal,
  RolesMapped,
  StaffAssessed,
  StaffWithPdp,
  StaffRecognised,
  CpdDays,
};

inline constexpr std::size_t MEASURE_COUNT = 8;

// The largest count or amount the engine accepts (an implementation limit far
// beyond any real workforce; xs:nonNegativeInteger itself is unbounded).
inline constexpr std::int64_t MAX_MEASURE_VALUE = 1'000'000'000'000;

struct Measures {
  std::int64_t itHeadcount = 0;
  Amount itFte;
  std::int64_t rolesTotal = 0;
  std::int64_t rolesMapped = 0;
  std::int64_t staffAssessed = 0;
  std::int64_t staffWithPdp = 0;
  std::int64_t staffRecognised = 0;
  Amount cpdDays;

  // The measure in hundredths, so counts and amounts compare and divide alike.
  std::int64_t hundredths(Measure measure) const;

  friend bool operator==(const Measures& a, const Measures& b);
};

// "ItHeadcount" ... "CpdDays", as in the submission and the catalogue.
std::string_view measureName(Measure measure);
std::optional<Measure> measureFromName(std::string_view name);
const std::array<Measure, MEASURE_COUNT>& allMeasures();

}  // namespace profkpi::engine

#endif
