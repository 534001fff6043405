#include "adapters/cli/CommandHelp.h"

#include <Poco/Util/Option.h>

#include <algorithm>
#include <sstream>
#include <utility>

namespace profkpi::adapters::cli {

namespace {

constexpr std::size_t WIDTH = 80;
constexpr std::size_t TAG_INDENT = 2;
constexpr std::size_t MAX_TAG_COLUMN = 26;
// Commands' usage is long: their descriptions go on the next line, here.
constexpr std::size_t COMMAND_TEXT_COLUMN = 6;

// `text` wrapped at WIDTH, continuation lines indented by `indent`; the caller
// has already written the first line up to `column`.
void printWrapped(std::ostream& out, const std::string& text, std::size_t indent, std::size_t column) {
  std::istringstream words(text);
  bool lineEmpty = true;
  for (std::string word; words >> word;) {
    if (!lineEmpty && column + 1 + word.size() > WIDTH) {
      out << "\n" << std::string(indent, ' ');
      column = indent;
      lineEmpty = true;
    }
    if (!lineEmpty) {
      out << ' ';
      ++column;
    }
    out << word;
    column += word.size();
    lineEmpty = false;
  }
  out << "\n";
}

// An indented list: each tag, then its description from `column` on (on the
// next line when the tag is too wide for that). Column 0: as wide as the widest
// tag, up to MAX_TAG_COLUMN.
void printList(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& items,
               std::size_t column = 0) {
  if (column == 0) {
    for (const auto& [tag, text] : items) column = std::max(column, TAG_INDENT + tag.size() + 2);
    column = std::min(column, MAX_TAG_COLUMN);
  }
  for (const auto& [tag, text] : items) {
    out << std::string(TAG_INDENT, ' ') << tag;
    std::size_t used = TAG_INDENT + tag.size();
    if (used + 2 > column) {
      out << "\n" << std::string(column, ' ');
    } else {
      out << std::string(column - used, ' ');
    }
    printWrapped(out, text, column, column);
  }
}

std::string optionTag(const Poco::Util::Option& option) {
  std::string tag = option.shortName().empty() ? "    " : "-" + option.shortName() + ", ";
  tag += "--" + option.fullName();
  if (option.takesArgument()) tag += "=" + option.argumentName();
  return tag;
}

// The description up to the end of its first sentence or clause.
std::string firstSentence(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == ':') && text[i + 1] == ' ') return text.substr(0, i);
  }
  return text;
}

// "usage: profkpi COMMAND [OPTIONS] ARGUMENTS", the arguments wrapped under themselves.
void printUsage(std::ostream& out, const std::string& command, const std::string& arguments) {
  std::string head = "usage: profkpi " + command + " ";
  out << head;
  printWrapped(out, "[OPTIONS] " + arguments, head.size(), head.size());
}

}  // namespace

void printOverview(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands) {
  out << "usage: profkpi COMMAND [OPTIONS] [ARGUMENTS]\n\n"
         "Validates, stores and reports on IT-profession KPI submissions.\n\n"
         "Commands:\n";
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& command : commands) {
    std::string tag = command->name();
    if (!command->arguments().empty()) tag += " " + command->arguments();
    items.emplace_back(tag, firstSentence(command->description()) + ".");
  }
  printList(out, items, COMMAND_TEXT_COLUMN);
  out << "\n";
  printWrapped(out, "Every command takes --config FILE (a properties file over the shipped defaults) and --help. "
                    "'profkpi COMMAND --help' describes one.", 0, 0);
}

void printCommandHelp(std::ostream& out, const Command& command, const Poco::Util::OptionSet& options) {
  printUsage(out, command.name(), command.arguments());
  out << "\n";
  printWrapped(out, command.description(), 0, 0);
  out << "\nOptions:\n";
  std::vector<std::pair<std::string, std::string>> items;
  for (const Poco::Util::Option& option : options) items.emplace_back(optionTag(option), option.description());
  printList(out, items);
}

}  // namespace profkpi::adapters::cli
