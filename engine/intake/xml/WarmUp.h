// Internal to engine/intake/xml: validates built-in documents that exercise every pattern
// facet of the shipped schemas, in the constructing thread, before any reader runs
// elsewhere. Xerces 3.2 builds each RangeToken's lookup table on first use without
// a lock; two threads doing it at once abort the process (Assertion '!fMap').
#ifndef PROFKPI_ENGINE_INTAKE_XML_WARMUP_H
#define PROFKPI_ENGINE_INTAKE_XML_WARMUP_H

#include "engine/intake/xml/Schemas.h"

namespace profkpi::engine::xml {

// Throws std::runtime_error if a warm-up document is not valid (a build fault).
void warmUp(const Schemas& schemas);

}  // namespace profkpi::engine::xml

#endif
