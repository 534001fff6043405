#define BOOST_TEST_MODULE adapter_tests
#include <boost/test/unit_test.hpp>
