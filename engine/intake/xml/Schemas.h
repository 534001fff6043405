// The schemas that ship inside profkpi (submission 1.0 and 1.1, registry, catalogue),
// compiled once into locked grammar pools that every reader shares. Building one
// is expensive (tens of milliseconds); build one per process. After construction
// it is immutable and safe to share across threads: the constructor also
// validates warm-up documents that touch every pattern facet, because Xerces
// initialises its regular-expression tables lazily and without a lock.
#ifndef PROFKPI_ENGINE_INTAKE_XML_SCHEMAS_H
#define PROFKPI_ENGINE_INTAKE_XML_SCHEMAS_H

#include <array>
#include <memory>
#include <optional>
#include <string_view>

namespace profkpi::engine::xml {

inline constexpr std::string_view SUBMISSION_NAMESPACE = "urn:profkpi:submission:1";
inline constexpr std::string_view REGISTRY_NAMESPACE = "urn:profkpi:registry:1";
inline constexpr std::string_view CATALOGUE_NAMESPACE = "urn:profkpi:catalogue:1";

// The submission versions profkpi reads (SUBMISSION.md sections 1 and 7); each
// document is validated against the schema of the version it declares.
enum class SubmissionVersion { V1_0, V1_1 };
inline constexpr std::array<std::string_view, 2> SUPPORTED_SCHEMA_VERSIONS = {"1.0", "1.1"};
// "1.0, 1.1", as refusals name them.
inline constexpr std::string_view SUPPORTED_SCHEMA_VERSIONS_TEXT = "1.0, 1.1";
// The version a schemaVersion value names, or nothing when profkpi does not read it.
std::optional<SubmissionVersion> submissionVersion(std::string_view text);

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
  static std::string_view submissionXsd();  // 1.0
  static std::string_view submission11Xsd();
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
