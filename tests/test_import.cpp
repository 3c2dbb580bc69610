// `itucollab import`: round trips of our DOCX, LibreOffice and pandoc copies, tracked changes, edits.
#include "support.hpp"
#include "test_import_support.hpp"
#include "word_coverage.hpp"

#include "import/corpus_writer.hpp"
#include "import/import.hpp"

#include <itucollab/loader.hpp>

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace testsupport;
using namespace itucollab;
namespace fs = std::filesystem;

namespace {

std::string bundled() { return source_dir() + "/data/c21-inf-2"; }

LoadResult load_disk(const std::string& dir) {
    DiskFileSystem disk;
    return load_corpus(disk, dir);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Imports `docx` into DIR/imported and returns the text report of the result.
std::string imported_text(const std::string& docx, const std::string& dir, const std::string& flags = "") {
    ImportRun r = run_import(docx, dir + "/imported", flags);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return text_report(dir + "/imported", dir + "/imported-out");
}

void round_trip(const std::string& corpus, const std::string& tag) {
    std::string dir = temp_dir(tag);
    std::string docx = build_docx(corpus, dir + "/out");
    std::string original = text_report(corpus, dir + "/original-out");
    std::string imported = imported_text(docx, dir);
    CHECK(imported == original);
    // The corpus loads without errors and without unplaced content.
    LoadResult loaded = load_disk(dir + "/imported");
    CHECK(loaded.status == LoadResult::Status::ok);
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
    return doc;
}

std::string serialise(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    return out.str();
}

// The n-th (0-based) w:p of the body whose text contains `needle`.
pugi::xml_node paragraph_with(pugi::xml_node body, const std::string& needle) {
    for (pugi::xpath_node p : body.select_nodes(".//w:p")) {
        std::string text;
        for (pugi::xpath_node t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
        if (text.find(needle) != std::string::npos) return p.node();
    }
    FAIL("no paragraph with " << needle);
    return {};
}

void append_fragment(pugi::xml_node parent, const std::string& xml, pugi::xml_node before = {}) {
    pugi::xml_document fragment;
    std::string wrapped = "<root xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" + xml + "</root>";
    REQUIRE(fragment.load_string(wrapped.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    for (pugi::xml_node child : fragment.document_element().children()) {
        if (before) parent.insert_copy_before(child, before);
        else parent.append_copy(child);
    }
}

// Our DOCX of the bundled corpus with one revision of every kind, under known marker words.
std::string docx_with_revisions(const std::string& dir) {
    std::string docx = build_docx(bundled(), dir + "/out");
    ZipEntries entries = unzip_file(docx);
    std::string& xml = entry(entries, "word/document.xml");
    pugi::xml_document doc = parse(xml);
    pugi::xml_node body = doc.document_element().child("w:body");
    const std::string who = R"( w:id="90" w:author="Reviewer" w:date="2021-04-01T00:00:00Z")";
    // An insertion and a deletion at the start of two paragraphs.
    pugi::xml_node p31 = paragraph_with(body, "As the UN specialized agency for ICTs");
    append_fragment(p31, "<w:ins" + who + "><w:r><w:t xml:space=\"preserve\">INSERTEDWORD </w:t></w:r></w:ins>",
                    p31.child("w:r"));
    pugi::xml_node p32 = paragraph_with(body, "ITU continued to follow, participate");
    append_fragment(p32, "<w:del" + who + "><w:r><w:delText xml:space=\"preserve\">DELETEDWORD </w:delText></w:r></w:del>",
                    p32.child("w:r"));
    // A move from one paragraph to another.
    pugi::xml_node p41 = paragraph_with(body, "ITU continued to follow and provide input");
    append_fragment(p41, "<w:moveFrom" + who + "><w:r><w:t xml:space=\"preserve\"> MOVEDWORD</w:t></w:r></w:moveFrom>");
    pugi::xml_node p42 = paragraph_with(body, "ITU continued to ensured that");
    append_fragment(p42, "<w:moveTo" + who + "><w:r><w:t xml:space=\"preserve\"> MOVEDWORD</w:t></w:r></w:moveTo>");
    // A formatting change: the first run of 5.1 made italic.
    pugi::xml_node p51 = paragraph_with(body, "Due to the COVID-19 pandemic");
    pugi::xml_node run = p51.child("w:r");
    pugi::xml_node rpr = run.prepend_child("w:rPr");
    rpr.append_child("w:i");
    append_fragment(rpr, "<w:rPrChange" + who + "><w:rPr/></w:rPrChange>");
    // An inserted paragraph (its mark inserted too) after paragraph 1.1.
    pugi::xml_node p11 = paragraph_with(body, "As a United Nations (UN) Specialized Agency");
    append_fragment(body,
                    "<w:p><w:pPr><w:pStyle w:val=\"NumberedParagraph\"/><w:rPr><w:ins" + who +
                        "/></w:rPr></w:pPr><w:ins" + who + "><w:r><w:t>INSERTEDPARAGRAPH</w:t></w:r></w:ins></w:p>",
                    p11.next_sibling());
    // An inserted annex row, a copy of the last one renamed.
    pugi::xml_node table = body.last_child();
    while (table && std::string(table.name()) != "w:tbl") table = table.previous_sibling();
    REQUIRE(table);
    pugi::xml_node row = table.append_copy(table.last_child());
    append_fragment(row.child("w:trPr"), "<w:ins" + who + "/>");
    row.select_node(".//w:t").node().text().set("INSERTEDROW");
    xml = serialise(doc);
    std::string edited = dir + "/revisions.docx";
    zip_file(edited, entries);
    return edited;
}

}  // namespace

TEST_CASE("import: our DOCX of data/c21-inf-2 gives back the same text report, byte for byte") {
    round_trip(bundled(), "import-bundled");
}

TEST_CASE("import: our DOCX of tests/fixtures/diff-new gives back the same text report") {
    round_trip(source_dir() + "/tests/fixtures/diff-new", "import-diff-new");
}

TEST_CASE("import: a copy re-saved by LibreOffice gives back the same text report") {
    if (!have_tools({tool_command("soffice", "libreoffice-writer")})) return;
    std::string dir = temp_dir("import-lo");
    std::string docx = build_docx(bundled(), dir + "/out");
    RunResult lo = run("cd '" + dir + "' && HOME='" + dir + "' timeout 300 soffice --headless --convert-to docx --outdir '" +
                       dir + "/lo' '" + docx + "'");
    INFO(lo.output);
    REQUIRE(lo.status == 0);
    std::string resaved = dir + "/lo/" + fs::path(docx).filename().string();
    REQUIRE(fs::exists(resaved));
    CHECK(imported_text(resaved, dir) == text_report(bundled(), dir + "/original-out"));
}

TEST_CASE("import: a pandoc DOCX of our Markdown checks clean with 9 sections, 55 mechanisms and >= 98% of the seed") {
    if (!have_tools({tool_command("pandoc", "pandoc")})) return;
    std::string dir = temp_dir("import-pandoc");
    build_docx(bundled(), dir + "/out");
    RunResult p = run("cd '" + dir + "/out' && pandoc C21-INF-2-E.md -o '" + dir + "/pandoc.docx'");
    INFO(p.output);
    REQUIRE(p.status == 0);
    ImportRun r = run_import(dir + "/pandoc.docx", dir + "/imported");
    INFO(r.output);
    REQUIRE(r.status == 0);
    LoadResult loaded = load_disk(dir + "/imported");
    REQUIRE(loaded.status == LoadResult::Status::ok);
    REQUIRE(loaded.document);
    CHECK(loaded.document->sections.size() == 9);
    CHECK(loaded.document->annex.mechanisms.size() == 55);
    CHECK(loaded.diagnostics.error_count() == 0);
    std::string text = text_report(dir + "/imported", dir + "/imported-out");
    Coverage c = coverage(read_file(source_dir() + "/tests/seed/c21-inf-2-seed.txt"), text);
    WARN("seed word coverage of the pandoc import: " << c.matched << "/" << c.reference_words << " = " << c.ratio());
    CHECK(c.ratio() >= 0.98);
}

TEST_CASE("import: one run's text edited in the DOCX comes back as exactly that one change") {
    std::string dir = temp_dir("import-edit");
    std::string docx = build_docx(bundled(), dir + "/out");
    ZipEntries entries = unzip_file(docx);
    std::string& xml = entry(entries, "word/document.xml");
    REQUIRE(count(xml, "Covid-10 pandemic") == 1);
    xml = std::regex_replace(xml, std::regex("Covid-10 pandemic"), "Covid-19 pandemic");
    zip_file(dir + "/edited.docx", entries);
    REQUIRE(run_import(docx, dir + "/a").status == 0);
    REQUIRE(run_import(dir + "/edited.docx", dir + "/b").status == 0);
    RunResult d = run(binary() + " diff '" + dir + "/a' '" + dir + "/b'");
    INFO(d.output);
    CHECK(d.status == 1);
    CHECK(d.output.starts_with("2.1, United Nations Comprehensive Response to Covid-19: "));  // one paragraph's text
    CHECK(count(d.output, "\n") == 2);
    CHECK(d.output.find("[-Covid-10-]{+Covid-19+}") != std::string::npos);
    CHECK(d.output.find("1 change: 0 added, 0 removed, 1 changed, 0 moved, 0 renamed") != std::string::npos);
}

TEST_CASE("import: a run edited with python-docx comes back as exactly that one change") {
    if (!have_tools({tool_python3(), tool_python_module("docx", "python3-docx")})) return;
    std::string dir = temp_dir("import-python-docx");
    std::string docx = build_docx(bundled(), dir + "/out");
    std::string script = dir + "/edit.py";
    {
        std::ofstream out(script);
        out << "import docx, sys\n"
               "d = docx.Document(sys.argv[1])\n"
               "for p in d.paragraphs:\n"
               "    for r in p.runs:\n"
               "        if 'Covid-10 pandemic' in r.text:\n"
               "            r.text = r.text.replace('Covid-10 pandemic', 'Covid-19 pandemic')\n"
               "d.save(sys.argv[2])\n";
    }
    RunResult edit = run("/usr/bin/python3 '" + script + "' '" + docx + "' '" + dir + "/edited.docx'");
    INFO(edit.output);
    REQUIRE(edit.status == 0);
    REQUIRE(run_import(docx, dir + "/a").status == 0);
    REQUIRE(run_import(dir + "/edited.docx", dir + "/b").status == 0);
    RunResult d = run(binary() + " diff '" + dir + "/a' '" + dir + "/b'");
    INFO(d.output);
    CHECK(d.output.starts_with("2.1, United Nations Comprehensive Response to Covid-19: "));  // one paragraph's text
    CHECK(count(d.output, "\n") == 2);
    CHECK(d.output.find("[-Covid-10-]{+Covid-19+}") != std::string::npos);
    CHECK(d.output.find("1 change: 0 added, 0 removed, 1 changed, 0 moved, 0 renamed") != std::string::npos);
}

TEST_CASE("import: tracked changes are refused with their count, accepted with --accept, rejected with --reject") {
    std::string dir = temp_dir("import-revisions");
    std::string docx = docx_with_revisions(dir);
    ImportRun refused = run_import(docx, dir + "/refused");
    INFO(refused.output);
    CHECK(refused.status == 2);
    CHECK(refused.output.find("8 revisions (2 insertions, 1 deletion, 2 moves, 1 paragraph-mark revision, "
                              "1 row/cell revision, 1 formatting change); use --accept or --reject") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/refused"));

    std::string accepted = imported_text(docx, dir + "/accept", "--accept");
    CHECK(count(accepted, "INSERTEDWORD") == 1);
    CHECK(count(accepted, "DELETEDWORD") == 0);
    CHECK(count(accepted, "MOVEDWORD") == 1);
    CHECK(accepted.find("ensured that key ITU") != std::string::npos);
    CHECK(count(accepted, "INSERTEDPARAGRAPH") == 1);
    CHECK(count(accepted, "INSERTEDROW") == 1);
    LoadResult acc = load_disk(dir + "/accept/imported");
    REQUIRE(acc.document);
    CHECK(acc.document->annex.mechanisms.size() == 56);
    CHECK(acc.document->sections[4].paragraphs[0].text.source.starts_with("*Due to the COVID-19"));

    // Rejecting every revision gives back the document as it was before the reviewer's edits: the
    // original words in order, with the deleted word and the moved word back in their old places.
    std::string rejected = imported_text(docx, dir + "/reject", "--reject");
    CHECK(count(rejected, "INSERTED") == 0);
    CHECK(count(rejected, "DELETEDWORD") == 1);
    CHECK(count(rejected, "MOVEDWORD") == 1);
    CHECK(rejected.find("DELETEDWORD ITU continued to follow, participate") != std::string::npos);
    std::vector<std::string> words_back = words(rejected);
    std::erase_if(words_back, [](const std::string& w) { return w == "DELETEDWORD" || w == "MOVEDWORD"; });
    CHECK(words_back == words(text_report(bundled(), dir + "/original-out")));
    LoadResult rej = load_disk(dir + "/reject/imported");
    REQUIRE(rej.document);
    CHECK(rej.document->annex.mechanisms.size() == 55);
    CHECK(rej.document->sections[4].paragraphs[0].text.source.starts_with("Due to the COVID-19"));
}

TEST_CASE("import: a non-empty DIR is refused with nothing written, and the default DIR derives from the symbol") {
    std::string dir = temp_dir("import-dir");
    std::string docx = build_docx(bundled(), dir + "/out");
    fs::create_directories(dir + "/full");
    { std::ofstream(dir + "/full/keep.txt") << "mine"; }
    ImportRun r = run_import(docx, dir + "/full");
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("is not an empty directory") != std::string::npos);
    CHECK(read_file(dir + "/full/keep.txt") == "mine");
    CHECK(std::distance(fs::directory_iterator(dir + "/full"), fs::directory_iterator()) == 1);
    RunResult d = run("cd '" + dir + "' && " + binary() + " import '" + docx + "'");
    INFO(d.output);
    CHECK(d.status == 0);
    CHECK(fs::exists(dir + "/data/c21-inf-2/report.yaml"));
    CHECK(import::default_corpus_dir("C21/INF/2") == "data/c21-inf-2");
}

TEST_CASE("import: the corpus writer quotes hostile text so that YAML reads it back unchanged") {
    const std::vector<std::string> hostile{
        "key: value", "# not a comment", "- not a list", "'single'", "\"double\"", "*alias", "&anchor", "!tag",
        "%directive", "@at", "`tick`", "{a: b}", "[a, b]", "a\u00a0b", "yes", "no", "~", "null", "true", "12",
        "1.5", "2021-03-23", "0x1F", ".inf", "trailing:", "a #b", "tab\there", "line\nbreak", " lead", "trail ",
        "two  spaces in a long line that must be folded or quoted because it is longer than the line width of eighty-eight",
        "", "back\\slash", "\u2028sep", "ok plain text, with commas; and (brackets)"};
    for (const std::string& text : hostile) {
        for (std::size_t column : {0u, 6u}) {
            std::string yaml = "k:" + import::yaml_value(text, column + 2, column + 2);
            YAML::Node node = YAML::Load(yaml);
            INFO(yaml);
            CHECK(node["k"].as<std::string>() == text);
            static const std::set<std::string> typed{"yes", "no", "~", "null", "true", "12", "1.5", "2021-03-23", "0x1F", ".inf", ""};
            if (typed.count(text)) CHECK(node["k"].Tag() == "!");  // quoted: never read as a bool, number or null
        }
    }
}

TEST_CASE("import: comments are dropped with a warning that counts them") {
    std::string dir = temp_dir("import-comments");
    std::string docx = build_docx(bundled(), dir + "/out");
    ZipEntries entries = unzip_file(docx);
    std::string& xml = entry(entries, "word/document.xml");
    pugi::xml_document doc = parse(xml);
    pugi::xml_node body = doc.document_element().child("w:body");
    for (const char* needle : {"As a United Nations (UN) Specialized Agency", "Due to the COVID-19 pandemic"}) {
        static int id = 0;
        pugi::xml_node p = paragraph_with(body, needle);
        std::string n = std::to_string(++id);
        append_fragment(p, "<w:commentRangeStart w:id=\"" + n + "\"/>", p.child("w:r"));
        append_fragment(p, "<w:commentRangeEnd w:id=\"" + n + "\"/><w:r><w:commentReference w:id=\"" + n + "\"/></w:r>");
    }
    xml = serialise(doc);
    zip_file(dir + "/commented.docx", entries);
    ImportRun r = run_import(dir + "/commented.docx", dir + "/imported");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("warning: 2 comment(s) dropped") != std::string::npos);
    CHECK(text_report(dir + "/imported", dir + "/imported-out") == text_report(bundled(), dir + "/original-out"));
}

TEST_CASE("import: content it cannot place is a warning naming its DOCX location, and exit 1") {
    std::string dir = temp_dir("import-unplaced");
    std::string docx = build_docx(bundled(), dir + "/out");
    ZipEntries entries = unzip_file(docx);
    std::string& xml = entry(entries, "word/document.xml");
    pugi::xml_document doc = parse(xml);
    pugi::xml_node body = doc.document_element().child("w:body");
    pugi::xml_node p = paragraph_with(body, "ITU continued to follow and provide input");
    append_fragment(body,
                    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>stray cell</w:t></w:r></w:p></w:tc>"
                    "<w:tc><w:p><w:r><w:t>second stray cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
                    p);
    xml = serialise(doc);
    zip_file(dir + "/stray.docx", entries);
    ImportRun r = run_import(dir + "/stray.docx", dir + "/imported");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("table 2 row 1 column 1: warning: cannot place this content: \"stray cell\" [unplaced-content]") !=
          std::string::npos);
    CHECK(r.output.find("table 2 row 1 column 2: warning: cannot place this content: \"second stray cell\"") !=
          std::string::npos);
    // Nothing is lost: report.yaml lists it under unplaced:, and check warns until it is moved.
    std::string report = read_file(dir + "/imported/report.yaml");
    CHECK(report.find("unplaced:\n  - where: table 2 row 1 column 1\n    text: stray cell\n") != std::string::npos);
    CHECK(report.find("  - where: table 2 row 1 column 2\n    text: second stray cell\n") != std::string::npos);
    CHECK(r.output.find("report.yaml:") != std::string::npos);
    CHECK(r.output.find("warning: content the import could not place (table 2 row 1 column 1): \"stray cell\"; move it "
                        "into the corpus, then remove this entry [unplaced-content]") != std::string::npos);
    RunResult check = run(binary() + " check '" + dir + "/imported'");
    CHECK(check.status == 0);
    CHECK(check.output.find("[unplaced-content]") != std::string::npos);
    CHECK(run(binary() + " check --strict '" + dir + "/imported'").status == 1);
}

TEST_CASE("import: run text full of markup characters comes back as the same text") {
    std::string dir = temp_dir("import-markup");
    std::string docx = build_docx(bundled(), dir + "/out");
    ZipEntries entries = unzip_file(docx);
    std::string& xml = entry(entries, "word/document.xml");
    pugi::xml_document doc = parse(xml);
    pugi::xml_node body = doc.document_element().child("w:body");
    const std::string hostile = "a *b* _c_ [^x] [d](http://e) <http://f> &amp; &#35; `g` \\h \\* ![i](j) # k: l - m "
                                "\"yes\" ~ % @ {n} 'o'";
    pugi::xml_node p = paragraph_with(body, "ITU continued to follow and provide input");
    pugi::xml_node t = p.select_node(".//w:t").node();
    t.text().set(hostile.c_str());
    t.append_attribute("xml:space") = "preserve";
    // An emphasised and a linked run after it.
    append_fragment(p, "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\"> italic words </w:t></w:r>"
                       "<w:hyperlink r:id=\"rId7\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                       "<w:r><w:t>linked</w:t></w:r></w:hyperlink>");
    xml = serialise(doc);
    std::string& rels = entry(entries, "word/_rels/document.xml.rels");
    rels.insert(rels.rfind("</Relationships>"),
                "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "hyperlink\" Target=\"https://www.itu.int/en/(x)\" TargetMode=\"External\"/>");
    zip_file(dir + "/markup.docx", entries);
    ImportRun r = run_import(dir + "/markup.docx", dir + "/imported");
    INFO(r.output);
    REQUIRE(r.status <= 1);
    LoadResult loaded = load_disk(dir + "/imported");
    REQUIRE(loaded.document);
    const Text& text = loaded.document->sections[3].paragraphs[0].text;
    INFO(text.source);
    CHECK(plain_text(text.spans).starts_with(hostile + " italic words linked"));
    CHECK(text.source.find(" *italic words* [linked](https://www.itu.int/en/(x))") != std::string::npos);
    REQUIRE(text.spans.size() >= 3);
    CHECK(text.spans.back().kind == Span::Kind::link);
    CHECK(text.spans.back().target == "https://www.itu.int/en/(x)");
    CHECK(loaded.diagnostics.error_count() == 0);
}
