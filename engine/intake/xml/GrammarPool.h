// Internal to engine/intake/xml: what Schemas::Pool holds.
#ifndef PROFKPI_ENGINE_INTAKE_XML_GRAMMARPOOL_H
#define PROFKPI_ENGINE_INTAKE_XML_GRAMMARPOOL_H

#include "engine/intake/xml/Schemas.h"

#include <xercesc/framework/XMLGrammarPoolImpl.hpp>

namespace profkpi::engine::xml {

// Xerces keys a pool's grammars by target namespace, and both submission versions
// share one: version 1.1 has a pool of its own.
struct Schemas::Pool {
  // Submission 1.0, the registry and the catalogue.
  xercesc::XMLGrammarPoolImpl grammars{xercesc::XMLPlatformUtils::fgMemoryManager};
  // Submission 1.1.
  xercesc::XMLGrammarPoolImpl grammars11{xercesc::XMLPlatformUtils::fgMemoryManager};

  xercesc::XMLGrammarPool& submission(SubmissionVersion version) {
    return version == SubmissionVersion::V1_1 ? grammars11 : grammars;
  }
};

}  // namespace profkpi::engine::xml

#endif
