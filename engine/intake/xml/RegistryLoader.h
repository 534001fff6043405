// Builds the organisation registry from its XML form (xsd/registry-1.xsd).
#ifndef PROFKPI_ENGINE_INTAKE_XML_REGISTRYLOADER_H
#define PROFKPI_ENGINE_INTAKE_XML_REGISTRYLOADER_H

#include "engine/intake/xml/Schemas.h"
#include "engine/model/Registry.h"

#include <string>

namespace profkpi::engine::xml {

// The registry in `path`, or the shipped one when `path` is empty.
// Throws DocumentError when the file cannot be read or is not a valid registry.
Registry loadRegistry(const Schemas& schemas, const std::string& path = {});

}  // namespace profkpi::engine::xml

#endif
