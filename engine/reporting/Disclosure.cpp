#include "engine/reporting/Disclosure.h"

#include <stdexcept>

namespace profkpi::engine {

bool disclosable(std::size_t members, std::size_t minimum) { return members > 0 && members >= minimum; }

std::vector<bool> disclosableParts(std::size_t whole, const std::vector<std::size_t>& parts, std::size_t minimum) {
  std::vector<bool> shown(parts.size(), false);
  std::size_t inParts = 0;
  for (std::size_t p : parts) inParts += p;
  if (inParts > whole) throw std::invalid_argument("disclosableParts: the parts hold more members than the whole");
  if (!disclosable(whole, minimum)) return shown;

  std::size_t remainder = whole;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    shown[i] = disclosable(parts[i], minimum);
    if (shown[i]) remainder -= parts[i];
  }
  // Complementary suppression: the whole minus what is shown must not be a small group.
  while (remainder > 0 && remainder < minimum) {
    std::size_t smallest = parts.size();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (shown[i] && (smallest == parts.size() || parts[i] <= parts[smallest])) smallest = i;
    }
    if (smallest == parts.size()) break;  // cannot happen: nothing shown leaves the whole, which is large enough
    shown[smallest] = false;
    remainder += parts[smallest];
  }
  return shown;
}

}  // namespace profkpi::engine
