// The Markdown emitter: golden, and pandoc reading it back (seed coverage, table shape, escaping).
#include "support.hpp"
#include "word_coverage.hpp"

#include <itucollab/emitter.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace testsupport;
using namespace itucollab;

namespace {

std::string render_md(const Document& doc) { return find_emitter("md")->render(doc, {}); }

bool have_pandoc() { return have_tools({tool_command("pandoc", "pandoc")}); }

// Writes `content` to a file in a fresh temp directory and returns its path.
std::string write_temp(const std::string& tag, const std::string& name, const std::string& content) {
    std::string path = temp_dir(tag) + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// Replaces each table by its cells' blocks, row by row, so the plain text keeps the reading order
// of the cells (pandoc's plain writer lays a grid table out side by side, interleaving the cells).
constexpr const char* linearize_tables_filter = R"LUA(
local function cells_of(rows, out)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      for _, block in ipairs(cell.contents) do out[#out + 1] = block end
    end
  end
end
function Table(t)
  local out = {}
  cells_of(t.head.rows, out)
  for _, body in ipairs(t.bodies) do cells_of(body.body, out) end
  return out
end
)LUA";

// pandoc's plain text (standalone, so with the metadata title) of Markdown, tables linearized.
std::string pandoc_plain(const std::string& tag, const std::string& markdown) {
    std::string dir = temp_dir(tag);
    std::ofstream(dir + "/report.md", std::ios::binary) << markdown;
    std::ofstream(dir + "/linearize.lua", std::ios::binary) << linearize_tables_filter;
    RunResult r = run("pandoc -s -f markdown -t plain --wrap=none --lua-filter '" + dir + "/linearize.lua' '" + dir +
                      "/report.md'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

std::string mini_file(const std::string& rel) { return read_file(source_dir() + "/tests/fixtures/mini/" + rel); }

// Reports every table pandoc finds as "columns=… head=… body=… cells=…" (cells: distinct row widths).
constexpr const char* table_shape_filter = R"LUA(
local shapes = {}
function Table(t)
  local rows, widths = 0, {}
  for _, body in ipairs(t.bodies) do
    for _, row in ipairs(body.body) do
      rows = rows + 1
      widths[#row.cells] = true
    end
  end
  local cells = {}
  for n in pairs(widths) do cells[#cells + 1] = tostring(n) end
  table.sort(cells)
  local head = 0
  for _, row in ipairs(t.head.rows) do head = head + 1 end
  shapes[#shapes + 1] = string.format("columns=%d head=%d body=%d cells=%s", #t.colspecs, head, rows,
                                      table.concat(cells, ","))
end
function Pandoc(doc)
  return pandoc.Pandoc({pandoc.Plain({pandoc.Str("tables=" .. #shapes .. ";" .. table.concat(shapes, ";"))})})
end
)LUA";

}  // namespace

TEST_CASE("markdown: the mini fixture renders as its golden, deterministically") {
    Document doc = load_mini();
    std::string md = render_md(doc);
    CHECK(md == render_md(doc));
    CHECK(md.starts_with("---\ntitle: \"A MINIMAL REPORT\"\n"));
    CHECK(md.ends_with(".\n"));
    CHECK(md.find("[**1.1**]{#para-1-1} The opening paragraph cites a footnote.[^1]") != std::string::npos);
    CHECK(md.find("[^1]: See the references above.") != std::string::npos);
    CHECK(md.find("- **ICAO:** ITU worked with ICAO on spectrum.") != std::string::npos);
    CHECK(md.find("PP Res. 131 (Rev. Dubai, 2018)\\") != std::string::npos);  // hard break before the title
    check_golden("mini.md", md);
}

TEST_CASE("markdown: pandoc's plain text of the bundled report carries at least 99% of the seed's words in order") {
    if (!have_pandoc()) return;
    std::string md = render_md(load_bundled());
    std::string plain = pandoc_plain("md-seed", md);
    Coverage c = coverage(read_file(source_dir() + "/tests/seed/c21-inf-2-seed.txt"), plain);
    std::string missing;
    for (const auto& r : c.missing_runs) missing += "  [" + r + "]\n";
    INFO("matched " << c.matched << " of " << c.reference_words << " seed words; unmatched runs:\n" << missing);
    CHECK(c.ratio() >= 0.99);
    WARN("seed word coverage of pandoc's reading of the Markdown report: " << c.matched << "/" << c.reference_words
                                                                          << " = " << 100.0 * c.ratio() << "% ("
                                                                          << md.size() << " bytes of Markdown)");
}

TEST_CASE("markdown: pandoc reads the annex as one table of 6 columns, a header row and 55 body rows") {
    if (!have_pandoc()) return;
    std::string md = render_md(load_bundled());
    std::string dir = temp_dir("md-table");
    std::ofstream(dir + "/report.md", std::ios::binary) << md;
    std::ofstream(dir + "/shape.lua", std::ios::binary) << table_shape_filter;
    RunResult r = run("pandoc -f markdown -t plain --lua-filter '" + dir + "/shape.lua' '" + dir + "/report.md'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output == "tables=1;columns=6 head=1 body=55 cells=6\n");

    // the mini fixture too: its two rows, and the blank cell stays a cell
    RunResult mini = run("pandoc -f markdown -t plain --lua-filter '" + dir + "/shape.lua' '" +
                         write_temp("md-table-mini", "mini.md", render_md(load_mini())) + "'");
    CHECK(mini.output == "tables=1;columns=6 head=1 body=2 cells=6\n");
}

namespace {

// After the corpus's own escapes, the text holds emphasis marks, brackets, raw HTML, a list marker, a
// pipe, dashes, an ellipsis, quotes, math, a citation, an entity, sub/superscript …
const std::string tricky =
    R"(\*not emphasis\* \[x\] <b> 1. x | y -- a...b 'q' "dq" $x$ @cite \&amp; ~s~ ^s^ # h {a} \`c\` \_u\_ \\ back <!-- c --> 2020. x)";
// … and what a reader must see.
const std::string literal =
    R"(*not emphasis* [x] <b> 1. x | y -- a...b 'q' "dq" $x$ @cite &amp; ~s~ ^s^ # h {a} `c` _u_ \ back <!-- c --> 2020. x)";

// The mini fixture with `tricky` in a bullet, a footnote, a table cell and the title.
Document tricky_document() {
    std::string section = mini_file("sections/01-first.yaml");
    section = replace_once(section, "      - Another bullet.", "      - >-\n        1. " + tricky);
    section = replace_once(section, "text: See the references above.", "text: >-\n      - " + tricky);
    std::string mechanisms =
        replace_once(mini_file("annex/mechanisms.yaml"), "key_activity: Crowdsources ideas.", "key_activity: >-\n      + " + tricky);
    std::string report =
        replace_once(mini_file("report.yaml"), "title: A MINIMAL REPORT", "title: '# A *title* [x] -- \"q\" ''s'' \\ back'");
    Document doc = load_mini({{"sections/01-first.yaml", section},
                              {"annex/mechanisms.yaml", mechanisms},
                              {"report.yaml", report}});
    REQUIRE(plain_text(doc.sections[0].paragraphs[1].bullets[1].spans) == "1. " + literal);
    REQUIRE(plain_text(doc.sections[0].footnotes[0].text.spans) == "- " + literal);
    REQUIRE(plain_text(doc.annex.mechanisms[1].key_activity->spans) == "+ " + literal);
    return doc;
}

}  // namespace

TEST_CASE("markdown: text that looks like Markdown is escaped") {
    std::string md = render_md(tricky_document());
    CHECK(md.find("- 1\\. \\*not emphasis\\* \\[x\\] \\<b\\> 1. x \\| y") != std::string::npos);
}

TEST_CASE("markdown: text that looks like Markdown comes out of pandoc as the same literal text") {
    if (!have_pandoc()) return;
    std::string md = render_md(tricky_document());
    std::string plain = pandoc_plain("md-escape", md);
    INFO(plain);
    CHECK(plain.starts_with("# A *title* [x] -- \"q\" 's' \\ back\n"));  // the metadata title
    CHECK(plain.find("-   1. " + literal + "\n") != std::string::npos);   // a bullet starting "1."
    CHECK(plain.find("[1] - " + literal + "\n") != std::string::npos);     // a footnote starting "-"
    CHECK(plain.find("\n+ " + literal + "\n") != std::string::npos);      // a table cell starting "+"

    std::string native_path = write_temp("md-escape-native", "escape.md", md);
    RunResult forbidden = run("pandoc -f markdown -t native '" + native_path +
                              "' | grep -c -E 'Code|Math|Cite|RawInline|RawBlock|Quoted|Subscript|Superscript|Strikeout'");
    CHECK(forbidden.output == "0\n");
    RunResult emphasis = run("pandoc -f markdown -t native '" + native_path + "' | grep -c Emph");
    CHECK(emphasis.output == "1\n");  // only the summary's *every*
}
