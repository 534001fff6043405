// Reads a submission document in one streaming pass: well-formedness, the shipped
// XSD of the version it declares (1.0 or 1.1), the Role/Member identity constraints (in an engine/intake/IdSet rather than Xerces'
// own store, which keeps every key value), and the business rules that need no
// stored data. Memory stays flat whatever the document's size.
//
// Not thread-safe: use one reader per thread. A reader is cheap to reuse and
// should be, since creating one costs more than validating a small document.
#ifndef PROFKPI_ENGINE_INTAKE_XML_SUBMISSIONREADER_H
#define PROFKPI_ENGINE_INTAKE_XML_SUBMISSIONREADER_H

#include "engine/intake/SubmissionBuilder.h"
#include "engine/intake/xml/Schemas.h"
#include "engine/kpi/Catalogue.h"
#include "engine/model/Registry.h"
#include "engine/ports/Clock.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace profkpi::engine::xml {

// Caps that stop hostile documents early. Every field: its meaning and default.
struct ReaderLimits {
  // Deepest element nesting accepted; a submission needs 5. Default 32.
  std::size_t maxDepth = 32;
  // Most attributes on one element; a submission needs 4. Default 32.
  std::size_t maxAttributes = 32;
  // Findings after which reading stops (a report says so). Default 1000.
  std::size_t maxDiagnostics = 1000;
  // Check identity constraints with Xerces' own store instead of ours (to prove
  // the two agree, in tests). Default false.
  bool xercesIdentityConstraints = false;
};

class SubmissionReader {
 public:
  // `schemas`, `registry`, `catalogue` (whose KPIs PK008 knows) and `clock` must
  // outlive the reader.
  SubmissionReader(const Schemas& schemas, const Registry& registry, const Catalogue& catalogue,
                   const Clock& clock, ReaderLimits limits = {});
  ~SubmissionReader();
  SubmissionReader(const SubmissionReader&) = delete;
  SubmissionReader& operator=(const SubmissionReader&) = delete;

  // Reads a document held in memory. `name` is used in messages only.
  IntakeResult read(const char* data, std::size_t size, const std::string& name = "submission");
  // Reads a file, streaming it from disk. An unreadable file is an XML finding
  // at line 0; callers that must tell I/O failures apart should check first.
  IntakeResult readFile(const std::string& path);

 private:
  class Handler;
  // `document` holds the bytes of a document read from memory, `path` names a
  // file read from disk (for the rare findings that look at the bytes again).
  IntakeResult run(const void* source, std::string_view document, const std::string* path);
  // One parse against `version`'s schema.
  IntakeResult runAs(SubmissionVersion version, const void* source, std::string_view document,
                     const std::string* path);

  const Registry& _registry;
  const Catalogue& _catalogue;
  const Clock& _clock;
  ReaderLimits _limits;
  std::unique_ptr<Handler> _handler;
  struct Parser;
  std::unique_ptr<Parser> _parser;
};

}  // namespace profkpi::engine::xml

#endif
