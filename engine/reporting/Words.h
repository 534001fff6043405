// The fixed words of a report in the language it is written in. A renderer (or
// boardMail) opens a LanguageScope with the report's language; every text
// function below it then takes its words from that language's catalogue
// (engine/ports/Messages.h), so that a caller only sets report.language.
// Messages are whole sentences with positional placeholders ("{1}"), as
// Boost.Locale's format writes them, so a translator controls word order and
// mutation. The language is per thread: threads render different languages at once.
#ifndef PROFKPI_ENGINE_REPORTING_WORDS_H
#define PROFKPI_ENGINE_REPORTING_WORDS_H

#include "engine/ports/Messages.h"

#include <cstdint>
#include <initializer_list>
#include <string>

namespace profkpi::engine::report {

// The calling thread writes in `language` until this is destroyed; scopes nest.
class LanguageScope {
 public:
  explicit LanguageScope(const std::string& language);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::string _previous;
};

// The calling thread's language: "en" outside any scope.
const std::string& language();
// Its catalogue.
const Messages& words();

// gettext's pgettext and npgettext in the thread's language. The extraction
// (scripts/update-po, xgettext) knows these names: context first, then msgid.
std::string tr(const char* context, const char* msgid);
std::string trn(const char* context, const char* singular, const char* plural, std::int64_t n);

// `pattern` with "{1}", "{2}", ... replaced by the arguments in that order of
// the list (a placeholder without an argument stays as it is).
std::string fill(const std::string& pattern, std::initializer_list<std::string> arguments);

// A month's name in the thread's language (ICU's, through the catalogue port).
std::string monthName(int month, bool abbreviated = false);

}  // namespace profkpi::engine::report

#endif
