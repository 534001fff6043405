#include "adapters/cli/DeliveriesCommand.h"

#include "adapters/cli/ReportOptions.h"
#include "adapters/cli/StoreServices.h"
#include "adapters/json/JsonWriter.h"
#include "adapters/mail/SmtpMailer.h"
#include "adapters/store/SqlRunLedger.h"
#include "engine/intake/Lexical.h"

#include <Poco/Util/Option.h>

#include <iostream>

namespace profkpi::adapters::cli {

namespace {

struct Row {
  std::string at, organisation, period, outcome, to, sha256, messageId, detail;
};

// The detail beyond the address: the error, or how it was sent.
std::string remark(const engine::RunItem& item) {
  std::string detail = item.detail;
  if (detail.rfind(item.recipient, 0) == 0) detail.erase(0, item.recipient.size());
  while (!detail.empty() && (detail.front() == ':' || detail.front() == ' ')) detail.erase(0, 1);
  return detail;
}

void printTable(const std::vector<Row>& rows) {
  const std::vector<std::string> heads{"WHEN (UTC)", "ORG", "PERIOD", "OUTCOME", "TO", "SHA-256", "MESSAGE-ID"};
  std::vector<std::size_t> widths;
  for (const std::string& head : heads) widths.push_back(head.size());
  auto cells = [](const Row& r) {
    return std::vector<std::string>{r.at, r.organisation, r.period, r.outcome, r.to, r.sha256, r.messageId};
  };
  for (const Row& row : rows) {
    std::vector<std::string> c = cells(row);
    for (std::size_t i = 0; i < c.size(); ++i) widths[i] = std::max(widths[i], c[i].size());
  }
  auto print = [&](const std::vector<std::string>& c, const std::string& tail) {
    std::string line;
    for (std::size_t i = 0; i < c.size(); ++i) line += c[i] + std::string(widths[i] - c[i].size() + 2, ' ');
    line += tail;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  };
  print(heads, "DETAIL");
  for (const Row& row : rows) print(cells(row), row.detail);
}

void printJson(const std::vector<Row>& rows) {
  json::JsonWriter out;
  out.beginArray();
  for (const Row& r : rows) {
    out.beginObject();
    out.key("at").string(r.at).key("organisation").string(r.organisation).key("period").string(r.period);
    out.key("outcome").string(r.outcome).key("to").string(r.to).key("sha256").string(r.sha256);
    out.key("messageId").string(r.messageId).key("detail").string(r.detail);
    out.endObject();
  }
  out.endArray();
  std::cout << out.take() << "\n";
}

}  // namespace

std::string DeliveriesCommand::description() const {
  return "Lists the board reports the nightly runs mailed, oldest first: when (UTC), the organisation and period, "
         "the outcome (mailed; resent, by nightly --resend; pending, failed for now and tried again next run; refused, "
         "for good; abandoned, after nightly.maxMailRuns runs), the address, the SHA-256 of the archived report (as in "
         "its SHA256SUMS), the Message-ID to look for in the mail system's message trace, and the error if any. "
         "Mails not tried (no mail server, no contact address) are not listed. --json prints a JSON array instead. "
         "Exit status: 0 listed (also when nothing matches), 2 usage, configuration or store error.";
}

void DeliveriesCommand::defineOptions(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("org", "", "only this organisation (GSS code)").required(false).repeatable(false).argument("CODE"));
  options.addOption(
      Poco::Util::Option("period", "", "only reports for this period").required(false).repeatable(false).argument("P"));
  options.addOption(Poco::Util::Option("since", "", "only from this day (2026-03-29, UTC) or time (2026-03-29T01:30:00Z) on")
                        .required(false)
                        .repeatable(false)
                        .argument("DATE"));
  options.addOption(Poco::Util::Option("json", "", "a JSON array rather than a table").required(false).repeatable(false));
}

void DeliveriesCommand::handleOption(const std::string& name, const std::string& value) {
  if (name == "org") _query.organisation = value;
  if (name == "period") _query.period = parseReportPeriod(value).code();
  if (name == "json") _json = true;
  if (name == "since") {
    if (std::optional<engine::Date> day = engine::lexical::date(value)) {
      _query.since = engine::Instant{*day};
    } else if (auto zoned = engine::lexical::zonedDateTime(value)) {
      _query.since = zoned->instant;
    } else {
      throw UsageError("--since takes a day such as 2026-03-29 or a time such as 2026-03-29T01:30:00Z, not \"" +
                       value + "\"");
    }
  }
}

int DeliveriesCommand::run(const std::vector<std::string>& args, Services& services) {
  if (!args.empty()) throw UsageError("unexpected argument \"" + args.front() + "\"");
  StoreServices storeServices(services);
  store::SqlRunLedger ledger(storeServices.sqlStore());
  const std::string from = services.config().getString("smtp.from");
  std::vector<Row> rows;
  for (const engine::RunItem& item : ledger.mailItems(_query)) {
    rows.push_back(Row{engine::formatInstant(item.at), item.organisation, item.period, item.action, item.recipient,
                       item.sha256, mail::messageIdHeader(item.messageId, from), remark(item)});
  }
  if (_json) {
    printJson(rows);
  } else {
    printTable(rows);
  }
  return STATUS_OK;
}

}  // namespace profkpi::adapters::cli
