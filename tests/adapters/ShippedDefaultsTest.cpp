// The shipped defaults are written in three places that must agree: the
// built-in layer (adapters/cli/Defaults.cpp), the example file an operator
// copies (etc/profkpi.properties) and the store's own option defaults. The
// commands read every key without a fallback of their own, so that a default is
// written once (a literal fallback beside Defaults.cpp once drifted: 80 vs 32).
#include "adapters/cli/Defaults.h"
#include "adapters/store/SqlStore.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
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

// A configuration read in the source: the text of its argument list.
struct ConfigRead {
  std::string where;
  std::string arguments;
};

std::string withoutLineComments(const std::string& source) {
  return std::regex_replace(source, std::regex("//[^\n]*"), "");
}

// Every getString/getInt/... call in the files of adapters/cli, with its
// arguments up to the matching parenthesis (calls span lines).
std::vector<ConfigRead> configReadsInCli() {
  const std::regex call(R"(\bget(String|Int|Int64|Int32|UInt|UInt64|UInt32|Bool|Double)\()");
  std::vector<ConfigRead> reads;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PROFKPI_SOURCE_DIR) + "/adapters/cli")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string source = withoutLineComments(text.str());
    for (auto it = std::sregex_iterator(source.begin(), source.end(), call); it != std::sregex_iterator(); ++it) {
      std::size_t open = static_cast<std::size_t>(it->position() + it->length());
      std::size_t close = open;
      for (int depth = 1; close < source.size() && depth > 0; ++close) {
        if (source[close] == '(') ++depth;
        if (source[close] == ')') --depth;
      }
      reads.push_back({entry.path().filename().string() + ": " + it->str(), source.substr(open, close - 1 - open)});
    }
  }
  return reads;
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

BOOST_AUTO_TEST_CASE(theCommandsReadEveryKeyFromTheShippedDefaultsWithNoFallbackOfTheirOwn) {
  auto defaults = profkpi::adapters::cli::defaultConfiguration();
  std::vector<ConfigRead> reads = configReadsInCli();
  // Services, StoreServices, ServeCommand, NightlyComponents, ServeNightly and NightlyCommand read some 45 keys.
  BOOST_TEST(reads.size() >= 40u);
  const std::regex literalKeyAlone(R"re(\s*"([A-Za-z0-9.]+)"\s*)re");
  for (const ConfigRead& read : reads) {
    BOOST_TEST_CONTEXT(read.where << read.arguments << ")") {
      std::smatch key;
      // One string literal and nothing else: no second argument (a fallback).
      BOOST_TEST(std::regex_match(read.arguments, key, literalKeyAlone));
      if (!key.empty()) BOOST_TEST(defaults->hasProperty(key[1].str()));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
