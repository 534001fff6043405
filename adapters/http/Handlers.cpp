#include "adapters/http/Handlers.h"

#include "adapters/http/HttpError.h"
#include "adapters/http/ReportLanguage.h"
#include "adapters/json/ReceiptJson.h"
#include "adapters/json/ResultsJson.h"
#include "engine/common/Counted.h"
#include "engine/common/PublicLink.h"
#include "engine/intake/IntakeService.h"
#include "engine/model/ReportLanguage.h"
#include "engine/reporting/Reports.h"

#include <Poco/Net/MediaType.h>
#include <Poco/String.h>

#include <algorithm>
#include <cctype>

namespace profkpi::adapters::http {

namespace {

bool isXmlContentType(const std::string& header) {
  if (header.empty()) return false;
  try {
    Poco::Net::MediaType type(header);
    return type.matches("application", "xml") || type.matches("text", "xml");
  } catch (const Poco::Exception&) {
    return false;
  }
}

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

void SubmitHandler::check(Exchange& x) {
  engine::ApiKeyRecord key = x.authenticate();
  if (key.role == engine::Role::Reader) throw HttpError(403, "Forbidden", "a reader key may not submit");
  if (!isXmlContentType(x.request().header("Content-Type"))) {
    throw HttpError(415, "Unsupported media type", "send the submission as application/xml or text/xml");
  }
}

void SubmitHandler::handle(Exchange& x) {
  const engine::ApiKeyRecord& key = *x.key;
  std::string organisation = key.role == engine::Role::Admin ? "" : key.organisation;
  engine::Receipt receipt = _context.gateway.submit(x.body(), "http", key.id, x.clientAddress(), organisation);
  x.organisation = receipt.record.organisation.empty() ? key.organisation : receipt.record.organisation;
  _context.metrics.submission(engine::outcomeName(receipt.outcome));

  switch (receipt.outcome) {
    case engine::IntakeOutcome::Accepted: {
      std::string path = "/api/v1/submissions/" + receipt.record.submissionId;
      x.response.set("Location", engine::publicLink(_context.options.publicUrl, path));
      x.sendBytes(201, "application/json", json::receiptText(receipt));
      return;
    }
    case engine::IntakeOutcome::Duplicate:
      x.sendBytes(200, "application/json", json::receiptText(receipt));
      return;
    case engine::IntakeOutcome::Conflict:
      // The message names no organisation: whose the stored submission is, is not the caller's to learn.
      x.sendProblem(409, "SubmissionId reused", receipt.diagnostics.front().message, receipt.diagnostics);
      return;
    case engine::IntakeOutcome::Forbidden:
      _context.metrics.refusal("PK007");
      x.sendProblem(403, "Forbidden", receipt.diagnostics.front().message, receipt.diagnostics);
      return;
    case engine::IntakeOutcome::Refused:
      break;
  }
  engine::Diagnostics errors;
  for (const engine::Diagnostic& d : receipt.diagnostics) {
    if (!d.isError()) continue;
    errors.push_back(d);
    _context.metrics.refusal(d.code);
  }
  if (receipt.wellFormed) {
    x.sendProblem(422, "Submission refused", engine::counted(errors.size(), "schema or business-rule error"), errors);
  } else {
    x.sendProblem(400, "Not well-formed XML", "the body is not a well-formed XML document", errors);
  }
}

void ReceiptHandler::handle(Exchange& x) {
  engine::ApiKeyRecord key = x.authenticate();
  auto record = _context.store.findBySubmissionId(lowerCase(_submissionId));
  // Another organisation's submission is answered as unknown: its existence is not ours to tell.
  if (!record || (key.role != engine::Role::Admin && record->organisation != key.organisation)) {
    throw HttpError(404, "Not found", "no submission " + _submissionId);
  }
  x.organisation = record->organisation;
  x.sendBytes(200, "application/json", json::receiptText(engine::receiptFor(*record, _context.results.calculator())));
}

namespace {

// Years a period in a request may start in: reports and results exist for
// nothing earlier, and the calendar arithmetic behind a period is not asked
// to hold years such as 0000.
constexpr int FIRST_YEAR = 1990;
constexpr int LAST_YEAR = 2199;

engine::Period requestedPeriod(const std::string& text) {
  auto period = engine::Period::parse(text);
  if (!period || !period->followsOn() || period->firstYear() < FIRST_YEAR || period->firstYear() > LAST_YEAR) {
    throw HttpError(404, "Not found", "no such period: " + text);
  }
  return *period;
}

engine::ReportRenderer& pdfRenderer(HttpContext& context) {
  if (context.pdf == nullptr) throw HttpError(503, "Service unavailable", "reports are not available", 60);
  return *context.pdf;
}

}  // namespace

void KpisHandler::handle(Exchange& x) {
  engine::ApiKeyRecord key = x.authenticate();
  x.organisation = _organisation;
  x.authorise(key, _organisation, false, true);
  engine::Period period = requestedPeriod(_period);
  auto results = _context.results.results(_organisation, period);
  if (!results) throw HttpError(404, "Not found", "no current submission from " + _organisation + " for " + _period);
  x.sendJson(200, json::resultsToJson(*results, period));
}

void BoardReportHandler::handle(Exchange& x) {
  engine::ApiKeyRecord key = x.authenticate();
  x.organisation = _organisation;
  x.authorise(key, _organisation, false, true);
  engine::Period period = requestedPeriod(_period);
  std::string language = requestedReportLanguage(x.request());
  engine::Reports reports(_context.store, _context.results);
  auto board = reports.board(_organisation, period);
  if (!board) throw HttpError(404, "Not found", "no current submission from " + _organisation + " for " + _period);
  board->language = language;
  std::string pdf = pdfRenderer(_context).renderBoard(*board);
  const std::string fileName = engine::fileNameIn(language, _organisation + "-" + period.code(), "pdf");
  x.response.set("Content-Disposition", "inline; filename=\"" + fileName + "\"");
  markLanguage(x.response, language);
  x.sendBytes(200, "application/pdf", pdf);
}

void SectorReportHandler::handle(Exchange& x) {
  engine::ApiKeyRecord key = x.authenticate();
  if (key.role != engine::Role::Admin) throw HttpError(403, "Forbidden", "the sector report is for admin keys");
  engine::Period period = requestedPeriod(_period);
  std::string language = requestedReportLanguage(x.request());
  engine::Reports reports(_context.store, _context.results);
  engine::SectorReport sector = reports.sector(period);
  sector.language = language;
  std::string pdf = pdfRenderer(_context).renderSector(sector);
  x.response.set("Content-Disposition",
                 "inline; filename=\"" + engine::fileNameIn(language, "sector-" + period.code(), "pdf") + "\"");
  markLanguage(x.response, language);
  x.sendBytes(200, "application/pdf", pdf);
}

void OpenDataHandler::handle(Exchange& x) {
  if (!_context.openDataPublic) {
    engine::ApiKeyRecord key = x.authenticate();
    if (key.role == engine::Role::Submitter) {
      throw HttpError(403, "Forbidden", "open data is for admin and reader keys");
    }
  }
  engine::Period period = requestedPeriod(_period);
  if (_context.openData == nullptr) throw HttpError(503, "Service unavailable", "open data is not available", 60);
  std::vector<std::string> periods = _context.store.periods();
  if (std::find(periods.begin(), periods.end(), period.code()) == periods.end()) {
    throw HttpError(404, "Not found", "nothing was submitted for " + period.code());
  }
  std::string bytes = opendata::openDataFile(*_context.openData, period, _file, _context.openDataFiles);
  x.response.set("Content-Disposition", "inline; filename=\"" + period.code() + "-" + _file + "\"");
  x.sendBytes(200, opendata::openDataMediaType(_file), std::move(bytes));
}

void HealthHandler::handle(Exchange& x) {
  bool up = _context.store.ping();
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("status", std::string(up ? "ok" : "unavailable"));
  body->set("store", up);
  x.sendJson(up ? 200 : 503, body);
}

void MetricsHandler::handle(Exchange& x) {
  x.sendBytes(200, "text/plain; version=0.0.4; charset=utf-8", _context.metrics.render());
}

void RefusalHandler::check(Exchange& x) {
  if (!_allow.empty()) x.response.set("Allow", _allow);
  x.sendProblem(_status, _title, _detail);
}

}  // namespace profkpi::adapters::http
