#include "engine/reporting/MailInLanguages.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::engine;

namespace {

Mail mailOf(const std::string& subject, const std::string& text, std::vector<std::string> files) {
  Mail mail;
  mail.to = "kpi@isle-of-anglesey.example.org";
  mail.subject = subject;
  mail.text = text;
  for (const std::string& f : files) mail.attachments.push_back({f, "application/pdf", "%PDF-" + f});
  return mail;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MailInLanguagesTest)

BOOST_AUTO_TEST_CASE(subjectsBodiesAndAttachmentsFollowTheLanguagesOrder) {
  Mail mail = mailInLanguages({mailOf("Adroddiad", "Cymraeg\n", {"W06000001-2009-10-Q2.cy.pdf"}),
                               mailOf("Board report", "English\n", {"W06000001-2009-10-Q2.pdf", "extra.html"})});
  BOOST_TEST(mail.to == "kpi@isle-of-anglesey.example.org");
  BOOST_TEST(mail.subject == "Adroddiad / Board report");
  BOOST_TEST(mail.text == "Cymraeg\n\n" + std::string(LANGUAGE_SEPARATOR) + "\n\nEnglish\n");
  BOOST_REQUIRE(mail.attachments.size() == 3u);
  BOOST_TEST(mail.attachments[0].fileName == "W06000001-2009-10-Q2.cy.pdf");
  BOOST_TEST(mail.attachments[0].bytes == "%PDF-W06000001-2009-10-Q2.cy.pdf");
  BOOST_TEST(mail.attachments[1].fileName == "W06000001-2009-10-Q2.pdf");
  BOOST_TEST(mail.attachments[2].fileName == "extra.html");
}

BOOST_AUTO_TEST_CASE(oneMailIsLeftAsItIs) {
  Mail one = mailOf("Board report", "English", {"E06000001-2009-10-Q2.pdf"});
  one.messageId = "kept";
  Mail mail = mailInLanguages({one});
  BOOST_TEST(mail.subject == one.subject);
  BOOST_TEST(mail.text == one.text);
  BOOST_TEST(mail.messageId == "kept");
  BOOST_TEST(mail.attachments.size() == 1u);
}

BOOST_AUTO_TEST_CASE(aBodyWithoutItsLastNewlineStillGetsTheRuleOnItsOwnLine) {
  Mail mail = mailInLanguages({mailOf("a", "Cymraeg", {}), mailOf("b", "English", {})});
  BOOST_TEST(mail.text == "Cymraeg\n\n" + std::string(LANGUAGE_SEPARATOR) + "\n\nEnglish");
  BOOST_CHECK_THROW(mailInLanguages({}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(theLanguagesKeyJoinsThemInOrder) {
  BOOST_TEST(languagesKey({"cy", "en"}) == "cy+en");
  BOOST_TEST(languagesKey({"en"}) == "en");
}

BOOST_AUTO_TEST_SUITE_END()
