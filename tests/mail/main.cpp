#define BOOST_TEST_MODULE mail_tests
#include <boost/test/unit_test.hpp>
