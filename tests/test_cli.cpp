// The itucollab binary end to end: exit codes 0/1/2, outputs, and nothing lost on failure.
#include "support.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

std::string mini() { return source_dir() + "/tests/fixtures/mini"; }

std::string q(const std::string& s) { return "'" + s + "'"; }

// A copy of the mini fixture in a temp dir, so a test may break it.
std::string mini_copy(const std::string& tag) {
    std::string dir = temp_dir(tag) + "/corpus";
    fs::copy(mini(), dir, fs::copy_options::recursive);
    return dir;
}

}  // namespace

TEST_CASE("build writes the text report named from the symbol, and exits 0") {
    std::string out = temp_dir("build-ok");
    RunResult r = run(binary() + " build " + q(mini()) + " --out " + q(out) + " --format text");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(fs::exists(out + "/C99-INF-7-E.txt"));
    CHECK(r.output.find("wrote C99-INF-7-E.txt") != std::string::npos);
    CHECK(read_file(out + "/C99-INF-7-E.txt") == read_file(source_dir() + "/tests/golden/mini.txt"));
    std::size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(out)) leftovers += e.path().filename().string().starts_with(".");
    CHECK(leftovers == 0);
}

TEST_CASE("two builds are byte-identical") {
    std::string a = temp_dir("build-a"), b = temp_dir("build-b");
    REQUIRE(run(binary() + " build " + q(mini()) + " -o " + q(a)).status == 0);
    REQUIRE(run(binary() + " build " + q(mini()) + " -o " + q(b)).status == 0);
    for (const auto& e : fs::directory_iterator(a)) {
        CHECK(read_file(e.path().string()) == read_file(b + "/" + e.path().filename().string()));
    }
}

TEST_CASE("check exits 0 on a clean corpus and 1 on errors") {
    CHECK(run(binary() + " check " + q(mini())).status == 0);
    std::string broken = mini_copy("check-bad");
    std::ofstream(broken + "/sections/02-second.yaml", std::ios::app) << "colour: blue\n";
    RunResult r = run(binary() + " check " + q(broken));
    CHECK(r.status == 1);
    CHECK(r.output.find("02-second.yaml:18:1: error: unknown key 'colour' in section [unknown-key]") != std::string::npos);
}

TEST_CASE("build on a corpus with errors exits 1 and leaves earlier output untouched") {
    std::string out = temp_dir("build-keep");
    REQUIRE(run(binary() + " build " + q(mini()) + " -o " + q(out)).status == 0);
    std::string before = read_file(out + "/C99-INF-7-E.txt");
    std::string broken = mini_copy("build-bad");
    std::ofstream(broken + "/report.yaml", std::ios::app) << "extra: [\n";
    RunResult r = run(binary() + " build " + q(broken) + " -o " + q(out));
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("nothing written") != std::string::npos);
    CHECK(read_file(out + "/C99-INF-7-E.txt") == before);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++files;
    CHECK(files == itucollab::emitters().size());  // the earlier build's files, no temporary
}

TEST_CASE("usage and I/O trouble exit 2") {
    SECTION("missing corpus") {
        RunResult r = run(binary() + " build /nonexistent/corpus -o " + q(temp_dir("x")));
        CHECK(r.status == 2);
        CHECK(r.output.find("no corpus directory here") != std::string::npos);
    }
    SECTION("unknown format, with a suggestion") {
        RunResult r = run(binary() + " build " + q(mini()) + " --format txet -o " + q(temp_dir("x")));
        CHECK(r.status == 2);
        CHECK(r.output.find("unknown format 'txet' (did you mean 'text'?)") != std::string::npos);
    }
    SECTION("unwritable output directory") {
        std::string file = temp_dir("x") + "/a-file";
        std::ofstream(file) << "not a directory";
        RunResult r = run(binary() + " build " + q(mini()) + " -o " + q(file));
        CHECK(r.status == 2);
        CHECK(read_file(file) == "not a directory");
    }
    SECTION("output inside the corpus is refused") {
        std::string corpus = mini_copy("inside");
        RunResult r = run(binary() + " build " + q(corpus) + " -o " + q(corpus + "/sections"));
        CHECK(r.status == 2);
        CHECK_FALSE(fs::exists(corpus + "/sections/C99-INF-7-E.txt"));
    }
    SECTION("no subcommand, unknown option") {
        CHECK(run(binary()).status == 2);
        CHECK(run(binary() + " build --bogus").status == 2);
    }
    SECTION("no corpus given and none under ./data") {
        RunResult r = run("cd " + q(temp_dir("empty")) + " && " + binary() + " check");
        CHECK(r.status == 2);
        CHECK(r.output.find("no report directory") != std::string::npos);
    }
}

TEST_CASE("the default corpus is the newest report under ./data and the default output ./out") {
    std::string work = temp_dir("default");
    fs::create_directories(work + "/data");
    fs::copy(mini(), work + "/data/c99-inf-7", fs::copy_options::recursive);
    RunResult r = run("cd " + q(work) + " && " + binary() + " build");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(fs::exists(work + "/out/C99-INF-7-E.txt"));
}

TEST_CASE("--help shows examples and --version the version, both exit 0") {
    RunResult help = run(binary() + " --help");
    CHECK(help.status == 0);
    CHECK(help.output.find("Examples:") != std::string::npos);
    RunResult build_help = run(binary() + " build --help");
    CHECK(build_help.status == 0);
    CHECK(build_help.output.find("text") != std::string::npos);
    RunResult version = run(binary() + " --version");
    CHECK(version.status == 0);
    CHECK(version.output.find('.') != std::string::npos);
}
