#include "engine/reporting/BoardMail.h"

#include "engine/common/PublicLink.h"
#include "engine/reporting/ReportText.h"

#include <sstream>

namespace profkpi::engine {

namespace {

std::string size(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  return std::to_string((bytes + 512) / 1024) + " KB";
}

// The same report online, in the mail's language (the route's ?lang; English needs none).
std::string reportLink(const std::string& base, const BoardReport& report) {
  return publicLink(base, "/api/v1/organisations/" + report.organisationCode + "/periods/" + report.period +
                              "/report.pdf" + (report.language == "en" ? "" : "?lang=" + report.language));
}

}  // namespace

Mail boardMail(const BoardReport& report, const std::string& to, MailAttachment document,
               const std::string& publicUrl) {
  const Scorecard& scorecard = report.results.scorecard;
  std::ostringstream text;
  text << report.name << " (" << report.organisationCode << ")\n"
       << "IT professionalisation KPIs, " << report.periodInWords << "\n\n";
  text << "Professionalisation index: ";
  if (scorecard.index) {
    text << *scorecard.index << " out of 100, " << report::indexBasis(report);
  } else {
    text << "n/a (no KPI has a value)";
  }
  if (report.results.previousIndex) text << " (previous period: " << *report.results.previousIndex << ")";
  text << "\n\n";
  for (const KpiValue& k : scorecard.kpis) {
    text << k.kpi->id << " " << k.kpi->title << ": " << report::withUnit(k.shown(), *k.kpi) << ", "
         << report::statusWord(k.status) << " (target " << report::withUnit(report::number(k.kpi->target), *k.kpi)
         << ")\n";
  }
  text << "\nThe board report is attached: " << document.fileName << " (" << size(document.bytes.size()) << ").\n";
  if (!publicUrl.empty()) text << "Also online: " << reportLink(publicUrl, report) << "\n";
  text << "\nFigures from the data received up to " << report::ukTime(report.dataCutOff) << ".\n"
       << "Sent by the profkpi nightly run.\n";

  Mail mail;
  mail.to = to;
  mail.subject = "Board report: " + report.name + ", " + report::periodShort(report.period);
  mail.text = text.str();
  mail.attachments.push_back(std::move(document));
  return mail;
}

std::string boardMessageId(const std::string& organisation, const std::string& period, const std::string& language,
                           const std::string& sha256) {
  return "profkpi.board." + organisation + "." + period + "." + language + "." + sha256;
}

}  // namespace profkpi::engine
