// Loader diagnostics, asserted by exact text on an in-memory copy of the mini fixture.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace testsupport;
using itucollab::LoadResult;
using itucollab::load_corpus;

namespace {

std::string fixture_file(const std::string& rel) { return read_file(source_dir() + "/tests/fixtures/mini/" + rel); }

// Loads the mini fixture with one file replaced by `content`, and returns the diagnostics text.
std::string diagnostics_with(const std::string& rel, const std::string& content) {
    auto fs = fixture("mini", {{rel, content}});
    LoadResult result = load_corpus(fs, "mini");
    CHECK(result.status != LoadResult::Status::ok);
    CHECK_FALSE(result.document.has_value());
    return diagnostics_text(result);
}

}  // namespace

TEST_CASE("the mini fixture loads without diagnostics") {
    auto fs = fixture("mini");
    LoadResult result = load_corpus(fs, "mini");
    CHECK(diagnostics_text(result) == "");
    REQUIRE(result.document.has_value());
    CHECK(result.document->sections.size() == 2);
    CHECK(result.document->annex.mechanisms.size() == 2);
}

TEST_CASE("unknown key: reported with a suggestion, and the missing key too") {
    std::string text = replace_once(fixture_file("sections/01-first.yaml"), "title: First", "titel: First");
    CHECK(diagnostics_with("sections/01-first.yaml", text) == R"(mini/sections/01-first.yaml:1:1: error: missing required key 'title' in section [missing-field]
  id: first
  ^
mini/sections/01-first.yaml:2:1: error: unknown key 'titel' in section (did you mean 'title'?) [unknown-key]
  titel: First section
  ^
)");
}

TEST_CASE("wrong type") {
    std::string text = replace_once(fixture_file("registry/registry.yaml"), "year: 2018", "year: twenty");
    CHECK(diagnostics_with("registry/registry.yaml", text) == R"(mini/registry/registry.yaml:12:11: error: 'year' must be a whole number, found 'twenty' [wrong-type]
      year: twenty
            ^
)");
}

TEST_CASE("missing required field") {
    std::string text = replace_once(fixture_file("report.yaml"), "  venue: Geneva\n", "");
    CHECK(diagnostics_with("report.yaml", text) == R"(mini/report.yaml:6:3: error: missing required key 'venue' in session [missing-field]
    name: Council 2099
    ^
)");
}

TEST_CASE("duplicate id") {
    std::string text = replace_once(fixture_file("annex/mechanisms.yaml"), "id: young-un", "id: opening");
    CHECK(diagnostics_with("annex/mechanisms.yaml", text) ==
          R"(mini/annex/mechanisms.yaml:14:9: error: duplicate mechanism id 'opening' (first declared at mini/sections/01-first.yaml:4:9) [duplicate-id]
    - id: opening
          ^
)");
}

TEST_CASE("dangling reference to the registry, with a suggestion") {
    std::string text = replace_once(fixture_file("annex/mechanisms.yaml"), "cite: pp-res-131", "cite: pp-res-13");
    CHECK(diagnostics_with("annex/mechanisms.yaml", text) ==
          R"(mini/annex/mechanisms.yaml:8:15: error: no instrument with id 'pp-res-13' in the registries (did you mean 'pp-res-131'?) [dangling-reference]
        - cite: pp-res-13
                ^
mini/registry/registry.yaml:6:9: warning: instrument 'pp-res-131' is never cited; remove it or cite it [unused-registry-entry]
    - id: pp-res-131
          ^
)");
}

TEST_CASE("YAML syntax error") {
    std::string text = replace_once(fixture_file("annex/annex.yaml"), "columns: [frequency, financial]",
                                    "columns: [frequency, financial");
    CHECK(diagnostics_with("annex/annex.yaml", text) ==
          R"(mini/annex/annex.yaml:15:12: error: YAML syntax error: the list opened here with '[' is never closed with ']' [yaml-syntax]
    columns: [frequency, financial
             ^
mini/annex/annex.yaml:16:7: note: the parser gave up here: end of sequence flow not found
    text: More than half of the meetings are virtual.
        ^
)");
}

TEST_CASE("deep nesting is refused before yaml-cpp's own guard") {
    std::string deep = "id: first\ntitle: " + std::string(70, '[') + std::string(70, ']') + "\n";
    CHECK(diagnostics_with("sections/01-first.yaml", deep) ==
          "mini/sections/01-first.yaml:2:71: error: nesting deeper than 64 levels [nesting-too-deep]\n  " +
              deep.substr(10, deep.size() - 11) + "\n  " + std::string(70, ' ') + "^\n");
}

TEST_CASE("all diagnostics are collected, not just the first") {
    std::string section = replace_once(fixture_file("sections/01-first.yaml"), "title: First", "titel: First");
    std::string annex = replace_once(fixture_file("annex/mechanisms.yaml"), "cite: pp-res-131", "cite: pp-res-999");
    auto fs = fixture("mini", {{"sections/01-first.yaml", section}, {"annex/mechanisms.yaml", annex}});
    LoadResult result = load_corpus(fs, "mini");
    CHECK(diagnostics_text(result) ==
          R"(mini/annex/mechanisms.yaml:8:15: error: no instrument with id 'pp-res-999' in the registries [dangling-reference]
        - cite: pp-res-999
                ^
mini/registry/registry.yaml:6:9: warning: instrument 'pp-res-131' is never cited; remove it or cite it [unused-registry-entry]
    - id: pp-res-131
          ^
mini/sections/01-first.yaml:1:1: error: missing required key 'title' in section [missing-field]
  id: first
  ^
mini/sections/01-first.yaml:2:1: error: unknown key 'titel' in section (did you mean 'title'?) [unknown-key]
  titel: First section
  ^
)");
}

TEST_CASE("duplicate keys in one mapping are errors") {
    std::string text = replace_once(fixture_file("report.yaml"), "distribution: English only\n",
                                    "distribution: English only\ndistribution: French only\n");
    CHECK(diagnostics_with("report.yaml", text) ==
          R"(mini/report.yaml:12:1: error: duplicate key 'distribution' (first written on line 11) [duplicate-key]
  distribution: French only
  ^
)");
}

TEST_CASE("anchors and aliases are refused") {
    std::string text = replace_once(fixture_file("report.yaml"), "origin: Report", "origin: &o Report");
    CHECK(diagnostics_with("report.yaml", text) ==
          R"(mini/report.yaml:12:9: error: YAML anchors (&name) are not allowed; cite registry entries by id instead [yaml-anchor]
  origin: &o Report by the Secretary-General
          ^
)");
}

TEST_CASE("a YAML file that report.yaml does not list is reported") {
    CHECK(diagnostics_with("sections/03-stray.yaml", "id: stray\n") ==
          "mini/sections/03-stray.yaml:1:1: error: this YAML file is not listed in report.yaml; list it there or "
          "remove it [unlisted-file]\n");
}

TEST_CASE("a listed file that does not exist is reported with a suggestion") {
    std::string text = replace_once(fixture_file("report.yaml"), "sections/02-second.yaml", "sections/02-secnd.yaml");
    CHECK(diagnostics_with("report.yaml", text) ==
          R"(mini/report.yaml:18:5: error: no file 'sections/02-secnd.yaml' in the corpus (did you mean 'sections/02-second.yaml'?) [missing-file]
    - sections/02-secnd.yaml
      ^
mini/sections/02-second.yaml:1:1: error: this YAML file is not listed in report.yaml; list it there or remove it [unlisted-file]
)");
}

TEST_CASE("invalid UTF-8 is reported with its byte offset") {
    std::string text = replace_once(fixture_file("sections/02-second.yaml"), "Initiatives", "Initi\xff");
    CHECK(diagnostics_with("sections/02-second.yaml", text) ==
          "mini/sections/02-second.yaml:2:13: error: invalid UTF-8 byte 0xFF at byte offset 23 [invalid-utf8]\n"
          "  title: Initi\xEF\xBF\xBD\n"
          "              ^\n");
}

TEST_CASE("unknown sector with a suggestion") {
    std::string text = replace_once(fixture_file("sections/02-second.yaml"), "sector: GS", "sector: GSS");
    CHECK(diagnostics_with("sections/02-second.yaml", text) ==
          R"(mini/sections/02-second.yaml:14:13: error: unknown sector 'GSS': expected BR, TSB, BDT or GS (did you mean 'GS'?) [unknown-sector]
    - sector: GSS
              ^
)");
}

namespace {

// The suggestion rule written the plain way (full matrix, every candidate): the reference the
// pruned search in src/diag must agree with.
std::string reference_closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return {};
    auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            for (std::size_t j = 1; j <= b.size(); ++j) {
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.size()][b.size()];
    };
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        std::size_t d = distance(word, c);
        if (best.empty() || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best.size()) / 4);
    if (best.empty() || best_distance == 0 || best_distance > allowed) return {};
    return best;
}

}  // namespace

TEST_CASE("suggestions: the pruned search agrees with the plain rule") {
    CHECK(itucollab::closest_match("titel", {"id", "title", "paragraphs"}) == "title");
    CHECK(itucollab::closest_match("title", {"id", "title"}).empty());                  // exact: no suggestion
    CHECK(itucollab::closest_match("paragraphsxxxx", {"paragraphs"}).empty());           // too far
    CHECK(itucollab::closest_match("sections/02-secnd.yaml", {"report.yaml", "sections/02-second.yaml"}) ==
          "sections/02-second.yaml");

    std::uint32_t state = 12345;  // a fixed linear congruential sequence: reproducible words
    auto next = [&state](std::uint32_t bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    auto word = [&next](std::size_t max_length) {
        std::string w(next(static_cast<std::uint32_t>(max_length) + 1), ' ');
        for (char& c : w) c = "abcde-"[next(6)];
        return w;
    };
    int suggestions = 0;
    for (int round = 0; round < 4000; ++round) {
        std::vector<std::string> candidates;
        for (std::uint32_t k = next(8); k > 0; --k) candidates.push_back(word(20));
        std::string w = word(20);
        if (!candidates.empty() && next(2) == 0) {  // often a candidate with one to three edits
            w = candidates[next(static_cast<std::uint32_t>(candidates.size()))];
            for (std::uint32_t edits = 1 + next(3); edits > 0; --edits) {
                auto at = next(static_cast<std::uint32_t>(w.size()) + 1);
                switch (next(3)) {
                    case 0: w.insert(w.begin() + at, 'x'); break;
                    case 1: if (at < w.size()) w.erase(w.begin() + at); break;
                    default: if (at < w.size()) w[at] = 'y'; break;
                }
            }
        }
        std::string expected = reference_closest_match(w, candidates);
        suggestions += expected.empty() ? 0 : 1;
        INFO("word '" << w << "'");
        REQUIRE(itucollab::closest_match(w, candidates) == expected);
    }
    CHECK(suggestions > 400);  // the sweep exercises suggestions, not only refusals
}
