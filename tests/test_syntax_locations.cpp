// Syntax and markup errors are reported where the mistake is: unclosed constructs at their opening
// (human, GitHub and SARIF output), markup errors at their line and column inside block scalars.
#include "support.hpp"

#include <itucollab/report_formats.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace testsupport;
using itucollab::Diagnostic;
using itucollab::LoadResult;

namespace {

namespace fs = std::filesystem;

const std::string corpus = "c21";

// The bundled corpus in memory, with `line` inserted before line `at` (1-based) of `rel`.
itucollab::MemoryFileSystem bundled_with(const std::string& rel, int at, const std::string& line) {
    itucollab::MemoryFileSystem mem;
    fs::path root = fs::path(source_dir()) / "data" / "c21-inf-2";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::string path = entry.path().lexically_relative(root).generic_string();
        std::string text = read_file(entry.path().string());
        if (path == rel) {
            std::size_t offset = 0;
            for (int k = 1; k < at; ++k) offset = text.find('\n', offset) + 1;
            text.insert(offset, line + "\n");
        }
        mem.add(corpus + "/" + path, text);
    }
    return mem;
}

std::string planted_text(const std::string& rel, int at, const std::string& line) {
    std::string text = read_file(source_dir() + "/data/c21-inf-2/" + rel);
    std::size_t offset = 0;
    for (int k = 1; k < at; ++k) offset = text.find('\n', offset) + 1;
    return text.insert(offset, line + "\n");
}

// The one yaml-syntax diagnostic of a load; fails the test when there is not exactly one.
Diagnostic syntax_error(const LoadResult& result) {
    std::vector<Diagnostic> found;
    for (const auto& d : result.diagnostics.all()) {
        if (d.code == "yaml-syntax") found.push_back(d);
    }
    INFO(diagnostics_text(result));
    REQUIRE(found.size() == 1);
    return found.front();
}

struct Planted {
    const char* file;
    int at;
    const char* line;
    int open_line, open_column;  // where the construct opens: the reported location
    const char* message;         // the primary message, after "YAML syntax error: "
    int stop_line, stop_column;  // where the parser gave up: the note
};

// Each unclosed construct, planted in several corpus files.
const Planted planted[] = {
    {"sections/07-key-initiatives.yaml", 151, "        broken: [unclosed, x", 151, 17,
     "the list opened here with '[' is never closed with ']'", 152, 13},
    {"sections/07-key-initiatives.yaml", 151, "        broken: {unclosed: x", 151, 17,
     "the mapping opened here with '{' is never closed with '}'", 152, 13},
    {"sections/07-key-initiatives.yaml", 151, "        broken: [unclosed, \"x", 151, 28,
     "the quoted text opened here has no closing \"", 290, 1},
    {"sections/07-key-initiatives.yaml", 151, "        broken: \"unclosed x", 151, 17,
     "the quoted text opened here has no closing \"", 290, 1},
    {"report.yaml", 35, "  - [unclosed, x", 35, 5, "the list opened here with '[' is never closed with ']'", 45, 3},
    {"report.yaml", 17, "broken: [unclosed, \"x", 17, 20,
     "the quoted text opened here runs on to line 22, taking in the lines between; is a closing quote missing?", 22, 6},
    {"report.yaml", 17, "broken: \"unclosed x", 17, 9,
     "the quoted text opened here runs on to line 22, taking in the lines between; is a closing quote missing?", 22, 6},
    {"annex/mechanisms.yaml", 5, "    broken: [a, {b: c, d", 5, 17,
     "the mapping opened here with '{' is never closed with '}'", 8, 19},
    {"registry/un-entities.yaml", 5, "    broken: 'it''s x", 5, 13, "the quoted text opened here has no closing '", 0, 0},
};

}  // namespace

TEST_CASE("an unclosed flow collection or quote is reported where it opens, the give-up point as a note") {
    for (const Planted& p : planted) {
        INFO(p.file << ":" << p.at << ": " << p.line);
        auto mem = bundled_with(p.file, p.at, p.line);
        LoadResult result = itucollab::load_corpus(mem, corpus);
        Diagnostic d = syntax_error(result);
        CHECK(d.loc.file == corpus + "/" + p.file);
        CHECK(d.loc.line == p.open_line);
        CHECK(d.loc.column == p.open_column);
        CHECK(d.message == std::string("YAML syntax error: ") + p.message);
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].loc.file == d.loc.file);
        if (p.stop_line > 0) {
            CHECK(d.notes[0].loc.line == p.stop_line);
            CHECK(d.notes[0].loc.column == p.stop_column);
        }
    }
}

TEST_CASE("the opening location leads in human, GitHub and SARIF output, the note follows") {
    auto mem = bundled_with("sections/07-key-initiatives.yaml", 151, "        broken: [unclosed, x");
    LoadResult result = itucollab::load_corpus(mem, corpus);
    CHECK(diagnostics_text(result) ==
          R"(c21/sections/07-key-initiatives.yaml:151:17: error: YAML syntax error: the list opened here with '[' is never closed with ']' [yaml-syntax]
          broken: [unclosed, x
                  ^
c21/sections/07-key-initiatives.yaml:152:13: note: the parser gave up here: end of sequence flow not found
          text: >-
              ^
)");
    const auto& all = result.diagnostics.all();
    CHECK(itucollab::diagnostics_github(all) ==
          "::error file=c21/sections/07-key-initiatives.yaml,line=151,col=17,title=yaml-syntax::YAML syntax error: the "
          "list opened here with '[' is never closed with ']'%0Anote: c21/sections/07-key-initiatives.yaml:152:13: the "
          "parser gave up here: end of sequence flow not found\n");
    std::string sarif = itucollab::diagnostics_sarif(all, {"test", corpus});
    CHECK(sarif.find(R"("locations": [{"physicalLocation": {"artifactLocation": {"uri": "c21/sections/07-key-initiatives.yaml"}, "region": {"startLine": 151, "startColumn": 17}}}])") != std::string::npos);
    CHECK(sarif.find(R"("relatedLocations": [{"id": 0, "message": {"text": "the parser gave up here: end of sequence flow not found"}, "physicalLocation": {"artifactLocation": {"uri": "c21/sections/07-key-initiatives.yaml"}, "region": {"startLine": 152, "startColumn": 13}}}])") != std::string::npos);
    std::string json = itucollab::diagnostics_json(all, {"test", corpus});
    CHECK(json.find(R"("notes": [{"file": "c21/sections/07-key-initiatives.yaml", "line": 152, "column": 13, "message": "the parser gave up here: end of sequence flow not found"}])") != std::string::npos);
}

TEST_CASE("a syntax error inside a closed flow collection stays where the parser stopped, with the collection as a note") {
    auto mem = bundled_with("annex/annex.yaml", 23, "  other: [frequency, a: b: c, financial]");
    LoadResult result = itucollab::load_corpus(mem, corpus);
    Diagnostic d = syntax_error(result);
    INFO(diagnostics_text(result));
    CHECK(d.loc.line == 23);
    CHECK(d.loc.column > 12);  // at the second ':', not at the '['
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "inside the list opened here");
    CHECK(d.notes[0].loc.line == 23);
    CHECK(d.notes[0].loc.column == 10);
}

TEST_CASE("PyYAML names the same opening line for every planted construct (as precise or less)") {
    if (!have_tools({tool_python3(), tool_python_module("yaml", "python3-yaml")})) return;
    std::string dir = temp_dir("pyyaml");
    for (const Planted& p : planted) {
        INFO(p.file << ":" << p.at << ": " << p.line);
        std::string path = dir + "/planted.yaml";
        {
            std::ofstream out(path, std::ios::binary);
            out << planted_text(p.file, p.at, p.line);
        }
        RunResult py = run("/usr/bin/python3 -c 'import sys, yaml\ntry:\n  yaml.safe_load(open(sys.argv[1]))\n"
                           "except yaml.MarkedYAMLError as e:\n  m = e.context_mark or e.problem_mark\n"
                           "  print(e.context or \"\", m.line + 1, m.column + 1, sep=\"|\")' " + path);
        REQUIRE(py.status == 0);
        std::smatch m;
        std::string out = py.output;
        REQUIRE(std::regex_search(out, m, std::regex(R"(^(.*)\|(\d+)\|(\d+))")));
        int py_line = std::stoi(m[2]);
        std::string context = m[1];
        INFO("PyYAML: " << out);
        if (context.find("flow") != std::string::npos || context.find("quoted") != std::string::npos) {
            // PyYAML found the construct: ours is on the same line (at it, or at a quote inside it).
            CHECK(p.open_line == py_line);
        } else {
            // PyYAML names an enclosing block collection: ours is nearer the mistake.
            CHECK(p.open_line >= py_line);
        }
    }
}

TEST_CASE("a markup error inside a folded paragraph is reported at its own line and column") {
    std::string rel = "sections/07-key-initiatives.yaml";
    std::string text = read_file(source_dir() + "/data/c21-inf-2/" + rel);
    // The 4th line of the br-unoosa item's text: "orbits and the outcome of WRC-19 related to space. …".
    std::string bad = replace_once(text, "orbits and the outcome of WRC-19", "orbits and the [outcome](ftp://x.org) of WRC-19");
    itucollab::MemoryFileSystem mem = bundled_with(rel, 1, "# planted");
    mem.add(corpus + "/" + rel, "# planted\n" + bad);
    LoadResult result = itucollab::load_corpus(mem, corpus);
    INFO(diagnostics_text(result));
    const auto& all = result.diagnostics.all();
    REQUIRE(all.size() == 1);
    CHECK(all[0].code == "link-scheme");
    std::size_t line_start = bad.rfind('\n', bad.find("[outcome]")) + 1;
    int line = 2 + static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<long>(line_start), '\n'));
    CHECK(all[0].loc.line == line);
    CHECK(all[0].loc.column == static_cast<int>(bad.find("[outcome]") - line_start) + 1);
    CHECK(line > 20);
}

TEST_CASE("markup errors in literal, quoted and plain texts point into the text") {
    std::string rel = "annex/annex.yaml";
    std::string text = read_file(source_dir() + "/data/c21-inf-2/" + rel);
    struct Case {
        std::string from, to;
        int line_offset;  // lines after the key's line
        std::string before;  // what precedes the construct on its line
    };
    const Case cases[] = {
        {"  - Leadership, guidance and strategic direction", "  - \"Leadership, [see](ftp://x) direction\"", 0,
         "  - \"Leadership, "},
        {"  - Promotion and advocacy", "  - |-\n    Promotion\n    and ![img](https://x.org/a.png) advocacy", 2, "    and "},
        {"  - Leadership, guidance and strategic direction", "  - Leadership, guidance and `code` direction", 0,
         "  - Leadership, guidance and "},
    };
    for (const Case& c : cases) {
        INFO(c.to);
        std::string bad = replace_once(text, c.from, c.to);
        itucollab::MemoryFileSystem mem = bundled_with(rel, 1, "");
        mem.add(corpus + "/" + rel, bad);
        LoadResult result = itucollab::load_corpus(mem, corpus);
        INFO(diagnostics_text(result));
        REQUIRE(result.diagnostics.all().size() == 1);
        const Diagnostic& d = result.diagnostics.all()[0];
        std::size_t key_line_start = bad.find(c.to);
        int key_line = 1 + static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<long>(key_line_start), '\n'));
        CHECK(d.loc.line == key_line + c.line_offset);
        CHECK(d.loc.column == static_cast<int>(c.before.size()) + 1);
    }
}
