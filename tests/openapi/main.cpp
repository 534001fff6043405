#define BOOST_TEST_MODULE openapi_tests
#include <boost/test/unit_test.hpp>
