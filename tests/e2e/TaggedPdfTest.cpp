// The board report of every organisation type and the sector report, rendered
// by the built profkpi from the demo data, are tagged PDFs: pdfinfo says
// "Tagged: yes", the tagged-PDF checker (tests/tagged/check_tagged_pdf.py,
// python3-pikepdf) finds nothing, and `pdfinfo -struct-text` reads like the
// page, in order, without the running header and footer.
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>

using namespace profkpi::tests;

namespace {

const char* const CHECKER = PROFKPI_SOURCE_DIR "/tests/tagged/check_tagged_pdf.py";
const char* const PERIOD = "2025-26-Q2";
const char* const EARLIER = "2025-26-Q1";

ProcessResult tool(const std::vector<std::string>& argv) {
  ProcessResult r = runProcess(argv);
  BOOST_REQUIRE_MESSAGE(r.exitCode != 127, argv[0] << " is not installed (scripts/setup installs it)");
  return r;
}

// The registered organisations by type, in registry order.
std::map<std::string, std::vector<std::string>> byType() {
  std::string registry = readFile(PROFKPI_SOURCE_DIR "/data/registry.xml");
  std::map<std::string, std::vector<std::string>> found;
  std::regex organisation("<Organisation code=\"([A-Z0-9]+)\" type=\"([a-z-]+)\"");
  for (auto it = std::sregex_iterator(registry.begin(), registry.end(), organisation); it != std::sregex_iterator();
       ++it) {
    found[(*it)[2]].push_back((*it)[1]);
  }
  return found;
}

// Where `words` starts in `text`, or npos; the failure names what was missing.
std::size_t at(const std::string& text, const std::string& words) {
  std::size_t where = text.find(words);
  BOOST_TEST(where != std::string::npos, "missing from the structure text: " << words);
  return where;
}

struct Demo {
  TempDir dir;
  std::string config = dir.file("profkpi.properties");

  Demo() {
    writeFile(config, "store.connection = " + dir.file("store.db") + "\n");
    ProcessResult made = runProcess({profkpiBinary(), "demo-data", "--config", config, "--out", dir.file("in"),
                                     "--quarters", "3", "--last", PERIOD});
    BOOST_REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    ProcessResult stored = runProcess({profkpiBinary(), "ingest", "--config", config, dir.file("in")});
    BOOST_REQUIRE_MESSAGE(stored.exitCode == 0, stored.err);
  }

  // Renders; the file's path, or empty when profkpi refused (exit 1: no submission).
  std::string tryRender(const std::vector<std::string>& what, const std::string& name) {
    std::string out = dir.file(name);
    std::vector<std::string> argv{profkpiBinary(), what.front(), "--config", config};
    argv.insert(argv.end(), what.begin() + 1, what.end());
    argv.insert(argv.end(), {"--out", out});
    ProcessResult r = runProcess(argv);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0 || r.exitCode == 1, name << ": " << r.err);
    return r.exitCode == 0 ? out : std::string();
  }
  std::string render(const std::vector<std::string>& what, const std::string& name) {
    std::string out = tryRender(what, name);
    BOOST_REQUIRE_MESSAGE(!out.empty(), name << " was not rendered");
    return out;
  }
};

void checkTagged(const std::string& pdf) {
  ProcessResult info = tool({"/usr/bin/pdfinfo", pdf});
  BOOST_TEST(std::regex_search(info.out, std::regex("\nTagged: +yes\n")), info.out);
  ProcessResult check = tool({"/usr/bin/python3", CHECKER, pdf});
  BOOST_TEST(check.exitCode == 0, check.out << check.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TaggedPdfTest)

BOOST_AUTO_TEST_CASE(boardReportsOfEveryTypeAndTheSectorReportPassTheChecker) {
  Demo demo;
  std::map<std::string, std::vector<std::string>> types = byType();
  BOOST_REQUIRE_GE(types.size(), 8u);
  for (const auto& [type, codes] : types) {
    // The first of the type that submitted for the period, or the one before
    // (the demo data leaves a few submissions out, the only Scottish one's among them).
    std::string pdf, code;
    for (const char* period : {PERIOD, EARLIER}) {
      for (std::size_t i = 0; i < codes.size() && pdf.empty(); ++i) {
        code = codes[i];
        pdf = demo.tryRender({"report", "--org", code, "--period", period}, code + ".pdf");
      }
    }
    BOOST_TEST_CONTEXT(type << " " << code) {
      BOOST_REQUIRE_MESSAGE(!pdf.empty(), "no " << type << " submitted for " << PERIOD);
      checkTagged(pdf);
      BOOST_TEST(readFile(pdf).size() < 100u * 1024u);
      std::string text = tool({"/usr/bin/pdfinfo", "-struct-text", pdf}).out;
      // In reading order: the heading, the headlines, the scorecard, each KPI,
      // provenance and method; never the band or the page numbers.
      // (Each element's text is quoted on a line of its own.)
      std::size_t headlines = at(text, "\"Headlines");
      std::size_t scorecard = at(text, "\"Scorecard");
      std::size_t details = at(text, "\"The KPIs in detail");
      std::size_t k5 = text.find("\"K5 CPD days per FTE", details);
      std::size_t provenance = at(text, "\"Data quality and provenance");
      std::size_t method = at(text, "\"Method");
      BOOST_TEST(headlines < scorecard);
      BOOST_TEST(scorecard < details);
      BOOST_TEST(details < text.find("\"K1 ", details));
      BOOST_TEST(k5 < provenance);  // every KPI in detail before the provenance
      BOOST_TEST(provenance < method);
      BOOST_TEST(text.find("page 1 of") == std::string::npos);
      BOOST_TEST(text.find("BOARD REPORT") == std::string::npos);
    }
  }
  // A Welsh council: its Welsh name in a span of its own language, with ô.
  std::string welsh = demo.render({"report", "--org", "W06000001", "--period", PERIOD}, "anglesey.pdf");
  checkTagged(welsh);
  ProcessResult qdf = tool({"/usr/bin/qpdf", "--qdf", "--object-streams=disable", welsh, demo.dir.file("a.qdf")});
  BOOST_TEST(qdf.exitCode == 0, qdf.err);
  BOOST_TEST(readFile(demo.dir.file("a.qdf")).find("/Lang (cy)") != std::string::npos);
  BOOST_TEST(tool({"/usr/bin/pdfinfo", "-struct-text", welsh}).out.find("Cyngor Sir Ynys Môn") != std::string::npos);

  // The same council's report in Welsh (issue 25): the document in Welsh, the
  // English name a span marked English, the same reading order, the same size goal.
  std::string cymraeg = demo.render({"report", "--org", "W06000001", "--period", PERIOD, "--language", "cy"}, "mon.pdf");
  checkTagged(cymraeg);
  BOOST_TEST(readFile(cymraeg).size() < 100u * 1024u);
  ProcessResult cyQdf = tool({"/usr/bin/qpdf", "--qdf", "--object-streams=disable", cymraeg, demo.dir.file("c.qdf")});
  BOOST_TEST(cyQdf.exitCode == 0, cyQdf.err);
  std::string cyObjects = readFile(demo.dir.file("c.qdf"));
  BOOST_TEST(cyObjects.find("/Lang (cy)") != std::string::npos);
  BOOST_TEST(cyObjects.find("/Lang (en)") != std::string::npos);
  BOOST_TEST(cyObjects.find("/Lang (en-GB)") == std::string::npos);
  std::string cyText = tool({"/usr/bin/pdfinfo", "-struct-text", cymraeg}).out;
  BOOST_TEST(at(cyText, "\"Cyngor Sir Ynys Môn") < at(cyText, "\"Penawdau"));
  BOOST_TEST(at(cyText, "\"Penawdau") < at(cyText, "\"Cerdyn sgorio"));
  BOOST_TEST(at(cyText, "\"Cerdyn sgorio") < at(cyText, "\"Y DPAau yn fanwl"));
  BOOST_TEST(at(cyText, "\"Y DPAau yn fanwl") < at(cyText, "\"Ansawdd data a tharddiad"));
  BOOST_TEST(at(cyText, "\"Ansawdd data a tharddiad") < at(cyText, "\"Methodoleg"));
  checkTagged(demo.render({"sector-report", "--period", PERIOD, "--language", "cy"}, "sector.cy.pdf"));

  std::string sector = demo.render({"sector-report", "--period", PERIOD}, "sector.pdf");
  checkTagged(sector);
  std::string text = tool({"/usr/bin/pdfinfo", "-struct-text", sector}).out;
  BOOST_TEST(at(text, "Sector benchmark") < at(text, "Sector rates"));
  BOOST_TEST(at(text, "Sector rates") < at(text, "League table by professionalisation index"));
  BOOST_TEST(text.find("SECTOR REPORT") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
