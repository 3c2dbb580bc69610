// Output under faults: failed renames roll back, a locked directory, lost stdout, stale temporaries,
// signals, rollover limits, hostile file names in every diagnostic format, SOURCE_DATE_EPOCH.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <vector>

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Every entry of `dir`: files by their bytes, directories as "<dir>".
std::map<std::string, std::string> listing(const fs::path& dir) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        entries[name] = entry.is_directory() ? "<dir>" : read_file(entry.path().string());
    }
    return entries;
}

// corpus/ (the mini fixture) and out/ with a good build of every format.
fs::path prepare(const std::string& tag) {
    fs::path work = temp_dir("faults-" + tag);
    fs::copy(source_dir() + "/tests/fixtures/mini", work / "corpus", fs::copy_options::recursive);
    RunResult good = run("cd " + quote(work.string()) + " && " + binary() + " build corpus -o out");
    INFO(good.output);
    REQUIRE(good.status == 0);
    return work;
}

RunResult run_in(const fs::path& work, const std::string& command) {
    return run("cd " + quote(work.string()) + " && " + command);
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

// Starts the binary in `work` with `pause_ms` after each temporary; returns the child's pid.
pid_t start_paused_build(const fs::path& work, const char* pause_ms, const char* formats) {
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (::chdir(work.c_str()) != 0) ::_exit(127);
        ::setenv("ITUCOLLAB_TEST_WRITE_PAUSE_MS", pause_ms, 1);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::execl(binary().c_str(), "itucollab", "build", "corpus", "-o", "out", "-f", formats,
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return child;
}

// Waits until out/ holds a temporary of the paused build (at most 5 s).
void wait_for_temporary(const fs::path& out) {
    for (int i = 0; i < 500; ++i) {
        for (const auto& entry : fs::directory_iterator(out)) {
            if (entry.path().filename().string().find(".tmp-") != std::string::npos) return;
        }
        ::usleep(10'000);
    }
    FAIL("no temporary appeared in " << out);
}

}  // namespace

TEST_CASE("output: a rename that fails mid-commit puts back every file it replaced", "[output]") {
    fs::path work = prepare("rename");
    auto before = listing(work / "out");
    SECTION("the third output's name is a directory") {
        std::string docx = "C99-INF-7-E.docx";
        REQUIRE(before.count(docx) == 1);
        fs::remove(work / "out" / docx);
        fs::create_directory(work / "out" / docx);
        before = listing(work / "out");
        RunResult r = run_in(work, binary() + " build corpus -o out");
        CHECK(r.status == 2);
        CHECK(r.output == "itucollab: cannot move C99-INF-7-E.docx into place: Is a directory; nothing written\n");
    }
    SECTION("an injected failure of each rename in turn") {
        for (const char* nth : {"1", "2", "4", "6"}) {
            INFO("rename " << nth);
            RunResult r = run_in(work, std::string("ITUCOLLAB_TEST_FAIL_RENAME=") + nth + " " + binary() +
                                           " build corpus -o out");
            CHECK(r.status == 2);
            CHECK(r.output.find("Input/output error; nothing written") != std::string::npos);
            CHECK(listing(work / "out") == before);
        }
    }
    CHECK(listing(work / "out") == before);
    fs::remove_all(work);
}

TEST_CASE("output: a failed rename names the file without reading freed memory", "[output]") {
    fs::path work = prepare("freed");
    fs::create_directories(work / "d" / "x");
    RunResult r = run_in(work, binary() + " check corpus --format json -o d");
    CHECK(r.status == 2);
    CHECK(r.output.find("itucollab: cannot move d into place: Is a directory; nothing written\n") == 0);
    RunResult s = run_in(work, "mkdir -p s/report.schema.json/x && " + binary() + " schema --out s");
    CHECK(s.status == 2);
    CHECK(s.output == "itucollab: cannot move report.schema.json into place: Is a directory; nothing written\n");
    CHECK(listing(work / "s") == std::map<std::string, std::string>{{"report.schema.json", "<dir>"}});
    fs::remove_all(work);
}

TEST_CASE("output: a second build into a directory in use fails at once and names the process", "[output]") {
    fs::path work = prepare("lock");
    pid_t first = start_paused_build(work, "600", "text,html,md");
    wait_for_temporary(work / "out");
    auto started = std::chrono::steady_clock::now();
    RunResult second = run_in(work, binary() + " build corpus -o out");
    auto took = std::chrono::steady_clock::now() - started;
    CHECK(second.status == 2);
    CHECK(second.output == "itucollab: out/ is in use by process " + std::to_string(first) + "; nothing written\n");
    CHECK(took < std::chrono::seconds(1));
    RunResult other = run_in(work, binary() + " check corpus --format sarif -o out/report.sarif");
    CHECK(other.status == 2);
    CHECK(other.output.find("out/ is in use by process " + std::to_string(first)) != std::string::npos);
    int status = 0;
    REQUIRE(::waitpid(first, &status, 0) == first);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (const auto& [name, bytes] : listing(work / "out")) CHECK_FALSE(name.starts_with("."));
    // No lock file: the directory holds only the outputs.
    CHECK(listing(work / "out").size() == 6);
    fs::remove_all(work);
}

TEST_CASE("output: diff --out inside either corpus is refused", "[output]") {
    fs::path work = prepare("diffout");
    fs::copy(work / "corpus", work / "next", fs::copy_options::recursive);
    std::string report = read_file((work / "next" / "report.yaml").string());
    for (const char* target : {"next/report.yaml", "corpus/new.json", "next/sections/x.html"}) {
        INFO(target);
        RunResult r = run_in(work, binary() + " diff corpus next --format json --out " + target + "");
        CHECK(r.status == 2);
        CHECK(r.output.find("itucollab: refusing to write " + std::string(target) + " inside the corpus directory") == 0);
    }
    CHECK(read_file((work / "next" / "report.yaml").string()) == report);
    CHECK_FALSE(fs::exists(work / "corpus" / "new.json"));
    fs::remove_all(work);
}

TEST_CASE("output: a failed write to standard output is exit 2", "[output]") {
    fs::path work = prepare("devfull");
    fs::copy(work / "corpus", work / "next", fs::copy_options::recursive);
    write_file(work / "next" / "report.yaml",
               read_file((work / "corpus" / "report.yaml").string()) + "# a comment changes nothing\n");
    for (std::string command : {"check corpus --format json", "check corpus --format sarif", "schema",
                                "schema section", "diff corpus corpus --format json", "--help"}) {
        INFO(command);
        RunResult r = run_in(work, "(" + binary() + " " + command + " >/dev/full)");
        CHECK(r.status == 2);
        CHECK(r.output.find("itucollab: cannot write to standard output: No space left on device\n") !=
              std::string::npos);
    }
    fs::remove_all(work);
}

TEST_CASE("output: a successful run removes the temporaries a killed run left", "[output]") {
    fs::path work = prepare("stale");
    auto before = listing(work / "out");
    for (const char* name : {".C99-INF-7-E.docx.tmp-Ab3xY9", ".C99-INF-7-E.txt.tmp-000000.old", ".x.html.tmp-zzzzzz"}) {
        write_file(work / "out" / name, "stale");
    }
    write_file(work / "out" / ".keep", "mine");
    write_file(work / "out" / ".notes.tmp-short", "mine");
    RunResult failed = run_in(work, binary() + " build corpus -o out -f nope");
    CHECK(failed.status == 2);
    CHECK(fs::exists(work / "out" / ".x.html.tmp-zzzzzz"));  // a run that fails leaves them be
    RunResult r = run_in(work, binary() + " build corpus -o out -f html");
    INFO(r.output);
    CHECK(r.status == 0);
    auto after = listing(work / "out");
    before[".keep"] = "mine";
    before[".notes.tmp-short"] = "mine";
    CHECK(after == before);
    fs::remove_all(work);
}

TEST_CASE("output: SIGINT or SIGTERM while formats render exits 128+N at once with no temporary", "[output]") {
    for (int sig : {SIGINT, SIGTERM}) {
        INFO("signal " << sig);
        fs::path work = prepare("signal");
        auto before = listing(work / "out");
        pid_t child = start_paused_build(work, "5000", "text,html,md,json");
        wait_for_temporary(work / "out");
        auto sent = std::chrono::steady_clock::now();
        ::kill(child, sig);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(std::chrono::steady_clock::now() - sent < std::chrono::seconds(1));
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 128 + sig);
        CHECK(listing(work / "out") == before);
        fs::remove_all(work);
    }
}

TEST_CASE("output: rollover obeys the load limits, streams its copies and leaves no scratch directory", "[output]") {
    fs::path work = temp_dir("faults-rollover");
    fs::copy(source_dir() + "/data/c21-inf-2", work / "corpus", fs::copy_options::recursive);
    auto no_scratch = [&] {
        for (const auto& entry : fs::directory_iterator(work)) {
            INFO(entry.path());
            CHECK(entry.path().filename().string().find(".rollover-") == std::string::npos);
        }
        CHECK_FALSE(fs::exists(work / "next"));
    };
    SECTION("a huge sparse file that is not YAML") {
        REQUIRE(run_in(work, "truncate -s 3G corpus/notes.bin").status == 0);
#ifdef ITUCOLLAB_SANITIZED
        const std::string memory_limit;  // shadow memory needs a huge address space
#else
        const std::string memory_limit = "ulimit -v 1000000; ";
#endif
        RunResult r = run_in(work, memory_limit + binary() + " rollover corpus next");
        CHECK(r.status == 2);
        CHECK(r.output == "itucollab: corpus/notes.bin is 3221225472 bytes, over the limit of 4194304 bytes per file "
                          "(--max-file-size); nothing written\n");
        no_scratch();
    }
    SECTION("a file-size limit hit while copying (SIGXFSZ)") {
        REQUIRE(run_in(work, "head -c 300000 /dev/zero > corpus/notes.bin").status == 0);
        RunResult r = run_in(work, "ulimit -f 100; " + binary() + " rollover corpus next");
        CHECK(r.status == 2);
        CHECK(r.output.find("File too large; nothing written") != std::string::npos);
        no_scratch();
    }
    SECTION("more files than --max-files") {
        RunResult r = run_in(work, binary() + " rollover corpus next --max-files 3");
        CHECK(r.status == 2);
        no_scratch();
    }
    SECTION("more bytes than --max-corpus-size in files that are not YAML") {
        REQUIRE(run_in(work, "for i in 1 2 3; do head -c 3000000 /dev/zero > corpus/notes-$i.bin; done").status == 0);
        RunResult r = run_in(work, binary() + " rollover corpus next");
        CHECK(r.status == 2);
        CHECK(r.output == "itucollab: corpus holds more than 8388608 bytes, the limit for a whole corpus "
                          "(--max-corpus-size); nothing written\n");
        no_scratch();
    }
    SECTION("a non-YAML file is copied byte for byte") {
        std::string bytes(200'000, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7919 % 251);
        write_file(work / "corpus" / "notes.bin", bytes);
        RunResult r = run_in(work, binary() + " rollover corpus next");
        INFO(r.output);
        CHECK(r.status == 0);
        CHECK(read_file((work / "next" / "notes.bin").string()) == bytes);
    }
    fs::remove_all(work);
}

TEST_CASE("output: hostile file names are escaped in every diagnostic format", "[output]") {
    fs::path work = prepare("names");
    std::string evil = "sections/\x1b[2J\xff\xc2\x9b" "evil.yaml";
    write_file(work / "corpus" / evil, "id: x\n");
    RunResult human = run_in(work, binary() + " check corpus");
    CHECK(human.status == 1);
    CHECK(human.output.find("corpus/sections/\\x1B[2J\\xFF\\xC2\\x9Bevil.yaml:1:1: error:") != std::string::npos);
    CHECK(human.output.find('\x1b') == std::string::npos);
    RunResult github = run_in(work, binary() + " check corpus --format github 2>/dev/null");
    CHECK(github.output.find("file=corpus/sections/\\x1B[2J\\xFF\\xC2\\x9Bevil.yaml,line=1") != std::string::npos);
    RunResult json = run_in(work, binary() + " check corpus --format json 2>/dev/null");
    CHECK(json.output.find("\"file\": \"corpus/sections/\\u001b[2J\xEF\xBF\xBD\\u009bevil.yaml\"") != std::string::npos);
    RunResult sarif = run_in(work, binary() + " check corpus --format sarif 2>/dev/null");
    CHECK(sarif.output.find("\"uri\": \"corpus/sections/%1B%5B2J%FF%C2%9Bevil.yaml\"") != std::string::npos);
    for (const RunResult* r : {&github, &json, &sarif}) {
        CHECK(r->output.find('\x1b') == std::string::npos);
        CHECK(r->output.find('\xff') == std::string::npos);
    }
    fs::remove_all(work);
}

TEST_CASE("output: SOURCE_DATE_EPOCH must be a time the documents can carry", "[output]") {
    fs::path work = prepare("epoch");
    auto before = listing(work / "out");
    for (const char* bad : {"99999999999999", "253402300800", "-1", "1e9", "12abc", " 5"}) {
        INFO(bad);
        RunResult r = run_in(work, std::string("SOURCE_DATE_EPOCH='") + bad + "' " + binary() + " build corpus -o out");
        CHECK(r.status == 2);
        CHECK(r.output == std::string("itucollab: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 up to "
                                      "253402300799 (the end of year 9999), not '") + bad + "'\n");
    }
    CHECK(listing(work / "out") == before);
    RunResult last = run_in(work, "SOURCE_DATE_EPOCH=253402300799 " + binary() + " build corpus -o out -f xml");
    CHECK(last.status == 0);
    CHECK(read_file((work / "out" / "C99-INF-7-E.xml").string()).find("9999-12-31T23:59:59Z") != std::string::npos);
    fs::remove_all(work);
}

TEST_CASE("output: builds of two corpora racing into one directory never mix their files", "[output]") {
    fs::path work = prepare("race");
    fs::copy(work / "corpus", work / "other", fs::copy_options::recursive);
    write_file(work / "other" / "report.yaml",
               replace_once(read_file((work / "other" / "report.yaml").string()), "title: A MINIMAL REPORT",
                            "title: ANOTHER REPORT"));
    const std::vector<std::string> formats = {".txt", ".html", ".md", ".json"};
    int both_ran = 0;
    for (int round = 0; round < 12; ++round) {
        INFO("round " << round);
        RunResult r = run_in(work, "(" + binary() + " build corpus -o out -f text,html,md,json >/dev/null 2>&1 & " +
                                       binary() + " build other -o out -f text,html,md,json >/dev/null 2>&1 & " +
                                       "wait %1; a=$?; wait %2; b=$?; echo \"$a $b\")");
        CHECK((r.output == "0 0\n" || r.output == "0 2\n" || r.output == "2 0\n"));
        both_ran += r.output == "0 0\n";
        std::set<std::string> titles;
        for (const auto& ext : formats) {
            std::string bytes = read_file((work / "out" / ("C99-INF-7-E" + ext)).string());
            bool mini = bytes.find("MINIMAL REPORT") != std::string::npos;
            bool other = bytes.find("ANOTHER REPORT") != std::string::npos;
            CHECK(mini != other);
            titles.insert(mini ? "mini" : "other");
        }
        CHECK(titles.size() == 1);
        for (const auto& [name, bytes] : listing(work / "out")) CHECK_FALSE(name.starts_with("."));
    }
    INFO(both_ran << " of 12 rounds ran one build after the other");
    fs::remove_all(work);
}
