// The mail that takes a board report to its organisation: a subject, a short
// plain-text body with the headline figures (the index, each KPI's value and
// status) and a link when the service has a public address, and the document
// attached. Pure.
#ifndef PROFKPI_ENGINE_REPORTING_BOARDMAIL_H
#define PROFKPI_ENGINE_REPORTING_BOARDMAIL_H

#include "engine/ports/Mailer.h"
#include "engine/reporting/Reports.h"

#include <string>

namespace profkpi::engine {

// `publicUrl`: the service's address as readers reach it ("https://kpi.example.org"),
// or empty for no link.
Mail boardMail(const BoardReport& report, const std::string& to, MailAttachment document,
               const std::string& publicUrl);

}  // namespace profkpi::engine

#endif
