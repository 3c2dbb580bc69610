// A Word redline imported back: accepting every revision gives NEW's corpus, rejecting every one OLD's, ids included.
#include "import/revisions.hpp"
#include "redline_support.hpp"
#include "support.hpp"
#include "test_docx_support.hpp"
#include "test_import_support.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <sstream>

using namespace testsupport;
using namespace itucollab;

namespace {

Document load_fixture(const std::string& name) {
    auto fs = fixture(name);
    LoadResult r = load_corpus(fs, name);
    INFO(diagnostics_text(r));
    REQUIRE(r.document);
    return *r.document;
}

// The corpus `import FILE FLAGS` writes, compared with `expected` in every part (ids, registries and
// editorial data too): the change list, "no differences" when they are the same.
std::string import_against(const std::string& docx, const std::string& out, const std::string& flags,
                           const Document& expected) {
    ImportRun r = run_import(docx, out, flags);
    INFO(r.output);
    REQUIRE(r.status == 0);
    DiskFileSystem disk;
    LoadResult imported = load_corpus(disk, out);
    INFO(diagnostics_text(imported));
    REQUIRE(imported.document);
    return diff::render_text(diff::compare(expected, *imported.document, {}));
}

// The package with every revision of its body and notes resolved, as Word's Accept All or Reject All
// leaves it before it is saved.
std::string resolved_in_place(const std::string& docx, const std::string& path, bool accept) {
    ZipEntries entries = unzip_file(docx);
    for (const char* name : {"word/document.xml", "word/footnotes.xml"}) {
        std::string& xml = entry(entries, name);
        pugi::xml_document doc;
        REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
        import::resolve_revisions(doc.document_element(), accept);
        std::ostringstream s;
        doc.save(s, "", pugi::format_raw);
        xml = s.str();
    }
    zip_file(path, entries);
    return path;
}

}  // namespace

TEST_CASE("import of a Word redline: --accept gives NEW's corpus and --reject OLD's, with their ids") {
    for (const auto& [a, b] : {std::pair{"diff-old", "diff-new"}, {"edition-old", "edition-new"}}) {
        for (bool forward : {true, false}) {
            std::string old_name = forward ? a : b, new_name = forward ? b : a;
            INFO(old_name << " → " << new_name);
            Document old_doc = load_fixture(old_name), new_doc = load_fixture(new_name);
            // The pair differs in ids too (renamed records), so a reject that kept NEW's ids would show.
            REQUIRE(diff::compare(old_doc, new_doc, {}).changes.size() > 0);
            std::string dir = temp_dir("redline-import-" + old_name);
            std::string docx = dir + "/redline.docx";
            docxtest::write_file(docx, redlinetest::redline_docx(old_doc, new_doc));
            CHECK(import_against(docx, dir + "/accepted", "--accept", new_doc) == "no differences\n");
            CHECK(import_against(docx, dir + "/rejected", "--reject", old_doc) == "no differences\n");
            // Resolved before the import (Word's Accept All or Reject All, then Save): the bookmarks
            // of OLD's records that a rejected redline keeps tell the two apart.
            CHECK(import_against(resolved_in_place(docx, dir + "/all-accepted.docx", true), dir + "/word-accepted", "",
                                 new_doc) == "no differences\n");
            CHECK(import_against(resolved_in_place(docx, dir + "/all-rejected.docx", false), dir + "/word-rejected", "",
                                 old_doc) == "no differences\n");
        }
    }
}
