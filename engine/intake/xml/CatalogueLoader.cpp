#include "engine/intake/xml/CatalogueLoader.h"

#include "engine/intake/Lexical.h"
#include "engine/intake/xml/DocumentTree.h"

namespace profkpi::engine::xml {

namespace {

std::string childText(const XmlNode& node, std::string_view name) {
  const XmlNode* child = node.child(name);
  return child == nullptr ? std::string() : child->text;
}

// A Title or Description: the English one (no xml:lang, or "en"), or with
// `welsh` the one marked xml:lang="cy" (empty when there is none). The schema
// allows two of each; a language other than English or Welsh, or two of one
// language, is refused.
std::string textIn(const XmlNode& node, std::string_view name, bool welsh, const std::string& source) {
  std::string found;
  bool english = false, cymraeg = false;
  for (const XmlNode& child : node.children) {
    if (child.name != name) continue;
    std::string lang = child.attribute("lang", "en");
    bool isWelsh = lang == "cy" || lang == "cy-GB";
    if (!isWelsh && lang != "en" && lang != "en-GB") {
      throw DocumentError(source + ":" + std::to_string(child.line) + ": " + std::string(name) + " xml:lang=\"" + lang +
                          "\": only en and cy are known");
    }
    bool& seen = isWelsh ? cymraeg : english;
    if (seen) throw DocumentError(source + ":" + std::to_string(child.line) + ": a second " + std::string(name) + " in one language");
    seen = true;
    if (isWelsh == welsh) found = child.text;
  }
  if (!english) throw DocumentError(source + ":" + std::to_string(node.line) + ": " + std::string(name) + " in English is missing");
  return found;
}

Ratio decimalAttribute(const XmlNode& node, const std::string& name, const std::string& fallback,
                       const std::string& source) {
  std::string text(lexical::trim(node.attribute(name, fallback)));
  auto value = parseDecimalRatio(!text.empty() && text[0] == '+' ? text.substr(1) : text);
  if (!value) throw DocumentError(source + ":" + std::to_string(node.line) + ": " + name + " \"" + text + "\" is not a number");
  return *value;
}

Measure measureChild(const XmlNode& node, std::string_view name, const std::string& source) {
  std::string text = childText(node, name);
  auto measure = measureFromName(text);
  if (!measure) throw DocumentError(source + ":" + std::to_string(node.line) + ": unknown measure \"" + text + "\"");
  return *measure;
}

}  // namespace

Catalogue loadCatalogue(const Schemas& schemas, const std::string& path) {
  std::string source = path.empty() ? "catalogue.xml" : path;
  XmlNode root = path.empty() ? readShippedDocument(schemas, Schemas::defaultCatalogue(), CATALOGUE_NAMESPACE, source)
                              : readValidatedDocument(schemas, readWholeFile(path), CATALOGUE_NAMESPACE, source);
  std::vector<KpiDefinition> kpis;
  for (const XmlNode& node : root.children) {
    KpiDefinition kpi;
    kpi.id = node.attribute("id");
    kpi.title = textIn(node, "Title", false, source);
    kpi.description = textIn(node, "Description", false, source);
    kpi.welshTitle = textIn(node, "Title", true, source);
    kpi.welshDescription = textIn(node, "Description", true, source);
    kpi.unit = node.attribute("unit");
    kpi.numerator = measureChild(node, "Numerator", source);
    kpi.denominator = measureChild(node, "Denominator", source);
    kpi.scaling = node.attribute("scaling") == "annualised" ? Scaling::Annualised : Scaling::Percent;
    kpi.direction = node.attribute("direction", "higher") == "lower" ? Direction::LowerIsBetter : Direction::HigherIsBetter;
    kpi.target = decimalAttribute(node, "target", "", source);
    kpi.amberRatio = decimalAttribute(node, "amberRatio", "0.8", source);
    kpi.jumpThreshold = decimalAttribute(node, "jumpThreshold", "25", source);
    kpis.push_back(std::move(kpi));
  }
  return Catalogue(root.attribute("version"), std::move(kpis));
}

}  // namespace profkpi::engine::xml
