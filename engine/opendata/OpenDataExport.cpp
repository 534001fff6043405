#include "engine/opendata/OpenDataExport.h"

#include "engine/model/Amount.h"
#include "engine/opendata/Disclosure.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace profkpi::engine {

namespace {

const std::string SECTOR = "sector";

std::string orMarker(const std::optional<int>& value, const char* marker) {
  return value ? std::to_string(*value) : marker;
}

std::string measureText(const Measures& measures, Measure measure) {
  return Amount::fromHundredths(measures.hundredths(measure)).toString();
}

std::string fixed6(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.6f", value);
  return text;
}

// "90", "12.5": the value to 6 places without trailing zeros.
std::string shortDecimal(const Ratio& value) {
  std::string text = truncatedDecimal(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

// The codes of the warnings about this KPI or about the whole submission,
// explained or not, space-separated and each once; [z] when there are none.
std::string warningCodes(const Diagnostics& warnings, const std::string& kpi, bool explained) {
  std::string codes;
  std::set<std::string> seen;
  for (const Diagnostic& d : warnings) {
    if (d.explained != explained || !(d.kpi.empty() || d.kpi == kpi) || !seen.insert(d.code).second) continue;
    if (!codes.empty()) codes += ' ';
    codes += d.code;
  }
  return codes.empty() ? CELL_NOT_APPLICABLE : codes;
}

// The period's organisations with their current submission, if any: every
// registered one and any other that submitted, by code.
struct CoverageEntry {
  std::string code;
  const Organisation* organisation = nullptr;
  const SubmissionRecord* record = nullptr;
};

std::vector<CoverageEntry> coverageEntries(const Registry& registry, const Coverage& coverage) {
  std::vector<CoverageEntry> entries;
  for (const SubmissionRecord& r : coverage.submitted) {
    entries.push_back({r.organisation, registry.find(r.organisation), &r});
  }
  for (const Organisation* o : coverage.missing) entries.push_back({o->code, o, nullptr});
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return entries;
}

}  // namespace

std::string truncatedDecimal(const Ratio& value, int places) {
  __int128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  Ratio scaled = value * Ratio(scale, 1);
  std::int64_t whole = scaled.roundedWhole();
  if (Ratio(whole, 1) > scaled) --whole;  // rounded up: truncate instead
  std::string digits = std::to_string(whole);
  if (places == 0) return digits;
  if (digits.size() <= static_cast<std::size_t>(places)) digits.insert(0, places + 1 - digits.size(), '0');
  digits.insert(digits.size() - places, 1, '.');
  return digits;
}

OpenDataExport::OpenDataExport(Store& store, ResultsService& results, OpenDataOptions options)
    : _store(store), _results(results), _options(options) {}

void OpenDataExport::write(const Period& period, OpenDataSink& sink) {
  const KpiCalculator& calculator = _results.calculator();
  const Registry& registry = _results.registry();
  // The same statistics as ResultsService::benchmark, from one read of the store.
  Coverage coverage = _results.coverage(period);
  PeerBenchmark peers(calculator, registry, period, coverage.submitted, _results.options());
  Disclosure disclosure(calculator, peers, coverage.submitted);

  const std::string periodCode = period.code();
  const std::string start = formatDate(period.firstDay());
  const std::string end = formatDate(period.lastDay());
  std::vector<std::string> cells;

  for (const SubmissionRecord& record : coverage.submitted) {
    const Organisation* organisation = registry.find(record.organisation);
    const std::string type = peers.typeOf(record.organisation);
    Scorecard scorecard = calculator.compute(record.measures, period);
    bool indexShown = disclosure.indexShown(record.organisation);
    for (const KpiValue& k : scorecard.kpis) {
      const KpiDefinition& kpi = *k.kpi;
      bool shown = disclosure.figuresShown(record.organisation, kpi.id);
      auto own = [&](std::string text) { return shown ? text : std::string(CELL_CONFIDENTIAL); };
      PeerComparison sector = peers.compare(kpi.id, SECTOR, k.value);
      PeerComparison ofType = type.empty() ? PeerComparison{} : peers.compare(kpi.id, type, k.value);
      bool sectorShown = shown && disclosure.sectorShown(kpi.id);
      cells = {
          periodCode,
          start,
          end,
          record.organisation,
          organisation != nullptr ? organisation->name : record.organisationName,
          organisation != nullptr && !organisation->welshName.empty() ? organisation->welshName : CELL_NOT_APPLICABLE,
          type.empty() ? CELL_NOT_AVAILABLE : type,
          kpi.id,
          kpi.title,
          own(measureText(record.measures, kpi.numerator)),
          own(measureText(record.measures, kpi.denominator)),
          own(k.value ? truncatedDecimal(*k.value) : CELL_NOT_APPLICABLE),
          own(k.value ? k.value->toOneDecimal() : CELL_NOT_APPLICABLE),
          kpi.unit,
          shortDecimal(kpi.target),
          own(k.status == Status::None ? CELL_NOT_APPLICABLE : statusName(k.status)),
          indexShown ? orMarker(scorecard.index, CELL_NOT_APPLICABLE) : CELL_CONFIDENTIAL,
          sectorShown ? orMarker(sector.rank, CELL_NOT_APPLICABLE) : CELL_CONFIDENTIAL,
          sectorShown ? orMarker(sector.quartile, CELL_NOT_APPLICABLE) : CELL_CONFIDENTIAL,
          own(orMarker(ofType.rank, CELL_NOT_APPLICABLE)),
          own(orMarker(ofType.quartile, CELL_NOT_APPLICABLE)),
          own(warningCodes(record.warnings, kpi.id, false)),
          own(warningCodes(record.warnings, kpi.id, true)),
          record.submissionId,
          std::to_string(record.revision),
          formatInstant(record.receivedAt),
      };
      sink.row(OpenDataTableId::Results, cells);
    }
  }

  std::set<std::string> types;
  for (const SubmissionRecord& record : coverage.submitted) types.insert(peers.typeOf(record.organisation));
  types.erase("");
  std::vector<std::string> groups{SECTOR};
  groups.insert(groups.end(), types.begin(), types.end());
  for (const KpiDefinition& kpi : calculator.catalogue().kpis()) {
    for (const std::string& group : groups) {
      bool shown = group == SECTOR ? disclosure.sectorShown(kpi.id) : disclosure.typeShown(group, kpi.id);
      PeerComparison c = peers.compare(kpi.id, group, std::nullopt);
      cells = {periodCode, kpi.id, group};
      if (shown && c.distribution) {
        const FiveNumbers& f = *c.distribution;
        cells.insert(cells.end(), {std::to_string(c.organisations), fixed6(f.min), fixed6(f.lowerQuartile),
                                   fixed6(f.median), fixed6(f.upperQuartile), fixed6(f.max),
                                   c.groupRate ? truncatedDecimal(*c.groupRate) : CELL_NOT_APPLICABLE});
      } else {
        cells.insert(cells.end(), 7, CELL_CONFIDENTIAL);
      }
      cells.push_back(kpi.unit);
      sink.row(OpenDataTableId::Peers, cells);
    }
  }

  // Late: first received on or after the start of the day after the due date.
  Instant due = startOfDay(period.lastDay() + date::days(_options.dueDays + 1), PERIOD_TIME_ZONE);
  for (const CoverageEntry& entry : coverageEntries(registry, coverage)) {
    const SubmissionRecord* r = entry.record;
    std::string name = entry.organisation != nullptr ? entry.organisation->name : r->organisationName;
    std::string type = entry.organisation != nullptr ? entry.organisation->type : CELL_NOT_AVAILABLE;
    if (r == nullptr) {
      cells = {periodCode, entry.code, name, type, "false", CELL_NOT_APPLICABLE, CELL_NOT_APPLICABLE,
               CELL_NOT_APPLICABLE, CELL_NOT_APPLICABLE};
    } else {
      Instant first = r->receivedAt;
      if (r->revision > 1) {
        std::vector<SubmissionRecord> revisions = _store.revisions(r->organisation, periodCode);
        if (!revisions.empty()) first = revisions.front().receivedAt;
      }
      cells = {periodCode, entry.code, name, type, "true", formatInstant(first), first >= due ? "true" : "false",
               std::to_string(r->revision - 1), r->submissionId};
    }
    sink.row(OpenDataTableId::Coverage, cells);
  }
}

}  // namespace profkpi::engine
