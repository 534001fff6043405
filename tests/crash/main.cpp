#define BOOST_TEST_MODULE crash_tests
#include <boost/test/unit_test.hpp>
