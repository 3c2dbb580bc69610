// Every registered output format has a golden of the mini fixture, and outputs never depend on the
// clock: two runs whose clocks straddle a 2-second zip-time boundary write byte-identical files.
#include "support.hpp"
#include "test_docx_support.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

std::string q(const std::string& s) { return docxtest::quote(s); }

bool is_zip(const std::string& bytes) { return bytes.starts_with(std::string("PK\x03\x04", 4)); }

// Every regular file under `dir` by relative path, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            files[entry.path().lexically_relative(dir).generic_string()] = read_file(entry.path().string());
        }
    }
    return files;
}

// Runs `command`, requiring exit status `status`.
void run_expecting(const std::string& command, int status) {
    RunResult r = run(command);
    INFO(command << "\n" << r.output);
    REQUIRE(r.status == status);
}

// One set of outputs in `out`: the bundled and the mini corpus built in every format (the default),
// the mini corpus under a fixed SOURCE_DATE_EPOCH, and the diff of the fixture pair in every format.
void write_outputs(const fs::path& out, const std::string& time_zone) {
    std::string env = "env -u SOURCE_DATE_EPOCH TZ=" + time_zone + " ";
    std::string tests = source_dir() + "/tests/fixtures/";
    run_expecting(env + binary() + " build " + q(source_dir() + "/data/c21-inf-2") + " -o " + q(out / "bundled"), 0);
    run_expecting(env + binary() + " build " + q(tests + "mini") + " -o " + q(out / "mini"), 0);
    run_expecting("env SOURCE_DATE_EPOCH=1700000000 TZ=" + time_zone + " " + binary() + " build " + q(tests + "mini") +
                      " -o " + q(out / "epoch"),
                  0);
    for (const char* format : {"text", "html", "json", "docx"}) {
        run_expecting(env + binary() + " diff --format " + format + " --out " + q(out / ("diff." + std::string(format))) +
                          " " + q(tests + "diff-old") + " " + q(tests + "diff-new"),
                      1);
    }
}

// Sleeps into the next 2-second slot of zip (DOS) time, plus a margin.
void sleep_past_zip_time_boundary() {
    using namespace std::chrono;
    double now = duration<double>(system_clock::now().time_since_epoch()).count();
    double boundary = (std::floor(now / 2) + 1) * 2 + 0.1;
    std::this_thread::sleep_until(system_clock::time_point(duration_cast<system_clock::duration>(duration<double>(boundary))));
}

}  // namespace

TEST_CASE("every registered format has a golden of the mini fixture, and renders as it") {
    // The templates of the source tree with a stub stylesheet: the HTML golden is about markup.
    std::string templates = temp_dir("golden-templates");
    fs::copy(source_dir() + "/templates", templates, fs::copy_options::recursive);
    std::ofstream(templates + "/html/style.css", std::ios::binary | std::ios::trunc) << "/* stub stylesheet */\n";
    itucollab::EmitOptions options;
    options.templates_dir = templates;
    itucollab::Document doc = load_mini();
    fs::path golden = fs::path(source_dir()) / "tests" / "golden";
    REQUIRE(itucollab::emitters().size() >= 6);
    for (const itucollab::Emitter& emitter : itucollab::emitters()) {
        std::string name(emitter.name);
        INFO("format " << name << ": its golden is tests/golden/mini" << emitter.extension
                       << ", or tests/golden/mini-" << name << "/ part by part for a zip package");
        std::string bytes = emitter.render(doc, options);
        CHECK(bytes == emitter.render(doc, options));
        if (is_zip(bytes)) {
            // A package: one pretty-printed golden per part (as tests/golden/mini-docx/), and no stale ones.
            std::string dir = "mini-" + name;
            REQUIRE(fs::is_directory(golden / dir));
            std::set<std::string> parts, goldens;
            for (const auto& [part, data] : docxtest::unzip_map(bytes)) {
                std::string file = dir + docxtest::golden_file(part).substr(std::string("mini-docx").size());
                parts.insert(file);
                check_golden(file, docxtest::pretty(data));
            }
            for (const auto& entry : fs::directory_iterator(golden / dir)) {
                goldens.insert(dir + "/" + entry.path().filename().string());
            }
            CHECK(goldens == parts);
        } else if (bytes.starts_with("<?xml")) {
            check_golden("mini" + std::string(emitter.extension), docxtest::pretty(bytes));
        } else {
            check_golden("mini" + std::string(emitter.extension), bytes);
        }
    }
    fs::remove_all(templates);
}

TEST_CASE("outputs do not depend on the clock: every file of two runs across a zip-time boundary is identical") {
    fs::path root = temp_dir("rebuild");
    write_outputs(root / "a", "UTC0");
    sleep_past_zip_time_boundary();  // any clock-derived zip time or date would now differ
    write_outputs(root / "b", "XXX-14");  // and local time is 14 hours ahead
    auto a = tree(root / "a");
    auto b = tree(root / "b");
    std::set<std::string> names_a, names_b;
    for (const auto& [name, bytes] : a) names_a.insert(name);
    for (const auto& [name, bytes] : b) names_b.insert(name);
    REQUIRE(names_a == names_b);
    for (const itucollab::Emitter& emitter : itucollab::emitters()) {
        INFO("format " << emitter.name);
        CHECK(a.contains("bundled/C21-INF-2-E" + std::string(emitter.extension)));
    }
    CHECK(a.contains("diff.docx"));

    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::size_t packages = 0;
    for (const auto& [name, bytes] : a) {
        INFO(name);
        CHECK(bytes == b[name]);
        if (!is_zip(bytes)) continue;
        ++packages;
        // Part by part, so a difference names its part; and no entry carries the time of the run.
        auto parts_a = docxtest::unzip(bytes);
        auto parts_b = docxtest::unzip(b[name]);
        REQUIRE(parts_a.size() == parts_b.size());
        for (std::size_t i = 0; i < parts_a.size(); ++i) {
            INFO("part " << parts_a[i].name);
            CHECK(parts_a[i].name == parts_b[i].name);
            CHECK(parts_a[i].data == parts_b[i].data);
            CHECK(parts_a[i].mtime == parts_b[i].mtime);
            CHECK(parts_a[i].mtime < now - 366 * 24 * 3600);
        }
    }
    CHECK(packages == 4);  // bundled, mini, epoch and the diff redline
    fs::remove_all(root);
}
