// Builds a Submission from a document read in one pass, applying the business
// rules as each part completes, so that a Workforce of any size is counted in
// constant memory. The document reader (engine/intake/xml) drives it; it knows nothing
// of XML. Not thread-safe: one builder per document.
#ifndef PROFKPI_ENGINE_INTAKE_SUBMISSIONBUILDER_H
#define PROFKPI_ENGINE_INTAKE_SUBMISSIONBUILDER_H

#include "engine/intake/BusinessRules.h"
#include "engine/model/Diagnostic.h"
#include "engine/model/Registry.h"
#include "engine/model/Submission.h"

#include <optional>

namespace profkpi::engine {

// One Member of a Workforce, with each value absent when it could not be read.
struct MemberRecord {
  std::optional<Amount> fte;
  std::optional<Date> assessment;
  std::optional<Date> pdp;
  bool recognised = false;
  std::optional<Amount> cpdDays;
  Position assessmentPosition;
  Position pdpPosition;
};

// What reading a document produced: the submission as far as it could be read
// and every finding. Refused when any finding is an error.
struct IntakeResult {
  Submission submission;
  Diagnostics diagnostics;

  bool accepted() const { return !hasErrors(diagnostics); }
};

class SubmissionBuilder {
 public:
  // `registry` and `catalogue` (PK008) must outlive the builder; `now` is the
  // instant PK005 compares with.
  SubmissionBuilder(const Registry& registry, const Catalogue& catalogue, Instant now);

  // REQUIRES: the calls follow the document: header, then aggregate or roles and
  // members, then explanations, then board notes.
  void header(SubmissionHeader header);
  void aggregate(const rules::AggregateFigures& figures);
  void workforceStarted();
  void role(std::optional<bool> mapped);
  void member(const MemberRecord& member);
  void workforceEnded(Position where);
  void explanation(Explanation explanation);
  void boardNotes(BoardNotes notes);

  // A finding from the reader itself (well-formedness, schema).
  void report(Diagnostic diagnostic);
  std::size_t findingCount() const { return _result.diagnostics.size(); }

  // Ends the document: checks kpi references (PK008), attaches explanations,
  // orders findings by position.
  IntakeResult finish();

 private:
  // In the 12 months to the period's end (SUBMISSION.md section 3)?
  bool inWindow(Date day) const;

  const Registry& _registry;
  const Catalogue& _catalogue;
  Instant _now;
  IntakeResult _result;
  std::optional<std::pair<Date, Date>> _window;  // (exclusive start, inclusive end), from the period
};

}  // namespace profkpi::engine

#endif
