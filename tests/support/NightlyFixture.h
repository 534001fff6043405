// A nightly run wired to fakes: an in-memory store, ledger, delivery log and
// archive, a text renderer, a recording mailer and a clock the test sets. Three
// organisations, two with a contact address.
#ifndef PROFKPI_TESTS_SUPPORT_NIGHTLYFIXTURE_H
#define PROFKPI_TESTS_SUPPORT_NIGHTLYFIXTURE_H

#include "engine/nightly/NightlyRun.h"
#include "tests/fakes/FakeRenderer.h"
#include "tests/fakes/InMemoryStore.h"
#include "tests/fakes/MemoryArchive.h"
#include "tests/fakes/MemoryRunLedger.h"
#include "tests/fakes/RecordingMailer.h"
#include "tests/support/ManualClock.h"

#include <cstdio>

namespace profkpi::tests {

inline engine::KpiDefinition percentKpi(const std::string& id, const std::string& title, engine::Measure numerator,
                                        engine::Measure denominator, int target) {
  engine::KpiDefinition k;
  k.id = id;
  k.title = title;
  k.unit = "%";
  k.numerator = numerator;
  k.denominator = denominator;
  k.target = engine::Ratio(target, 1);
  return k;
}

inline const char* const HARTLEPOOL = "E06000001";
inline const char* const MIDDLESBROUGH = "E06000002";
inline const char* const ANGLESEY = "W06000001";  // no contact address

struct NightlyFixture {
  ManualClock clock{"2026-03-28T12:00:00Z"};
  engine::Catalogue catalogue{
      "1.0",
      {percentKpi("K1", "Roles mapped to the skills framework", engine::Measure::RolesMapped,
                  engine::Measure::RolesTotal, 90),
       percentKpi("K4", "Staff with professional recognition", engine::Measure::StaffRecognised,
                  engine::Measure::ItHeadcount, 25)}};
  engine::KpiCalculator calculator{catalogue};
  engine::Registry registry{{{HARTLEPOOL, "Hartlepool Borough Council", "", "unitary", "kpi@hartlepool.example.org"},
                             {MIDDLESBROUGH, "Middlesbrough Council", "", "unitary", "kpi@middlesbrough.example.org"},
                             {ANGLESEY, "Isle of Anglesey County Council", "Cyngor Sir Ynys Môn", "unitary", ""}}};
  InMemoryStore store;
  engine::ResultsService results{store, calculator, registry};
  MemoryRunLedger ledger{clock};
  MemoryDeliveryLog deliveries;
  FakeRenderer renderer;
  MemoryArchive archive;
  RecordingMailer mailer;
  engine::NightlyOptions options = [] {
    engine::NightlyOptions o;
    o.publicUrl = "https://kpi.example.org/";
    o.maxMailRuns = 3;
    return o;
  }();
  engine::NightlyRun nightly{store, results, ledger, deliveries, renderer, archive, &mailer, clock, options};
  int submissions = 0;

  // Stores figures for an organisation and period: `mapped` of 10 roles (K1 = mapped x 10%).
  void submit(const std::string& org, const std::string& period, int mapped) {
    engine::SubmissionRecord r;
    char id[40];
    std::snprintf(id, sizeof id, "aaaaaaaa-0000-4000-8000-%012d", ++submissions);
    r.submissionId = id;
    r.organisation = org;
    r.period = period;
    r.receivedAt = clock.now();
    r.sha256 = std::string(64, 'a');
    r.measures.rolesTotal = 10;
    r.measures.rolesMapped = mapped;
    r.measures.itHeadcount = 20;
    r.measures.staffRecognised = 4;
    store.accept(r, "<Submission/>", engine::AuditEntry{});
  }

  engine::RunSummary runNow(const std::string& holder = "test:1") {
    engine::RunRequest request;
    request.holder = holder;
    return nightly.run(request);
  }
};

}  // namespace profkpi::tests

#endif
