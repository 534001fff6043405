#include "engine/intake/xml/Schemas.h"

#include "engine/intake/xml/GrammarPool.h"
#include "engine/intake/xml/WarmUp.h"
#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include <stdexcept>

namespace profkpi::engine::xml {

namespace embedded {
extern const std::string_view SUBMISSION_XSD;
extern const std::string_view SUBMISSION_11_XSD;
extern const std::string_view REGISTRY_XSD;
extern const std::string_view CATALOGUE_XSD;
extern const std::string_view DEFAULT_REGISTRY;
extern const std::string_view DEFAULT_CATALOGUE;
}  // namespace embedded

using namespace xercesc;

namespace {

class ThrowingErrorHandler final : public DefaultHandler {
 public:
  explicit ThrowingErrorHandler(std::string_view name) : _name(name) {}
  void error(const SAXParseException& e) override { fail(e); }
  void fatalError(const SAXParseException& e) override { fail(e); }

 private:
  void fail(const SAXParseException& e) {
    throw std::runtime_error("shipped schema " + std::string(_name) + " line " +
                             std::to_string(e.getLineNumber()) + ": " + toUtf8(e.getMessage()));
  }
  std::string_view _name;
};

void loadGrammar(SAX2XMLReader& reader, std::string_view name, std::string_view text) {
  ThrowingErrorHandler errors(name);
  reader.setErrorHandler(&errors);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size(),
                           std::string(name).c_str(), false);
  if (reader.loadGrammar(source, Grammar::SchemaGrammarType, true) == nullptr) {
    throw std::runtime_error("shipped schema " + std::string(name) + " did not load");
  }
  reader.setErrorHandler(nullptr);
}

}  // namespace

Schemas::Schemas() : _pool((ensureXercesInitialised(), std::make_unique<Pool>())) {
  {
    auto loader = createHardenedReader(_pool->grammars);
    loader->setFeature(XMLUni::fgXercesSchemaFullChecking, true);
    loader->setFeature(XMLUni::fgXercesHandleMultipleImports, true);
    loadGrammar(*loader, "submission-1.0.xsd", embedded::SUBMISSION_XSD);
    loadGrammar(*loader, "registry-1.xsd", embedded::REGISTRY_XSD);
    loadGrammar(*loader, "catalogue-1.xsd", embedded::CATALOGUE_XSD);
  }
  {
    auto loader = createHardenedReader(_pool->grammars11);
    loader->setFeature(XMLUni::fgXercesSchemaFullChecking, true);
    loadGrammar(*loader, "submission-1.1.xsd", embedded::SUBMISSION_11_XSD);
  }
  _pool->grammars.lockPool();
  _pool->grammars11.lockPool();
  warmUp(*this);
}

Schemas::~Schemas() = default;

std::optional<SubmissionVersion> submissionVersion(std::string_view text) {
  if (text == SUPPORTED_SCHEMA_VERSIONS[0]) return SubmissionVersion::V1_0;
  if (text == SUPPORTED_SCHEMA_VERSIONS[1]) return SubmissionVersion::V1_1;
  return std::nullopt;
}

std::string_view Schemas::submissionXsd() { return embedded::SUBMISSION_XSD; }
std::string_view Schemas::submission11Xsd() { return embedded::SUBMISSION_11_XSD; }
std::string_view Schemas::registryXsd() { return embedded::REGISTRY_XSD; }
std::string_view Schemas::catalogueXsd() { return embedded::CATALOGUE_XSD; }
std::string_view Schemas::defaultRegistry() { return embedded::DEFAULT_REGISTRY; }
std::string_view Schemas::defaultCatalogue() { return embedded::DEFAULT_CATALOGUE; }

}  // namespace profkpi::engine::xml
