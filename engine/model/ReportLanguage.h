// The languages reports are written in (issue 25): English ("en") and Welsh
// ("cy"), as BCP 47 primary tags. What the registry's reportLanguages, the HTTP
// routes' ?lang and the nightly run's file names agree on. Pure.
#ifndef PROFKPI_ENGINE_MODEL_REPORTLANGUAGE_H
#define PROFKPI_ENGINE_MODEL_REPORTLANGUAGE_H

#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

// The default language, and the one a report is in when nothing else is asked.
inline constexpr const char* DEFAULT_LANGUAGE = "en";

// "en" and "cy", in that order.
const std::vector<std::string>& supportedLanguages();
bool isSupportedLanguage(std::string_view tag);

// A list of languages as the registry's reportLanguages attribute writes it
// ("cy en": Welsh first), split on spaces. Returns an empty list and sets
// `error` (a sentence naming the bad value) when a tag is unsupported, repeated,
// or the list is empty.
std::vector<std::string> parseLanguageList(std::string_view text, std::string& error);

// A document's file name in a language: `stem` + "." + `extension` in English
// ("W06000001.pdf"), `stem` + ".cy." + `extension` in another language
// ("W06000001.cy.pdf"), so the English names stay what they always were.
std::string fileNameIn(const std::string& language, const std::string& stem, const std::string& extension);

}  // namespace profkpi::engine

#endif
