#include "tests/support/Records.h"

#include <chrono>

namespace profkpi::tests {

engine::Measures hartlepoolMeasures() {
  engine::Measures m;
  m.itHeadcount = 41;
  m.itFte = engine::Amount::fromHundredths(3850);
  m.rolesTotal = 30;
  m.rolesMapped = 24;
  m.staffAssessed = 30;
  m.staffWithPdp = 35;
  m.staffRecognised = 11;
  m.cpdDays = engine::Amount::fromHundredths(4850);
  return m;
}

engine::SubmissionRecord aggregateRecord(const std::string& submissionId, const std::string& organisation,
                                         const std::string& period) {
  engine::SubmissionRecord r;
  r.submissionId = submissionId;
  r.organisation = organisation;
  r.organisationName = "Hartlepool";
  r.period = period;
  r.receivedAt = engine::Instant{std::chrono::milliseconds{1254733200123}};
  r.channel = "http";
  r.sha256 = std::string(64, 'a');
  r.kind = "aggregate";
  r.schemaVersion = "1.0";
  r.preparedAt = "2009-10-05T08:00:00Z";
  r.sourceSystem = "iTrent 10.2";
  r.measures = hartlepoolMeasures();
  return r;
}

engine::AuditEntry acceptedAudit(const std::string& submissionId) {
  engine::AuditEntry a;
  a.actor = "test";
  a.action = "accepted";
  a.submissionId = submissionId;
  a.organisation = "E06000001";
  a.origin = "127.0.0.1";
  return a;
}

}  // namespace profkpi::tests
