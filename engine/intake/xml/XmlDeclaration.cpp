#include "engine/intake/xml/XmlDeclaration.h"

#include <algorithm>
#include <cctype>

namespace profkpi::engine::xml {

namespace {

enum class Form { Utf8, Utf16LittleEndian, Utf16BigEndian };

constexpr const char* ACCEPTED = "submissions are XML 1.0 in UTF-8 (or UTF-16 with a byte order mark)";

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string upperCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

// The leading ASCII characters of the text after the byte order mark: all a
// declaration can hold. Stops at the first character that is not ASCII.
std::string asciiPrefix(std::string_view bytes, Form form) {
  std::string out;
  if (form == Form::Utf8) {
    for (char c : bytes) {
      if (static_cast<unsigned char>(c) > 127) break;
      out += c;
    }
    return out;
  }
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char low = form == Form::Utf16LittleEndian ? bytes[i] : bytes[i + 1];
    char high = form == Form::Utf16LittleEndian ? bytes[i + 1] : bytes[i];
    if (high != 0 || static_cast<unsigned char>(low) > 127) break;
    out += low;
  }
  return out;
}

// The value of a pseudo-attribute of the declaration, as XML 1.0 production 23
// writes it: name S? = S? quoted value.
std::optional<std::string> pseudoAttribute(std::string_view declaration, std::string_view name) {
  for (std::size_t at = declaration.find(name); at != std::string_view::npos; at = declaration.find(name, at + 1)) {
    if (at == 0 || !isXmlSpace(declaration[at - 1])) continue;
    std::size_t pos = at + name.size();
    while (pos < declaration.size() && isXmlSpace(declaration[pos])) ++pos;
    if (pos >= declaration.size() || declaration[pos] != '=') continue;
    ++pos;
    while (pos < declaration.size() && isXmlSpace(declaration[pos])) ++pos;
    if (pos >= declaration.size() || (declaration[pos] != '"' && declaration[pos] != '\'')) continue;
    std::size_t end = declaration.find(declaration[pos], pos + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(declaration.substr(pos + 1, end - pos - 1));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> envelopeRefusal(std::string_view head) {
  Form form = Form::Utf8;
  bool byteOrderMark = true;
  if (startsWith(head, std::string_view("\x00\x00\xFE\xFF", 4)) || startsWith(head, std::string_view("\xFF\xFE\x00\x00", 4))) {
    return std::string("the document is in UTF-32; ") + ACCEPTED;
  } else if (startsWith(head, "\xEF\xBB\xBF")) {
    head.remove_prefix(3);
  } else if (startsWith(head, "\xFF\xFE")) {
    form = Form::Utf16LittleEndian;
    head.remove_prefix(2);
  } else if (startsWith(head, "\xFE\xFF")) {
    form = Form::Utf16BigEndian;
    head.remove_prefix(2);
  } else {
    byteOrderMark = false;
    if (head.size() >= 2 && (head[0] == 0 || head[1] == 0)) {
      return std::string("the document is in UTF-16 or UTF-32 without a byte order mark; ") + ACCEPTED;
    }
  }

  std::string text = asciiPrefix(head, form);
  if (!startsWith(text, "<?xml") || text.size() < 6 || !isXmlSpace(text[5])) return std::nullopt;
  std::size_t end = text.find("?>");
  if (end == std::string::npos) return std::nullopt;
  std::string_view declaration(text.data(), end);

  if (auto version = pseudoAttribute(declaration, "version"); version && *version != "1.0") {
    return "XML version \"" + *version + "\" is declared; " + ACCEPTED;
  }
  auto encoding = pseudoAttribute(declaration, "encoding");
  if (!encoding) return std::nullopt;
  std::string name = upperCase(*encoding);
  bool utf16Name = name == "UTF-16" || name == "UTF-16LE" || name == "UTF-16BE";
  if (form == Form::Utf8) {
    if (name == "UTF-8" || name == "US-ASCII" || name == "ASCII") return std::nullopt;
    if (utf16Name && !byteOrderMark) {
      return "encoding \"" + *encoding + "\" is declared but the document has no UTF-16 byte order mark; " +
             ACCEPTED;
    }
  } else if (utf16Name) {
    return std::nullopt;
  } else {
    return "encoding \"" + *encoding + "\" is declared but the document starts with a UTF-16 byte order mark; " +
           ACCEPTED;
  }
  return "encoding \"" + *encoding + "\" is declared; " + ACCEPTED;
}

std::optional<TextPosition> firstInvalidUtf8(std::string_view document) {
  if (startsWith(document, "\xEF\xBB\xBF")) document.remove_prefix(3);
  TextPosition at{1, 1};
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(document[i]); };
  auto continuation = [&](std::size_t i) { return i < document.size() && (byte(i) & 0xC0) == 0x80; };
  for (std::size_t i = 0; i < document.size();) {
    unsigned char lead = byte(i);
    if (lead < 0x80) {
      if (lead == '\n' || (lead == '\r' && (i + 1 == document.size() || document[i + 1] != '\n'))) {
        ++at.line;
        at.column = 1;
      } else if (lead != '\r') {
        ++at.column;
      }
      ++i;
      continue;
    }
    // RFC 3629: the shortest form only, no surrogates, nothing above U+10FFFF.
    std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0) return at;
    for (std::size_t k = 1; k < length; ++k) {
      if (!continuation(i + k)) return at;
    }
    unsigned char second = byte(i + 1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second > 0x8F)) {
      return at;
    }
    at.column += length == 4 ? 2 : 1;
    i += length;
  }
  return std::nullopt;
}

}  // namespace profkpi::engine::xml
