// Builds the KPI catalogue from its XML form (xsd/catalogue-1.xsd).
#ifndef PROFKPI_ENGINE_INTAKE_XML_CATALOGUELOADER_H
#define PROFKPI_ENGINE_INTAKE_XML_CATALOGUELOADER_H

#include "engine/intake/xml/Schemas.h"
#include "engine/kpi/Catalogue.h"

#include <string>

namespace profkpi::engine::xml {

// The catalogue in `path`, or the shipped five-KPI one when `path` is empty.
// Throws DocumentError when the file cannot be read or is not a valid catalogue.
Catalogue loadCatalogue(const Schemas& schemas, const std::string& path = {});

}  // namespace profkpi::engine::xml

#endif
