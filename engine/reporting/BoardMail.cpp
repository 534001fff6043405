#include "engine/reporting/BoardMail.h"

#include "engine/common/PublicLink.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"

#include <sstream>

namespace profkpi::engine {

namespace {

using report::fill;
using report::tr;
using report::trn;

std::string size(std::size_t bytes) {
  // TRANSLATORS: the mail: an attachment's size, {1} bytes (under 1 KB).
  if (bytes < 1024) return fill(trn("mail", "{1} byte", "{1} bytes", static_cast<std::int64_t>(bytes)), {std::to_string(bytes)});
  // TRANSLATORS: the mail: an attachment's size in kilobytes: {1} "42".
  return fill(tr("mail", "{1} KB"), {std::to_string((bytes + 512) / 1024)});
}

// How a reader knows an attachment: "a web page (HTML, for screen readers)".
std::string kindOf(const std::string& mediaType) {
  // TRANSLATORS: the mail: what the HTML attachment is, in "Also attached, the same report as {3}: …".
  if (mediaType.rfind("text/html", 0) == 0) return tr("mail", "a web page (HTML, for screen readers)");
  // TRANSLATORS: the mail: what a PDF attachment is.
  if (mediaType == "application/pdf") return tr("mail", "a PDF");
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
  report::LanguageScope language(report.language);
  const Scorecard& scorecard = report.results.scorecard;
  const std::string name = report::namesOf(report).title;
  std::ostringstream text;
  text << name << " (" << report.organisationCode << ")\n"
       // TRANSLATORS: the mail's second line: {1} the period in words.
       << fill(tr("mail", "IT professionalisation KPIs, {1}"), {report::periodInWords(report.period)}) << "\n\n";
  if (scorecard.index) {
    // TRANSLATORS: the mail: {1} the index, {2} what it rests on ("based on 5 of 5 KPIs").
    text << fill(tr("mail", "Professionalisation index: {1} out of 100, {2}"),
                 {std::to_string(*scorecard.index), report::indexBasis(report)});
  } else {
    // TRANSLATORS: the mail, when no KPI has a value.
    text << tr("mail", "Professionalisation index: n/a (no KPI has a value)");
  }
  if (report.results.previousIndex) {
    // TRANSLATORS: the mail, after the index: {1} the index in the previous period.
    text << fill(tr("mail", " (previous period: {1})"), {std::to_string(*report.results.previousIndex)});
  }
  text << "\n\n";
  for (const KpiValue& k : scorecard.kpis) {
    // TRANSLATORS: the mail, one line per KPI: {1} "K1 Roles mapped…", {2} its value, {3} its status, {4} its target.
    text << fill(tr("mail", "{1}: {2}, {3} (target {4})"),
                 {report::kpiName(*k.kpi), report::withUnit(k.shown(), *k.kpi), report::statusWord(k.status),
                  report::withUnit(report::number(k.kpi->target), *k.kpi)})
         << "\n";
  }
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const MailAttachment& d = documents[i];
    text << (i == 0 ? "\n" : "")
         << (i == 0
                 // TRANSLATORS: the mail: {1} the attachment's file name, {2} its size.
                 ? fill(tr("mail", "The board report is attached: {1} ({2})."), {d.fileName, size(d.bytes.size())})
                 // TRANSLATORS: the mail: another attachment, {3} what it is ("a web page (HTML, for screen readers)").
                 : fill(tr("mail", "Also attached, the same report as {3}: {1} ({2})."),
                        {d.fileName, size(d.bytes.size()), kindOf(d.mediaType)}))
         << "\n";
  }
  // TRANSLATORS: the mail: {1} a web address.
  if (!publicUrl.empty()) text << fill(tr("mail", "Also online: {1}"), {reportLink(publicUrl, report)}) << "\n";
  // TRANSLATORS: the mail: {1} the data cut-off (a date and time).
  text << "\n" << fill(tr("mail", "Figures from the data received up to {1}."), {report::ukTime(report.dataCutOff)}) << "\n"
       // TRANSLATORS: the mail's last line.
       << tr("mail", "Sent by the profkpi nightly run.") << "\n";

  Mail mail;
  mail.to = to;
  // TRANSLATORS: the mail's subject: {1} the organisation, {2} the period ("Q2 2025/26").
  mail.subject = fill(tr("mail", "Board report: {1}, {2}"), {name, report::periodShort(report.period)});
  mail.text = text.str();
  mail.attachments = std::move(documents);
  return mail;
}

std::string boardMessageId(const std::string& organisation, const std::string& period, const std::string& language,
                           const std::string& sha256) {
  return "profkpi.board." + organisation + "." + period + "." + language + "." + sha256;
}

}  // namespace profkpi::engine
