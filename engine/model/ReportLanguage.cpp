#include "engine/model/ReportLanguage.h"

#include <algorithm>

namespace profkpi::engine {

const std::vector<std::string>& supportedLanguages() {
  static const std::vector<std::string> languages{"en", "cy"};
  return languages;
}

bool isSupportedLanguage(std::string_view tag) {
  const std::vector<std::string>& all = supportedLanguages();
  return std::find(all.begin(), all.end(), tag) != all.end();
}

std::vector<std::string> parseLanguageList(std::string_view text, std::string& error) {
  std::vector<std::string> languages;
  std::size_t at = 0;
  while (at < text.size()) {
    // XML list values are separated by any white space.
    std::size_t start = text.find_first_not_of(" \t\r\n", at);
    if (start == std::string_view::npos) break;
    std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
    std::string tag(text.substr(start, end - start));
    at = end;
    if (!isSupportedLanguage(tag)) {
      error = "\"" + tag + "\" is not a report language (en or cy)";
      return {};
    }
    if (std::find(languages.begin(), languages.end(), tag) != languages.end()) {
      error = "\"" + tag + "\" is listed twice";
      return {};
    }
    languages.push_back(std::move(tag));
  }
  if (languages.empty()) error = "no language is listed (en, cy or both)";
  return languages;
}

std::string fileNameIn(const std::string& language, const std::string& stem, const std::string& extension) {
  if (language == DEFAULT_LANGUAGE) return stem + "." + extension;
  return stem + "." + language + "." + extension;
}

}  // namespace profkpi::engine
