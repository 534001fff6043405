// The message-catalogue port (engine/ports/Messages.h) over gettext catalogues
// read with Boost.Locale, and month names from ICU's locale data (cy_GB, en_GB).
// Thread-safe: every call works on its own stream with an immutable locale.
#ifndef PROFKPI_ADAPTERS_MESSAGES_BOOSTMESSAGES_H
#define PROFKPI_ADAPTERS_MESSAGES_BOOSTMESSAGES_H

#include "engine/ports/Messages.h"

#include <array>
#include <locale>
#include <string>

namespace boost::locale {
template <typename CharType>
class message_format;
}  // namespace boost::locale

namespace profkpi::adapters::messages {

// The languages profkpi ships a catalogue for, source language first.
inline const char* const LANGUAGES[] = {"en", "cy"};

class BoostMessages final : public engine::Messages {
 public:
  // The catalogue of `language` ("cy") from `directory`/LANGUAGE/LC_MESSAGES/profkpi.mo,
  // or the one built into profkpi when `directory` is empty; English, the
  // source language, has none and shows the source words. Throws
  // std::runtime_error when another language's catalogue is missing,
  // unreadable or not a profkpi catalogue.
  BoostMessages(const std::string& language, const std::string& directory);

  std::string text(const char* context, const char* msgid) const override;
  std::string plural(const char* context, const char* singular, const char* plural, std::int64_t n) const override;
  std::string monthName(int month, bool abbreviated) const override;

 private:
  std::locale _locale;
  // The locale's catalogue, or null for a language without one (the source words).
  const boost::locale::message_format<char>* _catalogue = nullptr;
  std::array<std::string, 24> _months;  // full names, then short ones
};

// Installs a BoostMessages for every shipped language (engine::installMessages),
// once per process: later calls do nothing. Throws std::runtime_error as the
// constructor (and then installs nothing). REQUIRES: at start-up, before any
// report is rendered.
void installCatalogues(const std::string& directory);

}  // namespace profkpi::adapters::messages

#endif
