#include "engine/intake/BusinessRules.h"

#include "engine/kpi/Ratio.h"

#include <cstdio>

namespace profkpi::engine::rules {

namespace {

void add(Diagnostics& out, Severity severity, const char* code, std::string message, Position where,
         std::string kpi = {}) {
  out.push_back(makeDiagnostic(severity, code, std::move(message), where.line, where.column, std::move(kpi)));
}

std::string amountText(std::int64_t hundredths) { return Amount::fromHundredths(hundredths).toString(); }

}  // namespace

void checkKpiReferences(const Submission& submission, const Catalogue& catalogue, Diagnostics& out) {
  if (submission.header.schemaVersion != "1.1") return;  // 1.0 is judged as it always was
  std::string known;
  for (const KpiDefinition& kpi : catalogue.kpis()) known += (known.empty() ? "" : ", ") + kpi.id;
  auto check = [&](const char* element, const std::string& kpi, Position where) {
    // A kpi outside the pattern K[1-9] is already a schema error.
    bool patterned = kpi.size() == 2 && kpi[0] == 'K' && kpi[1] >= '1' && kpi[1] <= '9';
    if (!patterned || catalogue.find(kpi) != nullptr) return;
    add(out, Severity::Error, "PK008",
        std::string(element) + " kpi \"" + kpi + "\" is not a KPI of the catalogue in force (" + known + ")", where);
  };
  for (const Explanation& e : submission.explanations) check("Explanation", e.kpi, e.position);
  if (submission.boardNotes) {
    for (const BoardAction& a : submission.boardNotes->actions) check("Action", a.kpi, a.position);
  }
}

void checkHeader(const SubmissionHeader& header, const Registry& registry, Instant now,
                 Diagnostics& out) {
  if (header.period && !header.period->followsOn()) {
    char expected[8];
    std::snprintf(expected, sizeof expected, "%02d", (header.period->firstYear() + 1) % 100);
    add(out, Severity::Error, "PK001",
        "period \"" + header.periodText + "\": the second year must follow the first (" +
            std::to_string(header.period->firstYear()) + "-" + expected + ")",
        header.periodPosition);
  }
  if (!header.organisationCode.empty() && registry.find(header.organisationCode) == nullptr) {
    add(out, Severity::Error, "PK002",
        "organisation code " + header.organisationCode + " is not in the organisation registry",
        header.organisationPosition);
  }
  if (header.preparedAt) {
    Instant prepared = header.preparedAt->instant;
    if (prepared > now + PREPARED_AT_TOLERANCE) {
      add(out, Severity::Error, "PK005",
          "PreparedAt " + formatInstant(prepared) + " is more than 5 minutes in the future (now " +
              formatInstant(now) + ")",
          header.preparedAtPosition);
    }
    if (header.period && header.period->startsAfter(prepared)) {
      add(out, Severity::Error, "PK005",
          "PreparedAt " + formatInstant(prepared) + " is before the period " + header.period->code() +
              " starts (" + formatDate(header.period->firstDay()) + ", UK time)",
          header.preparedAtPosition);
    }
  }
}

void checkAggregate(const AggregateFigures& f, Diagnostics& out) {
  auto notAbove = [&](Measure part, Measure whole) {
    if (f[part] && f[whole] && *f[part] > *f[whole]) {
      add(out, Severity::Error, "PK003",
          std::string(measureName(part)) + " (" + amountText(*f[part]) + ") must not exceed " +
              std::string(measureName(whole)) + " (" + amountText(*f[whole]) + ")",
          f.where(part));
    }
  };
  notAbove(Measure::RolesMapped, Measure::RolesTotal);
  notAbove(Measure::StaffAssessed, Measure::ItHeadcount);
  notAbove(Measure::StaffWithPdp, Measure::ItHeadcount);
  notAbove(Measure::StaffRecognised, Measure::ItHeadcount);

  const auto& fte = f[Measure::ItFte];
  const auto& headcount = f[Measure::ItHeadcount];
  if (fte && headcount) {
    if (*fte > *headcount) {
      add(out, Severity::Error, "PK004",
          "ItFte (" + amountText(*fte) + ") must not exceed ItHeadcount (" + amountText(*headcount) + ")",
          f.where(Measure::ItFte));
    } else if (*headcount > 0 && *fte <= 0) {
      add(out, Severity::Error, "PK004",
          "ItFte must be greater than 0 when ItHeadcount is " + amountText(*headcount),
          f.where(Measure::ItFte));
    }
  }
}

void checkMemberDate(const char* element, Date date, Position where,
                     const std::optional<ZonedTime>& preparedAt, Diagnostics& out) {
  if (preparedAt && date > preparedAt->localDate()) {
    add(out, Severity::Error, "PK006",
        std::string(element) + " date " + formatDate(date) + " is later than PreparedAt (" +
            formatDate(preparedAt->localDate()) + ")",
        where);
  }
}

void checkMeasureWarnings(const Measures& m, const Period& period, Position where, Diagnostics& out) {
  if (m.itHeadcount == 0) {
    add(out, Severity::Warning, "PQ103", "ItHeadcount is 0: the staff KPIs have no value", where);
  }
  // K5 = CpdDays / ItFte x 12 / months; compared exactly: cpd x 12 > 30 x fte x months.
  std::int64_t fte = m.itFte.hundredths();
  if (fte > 0 && m.cpdDays.hundredths() * 12 > CPD_DAYS_PER_FTE_WARNING * fte * period.months()) {
    Ratio k5(static_cast<__int128>(m.cpdDays.hundredths()) * 12, static_cast<__int128>(fte) * period.months());
    add(out, Severity::Warning, "PQ102",
        "K5 is " + k5.toOneDecimal() + " CPD days per FTE, above " +
            std::to_string(CPD_DAYS_PER_FTE_WARNING),
        where, "K5");
  }
}

void applyExplanations(const std::vector<Explanation>& explanations, Diagnostics& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (d.isError()) continue;
    for (const Explanation& e : explanations) {
      if (e.code == d.code && (d.kpi.empty() || e.kpi == d.kpi)) {
        d.explained = true;
        d.explanation = e.text;
        break;
      }
    }
  }
}

std::pair<Date, Date> twelveMonthsTo(Date periodEnd) {
  date::year_month_day end{periodEnd};
  date::year_month_day start = end - date::years{1};
  Date windowOpen = start.ok() ? Date{start} : Date{start.year() / start.month() / date::last};
  return {windowOpen, periodEnd};
}

bool withinTwelveMonthsTo(Date date, Date periodEnd) {
  auto [open, end] = twelveMonthsTo(periodEnd);
  return date > open && date <= end;
}

}  // namespace profkpi::engine::rules
