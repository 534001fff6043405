#include "engine/reporting/MailInLanguages.h"

#include <stdexcept>

namespace profkpi::engine {

Mail mailInLanguages(std::vector<Mail> mails) {
  if (mails.empty()) throw std::invalid_argument("mailInLanguages: no mail");
  Mail combined = std::move(mails.front());
  for (std::size_t i = 1; i < mails.size(); ++i) {
    Mail& next = mails[i];
    combined.subject += " / " + next.subject;
    // The body ends with a newline as boardMail writes it; make sure the rule has a line of its own.
    if (!combined.text.empty() && combined.text.back() != '\n') combined.text += '\n';
    combined.text += "\n" + std::string(LANGUAGE_SEPARATOR) + "\n\n" + next.text;
    for (MailAttachment& a : next.attachments) combined.attachments.push_back(std::move(a));
  }
  return combined;
}

std::string languagesKey(const std::vector<std::string>& languages) {
  std::string key;
  for (const std::string& language : languages) key += (key.empty() ? "" : "+") + language;
  return key;
}

}  // namespace profkpi::engine
