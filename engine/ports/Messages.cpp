#include "engine/ports/Messages.h"

#include <ctime>
#include <map>

namespace profkpi::engine {

namespace {

// The words of the source code: what a language without a catalogue shows.
class SourceWords final : public Messages {
 public:
  std::string text(const char*, const char* msgid) const override { return msgid; }
  std::string plural(const char*, const char* singular, const char* plural, std::int64_t n) const override {
    return n == 1 ? singular : plural;
  }
  std::string monthName(int month, bool abbreviated) const override {
    // The C library's names in the C locale: the source language's.
    if (month < 1 || month > 12) return "";
    std::tm day{};
    day.tm_mon = month - 1;
    char name[32];
    return std::string(name, std::strftime(name, sizeof name, abbreviated ? "%b" : "%B", &day));
  }
};

std::map<std::string, std::shared_ptr<const Messages>>& installed() {
  static std::map<std::string, std::shared_ptr<const Messages>> catalogues;
  return catalogues;
}

}  // namespace

void installMessages(const std::string& language, std::shared_ptr<const Messages> messages) {
  installed()[language] = std::move(messages);
}

const Messages& messagesFor(const std::string& language) {
  static const SourceWords SOURCE;
  auto found = installed().find(language);
  return found == installed().end() || !found->second ? SOURCE : *found->second;
}

}  // namespace profkpi::engine
