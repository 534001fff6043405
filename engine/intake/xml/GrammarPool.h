// Internal to engine/intake/xml: what Schemas::Pool holds.
#ifndef PROFKPI_ENGINE_INTAKE_XML_GRAMMARPOOL_H
#define PROFKPI_ENGINE_INTAKE_XML_GRAMMARPOOL_H

#include "engine/intake/xml/Schemas.h"

#include <xercesc/framework/XMLGrammarPoolImpl.hpp>

namespace profkpi::engine::xml {

struct Schemas::Pool {
  xercesc::XMLGrammarPoolImpl grammars{xercesc::XMLPlatformUtils::fgMemoryManager};
};

}  // namespace profkpi::engine::xml

#endif
