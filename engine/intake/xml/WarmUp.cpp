#include "engine/intake/xml/WarmUp.h"

#include "engine/intake/xml/GrammarPool.h"
#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>

#include <stdexcept>
#include <string>

namespace profkpi::engine::xml {

using namespace xercesc;

namespace {

// Both branches of every alternation in a pattern are taken across the two
// documents (quarter and year periods, "Z" and "+hh:mm" zones).
constexpr std::string_view AGGREGATE_DOCUMENT = R"(<?xml version="1.0" encoding="UTF-8"?>
<Submission xmlns="urn:profkpi:submission:1" schemaVersion="1.0">
  <Header>
    <SubmissionId>0aF9e8d7-C6b5-4a43-9210-fedcba987654</SubmissionId>
    <Organisation code="E06000001">Warm-up</Organisation>
    <Period>2009-10</Period>
    <PreparedAt>2010-04-05T10:00:00Z</PreparedAt>
    <PreparedBy>warm-up</PreparedBy>
    <SourceSystem name="warm-up" version="1"/>
  </Header>
  <Aggregate>
    <ItHeadcount>2</ItHeadcount><ItFte>1.5</ItFte><RolesTotal>2</RolesTotal><RolesMapped>1</RolesMapped>
    <StaffAssessed>1</StaffAssessed><StaffWithPdp>1</StaffWithPdp><StaffRecognised>1</StaffRecognised>
    <CpdDays>3.25</CpdDays>
  </Aggregate>
  <Explanations><Explanation code="PQ103">warm-up</Explanation></Explanations>
</Submission>)";

constexpr std::string_view WORKFORCE_DOCUMENT = R"(<?xml version="1.0" encoding="UTF-8"?>
<Submission xmlns="urn:profkpi:submission:1" schemaVersion="1.0">
  <Header>
    <SubmissionId>01234567-89ab-cdef-ABCD-EF0123456789</SubmissionId>
    <Organisation code="W06000001">Warm-up</Organisation>
    <Period>2009-10-Q2</Period>
    <PreparedAt>2009-10-05T10:00:00.5+01:00</PreparedAt>
  </Header>
  <Workforce>
    <Roles><Role id="r_1-A" mapped="true" sfiaCode="ITMG" sfiaLevel="5">Role</Role></Roles>
    <Staff>
      <Member id="m_1-Z" roleId="r_1-A" fte="0.5">
        <Assessment date="2009-06-01"/><Pdp agreed="2009-06-01Z"/>
        <Recognition body="BCS" kind="membership" grade="MBCS"/><Cpd days="2.5"/>
      </Member>
    </Staff>
  </Workforce>
  <Explanations><Explanation code="PQ101" kpi="K1">warm-up</Explanation></Explanations>
</Submission>)";

class FailOnError final : public DefaultHandler {
 public:
  void error(const SAXParseException& e) override { fail(e); }
  void fatalError(const SAXParseException& e) override { fail(e); }

 private:
  static void fail(const SAXParseException& e) {
    throw std::runtime_error("warm-up document invalid at line " + std::to_string(e.getLineNumber()) +
                             ": " + toUtf8(e.getMessage()));
  }
};

// The same document in version 1.1, with BoardNotes (its kpi pattern and date).
std::string asVersion11(std::string_view document) {
  std::string text(document);
  text.replace(text.find("schemaVersion=\"1.0\""), 19, "schemaVersion=\"1.1\"");
  text.insert(text.rfind("</Submission>"),
              "<BoardNotes><Summary>warm-up</Summary>"
              "<Action kpi=\"K1\" owner=\"warm-up\" due=\"2010-03-31\">warm-up</Action></BoardNotes>");
  return text;
}

void validate(SAX2XMLReader& reader, std::string_view document) {
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(document.data()), document.size(), "warm-up",
                           false);
  reader.parse(source);
}

}  // namespace

void warmUp(const Schemas& schemas) {
  auto reader = createHardenedReader(schemas.pool().grammars, true);
  FailOnError handler;
  reader->setContentHandler(&handler);
  reader->setErrorHandler(&handler);
  validate(*reader, AGGREGATE_DOCUMENT);
  validate(*reader, WORKFORCE_DOCUMENT);
  validate(*reader, Schemas::defaultRegistry());
  validate(*reader, Schemas::defaultCatalogue());
  auto reader11 = createHardenedReader(schemas.pool().grammars11, true);
  reader11->setContentHandler(&handler);
  reader11->setErrorHandler(&handler);
  validate(*reader11, asVersion11(AGGREGATE_DOCUMENT));
  validate(*reader11, asVersion11(WORKFORCE_DOCUMENT));
}

}  // namespace profkpi::engine::xml
