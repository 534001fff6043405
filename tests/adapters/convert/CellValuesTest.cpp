// Cells to schema values: what is accepted is exactly what the v1.0 schema
// accepts, and what is refused says why.
#include "adapters/convert/CellValues.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::adapters::convert;
using profkpi::engine::Amount;

namespace {

std::string amount(const std::string& cell, NumberFormat format = {}) {
  Parsed<Amount> p = parseAmount(cell, format);
  return p.value ? p.value->toString() : "refused: " + p.problem;
}

std::string dateOf(const std::string& cell, const std::string& format) {
  Parsed<profkpi::engine::Date> p = parseDate(cell, format);
  return p.value ? profkpi::engine::formatDate(*p.value) : "refused: " + p.problem;
}

NumberFormat comma() {
  NumberFormat f;
  f.decimalSeparator = ',';
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CellValuesTest)

BOOST_AUTO_TEST_CASE(decimalsWithPointOrComma) {
  BOOST_TEST(amount("0.5") == "0.5");
  BOOST_TEST(amount(" 1 ") == "1");
  BOOST_TEST(amount(".75") == "0.75");
  BOOST_TEST(amount("2.") == "2");
  BOOST_TEST(amount("007.10") == "7.1");
  BOOST_TEST(amount("0,5", comma()) == "0.5");
  BOOST_TEST(amount("1.000000") == "1");
  BOOST_TEST(amount("-0") == "0");
}

BOOST_AUTO_TEST_CASE(nonNumbersAreRefusedByName) {
  BOOST_TEST(amount("abc") == "refused: \"abc\" is not a number");
  BOOST_TEST(amount("") == "refused: \"\" is not a number");
  BOOST_TEST(amount("1e3").find("is not a number") != std::string::npos);
  BOOST_TEST(amount("1,5").find("is not a number") != std::string::npos);
  BOOST_TEST(amount("0.5", comma()) == "refused: \"0.5\" is not a number (decimal comma expected)");
  BOOST_TEST(amount("1 000").find("is not a number") != std::string::npos);
  BOOST_TEST(amount("-0.5") == "refused: \"-0.5\" is negative");
  BOOST_TEST(amount("12345678901234567").find("too large") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(moreThanTwoFractionDigitsAreRefusedOrRounded) {
  BOOST_TEST(amount("0.333").find("more than 2 decimal places") != std::string::npos);
  NumberFormat round;
  round.round = true;
  BOOST_TEST(amount("0.333", round) == "0.33");
  BOOST_TEST(amount("0.335", round) == "0.34");  // half away from zero
  BOOST_TEST(amount("0.004", round) == "0");
}

BOOST_AUTO_TEST_CASE(percentagesBecomeFractions) {
  NumberFormat percent;
  percent.percent = true;
  BOOST_TEST(amount("80", percent) == "0.8");
  BOOST_TEST(amount("100", percent) == "1");
  BOOST_TEST(amount("37.5", percent).find("more than 2 decimal places as a fraction") != std::string::npos);
  BOOST_TEST(amount("50%") == "0.5");  // a % sign always means a percentage
  NumberFormat rounded = percent;
  rounded.round = true;
  rounded.decimalSeparator = ',';
  BOOST_TEST(amount("33,333", rounded) == "0.33");
}

BOOST_AUTO_TEST_CASE(datesInTheGivenFormat) {
  BOOST_TEST(dateOf("12/03/2025", "%d/%m/%Y") == "2025-03-12");
  BOOST_TEST(dateOf("1/3/2025", "%d/%m/%Y") == "2025-03-01");
  BOOST_TEST(dateOf("2025-03-12", "%Y-%m-%d") == "2025-03-12");
  BOOST_TEST(dateOf("12.03.25", "%d.%m.%y") == "2025-03-12");
  BOOST_TEST(dateOf("12-Mar-2025", "%d-%b-%Y") == "2025-03-12");
  BOOST_TEST(dateOf("12 march 2025", "%d %B %Y") == "2025-03-12");
  BOOST_TEST(dateOf("12/03/2025 00:00:00", "%d/%m/%Y") == "2025-03-12");
  BOOST_TEST(dateOf("2025-03-12T09:30", "%Y-%m-%d") == "2025-03-12");
  BOOST_TEST(dateOf("29/02/2024", "%d/%m/%Y") == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(notDatesAreRefused) {
  BOOST_TEST(dateOf("2025-03-12", "%d/%m/%Y") == "refused: \"2025-03-12\" is not a date in the form %d/%m/%Y");
  BOOST_TEST(dateOf("31/02/2025", "%d/%m/%Y") == "refused: \"31/02/2025\" is not a calendar date");
  BOOST_TEST(dateOf("29/02/2025", "%d/%m/%Y").find("not a calendar date") != std::string::npos);
  BOOST_TEST(dateOf("12/13/2025", "%d/%m/%Y").find("not a calendar date") != std::string::npos);
  BOOST_TEST(dateOf("12/03/25", "%d/%m/%Y").find("not a date") != std::string::npos);
  BOOST_TEST(dateOf("12/03/2025x", "%d/%m/%Y").find("not a date") != std::string::npos);
  BOOST_TEST(dateOf("00/00/0000", "%d/%m/%Y").find("not a calendar date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(dateFormatsAreChecked) {
  BOOST_TEST(dateFormatProblem("%d/%m/%Y").empty());
  BOOST_TEST(!dateFormatProblem("%d/%m").empty());
  BOOST_TEST(!dateFormatProblem("%d/%m/%Y %H").empty());
}

BOOST_AUTO_TEST_CASE(textIsCountedInCharactersAndMustBeXml) {
  BOOST_TEST(*parseText("  Môn  ", 3).value == "Môn");
  BOOST_TEST(parseText(std::string(50, 'x'), 50).value.has_value());
  BOOST_TEST(parseText(std::string(51, 'x'), 50).problem.find("longer than 50 characters") != std::string::npos);
  std::string welsh;
  for (int i = 0; i < 200; ++i) welsh += "ŵ";  // 400 bytes, 200 characters
  BOOST_TEST(parseText(welsh, 200).value.has_value());
  BOOST_TEST(parseText("", 50).problem == "is empty");
  BOOST_TEST(parseText("a\x01z", 50).problem.find("control character (U+0001)") != std::string::npos);
  BOOST_TEST(parseText("caf\xE9", 50).problem.find("not valid UTF-8") != std::string::npos);
  BOOST_TEST(parseText("\xC0\xAF", 50).problem.find("not valid UTF-8") != std::string::npos);      // overlong
  BOOST_TEST(parseText("\xED\xA0\x80", 50).problem.find("not valid UTF-8") != std::string::npos);  // surrogate
  BOOST_TEST(parseText("\xEF\xBF\xBF", 50).problem.find("U+FFFF") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(recordIdsFollowTheSchemaPattern) {
  BOOST_TEST(*parseRecordId(" E-10_231 ").value == "E-10_231");
  BOOST_TEST(parseRecordId(std::string(32, 'a')).value.has_value());
  BOOST_TEST(!parseRecordId(std::string(33, 'a')).value.has_value());
  BOOST_TEST(!parseRecordId("Jane Smith").value.has_value());
  BOOST_TEST(!parseRecordId("E1.2").value.has_value());
  BOOST_TEST(parseRecordId("").problem == "is empty");
}

BOOST_AUTO_TEST_CASE(booleansUseTheConfiguredWords) {
  BooleanWords words;
  BOOST_TEST(*words.parse("YES").value);
  BOOST_TEST(!*words.parse(" n ").value);
  BOOST_TEST(!*words.parse("").value);
  BOOST_TEST(words.parse("maybe").problem.find("not a yes/no value") != std::string::npos);
  words.trueWords = {"Ja"};
  BOOST_TEST(*words.parse("ja").value);
}

BOOST_AUTO_TEST_SUITE_END()
