// How Boost.Test prints engine values in failure messages.
#ifndef PROFKPI_TESTS_SUPPORT_PRINTERS_H
#define PROFKPI_TESTS_SUPPORT_PRINTERS_H

#include "engine/kpi/KpiCalculator.h"

#include <ostream>

namespace profkpi::engine {

inline std::ostream& operator<<(std::ostream& out, Status status) { return out << statusName(status); }
inline std::ostream& operator<<(std::ostream& out, const Ratio& ratio) { return out << ratio.toDouble(); }

}  // namespace profkpi::engine

#endif
