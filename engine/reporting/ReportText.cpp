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
  if (group == "nation:E") return "English councils";
  if (group == "nation:W") return "Welsh councils";
  if (group == "nation:S") return "Scottish councils";
  if (group == "nation:N") return "Northern Irish councils";
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

std::optional<std::size_t> biggestMove(const BoardReport& report) {
  std::optional<std::size_t> moved;
  for (std::size_t i = 0; i < report.kpis.size() && i < report.results.kpis.size(); ++i) {
    const std::optional<double>& change = report.kpis[i].progressChange;
    if (!change) continue;
    if (!moved || std::fabs(*change) > std::fabs(*report.kpis[*moved].progressChange)) moved = i;
  }
  return moved;
}

bool partialIndex(const BoardReport& report) {
  return report.catalogue != nullptr && report.indexBasis < report.catalogue->kpis().size();
}

namespace {

std::string listOf(const std::vector<std::string>& items);

// The plural noun that counts a measure ("staff", "roles"), or empty.
std::string nounOf(Measure measure) {
  switch (measure) {
    case Measure::RolesTotal:
    case Measure::RolesMapped: return "roles";
    case Measure::ItHeadcount:
    case Measure::StaffAssessed:
    case Measure::StaffWithPdp:
    case Measure::StaffRecognised: return "staff";
    case Measure::CpdDays: return "CPD days";
    case Measure::ItFte: return "FTE";
  }
  return "";
}

// 2100 hundredths -> "21"; 2215 -> "22.15"; 2210 -> "22.1".
std::string hundredthsAsNumber(std::int64_t hundredths) {
  std::string whole = std::to_string(hundredths / 100);
  std::int64_t cents = hundredths % 100;
  if (cents == 0) return whole;
  std::string frac = (cents < 10 ? "0" : "") + std::to_string(cents);
  if (frac.back() == '0') frac.pop_back();
  return whole + "." + frac;
}

}  // namespace

std::string indexBasis(const BoardReport& report) {
  std::size_t total = report.catalogue == nullptr ? report.results.kpis.size() : report.catalogue->kpis().size();
  if (report.indexBasis == 0) return "no KPI has a value";
  std::string words = "based on " + std::to_string(report.indexBasis) + " of " + std::to_string(total) + " KPIs";
  if (report.indexBasis < total) {
    std::vector<std::string> without;
    for (const KpiResult& k : report.results.kpis) {
      if (!k.current.value) without.push_back(k.current.kpi->id);
    }
    words += " (" + listOf(without) + (without.size() == 1 ? " has" : " have") + " no value)";
  }
  return words;
}

std::string counts(const KpiDefinition& kpi, std::int64_t numeratorHundredths, std::int64_t denominatorHundredths) {
  std::string top = nounOf(kpi.numerator), bottom = nounOf(kpi.denominator);
  if (top.empty() || bottom.empty()) return "";
  std::string n = hundredthsAsNumber(numeratorHundredths), d = hundredthsAsNumber(denominatorHundredths);
  if (top == bottom) return n + " of " + d + " " + bottom;
  return n + " " + top + " over " + d + " " + bottom;
}

std::string unrounded(const Ratio& value) {
  // Three decimals with trailing zeros dropped, never fewer than two: enough to
  // see which side of a threshold the value is on.
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.3f", value.toDouble());
  std::string out = buffer;
  if (out.size() > 4 && out.back() == '0') out.pop_back();
  return out;
}

std::string roundingNote(const KpiResult& kpi, const BoardKpi& facts) {
  if (!kpi.current.value || facts.shownStatus == kpi.current.status) return "";
  const KpiDefinition& def = *kpi.current.kpi;
  return def.id + " shows " + withUnit(kpi.current.shown(), def) + ", rounded from " + unrounded(*kpi.current.value) +
         ": status compares the unrounded value, so it is " + statusWord(kpi.current.status) + ", not " +
         statusWord(facts.shownStatus) + ".";
}

std::string returnsInWords(const BoardReport& report) {
  const OrganisationResults& r = report.results;
  std::string first = r.kpis.empty() || r.kpis.front().trend.empty() ? report.period : r.kpis.front().trend.front().period;
  std::string words = "Returns used in the trends: " + periodShort(first) + " to " + periodShort(report.period) + ". ";
  if (r.missedReturns.empty()) return words + "None was missed in that time.";
  std::vector<std::string> missed;
  for (const std::string& p : r.missedReturns) missed.push_back(periodShort(p));
  return words + "No return for " + listOf(missed) + ": shown as \xE2\x80\x9Cno return\xE2\x80\x9D in the trends.";
}

std::string channelInWords(const std::string& channel) {
  if (channel == "http") return "over HTTP (the API)";
  if (channel == "inbox") return "dropped in the inbox folder";
  if (channel == "cli") return "from the command line (profkpi ingest)";
  return channel;
}

std::string warningInWords(const std::string& code) {
  if (code == "PQ101") return "a large move since the previous period";
  if (code == "PQ102") return "CPD days above 30 per FTE";
  if (code == "PQ103") return "no IT staff reported, so the staff KPIs have no value";
  if (code == "PQ104") return "this submission replaces an earlier one";
  return "a data-quality warning";
}

std::string firstWords(const std::string& text, std::size_t words) {
  std::size_t at = 0, count = 0;
  while (at < text.size()) {
    while (at < text.size() && text[at] == ' ') ++at;
    if (at >= text.size()) break;
    if (count == words) return text.substr(0, text.find_last_not_of(' ', at - 1) + 1) + "\xE2\x80\xA6";
    while (at < text.size() && text[at] != ' ') ++at;
    ++count;
  }
  return text;
}

std::string warningNote(const ValueWarning& warning) {
  std::string note = warning.code + " " + warningInWords(warning.code);
  if (warning.explained) {
    note += ", explained by the sender: \xE2\x80\x9C" + firstWords(warning.explanation, 9) + "\xE2\x80\x9D";
  } else {
    note += ", not explained by the sender";
  }
  return note;
}

std::string comparedWith(const BoardReport& report) {
  const OrganisationResults& r = report.results;
  if (r.previousSubmitted) return "since " + periodShort(report.previousPeriod);
  if (!r.lastReturn.empty()) {
    return "no return for " + periodShort(report.previousPeriod) + " (last return " + periodShort(r.lastReturn) + ")";
  }
  return "no earlier return to compare with";
}

std::string progressPoints(double points) {
  long whole = std::lround(points);
  return signedWhole(whole) + (std::labs(whole) == 1 ? " point" : " points");
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

  if (partialIndex(report)) {
    out.push_back("The index is " + indexBasis(report) +
                  ": it is not comparable with an index based on every KPI, and is not ranked against one.");
  }

  // Furthest from target: the lowest progress among KPIs not on target.
  std::optional<std::size_t> furthest;
  for (std::size_t i = 0; i < kpis.size() && i < report.kpis.size(); ++i) {
    if (!report.kpis[i].progress || kpis[i].current.status == Status::Green) continue;
    if (!furthest || *report.kpis[i].progress < *report.kpis[*furthest].progress) furthest = i;
  }
  if (furthest) {
    const KpiResult& k = kpis[*furthest];
    out.push_back("Furthest from target: " + k.current.kpi->id + " " + k.current.kpi->title + ", " +
                  withUnit(k.current.shown(), *k.current.kpi) + " against " +
                  withUnit(number(k.current.kpi->target), *k.current.kpi) + ".");
  }

  // The biggest move, in progress towards target: the one unit in which a move
  // of a percentage and a move in days compare, and what moves the index.
  std::optional<std::size_t> moved = biggestMove(report);
  if (moved && std::lround(*report.kpis[*moved].progressChange) == 0) moved.reset();  // no move worth a point
  if (!report.results.previousSubmitted) {
    out.push_back("No comparison with the previous period: " + comparedWith(report) + ".");
  } else if (moved) {
    const KpiResult& k = kpis[*moved];
    const KpiDefinition& def = *k.current.kpi;
    std::string line = "Biggest move since " + periodShort(report.previousPeriod) + ", in progress towards target: " +
                       def.id + " " + def.title + ", " + progressPoints(*report.kpis[*moved].progressChange) + " (" +
                       withUnit(value(k.previous), def) + " to " + withUnit(k.current.shown(), def) + ").";
    auto codes = [](const std::vector<ValueWarning>& warnings) {
      std::vector<std::string> out;
      for (const ValueWarning& w : warnings) out.push_back(w.code);
      return listOf(out);
    };
    if (!k.previousWarnings.empty()) {
      line += " The " + periodShort(report.previousPeriod) + " value carried " +
              (k.previousWarnings.size() == 1 ? "a warning, " : "warnings, ") + codes(k.previousWarnings) + ": see the notes.";
    }
    if (!k.warnings.empty()) {
      line += " This value carries " + std::string(k.warnings.size() == 1 ? "a warning, " : "warnings, ") +
              codes(k.warnings) + ": see the notes.";
    }
    out.push_back(line);
  }

  // Position among peers, where the groups are large enough to show; a
  // position that rests on a value with a warning says so.
  std::vector<std::string> top, bottom;
  bool disclosed = false;
  for (const KpiResult& k : kpis) {
    if (!k.sector.disclosed) continue;
    disclosed = true;
    std::string id = k.current.kpi->id + (k.warnings.empty() ? "" : " (a value with warning " + k.warnings.front().code + ")");
    if (k.sector.quartile == 1) top.push_back(id);
    if (k.sector.quartile == 4) bottom.push_back(id);
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

  if (!report.results.missedReturns.empty()) {
    std::vector<std::string> missed;
    for (const std::string& p : report.results.missedReturns) missed.push_back(periodShort(p));
    out.push_back("No return for " + listOf(missed) + " (shown as gaps in the trends).");
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
