// The message-catalogue port: every fixed word a report, its HTML version or
// its mail shows, in the report's language (issue 25). An adapter
// (adapters/messages/BoostMessages, gettext catalogues read with Boost.Locale
// and ICU) implements it; the engine asks for a language by its code and gets
// the source (English) words when no catalogue was installed for it.
// Implementations must be thread-safe: threads render different languages at once.
#ifndef PROFKPI_ENGINE_PORTS_MESSAGES_H
#define PROFKPI_ENGINE_PORTS_MESSAGES_H

#include <cstdint>
#include <memory>
#include <string>

namespace profkpi::engine {

class Messages {
 public:
  Messages() = default;
  Messages(const Messages&) = delete;
  Messages& operator=(const Messages&) = delete;
  virtual ~Messages() = default;

  // The translation of `msgid` in `context` (gettext's msgctxt; empty for none);
  // `msgid` itself when the catalogue has none. Never throws.
  virtual std::string text(const char* context, const char* msgid) const = 0;
  // The form of `singular`/`plural` that counts `n` in this language (Welsh has
  // six); the English form by n == 1 when the catalogue has none.
  virtual std::string plural(const char* context, const char* singular, const char* plural, std::int64_t n) const = 0;
  // A month's name in this language, 1 = January: in full ("Hydref") or short ("Hyd").
  virtual std::string monthName(int month, bool abbreviated) const = 0;
};

// Makes `messages` the catalogue of `language` ("cy") for the whole process.
// REQUIRES: called at start-up, before any thread renders (not synchronised
// with messagesFor).
void installMessages(const std::string& language, std::shared_ptr<const Messages> messages);
// The catalogue installed for `language`, else the source words (English).
// Thread-safe once start-up is over. The reference lives as long as the process.
const Messages& messagesFor(const std::string& language);

}  // namespace profkpi::engine

#endif
