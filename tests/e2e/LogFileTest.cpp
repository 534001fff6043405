// Logging to a rotating file chosen by configuration alone (Poco FileChannel
// keys, as commented in etc/profkpi.properties), with the real binary.
#include "tests/support/Documents.h"
#include "tests/support/ServerProcess.h"

#include <Poco/File.h>

#include <boost/test/unit_test.hpp>

using namespace profkpi::tests;

BOOST_AUTO_TEST_SUITE(LogFileTest)

BOOST_AUTO_TEST_CASE(fileChannelWritesRotatesAndPurgesTheLog) {
  TempDir logs;
  const std::string log = logs.file("profkpi.log");
  ServerProcess server("logging.loggers.root.channel = file\n"
                       "logging.channels.file.class = FileChannel\n"
                       "logging.channels.file.path = " + log + "\n"
                       "logging.channels.file.rotation = 1 K\n"
                       "logging.channels.file.archive = number\n"
                       "logging.channels.file.purgeCount = 2\n"
                       "logging.channels.file.pattern = %Y-%m-%dT%H:%M:%S.%iZ %p %s: %t\n");
  // About 60 bytes a request line: 200 of them rotate a 1 KiB file many times.
  for (int i = 0; i < 200; ++i) BOOST_REQUIRE(server.request("GET", "/healthz").status == 200);
  BOOST_TEST(server.stop() == 0);

  BOOST_REQUIRE(Poco::File(log).exists());
  BOOST_REQUIRE(Poco::File(log + ".0").exists());
  BOOST_TEST(Poco::File(log + ".1").exists());
  BOOST_TEST(!Poco::File(log + ".2").exists());  // purgeCount 2 keeps two archives
  std::string archived = readFile(log + ".0");
  BOOST_TEST(archived.size() >= 1024u);
  BOOST_TEST(archived.find("Z Information http: GET /healthz 200 ") != std::string::npos, archived);
  std::string current = readFile(log);
  BOOST_TEST(current.find("Z Information serve: stopped\n") != std::string::npos, current);
  // Nothing goes to standard error when the file channel is chosen.
  BOOST_TEST(readFile(server.logPath()).empty(), readFile(server.logPath()));
}

BOOST_AUTO_TEST_SUITE_END()
