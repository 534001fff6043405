#include "tests/support/DocumentText.h"

#include <sstream>
#include <utility>
#include <vector>

namespace profkpi::tests {

std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

std::string htmlText(const std::string& page) {
  std::string out;
  for (std::size_t at = 0; at < page.size();) {
    if (page[at] != '<') {
      out += page[at++];
      continue;
    }
    std::size_t end = page.find('>', at);
    std::string tag = page.substr(at + 1, page.find_first_of(" />", at + 2) - at - 1);
    if (!tag.empty() && tag[0] == '/') tag.erase(0, 1);
    if (tag != "span" && tag != "strong" && tag != "small" && tag != "a") out += ' ';
    at = end == std::string::npos ? page.size() : end + 1;
  }
  for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
           {"&#39;", "'"}, {"&apos;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at)) {
      out.replace(at, entity.size(), character);
      at += character.size();
    }
  }
  return squeezed(out);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

}  // namespace profkpi::tests
