// Infrastructure failures, as the engine's callers see them. Expected outcomes
// (refusals, conflicts, "not found") are values, never these.
#ifndef PROFKPI_ENGINE_PORTS_ERRORS_H
#define PROFKPI_ENGINE_PORTS_ERRORS_H

#include <stdexcept>
#include <string>

namespace profkpi::engine {

// The store could not do what was asked (locked, disk full, connection lost...).
// Nothing was half-written. Callers answer "try again later" (HTTP 503).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A report could not be rendered.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A report could not be delivered (mail refused or unreachable).
class DeliveryError : public std::runtime_error {
 public:
  enum class Kind {
    Temporary,    // refused for now (SMTP 4xx, a broken conversation): try again later
    Unreachable,  // no mail server answered: later messages will fail the same way
    Permanent,    // refused for good (SMTP 5xx): trying again will not help
  };
  using std::runtime_error::runtime_error;
  // `everyMessage`: the failure is the server's or the account's, not this
  // message's (credentials refused, say), so later messages would fail the same way.
  DeliveryError(const std::string& what, Kind kind, bool everyMessage = false)
      : std::runtime_error(what), _kind(kind), _everyMessage(everyMessage || kind == Kind::Unreachable) {}
  Kind kind() const { return _kind; }
  // True when trying further messages now would only repeat the failure (always for Unreachable).
  bool affectsEveryMessage() const { return _everyMessage; }

 private:
  Kind _kind = Kind::Temporary;
  bool _everyMessage = false;
};

// A rendered report could not be archived (disk full, permissions...).
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace profkpi::engine

#endif
