#include "engine/intake/IntakeService.h"

#include "engine/intake/BusinessRules.h"

#include <algorithm>
#include <cctype>

namespace profkpi::engine {

namespace {

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

Diagnostic warning(const char* code, std::string message, std::string kpi = {}) {
  return makeDiagnostic(Severity::Warning, code, std::move(message), 0, 0, std::move(kpi));
}

// |a - b| as a ratio, with its sign.
std::pair<Ratio, bool> difference(const Ratio& a, const Ratio& b) {
  return a >= b ? std::pair(a - b, true) : std::pair(b - a, false);
}

// A change of a percentage is in percentage points (SUBMISSION.md PQ101), not per cent.
std::string movedUnit(const KpiDefinition& kpi) {
  return kpi.scaling == Scaling::Percent ? "percentage points" : kpi.unit;
}

}  // namespace

const char* outcomeName(IntakeOutcome outcome) {
  switch (outcome) {
    case IntakeOutcome::Accepted: return "accepted";
    case IntakeOutcome::Duplicate: return "duplicate";
    case IntakeOutcome::Conflict: return "conflict";
    case IntakeOutcome::Forbidden: return "forbidden";
    case IntakeOutcome::Refused: break;
  }
  return "refused";
}

IntakeService::IntakeService(Store& store, const KpiCalculator& calculator, const Clock& clock)
    : _store(store), _calculator(calculator), _clock(clock) {}

Receipt IntakeService::accept(const Delivery& delivery, IntakeResult read) {
  const Submission& s = read.submission;
  AuditEntry audit;
  audit.at = _clock.now();
  audit.actor = delivery.actor;
  audit.submissionId = lowerCase(s.header.submissionId);
  audit.organisation = s.header.organisationCode;
  audit.origin = delivery.origin;

  if (!read.accepted()) {
    Receipt refused;
    refused.diagnostics = std::move(read.diagnostics);
    refused.wellFormed = std::none_of(refused.diagnostics.begin(), refused.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.isError() && d.code == CODE_XML; });
    audit.action = "refused";
    for (const Diagnostic& d : refused.diagnostics) {
      if (d.isError() && audit.detail.find(d.code) == std::string::npos) {
        audit.detail += (audit.detail.empty() ? "" : " ") + d.code;
      }
    }
    _store.appendAudit(audit);
    return refused;
  }

  // PK007 after the document's own checks (the order docs/openapi.yaml gives):
  // a body that is not well-formed, or not valid, names no organisation to trust.
  const std::string& claimed = s.header.organisationCode;
  if (!delivery.organisation.empty() && !claimed.empty() && claimed != delivery.organisation) {
    Receipt forbidden;
    forbidden.outcome = IntakeOutcome::Forbidden;
    Diagnostic d = makeDiagnostic(Severity::Error, "PK007",
                                  "credentials for " + delivery.organisation + " may not submit for " + claimed,
                                  s.header.organisationPosition.line, s.header.organisationPosition.column);
    forbidden.diagnostics.push_back(d);
    audit.action = "forbidden";
    audit.detail = "PK007 " + d.message;
    _store.appendAudit(audit);
    return forbidden;
  }

  Scorecard card = _calculator.compute(s.measures, *s.header.period);
  Diagnostics warnings = std::move(read.diagnostics);
  addHistoryWarnings(s, card, warnings);
  rules::applyExplanations(s.explanations, warnings);

  SubmissionRecord record;
  record.submissionId = audit.submissionId;
  record.organisation = s.header.organisationCode;
  record.organisationName = s.header.organisationName;
  record.period = s.header.period->code();
  record.receivedAt = audit.at;
  record.channel = delivery.channel;
  record.sha256 = delivery.sha256;
  record.kind = kindName(s.kind);
  record.schemaVersion = s.header.schemaVersion;
  record.preparedAt = s.header.preparedAt ? formatInstant(s.header.preparedAt->instant) : "";
  record.sourceSystem = s.header.sourceSystemName;
  if (!s.header.sourceSystemVersion.empty()) record.sourceSystem += " " + s.header.sourceSystemVersion;
  record.measures = s.measures;
  record.warnings = std::move(warnings);
  record.boardNotes = s.boardNotes;
  if (record.boardNotes) {
    for (BoardAction& action : record.boardNotes->actions) action.position = {};  // of this document only
  }
  audit.action = "accepted";
  audit.detail = "sha256 " + delivery.sha256;

  Store::AcceptResult stored = _store.accept(record, delivery.bytes, audit);
  if (stored.outcome == Store::Outcome::Conflict) {
    audit.action = "conflict";
    audit.detail = "already stored with sha256 " + stored.record.sha256 + "; this content has " + delivery.sha256;
    _store.appendAudit(audit);
    Receipt conflict;
    conflict.outcome = IntakeOutcome::Conflict;
    conflict.record = stored.record;
    conflict.diagnostics.push_back(makeDiagnostic(
        Severity::Error, "CONFLICT",
        "SubmissionId " + record.submissionId +
            " was already accepted with different content; send new content under a new SubmissionId"));
    return conflict;
  }
  Receipt receipt = receiptFor(stored.record);
  if (stored.outcome == Store::Outcome::Duplicate) {
    receipt.outcome = IntakeOutcome::Duplicate;
    audit.action = "duplicate";
    audit.detail = "identical resend";
    _store.appendAudit(audit);
  }
  return receipt;
}

Receipt receiptFor(const SubmissionRecord& record, const KpiCalculator& calculator) {
  Receipt receipt;
  receipt.outcome = IntakeOutcome::Accepted;
  receipt.record = record;
  if (auto period = Period::parse(record.period)) receipt.scorecard = calculator.compute(record.measures, *period);
  receipt.diagnostics = record.warnings;
  return receipt;
}

void IntakeService::addHistoryWarnings(const Submission& s, const Scorecard& card, Diagnostics& warnings) {
  const Period& period = *s.header.period;
  Store::TwoPeriodFigures figures =
      _store.currentFiguresOfBoth(s.header.organisationCode, period.previous().code(), period.code());
  if (const auto& previous = figures.first) {
    Scorecard before = _calculator.compute(previous->measures, period.previous());
    for (const KpiValue& now : card.kpis) {
      const KpiValue* then = before.find(now.kpi->id);
      if (!now.value || then == nullptr || !then->value) continue;
      auto [change, up] = difference(*now.value, *then->value);
      if (change > now.kpi->jumpThreshold) {
        warnings.push_back(warning("PQ101",
                                   now.kpi->id + " moved by " + (up ? "+" : "-") + change.toOneDecimal() + " " +
                                       movedUnit(*now.kpi) + " since " + period.previous().code() + " (from " +
                                       then->shown() + " to " + now.shown() + "; more than " +
                                       now.kpi->jumpThreshold.toOneDecimal() + ")",
                                   now.kpi->id));
      }
    }
  }
  if (const auto& existing = figures.second) {
    if (existing->submissionId != lowerCase(s.header.submissionId)) {
      warnings.push_back(warning("PQ104", "replaces submission " + existing->submissionId + " (revision " +
                                              std::to_string(existing->revision) + ") for " + period.code()));
    }
  }
}

}  // namespace profkpi::engine
