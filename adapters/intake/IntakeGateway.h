// Where every channel (command line, HTTP, inbox) hands in a document: read it
// with a SubmissionReader, digest it, and pass it to the engine's IntakeService.
// Thread-safe: readers are not, so each call borrows one from a pool.
#ifndef PROFKPI_ADAPTERS_INTAKE_INTAKEGATEWAY_H
#define PROFKPI_ADAPTERS_INTAKE_INTAKEGATEWAY_H

#include "engine/intake/IntakeService.h"
#include "engine/intake/xml/SubmissionReader.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::adapters::intake {

class IntakeGateway {
 public:
  // All references must outlive the gateway.
  IntakeGateway(const engine::xml::Schemas& schemas, const engine::Registry& registry,
                const engine::Catalogue& catalogue, const engine::Clock& clock,
                engine::xml::ReaderLimits limits, engine::IntakeService& service);
  ~IntakeGateway();

  // `organisation`: the credentials' organisation for PK007, or empty when any
  // may be submitted for. Throws engine::StoreError when the store fails.
  engine::Receipt submit(std::string_view bytes, const std::string& channel, const std::string& actor,
                         const std::string& origin, const std::string& organisation = {});

  // Reads without storing (what `validate` does), with a pooled reader.
  engine::IntakeResult validate(std::string_view bytes, const std::string& name);

 private:
  std::unique_ptr<engine::xml::SubmissionReader> borrow();
  void giveBack(std::unique_ptr<engine::xml::SubmissionReader> reader);

  const engine::xml::Schemas& _schemas;
  const engine::Registry& _registry;
  const engine::Catalogue& _catalogue;
  const engine::Clock& _clock;
  engine::xml::ReaderLimits _limits;
  engine::IntakeService& _service;
  std::mutex _mutex;
  std::vector<std::unique_ptr<engine::xml::SubmissionReader>> _idle;
};

}  // namespace profkpi::adapters::intake

#endif
