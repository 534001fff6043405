// The text of `profkpi --help` and `profkpi COMMAND --help`, laid out the way
// help2man reads it (scripts/man-page makes docs/profkpi.1 from it): a usage
// line, paragraphs wrapped at 80 columns, and indented lists of commands and
// options with their descriptions in a second column.
#ifndef PROFKPI_ADAPTERS_CLI_COMMANDHELP_H
#define PROFKPI_ADAPTERS_CLI_COMMANDHELP_H

#include "adapters/cli/Command.h"

#include <Poco/Util/OptionSet.h>

#include <memory>
#include <ostream>
#include <vector>

namespace profkpi::adapters::cli {

// The overview: usage, what profkpi does, every command with its arguments and
// the first sentence of its description.
void printOverview(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands);

// One command: usage, description, and every option in `options` (the
// command's own and the common ones).
void printCommandHelp(std::ostream& out, const Command& command, const Poco::Util::OptionSet& options);

}  // namespace profkpi::adapters::cli

#endif
