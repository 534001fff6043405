// Internal to engine/intake/xml: the Xerces-C set-up every reader shares. Process-wide
// initialisation with the network accessor removed and DTDs disabled, transcoding,
// and readers configured so that nothing outside the document is ever opened.
#ifndef PROFKPI_ENGINE_INTAKE_XML_XERCESSUPPORT_H
#define PROFKPI_ENGINE_INTAKE_XML_XERCESSUPPORT_H

#include <xercesc/framework/XMLGrammarPool.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax/EntityResolver.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace profkpi::engine::xml {

// Initialises Xerces once per process (thread-safe); never terminated, since
// readers may live until exit.
void ensureXercesInitialised();

std::string toUtf8(const XMLCh* text, XMLSize_t length);
std::string toUtf8(const XMLCh* text);
// Appends text that is known to be ASCII when it is; returns false (appending
// nothing) when it is not.
bool appendAscii(const XMLCh* text, std::string& out);

// Refuses every external entity, DTD and schema a document asks for.
class RefuseAllEntities final : public xercesc::EntityResolver {
 public:
  xercesc::InputSource* resolveEntity(const XMLCh* const publicId, const XMLCh* const systemId) override;
};

// Thrown by resolvers and handlers to stop a parse; the reason has been recorded.
struct ParseAborted {};

// A SAX2 reader that validates against the grammars cached in `pool` only:
// schema hints ignored, nothing loaded, no DTD, entity expansion capped.
// Identity constraints are left to the caller unless `identityConstraints`.
std::unique_ptr<xercesc::SAX2XMLReader> createHardenedReader(xercesc::XMLGrammarPool& pool,
                                                             bool identityConstraints = false);

}  // namespace profkpi::engine::xml

#endif
