// `profkpi validate` run as a process, as integrators and operators run it.
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/LargeDocument.h"
#include "tests/support/Process.h"
#include "tests/support/Sanitized.h"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include <regex>

using namespace profkpi::tests;

namespace {

ProcessResult runProfkpi(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> argv{profkpiBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv, env);
}

std::string sample(const std::string& relative) { return samplesDir() + "/" + relative; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ValidateCliTest)

BOOST_AUTO_TEST_CASE(helpIsOfferedEverywhere) {
  ProcessResult overview = runProfkpi({"--help"});
  BOOST_TEST(overview.exitCode == 0);
  BOOST_TEST(overview.out.find("validate") != std::string::npos);
  ProcessResult help = runProfkpi({"validate", "--help"});
  BOOST_TEST(help.exitCode == 0);
  BOOST_TEST(help.out.find("--format") != std::string::npos);
  BOOST_TEST(help.out.find("--config") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(usageErrorsExitTwo) {
  BOOST_TEST(runProfkpi({}).exitCode == 2);
  BOOST_TEST(runProfkpi({"no-such-command"}).exitCode == 2);
  BOOST_TEST(runProfkpi({"validate"}).exitCode == 2);
  BOOST_TEST(runProfkpi({"validate", "--no-such-option", sample("valid/aggregate-zero-headcount.xml")}).exitCode == 2);
  BOOST_TEST(runProfkpi({"validate", "--format", "yaml", sample("valid/aggregate-zero-headcount.xml")}).exitCode == 2);
  BOOST_TEST(runProfkpi({"validate", "/nonexistent.xml"}).exitCode == 2);
  BOOST_TEST(runProfkpi({"validate", "--config", "/nonexistent.properties", sample("valid/aggregate-zero-headcount.xml")})
                 .exitCode == 2);
}

BOOST_AUTO_TEST_CASE(validFilesExitZeroAndPrintOnlyWarnings) {
  ProcessResult r = runProfkpi({"validate", sample("valid/aggregate-hartlepool-2009-10-Q2.xml"),
                             sample("valid/workforce-anglesey-2009-10-Q2.xml")});
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find("valid") != std::string::npos);

  std::string zero = sample("valid/aggregate-zero-headcount.xml");
  ProcessResult warned = runProfkpi({"validate", zero});
  BOOST_TEST(warned.exitCode == 0);
  BOOST_TEST(warned.out == zero + ":21:18: warning PQ103: ItHeadcount is 0: the staff KPIs have no value\n");
}

BOOST_AUTO_TEST_CASE(refusalsPrintOneDiagnosticPerLineAndExitOne) {
  std::string file = sample("refused/multiple-faults.xml");
  ProcessResult r = runProfkpi({"validate", sample("valid/aggregate-hartlepool-2009-10-Q2.xml"), file});
  BOOST_TEST(r.exitCode == 1);
  std::vector<std::string> out = lines(r.out);
  BOOST_REQUIRE(out.size() == 3u);
  std::regex shape("^" + std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                   R"(:[0-9]+:[0-9]+: (error|warning) (XML|XSD|PK[0-9]{3}|PQ[0-9]{3}): .+$)");
  for (const std::string& line : out) BOOST_TEST(std::regex_match(line, shape), line);
  BOOST_TEST(out[0].find(":13:") != std::string::npos);
  BOOST_TEST(out[0].find("error PK001:") != std::string::npos);
  BOOST_TEST(out[1].find("error PK003:") != std::string::npos);
  BOOST_TEST(out[2].find("error XSD:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(jsonFormatPrintsOneObjectPerFile) {
  ProcessResult r = runProfkpi({"validate", "--format", "json", sample("valid/workforce-explained-warning.xml"),
                             sample("refused/pk002-unknown-organisation.xml")});
  BOOST_TEST(r.exitCode == 1);
  std::vector<std::string> out = lines(r.out);
  BOOST_REQUIRE(out.size() == 2u);
  Poco::JSON::Parser parser;
  auto first = parser.parse(out[0]).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(first->getValue<std::string>("status") == "valid");
  BOOST_TEST(first->getValue<std::string>("organisation") == "W06000002");
  auto warning = first->getArray("warnings")->getObject(0);
  BOOST_TEST(warning->getValue<std::string>("code") == "PQ102");
  BOOST_TEST(warning->getValue<std::string>("kpi") == "K5");
  BOOST_TEST(warning->getValue<bool>("explained"));
  BOOST_TEST(first->getObject("measures")->getValue<int>("ItHeadcount") > 0);

  parser.reset();
  auto second = parser.parse(out[1]).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(second->getValue<std::string>("status") == "refused");
  auto error = second->getArray("errors")->getObject(0);
  BOOST_TEST(error->getValue<std::string>("code") == "PK002");
  BOOST_TEST(error->getValue<int>("line") > 0);
  BOOST_TEST(error->getValue<int>("column") > 0);
}

BOOST_AUTO_TEST_CASE(configuredRegistryReplacesTheShippedOne) {
  TempDir dir;
  writeFile(dir.file("registry.xml"),
            "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">"
            "<Organisation code=\"E06000002\" type=\"unitary\"><Name>Middlesbrough Council</Name>"
            "<Contact>kpi@middlesbrough.example.org</Contact></Organisation></Registry>");
  writeFile(dir.file("profkpi.properties"), "registry.file = " + dir.file("registry.xml") + "\n");
  ProcessResult r = runProfkpi({"validate", "--config", dir.file("profkpi.properties"),
                             sample("valid/aggregate-hartlepool-2009-10-Q2.xml")});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.out.find("PK002") != std::string::npos);

  writeFile(dir.file("broken.properties"), "registry.file = " + dir.file("profkpi.properties") + "\n");
  BOOST_TEST(runProfkpi({"validate", "--config", dir.file("broken.properties"),
                      sample("valid/aggregate-hartlepool-2009-10-Q2.xml")})
                 .exitCode == 2);
}

// INTERFACE.md: --config FILE is a Poco properties file, whatever its name
// ends in (Poco's own loader would refuse profkpi.conf and read x.ini as INI).
BOOST_AUTO_TEST_CASE(configFileIsReadAsPropertiesWhateverItsName) {
  TempDir dir;
  writeFile(dir.file("registry.xml"),
            "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">"
            "<Organisation code=\"E06000002\" type=\"unitary\"><Name>Middlesbrough Council</Name>"
            "<Contact>kpi@middlesbrough.example.org</Contact></Organisation></Registry>");
  // `!` starts a comment in a properties file; INI would take the line as a key.
  std::string properties = "! replaces the shipped registry\nregistry.file = " + dir.file("registry.xml") + "\n";
  for (const char* name : {"profkpi.conf", "profkpi", "profkpi.ini", "profkpi.xml"}) {
    writeFile(dir.file(name), properties);
    ProcessResult r = runProfkpi({"validate", "--config", dir.file(name),
                                  sample("valid/aggregate-hartlepool-2009-10-Q2.xml")});
    BOOST_TEST(r.exitCode == 1, name << ": " << r.err);
    BOOST_TEST(r.out.find("PK002") != std::string::npos, name << ": " << r.out);
  }
}

BOOST_AUTO_TEST_CASE(doctypeIsRefusedAlsoWhenXercesDisablesDtds) {
  for (const char* setting : {"", "1"}) {
    ProcessResult r = runProfkpi({"validate", sample("hostile/billion-laughs.xml")}, {{"XERCES_DISABLE_DTD", setting}});
    BOOST_TEST(r.exitCode == 1);
    BOOST_TEST(r.out.find("error XML: a DOCTYPE is not allowed") != std::string::npos, r.out);
    BOOST_TEST(r.seconds < timeBound(5.0));
  }
}

// Xerces tells the reader of a DOCTYPE without subset or identifier only when
// XERCES_DISABLE_DTD is set (then it refuses it itself); refused either way.
BOOST_AUTO_TEST_CASE(bareDoctypeIsRefusedWhateverXercesDisablesDtdSays) {
  TempDir dir;
  std::string xml = readFile(sample("valid/aggregate-hartlepool-2009-10-Q2.xml"));
  xml.insert(xml.find("<Submission"), "<!DOCTYPE Submission>\n");
  writeFile(dir.file("bare-doctype.xml"), xml);
  for (const char* setting : {"", "1"}) {
    ProcessResult r = runProfkpi({"validate", dir.file("bare-doctype.xml")}, {{"XERCES_DISABLE_DTD", setting}});
    BOOST_TEST(r.exitCode == 1, setting << ": " << r.out);
    BOOST_TEST(r.out.find("error XML: a DOCTYPE is not allowed") != std::string::npos, r.out);
  }
}

BOOST_AUTO_TEST_CASE(hundredMegabyteWorkforceIsValidatedInFlatMemory) {
  TempDir dir;
  std::string path = dir.file("workforce-100mb.xml");
  std::int64_t members = writeLargeWorkforce(path, 100LL * 1000 * 1000);
  ProcessResult r = runProfkpi({"validate", "--format", "json", path});
  BOOST_TEST(r.exitCode == 0, r.out << r.err);
  BOOST_TEST(r.out.find("\"ItHeadcount\":" + std::to_string(members)) != std::string::npos);
  BOOST_TEST_MESSAGE("100 MB workforce (" << members << " members): " << r.seconds << " s, peak RSS "
                                           << r.maxRssKb / 1024 << " MB");
  // Under AddressSanitizer freed blocks wait in a quarantine of up to 256 MB
  // and shadow memory comes on top: flat, but higher.
  BOOST_TEST(r.maxRssKb < (sanitized() ? 1024 : 64) * 1024);
}

// `profkpi validate` runs in profkpi-validate, which does not load the store,
// HTTP or report libraries (adapters/cli/programs/profkpi.cpp); the dynamic
// loader names every library it opens when LD_DEBUG=files.
BOOST_AUTO_TEST_CASE(validateLoadsNoStoreHttpOrReportLibrary) {
  ProcessResult r = runProfkpi({"validate", sample("valid/aggregate-zero-headcount.xml")}, {{"LD_DEBUG", "files"}});
  BOOST_TEST(r.exitCode == 0);
  BOOST_TEST(r.err.find("libxerces-c") != std::string::npos);
  for (const char* library : {"libPocoData", "libPocoNet", "libsqlite3", "libpq", "libhpdf", "libharfbuzz"}) {
    BOOST_TEST(r.err.find(library) == std::string::npos, library);
  }
}

// profkpi alone, without the programs it starts: a clear error, exit 2.
BOOST_AUTO_TEST_CASE(aMissingProgramIsNamed) {
  TempDir dir;
  Poco::File(dir.file("bin")).createDirectories();
  Poco::File(profkpiBinary()).copyTo(dir.file("bin/profkpi"));
  ProcessResult validate =
      runProcess({dir.file("bin/profkpi"), "validate", sample("valid/aggregate-zero-headcount.xml")});
  BOOST_TEST(validate.exitCode == 2);
  BOOST_TEST(validate.err.find("profkpi: cannot run " + dir.path() + "/bin/") != std::string::npos, validate.err);
  BOOST_TEST(validate.err.find("/profkpi-validate: No such file") != std::string::npos, validate.err);
  ProcessResult help = runProcess({dir.file("bin/profkpi"), "--help"});
  BOOST_TEST(help.exitCode == 2);
  BOOST_TEST(help.err.find("/profkpi-full: No such file") != std::string::npos, help.err);
}

BOOST_AUTO_TEST_SUITE_END()
