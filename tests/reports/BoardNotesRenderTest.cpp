// A council's board notes (format 1.1) on its board report, PDF and HTML: the
// box on page one and each Action beside its KPI, read back with pdftotext. The
// council's text must be all there, in order, never shortened; page one still
// starts with the report's own page one.
#include "tests/support/DocumentText.h"
#include "tests/support/Process.h"
#include "tests/support/ReportFixture.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

using namespace profkpi;
using namespace profkpi::engine;
using namespace profkpi::tests;

namespace {

std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `limit` characters exactly: numbered sentences (so that order can be
// checked), then short words to make up the count.
std::string longText(const std::string& sentence, std::size_t limit = 2000) {
  std::string out;
  for (int i = 1; characters(out) + characters(sentence) + 8 < limit; ++i) {
    out += (out.empty() ? "" : " ") + std::to_string(i) + ". " + sentence;
  }
  while (limit - characters(out) > 8) out += " filling";
  if (std::size_t rest = limit - characters(out); rest > 1) out += " " + std::string(rest - 1, 'z');
  return out;
}

const std::string WELSH = longText("Mae'r cyngor yn gofyn i'r bwrdd nodi cynnydd y tîm TGCh ar asesiadau, cynlluniau "
                                   "datblygu a chydnabyddiaeth broffesiynol: ŵyn, ŷd, â, ê, î, ô, û.");
const std::string ENGLISH = longText("The council asks the board to note the progress of the ICT team on assessments, "
                                     "development plans and professional recognition this quarter.");

// The first word of `words` that does not follow the previous one in `text`;
// empty when every word appears, in order: nothing lost, cut or moved.
std::string firstMissing(const std::string& text, const std::string& words) {
  std::istringstream in(words);
  std::size_t at = 0;
  for (std::string word; in >> word;) {
    std::size_t found = text.find(word, at);
    if (found == std::string::npos) return word + " (after: " + text.substr(at > 80 ? at - 80 : 0, 200) + ")";
    at = found + word.size();
  }
  return {};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Fixture : ReportFixture {
  TempDir dir;

  Fixture() {
    SubmissionRecord r;
    r.submissionId = "dddddddd-0000-4000-8000-000000000001";
    r.organisation = "W06000001";
    r.organisationName = "Cyngor Sir Ynys Môn";
    r.period = "2009-10-Q2";
    r.receivedAt = Instant{std::chrono::milliseconds{1254700000000LL}};  // 4 October 2009, 23:46 UTC
    r.channel = "http";
    r.sha256 = std::string(64, 'a');
    r.kind = "aggregate";
    r.schemaVersion = "1.1";
    r.measures.rolesTotal = 30;
    r.measures.rolesMapped = 20;
    r.measures.itHeadcount = 40;
    r.measures.itFte = Amount::fromWhole(38);
    r.measures.staffAssessed = 20;
    r.measures.staffWithPdp = 25;
    r.measures.staffRecognised = 5;
    r.measures.cpdDays = Amount::fromWhole(40);
    store->accept(r, "x", AuditEntry{});
  }

  BoardReport board(const std::string& summary) {
    auto report = reports.board("W06000001", *Period::parse("2009-10-Q2"));
    BOOST_REQUIRE(report);
    BoardNotes notes;
    notes.summary = summary;
    for (int i = 1; i <= 10; ++i) {
      BoardAction a;
      a.kpi = i == 10 ? "" : "K" + std::to_string((i - 1) % 5 + 1);
      a.owner = "Owner number " + std::to_string(i) + " (Pennaeth TGCh)";
      // Actions 1 to 3 are due before the report's day (5 October 2009 in the UK, its data cut-off); 7 has no date.
      if (i != 7) a.due = Date{date::year{2009} / 10 / 1} + date::days{i * 20 - 60};
      a.text = "Action " + std::to_string(i) + ": " +
               (i == 5 ? longText("Book the accredited courses and record CPD monthly.", 480)
                       : "assess the staff not yet assessed against their role profiles.");
      notes.actions.push_back(a);
    }
    report->boardNotes = notes;
    return *report;
  }

  std::string text(const std::string& bytes, const std::string& name, int first = 0, int last = 0) {
    std::string path = dir.file(name);
    writeFile(path, bytes);
    std::vector<std::string> argv{"/usr/bin/pdftotext", "-enc", "UTF-8"};
    if (first > 0) argv.insert(argv.end(), {"-f", std::to_string(first), "-l", std::to_string(last)});
    argv.insert(argv.end(), {path, "-"});
    ProcessResult r = runProcess(argv);
    BOOST_REQUIRE_MESSAGE(r.exitCode == 0, "pdftotext: " << r.err);
    BOOST_TEST(r.err.empty(), r.err);
    return squeezed(r.out);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(BoardNotesRenderTest, Fixture)

BOOST_AUTO_TEST_CASE(noNotesNoBox) {
  auto report = reports.board("W06000001", *Period::parse("2009-10-Q2"));
  BOOST_REQUIRE(report);
  BOOST_TEST(!report->boardNotes.has_value());
  std::string all = text(pdf.renderBoard(*report), "plain.pdf");
  BOOST_TEST(all.find("What the board is asked to note") == std::string::npos);
  BOOST_TEST(all.find("Action (") == std::string::npos);
  BOOST_TEST(html.renderBoard(*report).find("board-notes") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(theStoredNotesReachTheReport) {
  SubmissionRecord r = *store->current("W06000001", "2009-10-Q2");
  r.submissionId = "dddddddd-0000-4000-8000-000000000002";
  r.sha256 = std::string(64, 'b');
  r.boardNotes = BoardNotes{"Summary from the store.", {}};
  store->accept(r, "y", AuditEntry{});
  auto report = reports.board("W06000001", *Period::parse("2009-10-Q2"));
  BOOST_REQUIRE(report && report->boardNotes);
  BOOST_TEST(report->boardNotes->summary == "Summary from the store.");
}

BOOST_AUTO_TEST_CASE(longSummariesAndTenActionsAreAllThereInOrder) {
  for (const std::string* summary : {&WELSH, &ENGLISH}) {
    BOOST_TEST_CONTEXT(summary->substr(0, 20)) {
      BOOST_TEST(characters(*summary) == 2000u);
      BoardReport report = board(*summary);
      std::string bytes = pdf.renderBoard(report);
      BOOST_TEST(bytes == pdf.renderBoard(report));  // deterministic
      std::string all = text(bytes, "notes.pdf");
      BOOST_TEST(firstMissing(all, "What the board is asked to note " + *summary) == "");
      // Nothing shortened: no "…" more than the report has without notes (its trend labels).
      BoardReport plain = report;
      plain.boardNotes.reset();
      BOOST_TEST(count(all, "\xE2\x80\xA6") == count(text(pdf.renderBoard(plain), "plain.pdf"), "\xE2\x80\xA6"));
      for (const BoardAction& a : report.boardNotes->actions) {
        BOOST_TEST(firstMissing(all, a.text) == "");
        BOOST_TEST(firstMissing(all, a.owner) == "");
      }
      // Actions 1 to 3 are overdue: marked in the box and beside their KPI.
      BOOST_TEST(count(all, "(overdue)") == 3u, all);
      BOOST_TEST(count(all, ", overdue):") == 3u);
      BOOST_TEST(count(all, "Action (owner") == 9u);  // every Action with a KPI, beside it

      // Page one is still the report's page one, with the box after the scorecard.
      std::string first = text(bytes, "notes.pdf", 1, 1);
      BOOST_TEST(first.find("Isle of Anglesey") != std::string::npos, first.substr(0, 300));
      BOOST_TEST(first.find("PROFESSIONALISATION INDEX") != std::string::npos);
      BOOST_TEST(first.find("Scorecard") < first.find("What the board is asked to note"));
      // The Summary did not fit on page one: it continues, marked.
      BOOST_TEST(first.find("continued on the next page") != std::string::npos);
      BOOST_TEST(text(bytes, "notes.pdf", 2, 2).find("What the board is asked to note (continued)") !=
                 std::string::npos);

      std::string page = html.renderBoard(report);
      BOOST_TEST(page.find("What the board is asked to note") < page.find("The KPIs in detail"));
      BOOST_TEST(page.find(report.boardNotes->actions[4].text) != std::string::npos);
      BOOST_TEST(count(page, "(overdue)") == 3u);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
