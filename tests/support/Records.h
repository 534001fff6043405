// Submission records and figures for tests that need a plausible one without
// parsing a document: one builder, so every suite starts from the same values
// and says only what its case changes.
#ifndef PROFKPI_TESTS_SUPPORT_RECORDS_H
#define PROFKPI_TESTS_SUPPORT_RECORDS_H

#include "engine/model/Measures.h"
#include "engine/model/SubmissionRecord.h"

#include <string>

namespace profkpi::tests {

// SUBMISSION.md's worked example (Hartlepool): every KPI computable.
// Headcount 41, FTE 38.50, roles 24 of 30, 30 assessed, 35 with a PDP,
// 11 recognised, 48.50 CPD days.
engine::Measures hartlepoolMeasures();

// An aggregate v1.0 submission received over HTTP at 2009-10-05T09:00:00.123Z,
// prepared at 08:00Z by "iTrent 10.2", with hartlepoolMeasures(), sha256
// "aaa...a" and no warnings. organisationName is "Hartlepool" whatever the code.
engine::SubmissionRecord aggregateRecord(const std::string& submissionId, const std::string& organisation = "E06000001",
                                         const std::string& period = "2009-10-Q2");

// The audit entry of an accepted submission: actor "test", organisation
// E06000001, origin 127.0.0.1, no time and no detail.
engine::AuditEntry acceptedAudit(const std::string& submissionId);

}  // namespace profkpi::tests

#endif
