// Escaping for text written into XML (and the XHTML, SVG and XMP built the same
// way): one escaper, so every writer agrees on what a parser gets back.
#ifndef PROFKPI_ENGINE_COMMON_XMLESCAPE_H
#define PROFKPI_ENGINE_COMMON_XMLESCAPE_H

#include <string>
#include <string_view>

namespace profkpi::engine {

// Where the escaped text goes.
enum class XmlPlace {
  // Element content: & < > escaped, and CR as &#13; (a parser turns a literal
  // CR into LF). Quotes, tab and LF stay as they are.
  Text,
  // An attribute value in double or single quotes: & < > " ' escaped, and
  // tab, LF and CR as character references (a parser turns literal ones into
  // spaces). Also right for element content, where it only costs bytes.
  Attribute,
};

// `text` escaped for `place`. Bytes other than those above, including UTF-8
// sequences, are copied unchanged; checking that they are allowed in XML is
// the caller's business.
std::string escapeXml(std::string_view text, XmlPlace place);

}  // namespace profkpi::engine

#endif
