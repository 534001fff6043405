// Words and numbers exactly as the reports show them, shared by every renderer
// so that the PDF and the HTML version of a report never disagree. Pure
// functions of their arguments and the thread's report language (Words.h);
// thread-safe.
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
// The KPI's unit in the report's language: "%", "days per FTE".
std::string unit(const KpiDefinition& kpi);
// A short unit for table cells: "%" or "days".
std::string shortUnit(const KpiDefinition& kpi);
// "73.2%" or "11.2 days"; "n/a" stays "n/a".
std::string withShortUnit(const std::string& shown, const KpiDefinition& kpi);

// The organisation's names as a board report shows them: its name in the
// report's language as the title (the Welsh name in a Welsh report, when it
// has one), the other name as the subtitle (empty when there is none), and the
// language of each when it is not the report's ("en", "cy"; empty: the report's).
struct Names {
  std::string title, titleLanguage;
  std::string subtitle, subtitleLanguage;
};
Names namesOf(const BoardReport& report);
// A name as a Welsh report shows an organisation with a Welsh name: the Welsh
// one; else `name`.
std::string nameIn(const std::string& name, const std::string& welshName);

// The KPI's title and definition in the report's language (Words.h): the
// catalogue's Welsh ones in a Welsh report when it has them.
std::string title(const KpiDefinition& kpi);
std::string description(const KpiDefinition& kpi);
// "K2 Staff assessed against their role profile".
std::string kpiName(const KpiDefinition& kpi);

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
// "July to September 2009 (Q2 2009/10)", months named in the report's language;
// the code itself when unparsable.
std::string periodInWords(const std::string& periodCode);

// The method section: headings and paragraphs, in order.
struct MethodSection {
  std::string heading;
  std::vector<std::string> paragraphs;
};
std::vector<MethodSection> method(const Catalogue& catalogue, std::size_t minimumGroupSize);

// What the professionalisation index is, in one sentence for the cover.
std::string indexExplanation();
// What the index rests on: "based on 5 of 5 KPIs", "based on 1 of 5 KPIs
// (K2, K3, K4 and K5 have no value)"; "no KPI has a value" without one.
std::string indexBasis(const BoardReport& report);
// The KPI (catalogue position) whose progress towards target moved most since
// the previous period: what moved the index most. None without a comparison.
std::optional<std::size_t> biggestMove(const BoardReport& report);
// True when the index rests on fewer KPIs than the catalogue holds.
bool partialIndex(const BoardReport& report);

// A KPI's inputs as counts: "2 of 21 staff", "45 of 50 roles",
// "84.5 CPD days over 22.1 FTE"; empty for a KPI whose inputs have no words.
std::string counts(const KpiDefinition& kpi, std::int64_t numeratorHundredths, std::int64_t denominatorHundredths);
// The value before rounding, to two decimals more than shown: "3.96".
std::string unrounded(const Ratio& value);
// When rounding carries a value across a status threshold, the sentence that
// says why the shown figure and the status seem to disagree; else empty.
std::string roundingNote(const KpiResult& kpi, const BoardKpi& facts);

// The organisation's returns over the trend's window, in one sentence that
// names every missed one ("no return for Q4 2023/24").
std::string returnsInWords(const BoardReport& report);

// How a submission arrived, in words: "over HTTP", "dropped in the inbox
// folder", "from the command line (profkpi ingest)".
std::string channelInWords(const std::string& channel);

// A warning in plain words: "CPD days above 30 per FTE" for PQ102.
std::string warningInWords(const std::string& code);
// The first `words` words of the sender's text, with "…" when cut.
std::string firstWords(const std::string& text, std::size_t words);
// One line for a warning on a value: "PQ102 CPD days above 30 per FTE,
// explained by the sender: “The council ran a one-off …”" (or "not explained").
std::string warningNote(const ValueWarning& warning);

// What a change is measured against: "since Q1 2025/26"; when that return was
// missed, "no return for Q1 2025/26 (last return Q4 2024/25)"; for a first
// return, "no earlier return to compare with".
std::string comparedWith(const BoardReport& report);
// A progress change in points: "+12 points", "−44 points".
std::string progressPoints(double points);

// The few sentences a board member should take from the report, for the cover:
// targets met, the KPI furthest from its target, the biggest move, the peer
// position and the data-quality warnings.
std::vector<std::string> headlines(const BoardReport& report);

}  // namespace profkpi::engine::report

#endif
