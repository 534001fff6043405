// One mail that carries the same message in several languages (issue 25: a
// Welsh council's board report in Welsh and English, Welsh first), made from
// the mails of each language as boardMail() writes them, so that whatever a
// language's mail says or attaches is kept whole. Pure.
#ifndef PROFKPI_ENGINE_REPORTING_MAILINLANGUAGES_H
#define PROFKPI_ENGINE_REPORTING_MAILINLANGUAGES_H

#include "engine/ports/Mailer.h"

#include <string>
#include <vector>

namespace profkpi::engine {

// The line between two languages' bodies.
inline constexpr const char* LANGUAGE_SEPARATOR = "----------------------------------------";

// `mails` in their order: the first's recipient, the subjects joined by " / ",
// the bodies one after another with LANGUAGE_SEPARATOR on a line of its own
// between them, and every attachment of each, in order. One mail is returned as
// it is. The Message-ID stays the first's: the caller sets one for the whole.
// REQUIRES: `mails` is not empty.
Mail mailInLanguages(std::vector<Mail> mails);

// The languages as one key for a Message-ID: "cy+en" for {"cy", "en"}, "en" for {"en"}.
std::string languagesKey(const std::vector<std::string>& languages);

}  // namespace profkpi::engine

#endif
