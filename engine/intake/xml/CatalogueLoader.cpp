#include "engine/intake/xml/CatalogueLoader.h"

#include "engine/intake/Lexical.h"
#include "engine/intake/xml/DocumentTree.h"

namespace profkpi::engine::xml {

namespace {

std::string childText(const XmlNode& node, std::string_view name) {
  const XmlNode* child = node.child(name);
  return child == nullptr ? std::string() : child->text;
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
    kpi.title = childText(node, "Title");
    kpi.description = childText(node, "Description");
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
