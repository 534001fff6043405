// The shipped defaults are written in three places that must agree: the
// built-in layer (adapters/cli/Defaults.cpp), the example file an operator
// copies (etc/profkpi.properties) and the store's own option defaults.
#include "adapters/cli/Defaults.h"
#include "adapters/store/SqlStore.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> keysOf(const Poco::Util::AbstractConfiguration& config, const std::string& root = "") {
  std::vector<std::string> children;
  config.keys(root, children);
  std::vector<std::string> keys;
  for (const std::string& child : children) {
    std::string key = root.empty() ? child : root + "." + child;
    std::vector<std::string> below = keysOf(config, key);
    if (below.empty()) keys.push_back(key);
    keys.insert(keys.end(), below.begin(), below.end());
  }
  return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ShippedDefaultsTest)

BOOST_AUTO_TEST_CASE(theShippedPropertiesFileSaysWhatTheBuiltInDefaultsDo) {
  auto defaults = profkpi::adapters::cli::defaultConfiguration();
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> shipped(
      new Poco::Util::PropertyFileConfiguration(std::string(PROFKPI_SOURCE_DIR) + "/etc/profkpi.properties"));
  for (const std::string& key : keysOf(*shipped)) {
    BOOST_TEST_CONTEXT(key) {
      BOOST_TEST(defaults->hasProperty(key));
      if (defaults->hasProperty(key)) BOOST_TEST(shipped->getRawString(key) == defaults->getRawString(key));
    }
  }
  for (const std::string& key : keysOf(*defaults)) {
    BOOST_TEST_CONTEXT(key) { BOOST_TEST(shipped->hasProperty(key)); }
  }
}

BOOST_AUTO_TEST_CASE(theStoreOptionsDefaultToTheShippedValues) {
  auto defaults = profkpi::adapters::cli::defaultConfiguration();
  profkpi::adapters::store::SqlStoreOptions options;
  BOOST_TEST(options.maxSessions == defaults->getInt("store.maxSessions"));
  BOOST_TEST(options.busyTimeoutSeconds == defaults->getInt("store.busyTimeoutSeconds"));
}

BOOST_AUTO_TEST_SUITE_END()
