#include "tests/support/ReferenceValidators.h"

#include "tests/support/Process.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include <memory>
#include <sstream>

namespace profkpi::tests {

using namespace xercesc;

std::map<std::string, Judgement> judgeWithLibxml2(const std::string& xsd, const std::vector<std::string>& files) {
  std::map<std::string, Judgement> out;
  constexpr std::size_t BATCH = 400;  // files a command line
  for (std::size_t from = 0; from < files.size(); from += BATCH) {
    std::vector<std::string> argv = {"/usr/bin/xmllint", "--noout", "--schema", xsd};
    for (std::size_t i = from; i < std::min(files.size(), from + BATCH); ++i) argv.push_back(files[i]);
    ProcessResult run = runProcess(argv);
    std::istringstream lines(run.err);
    for (std::string line; std::getline(lines, line);) {
      for (std::size_t i = from; i < std::min(files.size(), from + BATCH); ++i) {
        const std::string& file = files[i];
        if (line.compare(0, file.size(), file) != 0) continue;
        std::string rest = line.substr(file.size());
        Judgement& j = out[file];
        if (rest == " validates") {
          j.valid = true;
        } else if (rest.size() > 1 && rest[0] == ':' && j.firstLine == 0 && rest.find("error") != std::string::npos) {
          j.firstLine = std::stol(rest.substr(1));
          j.firstMessage = rest.substr(rest.find(':', 1) + 1);
        }
      }
    }
  }
  return out;
}

namespace {
class FirstError final : public DefaultHandler {
 public:
  void error(const SAXParseException& e) override { note(e); }
  void fatalError(const SAXParseException& e) override { note(e); }
  void note(const SAXParseException& e) {
    if (judgement.firstLine != 0 || !judgement.valid) return;
    judgement.valid = false;
    judgement.firstLine = static_cast<long>(e.getLineNumber());
    char* text = XMLString::transcode(e.getMessage());
    judgement.firstMessage = text;
    XMLString::release(&text);
  }
  Judgement judgement;
};
}  // namespace

struct XercesJudge::State {
  std::unique_ptr<SAX2XMLReader> reader;
  FirstError handler;
};

XercesJudge::XercesJudge(const std::string& xsd) : _state(nullptr) {
  XMLPlatformUtils::Initialize();
  _state = new State;
  _state->reader.reset(XMLReaderFactory::createXMLReader());
  SAX2XMLReader& r = *_state->reader;
  r.setFeature(XMLUni::fgSAX2CoreNameSpaces, true);
  r.setFeature(XMLUni::fgSAX2CoreValidation, true);
  r.setFeature(XMLUni::fgXercesDynamic, false);
  r.setFeature(XMLUni::fgXercesSchema, true);
  r.setFeature(XMLUni::fgXercesSchemaFullChecking, true);
  r.setFeature(XMLUni::fgXercesIdentityConstraintChecking, true);
  r.setFeature(XMLUni::fgXercesUseCachedGrammarInParse, true);
  r.setFeature(XMLUni::fgXercesLoadSchema, false);  // schema hints are not followed
  r.setContentHandler(&_state->handler);
  r.setErrorHandler(&_state->handler);
  r.loadGrammar(xsd.c_str(), Grammar::SchemaGrammarType, true);
}

XercesJudge::~XercesJudge() {
  delete _state;
  XMLPlatformUtils::Terminate();
}

Judgement XercesJudge::judge(const std::string& document) {
  _state->handler.judgement = Judgement{};
  _state->handler.judgement.valid = true;
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(document.data()), document.size(), "document", false);
  try {
    _state->reader->parse(source);
  } catch (...) {
    if (_state->handler.judgement.valid) _state->handler.judgement = Judgement{};
  }
  return _state->handler.judgement;
}

}  // namespace profkpi::tests
