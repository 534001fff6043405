#include "adapters/demo/DemoData.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#include "adapters/demo/DemoRandom.h"
#include "adapters/demo/DemoWorkforce.h"
#include "adapters/demo/DemoXml.h"

namespace profkpi::adapters::demo {

namespace {

// Typical IT headcount by organisation type, and how synthetic ones are named.
struct TypeInfo {
  const char* type;
  std::int64_t low;
  std::int64_t high;
  char country;             // first letter of the GSS code
  const char* namePrefix;   // + "0001"
  const char* welshPrefix;  // nullptr: no Welsh name
};

const std::array<TypeInfo, 8> TYPES = {{
    {"county", 180, 400, 'E', "Demo County Council ", nullptr},
    {"district", 10, 60, 'E', "Demo District Council ", nullptr},
    {"unitary", 50, 200, 'E', "Demo Borough Council ", nullptr},
    {"metropolitan-district", 120, 320, 'E', "Demo Metropolitan Borough Council ", nullptr},
    {"london-borough", 70, 220, 'E', "London Borough of Demo ", nullptr},
    {"welsh-unitary", 25, 140, 'W', "Demo County Borough Council ", "Cyngor Bwrdeistref Sirol Demo "},
    {"scottish", 60, 300, 'S', "Demo Council ", nullptr},
    {"northern-irish", 30, 120, 'N', "Demo City Council ", nullptr},
}};
const TypeInfo OTHER_TYPE = {"", 20, 150, 'E', "Demo Council ", nullptr};

const TypeInfo& typeInfo(const std::string& type) {
  for (const TypeInfo& info : TYPES) {
    if (type == info.type) return info;
  }
  return OTHER_TYPE;
}

struct Source {
  const char* name;
  const char* version;
};
const std::array<Source, 7> SOURCES = {{
    {"iTrent", "8.1"},
    {"ResourceLink HR", "4.2.1"},
    {"Oracle HRMS", "12.2"},
    {"SAP SuccessFactors", ""},
    {"Unit4 ERP", "7.4"},
    {"MHR People First", ""},
    {"Spreadsheet export", ""},
}};
const std::array<const char*, 5> PREPARERS = {"ICT Workforce Development Team", "HR Systems Team", "Digital Services",
                                              "People & Organisational Development", "IT Service Management Office"};

constexpr int NORMAL_DAYS_MAX = 42;  // PreparedAt at most 6 weeks after the period (else "late")

// K1..K4 as per-mille rates of their wholes.
enum Rate { MAPPED, ASSESSED, PDP, RECOGNISED, RATE_COUNT };

// An organisation's character: where it starts and which way it is heading.
struct Profile {
  bool workforce = false;
  bool noItStaff = false;  // IT outsourced: ItHeadcount 0 (PQ103) throughout
  std::int64_t headcount = 0;
  std::int64_t growth = 0;      // per mille per quarter
  std::int64_t fteRatio = 0;    // per mille of headcount
  std::int64_t rolesRatio = 0;  // roles per 1000 staff, plus a fixed five
  std::array<std::int64_t, RATE_COUNT> rate{};
  std::array<std::int64_t, RATE_COUNT> slope{};  // per mille per quarter
  std::int64_t cpd = 0;                          // K5 x 100 (days per FTE per year)
  std::int64_t cpdSlope = 0;
  int campaignQuarter = -1;  // an assessment round lifts ASSESSED from this quarter on
  std::int64_t campaignLift = 0;
  int welshPerMille = 0;  // chance that a document uses the Welsh name
  const Source* source = nullptr;
  const char* preparer = nullptr;
};

// `outsourced`: chosen to have no IT staff, so that every run shows PQ103.
Profile makeProfile(const engine::Organisation& o, const DemoOptions& options, bool outsourced) {
  Random r(streamKey(options.seed, "profile", o.code));
  const TypeInfo& type = typeInfo(o.type);
  Profile p;
  p.workforce = r.chance(250);
  p.noItStaff = !p.workforce && r.chance(10);
  if (outsourced) {
    p.workforce = false;
    p.noItStaff = true;
  }
  p.headcount = r.between(type.low, type.high);
  if (p.workforce) {
    std::int64_t cap = options.maxWorkforceMembers;
    p.headcount =
        std::min(p.headcount, r.between(std::min<std::int64_t>(8, cap), std::max<std::int64_t>(1, cap * 5 / 6)));
  }
  p.growth = r.between(-15, 20);
  p.fteRatio = r.between(820, 970);
  p.rolesRatio = r.between(150, 400);
  p.rate = {r.between(350, 900), r.between(250, 800), r.between(400, 900), r.between(100, 380)};
  p.cpd = r.between(150, 900);
  std::int64_t trend = r.between(0, 99);
  if (trend < 40) {
    p.slope = {r.between(5, 25), r.between(10, 30), r.between(5, 25), r.between(3, 10)};
    p.cpdSlope = r.between(10, 35);
  } else if (trend >= 75) {
    p.slope = {-r.between(5, 20), -r.between(8, 25), -r.between(5, 20), -r.between(2, 8)};
    p.cpdSlope = -r.between(10, 30);
  }
  if (r.chance(100) && options.quarters > 1) {
    p.campaignQuarter = static_cast<int>(r.between(1, options.quarters - 1));
    p.campaignLift = r.between(300, 450);
  }
  p.welshPerMille = o.welshName.empty() ? 0 : static_cast<int>(r.between(300, 900));
  p.source = &SOURCES[static_cast<std::size_t>(r.between(0, SOURCES.size() - 1))];
  p.preparer = r.chance(150) ? nullptr : PREPARERS[static_cast<std::size_t>(r.between(0, PREPARERS.size() - 1))];
  return p;
}

// Everything random about one organisation-period, drawn up front in a fixed order.
struct QuarterDraws {
  bool missing, late, resubmitted, cpdSpike, welsh;
  std::int64_t preparedDays, hour, minute;
  std::int64_t correctionDays, correctionHour, correctionMinute;
  std::array<std::int64_t, RATE_COUNT> noise;
  std::int64_t headcountNoise, fteNoise, cpdNoise, spikeCpd;
  std::int64_t assessedShort, recognisedShort, cpdShortPerMille;  // the first return's errors

  QuarterDraws(Random r, const Profile& p) {
    missing = r.chance(40);
    late = r.chance(50);
    resubmitted = r.chance(30);
    cpdSpike = !p.noItStaff && r.chance(20);
    welsh = r.chance(p.welshPerMille);
    preparedDays = late ? r.between(NORMAL_DAYS_MAX + 7, 91) : r.between(7, NORMAL_DAYS_MAX);
    hour = r.between(8, 18);
    minute = r.between(0, 59);
    correctionDays = r.between(5, 30);
    correctionHour = r.between(8, 18);
    correctionMinute = r.between(0, 59);
    for (std::int64_t& n : noise) n = r.between(-15, 15);
    headcountNoise = r.between(-2, 2);
    fteNoise = r.between(-60, 60);
    cpdNoise = r.between(-60, 60);
    spikeCpd = r.between(3200, 4500);
    assessedShort = r.between(1, 5);
    recognisedShort = r.between(0, 2);
    cpdShortPerMille = r.between(50, 250);
  }
};

// The figures an organisation would report, before they are written as an
// Aggregate or built into a Workforce.
struct Figures {
  engine::Measures measures;   // cpdDays from the modelled FTE
  std::int64_t cpdPerFteYear;  // K5 x 100
};

std::int64_t clampRate(std::int64_t value) { return std::clamp<std::int64_t>(value, 0, 1000); }

Figures modelFigures(const Profile& p, const QuarterDraws& d, int t, const DemoOptions& options, int months) {
  Figures f{};
  engine::Measures& m = f.measures;
  std::array<std::int64_t, RATE_COUNT> rate{};
  for (int i = 0; i < RATE_COUNT; ++i) rate[i] = clampRate(p.rate[i] + p.slope[i] * t + d.noise[i]);
  if (p.campaignQuarter >= 0 && t >= p.campaignQuarter) rate[ASSESSED] = clampRate(rate[ASSESSED] + p.campaignLift);
  if (p.noItStaff) {
    m.rolesTotal = 3;
    m.rolesMapped = 3 * rate[MAPPED] / 1000;
    return f;
  }
  std::int64_t h = std::max<std::int64_t>(1, p.headcount * (1000 + p.growth * t) / 1000 + d.headcountNoise);
  if (p.workforce) h = std::min<std::int64_t>(h, options.maxWorkforceMembers);
  m.itHeadcount = h;
  m.itFte = engine::Amount::fromHundredths(std::clamp<std::int64_t>(h * p.fteRatio / 10 + d.fteNoise, h * 50, h * 100));
  m.rolesTotal = h * p.rolesRatio / 1000 + 5;
  m.rolesMapped = m.rolesTotal * rate[MAPPED] / 1000;
  m.staffAssessed = h * rate[ASSESSED] / 1000;
  m.staffWithPdp = h * rate[PDP] / 1000;
  m.staffRecognised = h * rate[RECOGNISED] / 1000;
  f.cpdPerFteYear = d.cpdSpike ? d.spikeCpd : std::clamp<std::int64_t>(p.cpd + p.cpdSlope * t + d.cpdNoise, 50, 1500);
  m.cpdDays = engine::Amount::fromHundredths(f.cpdPerFteYear * m.itFte.hundredths() * months / 1200);
  return f;
}

// The first of two returns: some assessments, recognitions and CPD not yet recorded.
Figures firstReturn(Figures f, const QuarterDraws& d, int months) {
  engine::Measures& m = f.measures;
  m.staffAssessed = std::max<std::int64_t>(0, m.staffAssessed - d.assessedShort);
  m.staffRecognised = std::max<std::int64_t>(0, m.staffRecognised - d.recognisedShort);
  f.cpdPerFteYear = f.cpdPerFteYear * (1000 - d.cpdShortPerMille) / 1000;
  m.cpdDays = engine::Amount::fromHundredths(f.cpdPerFteYear * m.itFte.hundredths() * months / 1200);
  return f;
}

// A KPI value as a fraction (K1..K4 in per cent, K5 in days); den 0 = no value.
struct Fraction {
  std::int64_t num;
  std::int64_t den;
};

std::array<Fraction, 5> kpis(const engine::Measures& m, int months) {
  return {{{m.rolesMapped * 100, m.rolesTotal},
           {m.staffAssessed * 100, m.itHeadcount},
           {m.staffWithPdp * 100, m.itHeadcount},
           {m.staffRecognised * 100, m.itHeadcount},
           {m.cpdDays.hundredths() * 12, m.itFte.hundredths() * months}}};
}

// PQ101: |a - b| > limit, exactly.
bool movedMoreThan(Fraction a, Fraction b, std::int64_t limit) {
  if (a.den == 0 || b.den == 0) return false;
  std::int64_t diff = a.num * b.den - b.num * a.den;
  return (diff < 0 ? -diff : diff) > limit * a.den * b.den;
}

struct Context {
  bool cpdSpike = false;
  bool cpdSpikeBefore = false;
  bool campaignStarts = false;
  bool correction = false;
};

// The sender's answers to the warnings it can foresee (SUBMISSION.md section 6).
// Warnings with no known cause are left unexplained, as real senders leave them.
std::vector<engine::Explanation> explanations(const engine::Measures& m,
                                              const std::optional<engine::Measures>& previous, int months,
                                              const Context& c) {
  std::vector<engine::Explanation> out;
  if (m.itHeadcount == 0) {
    out.push_back({"PQ103",
                   "",
                   "Our IT service is delivered under contract by a shared-service partner, so the "
                   "council employs no IT staff directly; the client-side roles are listed for completeness.",
                   {}});
  }
  std::int64_t fte = m.itFte.hundredths();
  if (fte > 0 && m.cpdDays.hundredths() * 12 > 30 * fte * months) {
    out.push_back({"PQ102",
                   "K5",
                   "Most of the IT team attended a ten-day accredited training programme this quarter, "
                   "so CPD days per FTE are far above our usual level; we expect K5 to return to normal "
                   "next quarter.",
                   {}});
  }
  if (previous) {
    std::array<Fraction, 5> now = kpis(m, months);
    std::array<Fraction, 5> before = kpis(*previous, months);
    if (c.campaignStarts && movedMoreThan(now[1], before[1], 25)) {
      out.push_back({"PQ101",
                     "K2",
                     "We completed a council-wide assessment round against the SFIA role profiles this "
                     "quarter, so many more staff hold a current assessment.",
                     {}});
    }
    if (movedMoreThan(now[4], before[4], 5)) {
      if (c.cpdSpike) {
        out.push_back({"PQ101",
                       "K5",
                       "CPD rose sharply because of the accredited training programme explained under PQ102.",
                       {}});
      } else if (c.cpdSpikeBefore) {
        out.push_back({"PQ101",
                       "K5",
                       "Last quarter included a ten-day accredited training programme; CPD is back to its usual level.",
                       {}});
      }
    }
  }
  if (c.correction) {
    out.push_back({"PQ104",
                   "",
                   "Corrected return: the first one missed assessments, recognitions and CPD that were "
                   "recorded late in the HR system.",
                   {}});
  }
  return out;
}

// The notes about a fifth of councils send their board (format 1.1): a Summary
// and an Action for each KPI below its default target, due from three weeks
// before the period ends (overdue on the report) to four months after it. From
// a random stream of their own, so that the figures are those of 1.0 demo data.
std::optional<engine::BoardNotes> boardNotes(const engine::Measures& m, int months, engine::Date periodEnd,
                                             Random r) {
  if (!r.chance(200)) return std::nullopt;
  struct Plan {
    const char* kpi;
    std::int64_t target;  // K1..K4 per cent, K5 days (the default catalogue)
    const char* owner;
    const char* action;
  };
  static const std::array<Plan, 5> PLANS = {{
      {"K1", 90, "Head of ICT", "Map the remaining roles to SFIA profiles, starting with the service desk and infrastructure teams."},
      {"K2", 80, "ICT Workforce Development Team", "Complete role-profile assessments for every member of staff not assessed in the last twelve months."},
      {"K3", 90, "Team leaders, ICT", "Agree a development plan with each member of staff at their next one-to-one."},
      {"K4", 25, "Head of ICT", "Fund BCS membership for staff who ask for it and support two CITP applications this year."},
      {"K5", 5, "Learning and Development", "Book the accredited courses in the training plan and record CPD in the HR system monthly."},
  }};
  engine::BoardNotes notes;
  std::array<Fraction, 5> values = kpis(m, months);
  int below = 0;
  for (std::size_t i = 0; i < PLANS.size(); ++i) {
    const Fraction& v = values[i];
    if (v.den == 0 || v.num >= PLANS[i].target * v.den) continue;
    ++below;
    engine::BoardAction action;
    action.kpi = PLANS[i].kpi;
    action.owner = PLANS[i].owner;
    action.due = periodEnd + date::days{r.between(-21, 120)};
    action.text = PLANS[i].action;
    notes.actions.push_back(std::move(action));
  }
  notes.summary = below == 0 ? "Every KPI is at or above its target this period. The board is asked to note the "
                               "results and the thanks of the ICT service to the staff who completed assessments "
                               "and development plans."
                             : "The board is asked to note that " + std::to_string(below) +
                                   (below == 1 ? " KPI is" : " KPIs are") +
                                   " below target this period, and to support the actions below, each with an "
                                   "owner and a date by which it should be done.";
  if (r.chance(500)) notes.actions.push_back({"", "Chief Digital Officer", std::nullopt,
                                              "Report progress on these actions to the next board.", {}});
  return notes;
}

// Local times between 08:00 and 19:00: BST from the last Sunday of March to the
// last Sunday of October.
bool britishSummerTime(engine::Date day) {
  date::year year = date::year_month_day{day}.year();
  engine::Date begins{year / date::March / date::Sunday[date::last]};
  engine::Date ends{year / date::October / date::Sunday[date::last]};
  return day >= begins && day < ends;
}

std::string preparedAt(engine::Date day, std::int64_t hour, std::int64_t minute) {
  char time[24];
  std::snprintf(time, sizeof time, "T%02d:%02d:00%s", static_cast<int>(hour), static_cast<int>(minute),
                britishSummerTime(day) ? "+01:00" : "Z");
  return engine::formatDate(day) + time;
}

// A version-4-shaped UUID drawn from its own stream.
std::string submissionId(std::uint64_t seed, const std::string& code, const std::string& period, int revision) {
  Random r(streamKey(seed, "submission-id", code, period, static_cast<std::uint64_t>(revision)));
  std::uint64_t hi = (r.next() & ~0xf000ULL) | 0x4000ULL;
  std::uint64_t lo = (r.next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char text[40];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xffff), static_cast<unsigned long long>(hi & 0xffff),
                static_cast<unsigned long long>(lo >> 48), static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return text;
}

std::string number(const char* format, std::size_t n) {
  char text[24];
  std::snprintf(text, sizeof text, format, static_cast<unsigned long long>(n));
  return text;
}

std::vector<engine::Organisation> synthesise(const engine::Registry& registry, std::size_t count) {
  std::vector<std::string> types;
  for (const engine::Organisation& o : registry.all()) {
    if (std::find(types.begin(), types.end(), o.type) == types.end()) types.push_back(o.type);
  }
  if (types.empty()) types.push_back("unitary");
  std::vector<engine::Organisation> made;
  made.reserve(count);
  for (std::size_t k = 1; made.size() < count; ++k) {
    const std::string& type = types[made.size() % types.size()];
    const TypeInfo& info = typeInfo(type);
    std::string code = info.country + number("99%06llu", k);
    if (k > 999'999) throw std::invalid_argument("scale: no free synthetic organisation codes left");
    if (registry.find(code) != nullptr) continue;
    std::string serial = number("%04llu", k);
    engine::Organisation o;
    o.code = code;
    o.name = info.namePrefix + serial;
    if (info.welshPrefix != nullptr) o.welshName = info.welshPrefix + serial;
    o.type = type;
    o.contact = "kpi@demo-" + serial + ".example.org";
    // Like the shipped registry's Welsh principal areas: Welsh and English (issue 25).
    if (type == "welsh-unitary") o.reportLanguages = {"cy", "en"};
    made.push_back(std::move(o));
  }
  return made;
}

std::string documentName(const engine::Period& period, const std::string& code, int revision) {
  return period.code() + "/" + code + ".r" + std::to_string(revision) + ".xml";
}

}  // namespace

DemoData::DemoData(const engine::Registry& registry, DemoOptions options) : _options(std::move(options)) {
  std::optional<engine::Period> last = engine::Period::parse(_options.last);
  if (!last || !last->isQuarter() || !last->followsOn()) {
    throw std::invalid_argument("last period \"" + _options.last + "\" is not a quarter such as 2025-26-Q2");
  }
  if (_options.quarters < 1 || _options.quarters > MAX_DEMO_QUARTERS) {
    throw std::invalid_argument("quarters must be between 1 and " + std::to_string(MAX_DEMO_QUARTERS));
  }
  if (_options.scale > MAX_DEMO_SCALE) {
    throw std::invalid_argument("scale must be at most " + std::to_string(MAX_DEMO_SCALE));
  }
  if (_options.maxWorkforceMembers < 1) throw std::invalid_argument("maxWorkforceMembers must be at least 1");
  if (_options.notAfter && *_options.notAfter <= last->lastDay()) {
    throw std::invalid_argument("quarter " + last->code() + " ends " + engine::formatDate(last->lastDay()) +
                                ", too late for documents prepared by " + engine::formatDate(*_options.notAfter));
  }
  _periods.push_back(*last);
  while (static_cast<int>(_periods.size()) < _options.quarters) {
    if (_periods.back().firstYear() <= 1) throw std::invalid_argument("quarters reach back before year 1");
    _periods.push_back(_periods.back().previous());
  }
  std::reverse(_periods.begin(), _periods.end());

  const std::vector<engine::Organisation>& all = registry.all();
  std::size_t scale = _options.scale == 0 ? all.size() : _options.scale;
  _organisations.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(scale, all.size())));
  if (scale > all.size()) {
    _synthetic = true;
    std::vector<engine::Organisation> extra = synthesise(registry, scale - all.size());
    _organisations.insert(_organisations.end(), extra.begin(), extra.end());
    std::sort(_organisations.begin(), _organisations.end(),
              [](const engine::Organisation& a, const engine::Organisation& b) { return a.code < b.code; });
  }
}

std::string DemoData::registryXml() const { return demo::registryXml(_organisations); }

DemoSummary DemoData::generate(const std::function<void(const DemoDocument&)>& sink,
                               const std::function<void(std::size_t, std::size_t)>& progress) const {
  struct History {
    std::optional<engine::Measures> previous;  // the current submission for the previous quarter
    bool cpdSpike = false;
  };
  std::vector<Profile> profiles;
  profiles.reserve(_organisations.size());
  std::size_t outsourced = streamKey(_options.seed, "outsourced") % std::max<std::size_t>(1, _organisations.size());
  for (std::size_t i = 0; i < _organisations.size(); ++i) {
    profiles.push_back(makeProfile(_organisations[i], _options, i == outsourced));
  }
  std::vector<History> history(_organisations.size());

  DemoSummary summary;
  std::size_t total = _periods.size() * _organisations.size();
  std::size_t done = 0;
  for (std::size_t t = 0; t < _periods.size(); ++t) {
    const engine::Period& period = _periods[t];
    std::string periodCode = period.code();
    engine::Date end = period.lastDay();
    for (std::size_t i = 0; i < _organisations.size(); ++i) {
      const engine::Organisation& o = _organisations[i];
      const Profile& p = profiles[i];
      History& h = history[i];
      QuarterDraws d(Random(streamKey(_options.seed, "quarter", o.code, periodCode)), p);
      ++done;
      if (d.missing) {
        ++summary.missing;
        h = History{};
        if (progress) progress(done, total);
        continue;
      }
      std::int64_t preparedDays = d.preparedDays;
      std::int64_t correctionDays = preparedDays + d.correctionDays;
      if (_options.notAfter) {
        std::int64_t room = (*_options.notAfter - end).count();
        preparedDays = std::min(preparedDays, room);
        correctionDays = std::min(correctionDays, room);
      }
      bool resubmitted = d.resubmitted && correctionDays > preparedDays;
      Figures truth = modelFigures(p, d, static_cast<int>(t), _options, period.months());
      Context context;
      context.cpdSpike = d.cpdSpike;
      context.cpdSpikeBefore = h.cpdSpike;
      context.campaignStarts = static_cast<int>(t) == p.campaignQuarter;

      std::optional<engine::Measures> current;
      for (int revision = 1; revision <= (resubmitted ? 2 : 1); ++revision) {
        bool first = revision == 1;
        Figures figures = resubmitted && first ? firstReturn(truth, d, period.months()) : truth;
        engine::Date preparedOn = end + date::days{first ? preparedDays : correctionDays};

        DemoSubmission s;
        s.submissionId = submissionId(_options.seed, o.code, periodCode, revision);
        s.organisationCode = o.code;
        s.organisationName = d.welsh ? o.welshName : o.name;
        s.period = periodCode;
        s.preparedAt = first ? preparedAt(preparedOn, d.hour, d.minute)
                             : preparedAt(preparedOn, d.correctionHour, d.correctionMinute);
        if (p.preparer != nullptr) s.preparedBy = p.preparer;
        s.sourceName = p.source->name;
        s.sourceVersion = p.source->version;
        engine::Measures measures = figures.measures;
        if (p.workforce) {
          s.workforce = true;
          WorkforcePlan plan{measures.itHeadcount,   measures.rolesTotal,   measures.rolesMapped,
                             measures.staffAssessed, measures.staffWithPdp, measures.staffRecognised,
                             figures.cpdPerFteYear};
          // Dates after the period end must precede the first return's PreparedAt (PK006).
          engine::Date datesBefore = end + date::days{preparedDays};
          measures =
              buildWorkforce(plan, streamKey(_options.seed, "workforce", o.code),
                             streamKey(_options.seed, "workforce", o.code, periodCode), period, datesBefore, s);
        } else {
          s.aggregate = measures;
        }
        context.correction = !first;
        s.explanations = explanations(measures, h.previous, period.months(), context);
        s.boardNotes = boardNotes(measures, period.months(), end,
                                  Random(streamKey(_options.seed, "board-notes", o.code, periodCode)));

        ++summary.documents;
        ++(p.workforce ? summary.workforce : summary.aggregate);
        if (!first) ++summary.resubmissions;
        if (first && preparedDays > NORMAL_DAYS_MAX) ++summary.late;
        if (!s.explanations.empty()) ++summary.explained;
        if (measures.itHeadcount == 0) ++summary.zeroHeadcount;
        sink(DemoDocument{documentName(period, o.code, revision), submissionXml(s, _options.seed)});
        current = measures;
      }
      h.previous = current;
      h.cpdSpike = d.cpdSpike;
      if (progress) progress(done, total);
    }
  }
  return summary;
}

std::vector<DemoDocument> DemoData::generateAll() const {
  std::vector<DemoDocument> documents;
  generate([&documents](const DemoDocument& d) { documents.push_back(d); });
  return documents;
}

}  // namespace profkpi::adapters::demo
