// The demo generator's documents as text: a submission (Aggregate or Workforce,
// SUBMISSION.md section 2; version 1.1 with BoardNotes, section 7) and an organisation registry (xsd/registry-1.xsd).
// Pure string building: values are escaped, never checked; DemoData supplies
// valid ones.
#ifndef PROFKPI_ADAPTERS_DEMO_DEMOXML_H
#define PROFKPI_ADAPTERS_DEMO_DEMOXML_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Time.h"
#include "engine/model/Amount.h"
#include "engine/model/Measures.h"
#include "engine/model/Registry.h"
#include "engine/model/Submission.h"

namespace profkpi::adapters::demo {

struct RecognitionKind {
  const char* body;
  const char* kind;   // membership | registration | qualification
  const char* grade;  // nullptr for none
};

struct DemoRole {
  std::string id;
  bool mapped = false;
  const char* sfiaCode = nullptr;  // with sfiaLevel; nullptr for none
  int sfiaLevel = 0;
  std::string title;
};

struct DemoMember {
  std::string id;
  std::size_t role = 0;  // index into DemoSubmission::roles
  engine::Amount fte;
  std::optional<engine::Date> assessment;
  std::optional<engine::Date> pdp;
  std::vector<const RecognitionKind*> recognitions;
  std::optional<engine::Amount> cpd;
};

struct DemoSubmission {
  std::string submissionId;
  std::string organisationCode;
  std::string organisationName;
  std::string period;
  std::string preparedAt;
  std::string preparedBy;     // empty: left out
  std::string sourceName;     // empty: no SourceSystem
  std::string sourceVersion;  // empty: no version attribute
  bool workforce = false;
  engine::Measures aggregate;       // when !workforce
  std::vector<DemoRole> roles;      // when workforce
  std::vector<DemoMember> members;  // when workforce
  std::vector<engine::Explanation> explanations;
  std::optional<engine::BoardNotes> boardNotes;  // present: written as a 1.1 document
};

std::string submissionXml(const DemoSubmission& submission, std::uint64_t seed);
std::string registryXml(const std::vector<engine::Organisation>& organisations);

}  // namespace profkpi::adapters::demo

#endif
