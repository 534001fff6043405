// The baseline for the intake benchmark: a bare Xerces-C SAX2 validating parse
// with the same cached grammar pool and reader settings profkpi uses, identity
// constraints off, and a handler that does nothing. profkpi validate's time is
// compared with this, as a ratio, in the same run.
//   xerces-baseline FILE...          validate each file, print "FILE: ok|N errors"
//   xerces-baseline --identity FILE  the same with Xerces' identity constraints on
#include "engine/intake/xml/GrammarPool.h"
#include "engine/intake/xml/Schemas.h"
#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/LocalFileInputSource.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>

#include <cstring>
#include <iostream>
#include <memory>

using namespace xercesc;

namespace {
class CountingHandler final : public DefaultHandler {
 public:
  void error(const SAXParseException&) override { ++errors; }
  void fatalError(const SAXParseException&) override { ++errors; }
  long errors = 0;
};
}  // namespace

int main(int argc, char** argv) {
  bool identity = argc > 1 && std::strcmp(argv[1], "--identity") == 0;
  profkpi::engine::xml::Schemas schemas;
  auto reader = profkpi::engine::xml::createHardenedReader(schemas.pool().grammars, identity);
  int status = 0;
  for (int i = identity ? 2 : 1; i < argc; ++i) {
    CountingHandler handler;
    reader->setContentHandler(&handler);
    reader->setErrorHandler(&handler);
    std::unique_ptr<XMLCh[]> path(XMLString::transcode(argv[i]));
    LocalFileInputSource source(path.get());
    reader->parse(source);
    std::cout << argv[i] << ": " << (handler.errors == 0 ? "ok" : std::to_string(handler.errors) + " errors") << "\n";
    status |= handler.errors != 0;
  }
  return status;
}
