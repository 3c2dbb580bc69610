// `itucollab rollover`: next year's corpus by minimal edits, review-needed warnings, diff of the result.
#include "support.hpp"

#include <itucollab/diff.hpp>
#include <itucollab/rollover.hpp>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

using namespace testsupport;
using namespace itucollab;
namespace fs = std::filesystem;

namespace {

std::string bundled() { return source_dir() + "/data/c21-inf-2"; }

std::string q(const std::string& s) { return "'" + s + "'"; }

LoadResult load_disk(const std::string& dir) {
    DiskFileSystem disk;
    return load_corpus(disk, dir);
}

// Rolls the bundled corpus over into a fresh temp dir; returns the new corpus path.
std::string rolled_over(const std::string& tag, const std::string& extra = "") {
    std::string dir = temp_dir(tag) + "/c22-inf-2";
    RunResult r = run(binary() + " rollover " + q(bundled()) + " " + q(dir) + extra);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return dir;
}

void edit(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = replace_once(read_file(path), from, to);
    std::ofstream(path, std::ios::binary) << text;
}

std::size_t count(const Diagnostics& diags, const std::string& code) {
    return static_cast<std::size_t>(std::count_if(diags.all().begin(), diags.all().end(),
                                                  [&](const Diagnostic& d) { return d.code == code; }));
}

}  // namespace

TEST_CASE("rollover: symbol, session and dates advanced, OLD's symbol referenced, comments and layout kept") {
    std::string dir = rolled_over("rollover-basic");
    std::string before = read_file(bundled() + "/report.yaml");
    std::string after = read_file(dir + "/report.yaml");
    // Only the five header values change in place; the references gain one line; the review list follows.
    std::string expected = before;
    expected = replace_once(expected, "symbol: C21/INF/2", "symbol: C22/INF/2");
    expected = replace_once(expected, "name: Council 2021", "name: Council 2022");
    expected = replace_once(expected, "start: 2021-06-08", "start: 2022-06-08");
    expected = replace_once(expected, "end: 2021-06-18", "end: 2022-06-18");
    expected = replace_once(expected, "date: 2021-03-23", "date: 2022-03-23");
    expected = replace_once(expected, "  - C20/INF/3\n", "  - C20/INF/3\n  - C21/INF/2\n");
    REQUIRE(after.size() > expected.size());
    CHECK(after.substr(0, expected.size()) == expected);
    CHECK(after.substr(expected.size()).starts_with("\n# Added by `itucollab rollover` from C21/INF/2"));
    CHECK(after.find("\nreview:\n  - in: report\n    reason: ") != std::string::npos);
    // Every other file is copied byte for byte.
    for (const auto& e : fs::recursive_directory_iterator(bundled())) {
        if (!e.is_regular_file() || e.path().filename() == "report.yaml") continue;
        std::string rel = fs::relative(e.path(), bundled()).string();
        INFO(rel);
        CHECK(read_file(dir + "/" + rel) == read_file(e.path().string()));
    }
    fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("rollover: the new corpus passes check apart from review-needed warnings") {
    std::string dir = rolled_over("rollover-check");
    LoadResult old_load = load_disk(bundled());
    LoadResult new_load = load_disk(dir);
    INFO(diagnostics_text(new_load));
    REQUIRE(new_load.document);
    CHECK(new_load.diagnostics.error_count() == 0);
    std::size_t reviews = new_load.document->reviews.size();
    CHECK(reviews > 10);  // the report entry and the texts that mention years or months
    CHECK(count(new_load.diagnostics, "review-needed") == reviews);
    CHECK(new_load.diagnostics.warning_count() == old_load.diagnostics.warning_count() + reviews);
    CHECK(new_load.document->reviews.front().in.id == "report");
    RunResult check = run(binary() + " check " + q(dir));
    CHECK(check.status == 0);
    CHECK(check.output.find("[review-needed]") != std::string::npos);
    CHECK(run(binary() + " check --strict " + q(dir)).status == 1);
    // Removing the review list leaves a corpus as clean as the old one.
    std::string report = read_file(dir + "/report.yaml");
    std::ofstream(dir + "/report.yaml", std::ios::binary) << report.substr(0, report.find("\n# Added by `itucollab rollover`") + 1);
    LoadResult reviewed = load_disk(dir);
    CHECK(reviewed.diagnostics.warning_count() == old_load.diagnostics.warning_count());
    CHECK(count(reviewed.diagnostics, "review-needed") == 0);
    fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("rollover: diff OLD NEW shows exactly the rollover edits") {
    std::string dir = rolled_over("rollover-diff");
    RunResult r = run("NO_COLOR=1 " + binary() + " diff " + q(bundled()) + " " + q(dir));
    CHECK(r.status == 1);
    // What the report prints, then the review list rollover adds (one entry per text to review).
    CHECK(r.output.starts_with("Header, document symbol: [-C21/INF/2-]{+C22/INF/2+}\n"
                               "Header, session name: Council [-2021-]{+2022+}\n"
                               "Header, session start: 8 June [-2021-]{+2022+}\n"
                               "Header, session end: 18 June [-2021-]{+2022+}\n"
                               "Header, document date: 23 March [-2021-]{+2022+}\n"
                               "Header, References: … C12/INF/1(Rev.1), C13/INF/10, C14/INF/7, C15/INF/4, C16/57, C17/INF/10, "
                               "C18/INF/4, C19/INF/8{+, C20/INF/3+} and [-C20/INF/3-]{+C21/INF/2+}\n"
                               "Not printed in the report:\n"
                               "Review of report: added review entry \"report: session name, session dates and document "
                               "date advanced by one year: conf…\"\n"));
    LoadResult rolled = load_disk(dir);
    REQUIRE(rolled.document);
    std::size_t reviews = rolled.document->reviews.size();
    CHECK(reviews > 10);
    CHECK(r.output.ends_with(fmt::format("{} changes: {} added, 0 removed, 6 changed, 0 moved, 0 renamed ({} not printed in "
                                         "the report)\n", reviews + 6, reviews, reviews)));
    fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("rollover: --number, refusal of a non-empty NEWDIR and of an unreviewed OLD") {
    std::string dir = rolled_over("rollover-number", " --number 5");
    CHECK(read_file(dir + "/report.yaml").find("symbol: C22/INF/5\n") != std::string::npos);
    std::string before = read_file(dir + "/report.yaml");
    RunResult again = run(binary() + " rollover " + q(bundled()) + " " + q(dir));
    CHECK(again.status == 2);
    CHECK(again.output.find("exists and is not an empty directory") != std::string::npos);
    CHECK(read_file(dir + "/report.yaml") == before);
    RunResult nested = run(binary() + " rollover " + q(dir) + " " + q(dir + "/next"));
    CHECK(nested.status == 2);
    CHECK(nested.output.find("is inside") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/next"));
    // A rolled-over corpus still under review is not rolled over again.
    std::string next = fs::path(dir).parent_path().string() + "/c23";
    RunResult unreviewed = run(binary() + " rollover " + q(dir) + " " + q(next));
    CHECK(unreviewed.status == 2);
    CHECK(unreviewed.output.find("still has a review: list") != std::string::npos);
    CHECK_FALSE(fs::exists(next));
    std::size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(fs::path(dir).parent_path()))
        leftovers += e.path().filename().string().starts_with(".");
    CHECK(leftovers == 0);
    // The mini fixture is for Council 2099: its successor's symbol C00/INF/7 would name Council 2000, so
    // the check of the new corpus fails and nothing is written.
    std::string empty = fs::path(dir).parent_path().string() + "/empty";
    fs::create_directories(empty);
    RunResult century = run(binary() + " rollover " + q(source_dir() + "/tests/fixtures/mini") + " " + q(empty));
    CHECK(century.status == 2);
    CHECK(century.output.find("[symbol-year]") != std::string::npos);
    CHECK(century.output.find("nothing written") != std::string::npos);
    CHECK(fs::is_empty(empty));
    // A flow-style references list gains the old symbol in place; an existing empty directory is fine.
    std::string mini98 = fs::path(dir).parent_path().string() + "/mini98";
    fs::copy(source_dir() + "/tests/fixtures/mini", mini98, fs::copy_options::recursive);
    std::string report = read_file(mini98 + "/report.yaml");
    for (std::size_t at = report.find("2099"); at != std::string::npos; at = report.find("2099")) report.replace(at, 4, "2098");
    std::ofstream(mini98 + "/report.yaml", std::ios::binary) << replace_once(report, "C99/INF/7", "C98/INF/7");
    RunResult flow = run(binary() + " rollover " + q(mini98) + " " + q(empty));
    INFO(flow.output);
    CHECK(flow.status == 0);
    CHECK(read_file(empty + "/report.yaml").find("references: [C97/INF/2, C98/INF/3, C98/INF/7]\n") != std::string::npos);
    CHECK(run(binary() + " diff --only header " + q(mini98) + " " + q(empty)).output.ends_with(
        "6 changes: 0 added, 0 removed, 6 changed, 0 moved, 0 renamed\n"));
    std::size_t scratch = 0;
    for (const auto& e : fs::directory_iterator(fs::path(dir).parent_path()))
        scratch += e.path().filename().string().starts_with(".");
    CHECK(scratch == 0);
    fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("rollover helpers: next year, next symbol") {
    CHECK(next_year({2024, 2, 29}) == Date{2025, 2, 28});
    CHECK(next_year({2021, 3, 23}) == Date{2022, 3, 23});
    CHECK(next_symbol("C21/INF/2", std::nullopt) == "C22/INF/2");
    CHECK(next_symbol("C21/INF/2", 7) == "C22/INF/7");
    CHECK(next_symbol("C12/INF/1(Rev.1)", std::nullopt) == "C13/INF/1");
    CHECK(next_symbol("C99/57", std::nullopt) == "C00/57");
    CHECK(next_symbol("Report", std::nullopt).empty());
}

TEST_CASE("end to end: rollover, a dozen editorial edits, and diff reports each of them") {
    std::string dir = rolled_over("rollover-e2e");
    // The editor reviews every flagged text, then removes the review list.
    std::string report = read_file(dir + "/report.yaml");
    std::ofstream(dir + "/report.yaml", std::ios::binary) << report.substr(0, report.find("\n# Added by `itucollab rollover`") + 1);
    const std::string s = dir + "/sections/01-introduction.yaml";
    const std::string a = dir + "/annex/annex.yaml";
    const std::string m = dir + "/annex/mechanisms.yaml";
    edit(dir + "/report.yaml", "the 2020 virtual consultations of councillors", "Council 2021");             // 1
    edit(dir + "/report.yaml", "venue: Virtual consultation of councillors", "venue: Geneva");                // 2
    edit(s, "title: Introduction", "title: Introduction and overview");                                     // 3
    edit(s, "Over recent years", "Over the past years");                                                    // 4
    edit(a, "This practice is also\n    increasing.", "This practice continues.");                          // 5
    edit(a, "  - Promotion and advocacy\n", "  - Promotion and advocacy\n  - Joint training\n");            // 6
    edit(m, "frequency: Twice per year", "frequency: Three times per year");                                // 7 (ceb)
    edit(m, "  - id: hlcm\n", "  - id: hlcm-committee\n");                                                  // 8
    std::string mech = read_file(m);
    auto block = [&](const std::string& id, const std::string& next) {
        std::size_t from = mech.find("  - id: " + id + "\n");
        return mech.substr(from, mech.find("  - id: " + next + "\n") - from);
    };
    std::string dtn = block("dtn", "unicc-management-committee");
    std::string ungis = block("ungis", "ecesa-plus");
    mech = replace_once(mech, dtn, "");                                                                      // 9
    mech = replace_once(mech, ungis, "") + ungis;                                                            // 10
    mech += "  - id: itu-new-group\n    name: New coordination group\n    key_activity: Coordinates new work.\n"
            "    relevance:\n      - Digital cooperation\n    frequency: ~\n    time_spent: ~\n    financial: ~\n";  // 11
    std::ofstream(m, std::ios::binary) << mech;
    edit(dir + "/registry/un-entities.yaml", "name: International Civil Aviation Organization",
         "name: International Civil Aviation Organisation");                                                // 12
    RunResult r = run("NO_COLOR=1 " + binary() + " diff " + q(bundled()) + " " + q(dir));
    INFO(r.output);
    CHECK(r.status == 1);
    for (const char* line : {
             "Header, Summary: … activities and relationship with the UN system since [-the 2020 virtual consultations "
             "of councillors-]{+Council 2021+}.\n",
             "Header, session venue: [-Virtual consultation of councillors-]{+Geneva+}\n",
             "Section 1, Introduction and overview, heading: Introduction{+ and overview+}\n",
             "1.1, Introduction and overview: … ",
             "Over [-recent-]{+the past+} years",
             "Annex, table note: … meetings are conducted via electronic means. This practice [-is also increasing-]"
             "{+continues+}.\n",
             "Annex: added benefit 5 \"Joint training\"\n",
             "Annex, CEB, Frequency of meetings: [-Twice-]{+Three times+} per year\n",
             "Annex, Digital Technology Network: removed mechanism \"Digital Technology Network",
             "Annex, UNGIS: moved mechanism from row 12 to row 54\n",
             "Annex, New coordination group: added mechanism \"New coordination group",
             "Not printed in the report:\n",
             "Annex, HLCM: mechanism id changed from 'hlcm' (similarity 1.00)\n",
             "Registry, UN entity ICAO, full name: International Civil Aviation [-Organization-]{+Organisation+}\n",
         }) {
        CHECK(r.output.find(line) != std::string::npos);
    }
    // The six rollover edits and the twelve editorial ones, each once.
    CHECK(r.output.ends_with("18 changes: 2 added, 1 removed, 13 changed, 1 moved, 1 renamed (2 not printed in the report)\n"));
    fs::remove_all(fs::path(dir).parent_path());
}
