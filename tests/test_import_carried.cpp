// `itucollab import` of a DOCX carrying ids (`_itc<n>` bookmarks) and non-printing data (customXml):
// the reading side, tested on our DOCX with both injected from the corpus it was built from.
#include "support.hpp"
#include "test_import_support.hpp"

#include <itucollab/loader.hpp>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <set>
#include <sstream>

using namespace testsupport;
using namespace itucollab;

namespace {

std::string style_of(pugi::xml_node p) { return p.child("w:pPr").child("w:pStyle").attribute("w:val").as_string(); }
bool numbered(pugi::xml_node p) { return static_cast<bool>(p.child("w:pPr").child("w:numPr")); }

class Marker {
public:
    /// Records whose bookmark an editor lost: listed in the part, absent from the body.
    std::set<std::string> lost;

    void mark(pugi::xml_node p, const std::string& id, const char* kind) {
        std::string name = "_itc" + std::to_string(++count_);
        if (lost.count(id)) {
            pugi::xml_node record = root_.append_child("record");
            record.append_attribute("bookmark") = name.c_str();
            record.append_attribute("id") = id.c_str();
            record.append_attribute("kind") = kind;
            return;
        }
        pugi::xml_node pr = p.child("w:pPr");
        pugi::xml_node start = pr ? p.insert_child_after("w:bookmarkStart", pr) : p.prepend_child("w:bookmarkStart");
        start.append_attribute("w:id") = count_;
        start.append_attribute("w:name") = name.c_str();
        p.insert_child_after("w:bookmarkEnd", start).append_attribute("w:id") = count_;
        pugi::xml_node record = root_.append_child("record");
        record.append_attribute("bookmark") = name.c_str();
        record.append_attribute("id") = id.c_str();
        record.append_attribute("kind") = kind;
    }
    pugi::xml_node root() const { return root_; }
    pugi::xml_document& part() { return part_; }

    Marker() {
        root_ = part_.append_child("itucollab");
        root_.append_attribute("xmlns") = "urn:itucollab:docx:1";
    }

private:
    pugi::xml_document part_;
    pugi::xml_node root_;
    int count_ = 0;
};

std::string serialise(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw);
    return out.str();
}

// Our DOCX of `corpus` with a bookmark on every record and the customXml part, as the emitter
// would write them (docs/importing.md, "Ids and non-printing data").
std::string docx_with_carried_data(const std::string& corpus, const Document& doc, const std::string& dir,
                                   const std::set<std::string>& lost = {}) {
    ZipEntries entries = unzip_file(build_docx(corpus, dir + "/out"));
    pugi::xml_document body_doc;
    std::string& document_xml = entry(entries, "word/document.xml");
    REQUIRE(body_doc.load_string(document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    pugi::xml_node body = body_doc.document_element().child("w:body");
    Marker marker;
    marker.lost = lost;
    std::vector<std::string> sections, paragraphs, items;
    for (const Section& s : doc.sections) {
        sections.push_back(s.id.value);
        for (const Paragraph& p : s.paragraphs) paragraphs.push_back(p.id.value);
        for (const InitiativeGroup& g : s.initiatives) {
            for (const InitiativeItem& i : g.items) items.push_back(i.id.value);
        }
    }
    std::size_t si = 0, pi = 0, ii = 0;
    bool in_initiatives = false;
    for (pugi::xml_node p : body.children("w:p")) {
        std::string style = style_of(p);
        if (style == "Heading1" && numbered(p) && si < sections.size()) {
            marker.mark(p, sections[si++], "section");
            in_initiatives = false;
        } else if (style == "Heading2") {
            in_initiatives = true;
        } else if (style == "NumberedParagraph" && numbered(p) && pi < paragraphs.size()) {
            marker.mark(p, paragraphs[pi++], "paragraph");
        } else if (style == "ListBullet" && in_initiatives && ii < items.size()) {
            marker.mark(p, items[ii++], "item");
        }
    }
    CHECK(si == sections.size());
    CHECK(pi == paragraphs.size());
    CHECK(ii == items.size());
    pugi::xml_node table = body.last_child();
    while (table && std::string(table.name()) != "w:tbl") table = table.previous_sibling();
    REQUIRE(table);
    std::size_t mi = 0;
    for (pugi::xml_node row = table.child("w:tr").next_sibling("w:tr"); row && mi < doc.annex.mechanisms.size();
         row = row.next_sibling("w:tr")) {
        marker.mark(row.child("w:tc").child("w:p"), doc.annex.mechanisms[mi++].id.value, "mechanism");
    }
    CHECK(mi == doc.annex.mechanisms.size());
    document_xml = serialise(body_doc);

    DocumentIndex index(doc);
    std::string& notes_xml = entry(entries, "word/footnotes.xml");
    pugi::xml_document notes;
    REQUIRE(notes.load_string(notes_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    for (pugi::xml_node note : notes.document_element().children("w:footnote")) {
        int number = note.attribute("w:id").as_int();
        for (const Section& s : doc.sections) {
            for (const Footnote& f : s.footnotes) {
                if (index.footnote_number(f.id.value) == number) marker.mark(note.child("w:p"), f.id.value, "footnote");
            }
        }
    }
    notes_xml = serialise(notes);

    pugi::xml_node root = marker.root();
    for (const UnEntity& e : doc.un_entities) {
        pugi::xml_node n = root.append_child("entity");
        n.append_attribute("id") = e.id.value.c_str();
        n.append_attribute("acronym") = e.acronym.c_str();
        n.append_attribute("name") = e.name.c_str();
    }
    for (const Instrument& i : doc.instruments) {
        pugi::xml_node n = root.append_child("instrument");
        n.append_attribute("id") = i.id.value.c_str();
        n.append_attribute("body") = i.body.c_str();
        n.append_attribute("kind") = i.kind.c_str();
        n.append_attribute("number") = i.number.c_str();
        n.append_attribute("revised") = i.revised;
        n.append_attribute("place") = i.place.c_str();
        n.append_attribute("year") = i.year;
        if (i.title) n.append_attribute("title") = i.title->c_str();
        if (i.label) n.append_attribute("label") = i.label->c_str();
    }
    for (const Mechanism& m : doc.annex.mechanisms) {
        if (m.acronym) {
            pugi::xml_node n = root.append_child("mechanism");
            n.append_attribute("id") = m.id.value.c_str();
            n.append_attribute("acronym") = m.acronym->c_str();
        }
        for (std::size_t b = 0; b < m.relevance.size(); ++b) {
            if (!m.relevance[b].cite) continue;
            pugi::xml_node n = root.append_child("cite");
            n.append_attribute("mechanism") = m.id.value.c_str();
            n.append_attribute("block") = static_cast<unsigned>(b);
            n.append_attribute("title") = m.relevance[b].show_title;
            if (m.relevance[b].append) n.append_attribute("append") = m.relevance[b].append->c_str();
        }
    }
    for (const Acceptance& a : doc.accepted) {
        pugi::xml_node n = root.append_child("accept");
        n.append_attribute("rule") = a.rule.c_str();
        n.append_attribute("in") = a.in.id.c_str();
        n.append_attribute("reason") = a.reason.c_str();
    }
    // The part as Word keeps it: referenced from the document, with its properties part.
    entries.emplace_back("customXml/item1.xml", serialise(marker.part()));
    entries.emplace_back("customXml/itemProps1.xml",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><ds:datastoreItem "
                         "ds:itemID=\"{6C3C8BC8-F283-45AE-878A-BAB7291924A1}\" "
                         "xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs>"
                         "<ds:schemaRef ds:uri=\"urn:itucollab:docx:1\"/></ds:schemaRefs></ds:datastoreItem>");
    entries.emplace_back("customXml/_rels/item1.xml.rels",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships "
                         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps\" "
                         "Target=\"itemProps1.xml\"/></Relationships>");
    std::string& rels = entry(entries, "word/_rels/document.xml.rels");
    rels.insert(rels.rfind("</Relationships>"),
                "<Relationship Id=\"rIdItc\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "customXml\" Target=\"../customXml/item1.xml\"/>");
    std::string& types = entry(entries, "[Content_Types].xml");
    types.insert(types.rfind("</Types>"),
                 "<Override PartName=\"/customXml/itemProps1.xml\" "
                 "ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/>");
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
