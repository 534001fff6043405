#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/parsers/SAX2XMLReaderImpl.hpp>
#include <xercesc/sax2/LexicalHandler.hpp>
#include <xercesc/validators/DTD/DTDElementDecl.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/XMLNetAccessor.hpp>
#include <xercesc/util/XMLUni.hpp>

#include <cstdlib>
#include <mutex>

namespace profkpi::engine::xml {

using namespace xercesc;

namespace {

// No legitimate submission expands an entity at all (DTDs are refused); this is
// the second line of defence should one ever get through.
constexpr XMLSize_t ENTITY_EXPANSION_LIMIT = 1000;

SecurityManager& securityManager() {
  static SecurityManager* manager = [] {
    auto* m = new SecurityManager();
    m->setEntityExpansionLimit(ENTITY_EXPANSION_LIMIT);
    return m;
  }();
  return *manager;
}

// Xerces tells the LexicalHandler of a DOCTYPE only when it has an internal
// subset or an external identifier: a bare <!DOCTYPE Submission> would pass
// unseen. This reader tells it of every DOCTYPE.
class DoctypeReportingReader final : public SAX2XMLReaderImpl {
 public:
  using SAX2XMLReaderImpl::SAX2XMLReaderImpl;

  void doctypeDecl(const DTDElementDecl& root, const XMLCh* const publicId, const XMLCh* const systemId,
                   const bool hasIntSubset, const bool hasExtSubset) override {
    if (!hasIntSubset && !hasExtSubset && getLexicalHandler() != nullptr) {
      getLexicalHandler()->startDTD(root.getFullName(), publicId, systemId);
    }
    SAX2XMLReaderImpl::doctypeDecl(root, publicId, systemId, hasIntSubset, hasExtSubset);
  }
};

}  // namespace

void ensureXercesInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    // DOCTYPEs are refused by the readers' startDTD handlers, which run before an
    // internal subset is read and say why. Operators may also set
    // XERCES_DISABLE_DTD=1 (the systemd unit does): Xerces 3.2.4 then refuses the
    // DOCTYPE itself, before the handler, as "invalid document structure".
    XMLPlatformUtils::Initialize();
    // Debian's build links a network accessor; without it no URL can ever be fetched.
    delete XMLPlatformUtils::fgNetAccessor;
    XMLPlatformUtils::fgNetAccessor = nullptr;
  });
}

// UTF-16 to UTF-8 by hand: Xerces' TranscodeToStr looks its transcoder up by
// name on every call, which dominated reading the registry. Unpaired
// surrogates (which a parser never produces) become U+FFFD.
std::string toUtf8(const XMLCh* text, XMLSize_t length) {
  std::string out;
  if (text == nullptr) return out;
  out.reserve(length);
  for (XMLSize_t i = 0; i < length; ++i) {
    char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[++i] - 0xDC00);
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string toUtf8(const XMLCh* text) {
  return text == nullptr ? std::string() : toUtf8(text, XMLString::stringLen(text));
}

bool appendAscii(const XMLCh* text, std::string& out) {
  std::size_t start = out.size();
  std::size_t length = 0;
  while (text[length] != 0) ++length;
  out.resize(start + length);
  char* target = &out[start];
  for (std::size_t i = 0; i < length; ++i) {
    if (text[i] >= 0x80) {
      out.resize(start);
      return false;
    }
    target[i] = static_cast<char>(text[i]);
  }
  return true;
}

InputSource* RefuseAllEntities::resolveEntity(const XMLCh* const, const XMLCh* const) {
  // An empty source rather than nullptr: with default resolution disabled Xerces
  // would refuse anyway, and this keeps the refusal independent of that feature.
  static const XMLByte nothing[] = {0};
  return new MemBufInputSource(nothing, 0, "refused", false);
}

std::unique_ptr<SAX2XMLReader> createHardenedReader(XMLGrammarPool& pool, bool identityConstraints) {
  ensureXercesInitialised();
  std::unique_ptr<SAX2XMLReader> reader(
      new (XMLPlatformUtils::fgMemoryManager) DoctypeReportingReader(XMLPlatformUtils::fgMemoryManager, &pool));
  reader->setFeature(XMLUni::fgSAX2CoreNameSpaces, true);
  reader->setFeature(XMLUni::fgSAX2CoreNameSpacePrefixes, false);
  reader->setFeature(XMLUni::fgSAX2CoreValidation, true);
  reader->setFeature(XMLUni::fgXercesDynamic, false);
  reader->setFeature(XMLUni::fgXercesSchema, true);
  reader->setFeature(XMLUni::fgXercesSchemaFullChecking, false);
  reader->setFeature(XMLUni::fgXercesIdentityConstraintChecking, identityConstraints);
  reader->setFeature(XMLUni::fgXercesLoadSchema, false);
  reader->setFeature(XMLUni::fgXercesUseCachedGrammarInParse, true);
  reader->setFeature(XMLUni::fgXercesCacheGrammarFromParse, false);
  reader->setFeature(XMLUni::fgXercesLoadExternalDTD, false);
  reader->setFeature(XMLUni::fgXercesSkipDTDValidation, true);
  reader->setFeature(XMLUni::fgXercesDisableDefaultEntityResolution, true);
  reader->setFeature(XMLUni::fgXercesValidationErrorAsFatal, false);
  reader->setFeature(XMLUni::fgXercesContinueAfterFatalError, false);
  reader->setFeature(XMLUni::fgXercesIgnoreAnnotations, true);
  reader->setProperty(XMLUni::fgXercesSecurityManager, &securityManager());
  return reader;
}

}  // namespace profkpi::engine::xml
