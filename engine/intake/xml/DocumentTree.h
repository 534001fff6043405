// Small configuration documents (registry, catalogue) read whole into a tree after
// validation against their shipped schema, with the same hardening as submissions.
// The documents shipped inside profkpi are validated once per process, by the
// warm-up that constructing Schemas runs, and read for well-formedness after that.
#ifndef PROFKPI_ENGINE_INTAKE_XML_DOCUMENTTREE_H
#define PROFKPI_ENGINE_INTAKE_XML_DOCUMENTTREE_H

#include "engine/intake/xml/Schemas.h"

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace profkpi::engine::xml {

struct XmlNode {
  std::string name;  // local name
  std::map<std::string, std::string> attributes;
  std::string text;  // character content, as written
  std::vector<XmlNode> children;
  long line = 0;

  // The attribute's value, or `fallback` when absent.
  std::string attribute(const std::string& key, const std::string& fallback = {}) const;
  // The first child with this name, or nullptr.
  const XmlNode* child(std::string_view childName) const;
};

// A configuration document that is not well-formed, not valid, or not of the kind expected.
class DocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads and validates `text`; its root must be in `expectedNamespace`. `name`
// (a file name) prefixes messages. Throws DocumentError.
XmlNode readValidatedDocument(const Schemas& schemas, std::string_view text, std::string_view expectedNamespace,
                              const std::string& name);

// The same for a document shipped inside profkpi (Schemas::defaultRegistry(),
// defaultCatalogue()), which constructing `schemas` has already validated.
XmlNode readShippedDocument(const Schemas& schemas, std::string_view text, std::string_view expectedNamespace,
                            const std::string& name);

// Reads a whole file into memory. Throws DocumentError when it cannot.
std::string readWholeFile(const std::string& path);

}  // namespace profkpi::engine::xml

#endif
