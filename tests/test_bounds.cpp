// Time and memory bounds (issue 19): line/column lookups, line breaks, C1 controls, suggestions, element ids, diff budget.
#include "support.hpp"

#include "emit/html_markup.hpp"
#include "load/text_checks.hpp"

#include <itucollab/diff.hpp>
#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <set>

using namespace testsupport;
using itucollab::LoadResult;
using itucollab::load_corpus;
using itucollab::yaml::LineIndex;
using itucollab::yaml::Pos;

namespace {

std::string fixture_file(const std::string& rel) { return read_file(source_dir() + "/tests/fixtures/mini/" + rel); }

std::string diagnostics_with(const std::string& rel, const std::string& content) {
    auto fs = fixture("mini", {{rel, content}});
    return diagnostics_text(load_corpus(fs, "mini"));
}

// Positions the slow way: lines split at LF, CR LF and CR; columns count UTF-8 lead bytes.
Pos reference_position(const std::string& text, std::size_t offset) {
    Pos p{1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            ++p.line;
            p.column = 1;
        } else if (text[i] != '\r' && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

std::string join_runs(const std::vector<itucollab::diff::WordRun>& runs, itucollab::diff::WordRun::Op skip) {
    std::string out;
    for (const auto& r : runs) {
        if (r.op != skip) out += r.text;
    }
    return out;
}

}  // namespace

TEST_CASE("LineIndex: LF, CR LF and lone CR end lines, and columns count characters") {
    std::string text = "ab\ncd\r\nef\rgh\r\r\n\xC3\xA9x\n";
    LineIndex lines(text);
    CHECK(lines.lines() == 7);
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
        if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;  // inside a character
        if (offset > 0 && text[offset - 1] == '\r' && text[offset] == '\n') continue;  // between CR and LF
        Pos expected = reference_position(text, offset);
        Pos got = lines.position_of_offset(offset);
        INFO("offset " << offset);
        CHECK(got.line == expected.line);
        CHECK(got.column == expected.column);
    }
    CHECK(lines.position(5, 2).column == 2);  // "éx": byte 2 is 'x', the second character
}

TEST_CASE("LineIndex: one long line of mixed characters, every lookup exact") {
    std::mt19937 random(19);
    std::string text;
    const char* pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", ", "};
    while (text.size() < 300'000) text += pieces[random() % 5];
    LineIndex lines(text);
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (i % 997 == 0 || i < 600 || i + 4 >= text.size()) {  // short columns counted directly, long ones by blocks
            INFO("byte " << i);
            CHECK(lines.position(0, static_cast<int>(i)).column == static_cast<int>(characters) + 1);
        }
        ++characters;
    }
    CHECK(lines.position(0, static_cast<int>(text.size())).column == static_cast<int>(characters) + 1);
    // 200 000 lookups, each no dearer than one block: quadratic counting would take minutes here.
    long sum = 0;
    for (int k = 0; k < 200'000; ++k) sum += lines.position(0, static_cast<int>(text.size()) - k).column;
    CHECK(sum > 0);
}

TEST_CASE("a corpus file with CR or CR LF line endings loads, and diagnostics count its lines") {
    for (std::string eol : {"\r", "\r\n"}) {
        std::string text = fixture_file("sections/01-first.yaml");
        std::string converted;
        for (char c : text) converted += c == '\n' ? eol : std::string(1, c);
        INFO("line ending " << (eol == "\r" ? "CR" : "CR LF"));
        CHECK(diagnostics_with("sections/01-first.yaml", converted) == "");
        std::string broken = replace_once(converted, "title: First", "titel: First");
        CHECK(diagnostics_with("sections/01-first.yaml", broken).find(
                  "mini/sections/01-first.yaml:2:1: error: unknown key 'titel' in section (did you mean 'title'?) "
                  "[unknown-key]\n  titel: First section\n  ^\n") != std::string::npos);
        std::string late = replace_once(converted, "id: a-note", "id: a-note\r    bogus: 1");
        CHECK(diagnostics_with("sections/01-first.yaml", late).find("mini/sections/01-first.yaml:15:5: error: unknown key 'bogus'") !=
              std::string::npos);
    }
    auto fs = fixture("mini", {{"sections/01-first.yaml", replace_once(fixture_file("sections/01-first.yaml"), "\n", "\r")}});
    LoadResult result = load_corpus(fs, "mini");
    CHECK(diagnostics_text(result) == "");
    REQUIRE(result.document);
    CHECK(result.document->sections[0].title == "First section");
    CHECK(result.document->sections[0].paragraphs[0].text.source.find('\r') == std::string::npos);
}

TEST_CASE("C1 control characters are refused like C0 controls, raw or escaped") {
    std::string raw = replace_once(fixture_file("sections/01-first.yaml"), "title: First", "title: F\xC2\x9B" "irst");
    CHECK(diagnostics_with("sections/01-first.yaml", raw) ==
          "mini/sections/01-first.yaml:2:9: error: control character U+009B at byte offset 18 [control-character]\n");
    std::string nel = replace_once(fixture_file("sections/01-first.yaml"), "title: First", "title: a\xC2\x85 b");
    CHECK(diagnostics_with("sections/01-first.yaml", nel).find("2:9: error: control character U+0085") != std::string::npos);
    std::string escaped = replace_once(fixture_file("sections/01-first.yaml"), "title: First section", "title: \"F\\x9Birst\"");
    CHECK(diagnostics_with("sections/01-first.yaml", escaped).find(
              "mini/sections/01-first.yaml:2:8: error: the text holds control character U+009B (written as an escape); "
              "remove it [control-character]") != std::string::npos);
    // U+00A0 (no-break space, C2 A0) just after the C1 range stays allowed.
    std::string nbsp = replace_once(fixture_file("sections/01-first.yaml"), "title: First", "title: F\xC2\xA0irst");
    CHECK(diagnostics_with("sections/01-first.yaml", nbsp) == "");
}

TEST_CASE("Suggester answers like closest_match, once per word, within its budget") {
    std::mt19937 random(7);
    auto word = [&](std::size_t length) {
        std::string w;
        for (std::size_t i = 0; i < length; ++i) w += static_cast<char>('a' + random() % 4);
        return w;
    };
    std::vector<std::string> candidates;
    for (int i = 0; i < 300; ++i) candidates.push_back(word(1 + random() % 14));
    itucollab::Suggester suggester(candidates);
    for (int i = 0; i < 2000; ++i) {
        std::string w = i % 3 == 0 ? candidates[random() % candidates.size()] + word(random() % 3) : word(1 + random() % 14);
        INFO(w);
        REQUIRE(suggester.near(w) == itucollab::closest_match(w, candidates));
        REQUIRE(suggester.near(w) == itucollab::closest_match(w, candidates));  // the cached answer
    }
    itucollab::Suggester poor({"agency-000001", "agency-000002"}, 14 * 14);  // room for one comparison
    CHECK(poor.near("agency-00000x") == "");  // the budget ran out before the second candidate
    CHECK(poor.near("agency-00000y") == "");
}

TEST_CASE("10 000 unknown agencies against 10 000 known ones: every miss reported, suggestions bounded") {
    std::string registry = fixture_file("registry/registry.yaml");
    std::string entities;
    for (int i = 0; i < 10'000; ++i) entities += fmt::format("  - id: agency-{:06d}\n    acronym: A{}\n    name: Agency {}\n", i, i, i);
    registry = replace_once(registry, "instruments:\n", entities + "instruments:\n");
    std::string section = "id: many\ntitle: Many\nparagraphs:\n  - id: many-p\n    text: x\ninitiatives:\n  - sector: BR\n    items:\n";
    for (int i = 0; i < 10'000; ++i) section += fmt::format("      - id: item-{}\n        agency: agencx-{:06d}\n        text: t\n", i, i);
    auto fs = fixture("mini", {{"registry/registry.yaml", registry},
                               {"sections/03-many.yaml", section},
                               {"report.yaml", replace_once(fixture_file("report.yaml"), "  - sections/02-second.yaml\n",
                                                            "  - sections/02-second.yaml\n  - sections/03-many.yaml\n")}});
    itucollab::LoadOptions options;
    options.max_diagnostics = 0;  // no limit: every one of the 10 000 misses is looked up
    LoadResult result = load_corpus(fs, "mini", options);
    std::size_t dangling = 0, suggested = 0;
    for (const auto& d : result.diagnostics.all()) {
        if (d.code != "dangling-reference") continue;
        ++dangling;
        if (d.message.find("did you mean") != std::string::npos) ++suggested;
    }
    CHECK(dangling == 10'000);
    CHECK(suggested > 0);          // the first misses still get their suggestion…
    CHECK(suggested < 10'000);     // …until the run's budget for them is spent
    auto first = std::find_if(result.diagnostics.all().begin(), result.diagnostics.all().end(),
                              [](const itucollab::Diagnostic& d) { return d.code == "dangling-reference"; });
    REQUIRE(first != result.diagnostics.all().end());
    CHECK(first->message == "no UN entity with id 'agencx-000000' in the registries (did you mean 'agency-000000'?)");
}

TEST_CASE("IdRegistry: claiming one id 100 000 times is linear and every id stays unique") {
    itucollab::emit::html::IdRegistry ids;
    CHECK(ids.claim("fnref", "1-3") == "fnref-1-3");  // taken before the run of "fnref-1"
    CHECK(ids.claim("fnref", "1") == "fnref-1");
    CHECK(ids.claim("fnref", "1") == "fnref-1-2");
    CHECK(ids.claim("fnref", "1") == "fnref-1-4");  // skips the taken -3
    std::set<std::string> seen{"fnref-1-3", "fnref-1", "fnref-1-2", "fnref-1-4"};
    for (int i = 0; i < 100'000; ++i) REQUIRE(seen.insert(ids.claim("fnref", "1")).second);
    CHECK(ids.claim("fnref", "1") == "fnref-1-100005");
    CHECK(ids.claim("fnref", "1-100006") == "fnref-1-100006");
    CHECK(ids.claim("fnref", "1") == "fnref-1-100007");
}

TEST_CASE("100 000 references to one footnote render to HTML, each with its own anchor") {
    std::string section = "id: refs\ntitle: Refs\nparagraphs:\n";
    for (int i = 0; i < 20'000; ++i) section += fmt::format("  - id: r{}\n    text: a[^many] b[^many] c[^many] d[^many] e[^many]\n", i);
    section += "footnotes:\n  - id: many\n    text: The note.\n";
    itucollab::Document doc = load_mini({{"sections/03-refs.yaml", section},
                                         {"report.yaml", replace_once(fixture_file("report.yaml"), "  - sections/02-second.yaml\n",
                                                                      "  - sections/02-second.yaml\n  - sections/03-refs.yaml\n")}});
    const itucollab::Emitter* html = itucollab::find_emitter("html");
    REQUIRE(html);
    itucollab::EmitOptions options;
    options.templates_dir = source_dir() + "/templates";
    std::string page = html->render(doc, options);
    CHECK(page.find("id=\"fnref-2-100000\"") != std::string::npos);
    CHECK(page.find("id=\"fnref-2-100001\"") == std::string::npos);
}

TEST_CASE("diff: the word-pair budget of a run turns later fields into whole replacements, losing nothing") {
    namespace diff = itucollab::diff;
    auto text = [](int paragraph, const char* prefix) {
        std::string s;
        for (int w = 0; w < 300; ++w) s += fmt::format("{}{}w{} ", prefix, paragraph, w);
        return s;
    };
    std::string old_section = "id: big\ntitle: Big\nparagraphs:\n", new_section = old_section;
    for (int p = 0; p < 60; ++p) {
        old_section += fmt::format("  - id: p{}\n    text: {}\n", p, text(p, "o"));
        new_section += fmt::format("  - id: p{}\n    text: {}\n", p, replace_once(text(p, "o"), fmt::format("o{}w150 ", p), "changed "));
    }
    std::string report = replace_once(fixture_file("report.yaml"), "  - sections/02-second.yaml\n",
                                      "  - sections/02-second.yaml\n  - sections/03-big.yaml\n");
    itucollab::Document a = load_mini({{"sections/03-big.yaml", old_section}, {"report.yaml", report}});
    itucollab::Document b = load_mini({{"sections/03-big.yaml", new_section}, {"report.yaml", report}});
    diff::Options options;
    options.max_total_word_product = 10 * 600 * 601;  // room for about ten of the sixty fields
    diff::Result result = diff::compare(a, b, options);
    std::size_t word_level = 0, whole = 0;
    for (const auto& c : result.changes) {
        if (c.subject != "text") continue;
        CHECK(join_runs(c.words, diff::WordRun::Op::added) == c.old_text);
        CHECK(join_runs(c.words, diff::WordRun::Op::removed) == c.new_text);
        bool replaced = c.words.size() == 2 && c.words[0].op == diff::WordRun::Op::removed;  // a word-level one has same runs
        (replaced ? whole : word_level) += 1;
    }
    CHECK(word_level + whole == 60);
    CHECK(word_level >= 8);
    CHECK(word_level <= 12);
    CHECK(whole >= 48);
    diff::Options roomy;
    std::size_t all_word_level = 0;
    for (const auto& c : diff::compare(a, b, roomy).changes) {
        if (c.subject == "text" && c.words.size() > 2) ++all_word_level;
    }
    CHECK(all_word_level == 60);
}

TEST_CASE("corpus size limit: the YAML files together, before any is parsed") {
    auto fs = fixture("mini");
    itucollab::LoadOptions options;
    options.max_corpus_size = 1000;
    LoadResult result = load_corpus(fs, "mini", options);
    CHECK(result.status == LoadResult::Status::invalid);
    std::string text = diagnostics_text(result);
    CHECK(text.rfind("mini: error: the corpus has ", 0) == 0);
    CHECK(text.find("bytes of YAML, more than the limit of 1000 (--max-corpus-size raises it) [corpus-too-large]") !=
          std::string::npos);
    options.max_corpus_size = itucollab::LoadOptions{}.max_corpus_size;
    CHECK(diagnostics_text(load_corpus(fs, "mini", options)) == "");
}
