// `profkpi report` and `profkpi sector-report` as processes against a real
// SQLite store, checked with real PDF tools: poppler (pdftotext, pdffonts),
// qpdf, xmllint and the tagged-PDF checker.
#include "tests/support/DocumentText.h"
#include "tests/support/Documents.h"
#include "tests/support/Process.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

#include <regex>
#include <sstream>

using namespace profkpi::tests;

namespace {

struct Fixture {
  TempDir dir;
  std::string config = dir.file("profkpi.properties");
  std::string receipts;

  Fixture() { writeFile(config, "store.connection = " + dir.file("store.db") + "\n"); }

  ProcessResult profkpi(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--config", config});
    args.insert(args.begin(), profkpiBinary());
    return runProcess(args);
  }

  void ingestSamples() {
    ProcessResult r = profkpi({"ingest", samplesDir() + "/valid"});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    receipts = r.out;
  }

  // Renders a board report; requires success.
  std::string board(const std::string& org, const std::string& period, const std::string& name,
                    const std::vector<std::string>& extra = {}) {
    std::string out = dir.file(name);
    std::vector<std::string> args{"report", "--org", org, "--period", period, "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessResult r = profkpi(args);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, "report " << org << ": " << r.err);
    return out;
  }

  // The receipt line for an organisation, as ingest printed it.
  std::string receiptFor(const std::string& org) {
    for (const std::string& line : lines(receipts)) {
      if (line.find("\"organisation\":\"" + org + "\"") != std::string::npos) return line;
    }
    BOOST_FAIL("no receipt for " << org);
    return "";
  }
};

ProcessResult tool(const std::vector<std::string>& argv) {
  ProcessResult r = runProcess(argv);
  BOOST_REQUIRE_MESSAGE(r.exitCode != 127, argv[0] << " is not installed (scripts/setup installs it)");
  return r;
}

ProcessResult pdftotext(const std::string& pdf) { return tool({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"}); }

int pageCount(const std::string& pdf) {
  ProcessResult info = tool({"/usr/bin/pdfinfo", pdf});
  std::smatch m;
  std::regex pages("Pages:\\s+([0-9]+)");
  if (!std::regex_search(info.out, m, pages)) return -1;
  return std::stoi(m[1]);
}

// Every font pdffonts lists has "yes" in its emb column; returns how many fonts.
std::size_t checkAllFontsEmbedded(const std::string& pdf) {
  ProcessResult fonts = tool({"/usr/bin/pdffonts", pdf});
  BOOST_TEST(fonts.exitCode == 0, fonts.err);
  std::vector<std::string> rows = lines(fonts.out);
  std::size_t count = 0;
  for (std::size_t i = 2; i < rows.size(); ++i) {
    std::istringstream in(rows[i]);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    if (words.size() < 6) continue;
    BOOST_TEST(words[words.size() - 5] == "yes", "not embedded: " << rows[i]);  // emb sub uni object ID
    ++count;
  }
  return count;
}

void checkSoundPdf(const std::string& pdf) {
  ProcessResult check = tool({"/usr/bin/qpdf", "--check", pdf});
  BOOST_TEST(check.exitCode == 0, check.out << check.err);
  BOOST_TEST(check.out.find("No syntax or stream encoding errors") != std::string::npos, check.out);
  BOOST_TEST(checkAllFontsEmbedded(pdf) == 2u);
  ProcessResult text = pdftotext(pdf);
  BOOST_TEST(text.exitCode == 0);
  BOOST_TEST(text.err.empty(), "pdftotext warned: " << text.err);
  // Tagged as PDF/UA asks (tests/tagged/check_tagged_pdf.py), right-to-left names included.
  ProcessResult tagged = tool({"/usr/bin/python3", PROFKPI_SOURCE_DIR "/tests/tagged/check_tagged_pdf.py", pdf});
  BOOST_TEST(tagged.exitCode == 0, tagged.out << tagged.err);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ReportCliTest, Fixture)

BOOST_AUTO_TEST_CASE(boardReportShowsNamePeriodAndEveryKpiAsTheReceiptDid) {
  ingestSamples();
  std::string pdf = board("W06000001", "2009-10-Q2", "anglesey.pdf");
  checkSoundPdf(pdf);
  std::string text = squeezed(pdftotext(pdf).out);
  BOOST_TEST(text.find("Isle of Anglesey County Council") != std::string::npos);
  BOOST_TEST(text.find("Cyngor Sir Ynys Môn") != std::string::npos);
  BOOST_TEST(text.find("July to September 2009 (Q2 2009/10)") != std::string::npos);
  BOOST_TEST(text.find("page 1 of 5") != std::string::npos);
  BOOST_TEST(text.find("74a94d82-f417-4b69-8e62-933e0e99f1ff") != std::string::npos);  // provenance

  // Every KPI value exactly as the receipt printed it, and the index.
  std::string receipt = receiptFor("W06000001");
  std::regex value("\"(K[0-9])\":\\{\"value\":([0-9.]+)");
  int seen = 0;
  for (auto it = std::sregex_iterator(receipt.begin(), receipt.end(), value); it != std::sregex_iterator(); ++it) {
    std::string shown = (*it)[2];
    if (shown.find('.') == std::string::npos) shown += ".0";
    BOOST_TEST(text.find((*it)[1].str() + " ") != std::string::npos);
    BOOST_TEST(text.find(shown) != std::string::npos, (*it)[1] << " " << shown << " missing");
    ++seen;
  }
  BOOST_TEST(seen == 5);
  std::smatch index;
  BOOST_REQUIRE(std::regex_search(receipt, index, std::regex("\"index\":([0-9]+)")));
  BOOST_TEST(text.find("PROFESSIONALISATION INDEX " + index[1].str() + " ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sameDataGivesByteIdenticalReportsUnderOneHundredKilobytes) {
  ingestSamples();
  std::string first = board("E06000001", "2009-10-Q2", "first.pdf");
  std::string second = board("E06000001", "2009-10-Q2", "second.pdf");
  std::string bytes = readFile(first);
  BOOST_TEST(bytes == readFile(second));
  BOOST_TEST(bytes.size() < 100u * 1024u, bytes.size() << " bytes");
  // Dated by the data, not the clock; PDF/A-1b metadata and an ID from the content.
  BOOST_TEST(bytes.find("pdfaid:part='1'") != std::string::npos);
  BOOST_TEST(bytes.find("/Subtype /XML") != std::string::npos);
  BOOST_TEST(bytes.find("/S /GTS_PDFA1") != std::string::npos);
  BOOST_TEST(bytes.find("/ID [") != std::string::npos);

  std::string sector1 = dir.file("sector1.pdf"), sector2 = dir.file("sector2.pdf");
  BOOST_TEST(profkpi({"sector-report", "--period", "2009-10-Q2", "--out", sector1}).exitCode == 0);
  BOOST_TEST(profkpi({"sector-report", "--period", "2009-10-Q2", "--out", sector2}).exitCode == 0);
  BOOST_TEST(readFile(sector1) == readFile(sector2));
}

BOOST_AUTO_TEST_CASE(productionTimeIsPrintedWhenAskedFor) {
  ingestSamples();
  std::string pdf = board("E06000001", "2009-10-Q2", "dated.pdf", {"--generated-at", "2009-10-06T10:12:00+01:00"});
  BOOST_TEST(squeezed(pdftotext(pdf).out).find("Produced 6 October 2009, 10:12 BST") != std::string::npos);
  ProcessResult bad = profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--out", dir.file("x.pdf"),
                               "--generated-at", "yesterday"});
  BOOST_TEST(bad.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(sectorReportShowsCoverageAndTheChaseList) {
  ingestSamples();
  std::string pdf = dir.file("sector.pdf");
  ProcessResult r = profkpi({"sector-report", "--period", "2009-10-Q2", "--out", pdf});
  BOOST_REQUIRE_MESSAGE(r.exitCode == 0, r.err);
  checkSoundPdf(pdf);
  std::string text = squeezed(pdftotext(pdf).out);
  BOOST_TEST(text.find("Sector benchmark") != std::string::npos);
  BOOST_TEST(text.find("July to September 2009 (Q2 2009/10)") != std::string::npos);
  BOOST_TEST(text.find("Chase list") != std::string::npos);
  BOOST_TEST(text.find("Darlington Borough Council") != std::string::npos);  // registered, not submitted
  // Four submissions: under the disclosure threshold, so no league table.
  BOOST_TEST(text.find("no league table is shown") != std::string::npos);
  // The chase list's 80 rows are a Table of 480 tagged elements, each an object
  // of its own in PDF/A-1 (no object streams): about 60 KB of the 135 KB.
  BOOST_TEST(readFile(pdf).size() < 200u * 1024u);
}

BOOST_AUTO_TEST_CASE(languageCyWritesTheReportsInWelsh) {
  ingestSamples();
  std::string pdf = board("E06000001", "2009-10-Q2", "board.cy.pdf", {"--language", "cy"});
  checkSoundPdf(pdf);
  std::string text = squeezed(pdftotext(pdf).out);
  BOOST_TEST(text.find("Gorffennaf \xE2\x80\x93 Medi 2009 (Ch2 2009/10)") != std::string::npos);
  BOOST_TEST(text.find("Penawdau") != std::string::npos);
  BOOST_TEST(text.find("Headlines") == std::string::npos);
  BOOST_TEST(readFile(pdf).find("/Lang (cy)") != std::string::npos);
  std::string html = board("E06000001", "2009-10-Q2", "board.cy.html", {"--language", "cy"});
  BOOST_TEST(readFile(html).find("lang=\"cy\" xml:lang=\"cy\"") != std::string::npos);
  std::string sector = dir.file("sector.cy.pdf");
  BOOST_REQUIRE(profkpi({"sector-report", "--period", "2009-10-Q2", "--language", "cy", "--out", sector}).exitCode == 0);
  BOOST_TEST(squeezed(pdftotext(sector).out).find("Meincnod y sector") != std::string::npos);
  // English stays the default; any other language is a usage error, and nothing is written.
  BOOST_TEST(squeezed(pdftotext(board("E06000001", "2009-10-Q2", "board.en.pdf")).out).find("Headlines") != std::string::npos);
  ProcessResult french = profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--language", "fr", "--out",
                                  dir.file("fr.pdf")});
  BOOST_TEST(french.exitCode == 2);
  BOOST_TEST(french.err.find("--language takes en or cy") != std::string::npos, french.err);
  BOOST_TEST(!Poco::File(dir.file("fr.pdf")).exists());
}

BOOST_AUTO_TEST_CASE(aCouncilsOwnCatalogueReplacesTheShippedWelsh) {
  ingestSamples();
  // The translation unit's correction: one heading changed in po/cy.po, compiled with msgfmt.
  std::string po = readFile(std::string(PROFKPI_SOURCE_DIR) + "/po/cy.po");
  std::size_t at = po.find("msgstr \"Penawdau\"");
  BOOST_REQUIRE(at != std::string::npos);
  po.replace(at, std::string("msgstr \"Penawdau\"").size(), "msgstr \"Prif bwyntiau\"");
  writeFile(dir.file("cy.po"), po);
  Poco::File(dir.file("locale/cy/LC_MESSAGES")).createDirectories();
  ProcessResult compiled = tool({"/usr/bin/msgfmt", "--check", "-o", dir.file("locale/cy/LC_MESSAGES/profkpi.mo"), dir.file("cy.po")});
  BOOST_REQUIRE_MESSAGE(compiled.exitCode == 0, compiled.err);
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nreports.messagesDir = " + dir.file("locale") + "\n");
  std::string text = squeezed(pdftotext(board("E06000001", "2009-10-Q2", "own.pdf", {"--language", "cy"})).out);
  BOOST_TEST(text.find("Prif bwyntiau") != std::string::npos);
  BOOST_TEST(text.find("Penawdau") == std::string::npos);
  BOOST_TEST(text.find("Cerdyn sgorio") != std::string::npos);  // the rest as shipped

  // A folder without the Welsh catalogue, or a file that is not one, stops the command: no English report in its place.
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nreports.messagesDir = " + dir.file("nowhere") + "\n");
  ProcessResult missing = profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--language", "cy", "--out",
                                   dir.file("missing.pdf")});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(missing.err.find("reports.messagesDir") != std::string::npos, missing.err);
  BOOST_TEST(!Poco::File(dir.file("missing.pdf")).exists());
  writeFile(dir.file("locale/cy/LC_MESSAGES/profkpi.mo"), std::string(300, '\x5A'));
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nreports.messagesDir = " + dir.file("locale") + "\n");
  ProcessResult garbage = profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--language", "cy", "--out",
                                   dir.file("garbage.pdf")});
  BOOST_TEST(garbage.exitCode == 2);
  BOOST_TEST(garbage.err.find("reports.messagesDir") != std::string::npos, garbage.err);
}

BOOST_AUTO_TEST_CASE(noSubmissionIsRefusedAndBadUsageIsAnError) {
  ingestSamples();
  ProcessResult none = profkpi({"report", "--org", "E06000003", "--period", "2009-10-Q2", "--out", dir.file("n.pdf")});
  BOOST_TEST(none.exitCode == 1);
  BOOST_TEST(none.err.find("E06000003 has no submission for 2009-10-Q2") != std::string::npos, none.err);
  BOOST_TEST(!Poco::File(dir.file("n.pdf")).exists());
  BOOST_TEST(profkpi({"report", "--org", "E06000001", "--out", dir.file("x.pdf")}).exitCode == 2);
  BOOST_TEST(profkpi({"report", "--org", "E06000001", "--period", "2009-11", "--out", dir.file("x.pdf")}).exitCode == 2);
  BOOST_TEST(profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--out", dir.file("x.doc"),
                      "--format", "doc"})
                 .exitCode == 2);
  BOOST_TEST(profkpi({"sector-report", "--out", dir.file("x.pdf")}).exitCode == 2);
  BOOST_TEST(profkpi({"report", "--org", "E06000001", "--period", "2009-10-Q2", "--out",
                      dir.file("missing-folder/x.pdf")})
                 .exitCode == 2);
}

BOOST_AUTO_TEST_CASE(htmlVersionIsAccessibleAndSelfContained) {
  ingestSamples();
  std::string html = board("W06000001", "2009-10-Q2", "anglesey.html");
  std::string page = readFile(html);
  BOOST_TEST(page.find("<table") != std::string::npos);
  BOOST_TEST(page.find("<th scope=\"col\"") != std::string::npos);
  BOOST_TEST(page.find("<th scope=\"row\"") != std::string::npos);
  BOOST_TEST(page.find("<svg") != std::string::npos);
  BOOST_TEST(page.find("<title id=") != std::string::npos);
  BOOST_TEST(page.find("<desc id=") != std::string::npos);
  BOOST_TEST(page.find("Cyngor Sir Ynys Môn") != std::string::npos);
  // Self-contained: nothing fetched from elsewhere.
  BOOST_TEST(page.find("src=") == std::string::npos);
  BOOST_TEST(page.find("<link") == std::string::npos);
  BOOST_TEST(page.find("url(") == std::string::npos);

  // Well-formed as XML (the markup is polyglot), so strictly parseable.
  ProcessResult xml = tool({"/usr/bin/xmllint", "--noout", html});
  BOOST_TEST(xml.exitCode == 0, xml.err);
  BOOST_TEST(xml.err.empty(), xml.err);
  // libxml2's HTML parser knows HTML 4 only: it names each HTML5 and SVG
  // element it does not know, and must find nothing else wrong.
  ProcessResult parsed = tool({"/usr/bin/xmllint", "--html", "--noout", html});
  std::regex unknownTag("HTML parser error : Tag (header|main|section|figure|figcaption|svg|title|desc|line|rect|"
                        "circle|polygon|polyline|text) invalid");
  std::vector<std::string> complaints = lines(parsed.err);
  for (std::size_t i = 0; i < complaints.size(); ++i) {
    if (complaints[i].find("HTML parser error") == std::string::npos) continue;
    BOOST_TEST(std::regex_search(complaints[i], unknownTag), complaints[i]);
  }

  ProcessResult sector = profkpi({"sector-report", "--period", "2009-10-Q2", "--format", "html", "--out",
                                  dir.file("sector.html")});
  BOOST_TEST(sector.exitCode == 0, sector.err);
  BOOST_TEST(tool({"/usr/bin/xmllint", "--noout", dir.file("sector.html")}).err.empty());
}

BOOST_AUTO_TEST_CASE(hostileNamesRenderWithoutCrashOrLostPage) {
  // The registry allows names of up to 200 characters of any Unicode; the
  // renderer's own tests go further (500 characters, raw control bytes).
  std::string longName;
  while (longName.size() < 190) longName += "Borough Council of Somewhere Quite Far Away ";
  longName = longName.substr(0, 200);
  std::string longWord(200, 'W');
  const std::vector<std::pair<std::string, std::string>> names = {
      {"E06000001", longName},
      {"E06000002", longWord},
      {"E06000003", "مجلس مقاطعة جزيرة أنجلسي"},                     // Arabic
      {"E06000004", "מועצת מחוז האי אנגלסי"},                         // Hebrew
      {"E06000005", "Emoji Council \xF0\x9F\x8F\xB0\xF0\x9F\x91\x8D\xE2\x9C\x85 of Fun"},  // 🏰👍✅
      {"E07000008", "Control\xC2\x85\xC2\x9B Council&#x9;with\xE2\x80\xAE reversed\xE2\x80\xAC tab"},
  };
  std::string registry = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Registry xmlns=\"urn:profkpi:registry:1\" "
                         "version=\"1\">\n";
  for (const auto& [code, name] : names) {
    registry += "<Organisation code=\"" + code + "\" type=\"unitary\"><Name>" + name +
                "</Name><Contact>kpi@example.org</Contact></Organisation>\n";
  }
  registry += "</Registry>\n";
  writeFile(dir.file("registry.xml"), registry);
  writeFile(config, "store.connection = " + dir.file("store.db") + "\nregistry.file = " + dir.file("registry.xml") + "\n");

  std::vector<std::string> files;
  int n = 0;
  for (const auto& [code, name] : names) {
    HeaderFields h;
    char id[64];
    std::snprintf(id, sizeof id, "0000%04d-0000-4000-8000-000000000000", ++n);
    h.submissionId = id;
    h.organisationCode = code;
    h.organisationName = "As sent " + std::to_string(n);
    files.push_back(dir.file(code + ".xml"));
    writeFile(files.back(), aggregateDocument(h));
  }
  std::vector<std::string> ingest{"ingest"};
  ingest.insert(ingest.end(), files.begin(), files.end());
  ProcessResult stored = profkpi(ingest);
  BOOST_REQUIRE_MESSAGE(stored.exitCode == 0, stored.out << stored.err);

  for (const auto& [code, name] : names) {
    std::string pdf = board(code, "2009-10-Q2", code + ".pdf");
    BOOST_TEST_CONTEXT(code) {
      checkSoundPdf(pdf);
      BOOST_TEST(pageCount(pdf) == 5);
      std::string text = squeezed(pdftotext(pdf).out);
      BOOST_TEST(text.find("Scorecard") != std::string::npos);
      BOOST_TEST(text.find("page 5 of 5") != std::string::npos);
      BOOST_TEST(readFile(pdf).size() < 100u * 1024u);
    }
  }
  std::string text = squeezed(pdftotext(dir.file("E06000001.pdf")).out);
  BOOST_TEST(text.find("Borough Council of Somewhere Quite Far Away") != std::string::npos);
  text = pdftotext(dir.file("E06000002.pdf")).out;
  BOOST_TEST(text.find(std::string(30, 'W')) != std::string::npos);  // broken over lines, not dropped
  text = pdftotext(dir.file("E06000004.pdf")).out;
  BOOST_TEST(text.find("מועצת") != std::string::npos);
  text = squeezed(pdftotext(dir.file("E06000005.pdf")).out);
  BOOST_TEST(text.find("Emoji Council") != std::string::npos);
  BOOST_TEST(text.find("\xEF\xBF\xBD") != std::string::npos);  // the visible substitute, U+FFFD
  text = squeezed(pdftotext(dir.file("E07000008.pdf")).out);
  BOOST_TEST(text.find("Control Council with reversed tab") != std::string::npos);

  std::string sector = dir.file("sector.pdf");
  ProcessResult r = profkpi({"sector-report", "--period", "2009-10-Q2", "--out", sector});
  BOOST_TEST(r.exitCode == 0, r.err);
  checkSoundPdf(sector);
  std::string html = board("E06000005", "2009-10-Q2", "emoji.html");
  BOOST_TEST(readFile(html).find("\xF0\x9F\x8F\xB0") != std::string::npos);  // HTML keeps the emoji itself
  BOOST_TEST(tool({"/usr/bin/xmllint", "--noout", html}).err.empty());
}

// A Welsh council alone in its period, with yearly submissions and a year
// missed: its names with ŵ and ŷ, the trend's year labels whole, the figures
// worked out by hand from SUBMISSION.md section 4.
BOOST_AUTO_TEST_CASE(yearlyReportWithAGapForAWelshCouncilAlone) {
  writeFile(dir.file("registry.xml"),
            "<Registry xmlns=\"urn:profkpi:registry:1\" version=\"1\">"
            "<Organisation code=\"W06000001\" type=\"welsh-unitary\"><Name>Tŷ Ŵyn County Council</Name>"
            "<WelshName>Cyngor Sir Tŷ Ŵyn</WelshName><Contact>kpi@ty-wyn.example.org</Contact></Organisation>"
            "</Registry>");
  writeFile(config, readFile(config) + "registry.file = " + dir.file("registry.xml") + "\n");
  int n = 0;
  for (const char* year : {"2008-09", "2009-10", "2011-12", "2012-13"}) {  // no 2010-11
    HeaderFields h;
    h.submissionId = "0d1e2f3a-4b5c-4d6e-8f70-00000000000" + std::to_string(++n);
    h.organisationCode = "W06000001";
    h.organisationName = "Cyngor Sir Tŷ Ŵyn";
    h.period = year;
    h.preparedAt = std::string(year, 4) == "2012" ? "2013-04-10T09:00:00+01:00" : "2012-04-10T09:00:00+01:00";
    AggregateFields f;
    f.rolesMapped = std::string(year) == "2012-13" ? "27" : "24";  // K1 90.0 after 80.0
    writeFile(dir.file(std::string(year) + ".xml"), aggregateDocument(h, f));
    ProcessResult r = profkpi({"ingest", dir.file(std::string(year) + ".xml")});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, year << ": " << r.out << r.err);
  }
  std::string pdf = board("W06000001", "2012-13", "ty-wyn.pdf");
  checkSoundPdf(pdf);
  std::string text = squeezed(pdftotext(pdf).out);
  BOOST_TEST(text.find("Tŷ Ŵyn County Council") != std::string::npos);
  BOOST_TEST(text.find("Cyngor Sir Tŷ Ŵyn") != std::string::npos);
  BOOST_TEST(text.find("1 organisation submitted for 2012/13, 1 of them Welsh unitary") != std::string::npos);
  // K1 27/30 = 90.0, green against 90, up 10.0 from 24/30; K2 30/41 = 73.17 -> 73.2, amber;
  // K5 48.5 / 38.5 x 12/12 = 1.26 -> 1.3 days, red.
  BOOST_TEST(text.find("90.0% 90% Green +10.0") != std::string::npos, text.substr(0, 3000));
  BOOST_TEST(text.find("27 of 30 roles") != std::string::npos);
  BOOST_TEST(text.find("73.2% 80% Amber") != std::string::npos);
  BOOST_TEST(text.find("1.3 days 5 days Red") != std::string::npos);
  // Each KPI's trend labels 2008/09, whole (a cut label read "2008…"); so do
  // the scorecard's trend heading and the returns on the data-quality page.
  std::size_t labels = 0;
  for (std::size_t at = text.find("2008/09"); at != std::string::npos; at = text.find("2008/09", at + 1)) ++labels;
  BOOST_TEST(labels == 7u);
  BOOST_TEST(text.find("2008…") == std::string::npos);

  ProcessResult missed = profkpi({"report", "--org", "W06000001", "--period", "2010-11", "--out", dir.file("m.pdf")});
  BOOST_TEST(missed.exitCode == 1);
  BOOST_TEST(missed.err.find("W06000001 has no submission for 2010-11") != std::string::npos, missed.err);
}

BOOST_AUTO_TEST_CASE(pageOneSaysWhatEachFigureRestsOn) {
  // Hartlepool: four quarters of 2024/25, no return for Q1 2025/26, then Q2
  // 2025/26 with an explained CPD spike and K2 at 79.955% (shown 80.0, amber
  // against 80). Darlington: no IT staff, so its index rests on K1 alone.
  int n = 0;
  auto ingest = [&](const std::string& org, const std::string& name, const std::string& period,
                    const AggregateFields& f, const std::string& explanations = {}) {
    HeaderFields h;
    h.submissionId = "5a1e2f3a-4b5c-4d6e-8f70-00000000000" + std::to_string(++n);
    h.organisationCode = org;
    h.organisationName = name;
    h.period = period;
    h.preparedAt = "2025-11-20T09:00:00+00:00";
    std::string file = dir.file(org + period + ".xml");
    writeFile(file, aggregateDocument(h, f, explanations));
    ProcessResult r = profkpi({"ingest", file});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, period << ": " << r.out << r.err);
  };
  AggregateFields usual;
  for (const char* q : {"2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2024-25-Q4"}) {
    ingest("E06000001", "Hartlepool Borough Council", q, usual);
  }
  AggregateFields spike;
  spike.itHeadcount = "4001";
  spike.staffAssessed = "3199";
  spike.staffWithPdp = "3000";
  spike.staffRecognised = "1000";
  spike.cpdDays = "400";  // 400 / 38.5 x 4 = 41.6 days per FTE: PQ102
  ingest("E06000001", "Hartlepool Borough Council", "2025-26-Q2", spike,
         "<Explanation code=\"PQ102\" kpi=\"K5\">The whole team attended a one-off accredited course this "
         "quarter</Explanation>");
  AggregateFields empty;
  empty.itHeadcount = "0";
  empty.itFte = "0";
  empty.staffAssessed = "0";
  empty.staffWithPdp = "0";
  empty.staffRecognised = "0";
  empty.cpdDays = "0";
  ingest("E06000005", "Darlington Borough Council", "2025-26-Q2", empty,
         "<Explanation code=\"PQ103\">No IT staff: the service is outsourced</Explanation>");

  std::string pdf = board("E06000001", "2025-26-Q2", "hartlepool.pdf");
  checkSoundPdf(pdf);
  std::string page1 = squeezed(tool({"/usr/bin/pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"}).out);
  std::string all = squeezed(pdftotext(pdf).out);
  BOOST_TEST(page1.find("based on 5 of 5 KPIs") != std::string::npos, page1);
  BOOST_TEST(page1.find("No return for Q1 2025/26; the last, Q4 2024/25, had") != std::string::npos, page1);
  BOOST_TEST(page1.find("no return") != std::string::npos);
  // The spike is marked beside its value, with the sender's first words.
  BOOST_TEST(page1.find("[1]") != std::string::npos, page1);
  BOOST_TEST(page1.find("carries warning PQ102 (CPD days above 30 per FTE), explained: \u201CThe whole team attended a one-off") !=
                 std::string::npos, page1);
  // Rounding that crosses a threshold is said in words.
  BOOST_TEST(page1.find("K2 shows 80.0%, rounded from 79.955") != std::string::npos, page1);
  BOOST_TEST(page1.find("3199 of 4001 staff") != std::string::npos, page1);
  // Amber's mark is not an arrow, and no change wears one.
  BOOST_TEST(all.find("\u25B2") == std::string::npos);
  BOOST_TEST(all.find("\u25BC") == std::string::npos);
  // The trend and the data-quality page say which return was missed.
  BOOST_TEST(all.find("No return for Q1 2025/26: shown as") != std::string::npos);
  BOOST_TEST(all.find("Warning on this value: PQ102") != std::string::npos);

  std::string partial = board("E06000005", "2025-26-Q2", "darlington.pdf");
  std::string text = squeezed(tool({"/usr/bin/pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", partial, "-"}).out);
  BOOST_TEST(text.find("based on 1 of 5 KPIs (K2, K3, K4 and K5 have no value)") != std::string::npos, text);
  BOOST_TEST(text.find("not comparable with an index based on every KPI") != std::string::npos, text);

  // The HTML version says the same.
  std::string html = readFile(board("E06000001", "2025-26-Q2", "hartlepool.html"));
  BOOST_TEST(html.find("based on 5 of 5 KPIs") != std::string::npos);
  BOOST_TEST(html.find("K2 shows 80.0%, rounded from 79.955") != std::string::npos);
  BOOST_TEST(html.find("carries warning PQ102") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
