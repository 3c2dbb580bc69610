// The docx and xml (Flat OPC) formats: package layout, goldens, determinism, schema validity, structure.
#include "support.hpp"
#include "test_docx_support.hpp"

#include "emit/docx/xml.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace testsupport;
using namespace docxtest;

namespace {

const std::vector<std::string> expected_entries{
    "[Content_Types].xml", "_rels/.rels",         "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml",     "word/numbering.xml",  "word/settings.xml", "word/footnotes.xml",
    "word/header1.xml",    "word/footer1.xml",    "customXml/item1.xml", "customXml/itemProps1.xml",
    "customXml/_rels/item1.xml.rels", "docProps/core.xml", "docProps/app.xml"};

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
    return doc;
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) { return doc.select_nodes(xpath).size(); }

}  // namespace

TEST_CASE("the docx package holds the WordprocessingML parts in a fixed order, deflated, with fixed times") {
    auto entries = unzip(render(load_mini(), "docx"));
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back(e.name);
    CHECK(names == expected_entries);
    for (const auto& e : entries) {
        INFO(e.name);
        CHECK(e.compression == ZIP_CM_DEFLATE);
        CHECK(e.data.starts_with(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"));
    }
    CHECK(entries.front().mtime == entries.back().mtime);
    auto types = unzip_map(render(load_mini(), "docx"))["[Content_Types].xml"];
    CHECK(types.find(R"(PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")") != std::string::npos);
}

TEST_CASE("the docx parts of the mini fixture match their goldens part by part") {
    for (const auto& [name, data] : unzip_map(render(load_mini(), "docx"))) {
        INFO("part " << name);
        check_golden(golden_file(name), pretty(data));
    }
}

TEST_CASE("the Flat OPC document carries the same parts as the docx, without [Content_Types].xml") {
    auto doc = load_mini();
    std::string flat = render(doc, "xml");
    CHECK(flat.find(R"(<?mso-application progid="Word.Document"?>)") != std::string::npos);
    auto parts = unzip_map(render(doc, "docx"));
    pugi::xml_document package = parse(flat);
    pugi::xml_node root = package.document_element();
    CHECK(std::string(root.name()) == "pkg:package");
    CHECK(std::string(root.attribute("xmlns:pkg").value()) == "http://schemas.microsoft.com/office/2006/xmlPackage");
    std::vector<std::string> names;
    for (pugi::xml_node part : root.children("pkg:part")) {
        std::string name = std::string(part.attribute("pkg:name").value()).substr(1);
        names.push_back(name);
        INFO("part " << name);
        CHECK(!std::string(part.attribute("pkg:contentType").value()).empty());
        pugi::xml_node content = part.child("pkg:xmlData").first_child();
        REQUIRE(content);
        std::ostringstream embedded;
        content.print(embedded, "", pugi::format_raw);
        std::string part_xml = pretty(parts[name]);
        CHECK(pretty(embedded.str()).substr(pretty(embedded.str()).find('\n')) == part_xml.substr(part_xml.find('\n')));
    }
    std::vector<std::string> without_types(expected_entries.begin() + 1, expected_entries.end());
    CHECK(names == without_types);
}

TEST_CASE("two renders of the bundled report are byte-identical, docx and Flat OPC") {
    auto doc = load_bundled();
    std::string docx = render(doc, "docx");
    std::string flat = render(doc, "xml");
    // Past the 2-second resolution of zip times: a clock-derived timestamp would show.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(render(doc, "docx") == docx);
    CHECK(render(doc, "xml") == flat);
}

TEST_CASE("SOURCE_DATE_EPOCH changes the core.xml dates and nothing else") {
    auto doc = load_mini();
    auto plain = unzip_map(render(doc, "docx"));
    itucollab::EmitOptions epoch;
    epoch.source_date_epoch = 1700000000;  // 2023-11-14T22:13:20Z
    auto stamped = unzip_map(render(doc, "docx", epoch));
    REQUIRE(plain.size() == stamped.size());
    for (const auto& [name, data] : plain) {
        INFO(name);
        if (name == "docProps/core.xml") {
            CHECK(data != stamped[name]);
        } else {
            CHECK(data == stamped[name]);
        }
    }
    CHECK(plain["docProps/core.xml"].find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2099-03-23T00:00:00Z<") != std::string::npos);
    CHECK(stamped["docProps/core.xml"].find(">2023-11-14T22:13:20Z</dcterms:modified>") != std::string::npos);
    CHECK(plain["docProps/core.xml"].find("<dc:title>Mini report</dc:title>") != std::string::npos);
    CHECK(plain["docProps/core.xml"].find("<dc:language>en</dc:language>") != std::string::npos);
}

TEST_CASE("every word/*.xml part of the docx validates against the WordprocessingML schema") {
    if (!have_tools({tool_command("xmllint", "libxml2-utils"), ooxml_schemas()})) return;
    std::string schema = wml_schema();
    std::string dir = temp_dir("docx-schema");
    for (const auto& [corpus, doc] : {std::pair{"mini", load_mini()}, {"bundled", load_bundled()}}) {
        int validated = 0;
        for (const auto& [name, data] : unzip_map(render(doc, "docx"))) {
            if (!name.starts_with("word/") || !name.ends_with(".xml")) continue;
            std::string file = dir + "/" + corpus + "-" + fs::path(name).filename().string();
            write_file(file, pretty(data));
            auto result = run("xmllint --noout --schema " + quote(schema) + " " + quote(file));
            INFO(corpus << " " << name << ": " << result.output);
            CHECK(result.status == 0);
            ++validated;
        }
        CHECK(validated == 7);  // document, styles, numbering, settings, footnotes, header1, footer1
    }
    fs::remove_all(dir);
}

TEST_CASE("the docx package parts validate against the OPC schemas: content types, relationships, app.xml") {
    if (!have_tools({tool_command("xmllint", "libxml2-utils"), ooxml_schemas()})) return;
    std::string types = ooxml_schema("ecma/fouth-edition/opc-contentTypes.xsd");
    std::string rels = ooxml_schema("ecma/fouth-edition/opc-relationships.xsd");
    std::string app = ooxml_schema("ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd");
    std::string dir = temp_dir("docx-opc-schema");
    auto doc = load_mini();
    doc.sections[0].paragraphs[1].text.spans.push_back({itucollab::Span::Kind::link, "", "https://example.org/", {{itucollab::Span::Kind::text, "second link", "", {}}}});
    const std::map<std::string, std::string> schema_of{{"[Content_Types].xml", types}, {"_rels/.rels", rels},
                                                       {"word/_rels/document.xml.rels", rels}, {"docProps/app.xml", app}};
    auto parts = unzip_map(render(doc, "docx"));
    for (const auto& [name, schema] : schema_of) {
        std::string file = dir + "/" + fs::path(name).filename().string();
        write_file(file, pretty(parts[name]));
        auto result = run("xmllint --noout --schema " + quote(schema) + " " + quote(file));
        INFO(name << ": " << result.output);
        CHECK(result.status == 0);
    }
    CHECK(parts["word/_rels/document.xml.rels"].find("Id=\"rId8\"") != std::string::npos);  // the second hyperlink
    fs::remove_all(dir);
}

TEST_CASE("the docx body uses heading styles, native numbering, real footnotes and hyperlinks") {
    auto parts = unzip_map(render(load_bundled(), "docx"));
    auto document = parse(parts["word/document.xml"]);
    auto doc = load_bundled();
    // Section headings are Heading1 numbered by level 0; sector groups are Heading2.
    CHECK(count(document, "//w:p[w:pPr/w:pStyle/@w:val='Heading1'][w:pPr/w:numPr/w:ilvl/@w:val='0']") == doc.sections.size());
    CHECK(count(document, "//w:p[w:pPr/w:pStyle/@w:val='Heading2']") >= 4);
    // Paragraph numbers are numbering level 1, never typed digits.
    std::size_t paragraphs = 0;
    for (const auto& s : doc.sections) paragraphs += s.paragraphs.size();
    CHECK(count(document, "//w:p[w:pPr/w:numPr/w:ilvl/@w:val='1'][w:pPr/w:numPr/w:numId/@w:val='1']") == paragraphs);
    CHECK(parts["word/document.xml"].find(">1.1") == std::string::npos);
    auto numbering = parse(parts["word/numbering.xml"]);
    CHECK(count(numbering, "//w:abstractNum/w:lvl[@w:ilvl='1']/w:lvlText[@w:val='%1.%2']") == 1);
    // The annex benefits are a native decimal list.
    CHECK(count(document, "//w:p[w:pPr/w:pStyle/@w:val='ListNumber'][w:pPr/w:numPr/w:numId/@w:val='2']") == doc.annex.benefits.size());
    // Footnotes: references in the body, notes (and separators) in footnotes.xml.
    auto footnotes = parse(parts["word/footnotes.xml"]);
    CHECK(count(footnotes, "/w:footnotes/w:footnote[@w:type='separator']") == 1);
    CHECK(count(footnotes, "/w:footnotes/w:footnote[@w:type='continuationSeparator']") == 1);
    CHECK(count(document, "//w:footnoteReference") == count(footnotes, "/w:footnotes/w:footnote[not(@w:type)]"));
    CHECK(parts["word/footnotes.xml"].find("See ITU Council reports referenced above.") != std::string::npos);
    // Emphasis and strong are run properties; links are w:hyperlink with external relationships.
    auto mini = unzip_map(render(load_mini(), "docx"));
    auto mini_doc = parse(mini["word/document.xml"]);
    CHECK(count(mini_doc, "//w:r[w:rPr/w:i]/w:t[.='every']") == 1);
    CHECK(count(mini_doc, "//w:r[w:rPr/w:b]/w:t[.='strong']") == 1);
    pugi::xml_node link = mini_doc.select_node("//w:hyperlink").node();
    REQUIRE(link);
    std::string rid = link.attribute("r:id").value();
    CHECK(mini["word/_rels/document.xml.rels"].find("Id=\"" + rid + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.itu.int/\" TargetMode=\"External\"") != std::string::npos);
}

TEST_CASE("the docx annex is a landscape section with a repeated, unsplittable six-column table") {
    auto parts = unzip_map(render(load_bundled(), "docx"));
    auto document = parse(parts["word/document.xml"]);
    auto doc = load_bundled();
    // Portrait body section (on a paragraph), landscape final section.
    pugi::xml_node body_sect = document.select_node("//w:p/w:pPr/w:sectPr").node();
    pugi::xml_node annex_sect = document.select_node("/w:document/w:body/w:sectPr").node();
    REQUIRE(body_sect);
    REQUIRE(annex_sect);
    CHECK(body_sect.child("w:pgSz").attribute("w:w").as_int() < body_sect.child("w:pgSz").attribute("w:h").as_int());
    CHECK(std::string(annex_sect.child("w:pgSz").attribute("w:orient").value()) == "landscape");
    CHECK(annex_sect.child("w:pgSz").attribute("w:w").as_int() > annex_sect.child("w:pgSz").attribute("w:h").as_int());
    CHECK(std::string(annex_sect.first_child().name()) == "w:headerReference");
    // The annex table: six grid columns, tcW on every cell, heading row repeated, no row splits.
    pugi::xml_node table = document.select_node("(//w:tbl)[last()]").node();
    REQUIRE(table);
    CHECK(table.child("w:tblGrid").select_nodes("w:gridCol").size() == 6);
    auto rows = table.select_nodes("w:tr");
    CHECK(rows.size() == doc.annex.mechanisms.size() + 1);
    CHECK(rows.first().node().select_node("w:trPr/w:tblHeader"));
    for (auto row : rows) {
        CHECK(row.node().select_node("w:trPr/w:cantSplit"));
        CHECK(row.node().select_nodes("w:tc").size() == 6);
        for (auto tc : row.node().select_nodes("w:tc")) {
            CHECK(tc.node().select_node("w:tcPr/w:tcW"));
            CHECK(tc.node().child("w:p"));
        }
    }
    // The (*) note: a custom-mark footnote on the first marked heading, the mark on the other one.
    CHECK(count(document, "//w:tr[1]//w:footnoteReference[@w:customMarkFollows='1']") == 1);
    CHECK(count(document, "(//w:tbl)[last()]/w:tr[1]//w:r[w:rPr/w:rStyle/@w:val='FootnoteReference']/w:t[.='*']") == 2);
    CHECK(parts["word/footnotes.xml"].find("(*) </w:t>") != std::string::npos);
    CHECK(parts["word/footnotes.xml"].find("More than half of the meetings") != std::string::npos);
}

TEST_CASE("the docx header block, running head and page X of Y") {
    auto parts = unzip_map(render(load_bundled(), "docx"));
    const std::string& document = parts["word/document.xml"];
    for (const char* text : {"Council 2021", "Virtual consultation of councillors, 8-18 June 2021", "Document C21/INF/2-E",
                             "23 March 2021", "English only", "Report by the Secretary-General", "Summary", "Action required",
                             "References"}) {
        INFO(text);
        CHECK(document.find(std::string(">") + text + "<") != std::string::npos);
    }
    auto parsed = parse(document);
    auto first_table = parsed.select_node("(//w:tbl)[1]").node();
    CHECK(first_table.select_nodes("w:tr[1]/w:tc").size() == 2);
    const std::string& footer = parts["word/footer1.xml"];
    CHECK(footer.find("C21/INF/2-E – Page ") != std::string::npos);
    CHECK(footer.find(" PAGE ") != std::string::npos);
    CHECK(footer.find(" NUMPAGES ") != std::string::npos);
    CHECK(parts["word/header1.xml"].find(">Collaboration with UN system<") != std::string::npos);
    CHECK(footer.find("{{") == std::string::npos);
}

TEST_CASE("docx text is XML-safe: control characters dropped, edge spaces preserved, URIs encoded") {
    using itucollab::emit::docx::percent_encode_uri;
    using itucollab::emit::docx::xml_safe;
    CHECK(xml_safe("a\x01" "b\x0b" "c\td\n") == "abc\td\n");
    CHECK(xml_safe("caf\xc3\xa9 \xef\xbf\xbe!") == "caf\xc3\xa9 !");
    CHECK(xml_safe("bad \xc3 byte") == "bad \xef\xbf\xbd byte");
    CHECK(percent_encode_uri("https://x.org/a b/é?q=1#f") == "https://x.org/a%20b/%C3%A9?q=1#f");

    auto doc = load_mini();
    doc.sections[0].paragraphs[0].text.spans.front().text += "\x01\x1f tail ";
    doc.sections[0].paragraphs[0].text.spans.push_back({itucollab::Span::Kind::link, "", "https://x.org/a b", {{itucollab::Span::Kind::text, "spaced link", "", {}}}});
    auto parts = unzip_map(render(doc, "docx"));
    for (const auto& [name, data] : parts) {
        INFO(name);
        CHECK(data.find("&#") == std::string::npos);
        CHECK(data.find('\x01') == std::string::npos);
    }
    CHECK(parts["word/_rels/document.xml.rels"].find("Target=\"https://x.org/a%20b\" TargetMode=\"External\"") != std::string::npos);
    auto document = parse(parts["word/document.xml"]);
    for (auto t : document.select_nodes("//w:t")) {
        std::string text = t.node().text().get();
        if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) {
            INFO("w:t '" << text << "'");
            CHECK(std::string(t.node().attribute("xml:space").value()) == "preserve");
        }
    }
}

TEST_CASE("docx reference parts come from the template directory, so --templates restyles without recompiling") {
    std::string dir = temp_dir("docx-templates");
    fs::copy(source_dir() + "/templates", dir, fs::copy_options::recursive);
    std::string styles = read_file(dir + "/docx/styles.xml");
    styles = replace_once(styles, "w:ascii=\"Calibri\"", "w:ascii=\"Garamond\"");
    write_file(dir + "/docx/styles.xml", styles);
    std::string layout = replace_once(read_file(dir + "/docx/layout.xml"), "<w:gridCol w:w=\"2270\"/>", "<w:gridCol w:w=\"2271\"/>");
    write_file(dir + "/docx/layout.xml", layout);
    itucollab::EmitOptions options;
    options.templates_dir = dir;
    auto parts = unzip_map(render(load_mini(), "docx", options));
    CHECK(parts["word/styles.xml"].find("w:ascii=\"Garamond\"") != std::string::npos);
    CHECK(parts["word/document.xml"].find("<w:gridCol w:w=\"2271\"/>") != std::string::npos);
    CHECK(parts["word/document.xml"].find("w:w=\"2271\" w:type=\"dxa\"") != std::string::npos);  // tcW follows the grid

    write_file(dir + "/docx/numbering.xml", "<w:numbering");
    CHECK_THROWS_WITH(render(load_mini(), "docx", options), Catch::Contains("docx/numbering.xml"));
    fs::remove_all(dir);
}
