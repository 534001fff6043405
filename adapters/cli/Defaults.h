// Every configuration key with its shipped default (INTERFACE.md), in one place.
#ifndef PROFKPI_ADAPTERS_CLI_DEFAULTS_H
#define PROFKPI_ADAPTERS_CLI_DEFAULTS_H

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

namespace profkpi::adapters::cli {

// A configuration layer holding the defaults, to sit beneath the user's file.
Poco::AutoPtr<Poco::Util::MapConfiguration> defaultConfiguration();

}  // namespace profkpi::adapters::cli

#endif
