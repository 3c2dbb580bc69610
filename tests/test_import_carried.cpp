// `itucollab import` of our DOCX, which carries ids (`_itc<n>` bookmarks) and non-printing data
// (customXml): exact round trips, a LibreOffice re-save, and bookmarks lost in editing.
#include "support.hpp"
#include "test_import_support.hpp"

#include <itucollab/loader.hpp>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace testsupport;
using namespace itucollab;

namespace {

std::string serialise(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    return out.str();
}

// The bookmark names of the records in our DOCX's customXml part, by record id.
std::map<std::string, std::string> bookmarks_by_id(ZipEntries& entries) {
    pugi::xml_document part;
    REQUIRE(part.load_string(entry(entries, "customXml/item1.xml").c_str()));
    std::map<std::string, std::string> out;
    for (pugi::xml_node r : part.document_element().children("record")) {
        out[r.attribute("id").as_string()] = r.attribute("bookmark").as_string();
    }
    return out;
}

// Removes the bookmarks named in `names` from a part, as an editor retyping those paragraphs would.
void drop_bookmarks(std::string& xml, const std::set<std::string>& names) {
    pugi::xml_document part;
    REQUIRE(part.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    std::vector<pugi::xml_node> doomed;
    std::set<std::string> ids;
    for (pugi::xpath_node x : part.select_nodes("//w:bookmarkStart")) {
        if (names.count(x.node().attribute("w:name").as_string())) {
            doomed.push_back(x.node());
            ids.insert(x.node().attribute("w:id").as_string());
        }
    }
    for (pugi::xpath_node x : part.select_nodes("//w:bookmarkEnd")) {
        if (ids.count(x.node().attribute("w:id").as_string())) doomed.push_back(x.node());
    }
    for (pugi::xml_node n : doomed) n.parent().remove_child(n);
    xml = serialise(part);
}

// Our DOCX of `corpus` as `build` writes it: a bookmark on every record and the customXml part
// (docs/importing.md, "Ids and non-printing data"); the records in `lost` lose their bookmarks.
std::string docx_with_carried_data(const std::string& corpus, const Document& doc, const std::string& dir,
                                   const std::set<std::string>& lost = {}) {
    ZipEntries entries = unzip_file(build_docx(corpus, dir + "/out"));
    auto bookmarks = bookmarks_by_id(entries);
    // Every record of the corpus has its bookmark.
    std::size_t records = doc.annex.mechanisms.size();
    for (const Section& s : doc.sections) {
        records += 1 + s.paragraphs.size() + s.footnotes.size();
        for (const InitiativeGroup& g : s.initiatives) records += g.items.size();
    }
    CHECK(bookmarks.size() == records);
    std::set<std::string> names;
    for (const std::string& id : lost) {
        REQUIRE(bookmarks.count(id));
        names.insert(bookmarks[id]);
    }
    drop_bookmarks(entry(entries, "word/document.xml"), names);
    drop_bookmarks(entry(entries, "word/footnotes.xml"), names);
    std::string out = dir + "/carried.docx";
    zip_file(out, entries);
    return out;
}

void exact_round_trip(const std::string& corpus, const std::string& tag, const std::set<std::string>& lost = {}) {
    DiskFileSystem disk;
    LoadResult original = load_corpus(disk, corpus);
    REQUIRE(original.document);
    std::string dir = temp_dir(tag);
    std::string docx = docx_with_carried_data(corpus, *original.document, dir, lost);
    ImportRun r = run_import(docx, dir + "/imported");
    INFO(r.output);
    REQUIRE(r.status == 0);
    RunResult d = run(binary() + " diff '" + corpus + "' '" + dir + "/imported'");
    INFO(d.output);
    CHECK(d.status == 0);
    CHECK(text_report(dir + "/imported", dir + "/imported-out") == text_report(corpus, dir + "/original-out"));
}

}  // namespace

TEST_CASE("import: our DOCX carrying bookmarks and customXml of data/c21-inf-2 gives a corpus diff finds equal") {
    exact_round_trip(source_dir() + "/data/c21-inf-2", "import-carried");
}

TEST_CASE("import: our DOCX carrying bookmarks and customXml of tests/fixtures/diff-new gives a corpus diff finds equal") {
    exact_round_trip(source_dir() + "/tests/fixtures/diff-new", "import-carried-diff-new");
}

TEST_CASE("import: a LibreOffice re-save of our DOCX carrying ids gives no differences in the header, sections, initiatives and annex") {
    if (!have_tools({tool_command("soffice", "libreoffice-writer")})) return;
    std::string corpus = source_dir() + "/data/c21-inf-2";
    DiskFileSystem disk;
    LoadResult original = load_corpus(disk, corpus);
    REQUIRE(original.document);
    std::string dir = temp_dir("import-carried-lo");
    std::string docx = docx_with_carried_data(corpus, *original.document, dir);
    RunResult lo = run("cd '" + dir + "' && HOME='" + dir + "' timeout 300 soffice --headless --convert-to docx --outdir '" +
                       dir + "/lo' '" + docx + "'");
    INFO(lo.output);
    REQUIRE(lo.status == 0);
    ImportRun r = run_import(dir + "/lo/carried.docx", dir + "/imported");
    INFO(r.output);
    REQUIRE(r.status == 0);
    RunResult d = run(binary() + " diff --only header,sections,initiatives,annex '" + corpus + "' '" + dir + "/imported'");
    INFO(d.output);
    CHECK(d.status == 0);
    CHECK(d.output.find("no differences") != std::string::npos);
}

TEST_CASE("import: records whose bookmarks were lost in editing get their ids back by position") {
    // A paragraph, an initiative item, a mechanism and a footnote lose their bookmarks.
    exact_round_trip(source_dir() + "/data/c21-inf-2", "import-carried-lost",
                     {"hlpf-and-vnrs", "br-icao", "hlcm", "council-reports"});
}

TEST_CASE("import: a rolled-over corpus keeps its review list through our DOCX") {
    std::string dir = temp_dir("import-carried-review");
    RunResult rolled = run(binary() + " rollover '" + source_dir() + "/data/c21-inf-2' '" + dir + "/c22'");
    INFO(rolled.output);
    REQUIRE(rolled.status == 0);
    DiskFileSystem disk;
    LoadResult loaded = load_corpus(disk, dir + "/c22");
    REQUIRE(loaded.document);
    REQUIRE(!loaded.document->reviews.empty());
    exact_round_trip(dir + "/c22", "import-carried-review-trip");
}
