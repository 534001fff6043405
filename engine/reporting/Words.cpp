#include "engine/reporting/Words.h"

namespace profkpi::engine::report {

namespace {
thread_local std::string CURRENT = "en";
}  // namespace

LanguageScope::LanguageScope(const std::string& language) : _previous(CURRENT) { CURRENT = language; }

LanguageScope::~LanguageScope() { CURRENT = std::move(_previous); }

const std::string& language() { return CURRENT; }

const Messages& words() { return messagesFor(CURRENT); }

std::string tr(const char* context, const char* msgid) { return words().text(context, msgid); }

std::string trn(const char* context, const char* singular, const char* plural, std::int64_t n) {
  return words().plural(context, singular, plural, n);
}

std::string fill(const std::string& pattern, std::initializer_list<std::string> arguments) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t at = 0; at < pattern.size(); ++at) {
    // "{N}" with N one digit, 1..9: every message has fewer arguments.
    if (pattern[at] == '{' && at + 2 < pattern.size() && pattern[at + 2] == '}' && pattern[at + 1] >= '1' &&
        pattern[at + 1] <= '9') {
      std::size_t n = static_cast<std::size_t>(pattern[at + 1] - '1');
      if (n < arguments.size()) {
        out += *(arguments.begin() + n);
        at += 2;
        continue;
      }
    }
    out += pattern[at];
  }
  return out;
}

std::string monthName(int month, bool abbreviated) { return words().monthName(month, abbreviated); }

}  // namespace profkpi::engine::report
