// Xerces-C 3.2 measures the length facets of xs:string in UTF-16 code units, so a
// character outside the Basic Multilingual Plane (an emoji, rare CJK) counts twice.
// XML Schema, and SUBMISSION.md ("1..200 characters, any Unicode"), count characters.
// Only maxLength can be wrongly failed that way: every minLength is met in units
// when it is met in characters.
#ifndef PROFKPI_ENGINE_INTAKE_XML_LENGTHFACET_H
#define PROFKPI_ENGINE_INTAKE_XML_LENGTHFACET_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace profkpi::engine::xml {

// What to report for a Xerces validation message: the message itself when it is
// not a maxLength finding or its value has no such characters; the message with
// the length counted in characters when the value is still too long; nothing when
// the value is within the limit once counted in characters. Xerces cuts messages
// at 2,047 units; a cut one is returned unchanged (see isCutValueFinding).
std::optional<std::u16string> recountedLengthFinding(std::u16string_view message);

// Whether `message` is a finding about a value ("value '...") that Xerces cut
// short, so that neither the value nor the facet can be read from it. The caller
// judges the value itself with judgedLength.
bool isCutValueFinding(std::u16string_view message);

// The value's length in characters judged against `maxLength`: nothing when it is
// within; otherwise a finding that quotes the value's start and gives its length
// in characters. `truncated` says the caller kept only the start of the value, so
// its length is at least the count.
std::optional<std::u16string> judgedLength(std::u16string_view value, std::size_t maxLength, bool truncated = false);

}  // namespace profkpi::engine::xml

#endif
