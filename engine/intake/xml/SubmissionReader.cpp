#include "engine/intake/xml/SubmissionReader.h"

#include "engine/intake/IdSet.h"
#include "engine/intake/xml/ContentModelFault.h"
#include "engine/intake/Lexical.h"
#include "engine/intake/xml/GrammarPool.h"
#include "engine/intake/xml/LengthFacet.h"
#include "engine/intake/xml/XercesSupport.h"
#include "engine/intake/xml/XmlDeclaration.h"

#include <xercesc/framework/LocalFileInputSource.hpp>
#include <xercesc/framework/XMLBuffer.hpp>
#include <xercesc/internal/XMLScanner.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/validators/datatype/AbstractStringValidator.hpp>
#include <xercesc/validators/schema/SchemaValidator.hpp>

#include <array>
#include <fstream>
#include <iterator>
#include <string_view>

namespace profkpi::engine::xml {

using namespace xercesc;

namespace {

enum class El : std::uint8_t {
  Other, Submission, Header, SubmissionId, Organisation, Period, PreparedAt, PreparedBy, SourceSystem,
  Aggregate, ItHeadcount, ItFte, RolesTotal, RolesMapped, StaffAssessed, StaffWithPdp, StaffRecognised,
  CpdDays, Workforce, Roles, Role, Staff, Member, Assessment, Pdp, Recognition, Cpd, Explanations,
  Explanation, BoardNotes, Summary, Action,
};

// Called for every element of a document of any size, so it compares rather
// than hashes: the length and first letter narrow it to one or two names.
El classify(const XMLCh* localName) {
  struct Name {
    std::u16string_view text;
    El element;
  };
  static const Name NAMES[] = {
      {u"Submission", El::Submission},     {u"Header", El::Header},
      {u"SubmissionId", El::SubmissionId}, {u"Organisation", El::Organisation},
      {u"Period", El::Period},             {u"PreparedAt", El::PreparedAt},
      {u"PreparedBy", El::PreparedBy},     {u"SourceSystem", El::SourceSystem},
      {u"Aggregate", El::Aggregate},       {u"ItHeadcount", El::ItHeadcount},
      {u"ItFte", El::ItFte},               {u"RolesTotal", El::RolesTotal},
      {u"RolesMapped", El::RolesMapped},   {u"StaffAssessed", El::StaffAssessed},
      {u"StaffWithPdp", El::StaffWithPdp}, {u"StaffRecognised", El::StaffRecognised},
      {u"CpdDays", El::CpdDays},           {u"Workforce", El::Workforce},
      {u"Roles", El::Roles},               {u"Role", El::Role},
      {u"Staff", El::Staff},               {u"Member", El::Member},
      {u"Assessment", El::Assessment},     {u"Pdp", El::Pdp},
      {u"Recognition", El::Recognition},   {u"Cpd", El::Cpd},
      {u"Explanations", El::Explanations}, {u"Explanation", El::Explanation},
      {u"BoardNotes", El::BoardNotes},     {u"Summary", El::Summary},
      {u"Action", El::Action},
  };
  std::u16string_view name(localName);
  for (const Name& candidate : NAMES) {
    if (candidate.text.size() == name.size() && candidate.text[0] == name[0] && candidate.text == name) {
      return candidate.element;
    }
  }
  return El::Other;
}

// The Aggregate's measure elements, ItHeadcount to CpdDays, are in Measure
// order. These two run for every element: a range and a bit test keep them
// small enough to inline.
std::optional<Measure> aggregateMeasure(El element) {
  static_assert(static_cast<int>(El::CpdDays) - static_cast<int>(El::ItHeadcount) ==
                static_cast<int>(Measure::CpdDays) - static_cast<int>(Measure::ItHeadcount));
  if (element < El::ItHeadcount || element > El::CpdDays) return std::nullopt;
  return static_cast<Measure>(static_cast<int>(element) - static_cast<int>(El::ItHeadcount));
}

constexpr std::uint64_t bit(El element) { return std::uint64_t{1} << static_cast<int>(element); }

bool isMemberChild(El element) {
  constexpr std::uint64_t CHILDREN = bit(El::Assessment) | bit(El::Pdp) | bit(El::Recognition) | bit(El::Cpd);
  return (CHILDREN & bit(element)) != 0;
}

bool capturesText(El element) {
  constexpr std::uint64_t MEASURES = (bit(El::CpdDays) << 1) - bit(El::ItHeadcount);
  constexpr std::uint64_t CAPTURED = bit(El::SubmissionId) | bit(El::Organisation) | bit(El::Period) |
                                     bit(El::PreparedAt) | bit(El::PreparedBy) | bit(El::Explanation) |
                                     bit(El::Summary) | bit(El::Action) | MEASURES;
  return (CAPTURED & bit(element)) != 0;
}

// Longest text kept for one element; every captured element allows far less, so a
// longer text is already a schema error (and cannot make us allocate without bound).
constexpr std::size_t MAX_CAPTURED_TEXT = 64 * 1024;
constexpr std::size_t MAX_RECORD_ID = 32;
constexpr const char* NO_ROOT =
    "no root element: the document is empty, or has text where its root element should start";
constexpr const char* DOCTYPE_REFUSED = "a DOCTYPE is not allowed: submissions may not declare a DTD or entities";
const std::u16string_view NAMESPACE_U16 = u"urn:profkpi:submission:1";
const std::u16string_view XSI_NAMESPACE_U16 = u"http://www.w3.org/2001/XMLSchema-instance";
const std::string CALENDAR_YEARS = "years 0001 to 32767";

std::string xsiRefusal(const std::string& qname) {
  return "attribute '" + qname +
         "' is not allowed: a submission may not use xsi:type, xsi:nil or any other XML Schema instance "
         "attribute (xsi:schemaLocation hints are ignored)";
}

// The scanner behind a validator, to resolve a prefix the way the document binds
// it. XMLValidator::getScanner is protected; a member pointer taken in a class
// derived from it may be applied to any validator.
struct ValidatorScanner : XMLValidator {
  static XMLScanner* of(XMLValidator* validator) {
    if (validator == nullptr) return nullptr;
    XMLScanner* (XMLValidator::*get)() = &ValidatorScanner::getScanner;
    return (validator->*get)();
  }
};

XMLScanner* scannerOf(XMLValidator* validator) { return ValidatorScanner::of(validator); }

}  // namespace

class SubmissionReader::Handler final : public DefaultHandler {
 public:
  explicit Handler(const ReaderLimits& limits) : _limits(limits) {}

  // The reader whose validator judges the document (for the facets of a cut finding).
  void attach(const SAX2XMLReader& reader) { _reader = &reader; }

  // `document` is the document's bytes when in memory; `path` its file otherwise.
  // `version`: the schema the parser validates against this time.
  void begin(SubmissionBuilder& builder, std::string_view document, const std::string* path,
             SubmissionVersion version) {
    _builder = &builder;
    _parsingAs = version;
    _restartAs.reset();
    _notesRefusedAt = 0;
    _notesReported = false;
    _notes = BoardNotes{};
    _document = document;
    _path = path;
    _depth = 0;
    _rootSeen = false;
    _rootRefused = false;
    _ourNamespace = nullptr;
    _pending.clear();
    _errorCount = _errorMark = _captureErrorMark = 0;
    _capturing = false;
    _header = SubmissionHeader{};
    _figures = rules::AggregateFigures{};
    _roleIds.clear();
    _memberIds.clear();
    _children.clear();
    _names.fill({});
  }

  // Flushes what is held back until the root element is judged.
  void end() {
    for (Diagnostic& d : _pending) _builder->report(std::move(d));
    _pending.clear();
    _builder = nullptr;
  }

  // Records a finding from outside the callbacks (I/O, parser exceptions).
  void reportFatal(const XMLCh* message, Position where) {
    add(Severity::Error, CODE_XML, toUtf8(message), invalidUtf8At(message, where), false);
  }
  void reportFatal(std::string message, Position where) {
    add(Severity::Error, CODE_XML, std::move(message), where, false);
  }

  // The version the document declares when the parser validated it against
  // another's schema: parse it again with that one (nothing was reported yet).
  std::optional<SubmissionVersion> restartAs() const { return _restartAs; }

  Position here() const {
    if (_locator == nullptr) return {};
    return {static_cast<long>(_locator->getLineNumber()), static_cast<long>(_locator->getColumnNumber())};
  }

  // ---- ErrorHandler
  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override {
    // Once the root is refused, the document is judged by nothing else in its schema.
    if (_rootRefused) return;
    std::u16string_view message(e.getMessage());
    // BoardNotes in a 1.0 document is refused once, with what it needs: the 1.0
    // schema's finding (before startElement) is replaced, and what it holds is not judged.
    if (_parsingAs == SubmissionVersion::V1_0 && message == u"no declaration found for element 'BoardNotes'") {
      ++_errorCount;
      _notesReported = true;
      return boardNotesNeedsVersion11({static_cast<long>(e.getLineNumber()), static_cast<long>(e.getColumnNumber())});
    }
    if (_notesRefusedAt != 0 && isAboutRefusedBoardNotes(e)) return;
    if (_depth > 0 && placeAtChild(message)) return;
    if (_depth > 0 && isTextInElementOnlyContent(message)) return reportTextInElementOnlyContent();
    // Xerces counts string lengths in UTF-16 units; the schema counts characters.
    if (_capturing && isCutValueFinding(message)) return judgeCutContentFinding(e);
    if (auto recounted = recountedLengthFinding(message)) fromParser(CODE_XSD, e, recounted->c_str());
  }
  void fatalError(const SAXParseException& e) override {
    if (!_rootSeen && std::u16string_view(e.getMessage()) == u"invalid document structure") {
      // What Xerces says when XERCES_DISABLE_DTD=1 refuses a DOCTYPE.
      // Also what it says when no root element starts: at the end of an empty
      // document, or at the first column of text where the root should be. A
      // refused DOCTYPE is reported after its "<!DOCTYPE", so further along.
      ++_errorCount;
      bool noRoot = e.getColumnNumber() <= 1;
      add(Severity::Error, CODE_XML,
          noRoot ? std::string(NO_ROOT) : std::string(DOCTYPE_REFUSED) + " (or the prolog is malformed)",
          {static_cast<long>(e.getLineNumber()), static_cast<long>(e.getColumnNumber())}, true);
      return;
    }
    if (auto qname = unknownXsiAttribute(e.getMessage())) {
      ++_errorCount;
      add(Severity::Error, CODE_XSD, xsiRefusal(*qname),
          {static_cast<long>(e.getLineNumber()), static_cast<long>(e.getColumnNumber())}, true);
      return;
    }
    fromParser(CODE_XML, e);
  }

  // ---- LexicalHandler
  void startDTD(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    add(Severity::Error, CODE_XML, DOCTYPE_REFUSED, here(), false);
    throw ParseAborted{};
  }

  // ---- ContentHandler
  void setDocumentLocator(const Locator* const locator) override { _locator = locator; }

  void startElement(const XMLCh* const uri, const XMLCh* const localName, const XMLCh* const,
                    const Attributes& attributes) override {
    if (_depth >= _limits.maxDepth || attributes.getLength() > _limits.maxAttributes) refuseShape();
    El element = inOurNamespace(uri) ? classifyCached(localName) : El::Other;
    if (_depth == 0) {
      // The scanner picks its validator by the document: the schema one is in place by the root.
      _validator = dynamic_cast<SchemaValidator*>(_reader != nullptr ? _reader->getValidator() : nullptr);
      judgeRoot(uri, localName, element, attributes);
    }
    if (_rootRefused) element = El::Other;  // read on for well-formedness only
    Position at = here();
    if (_depth > 0) _children.child(_depth - 1, uri, localName, at);
    _children.open(_depth, localName, at, _validator != nullptr ? _validator->getCurrentTypeInfo() : nullptr);
    _stack[_depth++] = element;
    bool tagClean = _errorCount == _errorMark;

    // A Workforce's Members come thousands to a document: their elements are
    // handled here, every other element out of line, so that this stays a few
    // cache lines.
    switch (element) {
      case El::Member: startMember(attributes, tagClean); break;
      case El::Assessment:
        _member.assessmentPosition = at;
        _member.assessment = dateAttribute(attributes, u"date", "Assessment date", tagClean);
        break;
      case El::Pdp:
        _member.pdpPosition = at;
        _member.pdp = dateAttribute(attributes, u"agreed", "Pdp agreed", tagClean);
        break;
      case El::Recognition:
        _member.recognised = true;
        // body, kind and grade are all it may have: anything else may be an xsi: attribute.
        for (XMLSize_t i = 0, n = attributes.getLength(); i < n; ++i) {
          const XMLCh* name = attributes.getQName(i);
          if (!isName(name, u"body") && !isName(name, u"kind") && !isName(name, u"grade")) {
            judgeXsi(attributes);
            break;
          }
        }
        break;
      case El::Cpd: _member.cpdDays = amountValue(onlyAttribute(attributes, u"days"), "days", tagClean); break;
      default:
        judgeXsi(attributes);
        startOther(element, attributes);
        break;
    }
    _errorMark = _captureErrorMark = _errorCount;
  }

  void characters(const XMLCh* const chars, const XMLSize_t length) override {
    if (_capturing && _text.size() < MAX_CAPTURED_TEXT) {
      _text.append(chars, std::min<std::size_t>(length, MAX_CAPTURED_TEXT - _text.size()));
    }
  }

  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    El element = _stack[--_depth];
    bool contentClean = _errorCount == _captureErrorMark;
    _capturing = false;
    if (element == El::Member) {
      _builder->member(_member);
    } else if (!isMemberChild(element)) {
      endOther(element, contentClean);
    }
    _errorMark = _errorCount;
  }

 private:
  // The elements other than a Member's, which come once or a few times a document.
  [[gnu::noinline]] void startOther(El element, const Attributes& attributes) {
    switch (element) {
      case El::Organisation:
        _header.organisationPosition = here();
        _header.organisationCode = ascii(valueOf(attributes, u"code"));
        break;
      case El::Period: _header.periodPosition = here(); break;
      case El::PreparedAt: _header.preparedAtPosition = here(); break;
      case El::SourceSystem:
        _header.sourceSystemName = toUtf8(valueOf(attributes, u"name"));
        _header.sourceSystemVersion = toUtf8(valueOf(attributes, u"version"));
        break;
      case El::Workforce:
        _workforcePosition = here();
        _builder->workforceStarted();
        break;
      case El::Role: startRole(attributes); break;
      case El::Staff: _roleIds.indexForLookups(); break;  // the Roles are complete: each Member looks one up
      case El::BoardNotes:
        if (_parsingAs == SubmissionVersion::V1_0) {
          _notesRefusedAt = _depth;
          if (!_notesReported) {
            ++_errorCount;
            boardNotesNeedsVersion11(here());
          }
          _notesReported = false;
        }
        break;
      case El::Action: startAction(attributes); break;
      case El::Explanation:
        _explanation = Explanation{};
        _explanation.position = here();
        _explanation.code = ascii(valueOf(attributes, u"code"));
        _explanation.kpi = ascii(valueOf(attributes, u"kpi"));
        break;
      default: break;
    }
    if (capturesText(element)) {
      _capturing = true;
      _text.clear();
      _textPosition = here();
    }
  }

  [[gnu::noinline]] void endOther(El element, bool contentClean) {
    if (auto measure = aggregateMeasure(element)) {
      _figures.hundredths[static_cast<std::size_t>(*measure)] = measureValue(*measure, contentClean);
      _figures.positions[static_cast<std::size_t>(*measure)] = _textPosition;
    }
    switch (element) {
      case El::SubmissionId: _header.submissionId = std::string(lexical::trim(utf8Text())); break;
      case El::Organisation: _header.organisationName = utf8Text(); break;
      case El::Period:
        _header.periodText = utf8Text();
        _header.period = Period::parse(_header.periodText);
        break;
      case El::PreparedAt:
        _header.preparedAt = lexical::zonedDateTime(utf8Text());
        if (!_header.preparedAt && contentClean) {
          // Xerces takes a leap second (60) and years beyond the engine's calendar.
          add(Severity::Error, CODE_XSD,
              "PreparedAt \"" + std::string(lexical::trim(utf8Text())) +
                  "\" cannot be used: seconds must be 00 to 59 and " + CALENDAR_YEARS,
              _textPosition, true);
        }
        break;
      case El::PreparedBy: _header.preparedBy = utf8Text(); break;
      case El::Header: _builder->header(std::move(_header)); break;
      case El::Aggregate: _builder->aggregate(_figures); break;
      case El::Workforce: _builder->workforceEnded(_workforcePosition); break;
      case El::Explanation:
        _explanation.text = utf8Text();
        _builder->explanation(std::move(_explanation));
        break;
      case El::Summary: _notes.summary = utf8Text(); break;
      case El::Action:
        _action.text = utf8Text();
        _notes.actions.push_back(std::move(_action));
        break;
      case El::BoardNotes:
        if (_parsingAs == SubmissionVersion::V1_1) _builder->boardNotes(std::move(_notes));
        break;
      default: break;
    }
  }

  // A finding about the text of the element being ended, cut short by Xerces so
  // that it cannot be recounted: the text is judged here against the content's
  // maxLength, in characters. Any other cut finding is passed on as it is.
  [[gnu::cold]] void judgeCutContentFinding(const SAXParseException& e) {
    std::optional<std::size_t> limit;
    if (auto* validator = dynamic_cast<SchemaValidator*>(_reader != nullptr ? _reader->getValidator() : nullptr)) {
      auto* type = dynamic_cast<AbstractStringValidator*>(validator->getCurrentDatatypeValidator());
      if (type != nullptr && type->getMaxLength() > 0 && _text.size() > type->getMaxLength()) {
        limit = type->getMaxLength();
      }
    }
    if (!limit) return fromParser(CODE_XSD, e);
    if (auto finding = judgedLength(_text, *limit, _text.size() >= MAX_CAPTURED_TEXT)) {
      fromParser(CODE_XSD, e, finding->c_str());
    }
  }

  // Xerces 3.2 reports an xsi: attribute other than type, nil, schemaLocation and
  // noNamespaceSchemaLocation as "attribute 'xsi:foo' is already specified",
  // like a true duplicate. It is one when its prefix is bound to the XML Schema
  // instance namespace and its name is not one of those four: then its name.
  [[gnu::cold]] std::optional<std::string> unknownXsiAttribute(std::u16string_view message) const {
    constexpr std::u16string_view START = u"attribute '";
    constexpr std::u16string_view DUPLICATE = u"' is already specified for element '";
    std::size_t end = message.find(DUPLICATE);
    if (message.substr(0, START.size()) != START || end == std::u16string_view::npos) return std::nullopt;
    std::u16string qname(message.substr(START.size(), end - START.size()));
    std::size_t colon = qname.find(u':');
    if (colon == std::u16string::npos) return std::nullopt;
    std::u16string_view local = std::u16string_view(qname).substr(colon + 1);
    if (local == u"type" || local == u"nil" || local == u"schemaLocation" || local == u"noNamespaceSchemaLocation") {
      return std::nullopt;
    }
    XMLScanner* scanner = _reader != nullptr ? scannerOf(_reader->getValidator()) : nullptr;
    if (scanner == nullptr) return std::nullopt;
    XMLBuffer prefix;
    int colonAt = -1;
    unsigned int uri = scanner->resolveQName(qname.c_str(), prefix, ElemStack::Mode_Attribute, colonAt);
    const XMLCh* uriText = scanner->getURIText(uri);
    if (uriText == nullptr || std::u16string_view(uriText) != XSI_NAMESPACE_U16) return std::nullopt;
    return toUtf8(qname.c_str());
  }

  // A content-model finding (reported by Xerces at the end tag of the element
  // at the top of the stack) placed at the child that breaks the model.
  [[gnu::cold]] bool placeAtChild(std::u16string_view message) {
    XMLScanner* scanner = scannerOf(_validator);
    if (scanner == nullptr) return false;
    auto placed = placeContentModelFault(message, *scanner, _children, _depth - 1, here());
    if (!placed) return false;
    ++_errorCount;
    add(Severity::Error, CODE_XSD, std::move(placed->message), placed->where, true);
    return true;
  }

  // Xerces reports text in element-only content where the text ends, and
  // does not hand the text over: the finding names the element it stands in
  // and is placed at that element's start tag (as libxml2 does).
  [[gnu::cold]] void reportTextInElementOnlyContent() {
    ++_errorCount;
    Position end = here();
    std::size_t parent = _depth > 0 ? _depth - 1 : 0;
    add(Severity::Error, CODE_XSD,
        "text is not allowed in '" + toUtf8(_children.nameAt(parent)) +
            "', whose content is elements only (the text ends at line " + std::to_string(end.line) + ", column " +
            std::to_string(end.column) + ")",
        _children.openedAt(parent).line != 0 ? _children.openedAt(parent) : end, true);
  }

  // Deeper than maxDepth, or more than maxAttributes: reading stops.
  [[gnu::cold]] [[noreturn]] void refuseShape() {
    if (_depth >= _limits.maxDepth) {
      add(Severity::Error, CODE_XML,
          "elements nested deeper than " + std::to_string(_limits.maxDepth) + " levels", here(), false);
    } else {
      add(Severity::Error, CODE_XML,
          "an element with more than " + std::to_string(_limits.maxAttributes) + " attributes", here(), false);
    }
    throw ParseAborted{};
  }

  [[gnu::cold]] void judgeRoot(const XMLCh* uri, const XMLCh* localName, El element, const Attributes& attributes) {
    _rootSeen = true;
    std::string got = toUtf8(uri);
    if (std::u16string_view(uri) != NAMESPACE_U16 || element != El::Submission) {
      _pending.clear();  // "no declaration found" and the like say less than this
      add(Severity::Error, CODE_XSD,
          "unknown document: root element {" + got + "}" + toUtf8(localName) +
              "; profkpi supports {" + std::string(SUBMISSION_NAMESPACE) + "}Submission (supported: schemaVersion " +
              std::string(SUPPORTED_SCHEMA_VERSIONS_TEXT) + ")",
          here(), false);
      _rootRefused = true;
      return;
    }
    const XMLCh* version = valueOf(attributes, u"schemaVersion");
    std::string versionText = version == nullptr ? "" : std::string(lexical::trim(toUtf8(version)));
    std::optional<SubmissionVersion> known = submissionVersion(versionText);
    if (!known) {
      _pending.clear();
      add(Severity::Error, CODE_XSD,
          (version == nullptr ? std::string("schemaVersion is missing")
                              : "schemaVersion \"" + versionText + "\" is not supported") +
              " (supported: " + std::string(SUPPORTED_SCHEMA_VERSIONS_TEXT) + " of " +
              std::string(SUBMISSION_NAMESPACE) + ")",
          here(), false);
      _rootRefused = true;
      return;
    }
    if (*known != _parsingAs) {
      _restartAs = known;
      throw ParseAborted{};
    }
    for (Diagnostic& d : _pending) _builder->report(std::move(d));
    _pending.clear();
    _header.schemaVersion = versionText;
  }

  // Version 1.0 has no BoardNotes: one finding that says what it needs, in place
  // of the 1.0 schema's findings about it and what it holds.
  [[gnu::cold]] void boardNotesNeedsVersion11(Position where) {
    add(Severity::Error, CODE_XSD,
        "BoardNotes needs schemaVersion=\"1.1\": this document says schemaVersion=\"1.0\", whose schema has no "
        "BoardNotes (supported: " + std::string(SUPPORTED_SCHEMA_VERSIONS_TEXT) + ")",
        where, true);
  }

  // A finding of the 1.0 schema that the BoardNotes refusal already covers: one
  // inside it, or its parent's content model naming it.
  [[gnu::cold]] bool isAboutRefusedBoardNotes(const SAXParseException& e) const {
    if (_depth >= _notesRefusedAt) return true;
    return std::u16string_view(e.getMessage()).find(u"BoardNotes") != std::u16string_view::npos;
  }

  void startAction(const Attributes& attributes) {
    _action = BoardAction{};
    _action.position = here();
    _action.kpi = ascii(valueOf(attributes, u"kpi"));
    _action.owner = toUtf8(valueOf(attributes, u"owner"));
    if (const XMLCh* due = valueOf(attributes, u"due")) {
      std::string_view text = asciiView(due);
      _action.due = lexical::date(text);
      if (!_action.due && _errorCount == _errorMark) outsideCalendar("Action due", text, here());
    }
  }

  void startRole(const Attributes& attributes) {
    std::string_view id = recordId(valueOf(attributes, u"id"));
    if (ownIdentityChecks() && !id.empty() && !_roleIds.insert(id)) {
      add(Severity::Error, CODE_XSD,
          "duplicate Role id \"" + std::string(id) + "\": Role ids must be unique (constraint RoleId)", here(), true);
    }
    const XMLCh* mapped = valueOf(attributes, u"mapped");
    _builder->role(mapped == nullptr ? std::nullopt : lexical::boolean(asciiView(mapped)));
  }

  void startMember(const Attributes& attributes, bool tagClean) {
    _member = MemberRecord{};
    // One pass over the attributes rather than a search for each.
    const XMLCh* id = nullptr;
    const XMLCh* roleId = nullptr;
    const XMLCh* fte = nullptr;
    bool other = false;
    for (XMLSize_t i = 0, n = attributes.getLength(); i < n; ++i) {
      const XMLCh* name = attributes.getQName(i);  // unqualified: see valueOf
      if (isName(name, u"id")) id = attributes.getValue(i);
      else if (isName(name, u"roleId")) roleId = attributes.getValue(i);
      else if (isName(name, u"fte")) fte = attributes.getValue(i);
      else other = true;
    }
    if (other) judgeXsi(attributes);
    if (ownIdentityChecks()) {
      std::string_view memberId = recordId(id);
      if (!memberId.empty() && !_memberIds.insert(memberId)) {
        add(Severity::Error, CODE_XSD,
            "duplicate Member id \"" + std::string(memberId) + "\": Member ids must be unique (constraint MemberId)",
            here(), true);
      }
      std::string_view role = recordId(roleId);
      if (!role.empty() && !_roleIds.contains(role)) {
        add(Severity::Error, CODE_XSD,
            "Member roleId \"" + std::string(role) +
                "\" is not the id of a Role in this document (constraint MemberRoleId)",
            here(), true);
      }
    }
    _member.fte = amountValue(fte, "fte", tagClean);
  }


  // Xerces hands out an element's local name from its declaration, which lives
  // for the whole parse: the same pointer means the same name, so each name is
  // compared once per document, not once per element (cleared in begin()).
  El classifyCached(const XMLCh* localName) {
    // Declarations sit at aligned addresses: a multiplicative hash spreads them.
    std::uint64_t hash = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(localName)) * 0x9E3779B97F4A7C15u;
    static_assert(std::tuple_size_v<decltype(_names)> == 64);
    NameSeen& seen = _names[hash >> 58];  // the top 6 bits: one of 64
    if (seen.name != localName) seen = {localName, classify(localName)};
    return seen.element;
  }

  // Xerces hands out namespace URIs from its string pool, so the pointer seen
  // once for ours stands for it for the rest of the document.
  bool inOurNamespace(const XMLCh* uri) {
    if (uri == _ourNamespace) return true;
    if (std::u16string_view(uri) != NAMESPACE_U16) return false;
    _ourNamespace = uri;
    return true;
  }

  // An unqualified attribute's value, or nullptr. Only unqualified attributes
  // are ours, and an attribute is unqualified exactly when its qualified name
  // has no prefix: comparing that name is cheaper than Xerces' own look-up by
  // name or asking it for the URI.
  template <std::size_t N>
  static const XMLCh* valueOf(const Attributes& attributes, const char16_t (&name)[N]) {
    for (XMLSize_t i = 0, n = attributes.getLength(); i < n; ++i) {
      if (isName(attributes.getQName(i), name)) return attributes.getValue(i);
    }
    return nullptr;
  }

  // Whether `text` is `name`, terminator included. It stops at the first
  // difference, so it reads no further than either string's end, and it needs
  // no length of `text` first (per-Member attribute names are compared often).
  template <std::size_t N>
  static bool isName(const XMLCh* text, const char16_t (&name)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (text[i] != name[i]) return false;
    }
    return true;
  }

  bool ownIdentityChecks() const { return !_limits.xercesIdentityConstraints; }

  // An id as xs:token sees it (collapsed), until the next asciiView; empty when
  // it cannot be a valid id, in which case the schema has already refused it.
  std::string_view recordId(const XMLCh* value) {
    std::string_view id = lexical::trim(asciiView(value));
    return id.size() <= MAX_RECORD_ID ? id : std::string_view();
  }

  std::string ascii(const XMLCh* value) {
    std::string out;
    if (value != nullptr) appendAscii(value, out);
    return out;
  }

  // The value when it is all ASCII (empty otherwise), narrowed into a small
  // array of the handler's (nearly every attribute value is short) or else
  // into a reused string. The view holds until the next call: per-Member work
  // stays free of allocations and of string appends.
  std::string_view asciiView(const XMLCh* value) {
    if (value == nullptr) return {};
    std::size_t n = 0;
    for (; value[n] != 0 && n < _narrow.size(); ++n) {
      if (value[n] >= 0x80) return {};
      _narrow[n] = static_cast<char>(value[n]);
    }
    if (value[n] == 0) return {_narrow.data(), n};
    _longValue.clear();
    appendAscii(value, _longValue);
    return _longValue;
  }

  template <std::size_t N>
  std::optional<Date> dateAttribute(const Attributes& attributes, const char16_t (&name)[N], const char* what,
                                    bool tagClean) {
    const XMLCh* value = onlyAttribute(attributes, name);
    if (value == nullptr) return std::nullopt;
    std::string_view text = asciiView(value);
    auto parsed = lexical::date(text);
    if (!parsed && tagClean) outsideCalendar(what, text, here());
    return parsed;
  }

  // The value of the one attribute an element (Assessment, Pdp, Cpd) declares.
  // Any other attribute is judged by judgeXsi: the first test costs nothing
  // when the element is as the schema says.
  template <std::size_t N>
  const XMLCh* onlyAttribute(const Attributes& attributes, const char16_t (&name)[N]) {
    const XMLCh* value = attributes.getLength() == 1 ? valueOf(attributes, name) : nullptr;
    if (value == nullptr) {
      judgeXsi(attributes);
      value = valueOf(attributes, name);
    }
    return value;
  }

  // XSD attributes (xsi:type, xsi:nil and any other) change how Xerces judges
  // an element; a submission gains nothing from them, so they are refused.
  // xsi:schemaLocation and xsi:noNamespaceSchemaLocation are hints, ignored.
  [[gnu::noinline]] void judgeXsi(const Attributes& attributes) {
    if (_rootRefused) return;
    for (XMLSize_t i = 0, n = attributes.getLength(); i < n; ++i) {
      const XMLCh* uri = attributes.getURI(i);
      if (uri == nullptr || std::u16string_view(uri) != XSI_NAMESPACE_U16) continue;
      std::u16string_view local(attributes.getLocalName(i));
      if (local == u"schemaLocation" || local == u"noNamespaceSchemaLocation") continue;
      ++_errorCount;
      add(Severity::Error, CODE_XSD, xsiRefusal(toUtf8(attributes.getQName(i))), here(), true);
    }
  }

  std::optional<Amount> amountValue(const XMLCh* value, const char* what, bool tagClean) {
    if (value == nullptr) return std::nullopt;
    std::string_view text = asciiView(value);
    auto parsed = lexical::amount(text);
    if (parsed && parsed->hundredths() > MAX_MEASURE_VALUE * 100) parsed.reset();
    if (!parsed && tagClean) outOfRange(what, text, here());
    return parsed;
  }


  std::optional<std::int64_t> measureValue(Measure measure, bool contentClean) {
    std::string text = utf8Text();
    std::optional<std::int64_t> hundredths;
    if (measure == Measure::ItFte || measure == Measure::CpdDays) {
      if (auto amount = lexical::amount(text)) hundredths = amount->hundredths();
    } else if (auto count = lexical::nonNegativeInteger(text); count && *count <= MAX_MEASURE_VALUE) {
      hundredths = *count * 100;
    }
    if (hundredths && *hundredths > MAX_MEASURE_VALUE * 100) hundredths.reset();
    if (!hundredths && contentClean) outOfRange(std::string(measureName(measure)).c_str(), text, _textPosition);
    return hundredths;
  }

  // A date the schema accepts in a year the engine's calendar does not hold. XSD
  // 1.0 and 1.1 disagree about years before 1 (1.0 has no year zero, so they
  // differ on which are leap years), and no submission date lies there.
  [[gnu::cold]] void outsideCalendar(const char* what, std::string_view value, Position where) {
    add(Severity::Error, CODE_XSD,
        std::string(what) + " \"" + std::string(lexical::trim(value)) +
            "\" is outside the calendar profkpi supports: " + CALENDAR_YEARS,
        where, true);
  }

  // A value the schema accepts but the engine cannot represent (an implementation limit),
  // or, when it is not a decimal at all, one Xerces let through ("." or "+.").
  [[gnu::cold]] void outOfRange(const char* what, std::string_view value, Position where) {
    if (!lexical::isDecimal(value)) {
      add(Severity::Error, CODE_XSD,
          std::string(what) + " \"" + std::string(lexical::trim(value)) + "\" is not a decimal number", where, true);
      return;
    }
    outOfRange(what, where);
  }
  [[gnu::cold]] void outOfRange(const char* what, Position where) {
    add(Severity::Error, CODE_XSD,
        std::string(what) + " is outside the range profkpi supports (counts and amounts up to " +
            std::to_string(MAX_MEASURE_VALUE) + ", " + CALENDAR_YEARS + ")",
        where, true);
  }

  std::string utf8Text() const { return toUtf8(_text.data(), _text.size()); }

  void fromParser(const char* code, const SAXParseException& e, const XMLCh* message = nullptr) {
    ++_errorCount;
    Position where{static_cast<long>(e.getLineNumber()), static_cast<long>(e.getColumnNumber())};
    add(Severity::Error, code, toUtf8(message != nullptr ? message : e.getMessage()),
        invalidUtf8At(e.getMessage(), where), true);
  }

  // Xerces decodes UTF-8 in blocks and reports a bad byte where its block
  // starts, often the end of the XML declaration: for its decoding findings
  // ("invalid byte ... of a 2-byte sequence"), the position of the bad sequence.
  [[gnu::cold]] Position invalidUtf8At(const XMLCh* message, Position where) const {
    if (std::u16string_view(message).find(u"-byte sequence") == std::u16string_view::npos) return where;
    std::optional<TextPosition> at;
    if (_path != nullptr) {
      std::ifstream file(*_path, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
      at = firstInvalidUtf8(bytes);
    } else {
      at = firstInvalidUtf8(_document);
    }
    return at ? Position{at->line, at->column} : where;
  }

  // Cold: the compiler moves the paths that report findings (and build their
  // messages) out of the per-element code, which then leaves more of the
  // instruction cache to Xerces.
  [[gnu::cold]] void add(Severity severity, const char* code, std::string message, Position where, bool limited) {
    Diagnostic d = makeDiagnostic(severity, code, std::move(message), where.line, where.column);
    std::size_t count = _pending.size() + (_builder != nullptr ? _builder->findingCount() : 0);
    if (limited && count >= _limits.maxDiagnostics) {
      sink(makeDiagnostic(Severity::Error, CODE_XML,
                          "more than " + std::to_string(_limits.maxDiagnostics) + " findings; reading stopped here",
                          where.line, where.column));
      throw ParseAborted{};
    }
    sink(std::move(d));
  }

  void sink(Diagnostic d) {
    if (_rootSeen) {
      _builder->report(std::move(d));
    } else {
      _pending.push_back(std::move(d));
    }
  }

  const ReaderLimits& _limits;
  const SAX2XMLReader* _reader = nullptr;
  SchemaValidator* _validator = nullptr;  // the reader's, taken at the root element
  SubmissionBuilder* _builder = nullptr;
  std::string_view _document;
  const std::string* _path = nullptr;
  const Locator* _locator = nullptr;

  std::array<El, 256> _stack{};
  std::size_t _depth = 0;
  bool _rootSeen = false;
  bool _rootRefused = false;  // unknown namespace or version: only well-formedness is checked further
  Diagnostics _pending;  // findings before the root element is judged

  std::size_t _errorCount = 0;        // findings from the parser so far
  std::size_t _errorMark = 0;         // _errorCount after the previous callback
  std::size_t _captureErrorMark = 0;  // _errorCount when the captured element started

  bool _capturing = false;
  std::u16string _text;
  Position _textPosition;

  SubmissionHeader _header;
  rules::AggregateFigures _figures;
  MemberRecord _member;
  Explanation _explanation;
  BoardNotes _notes;
  BoardAction _action;
  SubmissionVersion _parsingAs = SubmissionVersion::V1_0;
  std::optional<SubmissionVersion> _restartAs;
  std::size_t _notesRefusedAt = 0;  // depth of the latest refused BoardNotes (1.0 documents); 0 before one
  bool _notesReported = false;      // its refusal was reported from the schema's finding
  Position _workforcePosition;
  ChildRuns _children;
  IdSet _roleIds;
  IdSet _memberIds;
  std::string _longValue;
  std::array<char, 64> _narrow{};
  const XMLCh* _ourNamespace = nullptr;
  struct NameSeen {
    const XMLCh* name = nullptr;
    El element = El::Other;
  };
  std::array<NameSeen, 64> _names{};
};

// One Xerces reader per submission version: a reader validates against the one
// grammar pool it was made with (Schemas::Pool).
struct SubmissionReader::Parser {
  std::array<std::unique_ptr<SAX2XMLReader>, SUPPORTED_SCHEMA_VERSIONS.size()> sax;
  RefuseAllEntities refuser;
  // The version of the previous document, tried first: senders rarely mix them.
  SubmissionVersion guess = SubmissionVersion::V1_0;

  SAX2XMLReader& of(SubmissionVersion version) { return *sax[static_cast<std::size_t>(version)]; }
};

SubmissionReader::SubmissionReader(const Schemas& schemas, const Registry& registry, const Catalogue& catalogue,
                                   const Clock& clock, ReaderLimits limits)
    : _registry(registry), _catalogue(catalogue), _clock(clock), _limits(limits) {
  if (_limits.maxDepth > 256) _limits.maxDepth = 256;
  _handler = std::make_unique<Handler>(_limits);
  _parser = std::make_unique<Parser>();
  for (SubmissionVersion version : {SubmissionVersion::V1_0, SubmissionVersion::V1_1}) {
    auto sax = createHardenedReader(schemas.pool().submission(version), _limits.xercesIdentityConstraints);
    sax->setContentHandler(_handler.get());
    sax->setErrorHandler(_handler.get());
    sax->setLexicalHandler(_handler.get());
    sax->setEntityResolver(&_parser->refuser);
    _parser->sax[static_cast<std::size_t>(version)] = std::move(sax);
  }
}

SubmissionReader::~SubmissionReader() = default;

namespace {
// A document refused without being parsed: one finding and nothing else.
IntakeResult refusedWith(const Registry& registry, const Catalogue& catalogue, const Clock& clock,
                         Diagnostic finding) {
  SubmissionBuilder builder(registry, catalogue, clock.now());
  builder.report(std::move(finding));
  return builder.finish();
}

// Its encoding or XML version (XmlDeclaration.h), found at the start.
IntakeResult refusedEnvelope(const Registry& registry, const Catalogue& catalogue, const Clock& clock,
                             std::string reason) {
  return refusedWith(registry, catalogue, clock, makeDiagnostic(Severity::Error, CODE_XML, std::move(reason), 1, 1));
}
}  // namespace

IntakeResult SubmissionReader::read(const char* data, std::size_t size, const std::string& name) {
  if (auto why = envelopeRefusal(std::string_view(data, std::min(size, ENVELOPE_PREFIX_BYTES)))) {
    return refusedEnvelope(_registry, _catalogue, _clock, std::move(*why));
  }
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(data), size, name.c_str(), false);
  return run(&source, std::string_view(data, size), nullptr);
}

IntakeResult SubmissionReader::readFile(const std::string& path) {
  {
    std::string head(ENVELOPE_PREFIX_BYTES, '\0');
    std::ifstream file(path, std::ios::binary);  // an unreadable file is left to Xerces to report
    head.resize(file.read(head.data(), static_cast<std::streamsize>(head.size())) ? head.size()
                                                                                   : static_cast<std::size_t>(file.gcount()));
    if (auto why = envelopeRefusal(head)) return refusedEnvelope(_registry, _catalogue, _clock, std::move(*why));
  }
  // Xerces allocates with its memory manager: released by Xerces, not delete[].
  auto release = [](XMLCh* text) { XMLString::release(&text); };
  std::unique_ptr<XMLCh, decltype(release)> wide(XMLString::transcode(path.c_str()), release);
  try {
    LocalFileInputSource source(wide.get());
    return run(&source, {}, &path);
  } catch (const XMLException& e) {
    std::string message = "cannot read " + path + ": " + toUtf8(e.getMessage());
    return refusedWith(_registry, _catalogue, _clock, makeDiagnostic(Severity::Error, CODE_XML, std::move(message)));
  }
}

IntakeResult SubmissionReader::run(const void* source, std::string_view document, const std::string* path) {
  std::optional<IntakeResult> result = runAs(_parser->guess, source, document, path);
  if (std::optional<SubmissionVersion> declared = _handler->restartAs()) {
    // Only the prolog and the root's start tag were read: read it again against its own schema.
    _parser->guess = *declared;
    result = runAs(*declared, source, document, path);
  }
  return std::move(*result);
}

IntakeResult SubmissionReader::runAs(SubmissionVersion version, const void* source, std::string_view document,
                                     const std::string* path) {
  SubmissionBuilder builder(_registry, _catalogue, _clock.now());
  SAX2XMLReader& sax = _parser->of(version);
  _handler->attach(sax);
  _handler->begin(builder, document, path, version);
  try {
    sax.parse(*static_cast<const InputSource*>(source));
  } catch (const ParseAborted&) {
    // The reason is recorded.
  } catch (const OutOfMemoryException&) {
    _handler->reportFatal("the document needs more memory than the reader allows", _handler->here());
  } catch (const XMLException& e) {
    _handler->reportFatal(e.getMessage(), _handler->here());
  } catch (const SAXException& e) {
    _handler->reportFatal(e.getMessage(), _handler->here());
  }
  _handler->end();
  return builder.finish();
}

}  // namespace profkpi::engine::xml
