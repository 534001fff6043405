// The organisations that may submit (registry.file): GSS code, names, type and the
// address reports are mailed to. Immutable once built; safe to share across threads.
#ifndef PROFKPI_ENGINE_MODEL_REGISTRY_H
#define PROFKPI_ENGINE_MODEL_REGISTRY_H

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine {

struct Organisation {
  std::string code;       // GSS code, e.g. W06000001
  std::string name;       // official name
  std::string welshName;  // empty unless the organisation has one
  std::string type;       // county, district, unitary, metropolitan-district, ...
  std::string contact;    // e-mail address for reports
  // The languages its board reports are rendered, archived and mailed in by the
  // nightly run, in order ("cy", "en": Welsh first). Default: English only.
  std::vector<std::string> reportLanguages{"en"};
};

class Registry {
 public:
  explicit Registry(std::vector<Organisation> organisations);

  // The organisation with this code, or nullptr. The pointer lives as long as the registry.
  const Organisation* find(std::string_view code) const;
  // In code order.
  const std::vector<Organisation>& all() const { return _organisations; }

 private:
  std::vector<Organisation> _organisations;
  std::map<std::string, std::size_t, std::less<>> _byCode;
};

}  // namespace profkpi::engine

#endif
