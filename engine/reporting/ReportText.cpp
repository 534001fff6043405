#include "engine/reporting/ReportText.h"

#include "engine/model/Period.h"
#include "engine/reporting/Words.h"

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

// "n/a" as the report's language writes it.
std::string notApplicable() {
  // TRANSLATORS: a figure that cannot be computed (no denominator, no value): in
  // every table, chart and sentence. Keep it short: table cells are narrow.
  return tr("figure", "n/a");
}

}  // namespace

// The catalogue's units are the words below; another unit stays as the
// catalogue writes it.
std::string unit(const KpiDefinition& kpi) {
  // TRANSLATORS: the unit of KPI K5, after a number: "11.2 days per FTE"
  // (FTE: full-time equivalent).
  if (kpi.unit == "days per FTE") return tr("unit", "days per FTE");
  return kpi.unit;
}

std::string value(const std::optional<Ratio>& value) { return value ? value->toOneDecimal() : notApplicable(); }

std::string number(const Ratio& value) {
  std::int64_t tenths = value.roundedTenths();
  if (tenths % 10 == 0) return std::to_string(tenths / 10);
  return formatTenths(tenths);
}

std::string withUnit(const std::string& shown, const KpiDefinition& kpi) {
  if (shown == "n/a" || shown == notApplicable()) return notApplicable();
  if (kpi.unit == "%") return shown + "%";
  return shown + " " + unit(kpi);
}

std::string shortUnit(const KpiDefinition& kpi) {
  if (kpi.unit == "%") return "%";
  // TRANSLATORS: K5's unit in narrow table cells and chart captions: "11.2 days".
  if (kpi.unit == "days per FTE") return tr("unit, short", "days");
  std::size_t space = kpi.unit.find(' ');
  return space == std::string::npos ? kpi.unit : kpi.unit.substr(0, space);
}

std::string withShortUnit(const std::string& shown, const KpiDefinition& kpi) {
  if (shown == "n/a" || shown == notApplicable()) return notApplicable();
  if (kpi.unit == "%") return shown + "%";
  return shown + " " + shortUnit(kpi);
}

std::string title(const KpiDefinition& kpi) {
  return language() == "cy" && !kpi.welshTitle.empty() ? kpi.welshTitle : kpi.title;
}

std::string description(const KpiDefinition& kpi) {
  return language() == "cy" && !kpi.welshDescription.empty() ? kpi.welshDescription : kpi.description;
}

std::string kpiName(const KpiDefinition& kpi) { return kpi.id + " " + title(kpi); }

Names namesOf(const BoardReport& report) {
  Names names;
  bool welsh = !report.welshName.empty() && report.welshName != report.name;
  if (language() == "cy") {
    names.title = welsh ? report.welshName : report.name;
    names.titleLanguage = welsh ? "" : "en";
    if (welsh) names.subtitle = report.name, names.subtitleLanguage = "en";
  } else {
    names.title = report.name;
    if (welsh) names.subtitle = report.welshName, names.subtitleLanguage = "cy";
  }
  return names;
}

std::string nameIn(const std::string& name, const std::string& welshName) {
  return language() == "cy" && !welshName.empty() ? welshName : name;
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
  // TRANSLATORS: a KPI's change between two periods, in a sentence of its detail panel:
  // "Change since Q1 2025/26: no change (from 40.0%)."
  if (tenths == 0) return tr("change", "no change");
  // TRANSLATORS: {1} is a number of points, "3.1": "Change since Q1 2025/26: up 3.1 (from 40.0%)."
  if (tenths > 0) return fill(tr("change", "up {1}"), {unsignedTenths(magnitude(tenths))});
  // TRANSLATORS: {1} is a number of points, "2.0".
  return fill(tr("change", "down {1}"), {unsignedTenths(magnitude(tenths))});
}

std::string statusWord(Status status) {
  switch (status) {
    // TRANSLATORS: a KPI's RAG status, printed beside its coloured mark (scorecard,
    // detail panels, sector tables, mail).
    case Status::Green: return tr("status", "Green");
    // TRANSLATORS: a KPI's RAG status (amber: close to target).
    case Status::Amber: return tr("status", "Amber");
    // TRANSLATORS: a KPI's RAG status.
    case Status::Red: return tr("status", "Red");
    case Status::None: break;
  }
  // TRANSLATORS: the status of a KPI without a value (nothing to measure).
  return tr("status", "No value");
}

std::string statusMeaning(Status status) {
  switch (status) {
    // TRANSLATORS: what a status means, in alternative texts and the HTML version.
    case Status::Green: return tr("status meaning", "target met");
    // TRANSLATORS: what amber means.
    case Status::Amber: return tr("status meaning", "close to target");
    // TRANSLATORS: what red means.
    case Status::Red: return tr("status meaning", "well short of target");
    case Status::None: break;
  }
  // TRANSLATORS: what "No value" means.
  return tr("status meaning", "nothing to measure");
}

std::string statusKey(const Catalogue& catalogue) {
  // The amber band is a catalogue setting; name it when every KPI shares it.
  std::optional<Ratio> amber;
  bool shared = true;
  for (const KpiDefinition& k : catalogue.kpis()) {
    if (amber && !(*amber == k.amberRatio)) shared = false;
    amber = k.amberRatio;
  }
  if (amber && shared) {
    // TRANSLATORS: the key under the scorecard (page one); {1} is a percentage, "80%".
    return fill(tr("scorecard key", "Green: target met. Amber: not met, but at least {1} of the target. Red: further from the "
                   "target. No value: nothing to measure (for example no IT staff)."),
                {percentOf(*amber)});
  }
  // TRANSLATORS: the key under the scorecard when the KPIs' amber bands differ.
  return tr("scorecard key", "Green: target met. Amber: not met, but within the KPI's amber band (see Method). Red: further from "
            "the target. No value: nothing to measure (for example no IT staff).");
}

std::string quartile(const PeerComparison& comparison) {
  // TRANSLATORS: a table cell: the peer group is too small for its figures to be shown.
  if (!comparison.disclosed) return tr("cell", "not shown");
  if (!comparison.quartile) return notApplicable();
  switch (*comparison.quartile) {
    // TRANSLATORS: the organisation's quartile among its peers, in the scorecard's last column.
    case 1: return tr("quartile", "1st (top)");
    // TRANSLATORS: the second quartile.
    case 2: return tr("quartile", "2nd");
    // TRANSLATORS: the third quartile.
    case 3: return tr("quartile", "3rd");
    // TRANSLATORS: the fourth (last) quartile.
    default: return tr("quartile", "4th (bottom)");
  }
}

std::string quarterWords(const PeerComparison& comparison) {
  if (!comparison.disclosed || !comparison.quartile) return "";
  switch (*comparison.quartile) {
    // TRANSLATORS: after a rank in a detail panel: "Rank 3 of 22, top quarter."
    case 1: return tr("quarter of peers", "top quarter");
    // TRANSLATORS: as "top quarter".
    case 2: return tr("quarter of peers", "second quarter");
    // TRANSLATORS: as "top quarter".
    case 3: return tr("quarter of peers", "third quarter");
    // TRANSLATORS: as "top quarter".
    default: return tr("quarter of peers", "bottom quarter");
  }
}

std::string peerGroups(std::size_t submissions, const std::string& periodCode, const std::string& type,
                       std::size_t ofType) {
  if (type.empty()) {
    // TRANSLATORS: board report, provenance table, "Peer groups": {1} a count, {2} a period ("Q2 2025/26").
    return fill(trn("provenance", "{1} organisation submitted for {2}", "{1} organisations submitted for {2}",
                    static_cast<std::int64_t>(submissions)),
                {std::to_string(submissions), periodShort(periodCode)});
  }
  // TRANSLATORS: as above, with {3} of them of the organisation's type {4} ("Welsh unitary").
  return fill(trn("provenance", "{1} organisation submitted for {2}, {3} of them {4}",
                  "{1} organisations submitted for {2}, {3} of them {4}", static_cast<std::int64_t>(submissions)),
              {std::to_string(submissions), periodShort(periodCode), std::to_string(ofType), groupName(type)});
}

namespace {

// The registry's organisation types in words; empty for a type not listed here.
std::string typeName(const std::string& type) {
  // TRANSLATORS: an organisation type (registry), as a comparator group and in the board report's header.
  if (type == "county") return tr("organisation type", "County");
  // TRANSLATORS: an organisation type.
  if (type == "district") return tr("organisation type", "District");
  // TRANSLATORS: an organisation type.
  if (type == "london-borough") return tr("organisation type", "London borough");
  // TRANSLATORS: an organisation type.
  if (type == "metropolitan-district") return tr("organisation type", "Metropolitan district");
  // TRANSLATORS: an organisation type.
  if (type == "northern-irish") return tr("organisation type", "Northern Irish");
  // TRANSLATORS: an organisation type.
  if (type == "scottish") return tr("organisation type", "Scottish");
  // TRANSLATORS: an organisation type (an English unitary authority).
  if (type == "unitary") return tr("organisation type", "Unitary");
  // TRANSLATORS: an organisation type: a Welsh principal area (county or county borough council).
  if (type == "welsh-unitary") return tr("organisation type", "Welsh unitary");
  return "";
}

}  // namespace

std::string groupName(const std::string& group) {
  // TRANSLATORS: the comparator group of every organisation (tables, charts, headings).
  if (group == "sector") return tr("group", "All organisations");
  // TRANSLATORS: an organisation whose type the registry does not give.
  if (group.empty()) return tr("group", "Unknown type");
  // TRANSLATORS: a comparator group: the councils of one nation.
  if (group == "nation:E") return tr("group", "English councils");
  // TRANSLATORS: a comparator group.
  if (group == "nation:W") return tr("group", "Welsh councils");
  // TRANSLATORS: a comparator group.
  if (group == "nation:S") return tr("group", "Scottish councils");
  // TRANSLATORS: a comparator group.
  if (group == "nation:N") return tr("group", "Northern Irish councils");
  std::string known = typeName(group);
  if (!known.empty()) return known;
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
  if (!std::isfinite(tenths) || std::fabs(tenths) >= 9.2e18) return notApplicable();
  return formatTenths(static_cast<std::int64_t>(std::llround(tenths)));
}

namespace {

// The day, month and year of a UK local time, the month named in the report's language.
struct LocalParts {
  std::string day, month, shortMonth, year, time, zone;
};

LocalParts localParts(Instant instant) {
  auto local = date::make_zoned(date::locate_zone(PERIOD_TIME_ZONE), date::floor<std::chrono::minutes>(instant));
  LocalParts parts;
  parts.day = date::format("%d", local);
  if (parts.day[0] == '0') parts.day.erase(0, 1);
  int month = std::atoi(date::format("%m", local).c_str());
  parts.month = monthName(month);
  parts.shortMonth = monthName(month, true);
  parts.year = date::format("%Y", local);
  parts.time = date::format("%H:%M", local);
  parts.zone = date::format("%Z", local);
  // TRANSLATORS: UK summer time's abbreviation after a time of day: "10:12 BST".
  if (parts.zone == "BST") parts.zone = tr("time zone", "BST");
  // TRANSLATORS: UK winter time's abbreviation after a time of day: "10:12 GMT".
  if (parts.zone == "GMT") parts.zone = tr("time zone", "GMT");
  return parts;
}

}  // namespace

std::string ukTime(Instant instant) {
  LocalParts p = localParts(instant);
  // TRANSLATORS: a date and time: {1} day of the month, {2} month name, {3} year, {4} "10:12", {5} "BST".
  return fill(tr("date", "{1} {2} {3}, {4} {5}"), {p.day, p.month, p.year, p.time, p.zone});
}

std::string ukDate(Instant instant) {
  LocalParts p = localParts(instant);
  // TRANSLATORS: a date: {1} day of the month, {2} month name, {3} year: "6 October 2009".
  return fill(tr("date", "{1} {2} {3}"), {p.day, p.month, p.year});
}

std::string ukShortTime(Instant instant) {
  LocalParts p = localParts(instant);
  // TRANSLATORS: a date and time in narrow table cells: {2} is the month's short name, "6 Oct 2009 10:12".
  return fill(tr("date", "{1} {2} {3} {4}"), {p.day, p.shortMonth, p.year, p.time});
}

std::string isoTime(Instant instant) { return formatInstant(instant); }

std::string periodShort(const std::string& periodCode) {
  auto p = Period::parse(periodCode);
  if (!p) return periodCode;
  char year[16];
  std::snprintf(year, sizeof year, "%04d/%02d", p->firstYear(), (p->firstYear() + 1) % 100);
  // TRANSLATORS: a quarter of a financial year, everywhere a period is named briefly: {1} the
  // quarter's number, {2} the year, "Q2 2009/10". Welsh councils write "Ch2 2009/10".
  if (p->isQuarter()) return fill(tr("period", "Q{1} {2}"), {std::to_string(p->quarter()), year});
  return year;
}

std::string periodInWords(const std::string& periodCode) {
  auto p = Period::parse(periodCode);
  if (!p) return periodCode;
  date::year_month_day first{p->firstDay()}, last{p->lastDay()};
  auto month = [](const date::year_month_day& day) { return monthName(static_cast<int>(static_cast<unsigned>(day.month()))); };
  auto year = [](const date::year_month_day& day) { return std::to_string(static_cast<int>(day.year())); };
  std::string months;
  if (first.year() == last.year()) {
    // TRANSLATORS: a report's period under its title: {1} and {2} month names, {3} the year:
    // "July to September 2009"; followed by the short period in brackets.
    months = fill(tr("period", "{1} to {2} {3}"), {month(first), month(last), year(last)});
  } else {
    // TRANSLATORS: as above across two years: "January 2010 to March 2010", "April 2009 to March 2010".
    months = fill(tr("period", "{1} {2} to {3} {4}"), {month(first), year(first), month(last), year(last)});
  }
  // TRANSLATORS: {1} the months in words, {2} the short period: "July to September 2009 (Q2 2009/10)".
  return fill(tr("period", "{1} ({2})"), {months, periodShort(periodCode)});
}

std::string indexExplanation() {
  // TRANSLATORS: board report, page one, under the index (or in the scorecard's key).
  return tr("index panel", "The professionalisation index is the average progress towards the KPI targets: "
            "100 means every target is met.");
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

// What counts a measure: roles, staff, CPD days or FTE; the same for a KPI's
// numerator and denominator when they count the same thing.
enum class Noun { None, Roles, Staff, CpdDays, Fte };

Noun nounOf(Measure measure) {
  switch (measure) {
    case Measure::RolesTotal:
    case Measure::RolesMapped: return Noun::Roles;
    case Measure::ItHeadcount:
    case Measure::StaffAssessed:
    case Measure::StaffWithPdp:
    case Measure::StaffRecognised: return Noun::Staff;
    case Measure::CpdDays: return Noun::CpdDays;
    case Measure::ItFte: return Noun::Fte;
  }
  return Noun::None;
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
  // TRANSLATORS: what the index rests on (page one, mail) when no KPI has a value.
  if (report.indexBasis == 0) return tr("index basis", "no KPI has a value");
  std::string basis = std::to_string(report.indexBasis), of = std::to_string(total);
  // TRANSLATORS: what the index rests on, under it on page one and in the mail: "based on 5 of 5 KPIs";
  // the count {2} chooses the form.
  if (report.indexBasis >= total) return fill(trn("index basis", "based on {1} of {2} KPI", "based on {1} of {2} KPIs",
                                                  static_cast<std::int64_t>(total)), {basis, of});
  std::vector<std::string> without;
  for (const KpiResult& k : report.results.kpis) {
    if (!k.current.value) without.push_back(k.current.kpi->id);
  }
  // TRANSLATORS: as above, naming the KPIs without a value, {3} "K2, K3 and K4"; the number of
  // them chooses the form: "based on 2 of 5 KPIs (K2, K3 and K4 have no value)".
  return fill(trn("index basis", "based on {1} of {2} KPIs ({3} has no value)",
                  "based on {1} of {2} KPIs ({3} have no value)", static_cast<std::int64_t>(without.size())),
              {basis, of, listOf(without)});
}

std::string counts(const KpiDefinition& kpi, std::int64_t numeratorHundredths, std::int64_t denominatorHundredths) {
  Noun top = nounOf(kpi.numerator), bottom = nounOf(kpi.denominator);
  std::string n = hundredthsAsNumber(numeratorHundredths), d = hundredthsAsNumber(denominatorHundredths);
  // The denominator's count chooses the form (numbers with decimals are counted as their whole part).
  std::int64_t many = denominatorHundredths / 100;
  // TRANSLATORS: a KPI's inputs under its value (scorecard, detail panel): "45 of 50 roles".
  if (top == Noun::Roles && bottom == Noun::Roles) return fill(trn("counts", "{1} of {2} role", "{1} of {2} roles", many), {n, d});
  // TRANSLATORS: a KPI's inputs: "2 of 21 staff".
  if (top == Noun::Staff && bottom == Noun::Staff) return fill(trn("counts", "{1} of {2} staff", "{1} of {2} staff", many), {n, d});
  // TRANSLATORS: K5's inputs: "84.5 CPD days over 22.1 FTE" (FTE: full-time equivalent staff).
  if (top == Noun::CpdDays && bottom == Noun::Fte) return fill(tr("counts", "{1} CPD days over {2} FTE"), {n, d});
  return "";
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
  // TRANSLATORS: a note under the scorecard and in a detail panel: {1} "K2", {2} "79.96%", {3} "79.955",
  // {4} and {5} status words ("Amber", "Green").
  return fill(tr("rounding note", "{1} shows {2}, rounded from {3}: status compares the unrounded value, so it is {4}, not {5}."),
              {def.id, withUnit(kpi.current.shown(), def), unrounded(*kpi.current.value), statusWord(kpi.current.status),
               statusWord(facts.shownStatus)});
}

std::string returnsInWords(const BoardReport& report) {
  const OrganisationResults& r = report.results;
  std::string first = r.kpis.empty() || r.kpis.front().trend.empty() ? report.period : r.kpis.front().trend.front().period;
  if (r.missedReturns.empty()) {
    // TRANSLATORS: board report, "Returns" under Data quality and provenance: {1} and {2} short periods.
    return fill(tr("returns", "Returns used in the trends: {1} to {2}. None was missed in that time."),
                {periodShort(first), periodShort(report.period)});
  }
  std::vector<std::string> missed;
  for (const std::string& p : r.missedReturns) missed.push_back(periodShort(p));
  // TRANSLATORS: as above, {3} the missed periods ("Q4 2023/24 and Q1 2024/25"); “no return” is what the
  // trend charts print for them (translate it as the chart does).
  return fill(trn("returns", "Returns used in the trends: {1} to {2}. No return for {3}: shown as \u201Cno return\u201D in the trends.",
                  "Returns used in the trends: {1} to {2}. No return for {3}: shown as \u201Cno return\u201D in the trends.",
                  static_cast<std::int64_t>(missed.size())),
              {periodShort(first), periodShort(report.period), listOf(missed)});
}

std::string channelInWords(const std::string& channel) {
  // TRANSLATORS: how a submission arrived (board report provenance table).
  if (channel == "http") return tr("channel", "over HTTP (the API)");
  // TRANSLATORS: how a submission arrived.
  if (channel == "inbox") return tr("channel", "dropped in the inbox folder");
  // TRANSLATORS: how a submission arrived; "profkpi ingest" is a command, not translated.
  if (channel == "cli") return tr("channel", "from the command line (profkpi ingest)");
  return channel;
}

std::string warningInWords(const std::string& code) {
  // TRANSLATORS: data-quality warning PQ101 in plain words (notes, detail panels, tables).
  if (code == "PQ101") return tr("warning", "a large move since the previous period");
  // TRANSLATORS: warning PQ102.
  if (code == "PQ102") return tr("warning", "CPD days above 30 per FTE");
  // TRANSLATORS: warning PQ103.
  if (code == "PQ103") return tr("warning", "no IT staff reported, so the staff KPIs have no value");
  // TRANSLATORS: warning PQ104.
  if (code == "PQ104") return tr("warning", "this submission replaces an earlier one");
  // TRANSLATORS: any other warning code.
  return tr("warning", "a data-quality warning");
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
  if (warning.explained) {
    // TRANSLATORS: a warning on a value (detail panels): {1} "PQ102", {2} the warning in words, {3} the sender's
    // first words (quoted, not translated).
    return fill(tr("warning note", "{1} {2}, explained by the sender: \u201C{3}\u201D"),
                {warning.code, warningInWords(warning.code), firstWords(warning.explanation, 9)});
  }
  // TRANSLATORS: as above, without an explanation.
  return fill(tr("warning note", "{1} {2}, not explained by the sender"), {warning.code, warningInWords(warning.code)});
}

std::string comparedWith(const BoardReport& report) {
  const OrganisationResults& r = report.results;
  // TRANSLATORS: what changes are measured against (scorecard key, detail panels): {1} "Q1 2025/26".
  if (r.previousSubmitted) return fill(tr("compared with", "since {1}"), {periodShort(report.previousPeriod)});
  if (!r.lastReturn.empty()) {
    // TRANSLATORS: as above when the previous return was missed: {1} that period, {2} the last one returned.
    return fill(tr("compared with", "no return for {1} (last return {2})"),
                {periodShort(report.previousPeriod), periodShort(r.lastReturn)});
  }
  // TRANSLATORS: as above for an organisation's first return.
  return tr("compared with", "no earlier return to compare with");
}

std::string progressPoints(double points) {
  long whole = std::lround(points);
  // TRANSLATORS: a change in progress towards target, {1} a signed whole number: "+12 points", "−1 point".
  return fill(trn("points", "{1} point", "{1} points", std::labs(whole)), {signedWhole(whole)});
}

namespace {

std::string listOf(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    // TRANSLATORS: joins the last two items of a list: "K2, K3 and K4" (keep the spaces).
    if (i > 0) out += i + 1 == items.size() ? tr("list", " and ") : ", ";
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
  // The first headline is a list of clauses, one per status present; each is
  // a whole phrase of its own (the translator controls each).
  // TRANSLATORS: board report, first headline on page one: {1} targets met of {2}: "3 of 5 targets met";
  // the total {2} chooses the form.
  std::string targets = fill(trn("headline", "{1} of {2} target met", "{1} of {2} targets met", static_cast<std::int64_t>(kpis.size())),
                             {std::to_string(green.size()), std::to_string(kpis.size())});
  if (!green.empty()) targets += " (" + listOf(green) + ")";
  // TRANSLATORS: a clause of the first headline: {1} a count, {2} the KPIs: "; 1 close (K4)".
  if (!amber.empty()) targets += fill(tr("headline", "; {1} close ({2})"), {std::to_string(amber.size()), listOf(amber)});
  // TRANSLATORS: a clause of the first headline: "; 2 well short (K2 and K3)".
  if (!red.empty()) targets += fill(tr("headline", "; {1} well short ({2})"), {std::to_string(red.size()), listOf(red)});
  if (!none.empty()) {
    // TRANSLATORS: a clause of the first headline: "; 1 with nothing to measure (K5)".
    targets += fill(tr("headline", "; {1} with nothing to measure ({2})"), {std::to_string(none.size()), listOf(none)});
  }
  out.push_back(targets + ".");

  if (partialIndex(report)) {
    // TRANSLATORS: a headline; {1} is what the index rests on ("based on 2 of 5 KPIs (K2 … have no value)").
    out.push_back(fill(tr("headline", "The index is {1}: it is not comparable with an index based on every KPI, "
                                      "and is not ranked against one."),
                       {indexBasis(report)}));
  }

  // Furthest from target: the lowest progress among KPIs not on target.
  std::optional<std::size_t> furthest;
  for (std::size_t i = 0; i < kpis.size() && i < report.kpis.size(); ++i) {
    if (!report.kpis[i].progress || kpis[i].current.status == Status::Green) continue;
    if (!furthest || *report.kpis[i].progress < *report.kpis[*furthest].progress) furthest = i;
  }
  if (furthest) {
    const KpiResult& k = kpis[*furthest];
    // TRANSLATORS: a headline: {1} "K2 Staff assessed against their role profile", {2} its value, {3} its target.
    out.push_back(fill(tr("headline", "Furthest from target: {1}, {2} against {3}."),
                       {kpiName(*k.current.kpi), withUnit(k.current.shown(), *k.current.kpi),
                        withUnit(number(k.current.kpi->target), *k.current.kpi)}));
  }

  // The biggest move, in progress towards target: the one unit in which a move
  // of a percentage and a move in days compare, and what moves the index.
  std::optional<std::size_t> moved = biggestMove(report);
  if (moved && std::lround(*report.kpis[*moved].progressChange) == 0) moved.reset();  // no move worth a point
  if (!report.results.previousSubmitted) {
    // TRANSLATORS: a headline; {1} says why ("no earlier return to compare with").
    out.push_back(fill(tr("headline", "No comparison with the previous period: {1}."), {comparedWith(report)}));
  } else if (moved) {
    const KpiResult& k = kpis[*moved];
    const KpiDefinition& def = *k.current.kpi;
    // TRANSLATORS: a headline: {1} the previous period, {2} the KPI with its title, {3} "+12 points",
    // {4} and {5} its previous and current values.
    std::string line = fill(tr("headline", "Biggest move since {1}, in progress towards target: {2}, {3} ({4} to {5})."),
                            {periodShort(report.previousPeriod), kpiName(def),
                             progressPoints(*report.kpis[*moved].progressChange), withUnit(value(k.previous), def),
                             withUnit(k.current.shown(), def)});
    auto codes = [](const std::vector<ValueWarning>& warnings) {
      std::vector<std::string> out;
      for (const ValueWarning& w : warnings) out.push_back(w.code);
      return listOf(out);
    };
    if (!k.previousWarnings.empty()) {
      // TRANSLATORS: follows the biggest-move headline: {1} the previous period, {2} warning codes ("PQ101").
      line += fill(trn("headline", " The {1} value carried a warning, {2}: see the notes.",
                       " The {1} value carried warnings, {2}: see the notes.",
                       static_cast<std::int64_t>(k.previousWarnings.size())),
                   {periodShort(report.previousPeriod), codes(k.previousWarnings)});
    }
    if (!k.warnings.empty()) {
      // TRANSLATORS: follows the biggest-move headline: {1} warning codes.
      line += fill(trn("headline", " This value carries a warning, {1}: see the notes.",
                       " This value carries warnings, {1}: see the notes.", static_cast<std::int64_t>(k.warnings.size())),
                   {codes(k.warnings)});
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
    std::string id = k.warnings.empty() ? k.current.kpi->id
                                        // TRANSLATORS: a KPI in the peers headline whose value carries a warning: {1} "K5", {2} "PQ102".
                                        : fill(tr("headline", "{1} (a value with warning {2})"), {k.current.kpi->id, k.warnings.front().code});
    if (k.sector.quartile == 1) top.push_back(id);
    if (k.sector.quartile == 4) bottom.push_back(id);
  }
  if (!disclosed) {
    // TRANSLATORS: a headline: {1} the period, {2} the smallest group shown (a number, 5).
    out.push_back(fill(tr("headline", "Too few organisations submitted for {1} to compare with peers (fewer than {2} with a value)."),
                       {periodShort(report.period), std::to_string(report.minimumGroupSize)}));
  } else {
    std::string among = std::to_string(report.sectorSubmissions);
    std::int64_t n = static_cast<std::int64_t>(report.sectorSubmissions);
    if (top.empty() && bottom.empty()) {
      // TRANSLATORS: the peers headline: {1} the organisations that submitted.
      out.push_back(fill(trn("headline", "Among the {1} organisation that submitted: in the middle half for every KPI shown.",
                             "Among the {1} organisations that submitted: in the middle half for every KPI shown.", n),
                         {among}));
    } else if (bottom.empty()) {
      // TRANSLATORS: the peers headline: {2} the KPIs in the top quarter ("K1 and K3").
      out.push_back(fill(trn("headline", "Among the {1} organisation that submitted: top quarter for {2}.",
                             "Among the {1} organisations that submitted: top quarter for {2}.", n),
                         {among, listOf(top)}));
    } else if (top.empty()) {
      // TRANSLATORS: the peers headline: {2} the KPIs in the bottom quarter.
      out.push_back(fill(trn("headline", "Among the {1} organisation that submitted: bottom quarter for {2}.",
                             "Among the {1} organisations that submitted: bottom quarter for {2}.", n),
                         {among, listOf(bottom)}));
    } else {
      // TRANSLATORS: the peers headline: {2} the KPIs in the top quarter, {3} those in the bottom quarter.
      out.push_back(fill(trn("headline", "Among the {1} organisation that submitted: top quarter for {2}; bottom quarter for {3}.",
                             "Among the {1} organisations that submitted: top quarter for {2}; bottom quarter for {3}.", n),
                         {among, listOf(top), listOf(bottom)}));
    }
  }

  if (!report.results.missedReturns.empty()) {
    std::vector<std::string> missed;
    for (const std::string& p : report.results.missedReturns) missed.push_back(periodShort(p));
    // TRANSLATORS: a headline: {1} the missed periods.
    out.push_back(fill(tr("headline", "No return for {1} (shown as gaps in the trends)."), {listOf(missed)}));
  }

  const Diagnostics& warnings = report.results.record.warnings;
  if (warnings.empty()) {
    // TRANSLATORS: the last headline when the submission raised no warning.
    out.push_back(tr("headline", "No data-quality warnings on this submission."));
  } else {
    std::size_t explained = 0;
    for (const Diagnostic& d : warnings) explained += d.explained ? 1 : 0;
    // TRANSLATORS: the last headline: {1} warnings, {2} of them explained; "Data quality and provenance"
    // is the heading of a later page (translate it as there).
    out.push_back(fill(trn("headline", "{1} data-quality warning on this submission ({2} explained by the sender): see Data quality and provenance.",
                           "{1} data-quality warnings on this submission ({2} explained by the sender): see Data quality and provenance.",
                           static_cast<std::int64_t>(warnings.size())),
                       {std::to_string(warnings.size()), std::to_string(explained)}));
  }
  return out;
}

std::vector<MethodSection> method(const Catalogue& catalogue, std::size_t minimumGroupSize) {
  std::vector<MethodSection> sections;
  // TRANSLATORS: board report, Method page, a heading: {1} the catalogue's version ("1.0").
  MethodSection kpis{fill(tr("method", "The KPIs (catalogue version {1})"), {catalogue.version()}), {}};
  for (const KpiDefinition& k : catalogue.kpis()) {
    bool higher = k.direction == Direction::HigherIsBetter;
    std::string amber = higher ? number(k.target * k.amberRatio) : number(k.target / k.amberRatio);
    std::string pattern =
        higher
            // TRANSLATORS: Method page, one paragraph per KPI: {1} "K1 Roles mapped…", {2} its definition,
            // {3} its target, {4} where amber starts; for a KPI where higher is better.
            ? tr("method", "{1}. {2} Target: {3} or more; amber from {4}.")
            // TRANSLATORS: as above, for a KPI where lower is better.
            : tr("method", "{1}. {2} Target: {3} or less; amber from {4}.");
    kpis.paragraphs.push_back(fill(pattern,
                                   {kpiName(k), description(k), withUnit(number(k.target), k), withUnit(amber, k)}));
  }
  sections.push_back(kpis);

  // TRANSLATORS: Method page, "Values and status": the amber band when the KPIs' bands differ.
  std::string amberShare = tr("method", "at least its amber share of the target");
  if (!catalogue.kpis().empty()) {
    // TRANSLATORS: Method page, the amber band: {1} a percentage, "80%".
    amberShare = fill(tr("method", "at least {1} of the target"), {percentOf(catalogue.kpis().front().amberRatio)});
  }
  sections.push_back(
      // TRANSLATORS: Method page, a heading.
      {tr("method", "Values and status"),
       // TRANSLATORS: Method page, "Values and status", first paragraph.
       {tr("method", "Each KPI is computed exactly from the submitted figures and shown to one decimal place, rounded half "
                     "away from zero. A KPI whose denominator is zero has no value (n/a) and no status."),
        // TRANSLATORS: Method page, "Values and status", second paragraph: {1} the amber band ("at least 80% of the target").
        fill(tr("method", "Status compares the unrounded value with the target: green when the target is met, amber when "
                          "the value is not on target but reaches {1} (for a KPI where lower is better, when the target "
                          "is at least that share of the value), red otherwise. Colours are always printed with their word."),
             {amberShare})}});
  sections.push_back(
      // TRANSLATORS: Method page, a heading.
      {tr("method", "Professionalisation index"),
       // TRANSLATORS: Method page, "Professionalisation index".
       {tr("method", "For each KPI with a value, attainment is the value divided by the target (the target divided by "
                     "the value where lower is better), capped at 1. The index is the mean attainment over those KPIs "
                     "times 100, rounded to a whole number, from 0 to 100. Its change is against the organisation's "
                     "previous period of the same length.")}});
  sections.push_back(
      // TRANSLATORS: Method page, a heading.
      {tr("method", "Peers, quartiles and rates"),
       // TRANSLATORS: Method page, "Peers, quartiles and rates", first paragraph.
       {tr("method", "Peers are every organisation with a current submission for the period (all organisations), and "
                     "those of the same type. The distribution shows the lowest and highest values, the middle half "
                     "(lower to upper quartile) and the median; quartiles interpolate between values, as spreadsheet "
                     "QUARTILE.INC does."),
        // TRANSLATORS: Method page, "Peers, quartiles and rates", second paragraph.
        tr("method", "The organisation's quartile is 1st (top) when its value is at or beyond the upper quartile in "
                     "the better direction, 2nd when at or beyond the median, 3rd when at or beyond the lower quartile, "
                     "and 4th (bottom) otherwise. The sector rate is the sum of every organisation's numerators over "
                     "the sum of their denominators, so larger workforces weigh more than in the median."),
        // TRANSLATORS: Method page, "Peers, quartiles and rates", third paragraph.
        tr("method", "The trend shows up to eight periods of the same length ending with this one; a gap is a period "
                     "without a submission or without a value.")}});
  std::string smallest = std::to_string(minimumGroupSize);
  sections.push_back(
      // TRANSLATORS: Method page, a heading.
      {tr("method", "Disclosure control"),
       // TRANSLATORS: Method page, "Disclosure control": {1} the smallest group shown (5); it chooses the form.
       {fill(trn("method", "A comparator group with fewer than {1} organisation with a value shows no distribution, rate, rank "
                 "or quartile, and a board report never names another organisation or shows its figures. The sector "
                 "report's league table appears only when at least {1} organisation submitted for the period.",
                 "A comparator group with fewer than {1} organisations with a value shows no distribution, rate, rank "
                 "or quartile, and a board report never names another organisation or shows its figures. The sector "
                 "report's league table appears only when at least {1} organisations submitted for the period.",
                 static_cast<std::int64_t>(minimumGroupSize)),
             {smallest})}});
  sections.push_back(
      // TRANSLATORS: Method page, a heading.
      {tr("method", "Data"),
       // TRANSLATORS: Method page, "Data".
       {tr("method", "Figures come from each organisation's current submission: the latest accepted for the period, "
                     "which replaces earlier ones (kept for audit). The data cut-off is the latest time at which a "
                     "submission the report uses was accepted; the report is dated from its data, so producing it "
                     "again from the same data gives the same document.")}});
  return sections;
}

}  // namespace profkpi::engine::report
