// The Word redline: NEW's report through the DOCX emitter; accepting every revision gives NEW, rejecting every one OLD.
#include "redline_support.hpp"
#include "support.hpp"
#include "test_docx_support.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>

using namespace testsupport;
using namespace itucollab;
using namespace redlinetest;

namespace {

Document load(const std::string& name) {
    auto fs = fixture(name);
    LoadResult r = load_corpus(fs, name);
    INFO(diagnostics_text(r));
    REQUIRE(r.document);
    return *r.document;
}

// Accept-all is NEW's built report and reject-all OLD's, body, notes and running parts alike.
void check_resolves(const Document& old_doc, const Document& new_doc, const diff::Options& options = {}) {
    std::string redline = redline_docx(old_doc, new_doc, options);
    std::string new_text = package_text(built_docx(new_doc), std::nullopt);
    std::string old_text = package_text(built_docx(old_doc), std::nullopt);
    CHECK(package_text(redline, true) == new_text);
    CHECK(package_text(redline, false) == old_text);
    if (const char* dump = std::getenv("REDLINE_DUMP")) {
        docxtest::write_file(std::string(dump) + "-accepted.txt", package_text(redline, true));
        docxtest::write_file(std::string(dump) + "-new.txt", new_text);
        docxtest::write_file(std::string(dump) + "-rejected.txt", package_text(redline, false));
        docxtest::write_file(std::string(dump) + "-old.txt", old_text);
        docxtest::write_file(std::string(dump) + ".docx", redline);
    }
}

// `diff --format docx --out DIR/redline.docx OLD NEW`, which exits 1; returns the file.
std::string write_redline(const std::string& dir, const std::string& old_name = "diff-old",
                          const std::string& new_name = "diff-new", const std::string& extra = "") {
    std::string file = dir + "/redline.docx";
    std::string fixtures = source_dir() + "/tests/fixtures/";
    RunResult r = run(binary() + " diff --format docx --out " + docxtest::quote(file) + extra + " " +
                      docxtest::quote(fixtures + old_name) + " " + docxtest::quote(fixtures + new_name));
    INFO(r.output);
    REQUIRE(r.status == 1);
    return file;
}

}  // namespace

TEST_CASE("Word redline of the fixture editions: accepting every revision gives NEW and rejecting every one OLD") {
    for (const auto& [old_name, new_name] : {std::pair{"diff-old", "diff-new"}, {"edition-old", "edition-new"}}) {
        INFO(old_name << " → " << new_name);
        check_resolves(load(old_name), load(new_name));
        check_resolves(load(new_name), load(old_name));
    }
}

TEST_CASE("Word redline of diff-old to diff-new: words, rows and the summary comment") {
    Document old_doc = load("diff-old");
    Document new_doc = load("diff-new");
    std::string redline = redline_docx(old_doc, new_doc);
    std::string marked = package_text(redline, std::nullopt);
    // Words changed in place, whole rows for the mechanisms dropped and added.
    CHECK(marked.find("HeaderBlock|2330 March 2099\n") != std::string::npos);  // "23" deleted, "30" inserted
    auto parts = docxtest::unzip_map(redline);
    const std::string& body = parts["word/document.xml"];
    CHECK(body.find("<w:del w:id=\"1\" w:author=\"itucollab\" w:date=\"2099-03-30T00:00:00Z\"><w:r><w:delText>23</w:delText>") !=
          std::string::npos);
    CHECK(body.find("<w:trPr><w:cantSplit/><w:del ") != std::string::npos);
    CHECK(body.find("<w:trPr><w:cantSplit/><w:ins ") != std::string::npos);
    CHECK(body.find("itc-") == std::string::npos);
    // The summary rides in a comment on the title, and the package declares it.
    CHECK(parts["word/comments.xml"].find("8 changes: 1 added, 1 removed, 4 changed, 1 moved, 1 renamed") != std::string::npos);
    CHECK(parts["word/comments.xml"].find("Annex, Network of gender focal points: mechanism id changed") != std::string::npos);
    CHECK(parts["[Content_Types].xml"].find("/word/comments.xml") != std::string::npos);
    CHECK(parts["word/_rels/document.xml.rels"].find("Target=\"comments.xml\"") != std::string::npos);
}

TEST_CASE("Word redline of a report against itself carries no revision") {
    Document doc = load_bundled();
    std::string redline = redline_docx(doc, doc);
    CHECK(revision_count(redline) == 0);
    CHECK(package_text(redline, std::nullopt) == package_text(built_docx(doc), std::nullopt));
}

TEST_CASE("Word redline of edits across the bundled report resolves both ways") {
    Document old_doc = load_bundled();
    Document new_doc = old_doc;
    // A section inserted, a paragraph moved, a footnote and a header field edited, a row dropped.
    Section inserted = new_doc.sections[1];
    inserted.id.value = "inserted";
    inserted.title = "An inserted section";
    for (Paragraph& p : inserted.paragraphs) p.id.value += "-copy";
    inserted.footnotes.clear();
    for (Paragraph& p : inserted.paragraphs) {
        std::erase_if(p.text.spans, [](const Span& s) { return s.kind == Span::Kind::footnote_ref; });
    }
    new_doc.sections.insert(new_doc.sections.begin() + 1, inserted);
    std::swap(new_doc.sections[3].paragraphs[0], new_doc.sections[3].paragraphs[1]);
    new_doc.title = "Collaboration with the United Nations system (revised)";
    new_doc.annex.mechanisms.erase(new_doc.annex.mechanisms.begin() + 2);
    check_resolves(old_doc, new_doc);
    std::string redline = redline_docx(old_doc, new_doc);
    auto body = docxtest::unzip_map(redline)["word/document.xml"];
    CHECK(body.find("<w:moveFrom ") != std::string::npos);
    CHECK(body.find("<w:moveTo ") != std::string::npos);
    CHECK(body.find("<w:moveFromRangeStart ") != std::string::npos);
}

TEST_CASE("Word redline limited by --only marks that part and shows the rest as NEW") {
    Document old_doc = load("diff-old");
    Document new_doc = load("diff-new");
    diff::Options only_annex;
    only_annex.only = {diff::Part::annex};
    std::string redline = redline_docx(old_doc, new_doc, only_annex);
    // Accepting gives NEW; rejecting restores OLD's annex only: the header keeps NEW's date.
    CHECK(package_text(redline, true) == package_text(built_docx(new_doc), std::nullopt));
    std::string rejected = package_text(redline, false);
    CHECK(rejected.find("30 March 2099") != std::string::npos);
    CHECK(rejected.find("Inter-Agency Support Group") != std::string::npos);
    CHECK(docxtest::unzip_map(redline)["word/comments.xml"].find("Only annex marked") != std::string::npos);
}

TEST_CASE("diff --format docx: --author names the revisions, and a package is written to a file only") {
    std::string dir = temp_dir("diff-docx");
    std::string file = write_redline(dir, "diff-old", "diff-new", " --author 'Council Secretariat'");
    auto parts = docxtest::unzip_map(read_file(file));
    CHECK(parts["word/document.xml"].find("w:author=\"Council Secretariat\"") != std::string::npos);
    CHECK(parts["word/document.xml"].find("w:author=\"itucollab\"") == std::string::npos);
    std::string fixtures = source_dir() + "/tests/fixtures/";
    CHECK(run(binary() + " diff --format docx " + docxtest::quote(fixtures + "diff-old") + " " +
              docxtest::quote(fixtures + "diff-new")).status == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("diff --format docx: every word part of the redline validates against the WordprocessingML schema") {
    if (!have_tools({tool_command("xmllint", "libxml2-utils"), docxtest::ooxml_schemas()})) return;
    std::string dir = temp_dir("redline-schema");
    Document old_doc = load_bundled();
    Document new_doc = old_doc;
    std::swap(new_doc.sections[2].paragraphs[0], new_doc.sections[2].paragraphs[1]);
    new_doc.annex.mechanisms.erase(new_doc.annex.mechanisms.begin());
    new_doc.sections.erase(new_doc.sections.begin() + 4);
    for (const auto& [name, redline] : {std::pair{"fixture", redline_docx(load("diff-old"), load("diff-new"))},
                                        {"bundled", redline_docx(old_doc, new_doc)}}) {
        int validated = 0;
        for (const auto& [part, data] : docxtest::unzip_map(redline)) {
            if (!part.starts_with("word/") || !part.ends_with(".xml")) continue;
            std::string file = dir + "/" + name + "-" + std::filesystem::path(part).filename().string();
            docxtest::write_file(file, docxtest::pretty(data));
            auto result = run("xmllint --noout --schema " + docxtest::quote(docxtest::wml_schema()) + " " + docxtest::quote(file));
            INFO(name << " " << part << ": " << result.output);
            CHECK(result.status == 0);
            ++validated;
        }
        CHECK(validated == 8);  // the report's seven parts and comments.xml
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("diff --format docx: python-docx opens the redline and sees the 6-column annex") {
    if (!have_tools({tool_python_module("docx", "python3-docx")})) return;
    std::string dir = temp_dir("diff-docx-py");
    std::string file = write_redline(dir);
    RunResult py = run("/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); "
                       "print(len(d.paragraphs), len(d.tables[-1].columns))' " + docxtest::quote(file));
    INFO(py.output);
    CHECK(py.status == 0);
    CHECK(py.output.ends_with(" 6\n"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("diff --format docx: LibreOffice converts the redline") {
    if (!have_tools({tool_command("soffice", "libreoffice-writer-nogui"), tool_command("pdftotext", "poppler-utils")}))
        return;
    std::string dir = temp_dir("diff-docx-lo");
    std::string file = write_redline(dir);
    std::string log;
    std::string pdf = docxtest::convert_to_pdf(file, dir, log);
    INFO(log);
    REQUIRE_FALSE(pdf.empty());
    std::string text = run("pdftotext " + docxtest::quote(pdf) + " -").output;
    CHECK(text.find("Three times") != std::string::npos);  // the inserted row, its cell wrapped
    std::filesystem::remove_all(dir);
}

namespace {

std::string squeezed(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool held_in(const std::vector<std::string>& texts, const std::string& wanted) {
    std::string w = squeezed(wanted);
    if (w.empty()) return true;
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return squeezed(t).find(w) != std::string::npos; });
}

// The first line of a record's text: what its row or paragraph shows first.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("diff --format docx: LibreOffice's own tracked changes hold every printed change of the change list") {
    if (!have_tools({tool_command("soffice", "libreoffice-writer-nogui")})) return;
    std::string dir = temp_dir("redline-lo-changes");
    for (const auto& [old_name, new_name] : {std::pair{"diff-old", "diff-new"}, {"edition-old", "edition-new"}}) {
        Document old_doc = load(old_name);
        Document new_doc = load(new_name);
        diff::Result result = diff::compare(old_doc, new_doc);
        std::string file = dir + "/" + std::string(new_name) + ".docx";
        docxtest::write_file(file, redline_docx(old_doc, new_doc));
        std::string log;
        std::string odt = docxtest::convert_with_libreoffice(file, dir, "odt", log);
        INFO(log);
        REQUIRE_FALSE(odt.empty());
        OfficeChanges office = office_changes(read_file(odt));
        std::size_t printed = 0;
        for (const diff::Change& c : result.changes) {
            if (!c.visible) continue;
            ++printed;
            INFO(old_name << " → " << new_name << ": " << c.place << " " << diff::describe_change(c));
            if (!c.words.empty()) {
                for (const diff::WordRun& run : c.words) {
                    if (run.op == diff::WordRun::Op::removed) CHECK(held_in(office.deletions, run.text));
                    if (run.op == diff::WordRun::Op::added) CHECK(held_in(office.insertions, run.text));
                }
            } else if (c.kind == diff::Kind::added) {
                CHECK(held_in(office.insertions, first_line(c.new_text)));
            } else if (c.kind == diff::Kind::removed) {
                CHECK(held_in(office.deletions, first_line(c.old_text)));
            } else if (c.kind == diff::Kind::moved && c.subject != "mechanism") {
                CHECK(!office.insertions.empty());
            }
        }
        // One LibreOffice redline per marked range; never fewer than the printed changes.
        CHECK(office.total() >= printed);
        CHECK(office.other == 0);
        WARN(old_name << " → " << new_name << ": " << printed << " printed changes; LibreOffice reads "
                      << office.insertions.size() << " insertions and " << office.deletions.size() << " deletions");
    }
    std::filesystem::remove_all(dir);
}
