// The nightly run's parts, built from configuration for `profkpi nightly` and
// `profkpi serve`: the schedule (nightly.time, nightly.timezone), the ledger
// and delivery log on the store's database, the archive in reports.dir, SMTP
// when smtp.host is set (smtp.*), the PDF renderer (and the HTML one for the
// mail, mail.attachHtml), and the run's options
// (http.publicUrl, nightly.leaseSeconds, nightly.maxMailRuns, nightly.renderThreads), and the
// open-data files archived with each sector report (opendata.*). Not thread-safe
// to build; the parts document their own thread-safety.
#ifndef PROFKPI_ADAPTERS_CLI_NIGHTLYCOMPONENTS_H
#define PROFKPI_ADAPTERS_CLI_NIGHTLYCOMPONENTS_H

#include "adapters/cli/StoreServices.h"
#include "engine/nightly/NightlyRun.h"
#include "engine/nightly/NightlySchedule.h"

#include <memory>
#include <optional>
#include <string>

namespace profkpi::adapters::cli {

class NightlyComponents {
 public:
  // `services` must outlive this. Throws UsageError for a bad nightly.time,
  // nightly.timezone or nightly.renderThreads, engine::StoreError when the
  // store cannot be opened.
  explicit NightlyComponents(StoreServices& services);
  ~NightlyComponents();
  NightlyComponents(const NightlyComponents&) = delete;
  NightlyComponents& operator=(const NightlyComponents&) = delete;

  const engine::NightlySchedule& schedule() const { return *_schedule; }
  engine::RunLedger& ledger();
  // nullptr when smtp.host is empty (no mail).
  engine::Mailer* mailer() { return _mailer.get(); }
  // A run whose "now" is `clock` (which must outlive it). Throws
  // engine::RenderError when the report fonts cannot be read.
  std::unique_ptr<engine::NightlyRun> makeRun(const engine::Clock& clock);
  // Names this process in the lease and the history: "host:pid".
  static std::string holder();
  // A description of where mail goes: "smtp://host:port" or "no mail (smtp.host is empty)".
  const std::string& mailDescription() const { return _mailDescription; }

 private:
  StoreServices& _services;
  std::optional<engine::NightlySchedule> _schedule;
  std::unique_ptr<engine::RunLedger> _ledger;
  std::unique_ptr<engine::DeliveryLog> _deliveries;
  std::unique_ptr<engine::ReportArchive> _archive;
  std::unique_ptr<engine::Mailer> _mailer;
  std::unique_ptr<engine::OpenDataRenderer> _openData;
  engine::NightlyOptions _options;
  std::string _mailDescription = "no mail (smtp.host is empty)";
};

}  // namespace profkpi::adapters::cli

#endif
