#include "adapters/http/server/ChunkedDecoder.h"

#include <boost/test/unit_test.hpp>

using namespace profkpi::adapters::http;

namespace {

struct Decoded {
  std::string body;
  std::size_t used = 0;
  bool done = false;
  bool failed = false;
  bool tooLarge = false;
};

// Feeds `input` in pieces of `step` bytes, as a socket might deliver it.
Decoded decode(const std::string& input, std::size_t step = 1, std::int64_t max = 1000) {
  ChunkedDecoder decoder;
  Decoded d;
  for (std::size_t at = 0; at < input.size() && !decoder.done() && !decoder.failed(); at += step) {
    std::string_view piece = std::string_view(input).substr(at, step);
    std::size_t n = decoder.feed(piece, d.body, max);
    d.used += n;
    if (n < piece.size()) break;
  }
  d.done = decoder.done();
  d.failed = decoder.failed();
  d.tooLarge = decoder.tooLarge();
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ChunkedDecoderTest)

BOOST_AUTO_TEST_CASE(wholeBodiesDecodeInAnyPieces) {
  const std::string input = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  for (std::size_t step : {1u, 3u, 100u}) {
    Decoded d = decode(input, step);
    BOOST_TEST(d.done);
    BOOST_TEST(d.body == "hello, world");
    BOOST_TEST(d.used == input.size() - 4);  // "NEXT" is the next request's
  }
}

BOOST_AUTO_TEST_CASE(anythingButStrictChunksIsAnError) {
  BOOST_TEST(decode("zz\r\nhello\r\n0\r\n\r\n").failed);
  BOOST_TEST(decode("\r\n").failed);
  BOOST_TEST(decode("5\nhello\r\n0\r\n\r\n").failed);
  BOOST_TEST(decode("5\r\nhelloXX0\r\n\r\n").failed);
  BOOST_TEST(decode("5 x\r\nhello\r\n0\r\n\r\n").failed);
  BOOST_TEST(decode("1000000000000000\r\n").failed);
  BOOST_TEST(decode("5\r\nhello\r\n0\r\n\n").failed);
}

BOOST_AUTO_TEST_CASE(aBodyCutShortIsNotDone) {
  Decoded d = decode("a\r\nhello");
  BOOST_TEST(!d.done);
  BOOST_TEST(!d.failed);
  BOOST_TEST(!decode("5\r\nhello\r\n").done);
}

BOOST_AUTO_TEST_CASE(aBodyOverTheLimitIsTooLarge) {
  Decoded d = decode("400\r\n", 1, 1000);
  BOOST_TEST(d.tooLarge);
  BOOST_TEST(d.failed);
}

BOOST_AUTO_TEST_SUITE_END()
