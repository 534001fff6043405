// The envelope SUBMISSION.md section 1 allows, checked on a document's first
// bytes before the parser sees them: XML 1.0, in UTF-8 (a byte order mark is
// optional) or in UTF-16 with a byte order mark. Xerces reads far more (Latin-1,
// windows-1252, UTF-32, EBCDIC, UTF-16 without a mark, XML 1.1), so without this
// such documents would be accepted against the contract.
#ifndef PROFKPI_ENGINE_INTAKE_XML_XMLDECLARATION_H
#define PROFKPI_ENGINE_INTAKE_XML_XMLDECLARATION_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace profkpi::engine::xml {

// How many leading bytes envelopeRefusal needs: the byte order mark and the XML declaration.
inline constexpr std::size_t ENVELOPE_PREFIX_BYTES = 512;

// Why the document's encoding or XML version is refused, naming what it has and
// what profkpi accepts; nothing when both are allowed. `head` is the document's
// first ENVELOPE_PREFIX_BYTES bytes, or all of it when shorter. A declaration of
// US-ASCII (or ASCII) is allowed: such a document is UTF-8 byte for byte, and a
// byte above 127 in it is still refused by the parser. A malformed declaration
// is left to the parser, which reports it with its position.
std::optional<std::string> envelopeRefusal(std::string_view head);

// A line and a column, both from 1.
struct TextPosition {
  long line = 0;
  long column = 0;
};

// Where the first byte sequence that is not UTF-8 starts in `document` (a UTF-8
// byte order mark is skipped); nothing when all of it is UTF-8. Lines end at LF,
// CR LF or CR; columns count UTF-16 units, as the parser's positions do. The
// parser decodes in blocks and reports a bad byte at its block's start, so the
// reader asks this where the fault is (on the error path only).
std::optional<TextPosition> firstInvalidUtf8(std::string_view document);

}  // namespace profkpi::engine::xml

#endif
