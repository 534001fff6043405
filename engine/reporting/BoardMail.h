// The mail that takes a board report to its organisation: a subject, a short
// plain-text body with the headline figures (the index, each KPI's value and
// status) and a link when the service has a public address, and the document
// attached (with its other versions). Pure.
#ifndef PROFKPI_ENGINE_REPORTING_BOARDMAIL_H
#define PROFKPI_ENGINE_REPORTING_BOARDMAIL_H

#include "engine/ports/Mailer.h"
#include "engine/reporting/Reports.h"

#include <string>
#include <vector>

namespace profkpi::engine {

// `documents`: the report, attached in this order (the archived document
// first, then other versions of it, such as the accessible HTML); at least one.
// `publicUrl`: the service's address as readers reach it
// ("https://kpi.example.org"), or empty for no link.
Mail boardMail(const BoardReport& report, const std::string& to, std::vector<MailAttachment> documents,
               const std::string& publicUrl);

// The stable left part of a board mail's Message-ID, from what makes the
// message: "profkpi.board.E06000001.2009-10-Q2.en." and the SHA-256 (hex) of
// the attached report.
std::string boardMessageId(const std::string& organisation, const std::string& period, const std::string& language,
                           const std::string& sha256);

}  // namespace profkpi::engine

#endif
