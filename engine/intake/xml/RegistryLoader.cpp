#include "engine/intake/xml/RegistryLoader.h"

#include "engine/intake/xml/DocumentTree.h"
#include "engine/model/ReportLanguage.h"

namespace profkpi::engine::xml {

Registry loadRegistry(const Schemas& schemas, const std::string& path) {
  XmlNode root = path.empty()
                    ? readShippedDocument(schemas, Schemas::defaultRegistry(), REGISTRY_NAMESPACE, "registry.xml")
                    : readValidatedDocument(schemas, readWholeFile(path), REGISTRY_NAMESPACE, path);
  const std::string source = path.empty() ? "registry.xml" : path;
  std::vector<Organisation> organisations;
  for (const XmlNode& node : root.children) {
    Organisation o;
    o.code = node.attribute("code");
    o.type = node.attribute("type");
    if (const XmlNode* name = node.child("Name")) o.name = name->text;
    if (const XmlNode* welsh = node.child("WelshName")) o.welshName = welsh->text;
    if (const XmlNode* contact = node.child("Contact")) o.contact = contact->text;
    if (auto languages = node.attributes.find("reportLanguages"); languages != node.attributes.end()) {
      // The schema admits only en and cy; a repeated one it cannot see.
      std::string error;
      o.reportLanguages = parseLanguageList(languages->second, error);
      if (o.reportLanguages.empty()) {
        throw DocumentError(source + ":" + std::to_string(node.line) + ": Organisation " + o.code +
                            ": reportLanguages \"" + languages->second + "\": " + error);
      }
    }
    organisations.push_back(std::move(o));
  }
  return Registry(std::move(organisations));
}

}  // namespace profkpi::engine::xml
