// Catch2 main for the itucollab test suite: a run whose test cases passed but skipped one for a
// missing tool exits with testsupport::skip_exit_code, which ctest reports as Skipped.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support.hpp"

int main(int argc, char* argv[]) {
    int status = Catch::Session().run(argc, argv);
    // Catch2 exits with the number of failed assertions: a count equal to the skip code is a failure.
    if (status == testsupport::skip_exit_code) return 1;
    if (status == 0 && testsupport::any_test_skipped()) return testsupport::skip_exit_code;
    return status;
}
