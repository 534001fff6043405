// The business rules of SUBMISSION.md section 6 that need no stored data: each
// check appends its findings, with the document position they concern. A rule
// whose inputs could not be read (already a schema error) is skipped.
#ifndef PROFKPI_ENGINE_INTAKE_BUSINESSRULES_H
#define PROFKPI_ENGINE_INTAKE_BUSINESSRULES_H

#include "engine/kpi/Catalogue.h"
#include "engine/model/Diagnostic.h"
#include "engine/model/Registry.h"
#include "engine/model/Submission.h"

#include <array>
#include <optional>

namespace profkpi::engine::rules {

// How far in the future PreparedAt may be (PK005), for clock skew.
inline constexpr std::chrono::minutes PREPARED_AT_TOLERANCE{5};
// PQ102: K5 above this many CPD days per FTE.
inline constexpr std::int64_t CPD_DAYS_PER_FTE_WARNING = 30;

// PK001, PK002, PK005.
void checkHeader(const SubmissionHeader& header, const Registry& registry, Instant now,
                 Diagnostics& out);

// The figures of an Aggregate, each in hundredths (absent when unreadable), and
// where each stands.
struct AggregateFigures {
  std::array<std::optional<std::int64_t>, MEASURE_COUNT> hundredths;
  std::array<Position, MEASURE_COUNT> positions;

  const std::optional<std::int64_t>& operator[](Measure m) const {
    return hundredths[static_cast<std::size_t>(m)];
  }
  Position where(Measure m) const { return positions[static_cast<std::size_t>(m)]; }
};

// PK003, PK004.
void checkAggregate(const AggregateFigures& figures, Diagnostics& out);

// PK006 for one date of a Member (its Assessment or Pdp).
void checkMemberDate(const char* element, Date date, Position where,
                     const std::optional<ZonedTime>& preparedAt, Diagnostics& out);

// PQ102 and PQ103, on the complete measures.
void checkMeasureWarnings(const Measures& measures, const Period& period, Position where,
                          Diagnostics& out);

// PK008 (version 1.1 documents only): each Explanation's and Action's kpi names
// a KPI of `catalogue`.
void checkKpiReferences(const Submission& submission, const Catalogue& catalogue, Diagnostics& out);

// Marks each warning that an Explanation answers: same code, and the same KPI
// where the warning is about one KPI.
void applyExplanations(const std::vector<Explanation>& explanations, Diagnostics& diagnostics);

// The 12 months ending on the period's last day: date > end - 12 months, date <= end.
bool withinTwelveMonthsTo(Date date, Date periodEnd);
// The same window as (end - 12 months, end), to test many dates against.
std::pair<Date, Date> twelveMonthsTo(Date periodEnd);

}  // namespace profkpi::engine::rules

#endif
