// `profkpi convert` run as a process, as an integrator's nightly export job
// runs it; every document it writes is checked with `profkpi validate`.
#include "tests/support/Documents.h"
#include "tests/support/Process.h"
#include "tests/support/Sanitized.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace profkpi::tests;

namespace {

const std::string SOURCE = PROFKPI_SOURCE_DIR;
const std::string ITRENT_MAPPING = SOURCE + "/etc/mappings/itrent-staff.properties";
const std::string SAP_MAPPING = SOURCE + "/etc/mappings/sap-hr-staff.properties";
const std::string MINIMAL_MAPPING = "member.id = Id\nmember.role = Role\nmember.fte = FTE\n";

ProcessResult runProfkpi(const std::vector<std::string>& args) {
  std::vector<std::string> argv{profkpiBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv);
}

bool exists(const std::string& path) { return Poco::File(path).exists(); }

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::size_t entries(const std::string& dir) {
  std::vector<std::string> names;
  Poco::File(dir).list(names);
  return names.size();
}

struct Fixture {
  TempDir dir;
  std::string out = dir.file("out.xml");
  std::string mapping = dir.file("mapping.properties");

  Fixture() { write(mapping, MINIMAL_MAPPING); }

  ProcessResult convert(const std::string& csv, std::vector<std::string> extra = {}) {
    return convertTo(out, csv, std::move(extra));
  }

  ProcessResult convertTo(const std::string& target, const std::string& csv, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"convert", csv, "--mapping", mapping, "--out", target, "--org", "E06000001",
                                  "--period", "2025-26-Q2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return runProfkpi(args);
  }

  std::string csv(const std::string& bytes) {
    std::string path = dir.file("in.csv");
    write(path, bytes);
    return path;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ConvertCliTest, Fixture)

BOOST_AUTO_TEST_CASE(helpDescribesTheOptions) {
  ProcessResult help = runProfkpi({"convert", "--help"});
  BOOST_TEST(help.exitCode == 0);
  for (const char* option : {"--mapping", "--out", "--org", "--period", "--submission-id", "--prepared-at",
                             "--max-errors", "--config"}) {
    BOOST_TEST(help.out.find(option) != std::string::npos, option);
  }
  BOOST_TEST(runProfkpi({"--help"}).out.find("convert") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(theShippedExamplesConvertIntoValidSubmissions) {
  struct Example {
    std::string mapping, csv, organisation;
    std::size_t members, roles;
  };
  for (const Example& e : {Example{ITRENT_MAPPING, SOURCE + "/samples/csv/itrent-staff.csv", "W06000001", 10, 7},
                           Example{SAP_MAPPING, SOURCE + "/samples/csv/sap-hr-staff.csv", "E06000001", 8, 5}}) {
    ProcessResult r = runProfkpi({"convert", e.csv, "--mapping", e.mapping, "--out", out, "--period", "2025-26-Q2"});
    BOOST_TEST_REQUIRE(r.exitCode == 0, e.csv << ": " << r.err);
    BOOST_TEST(r.out.find("wrote " + out + ": " + std::to_string(e.members) + " members, " +
                          std::to_string(e.roles) + " roles, SubmissionId ") != std::string::npos,
               r.out);
    ProcessResult valid = runProfkpi({"validate", out});
    BOOST_TEST(valid.exitCode == 0, valid.out + valid.err);
    BOOST_TEST(valid.out.empty(), valid.out);
    std::string xml = readFile(out);
    BOOST_TEST(xml.find("code=\"" + e.organisation + "\"") != std::string::npos);
    BOOST_TEST(xml.find("Jones") == std::string::npos);  // names in the export are never copied
  }
  std::string xml = readFile(out);  // the SAP example, its percentages rounded to hundredths
  BOOST_TEST(xml.find("<Member id=\"00104715\" roleId=\"SDA\" fte=\"0.33\">") != std::string::npos);
  BOOST_TEST(xml.find("grade=\"ITIL 4 Foundation; Managing Professional\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(headerValuesComeFromOptionsBeforeTheMapping) {
  ProcessResult r = runProfkpi({"convert", SOURCE + "/samples/csv/itrent-staff.csv", "--mapping", ITRENT_MAPPING,
                                "--out", out, "--org", "W06000002", "--org-name", "Gwynedd & <Co>", "--period",
                                "2025-26", "--submission-id", "0f8b7a6e-1d2c-4b3a-9f8e-7d6c5b4a3f2e", "--prepared-at",
                                "2025-10-05T09:30:00+01:00", "--prepared-by", "HR \"Data\" Team"});
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  std::string xml = readFile(out);
  BOOST_TEST(xml.find("<SubmissionId>0f8b7a6e-1d2c-4b3a-9f8e-7d6c5b4a3f2e</SubmissionId>") != std::string::npos);
  BOOST_TEST(xml.find("<Organisation code=\"W06000002\">Gwynedd &amp; &lt;Co&gt;</Organisation>") !=
             std::string::npos);
  BOOST_TEST(xml.find("<PreparedAt>2025-10-05T09:30:00+01:00</PreparedAt>") != std::string::npos);
  BOOST_TEST(xml.find("<SourceSystem name=\"iTrent\" version=\"8.1\"/>") != std::string::npos);
  BOOST_TEST(runProfkpi({"validate", out}).exitCode == 0);
}

BOOST_AUTO_TEST_CASE(theRegistryNamesTheOrganisationByDefault) {
  ProcessResult r = convert(csv("Id,Role,FTE\nE1,DEV,1\n"));
  BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
  BOOST_TEST(readFile(out).find(">Hartlepool Borough Council</Organisation>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(aRefusedExportListsEveryBadRowAndWritesNothing) {
  write(out, "previous");
  std::string file = csv("Id,Role,FTE\nE1,DEV,abc\nE2,DEV,1\nE3,DEV,\nE1,DEV,0.5\n");
  ProcessResult r = convert(file);
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err == file + ":2: error: column \"FTE\": \"abc\" is not a number\n" + file +
                          ":4: error: column \"FTE\": \"\" is not a number\n" + file +
                          ":5: error: column \"Id\": member id \"E1\" is also on line 2 (member ids must be unique)\n" +
                          file + ": refused (3 problems); " + out + " not written\n");
  BOOST_TEST(r.out.empty());
  BOOST_TEST(readFile(out) == "previous");
  BOOST_TEST(entries(dir.path()) == 3u);  // mapping, CSV, the untouched output: no scratch files left
}

BOOST_AUTO_TEST_CASE(problemsBeyondMaxErrorsAreCounted) {
  ProcessResult r = convert(csv("Id,Role,FTE\nE1,DEV,x\nE2,DEV,x\nE3,DEV,x\n"), {"--max-errors", "2"});
  BOOST_TEST(r.exitCode == 1);
  BOOST_TEST(r.err.find(":3: error:") != std::string::npos);
  BOOST_TEST(r.err.find(":4: error:") == std::string::npos);
  BOOST_TEST(r.err.find("1 more problems not listed (--max-errors 2)") != std::string::npos);
  BOOST_TEST(!exists(out));
}

BOOST_AUTO_TEST_CASE(missingColumnsAndEmptyFilesAreRefused) {
  ProcessResult missing = convert(csv("Id,Job,FTE\nE1,DEV,1\n"));
  BOOST_TEST(missing.exitCode == 1);
  BOOST_TEST(missing.err.find(":1: error: column \"Role\" (member.role) is not in the header") != std::string::npos);
  ProcessResult empty = convert(csv(""));
  BOOST_TEST(empty.exitCode == 1);
  BOOST_TEST(empty.err.find(":1: error: the file is empty") != std::string::npos);
  BOOST_TEST(!exists(out));
}

BOOST_AUTO_TEST_CASE(usageMappingAndHeaderMistakesExitTwo) {
  std::string good = csv("Id,Role,FTE\nE1,DEV,1\n");
  BOOST_TEST(runProfkpi({"convert", good, "--out", out, "--org", "E06000001", "--period", "2025-26"}).exitCode == 2);
  BOOST_TEST(runProfkpi({"convert", good, "--mapping", mapping, "--org", "E06000001", "--period", "2025-26"}).exitCode ==
             2);
  BOOST_TEST(runProfkpi({"convert", "--mapping", mapping, "--out", out, "--period", "2025-26"}).exitCode == 2);
  BOOST_TEST(convert(dir.file("absent.csv")).exitCode == 2);
  BOOST_TEST(convert(good, {"--max-errors", "lots"}).exitCode == 2);
  ProcessResult nowhere = convertTo(dir.file("no-such-folder/out.xml"), good);
  BOOST_TEST(nowhere.exitCode == 2);
  BOOST_TEST(nowhere.err.find("cannot create a file beside") != std::string::npos, nowhere.err);

  write(mapping, MINIMAL_MAPPING + "member.fte.fromat = percent\n");
  ProcessResult typo = convert(good);
  BOOST_TEST(typo.exitCode == 2);
  BOOST_TEST(typo.err.find("unknown key member.fte.fromat") != std::string::npos);
  write(mapping, MINIMAL_MAPPING);

  ProcessResult unknownOrg = runProfkpi({"convert", good, "--mapping", mapping, "--out", out, "--org", "E06999999",
                                         "--org-name", "Nowhere", "--period", "2025-26"});
  BOOST_TEST(unknownOrg.exitCode == 2);
  BOOST_TEST(unknownOrg.err.find("Organisation (--org / --org-name): error PK002") != std::string::npos,
             unknownOrg.err);
  ProcessResult period = runProfkpi({"convert", good, "--mapping", mapping, "--out", out, "--org", "E06000001",
                                     "--period", "2025-27"});
  BOOST_TEST(period.exitCode == 2);
  BOOST_TEST(period.err.find("Period (--period): error PK001") != std::string::npos, period.err);
  ProcessResult early = convert(good, {"--prepared-at", "2025-06-30T12:00:00Z"});
  BOOST_TEST(early.exitCode == 2);
  BOOST_TEST(early.err.find("PreparedAt (--prepared-at): error PK005") != std::string::npos, early.err);
  ProcessResult uuid = convert(good, {"--submission-id", "not-a-uuid"});
  BOOST_TEST(uuid.exitCode == 2);
  BOOST_TEST(uuid.err.find("SubmissionId (--submission-id): error XSD") != std::string::npos, uuid.err);
  BOOST_TEST(!exists(out));
}

// A large export streams: the converter's memory grows by its compact id set
// (bytes per row), not by the file, while the export grows by hundreds of
// bytes per row. Ten times the rows, compared in the same run.
BOOST_AUTO_TEST_CASE(aLargeExportConvertsInBoundedMemoryAndValidates) {
  write(mapping, MINIMAL_MAPPING + "member.assessment = Appraised\ndates.format = %d/%m/%Y\nmember.cpd = CPD\n"
                                   "role.title = Title\n");
  std::string notes(300, 'n');
  auto makeCsv = [&](const std::string& name, int rows) {
    std::string path = dir.file(name);
    std::ofstream f(path, std::ios::binary);
    f << "Id,Role,Title,FTE,Appraised,CPD,Notes\n";
    for (int i = 0; i < rows; ++i) {
      f << "EMP" << i << ",R" << i % 40 << ",\"Role " << i % 40 << ", grade\"," << (i % 4 == 0 ? "0.5" : "1") << ","
        << (i % 28 + 1) << "/0" << (i % 9 + 1) << "/2024," << i % 10 << ".5,\"" << notes << "\"\n";
    }
    return path;
  };
  std::string small = makeCsv("small.csv", 20000);
  std::string large = makeCsv("large.csv", 200000);
  ProcessResult smallRun = convertTo(dir.file("small.xml"), small);
  BOOST_TEST_REQUIRE(smallRun.exitCode == 0, smallRun.err);
  ProcessResult largeRun = convert(large);
  BOOST_TEST_REQUIRE(largeRun.exitCode == 0, largeRun.err);
  long csvKb = static_cast<long>(Poco::File(large).getSize() / 1024);
  long growthKb = largeRun.maxRssKb - smallRun.maxRssKb;
  BOOST_TEST_MESSAGE("convert: 20k rows " << smallRun.maxRssKb << " KB, 200k rows " << largeRun.maxRssKb
                                          << " KB peak RSS; the 200k-row CSV is " << csvKb << " KB; "
                                          << largeRun.seconds << " s");
  // ASan's quarantine of freed blocks (up to 256 MB) swamps the program's own memory.
  if (!sanitized()) {
    BOOST_TEST(growthKb < csvKb / 4, "grew " << growthKb << " KB for a " << csvKb << " KB export");
    BOOST_TEST(largeRun.maxRssKb < 200 * 1024);
  }
  BOOST_TEST(largeRun.out.find("200000 members, 40 roles") != std::string::npos);
  ProcessResult valid = runProfkpi({"validate", out});
  BOOST_TEST(valid.exitCode == 0, valid.out + valid.err);
}

BOOST_AUTO_TEST_SUITE_END()
