#include "engine/intake/SubmissionBuilder.h"

namespace profkpi::engine {

SubmissionBuilder::SubmissionBuilder(const Registry& registry, const Catalogue& catalogue, Instant now)
    : _registry(registry), _catalogue(catalogue), _now(now) {}

void SubmissionBuilder::header(SubmissionHeader header) {
  rules::checkHeader(header, _registry, _now, _result.diagnostics);
  if (header.period) _window = rules::twelveMonthsTo(header.period->lastDay());
  _result.submission.header = std::move(header);
}

void SubmissionBuilder::aggregate(const rules::AggregateFigures& figures) {
  Submission& s = _result.submission;
  s.kind = SubmissionKind::Aggregate;
  rules::checkAggregate(figures, _result.diagnostics);

  bool complete = true;
  for (const auto& value : figures.hundredths) complete = complete && value.has_value();
  if (!complete) return;  // already refused by the schema: no measures to warn about
  Measures& m = s.measures;
  m.itHeadcount = *figures[Measure::ItHeadcount] / 100;
  m.itFte = Amount::fromHundredths(*figures[Measure::ItFte]);
  m.rolesTotal = *figures[Measure::RolesTotal] / 100;
  m.rolesMapped = *figures[Measure::RolesMapped] / 100;
  m.staffAssessed = *figures[Measure::StaffAssessed] / 100;
  m.staffWithPdp = *figures[Measure::StaffWithPdp] / 100;
  m.staffRecognised = *figures[Measure::StaffRecognised] / 100;
  m.cpdDays = Amount::fromHundredths(*figures[Measure::CpdDays]);
  if (s.header.period) {
    rules::checkMeasureWarnings(m, *s.header.period, figures.where(Measure::ItHeadcount),
                                _result.diagnostics);
  }
}

void SubmissionBuilder::workforceStarted() {
  _result.submission.kind = SubmissionKind::Workforce;
  _result.submission.measures = Measures{};
}

void SubmissionBuilder::role(std::optional<bool> mapped) {
  Measures& m = _result.submission.measures;
  ++m.rolesTotal;
  if (mapped.value_or(false)) ++m.rolesMapped;
}

void SubmissionBuilder::member(const MemberRecord& member) {
  const SubmissionHeader& h = _result.submission.header;
  Measures& m = _result.submission.measures;
  ++m.itHeadcount;
  if (member.fte) m.itFte += *member.fte;
  if (member.cpdDays) m.cpdDays += *member.cpdDays;
  if (member.recognised) ++m.staffRecognised;

  if (member.assessment) {
    rules::checkMemberDate("Assessment", *member.assessment, member.assessmentPosition, h.preparedAt,
                           _result.diagnostics);
    if (inWindow(*member.assessment)) ++m.staffAssessed;
  }
  if (member.pdp) {
    rules::checkMemberDate("Pdp agreed", *member.pdp, member.pdpPosition, h.preparedAt, _result.diagnostics);
    if (inWindow(*member.pdp)) ++m.staffWithPdp;
  }
}

bool SubmissionBuilder::inWindow(Date day) const {
  return _window && day > _window->first && day <= _window->second;
}

void SubmissionBuilder::workforceEnded(Position where) {
  const SubmissionHeader& h = _result.submission.header;
  if (h.period) {
    rules::checkMeasureWarnings(_result.submission.measures, *h.period, where, _result.diagnostics);
  }
}

void SubmissionBuilder::explanation(Explanation explanation) {
  _result.submission.explanations.push_back(std::move(explanation));
}

void SubmissionBuilder::boardNotes(BoardNotes notes) { _result.submission.boardNotes = std::move(notes); }

void SubmissionBuilder::report(Diagnostic diagnostic) {
  _result.diagnostics.push_back(std::move(diagnostic));
}

IntakeResult SubmissionBuilder::finish() {
  rules::checkKpiReferences(_result.submission, _catalogue, _result.diagnostics);
  rules::applyExplanations(_result.submission.explanations, _result.diagnostics);
  sortByPosition(_result.diagnostics);
  return std::move(_result);
}

}  // namespace profkpi::engine
