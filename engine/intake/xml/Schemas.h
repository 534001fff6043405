// The schemas that ship inside profkpi (submission 1.0, registry, catalogue),
// compiled once into a locked grammar pool that every reader shares. Building one
// is expensive (tens of milliseconds); build one per process. After construction
// it is immutable and safe to share across threads: the constructor also
// validates warm-up documents that touch every pattern facet, because Xerces
// initialises its regular-expression tables lazily and without a lock.
#ifndef PROFKPI_ENGINE_INTAKE_XML_SCHEMAS_H
#define PROFKPI_ENGINE_INTAKE_XML_SCHEMAS_H

#include <memory>
#include <string_view>

namespace profkpi::engine::xml {

inline constexpr std::string_view SUBMISSION_NAMESPACE = "urn:profkpi:submission:1";
inline constexpr std::string_view REGISTRY_NAMESPACE = "urn:profkpi:registry:1";
inline constexpr std::string_view CATALOGUE_NAMESPACE = "urn:profkpi:catalogue:1";
inline constexpr std::string_view SUPPORTED_SCHEMA_VERSION = "1.0";

class Schemas {
 public:
  // Throws std::runtime_error if a shipped schema does not compile (a build fault).
  Schemas();
  ~Schemas();
  Schemas(const Schemas&) = delete;
  Schemas& operator=(const Schemas&) = delete;

  // For readers inside engine/intake/xml (see GrammarPool.h).
  struct Pool;
  Pool& pool() const { return *_pool; }

  // The published XSD texts, as embedded at build time.
  static std::string_view submissionXsd();
  static std::string_view registryXsd();
  static std::string_view catalogueXsd();
  // The shipped default registry and catalogue documents.
  static std::string_view defaultRegistry();
  static std::string_view defaultCatalogue();

 private:
  std::unique_ptr<Pool> _pool;
};

}  // namespace profkpi::engine::xml

#endif
