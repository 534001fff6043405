// One small handler per route of INTERFACE.md.
#ifndef PROFKPI_ADAPTERS_HTTP_HANDLERS_H
#define PROFKPI_ADAPTERS_HTTP_HANDLERS_H

#include "adapters/http/ApiHandler.h"

namespace profkpi::adapters::http {

// POST /api/v1/submissions: the key, its role and the content type are checked
// before the body is read.
class SubmitHandler final : public ApiHandler {
 public:
  explicit SubmitHandler(HttpContext& context) : ApiHandler(context, "POST /api/v1/submissions") {}

 protected:
  void check(Exchange& exchange) override;
  void handle(Exchange& exchange) override;
};

// GET /api/v1/submissions/{submissionId}
class ReceiptHandler final : public ApiHandler {
 public:
  ReceiptHandler(HttpContext& context, std::string submissionId)
      : ApiHandler(context, "GET /api/v1/submissions/{submissionId}"), _submissionId(std::move(submissionId)) {}

 protected:
  void handle(Exchange& exchange) override;

 private:
  std::string _submissionId;
};

// GET /api/v1/organisations/{code}/periods/{period}/kpis
class KpisHandler final : public ApiHandler {
 public:
  KpisHandler(HttpContext& context, std::string organisation, std::string period)
      : ApiHandler(context, "GET /api/v1/organisations/{code}/periods/{period}/kpis"),
        _organisation(std::move(organisation)),
        _period(std::move(period)) {}

 protected:
  void handle(Exchange& exchange) override;

 private:
  std::string _organisation;
  std::string _period;
};

// GET /api/v1/organisations/{code}/periods/{period}/report.pdf: the board
// report, rendered from the current data (byte-identical to the nightly
// archive's copy of the same data), in the language ?lang or Accept-Language
// asks for (ReportLanguage.h).
class BoardReportHandler final : public ApiHandler {
 public:
  BoardReportHandler(HttpContext& context, std::string organisation, std::string period)
      : ApiHandler(context, "GET /api/v1/organisations/{code}/periods/{period}/report.pdf"),
        _organisation(std::move(organisation)),
        _period(std::move(period)) {}

 protected:
  void handle(Exchange& exchange) override;

 private:
  std::string _organisation;
  std::string _period;
};

// GET /api/v1/periods/{period}/sector-report.pdf (admin), in the language
// ?lang or Accept-Language asks for.
class SectorReportHandler final : public ApiHandler {
 public:
  SectorReportHandler(HttpContext& context, std::string period)
      : ApiHandler(context, "GET /api/v1/periods/{period}/sector-report.pdf"), _period(std::move(period)) {}

 protected:
  void handle(Exchange& exchange) override;

 private:
  std::string _period;
};

// GET /api/v1/periods/{period}/FILE: one of the period's open-data files
// (results.csv, peers.csv, coverage.csv, each NAME.csv-metadata.json) for admin
// and reader keys, or for anyone when opendata.public is true.
class OpenDataHandler final : public ApiHandler {
 public:
  OpenDataHandler(HttpContext& context, std::string period, std::string file)
      : ApiHandler(context, "GET /api/v1/periods/{period}/" + file), _period(std::move(period)),
        _file(std::move(file)) {}

 protected:
  void handle(Exchange& exchange) override;

 private:
  std::string _period;
  std::string _file;
};

// GET /healthz
class HealthHandler final : public ApiHandler {
 public:
  explicit HealthHandler(HttpContext& context) : ApiHandler(context, "GET /healthz") {}

 protected:
  void handle(Exchange& exchange) override;
};

// GET /metrics
class MetricsHandler final : public ApiHandler {
 public:
  explicit MetricsHandler(HttpContext& context) : ApiHandler(context, "GET /metrics") {}

 protected:
  void handle(Exchange& exchange) override;
};

// Answers a refusal decided by the router (unknown route, wrong method,
// malformed path), before any body is read.
class RefusalHandler final : public ApiHandler {
 public:
  RefusalHandler(HttpContext& context, std::string route, int status, std::string title, std::string detail,
                 std::string allow = {})
      : ApiHandler(context, std::move(route)), _status(status), _title(std::move(title)), _detail(std::move(detail)),
        _allow(std::move(allow)) {}

 protected:
  void check(Exchange& exchange) override;
  void handle(Exchange& exchange) override { check(exchange); }

 private:
  int _status;
  std::string _title;
  std::string _detail;
  std::string _allow;
};

}  // namespace profkpi::adapters::http

#endif
