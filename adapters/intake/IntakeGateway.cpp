#include "adapters/intake/IntakeGateway.h"

#include "platform/Sha256.h"

namespace profkpi::adapters::intake {

IntakeGateway::IntakeGateway(const engine::xml::Schemas& schemas, const engine::Registry& registry,
                             const engine::Catalogue& catalogue, const engine::Clock& clock,
                             engine::xml::ReaderLimits limits, engine::IntakeService& service)
    : _schemas(schemas), _registry(registry), _catalogue(catalogue), _clock(clock), _limits(limits),
      _service(service) {}

IntakeGateway::~IntakeGateway() = default;

std::unique_ptr<engine::xml::SubmissionReader> IntakeGateway::borrow() {
  {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!_idle.empty()) {
      auto reader = std::move(_idle.back());
      _idle.pop_back();
      return reader;
    }
  }
  return std::make_unique<engine::xml::SubmissionReader>(_schemas, _registry, _catalogue, _clock, _limits);
}

void IntakeGateway::giveBack(std::unique_ptr<engine::xml::SubmissionReader> reader) {
  std::lock_guard<std::mutex> lock(_mutex);
  _idle.push_back(std::move(reader));
}

engine::IntakeResult IntakeGateway::validate(std::string_view bytes, const std::string& name) {
  auto reader = borrow();
  engine::IntakeResult result = reader->read(bytes.data(), bytes.size(), name);
  giveBack(std::move(reader));
  return result;
}

engine::Receipt IntakeGateway::submit(std::string_view bytes, const std::string& channel, const std::string& actor,
                                      const std::string& origin, const std::string& organisation) {
  engine::Delivery delivery;
  delivery.bytes = bytes;
  delivery.sha256 = platform::sha256Hex(bytes);
  delivery.channel = channel;
  delivery.actor = actor;
  delivery.origin = origin;
  delivery.organisation = organisation;
  return _service.accept(delivery, validate(bytes, origin));
}

}  // namespace profkpi::adapters::intake
