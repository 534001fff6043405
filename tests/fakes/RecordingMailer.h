// The mail port for engine tests: records what it is asked to send, and fails
// as the test scripts it (per address, or for everything).
#ifndef PROFKPI_TESTS_FAKES_RECORDINGMAILER_H
#define PROFKPI_TESTS_FAKES_RECORDINGMAILER_H

#include "engine/ports/Errors.h"
#include "engine/ports/Mailer.h"

#include <functional>
#include <map>
#include <optional>

namespace profkpi::tests {

class RecordingMailer final : public engine::Mailer {
 public:
  using Kind = engine::DeliveryError::Kind;

  void send(const engine::Mail& mail) override {
    ++attempts;
    if (onSend) onSend(mail);
    auto failure = failures.find(mail.to);
    std::optional<Kind> kind = failure != failures.end() ? std::optional<Kind>(failure->second) : failAll;
    if (kind) throw engine::DeliveryError("scripted failure for " + mail.to, *kind, everyMessage);
    sent.push_back(mail);
  }

  std::function<void(const engine::Mail&)> onSend;  // called first, for each message
  std::vector<engine::Mail> sent;
  int attempts = 0;
  std::optional<Kind> failAll;
  std::map<std::string, Kind> failures;  // by address
  bool everyMessage = false;              // the failures concern every message (credentials refused)
};

}  // namespace profkpi::tests

#endif
