#include "adapters/store/SqlTransaction.h"

#include <boost/test/unit_test.hpp>

using profkpi::adapters::store::storeMessage;

BOOST_AUTO_TEST_SUITE(StoreMessageTest)

BOOST_AUTO_TEST_CASE(aDatabaseMessageOverSeveralLinesBecomesOneLine) {
  std::string libpq = "server closed the connection unexpectedly\n\tThis probably means the server terminated "
                      "abnormally\n\tbefore or while processing the request.\n";
  BOOST_TEST(storeMessage("accept", libpq) ==
             "store: accept: server closed the connection unexpectedly This probably means the server terminated "
             "abnormally before or while processing the request.");
  BOOST_TEST(storeMessage("audit", "store: locked") == "store: audit: locked");
}

BOOST_AUTO_TEST_SUITE_END()
