// Builds the KPI catalogue from its XML form (xsd/catalogue-1.xsd).
#ifndef PROFKPI_ENGINE_XML_CATALOGUELOADER_H
#define PROFKPI_ENGINE_XML_CATALOGUELOADER_H

#include "engine/Catalogue.h"
#include "engine/xml/Schemas.h"

#include <string>

namespace profkpi::engine::xml {

// The catalogue in `path`, or the shipped five-KPI one when `path` is empty.
// Throws DocumentError when the file cannot be read or is not a valid catalogue.
Catalogue loadCatalogue(const Schemas& schemas, const std::string& path = {});

}  // namespace profkpi::engine::xml

#endif
