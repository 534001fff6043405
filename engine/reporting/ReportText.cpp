#include "engine/reporting/ReportText.h"

#include "engine/common/Counted.h"
#include "engine/model/Period.h"

#include <date/tz.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace profkpi::engine::report {

namespace {

const char* const MINUS = "\xE2\x88\x92";  // U+2212

// |value|, also for INT64_MIN, whose magnitude no int64 holds.
std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

// "13.3" from 133 tenths.
std::string unsignedTenths(std::uint64_t tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }

std::string percentOf(const Ratio& ratio) {
  return number(ratio * Ratio(100, 1)) + "%";
}

}  // namespace

std::string value(const std::optional<Ratio>& value) { return value ? value->toOneDecimal() : "n/a"; }

std::string number(const Ratio& value) {
  std::int64_t tenths = value.roundedTenths();
  if (tenths % 10 == 0) return std::to_string(tenths / 10);
  return formatTenths(tenths);
}

std::string withUnit(const std::string& shown, const KpiDefinition& kpi) {
  if (shown == "n/a") return shown;
  if (kpi.unit == "%") return shown + "%";
  return shown + " " + kpi.unit;
}

std::string shortUnit(const KpiDefinition& kpi) {
  if (kpi.unit == "%") return "%";
  std::size_t space = kpi.unit.find(' ');
  return space == std::string::npos ? kpi.unit : kpi.unit.substr(0, space);
}

std::string withShortUnit(const std::string& shown, const KpiDefinition& kpi) {
  if (shown == "n/a") return shown;
  if (kpi.unit == "%") return shown + "%";
  return shown + " " + shortUnit(kpi);
}

std::string signedTenths(std::int64_t tenths) {
  if (tenths == 0) return "0.0";
  return (tenths < 0 ? MINUS : "+") + unsignedTenths(magnitude(tenths));
}

std::string signedWhole(std::int64_t value) {
  if (value == 0) return "0";
  return (value < 0 ? MINUS : "+") + std::to_string(magnitude(value));
}

std::string arrow(std::int64_t change) {
  if (change > 0) return "\xE2\x96\xB2";  // U+25B2
  if (change < 0) return "\xE2\x96\xBC";  // U+25BC
  return "=";
}

std::string changeInWords(std::int64_t tenths) {
  if (tenths == 0) return "no change";
  return std::string(tenths > 0 ? "up " : "down ") + unsignedTenths(magnitude(tenths));
}

std::string statusWord(Status status) {
  switch (status) {
    case Status::Green: return "Green";
    case Status::Amber: return "Amber";
    case Status::Red: return "Red";
    case Status::None: break;
  }
  return "No value";
}

std::string statusMeaning(Status status) {
  switch (status) {
    case Status::Green: return "target met";
    case Status::Amber: return "close to target";
    case Status::Red: return "well short of target";
    case Status::None: break;
  }
  return "nothing to measure";
}

std::string statusKey(const Catalogue& catalogue) {
  // The amber band is a catalogue setting; name it when every KPI shares it.
  std::optional<Ratio> amber;
  bool shared = true;
  for (const KpiDefinition& k : catalogue.kpis()) {
    if (amber && !(*amber == k.amberRatio)) shared = false;
    amber = k.amberRatio;
  }
  std::string band = amber && shared ? "at least " + percentOf(*amber) + " of the target"
                                     : "within the KPI's amber band (see Method)";
  return "Green: target met. Amber: not met, but " + band + ". Red: further from the target. "
         "No value: nothing to measure (for example no IT staff).";
}

std::string quartile(const PeerComparison& comparison) {
  if (!comparison.disclosed) return "not shown";
  if (!comparison.quartile) return "n/a";
  switch (*comparison.quartile) {
    case 1: return "1st (top)";
    case 2: return "2nd";
    case 3: return "3rd";
    default: return "4th (bottom)";
  }
}

std::string quarterWords(const PeerComparison& comparison) {
  if (!comparison.disclosed || !comparison.quartile) return "";
  switch (*comparison.quartile) {
    case 1: return "top quarter";
    case 2: return "second quarter";
    case 3: return "third quarter";
    default: return "bottom quarter";
  }
}

std::string peerGroups(std::size_t submissions, const std::string& periodCode, const std::string& type,
                       std::size_t ofType) {
  std::string words = counted(submissions, "organisation") + " submitted for " + periodShort(periodCode);
  if (!type.empty()) words += ", " + std::to_string(ofType) + " of them " + groupName(type);
  return words;
}

std::string groupName(const std::string& group) {
  if (group == "sector") return "All organisations";
  if (group.empty()) return "Unknown type";
  // "welsh-unitary" -> "Welsh unitary"; names of nations and London keep their capital.
  static const char* const PROPER[] = {"english", "welsh", "scottish", "irish", "london", "greater"};
  std::string words;
  std::size_t start = 0;
  while (start <= group.size()) {
    std::size_t end = group.find('-', start);
    if (end == std::string::npos) end = group.size();
    std::string word = group.substr(start, end - start);
    bool proper = words.empty();
    for (const char* p : PROPER) proper = proper || word == p;
    if (proper && !word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    if (!words.empty()) words += ' ';
    words += word;
    start = end + 1;
  }
  return words;
}

std::string oneDecimal(double value) {
  // Via tenths, rounded half away from zero like every other figure. llround
  // has no answer for NaN, infinities or tenths beyond int64: those are no figure.
  double tenths = value * 10;
  if (!std::isfinite(tenths) || std::fabs(tenths) >= 9.2e18) return "n/a";
  return formatTenths(static_cast<std::int64_t>(std::llround(tenths)));
}

std::string ukTime(Instant instant) {
  auto local = date::make_zoned(date::locate_zone(PERIOD_TIME_ZONE), date::floor<std::chrono::minutes>(instant));
  std::string day = date::format("%d", local);
  if (day[0] == '0') day.erase(0, 1);
  return day + date::format(" %B %Y, %H:%M %Z", local);
}

std::string ukDate(Instant instant) {
  auto local = date::make_zoned(date::locate_zone(PERIOD_TIME_ZONE), date::floor<std::chrono::minutes>(instant));
  std::string day = date::format("%d", local);
  if (day[0] == '0') day.erase(0, 1);
  return day + date::format(" %B %Y", local);
}

std::string ukShortTime(Instant instant) {
  auto local = date::make_zoned(date::locate_zone(PERIOD_TIME_ZONE), date::floor<std::chrono::minutes>(instant));
  std::string day = date::format("%d", local);
  if (day[0] == '0') day.erase(0, 1);
  return day + date::format(" %b %Y %H:%M", local);
}

std::string isoTime(Instant instant) { return formatInstant(instant); }

std::string periodShort(const std::string& periodCode) {
  auto p = Period::parse(periodCode);
  if (!p) return periodCode;
  char text[24];
  int second = (p->firstYear() + 1) % 100;
  if (p->isQuarter()) {
    std::snprintf(text, sizeof text, "Q%d %04d/%02d", p->quarter(), p->firstYear(), second);
  } else {
    std::snprintf(text, sizeof text, "%04d/%02d", p->firstYear(), second);
  }
  return text;
}

std::string indexExplanation() {
  return "The professionalisation index is the average progress towards the KPI targets: "
         "100 means every target is met.";
}

namespace {

std::string listOf(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> headlines(const BoardReport& report) {
  std::vector<std::string> out;
  const std::vector<KpiResult>& kpis = report.results.kpis;
  std::vector<std::string> green, amber, red, none;
  for (const KpiResult& k : kpis) {
    switch (k.current.status) {
      case Status::Green: green.push_back(k.current.kpi->id); break;
      case Status::Amber: amber.push_back(k.current.kpi->id); break;
      case Status::Red: red.push_back(k.current.kpi->id); break;
      case Status::None: none.push_back(k.current.kpi->id); break;
    }
  }
  std::string targets = std::to_string(green.size()) + " of " + std::to_string(kpis.size()) + " targets met";
  if (!green.empty()) targets += " (" + listOf(green) + ")";
  if (!amber.empty()) targets += "; " + std::to_string(amber.size()) + " close (" + listOf(amber) + ")";
  if (!red.empty()) targets += "; " + std::to_string(red.size()) + " well short (" + listOf(red) + ")";
  if (!none.empty()) targets += "; " + std::to_string(none.size()) + " with nothing to measure (" + listOf(none) + ")";
  out.push_back(targets + ".");

  // Furthest from target: the lowest progress among KPIs not on target.
  std::optional<std::size_t> furthest;
  for (std::size_t i = 0; i < kpis.size() && i < report.attainment.size(); ++i) {
    if (!report.attainment[i] || kpis[i].current.status == Status::Green) continue;
    if (!furthest || *report.attainment[i] < *report.attainment[*furthest]) furthest = i;
  }
  if (furthest) {
    const KpiResult& k = kpis[*furthest];
    out.push_back("Furthest from target: " + k.current.kpi->id + " " + k.current.kpi->title + ", " +
                  withUnit(k.current.shown(), *k.current.kpi) + " against " +
                  withUnit(number(k.current.kpi->target), *k.current.kpi) + ".");
  }

  // The biggest move since the previous period.
  const KpiResult* moved = nullptr;
  for (const KpiResult& k : kpis) {
    if (k.changeTenths && *k.changeTenths != 0 &&
        (moved == nullptr || std::llabs(*k.changeTenths) > std::llabs(*moved->changeTenths))) {
      moved = &k;
    }
  }
  if (moved != nullptr) {
    out.push_back("Biggest move since " + periodShort(report.previousPeriod) + ": " + moved->current.kpi->id + " " +
                  moved->current.kpi->title + ", " + changeInWords(*moved->changeTenths) + ".");
  }

  // Position among peers, where the groups are large enough to show.
  std::vector<std::string> top, bottom;
  bool disclosed = false;
  for (const KpiResult& k : kpis) {
    if (!k.sector.disclosed) continue;
    disclosed = true;
    if (k.sector.quartile == 1) top.push_back(k.current.kpi->id);
    if (k.sector.quartile == 4) bottom.push_back(k.current.kpi->id);
  }
  if (!disclosed) {
    out.push_back("Too few organisations submitted for " + periodShort(report.period) +
                  " to compare with peers (fewer than " + std::to_string(report.minimumGroupSize) + " with a value).");
  } else if (top.empty() && bottom.empty()) {
    out.push_back("Among the " + std::to_string(report.sectorSubmissions) +
                  " organisations that submitted: in the middle half for every KPI shown.");
  } else {
    std::string peers = "Among the " + std::to_string(report.sectorSubmissions) + " organisations that submitted: ";
    if (!top.empty()) peers += "top quarter for " + listOf(top);
    if (!top.empty() && !bottom.empty()) peers += "; ";
    if (!bottom.empty()) peers += "bottom quarter for " + listOf(bottom);
    out.push_back(peers + ".");
  }

  const Diagnostics& warnings = report.results.record.warnings;
  if (warnings.empty()) {
    out.push_back("No data-quality warnings on this submission.");
  } else {
    std::size_t explained = 0;
    for (const Diagnostic& d : warnings) explained += d.explained ? 1 : 0;
    out.push_back(counted(warnings.size(), "data-quality warning") + " on this submission (" +
                  std::to_string(explained) + " explained by the sender): see Data quality and provenance.");
  }
  return out;
}

std::vector<MethodSection> method(const Catalogue& catalogue, std::size_t minimumGroupSize) {
  std::vector<MethodSection> sections;
  MethodSection kpis{"The KPIs (catalogue version " + catalogue.version() + ")", {}};
  for (const KpiDefinition& k : catalogue.kpis()) {
    bool higher = k.direction == Direction::HigherIsBetter;
    std::string amber = higher ? number(k.target * k.amberRatio) : number(k.target / k.amberRatio);
    kpis.paragraphs.push_back(k.id + " " + k.title + ". " + k.description + " Target: " +
                              withUnit(number(k.target), k) + (higher ? " or more" : " or less") +
                              "; amber from " + withUnit(amber, k) + ".");
  }
  sections.push_back(kpis);

  std::string amberShare = "at least its amber share of the target";
  if (!catalogue.kpis().empty()) amberShare = "at least " + percentOf(catalogue.kpis().front().amberRatio) + " of the target";
  sections.push_back(
      {"Values and status",
       {"Each KPI is computed exactly from the submitted figures and shown to one decimal place, rounded half "
        "away from zero. A KPI whose denominator is zero has no value (n/a) and no status.",
        "Status compares the unrounded value with the target: green when the target is met, amber when the value "
        "is not on target but reaches " + amberShare + " (for a KPI where lower is better, when the target is at "
        "least that share of the value), red otherwise. Colours are always printed with their word."}});
  sections.push_back(
      {"Professionalisation index",
       {"For each KPI with a value, attainment is the value divided by the target (the target divided by the value "
        "where lower is better), capped at 1. The index is the mean attainment over those KPIs times 100, rounded "
        "to a whole number, from 0 to 100. Its change is against the organisation's previous period of the same "
        "length."}});
  sections.push_back(
      {"Peers, quartiles and rates",
       {"Peers are every organisation with a current submission for the period (all organisations), and those of "
        "the same type. The distribution shows the lowest and highest values, the middle half (lower to upper "
        "quartile) and the median; quartiles interpolate between values, as spreadsheet QUARTILE.INC does.",
        "The organisation's quartile is 1st (top) when its value is at or beyond the upper quartile in the better "
        "direction, 2nd when at or beyond the median, 3rd when at or beyond the lower quartile, and 4th (bottom) "
        "otherwise. The sector rate is the sum of every organisation's numerators over the sum of their "
        "denominators, so larger workforces weigh more than in the median.",
        "The trend shows up to eight periods of the same length ending with this one; a gap is a period without "
        "a submission or without a value."}});
  sections.push_back(
      {"Disclosure control",
       {"A comparator group with fewer than " + std::to_string(minimumGroupSize) +
        " organisations with a value shows no distribution, rate, rank or quartile, and a board report never "
        "names another organisation or shows its figures. The sector report's league table appears only when at "
        "least " + std::to_string(minimumGroupSize) + " organisations submitted for the period."}});
  sections.push_back(
      {"Data",
       {"Figures come from each organisation's current submission: the latest accepted for the period, which "
        "replaces earlier ones (kept for audit). The data cut-off is the latest time at which a submission the "
        "report uses was accepted; the report is dated from its data, so producing it again from the same data "
        "gives the same document."}});
  return sections;
}

}  // namespace profkpi::engine::report
