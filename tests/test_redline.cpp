// The Word redline: accepting every tracked change gives NEW's text, rejecting every one gives OLD's.
#include "support.hpp"
#include "test_docx_support.hpp"

#include "diff/redline.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstring>
#include <filesystem>

using namespace testsupport;
using namespace itucollab;

namespace {

Document load(const std::string& name) {
    auto fs = fixture(name);
    LoadResult r = load_corpus(fs, name);
    INFO(diagnostics_text(r));
    REQUIRE(r.document);
    return *r.document;
}

bool inside(pugi::xml_node node, const char* name) {
    for (pugi::xml_node n = node.parent(); n; n = n.parent()) {
        if (std::strcmp(n.name(), name) == 0) return true;
    }
    return false;
}

// The text of a whole w:document with every change accepted (keep_inserted) or rejected.
std::string resolved_document_text(const std::string& xml, bool keep_inserted) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    const char* dropped = keep_inserted ? "w:del" : "w:ins";
    std::string out;
    for (pugi::xml_node p : doc.child("w:document").child("w:body").children("w:p")) {
        if (p.child("w:pPr").child("w:rPr").child(dropped)) continue;  // a paragraph inserted or deleted whole
        std::string text;
        pugi::xpath_node_set nodes = p.select_nodes(".//w:t | .//w:delText | .//w:br");
        nodes.sort();  // a union is not in document order
        for (pugi::xpath_node x : nodes) {
            pugi::xml_node n = x.node();
            if (inside(n, dropped)) continue;
            text += std::strcmp(n.name(), "w:br") == 0 ? std::string("\n") : std::string(n.text().get());
        }
        out += text + "\n";
    }
    return out;
}

// The same for the paragraphs of a body.
std::string resolved_text(const std::string& body, bool keep_inserted) {
    return resolved_document_text(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
            "</w:body></w:document>",
        keep_inserted);
}

std::string body(const Document& a, const Document& b) {
    return diff::redline_wordml(diff::redline(a, b), "2099-03-30T00:00:00Z");
}

// `diff --format docx --out DIR/redline.docx diff-old diff-new`, which exits 1; returns the file.
std::string write_redline(const std::string& dir) {
    std::string file = dir + "/redline.docx";
    std::string fixtures = source_dir() + "/tests/fixtures/";
    RunResult r = run(binary() + " diff --format docx --out " + docxtest::quote(file) + " " +
                      docxtest::quote(fixtures + "diff-old") + " " + docxtest::quote(fixtures + "diff-new"));
    INFO(r.output);
    REQUIRE(r.status == 1);
    return file;
}

}  // namespace

TEST_CASE("redline XML: without its deletions it is NEW's text, without its insertions OLD's") {
    Document old_doc = load("diff-old");
    Document new_doc = load("diff-new");
    std::string marked = body(old_doc, new_doc);
    std::string new_text = resolved_text(body(new_doc, new_doc), true);
    std::string old_text = resolved_text(body(old_doc, old_doc), true);
    CHECK(new_text != old_text);
    CHECK(resolved_text(marked, true) == new_text);
    CHECK(resolved_text(marked, false) == old_text);
    // Unchanged documents carry no marks; changed ones carry marks by itucollab at the fixed date.
    CHECK(body(new_doc, new_doc).find("<w:ins") == std::string::npos);
    CHECK(body(new_doc, new_doc).find("<w:del") == std::string::npos);
    pugi::xml_document doc;
    std::string xml = "<r xmlns:w=\"w\">" + marked + "</r>";
    REQUIRE(doc.load_string(xml.c_str()));
    std::size_t marks = 0;
    for (pugi::xpath_node x : doc.select_nodes("//w:ins | //w:del")) {
        ++marks;
        CHECK(std::string(x.node().attribute("w:author").value()) == "itucollab");
        CHECK(std::string(x.node().attribute("w:date").value()) == "2099-03-30T00:00:00Z");
    }
    CHECK(marks >= 8);
    CHECK(doc.select_nodes("//w:del//w:t").empty());
    CHECK(doc.select_nodes("//w:ins//w:delText").empty());
    CHECK(marked.find("<w:del w:id=\"1\" w:author=\"itucollab\" w:date=\"2099-03-30T00:00:00Z\"><w:r><w:delText xml:space=\"preserve\">") !=
          std::string::npos);
}

TEST_CASE("redline XML of an edited mini fixture: escaped, and resolves both ways") {
    Document old_doc = load("mini");
    std::string section = read_file(source_dir() + "/tests/fixtures/mini/sections/01-first.yaml");
    auto edited_fs = fixture("mini", {{"sections/01-first.yaml", replace_once(replace_once(section, "      - Another bullet.\n", ""),
                                                                                 "strong", "bold & <strong>")}});
    LoadResult edited = load_corpus(edited_fs, "mini");
    REQUIRE(edited.document);
    std::string marked = body(old_doc, *edited.document);
    CHECK(marked.find("bold &amp; &lt;strong&gt;") != std::string::npos);
    CHECK(resolved_text(marked, true) == resolved_text(body(*edited.document, *edited.document), true));
    CHECK(resolved_text(marked, false) == resolved_text(body(old_doc, old_doc), true));
}

TEST_CASE("diff --format docx writes NEW with tracked changes that resolve to NEW and to OLD") {
    std::string dir = temp_dir("diff-docx");
    std::string file = write_redline(dir);
    auto parts = docxtest::unzip_map(read_file(file));
    REQUIRE(parts.contains("word/document.xml"));
    REQUIRE(parts.contains("word/styles.xml"));
    const std::string& xml = parts["word/document.xml"];
    Document old_doc = load("diff-old");
    Document new_doc = load("diff-new");
    CHECK(resolved_document_text(xml, true) == resolved_text(body(new_doc, new_doc), true));
    CHECK(resolved_document_text(xml, false) == resolved_text(body(old_doc, old_doc), true));
    CHECK(xml.find("w:author=\"itucollab\" w:date=\"2099-03-30T00:00:00Z\"") != std::string::npos);
    CHECK(xml.find("<w:delText") != std::string::npos);
    CHECK(xml.find("<w:sectPr") != std::string::npos);
    std::string fixtures = source_dir() + "/tests/fixtures/";
    CHECK(run(binary() + " diff --format docx " + docxtest::quote(fixtures + "diff-old") + " " +
              docxtest::quote(fixtures + "diff-new")).status == 2);  // a package is written to a file only
    std::filesystem::remove_all(dir);
}

TEST_CASE("diff --format docx: python-docx opens the redline") {
    if (!have_tools({tool_python_module("docx", "python3-docx")})) return;
    std::string dir = temp_dir("diff-docx-py");
    std::string file = write_redline(dir);
    RunResult py = run("/usr/bin/python3 -c 'import docx, sys; d = docx.Document(sys.argv[1]); "
                       "print(len(d.paragraphs))' " + docxtest::quote(file));
    INFO(py.output);
    CHECK(py.status == 0);
    CHECK(std::stoi(py.output) > 20);
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
    CHECK(text.find("Three times per year") != std::string::npos);
    std::filesystem::remove_all(dir);
}
