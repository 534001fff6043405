// Words and numbers exactly as the reports show them, shared by every renderer
// so that the PDF and the HTML version of a report never disagree. Pure
// functions; thread-safe.
#ifndef PROFKPI_ENGINE_REPORTING_REPORTTEXT_H
#define PROFKPI_ENGINE_REPORTING_REPORTTEXT_H

#include "engine/common/Time.h"
#include "engine/kpi/Catalogue.h"
#include "engine/kpi/KpiCalculator.h"
#include "engine/kpi/PeerBenchmark.h"
#include "engine/reporting/Reports.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace profkpi::engine::report {

// "73.2", or "n/a": KpiValue::shown(), as the receipt prints it.
std::string value(const std::optional<Ratio>& value);
// A target or threshold: "90", "4.5".
std::string number(const Ratio& value);
// "73.2%" or "11.2 days per FTE"; "n/a" stays "n/a".
std::string withUnit(const std::string& shown, const KpiDefinition& kpi);
// A short unit for table cells: "%" or "days".
std::string shortUnit(const KpiDefinition& kpi);
// "73.2%" or "11.2 days"; "n/a" stays "n/a".
std::string withShortUnit(const std::string& shown, const KpiDefinition& kpi);

// "+3.1", "−2.0" (a real minus sign), "0.0".
std::string signedTenths(std::int64_t tenths);
// "+3", "−2", "0".
std::string signedWhole(std::int64_t value);
// "▲", "▼" or "=": the direction of a change, for a mark beside the number.
std::string arrow(std::int64_t change);
// "up 3.1", "down 2.0", "no change".
std::string changeInWords(std::int64_t tenths);

// "Green", "Amber", "Red", "No value".
std::string statusWord(Status status);
// "target met", "close to target", "well short of target", "nothing to measure".
std::string statusMeaning(Status status);
// One sentence: what green, amber and red mean for this catalogue.
std::string statusKey(const Catalogue& catalogue);

// "1st (top)", "2nd", "3rd", "4th (bottom)"; "not shown" when the group is too
// small to disclose; "n/a" when the organisation has no value.
std::string quartile(const PeerComparison& comparison);
// "top quarter", "second quarter", "third quarter", "bottom quarter"; empty
// when there is no quartile to tell.
std::string quarterWords(const PeerComparison& comparison);
// "All organisations" for "sector"; a type as words: "Metropolitan district".
std::string groupName(const std::string& group);
// "1 organisation submitted for 2012/13, 1 of them Welsh unitary": the peer
// groups of a board report's provenance (no type: the first part only).
std::string peerGroups(std::size_t submissions, const std::string& periodCode, const std::string& type,
                       std::size_t ofType);
// A median of indexes or values to one decimal: "71.5"; "n/a" for NaN, an
// infinity or a value too large to round.
std::string oneDecimal(double value);

// "6 October 2009, 10:12 BST": the instant in UK time (Europe/London).
std::string ukTime(Instant instant);
// "6 October 2009".
std::string ukDate(Instant instant);
// "6 Oct 2009 10:12": for tables.
std::string ukShortTime(Instant instant);
// "D:20091006101200+00'00'"-free form for machines: "2009-10-06T10:12:00Z".
std::string isoTime(Instant instant);
// "Q2 2009/10" or "2009/10", from a period code; the code itself when unparsable.
std::string periodShort(const std::string& periodCode);

// The method section: headings and paragraphs, in order.
struct MethodSection {
  std::string heading;
  std::vector<std::string> paragraphs;
};
std::vector<MethodSection> method(const Catalogue& catalogue, std::size_t minimumGroupSize);

// What the professionalisation index is, in one sentence for the cover.
std::string indexExplanation();

// The few sentences a board member should take from the report, for the cover:
// targets met, the KPI furthest from its target, the biggest move, the peer
// position and the data-quality warnings.
std::vector<std::string> headlines(const BoardReport& report);

}  // namespace profkpi::engine::report

#endif
