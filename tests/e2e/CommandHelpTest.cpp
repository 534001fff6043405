// The command line's help is in step with the contract: every command of
// INTERFACE.md (and README.md) prints --help with exit status 0, naming every
// option the contract names for it; the overview lists every command; and the
// man page docs/profkpi.1 is what scripts/man-page makes from this binary.
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>
#include <set>

using namespace profkpi::tests;

namespace {

struct CommandContract {
  std::string name;
  std::vector<std::string> options;  // besides --config and --help, which every command takes
  std::vector<std::string> words;    // sub-commands and values the help must name
};

// The commands and options INTERFACE.md names (version 1), then what README.md adds.
const std::vector<CommandContract> CONTRACT{
    {"validate", {"format"}, {"FILE", "json"}},
    {"ingest", {}, {"FILE"}},
    {"report", {"org", "period", "out", "format", "generated-at", "language"}, {"html", "cy"}},
    {"sector-report", {"period", "out", "format", "language"}, {"cy"}},
    {"nightly", {"at", "wait", "history", "resend", "period"}, {}},
    {"serve", {}, {"SIGTERM", "SIGINT", "docs/openapi.yaml"}},
    {"keys", {"org", "role"}, {"add", "list", "revoke", "submitter", "reader", "admin"}},
    {"demo-data", {"out", "scale", "quarters", "last", "seed"}, {}},
    {"export", {"period", "all", "out", "excel"}, {"results.csv", "peers.csv", "coverage.csv", "[c]"}},
    {"deliveries", {"org", "period", "since", "json"}, {"SHA-256", "Message-ID", "resent", "refused"}},
};

ProcessResult runProfkpi(const std::vector<std::string>& args) {
  std::vector<std::string> argv{profkpiBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv);
}

// The commands the overview lists ("  NAME ARGUMENTS" under "Commands:").
std::vector<std::string> overviewCommands(const std::string& overview) {
  std::vector<std::string> names;
  bool inList = false;
  std::smatch m;
  for (const std::string& line : lines(overview)) {
    if (line == "Commands:") inList = true;
    else if (line.empty()) inList = false;
    else if (inList && std::regex_match(line, m, std::regex("  ([a-z][a-z-]*)( .*)?"))) names.push_back(m[1]);
  }
  return names;
}

// Whether the help's option list has --NAME (as "  -x, --NAME=ARG  text" or "      --NAME  text").
bool listsOption(const std::string& help, const std::string& name) {
  std::regex entry("^  (-[A-Za-z0-9], |    )--" + name + "(=[A-Za-z-]+)?( .*)?$");
  for (const std::string& line : lines(help)) {
    if (std::regex_match(line, entry)) return true;
  }
  return false;
}

// A man page without its .TH line, which carries the date it was made.
std::string withoutDate(const std::string& page) {
  std::string result;
  for (const std::string& line : lines(page)) {
    if (line.rfind(".TH ", 0) != 0) result += line + "\n";
  }
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CommandHelpTest)

BOOST_AUTO_TEST_CASE(overviewListsEveryCommandOfTheContract) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"-h"}, {"help"}}) {
    ProcessResult r = runProfkpi(args);
    BOOST_TEST(r.exitCode == 0, args[0]);
    BOOST_TEST(r.err.empty(), args[0]);
    BOOST_TEST(r.out.rfind("usage: profkpi COMMAND", 0) == 0u, args[0]);
    std::vector<std::string> listed = overviewCommands(r.out);
    for (const CommandContract& c : CONTRACT) {
      BOOST_TEST((std::find(listed.begin(), listed.end(), c.name) != listed.end()), c.name << " is in the overview");
    }
  }
}

BOOST_AUTO_TEST_CASE(everyCommandPrintsHelpNamingTheOptionsOfTheContract) {
  for (const CommandContract& c : CONTRACT) {
    BOOST_TEST_CONTEXT("profkpi " << c.name << " --help") {
      ProcessResult r = runProfkpi({c.name, "--help"});
      BOOST_TEST(r.exitCode == 0);
      BOOST_TEST(r.err.empty());
      BOOST_TEST(r.out.rfind("usage: profkpi " + c.name + " ", 0) == 0u);
      BOOST_TEST(r.out.find("Exit status:") != std::string::npos);
      std::vector<std::string> options = c.options;
      options.push_back("config");
      options.push_back("help");
      for (const std::string& option : options) BOOST_TEST(listsOption(r.out, option), "--" << option);
      for (const std::string& word : c.words) BOOST_TEST(r.out.find(word) != std::string::npos, word);
      BOOST_TEST(runProfkpi({c.name, "-h"}).out == r.out);
      for (const std::string& line : lines(r.out)) BOOST_TEST(line.size() <= 80u, line);
    }
  }
}

BOOST_AUTO_TEST_CASE(everyListedCommandPrintsHelp) {
  // Commands the contract does not name yet still take --config and --help.
  for (const std::string& name : overviewCommands(runProfkpi({"--help"}).out)) {
    ProcessResult r = runProfkpi({name, "--help"});
    BOOST_TEST(r.exitCode == 0, name);
    BOOST_TEST(listsOption(r.out, "config"), name);
    BOOST_TEST(listsOption(r.out, "help"), name);
  }
}

BOOST_AUTO_TEST_CASE(helpFindsAMissingOption) {
  // The check above can fail: an option a command does not have is not found.
  BOOST_TEST(!listsOption(runProfkpi({"ingest", "--help"}).out, "org"));
  BOOST_TEST(!listsOption(runProfkpi({"report", "--help"}).out, "or"));
}

BOOST_AUTO_TEST_CASE(unknownCommandsAreRefusedWithTheOverview) {
  ProcessResult r = runProfkpi({"no-such-command"});
  BOOST_TEST(r.exitCode == 2);
  BOOST_TEST(r.err.find("unknown command") != std::string::npos);
  BOOST_TEST(r.err.find("Commands:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(manPageDescribesEveryCommand) {
  std::string page = readFile(std::string(PROFKPI_SOURCE_DIR) + "/docs/profkpi.1");
  for (const std::string& name : overviewCommands(runProfkpi({"--help"}).out)) {
    BOOST_TEST(page.find("\n.SS " + name + "\n") != std::string::npos, name << " has a section");
  }
  for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "FILES", "SEE ALSO"}) {
    std::string heading = std::string(section);
    if (heading.find(' ') != std::string::npos) heading = '"' + heading + '"';
    BOOST_TEST(page.find("\n.SH " + heading + "\n") != std::string::npos, section);
  }
}

BOOST_AUTO_TEST_CASE(manPageIsMadeFromThisBinarysHelp) {
  TempDir dir;
  std::string made = dir.file("profkpi.1");
  ProcessResult r = runProcess({std::string(PROFKPI_SOURCE_DIR) + "/scripts/man-page", profkpiBinary(), made});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  bool same = withoutDate(readFile(made)) == withoutDate(readFile(std::string(PROFKPI_SOURCE_DIR) + "/docs/profkpi.1"));
  BOOST_TEST(same, "docs/profkpi.1 is out of date: run scripts/man-page");
  ProcessResult rendered = runProcess({"/usr/bin/man", "--warnings", "-l", "-Tutf8", made}, {{"MANWIDTH", "80"}});
  BOOST_TEST(rendered.exitCode == 0);
  BOOST_TEST(rendered.err.empty(), rendered.err);
}

BOOST_AUTO_TEST_SUITE_END()
