// `itucollab diff`: every kind of change reported once, goldens for text/html/json, exit codes, vnu.
#include "support.hpp"
#include "test_docx_support.hpp"

#include <itucollab/diff.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

using namespace testsupport;
using namespace itucollab;
namespace fs = std::filesystem;

namespace {

std::string fixture_dir(const std::string& name) { return source_dir() + "/tests/fixtures/" + name; }

std::string q(const std::string& s) { return "'" + s + "'"; }

Document load(const std::string& name, const std::map<std::string, std::string>& overrides = {}) {
    auto fs = fixture(name, overrides);
    LoadResult r = load_corpus(fs, name);
    INFO(diagnostics_text(r));
    REQUIRE(r.document);
    return *r.document;
}

// diff-old with one file edited.
Document old_with(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read_file(fixture_dir("diff-old") + "/" + file);
    return load("diff-old", {{file, replace_once(text, from, to)}});
}

std::string mechanisms_old() { return read_file(fixture_dir("diff-old") + "/annex/mechanisms.yaml"); }

diff::Result compare_with_old(const Document& changed, const diff::Options& options = {}) {
    return diff::compare(load("diff-old"), changed, options);
}

std::string lines(const diff::Result& r) { return diff::render_text(r); }

}  // namespace

TEST_CASE("diff of a corpus with itself: exit 0 and only a 'no differences' line") {
    RunResult r = run("NO_COLOR=1 " + binary() + " diff " + q(fixture_dir("diff-old")) + " " + q(fixture_dir("diff-old")));
    CHECK(r.status == 0);
    CHECK(r.output == "no differences\n");
    for (const char* format : {"json", "html"}) {
        RunResult f = run(binary() + " diff --format " + format + " " + q(fixture_dir("mini")) + " " + q(fixture_dir("mini")));
        CHECK(f.status == 0);
    }
}

TEST_CASE("diff of the fixture edition pairs: text, html, json and docx goldens, exit 1") {
    for (const auto& [golden, old_name, new_name] :
         {std::tuple{"diff", "diff-old", "diff-new"}, {"edition", "edition-old", "edition-new"}}) {
        INFO(old_name << " → " << new_name);
        std::string both = q(fixture_dir(old_name)) + " " + q(fixture_dir(new_name));
        std::string name = golden;
        RunResult text = run("NO_COLOR=1 " + binary() + " diff " + both);
        CHECK(text.status == 1);
        check_golden(name + ".txt", text.output);
        RunResult html = run(binary() + " diff --format html " + both);
        CHECK(html.status == 1);
        check_golden(name + ".html", html.output);
        RunResult json = run(binary() + " diff --format json " + both);
        CHECK(json.status == 1);
        check_golden(name + ".json", json.output);
        CHECK(json.output.starts_with("{\n  \"format\": \"itucollab-diff\",\n  \"version\": 2,"));
        // The Word redline part by part, as indented XML.
        std::string dir = temp_dir("diff-golden");
        RunResult docx = run(binary() + " diff --format docx --out " + q(dir + "/r.docx") + " " + both);
        CHECK(docx.status == 1);
        std::size_t parts = 0;
        for (const auto& [part, data] : docxtest::unzip_map(read_file(dir + "/r.docx"))) {
            if (!part.starts_with("word/") || part.find("/_rels/") != std::string::npos) continue;
            std::string file = part.substr(5);
            std::replace(file.begin(), file.end(), '/', '-');
            check_golden("redline-" + name + "/" + file, docxtest::pretty(data));
            ++parts;
        }
        CHECK(parts == 8);
        fs::remove_all(dir);
    }
}

TEST_CASE("the fixture pair exercises every kind of change, each once") {
    diff::Result r = diff::compare(load("diff-old"), load("diff-new"));
    std::string all = lines(r);
    INFO(all);
    diff::Summary s = r.summary();
    CHECK(s.added == 1);    // mechanism ungis
    CHECK(s.removed == 1);  // mechanism iasg
    CHECK(s.renamed == 1);  // un-women-network → gender-network
    CHECK(s.moved == 1);    // ceb to the end
    CHECK(s.changed == 4);  // date, references (C99/INF/1 added), one word, ceb frequency
    CHECK(all.find("Header, document date: [-23-]{+30+} March 2099\n") != std::string::npos);
    CHECK(all.find("Header, References: Documents C97/INF/2") != std::string::npos);
    CHECK(all.find("{+C99/INF/1+}\n") != std::string::npos);
    CHECK(all.find("1.1, First section: The opening paragraph cites [-a-]{+one+} footnote.[1] It also") !=
          std::string::npos);
    CHECK(all.find("Annex, CEB: moved mechanism from row 1 to row 5\n") != std::string::npos);
    CHECK(all.find("Annex, CEB, Frequency of meetings: [-Twice-]{+Three times+} per year\n") != std::string::npos);
    CHECK(all.find("Not printed in the report:\nAnnex, Network of gender focal points: mechanism id changed from "
                   "'un-women-network' (similarity 1.00)\n") != std::string::npos);
    CHECK(all.find("Annex, Inter-Agency Support Group: removed mechanism \"Inter-Agency Support Group") !=
          std::string::npos);
    CHECK(all.find("Annex, UNGIS: added mechanism \"United Nations Group") != std::string::npos);
    CHECK(all.ends_with("8 changes: 1 added, 1 removed, 4 changed, 1 moved, 1 renamed (1 not printed in the report)\n"));
}

TEST_CASE("one word changed is reported once, word by word") {
    diff::Result r = compare_with_old(old_with("annex/annex.yaml", "More than half", "Less than half"));
    REQUIRE(r.changes.size() == 1);
    CHECK(lines(r) == "Annex, table note: [-More-]{+Less+} than half of the meetings are virtual.\n"
                      "1 change: 0 added, 0 removed, 1 changed, 0 moved, 0 renamed\n");
}

TEST_CASE("one mechanism added, removed, renamed or moved is reported exactly once") {
    std::string mech = mechanisms_old();
    std::string hlcm_block = mech.substr(mech.find("  - id: hlcm"), mech.find("  - id: iasg") - mech.find("  - id: hlcm"));
    SECTION("added") {
        std::string added = mech + "  - id: extra\n    name: Extra group\n    key_activity: Meets.\n    relevance:\n"
                                   "      - Coordination\n    frequency: ~\n    time_spent: ~\n    financial: ~\n";
        diff::Result r = compare_with_old(load("diff-old", {{"annex/mechanisms.yaml", added}}));
        REQUIRE(r.changes.size() == 1);
        CHECK(r.changes[0].kind == diff::Kind::added);
        CHECK(r.changes[0].location == "annex/mechanisms/extra");
    }
    SECTION("removed") {
        diff::Result r = compare_with_old(load("diff-old", {{"annex/mechanisms.yaml", replace_once(mech, hlcm_block, "")}}));
        REQUIRE(r.changes.size() == 1);
        CHECK(r.changes[0].kind == diff::Kind::removed);
        CHECK(r.changes[0].location == "annex/mechanisms/hlcm");
    }
    SECTION("renamed") {
        diff::Result r = compare_with_old(old_with("annex/mechanisms.yaml", "id: hlcm", "id: hlcm-renamed"));
        REQUIRE(r.changes.size() == 1);
        CHECK(r.changes[0].kind == diff::Kind::renamed);
        CHECK(r.changes[0].old_id == "hlcm");
        CHECK(r.changes[0].similarity == 1.0);
        CHECK(lines(r) == "Not printed in the report:\nAnnex, HLCM: mechanism id changed from 'hlcm' (similarity 1.00)\n"
                          "1 change: 0 added, 0 removed, 0 changed, 0 moved, 1 renamed (1 not printed in the report)\n");
    }
    SECTION("renamed with a changed field: the rename and the field change") {
        std::string edited = replace_once(replace_once(mech, "id: hlcm", "id: hlcm-2"), "management reforms", "reforms");
        diff::Result r = compare_with_old(load("diff-old", {{"annex/mechanisms.yaml", edited}}));
        REQUIRE(r.changes.size() == 2);
        CHECK(r.changes[0].kind == diff::Kind::renamed);
        CHECK(r.changes[0].similarity < 1.0);
        CHECK(r.changes[1].kind == diff::Kind::changed);
        CHECK(r.changes[1].subject == "key_activity");
    }
    SECTION("an id replaced by unrelated content is a removal and an addition, not a rename") {
        std::string other = "  - id: other\n    name: Something else\n    key_activity: Unrelated work entirely.\n"
                            "    relevance:\n      - Nothing shared\n    frequency: ~\n    time_spent: ~\n    financial: ~\n";
        diff::Result r = compare_with_old(load("diff-old", {{"annex/mechanisms.yaml", replace_once(mech, hlcm_block, other)}}));
        CHECK(r.summary().removed == 1);
        CHECK(r.summary().added == 1);
        CHECK(r.summary().renamed == 0);
    }
    SECTION("moved: one item moved to the end is one move, not a cascade") {
        std::string moved = replace_once(mech, hlcm_block, "") + hlcm_block;
        diff::Result r = compare_with_old(load("diff-old", {{"annex/mechanisms.yaml", moved}}));
        INFO(lines(r));
        REQUIRE(r.changes.size() == 1);
        CHECK(r.changes[0].kind == diff::Kind::moved);
        CHECK(r.changes[0].location == "annex/mechanisms/hlcm");
        CHECK(r.changes[0].from == 3);
        CHECK(r.changes[0].to == 5);
    }
}

TEST_CASE("a moved item in a long list is one move however far it travels") {
    std::vector<Mechanism> many(200);
    for (std::size_t i = 0; i < many.size(); ++i) {
        many[i].id.value = "m" + std::to_string(i);
        many[i].name = "Mechanism " + std::to_string(i);
    }
    Document a, b;
    a.annex.mechanisms = many;
    b.annex.mechanisms = many;
    std::rotate(b.annex.mechanisms.begin(), b.annex.mechanisms.begin() + 1, b.annex.mechanisms.end());
    diff::Result r = diff::compare(a, b);
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].kind == diff::Kind::moved);
    CHECK(r.changes[0].location == "annex/mechanisms/m0");
}

TEST_CASE("diff with --ignore-whitespace: whitespace-only differences are not changes") {
    Document spaced = old_with("annex/annex.yaml", "More than half", "More  than\thalf");
    CHECK(compare_with_old(spaced).changes.size() == 1);
    diff::Options options;
    options.ignore_whitespace = true;
    CHECK(compare_with_old(spaced, options).changes.empty());
    Document worded = old_with("annex/annex.yaml", "More than half", "More  than most");
    diff::Result r = compare_with_old(worded, options);
    REQUIRE(r.changes.size() == 1);
    CHECK(lines(r).starts_with("Annex, table note: More than [-half-]{+most+} of"));
}

TEST_CASE("diff with --only limits the diff to the named parts") {
    diff::Options options;
    options.only = {diff::Part::annex};
    diff::Result r = diff::compare(load("diff-old"), load("diff-new"), options);
    CHECK(r.summary().total() == 5);
    for (const auto& c : r.changes) CHECK(c.part == diff::Part::annex);
    options.only = {diff::Part::header, diff::Part::registries};
    CHECK(diff::compare(load("diff-old"), load("diff-new"), options).summary().total() == 2);
    RunResult cli = run(binary() + " diff --only sections " + q(fixture_dir("diff-old")) + " " + q(fixture_dir("diff-new")));
    CHECK(cli.status == 1);
    CHECK(cli.output.ends_with("1 change: 0 added, 0 removed, 1 changed, 0 moved, 0 renamed\n"));
    RunResult bad = run(binary() + " diff --only nowhere " + q(fixture_dir("diff-old")) + " " + q(fixture_dir("diff-new")));
    CHECK(bad.status == 2);
    CHECK(bad.output.find("unknown part 'nowhere'") != std::string::npos);
}

TEST_CASE("word diffs use dtl and fall back to a whole-field replace on very long fields") {
    auto runs = diff::word_diff("Twice per year", "Three times per year");
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].op == diff::WordRun::Op::removed);
    CHECK(runs[0].text == "Twice");
    CHECK(runs[1].op == diff::WordRun::Op::added);
    CHECK(runs[1].text == "Three times");
    CHECK(runs[2].text == " per year");
    std::string long_a, long_b;
    for (int i = 0; i < 3000; ++i) {
        long_a += "word" + std::to_string(i) + " ";
        long_b += "word" + std::to_string(i % 7 == 0 ? i + 1 : i) + " ";
    }
    auto bounded = diff::word_diff(long_a, long_b);  // 6000 × 6000 tokens > the 4M bound
    REQUIRE(bounded.size() == 2);
    CHECK(bounded[0].text == long_a);
    CHECK(bounded[1].text == long_b);
    diff::Options roomy;
    roomy.max_word_product = 100'000'000;
    CHECK(diff::word_diff(long_a, long_b, roomy).size() > 2);
}

TEST_CASE("diff exit 2 with the diagnostics when a corpus is missing or invalid") {
    RunResult missing = run(binary() + " diff " + q(fixture_dir("diff-old")) + " /nonexistent/corpus");
    CHECK(missing.status == 2);
    CHECK(missing.output.find("/nonexistent/corpus: error: no corpus directory here [corpus-not-found]") != std::string::npos);
    std::string dir = temp_dir("diff-invalid") + "/corpus";
    fs::copy(fixture_dir("mini"), dir, fs::copy_options::recursive);
    std::string report = read_file(dir + "/report.yaml");
    std::ofstream(dir + "/report.yaml", std::ios::binary) << replace_once(report, "symbol:", "symbl:");
    RunResult invalid = run(binary() + " diff " + q(fixture_dir("mini")) + " " + q(dir));
    CHECK(invalid.status == 2);
    CHECK(invalid.output.find("unknown key 'symbl'") != std::string::npos);
    fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("diff --out writes the file, and html escapes and marks changes with ins and del") {
    std::string out = temp_dir("diff-out") + "/changes.html";
    RunResult r = run(binary() + " diff --format html --out " + q(out) + " " + q(fixture_dir("diff-old")) + " " +
                      q(fixture_dir("diff-new")));
    CHECK(r.status == 1);
    CHECK(r.output.empty());
    std::string html = read_file(out);
    // The summary lists the change in the report's words; the report marks it in place.
    CHECK(html.find("<span class=\"rl-place\">1.1, First section</span>: The opening paragraph cites <del>a</del><ins>one</ins>") !=
          std::string::npos);
    CHECK(html.find("cites <del>a</del><ins>one</ins> footnote.<sup class=\"footnote-ref\">") != std::string::npos);
    CHECK(html.find("<a href=\"#rl-1\">first marked place</a>") != std::string::npos);
    CHECK(html.find("data-itc-") == std::string::npos);
    // Hostile text in both corpora stays text.
    std::string dir = temp_dir("diff-hostile");
    fs::copy(fixture_dir("diff-old"), dir + "/old", fs::copy_options::recursive);
    fs::copy(fixture_dir("diff-new"), dir + "/new", fs::copy_options::recursive);
    std::string report = read_file(dir + "/new/report.yaml");
    std::ofstream(dir + "/new/report.yaml", std::ios::binary)
        << replace_once(report, "title: A MINIMAL REPORT", "title: 'A <b>MINIMAL</b> & \"quoted\" <script>report'");
    RunResult hostile = run(binary() + " diff --format html " + q(dir + "/old") + " " + q(dir + "/new"));
    CHECK(hostile.status == 1);
    CHECK(hostile.output.find("<script>") == std::string::npos);
    CHECK(hostile.output.find("<b>") == std::string::npos);
    CHECK(hostile.output.find("A <del>MINIMAL REPORT</del><ins>&lt;b&gt;MINIMAL&lt;/b&gt; &amp; \"quoted\" &lt;script&gt;report</ins></h1>") !=
          std::string::npos);
    fs::remove_all(dir);
    fs::remove_all(fs::path(out).parent_path());
}

TEST_CASE("the HTML redline passes the Nu Html Checker") {
    std::string vnu = source_dir() + "/node_modules/vnu-jar/build/dist/vnu.jar";
    if (!have_tools({tool_command("java", "default-jre-headless"), tool_node_module("vnu-jar/build/dist/vnu.jar")})) return;
    std::string dir = temp_dir("diff-vnu");
    std::string pages;
    for (const auto& [name, old_name, new_name] : {std::tuple{"diff", "diff-old", "diff-new"},
                                                   {"edition", "edition-old", "edition-new"},
                                                   {"edition-reverse", "edition-new", "edition-old"},
                                                   {"same", "mini", "mini"}}) {
        std::string page = dir + "/" + name + ".html";
        RunResult r = run(binary() + " diff --format html --out " + q(page) + " " + q(fixture_dir(old_name)) + " " +
                          q(fixture_dir(new_name)));
        CHECK(r.status == (std::string(name) == "same" ? 0 : 1));
        pages += " " + q(page);
    }
    RunResult r = run("java -jar " + q(vnu) + " --errors-only --stdout" + pages);
    INFO(r.output);
    CHECK(r.status == 0);
    fs::remove_all(dir);
}

TEST_CASE("the HTML redline: axe-core finds no accessibility violations in headless Chromium") {
    std::string script = source_dir() + "/tests/tools/html/axe-check.mjs";
    const char* chromium = "/usr/bin/chromium";
    if (!have_tools({tool_command("node", "nodejs"), tool_path(chromium, "Debian package chromium, scripts/install-deps --test"),
                     tool_node_module("playwright-core"), tool_node_module("axe-core")}))
        return;
    std::string dir = temp_dir("diff-axe");
    for (const auto& [old_name, new_name] : {std::pair{"diff-old", "diff-new"}, {"edition-old", "edition-new"}}) {
        std::string page = dir + "/" + new_name + ".html";
        run(binary() + " diff --format html --out " + q(page) + " " + q(fixture_dir(old_name)) + " " + q(fixture_dir(new_name)));
        RunResult r = run("node '" + script + "' '" + page + "' " + chromium);
        INFO(new_name << ":\n" << r.output);
        CHECK(r.status == 0);
        CHECK(r.output.find(" 0 violation(s)") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("every part of the model is compared at its published place") {
    std::map<std::string, std::string> edits;
    auto change = [&](const std::string& file, const std::string& from, const std::string& to) {
        std::string text = edits.contains(file) ? edits[file] : read_file(fixture_dir("diff-old") + "/" + file);
        edits[file] = replace_once(text, from, to);
    };
    change("report.yaml", "action_required: This report is transmitted", "action_required: This report is sent");
    change("report.yaml", "venue: Geneva", "venue: Bern");
    change("sections/01-first.yaml", "title: First section", "title: Opening section");
    change("sections/01-first.yaml", "      - Another bullet.\n", "");
    change("sections/01-first.yaml", "text: See the references above.", "text: See the references below.");
    change("sections/02-second.yaml", "The Bureau worked with two agencies.", "The Bureau worked with three agencies.");
    change("sections/02-second.yaml", "text: ITU worked with ICAO on spectrum.", "text: ITU worked with ICAO on aviation spectrum.");
    change("annex/annex.yaml", "  - Coordination\n", "  - Coordination\n  - Leadership\n");
    change("annex/annex.yaml", "time_spent: Time spent", "time_spent: Time spent by staff");
    change("annex/annex.yaml", "columns: [frequency, financial]", "columns: [frequency]");
    change("annex/mechanisms.yaml", "      - ICT4SDG, cybersecurity\n", "      - ICT4SDG, AI, cybersecurity\n");
    change("registry/registry.yaml", "place: Dubai\n    year: 2018\n    title: Measuring", "place: Bucharest\n    year: 2022\n    title: Measuring");
    change("registry/registry.yaml", "name: International Civil Aviation Organization", "name: International Civil Aviation Org.");
    diff::Result r = compare_with_old(load("diff-old", edits));
    std::string all = lines(r);
    INFO(all);
    for (const char* line : {
             "Header, Action required: This report is [-transmitted-]{+sent+} to the Council for information.\n",
             "Header, session venue: [-Geneva-]{+Bern+}\n",
             "Section 1, Opening section, heading: [-First-]{+Opening+} section\n",
             "1.2, Opening section: removed bullet 2 \"Another bullet.\"\n",
             "Footnote 1: See the references [-above-]{+below+}.\n",
             "Section 2, Initiatives, BR, introduction, paragraph 1: The Bureau worked with [-two-]{+three+} agencies.\n",
             "Section 2, Initiatives, BR, item 1 (ICAO): ITU worked with ICAO on {+aviation +}spectrum.\n",
             "Annex: added benefit 3 \"Leadership\"\n",
             "Annex, column headings, time spent heading: Time spent{+ by staff+}\n",
             "Annex, table note, marked columns: Frequency of meetings[-, Financial implications-]\n",
             "Annex, CEB, Key ITU relevance, block 1: ICT4SDG, {+AI, +}cybersecurity\n",
             "Registry, PP Res. 131 (Rev. Bucharest, 2022), place: [-Dubai-]{+Bucharest+}\n",
             "Registry, PP Res. 131 (Rev. Bucharest, 2022), year: [-2018-]{+2022+}\n",
             "Not printed in the report:\nRegistry, UN entity ICAO, full name: International Civil Aviation "
             "[-Organization-]{+Org.+}\n",
         }) {
        CHECK(all.find(line) != std::string::npos);
    }
    CHECK(r.summary().total() == 14);
}

TEST_CASE("diff colours words on a terminal unless NO_COLOR, and never in a file") {
    if (!have_tools({tool_command("script", "bsdutils")})) return;  // a terminal for the diff
    std::string both = q(fixture_dir("diff-old")) + " " + q(fixture_dir("diff-new"));
    RunResult tty = run("script -qec \"" + binary() + " diff " + both + "\" /dev/null");
    CHECK(tty.output.find("\x1b[31m[-a-]\x1b[0m\x1b[32m{+one+}\x1b[0m") != std::string::npos);
    RunResult plain = run("script -qec \"NO_COLOR=1 " + binary() + " diff " + both + "\" /dev/null");
    CHECK(plain.output.find("cites [-a-]{+one+} footnote") != std::string::npos);
    CHECK(plain.output.find('\x1b') == std::string::npos);
    std::string dir = temp_dir("diff-colour");
    run("script -qec \"" + binary() + " diff --out " + dir + "/d.txt " + both + "\" /dev/null");
    CHECK(read_file(dir + "/d.txt") == read_file(source_dir() + "/tests/golden/diff.txt"));
    fs::remove_all(dir);
}

TEST_CASE("word runs always rebuild both texts: kept + removed = OLD, kept + added = NEW") {
    auto rebuilds = [](const std::string& old_text, const std::string& new_text) {
        std::string old_side, new_side;
        for (const auto& run : diff::word_diff(old_text, new_text)) {
            if (run.op != diff::WordRun::Op::added) old_side += run.text;
            if (run.op != diff::WordRun::Op::removed) new_side += run.text;
        }
        INFO("OLD [" << old_text << "] NEW [" << new_text << "]");
        CHECK(old_side == old_text);
        CHECK(new_side == new_text);
    };
    // Found by fuzz_diff (fuzz/regressions/fuzz_diff/): an insertion, a space both sides share, then
    // a change lost that space on the OLD side.
    rebuilds("a b", "a x b c");
    rebuilds("Key initiatives include the following:", "Key initiatives include  - id: br-icao the end");
    // Every pair of short texts over a few words and spaces (a deterministic sweep).
    const std::vector<std::string> pieces{"a", "b", " ", "  ", "c", "\n"};
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1103515245u + 12345u; };
    auto text = [&] {
        std::string s;
        for (std::uint32_t n = (next() >> 16) % 7; n > 0; --n) s += pieces[(next() >> 16) % pieces.size()];
        return s;
    };
    for (int i = 0; i < 3000; ++i) rebuilds(text(), text());
}

TEST_CASE("a sector with two groups in one section: no self-difference, an edit in either group is one change") {
    // Found by fuzz_diff (fuzz/regressions/fuzz_diff/sector-with-two-groups): the second group of a
    // repeated sector matched nothing, so a document differed from itself.
    const std::string file = "sections/02-second.yaml";
    const std::string second_gs = "\n  - sector: GS\n    items:\n      - id: gs-later\n        text: A later GS item.\n";
    std::string twice = read_file(fixture_dir("diff-old") + "/" + file) + second_gs;
    Document doc = load("diff-old", {{file, twice}});
    CHECK(diff::compare(doc, doc).changes.empty());

    diff::Result r = diff::compare(doc, load("diff-old", {{file, replace_once(twice, "A later", "A last")}}));
    INFO(lines(r));
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].kind == diff::Kind::changed);
    CHECK(r.changes[0].location == "sections/second/initiatives/gs/items/gs-later");

    diff::Result first = diff::compare(doc, load("diff-old", {{file, replace_once(twice, "held online", "held in Geneva")}}));
    INFO(lines(first));
    REQUIRE(first.changes.size() == 1);
    CHECK(first.changes[0].location == "sections/second/initiatives/gs/items/gs-forum");

    diff::Result dropped = diff::compare(doc, load("diff-old", {{file, replace_once(twice, second_gs, "\n")}}));
    INFO(lines(dropped));
    REQUIRE(dropped.changes.size() == 1);
    CHECK(dropped.changes[0].kind == diff::Kind::removed);
    CHECK(dropped.changes[0].subject == "initiative group");
}
