#include "adapters/cli/DiagnosticFormat.h"

namespace profkpi::adapters::cli {

using engine::Diagnostic;

namespace {
std::string oneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}
}  // namespace

std::string formatDiagnosticLine(const std::string& file, const Diagnostic& d) {
  std::string line = file;
  if (d.line > 0) line += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  line += std::string(": ") + engine::severityName(d.severity) + " " + d.code + ": " + oneLine(d.message);
  if (d.explained) line += " (explained: " + oneLine(d.explanation) + ")";
  return line;
}

}  // namespace profkpi::adapters::cli
