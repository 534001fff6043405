#include "adapters/messages/BoostMessages.h"

#include <boost/locale/format.hpp>
#include <boost/locale/formatting.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/localization_backend.hpp>
#include <boost/locale/message.hpp>

#include <climits>
#include <ctime>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace profkpi::adapters::messages {

namespace embedded {
// The compiled catalogues (po/*.po through msgfmt at build time; EmbedBinary.cmake).
extern const std::string_view CY_MO;
}  // namespace embedded

namespace {

const char* const DOMAIN = "profkpi";

std::string localeName(const std::string& language) { return (language == "cy" ? "cy_GB" : "en_GB") + std::string(".UTF-8"); }

std::vector<char> catalogueBytes(const std::string& language, const std::string& directory) {
  if (directory.empty()) {
    if (language != "cy") return {};
    return std::vector<char>(embedded::CY_MO.begin(), embedded::CY_MO.end());
  }
  if (language == "en") return {};  // the source language needs none
  std::string path = directory + "/" + language + "/LC_MESSAGES/" + DOMAIN + ".mo";
  std::ifstream in(path, std::ios::binary);
  // A folder without the language's catalogue would give reports in English
  // where Welsh was asked for: refused, not passed over.
  if (!in) throw std::runtime_error("cannot read the " + language + " catalogue " + path);
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ICU's locale data for the language, with its gettext catalogue (if any) as
// the messages facet.
std::locale makeLocale(const std::string& language, const std::string& directory) {
  boost::locale::localization_backend_manager backends = boost::locale::localization_backend_manager::global();
  backends.select("icu");
  boost::locale::generator generator(backends);
  generator.categories(boost::locale::all_categories ^ boost::locale::message_facet);
  std::locale base = generator(localeName(language));

  std::vector<char> bytes = catalogueBytes(language, directory);
  if (bytes.empty()) return base;
  boost::locale::gnu_gettext::messages_info info;
  info.language = language;
  info.encoding = "UTF-8";
  info.domains.push_back(boost::locale::gnu_gettext::messages_info::domain(DOMAIN));
  info.paths.push_back("profkpi-catalogue");
  // Every file Boost.Locale looks for is answered with these bytes or nothing:
  // the catalogue is read once, here, from wherever it came from.
  std::string wanted = "profkpi-catalogue/" + language + "/LC_MESSAGES/" + DOMAIN + ".mo";
  info.callback = [bytes, wanted](const std::string& file, const std::string&) {
    return file == wanted ? bytes : std::vector<char>();
  };
  std::locale withMessages(base, boost::locale::gnu_gettext::create_messages_facet<char>(info));
  // Boost.Locale answers an unreadable catalogue with an empty one; a test
  // message that every catalogue translates tells the two apart.
  // TRANSLATORS: not shown anywhere: translate it as the catalogue's own language code ("cy").
  if (boost::locale::translate("catalogue check", "en").str(withMessages) != language) {
    throw std::runtime_error("message catalogue for " + language + " is not a profkpi catalogue");
  }
  return withMessages;
}

}  // namespace

BoostMessages::BoostMessages(const std::string& language, const std::string& directory)
    : _locale(makeLocale(language, directory)) {
  if (std::has_facet<boost::locale::message_format<char>>(_locale)) {
    _catalogue = &std::use_facet<boost::locale::message_format<char>>(_locale);
  }
  for (int month = 1; month <= 12; ++month) {
    // The 15th at noon UTC: the same month in every time zone.
    std::tm day{};
    day.tm_year = 101;
    day.tm_mon = month - 1;
    day.tm_mday = 15;
    day.tm_hour = 12;
    std::time_t t = timegm(&day);
    for (bool abbreviated : {false, true}) {
      std::ostringstream out;
      out.imbue(_locale);
      out << boost::locale::as::ftime(abbreviated ? "%b" : "%B") << boost::locale::as::gmt << t;
      _months[static_cast<std::size_t>(month - 1 + (abbreviated ? 12 : 0))] = out.str();
    }
  }
}

// The catalogue is asked through its facet rather than boost::locale::translate:
// translate() gives a message the catalogue lacks without its non-ASCII
// characters ("·", "“"), where the source words must come back whole.
std::string BoostMessages::text(const char* context, const char* msgid) const {
  if (_catalogue == nullptr) return msgid;
  const char* found = _catalogue->get(0, context != nullptr && *context != '\0' ? context : nullptr, msgid);
  return found != nullptr ? found : msgid;
}

std::string BoostMessages::plural(const char* context, const char* singular, const char* plural, std::int64_t n) const {
  if (_catalogue != nullptr) {
    // gettext's plural rules take an int; counts beyond it take the form of the largest.
    int count = n > INT_MAX ? INT_MAX : n < INT_MIN ? INT_MIN : static_cast<int>(n);
    const char* found = _catalogue->get(0, context != nullptr && *context != '\0' ? context : nullptr, singular, count);
    if (found != nullptr) return found;
  }
  return n == 1 ? singular : plural;
}

std::string BoostMessages::monthName(int month, bool abbreviated) const {
  if (month < 1 || month > 12) return "";
  return _months[static_cast<std::size_t>(month - 1 + (abbreviated ? 12 : 0))];
}

void installCatalogues(const std::string& directory) {
  // Once per process: a second call (another command's services) would race
  // with threads already rendering.
  static std::once_flag once;
  std::call_once(once, [&] {
    for (const char* language : LANGUAGES) {
      engine::installMessages(language, std::make_shared<BoostMessages>(language, directory));
    }
  });
}

}  // namespace profkpi::adapters::messages
