// Every report in Welsh and in English (issue 25), from a real store and the
// catalogues built into profkpi (po/cy.po through msgfmt, read with
// Boost.Locale): no catalogue message of the other language is left in the
// text a reader gets (pdftotext, the HTML, the mail), Welsh plural forms,
// ICU's Welsh month names, the Welsh name as the title, the document's
// language, and reports that stay byte-identical, also when threads render
// both languages at once.
#include "adapters/messages/BoostMessages.h"
#include "engine/reporting/BoardMail.h"
#include "engine/reporting/ReportText.h"
#include "engine/reporting/Words.h"
#include "tests/support/DocumentText.h"
#include "tests/support/Process.h"
#include "tests/support/Records.h"
#include "tests/support/ReportFixture.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <future>
#include <regex>
#include <sstream>

using namespace profkpi;
using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

// The shipped catalogues, installed once for the whole test program as profkpi
// does at start-up.
void installShippedCatalogues() { adapters::messages::installCatalogues(""); }

const char* const QUARTERS[] = {"2007-08-Q3", "2007-08-Q4", "2008-09-Q1", "2008-09-Q2",
                                "2008-09-Q3", "2008-09-Q4", "2009-10-Q1", "2009-10-Q2"};
const char* const WELSH[] = {"W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006"};

// One message of po/cy.po: its English words and its Welsh ones (every plural form).
struct Message {
  std::string context;
  std::vector<std::string> english;  // msgid, msgid_plural
  std::vector<std::string> welsh;    // msgstr or msgstr[0..5]
};

std::string unquote(const std::string& line) {
  std::size_t open = line.find('"'), close = line.rfind('"');
  std::string raw = line.substr(open + 1, close - open - 1), out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      char next = raw[++i];
      out += next == 'n' ? '\n' : next;
    } else {
      out += raw[i];
    }
  }
  return out;
}

std::vector<Message> welshCatalogue() {
  std::ifstream in(std::string(PROFKPI_SOURCE_DIR) + "/po/cy.po");
  BOOST_REQUIRE(in);
  std::vector<Message> messages;
  Message current;
  std::string line;
  auto flush = [&] {
    if (!current.english.empty() && !current.english.front().empty()) messages.push_back(current);
    current = Message{};
  };
  while (std::getline(in, line)) {
    if (line.empty()) flush();
    if (line.rfind("msgctxt ", 0) == 0) current.context = unquote(line);
    if (line.rfind("msgid ", 0) == 0 || line.rfind("msgid_plural ", 0) == 0) current.english.push_back(unquote(line));
    if (line.rfind("msgstr", 0) == 0) current.welsh.push_back(unquote(line));
  }
  flush();
  return messages;
}

// The words of a message a reader would recognise: its text between
// placeholders, trimmed, of at least two words or one word of six letters.
std::vector<std::string> fragments(const std::string& message) {
  std::vector<std::string> out;
  std::regex placeholder(R"(\{[1-9]\})");
  std::sregex_token_iterator it(message.begin(), message.end(), placeholder, -1), end;
  for (; it != end; ++it) {
    std::string piece = it->str();
    std::size_t first = piece.find_first_not_of(" .,;:()\xE2\x80\x9C\xE2\x80\x9D\xC2\xB7");
    std::size_t last = piece.find_last_not_of(" .,;:()\xE2\x80\x9C\xE2\x80\x9D\xC2\xB7");
    if (first == std::string::npos) continue;
    piece = piece.substr(first, last - first + 1);
    bool words = piece.find(' ') != std::string::npos;
    if ((words && piece.size() >= 8) || (!words && piece.size() >= 6)) out.push_back(piece);
  }
  return out;
}

// `fragment` in `text` as whole words (not inside a longer word).
bool containsWords(const std::string& text, const std::string& fragment) {
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0; };
  for (std::size_t at = text.find(fragment); at != std::string::npos; at = text.find(fragment, at + 1)) {
    bool before = at == 0 || !letter(text[at - 1]);
    std::size_t after = at + fragment.size();
    if (before && (after >= text.size() || !letter(text[after]))) return true;
  }
  return false;
}

// The catalogue's words of language `other` found in `text`: fragments of
// messages whose two languages differ, not also words of `text`'s own
// language's version of the same message, and not in `own` (the words the
// data brings: names, the council's own text).
std::vector<std::string> leftovers(const std::string& text, bool welshText, const std::vector<std::string>& own) {
  std::string cleaned = text;
  for (const std::string& words : own) {
    for (std::size_t at = cleaned.find(words); at != std::string::npos; at = cleaned.find(words, at)) cleaned.replace(at, words.size(), " ");
  }
  std::vector<std::string> found;
  for (const Message& m : welshCatalogue()) {
    const std::vector<std::string>& foreign = welshText ? m.english : m.welsh;
    const std::vector<std::string>& native = welshText ? m.welsh : m.english;
    std::string nativeText;
    for (const std::string& n : native) nativeText += n + "\n";
    for (const std::string& message : foreign) {
      for (const std::string& fragment : fragments(message)) {
        if (nativeText.find(fragment) != std::string::npos) continue;  // the same in both languages
        if (containsWords(cleaned, fragment)) found.push_back("[" + m.context + "] " + fragment);
      }
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

struct Fixture : ReportFixture {

  // Six Welsh councils over eight quarters; Anglesey's latest value of K5
  // carries an explained warning, the one before an unexplained one, and its
  // latest submission asks its board to note an overdue action.
  Fixture() {
    installShippedCatalogues();
    int next = 0;
    for (int q = 0; q < 8; ++q) {
      for (int o = 0; o < 6; ++o) {
        char id[40];
        std::snprintf(id, sizeof id, "eeeeeeee-0000-4000-8000-%012d", ++next);
        SubmissionRecord r = aggregateRecord(id, WELSH[o], QUARTERS[q]);
        r.receivedAt = Instant{std::chrono::milliseconds{1254700000000LL + next * 60000LL}};
        r.measures.rolesMapped = 10 + 2 * q + o;
        r.measures.staffAssessed = 18 + q + o;
        r.measures.staffRecognised = 5 + q;
        if (o == 0 && q >= 6) {
          Diagnostic w;
          w.severity = Severity::Warning;
          w.code = q == 7 ? "PQ102" : "PQ101";
          w.kpi = "K5";
          w.message = "Zzz finding";
          w.explained = q == 7;
          w.explanation = "Zzz explanation";
          r.warnings.push_back(w);
        }
        store->accept(r, "x", AuditEntry{});
      }
    }
  }

  BoardReport board(const std::string& language) {
    auto report = reports.board("W06000001", *Period::parse("2009-10-Q2"));
    BOOST_REQUIRE(report);
    BoardNotes notes;
    notes.summary = "Zzz summary";
    BoardAction action;
    action.kpi = "K2";
    action.owner = "Zzz owner";
    action.text = "Zzz action";
    action.due = Date{date::year{2009} / 8 / 1};
    notes.actions.push_back(action);
    report->boardNotes = notes;
    report->language = language;
    return *report;
  }

  SectorReport sector(const std::string& language) {
    SectorReport report = reports.sector(*Period::parse("2009-10-Q2"));
    report.language = language;
    return report;
  }

  std::string pdfText(const std::string& bytes) {
    std::string file = dir.file("report.pdf");
    std::ofstream(file, std::ios::binary) << bytes;
    ProcessResult r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", file, "-"});
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, "pdftotext: " << r.err);
    return squeezed(r.out);
  }

  std::string mailText(const BoardReport& report) {
    std::vector<MailAttachment> attachments = {
        {"W06000001-2009-10-Q2.pdf", "application/pdf", std::string(2000, 'x')},
        {"W06000001-2009-10-Q2.html", "text/html; charset=utf-8", std::string(500, 'x')}};
    Mail mail = boardMail(report, "kpi@example.org", attachments, "https://kpi.example.org");
    return squeezed(mail.subject + "\n" + mail.text);
  }

  // Every name and word the data brings, in both languages: left out of the search.
  std::vector<std::string> dataWords() {
    std::vector<std::string> words = {"Zzz finding", "Zzz explanation", "Zzz summary", "Zzz owner", "Zzz action",
                                      "Hartlepool", "iTrent 10.2",
                                      // the report's address in the mail
                                      "/api/v1/organisations/"};
    for (const Organisation& o : shippedRegistry().all()) {
      words.push_back(o.name);
      if (!o.welshName.empty()) words.push_back(o.welshName);
    }
    // The longest first, so that a name inside another goes with it.
    std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return words;
  }

  void expectNoLeftovers(const std::string& what, const std::string& text, bool welsh) {
    std::vector<std::string> found = leftovers(text, welsh, dataWords());
    std::string list;
    for (const std::string& f : found) list += "\n  " + f;
    BOOST_TEST(found.empty(), what << ": " << found.size() << " words of the other language:" << list);
  }
};

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(WelshReportsTest, Fixture)

BOOST_AUTO_TEST_CASE(everyWelshReportHasNoEnglishCatalogueWordsAndTheReverse) {
  for (const std::string language : {"cy", "en"}) {
    bool welsh = language == "cy";
    BOOST_TEST_CONTEXT(language) {
      BoardReport b = board(language);
      SectorReport s = sector(language);
      expectNoLeftovers("board PDF", pdfText(pdf.renderBoard(b)), welsh);
      expectNoLeftovers("board HTML", htmlText(html.renderBoard(b)), welsh);
      expectNoLeftovers("sector PDF", pdfText(pdf.renderSector(s)), welsh);
      expectNoLeftovers("sector HTML", htmlText(html.renderSector(s)), welsh);
      expectNoLeftovers("mail", mailText(b), welsh);
    }
  }
}

BOOST_AUTO_TEST_CASE(theSearchForLeftoversFindsThem) {
  // The check above cannot pass by finding nothing: English words in a Welsh
  // text, and Welsh ones in an English text, are reported.
  std::vector<std::string> english = leftovers("Penawdau. Data quality and provenance. Cerdyn sgorio", true, {});
  BOOST_TEST(std::count(english.begin(), english.end(), "[heading] Data quality and provenance") == 1);
  std::vector<std::string> welsh = leftovers("Headlines. Ansawdd data a tharddiad. Scorecard", false, {});
  BOOST_TEST(std::count(welsh.begin(), welsh.end(), "[heading] Ansawdd data a tharddiad") == 1);
  BOOST_TEST(leftovers("Penawdau. Ansawdd data a tharddiad.", true, {}).empty());
}

BOOST_AUTO_TEST_CASE(welshPluralFormsFollowTheCatalogueRule) {
  report::LanguageScope welsh("cy");
  const char* singular =
      "{1} data-quality warning on this submission ({2} explained by the sender): see Data quality and provenance.";
  const char* plural =
      "{1} data-quality warnings on this submission ({2} explained by the sender): see Data quality and provenance.";
  auto form = [&](std::int64_t n) {
    return report::fill(report::trn("headline", singular, plural, n), {std::to_string(n), "0"});
  };
  // nplurals=6: 0, 1, 2, 3, 6 each a form of its own, every other number the sixth.
  BOOST_TEST(form(0).rfind("Dim rhybudd ansawdd data", 0) == 0u);
  BOOST_TEST(form(1).rfind("Un rhybudd ansawdd data", 0) == 0u);
  BOOST_TEST(form(2).rfind("Dau rybudd ansawdd data", 0) == 0u);  // soft mutation after "dau"
  BOOST_TEST(form(3).rfind("Tri rhybudd ansawdd data", 0) == 0u);
  BOOST_TEST(form(6).rfind("Chwe rhybudd ansawdd data", 0) == 0u);
  BOOST_TEST(form(7).rfind("7 rhybudd ansawdd data", 0) == 0u);
  BOOST_TEST(form(11).rfind("11 rhybudd ansawdd data", 0) == 0u);
  // English keeps its two forms.
  report::LanguageScope english("en");
  BOOST_TEST(report::fill(report::trn("headline", singular, plural, 1), {"1", "0"}).rfind("1 data-quality warning on", 0) == 0u);
  BOOST_TEST(report::fill(report::trn("headline", singular, plural, 6), {"6", "0"}).rfind("6 data-quality warnings on", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(sourceWordsComeBackWholeWhereACatalogueHasNone) {
  // English has no catalogue: its words are the code's, non-ASCII characters
  // and all (Boost.Locale's translate() would drop them).
  report::LanguageScope english("en");
  BOOST_TEST(report::tr("page head", "IT PROFESSIONALISATION KPIs \u00B7 BOARD REPORT") ==
             "IT PROFESSIONALISATION KPIs \xC2\xB7 BOARD REPORT");
  BOOST_TEST(report::trn("no such context", "\u201Cone\u201D", "\u201Cmany\u201D", 2) == "\xE2\x80\x9Cmany\xE2\x80\x9D");
  // A message the Welsh catalogue lacks shows in English, whole.
  report::LanguageScope welsh("cy");
  BOOST_TEST(report::tr("no such context", "Caf\u00E9 \u00B7 bar") == "Caf\xC3\xA9 \xC2\xB7 bar");
  BOOST_TEST(report::tr("page head", "IT PROFESSIONALISATION KPIs \u00B7 BOARD REPORT") ==
             "DPA PROFFESIYNOLI TG \xC2\xB7 ADRODDIAD I'R BWRDD");
}

BOOST_AUTO_TEST_CASE(monthsAndDatesComeFromIcusWelshLocaleData) {
  report::LanguageScope welsh("cy");
  BOOST_TEST(report::monthName(1) == "Ionawr");
  BOOST_TEST(report::monthName(7) == "Gorffennaf");
  BOOST_TEST(report::monthName(12) == "Rhagfyr");
  BOOST_TEST(report::periodInWords("2009-10-Q2") == "Gorffennaf \xE2\x80\x93 Medi 2009 (Ch2 2009/10)");
  BOOST_TEST(report::periodInWords("2009-10-Q4") == "Ionawr \xE2\x80\x93 Mawrth 2010 (Ch4 2009/10)");
  BOOST_TEST(report::ukDate(Instant{std::chrono::milliseconds{1254823920000LL}}) == "6 Hydref 2009");
  report::LanguageScope english("en");
  BOOST_TEST(report::periodInWords("2009-10-Q2") == "July to September 2009 (Q2 2009/10)");
  BOOST_TEST(report::ukDate(Instant{std::chrono::milliseconds{1254823920000LL}}) == "6 October 2009");
}

BOOST_AUTO_TEST_CASE(aWelshBoardReportIsTitledInWelshAndMarksTheEnglishName) {
  std::string welshPdf = pdf.renderBoard(board("cy"));
  std::string text = pdfText(welshPdf);
  // The Welsh name first, then the English one; Welsh KPI titles from the catalogue.
  BOOST_TEST(text.find("Cyngor Sir Ynys M\xC3\xB4n") < text.find("Isle of Anglesey County Council"));
  BOOST_TEST(has(text, "K2 Staff a aseswyd yn erbyn proffil eu r\xC3\xB4l"));
  BOOST_TEST(has(text, "DPA PROFFESIYNOLI TG \xC2\xB7 ADRODDIAD I'R BWRDD"));
  // The document is Welsh; the English name a span marked English.
  BOOST_TEST(has(welshPdf, "/Lang (cy)"));
  BOOST_TEST(has(welshPdf, "/Lang (en)"));
  BOOST_TEST(!has(welshPdf, "/Lang (en-GB)"));
  std::string englishPdf = pdf.renderBoard(board("en"));
  BOOST_TEST(has(englishPdf, "/Lang (en-GB)"));
  BOOST_TEST(has(englishPdf, "/Lang (cy)"));

  std::string welshHtml = html.renderBoard(board("cy"));
  BOOST_TEST(has(welshHtml, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"cy\" xml:lang=\"cy\">"));
  BOOST_TEST(has(welshHtml, "<h1>Cyngor Sir Ynys M\xC3\xB4n</h1>"));
  BOOST_TEST(has(welshHtml, "lang=\"en\" xml:lang=\"en\">Isle of Anglesey County Council</p>"));
  std::string englishHtml = html.renderBoard(board("en"));
  BOOST_TEST(has(englishHtml, "<h1>Isle of Anglesey County Council</h1>"));
  BOOST_TEST(has(englishHtml, "lang=\"cy\" xml:lang=\"cy\">Cyngor Sir Ynys M\xC3\xB4n</p>"));

  std::string mail = mailText(board("cy"));
  BOOST_TEST(has(mail, "Adroddiad i'r Bwrdd: Cyngor Sir Ynys M\xC3\xB4n, Ch2 2009/10"));
}

BOOST_AUTO_TEST_CASE(theWelshSectorReportUsesWelshNames) {
  std::string welshPdf = pdf.renderSector(sector("cy"));
  std::string text = pdfText(welshPdf);
  BOOST_TEST(has(text, "Cyngor Gwynedd"));
  // English councils keep their English names, in spans marked English.
  BOOST_TEST(has(text, "Hartlepool Borough Council"));
  BOOST_TEST(has(welshPdf, "/Lang (en)"));
  BOOST_TEST(!has(pdf.renderSector(sector("en")), "/Lang (en)"));
  BOOST_TEST(!has(text, "Gwynedd Council"));
  std::string page = html.renderSector(sector("cy"));
  BOOST_TEST(has(page, "lang=\"cy\" xml:lang=\"cy\""));
  BOOST_TEST(!has(page, "Gwynedd Council"));
  // A council without a Welsh name keeps its English one, marked as English.
  // (Hartlepool, registered, did not submit: it is on the chase list.)
  BOOST_TEST(has(page, "<span lang=\"en\" xml:lang=\"en\">Hartlepool Borough Council</span>"));
}

BOOST_AUTO_TEST_CASE(reportsStayByteIdenticalInBothLanguagesAlsoRenderedAtOnce) {
  BoardReport welsh = board("cy"), english = board("en");
  SectorReport welshSector = sector("cy");
  const std::string welshPdf = pdf.renderBoard(welsh), englishPdf = pdf.renderBoard(english);
  const std::string welshHtml = html.renderBoard(welsh), welshSectorPdf = pdf.renderSector(welshSector);
  BOOST_TEST(welshPdf != englishPdf);
  BOOST_TEST((pdf.renderBoard(welsh) == welshPdf));
  BOOST_TEST((html.renderBoard(welsh) == welshHtml));
  BOOST_TEST((pdf.renderSector(welshSector) == welshSectorPdf));
  // Threads render the two languages side by side: each keeps its own.
  std::vector<std::future<bool>> runs;
  for (int i = 0; i < 4; ++i) {
    runs.push_back(std::async(std::launch::async, [&, i] {
      bool same = true;
      for (int n = 0; n < 2; ++n) {
        same = same && (i % 2 == 0 ? pdf.renderBoard(welsh) == welshPdf : pdf.renderBoard(english) == englishPdf);
      }
      return same;
    }));
  }
  for (auto& run : runs) BOOST_TEST(run.get());
}

BOOST_AUTO_TEST_SUITE_END()
