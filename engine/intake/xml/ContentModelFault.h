#pragma once
// Xerces judges an element's children against its content model at the end
// tag and reports there. These place such a finding where the model breaks:
// at the first child out of place, or, for missing children, at the parent's
// start tag; and name the elements expected there (asked of the content model
// itself, so any complex type, of any schema version, is placed alike).

#include "engine/intake/xml/ChildRuns.h"

#include <optional>
#include <string>
#include <string_view>

XERCES_CPP_NAMESPACE_BEGIN
class XMLScanner;
XERCES_CPP_NAMESPACE_END

namespace profkpi::engine::xml {

struct PlacedFault {
  Position where;
  std::string message;
};

// For Xerces' "element 'X' is not allowed for content model", "missing
// elements in content model" and "empty content is not valid" findings about
// the element at `depth` (whose end tag, `endTag`, is being read): where and
// what; nullopt for any other finding. Missing children are placed at the
// parent's start tag (at its end tag, where they were expected, if that is unknown).
std::optional<PlacedFault> placeContentModelFault(std::u16string_view message, xercesc::XMLScanner& scanner,
                                                  const ChildRuns& runs, std::size_t depth, Position endTag);

// Xerces' finding for text in element-only content.
bool isTextInElementOnlyContent(std::u16string_view message);

}  // namespace profkpi::engine::xml
