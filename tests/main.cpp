// Catch2 main for the itucollab test suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
