#include "engine/intake/xml/ContentModelFault.h"

#include "engine/intake/xml/XercesSupport.h"

#include <xercesc/framework/XMLContentModel.hpp>
#include <xercesc/internal/XMLScanner.hpp>
#include <xercesc/util/QName.hpp>
#include <xercesc/validators/common/ContentSpecNode.hpp>
#include <xercesc/validators/schema/ComplexTypeInfo.hpp>

#include <memory>
#include <vector>

namespace profkpi::engine::xml {

using namespace xercesc;

namespace {

constexpr std::u16string_view NOT_ALLOWED_START = u"element '";
constexpr std::u16string_view NOT_ALLOWED = u"' is not allowed for content model '";
constexpr std::u16string_view MISSING = u"missing elements in content model '";
constexpr std::u16string_view EMPTY = u"empty content is not valid for content model '";  // no children at all

bool startsWith(std::u16string_view text, std::u16string_view start) { return text.substr(0, start.size()) == start; }

// The content model as Xerces words it, from the message ("(A,B,C?)").
std::string modelOf(std::u16string_view message, std::size_t from) {
  std::u16string_view model = message.substr(from);
  if (!model.empty() && model.back() == u'\'') model.remove_suffix(1);
  return toUtf8(model.data(), model.size());
}

// The leaves (element names) of a content model, each once.
void leavesOf(const ContentSpecNode* node, std::vector<const QName*>& out) {
  if (node == nullptr) return;
  if (node->getType() == ContentSpecNode::Leaf) {
    const QName* name = node->getElement();
    if (name == nullptr || name->getLocalPart() == nullptr) return;
    for (const QName* seen : out) {
      if (seen->getURI() == name->getURI() && std::u16string_view(seen->getLocalPart()) == name->getLocalPart()) return;
    }
    out.push_back(name);
    return;
  }
  leavesOf(node->getFirst(), out);
  leavesOf(node->getSecond(), out);
}

// The children as the content model reads them: one QName per run, repeated.
class Children {
 public:
  Children(const std::vector<ChildRun>& runs, XMLScanner& scanner) {
    for (const ChildRun& run : runs) {
      const XMLCh* uri = run.uri != nullptr ? run.uri : u"";
      unsigned int id = *uri == 0 ? scanner.getEmptyNamespaceId() : scanner.getURIStringPool()->getId(uri);
      _names.push_back(std::make_unique<QName>(u"", run.localName, id));
      _list.insert(_list.end(), run.count, _names.back().get());
    }
  }
  std::size_t size() const { return _list.size(); }
  QName** data() { return _list.data(); }
  // The first `count` children followed by `next`.
  QName** withNext(std::size_t count, const QName* next) {
    _probe.assign(_list.begin(), _list.begin() + static_cast<std::ptrdiff_t>(count));
    _probe.push_back(const_cast<QName*>(next));
    return _probe.data();
  }

 private:
  std::vector<std::unique_ptr<QName>> _names;
  std::vector<QName*> _list;
  std::vector<QName*> _probe;
};

// The index of the first child that breaks the model (the count when the children are
// too few), or nullopt when the model accepts them all.
std::optional<std::size_t> failingChild(XMLContentModel& model, QName** children, std::size_t count,
                                        unsigned int emptyNamespace) {
  XMLSize_t failing = 0;
  if (model.validateContent(children, count, emptyNamespace, &failing, XMLPlatformUtils::fgMemoryManager)) {
    return std::nullopt;
  }
  return failing;
}

// The names the model would take at `index`, after the children before it.
std::vector<std::string> expectedAt(XMLContentModel& model, const ComplexTypeInfo& type, Children& children,
                                    std::size_t index, unsigned int emptyNamespace) {
  std::vector<const QName*> leaves;
  leavesOf(type.getContentSpec(), leaves);
  std::vector<std::string> names;
  for (const QName* leaf : leaves) {
    auto failing = failingChild(model, children.withNext(index, leaf), index + 1, emptyNamespace);
    if (!failing || *failing > index) names.push_back(toUtf8(leaf->getLocalPart()));
  }
  return names;
}

std::string wordList(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

std::optional<PlacedFault> placeContentModelFault(std::u16string_view message, XMLScanner& scanner,
                                                  const ChildRuns& runs, std::size_t depth, Position endTag) {
  std::size_t modelStart = 0;
  if (startsWith(message, MISSING)) {
    modelStart = MISSING.size();
  } else if (startsWith(message, EMPTY)) {
    modelStart = EMPTY.size();
  } else if (startsWith(message, NOT_ALLOWED_START)) {
    std::size_t at = message.find(NOT_ALLOWED);
    if (at == std::u16string_view::npos) return std::nullopt;
    modelStart = at + NOT_ALLOWED.size();
  } else {
    return std::nullopt;
  }
  ComplexTypeInfo* type = runs.typeAt(depth);
  XMLContentModel* model = type != nullptr ? type->getContentModel() : nullptr;
  if (model == nullptr) return std::nullopt;

  unsigned int emptyNamespace = scanner.getEmptyNamespaceId();
  Children children(runs.of(depth), scanner);
  auto failing = failingChild(*model, children.data(), children.size(), emptyNamespace);
  if (!failing) return std::nullopt;  // not what this element's children say: leave it as it is
  std::size_t index = std::min(*failing, children.size());
  std::vector<std::string> expected = expectedAt(*model, *type, children, index, emptyNamespace);
  std::string parent = toUtf8(runs.nameAt(depth));
  std::string wording = "content model of '" + parent + "': '" + modelOf(message, modelStart) + "'";

  if (index == children.size()) {
    // An element whose start is unknown: at its end tag, where the children were expected.
    Position parentAt = runs.openedAt(depth).line != 0 ? runs.openedAt(depth) : endTag;
    return PlacedFault{parentAt,
                       "element '" + parent + "' is incomplete: expected " +
                           (expected.empty() ? std::string("more elements") : wordList(expected)) + " (" + wording + ")"};
  }
  std::string child = toUtf8(children.data()[index]->getLocalPart());
  return PlacedFault{runs.childAt(depth, index),
                     "element '" + child + "' is not allowed here: " +
                         (expected.empty() ? "nothing more may follow in '" + parent + "'"
                                           : "expected " + wordList(expected)) +
                         " (" + wording + ")"};
}

bool isTextInElementOnlyContent(std::u16string_view message) {
  return message == u"no character data is allowed by content model";
}

}  // namespace profkpi::engine::xml
