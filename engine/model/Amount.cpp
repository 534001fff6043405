#include "engine/model/Amount.h"

#include <cstdlib>

namespace profkpi::engine {

std::string Amount::toString() const {
  std::int64_t magnitude = _hundredths < 0 ? -_hundredths : _hundredths;
  std::string text = (_hundredths < 0 ? "-" : "") + std::to_string(magnitude / 100);
  int fraction = static_cast<int>(magnitude % 100);
  if (fraction != 0) {
    text += '.';
    text += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) text += static_cast<char>('0' + fraction % 10);
  }
  return text;
}

}  // namespace profkpi::engine
