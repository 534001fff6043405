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

// How a reader knows an attachment: "a web page (HTML, for screen readers)".
std::string kindOf(const std::string& mediaType) {
  if (mediaType.rfind("text/html", 0) == 0) return "a web page (HTML, for screen readers)";
  if (mediaType == "application/pdf") return "a PDF";
  return mediaType;
}

// The same report online, in the mail's language (the route's ?lang; English needs none).
std::string reportLink(const std::string& base, const BoardReport& report) {
  return publicLink(base, "/api/v1/organisations/" + report.organisationCode + "/periods/" + report.period +
                              "/report.pdf" + (report.language == "en" ? "" : "?lang=" + report.language));
}

}  // namespace

Mail boardMail(const BoardReport& report, const std::string& to, std::vector<MailAttachment> documents,
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
  for (std::size_t i = 0; i < documents.size(); ++i) {
    text << (i == 0 ? "\nThe board report is attached: " : "Also attached, the same report as ")
         << (i == 0 ? "" : kindOf(documents[i].mediaType) + ": ") << documents[i].fileName << " ("
         << size(documents[i].bytes.size()) << ").\n";
  }
  if (!publicUrl.empty()) text << "Also online: " << reportLink(publicUrl, report) << "\n";
  text << "\nFigures from the data received up to " << report::ukTime(report.dataCutOff) << ".\n"
       << "Sent by the profkpi nightly run.\n";

  Mail mail;
  mail.to = to;
  mail.subject = "Board report: " + report.name + ", " + report::periodShort(report.period);
  mail.text = text.str();
  mail.attachments = std::move(documents);
  return mail;
}

std::string boardMessageId(const std::string& organisation, const std::string& period, const std::string& language,
                           const std::string& sha256) {
  return "profkpi.board." + organisation + "." + period + "." + language + "." + sha256;
}

}  // namespace profkpi::engine
