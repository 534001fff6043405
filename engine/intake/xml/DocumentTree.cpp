#include "engine/intake/xml/DocumentTree.h"

#include "engine/intake/xml/GrammarPool.h"
#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/util/XMLException.hpp>

#include <fstream>
#include <sstream>

namespace profkpi::engine::xml {

using namespace xercesc;

std::string XmlNode::attribute(const std::string& key, const std::string& fallback) const {
  auto it = attributes.find(key);
  return it == attributes.end() ? fallback : it->second;
}

const XmlNode* XmlNode::child(std::string_view childName) const {
  for (const XmlNode& c : children) {
    if (c.name == childName) return &c;
  }
  return nullptr;
}

namespace {

constexpr std::size_t MAX_DEPTH = 16;

class TreeBuilder final : public DefaultHandler {
 public:
  TreeBuilder(std::string name, std::string_view expectedNamespace)
      : _name(std::move(name)), _expectedNamespace(expectedNamespace) {}

  XmlNode take() { return std::move(_root); }

  void setDocumentLocator(const Locator* const locator) override { _locator = locator; }
  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override { fail(e); }
  void fatalError(const SAXParseException& e) override { fail(e); }
  void startDTD(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    throw DocumentError(_name + ": a DOCTYPE is not allowed");
  }

  void startElement(const XMLCh* const uri, const XMLCh* const localName, const XMLCh* const,
                    const Attributes& attributes) override {
    if (_open.empty() && toUtf8(uri) != _expectedNamespace) {
      throw DocumentError(_name + ": expected a document in namespace " + std::string(_expectedNamespace) +
                          ", found {" + toUtf8(uri) + "}" + toUtf8(localName));
    }
    if (_open.size() >= MAX_DEPTH) throw DocumentError(_name + ": elements nested too deep");
    XmlNode node;
    node.name = toUtf8(localName);
    node.line = static_cast<long>(_locator->getLineNumber());
    for (XMLSize_t i = 0; i < attributes.getLength(); ++i) {
      node.attributes[toUtf8(attributes.getLocalName(i))] = toUtf8(attributes.getValue(i));
    }
    if (_open.empty()) {
      _root = std::move(node);
      _open.push_back(&_root);
    } else {
      _open.back()->children.push_back(std::move(node));
      _open.push_back(&_open.back()->children.back());
    }
  }

  void characters(const XMLCh* const chars, const XMLSize_t length) override {
    if (!_open.empty()) _open.back()->text += toUtf8(chars, length);
  }

  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override { _open.pop_back(); }

 private:
  void fail(const SAXParseException& e) {
    throw DocumentError(_name + ":" + std::to_string(e.getLineNumber()) + ":" +
                        std::to_string(e.getColumnNumber()) + ": " + toUtf8(e.getMessage()));
  }

  std::string _name;
  std::string_view _expectedNamespace;
  const Locator* _locator = nullptr;
  XmlNode _root;
  std::vector<XmlNode*> _open;
};

XmlNode readDocument(const Schemas& schemas, std::string_view text, std::string_view expectedNamespace,
                     const std::string& name, bool validate) {
  auto reader = createHardenedReader(schemas.pool().grammars, true);
  if (!validate) {
    reader->setFeature(XMLUni::fgSAX2CoreValidation, false);
    reader->setFeature(XMLUni::fgXercesSchema, false);
  }
  TreeBuilder builder(name, expectedNamespace);
  RefuseAllEntities refuser;
  reader->setContentHandler(&builder);
  reader->setErrorHandler(&builder);
  reader->setLexicalHandler(&builder);
  reader->setEntityResolver(&refuser);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size(), name.c_str(), false);
  try {
    reader->parse(source);
  } catch (const XMLException& e) {
    throw DocumentError(name + ": " + toUtf8(e.getMessage()));
  }
  return builder.take();
}

}  // namespace

XmlNode readValidatedDocument(const Schemas& schemas, std::string_view text, std::string_view expectedNamespace,
                              const std::string& name) {
  return readDocument(schemas, text, expectedNamespace, name, true);
}

XmlNode readShippedDocument(const Schemas& schemas, std::string_view text, std::string_view expectedNamespace,
                            const std::string& name) {
  return readDocument(schemas, text, expectedNamespace, name, false);
}

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DocumentError("cannot open " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw DocumentError("cannot read " + path);
  return content.str();
}

}  // namespace profkpi::engine::xml
