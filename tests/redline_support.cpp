// Helpers of the redline tests: a Word redline resolved both ways and read as the report's text.
#include "redline_support.hpp"

#include "support.hpp"
#include "test_docx_support.hpp"

#include "import/revisions.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstring>
#include <map>
#include <set>

namespace redlinetest {
namespace {

itucollab::EmitOptions source_templates() {
    itucollab::EmitOptions options;
    options.templates_dir = testsupport::source_dir() + "/templates";
    return options;
}

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

void load(pugi::xml_document& doc, const std::string& xml, std::optional<bool> accept) {
    REQUIRE(doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    if (accept) {
        itucollab::import::strip_comment_anchors(doc.document_element());
        itucollab::import::resolve_revisions(doc.document_element(), *accept);
    }
}

// The text of one paragraph; `notes` gives each footnote id its text.
std::string paragraph_text(pugi::xml_node p, const std::map<std::string, std::string>& notes) {
    std::string out;
    for (pugi::xml_node n = p.first_child(); n;) {
        if (named(n, "w:t") || named(n, "w:delText")) out += n.text().get();
        else if (named(n, "w:tab")) out += '\t';
        else if (named(n, "w:br")) out += '\n';
        else if (named(n, "w:footnoteReference")) {
            auto it = notes.find(n.attribute("w:id").value());
            out += "[^" + (it == notes.end() ? std::string("?") : it->second) + "]";
        }
        if (n.first_child() && !named(n, "w:pPr")) {
            n = n.first_child();
            continue;
        }
        while (n != p && !n.next_sibling()) n = n.parent();
        if (n == p) break;
        n = n.next_sibling();
    }
    return out;
}

std::string paragraphs_text(pugi::xml_node root, const std::map<std::string, std::string>& notes) {
    std::string out;
    for (pugi::xpath_node x : root.select_nodes(".//w:p")) {
        pugi::xml_node p = x.node();
        out += std::string(p.child("w:pPr").child("w:pStyle").attribute("w:val").value()) + "|" +
               paragraph_text(p, notes) + "\n";
    }
    return out;
}

}  // namespace

std::string redline_docx(const itucollab::Document& old_doc, const itucollab::Document& new_doc,
                         const itucollab::diff::Options& options) {
    itucollab::diff::Result result = itucollab::diff::compare(old_doc, new_doc, options);
    return itucollab::diff::render_docx(result, old_doc, new_doc, options, source_templates());
}

std::string built_docx(const itucollab::Document& doc) { return docxtest::render(doc, "docx", source_templates()); }

std::string package_text(const std::string& docx, std::optional<bool> accept) {
    auto parts = docxtest::unzip_map(docx);
    pugi::xml_document document, footnotes, header, footer;
    load(document, parts["word/document.xml"], accept);
    load(footnotes, parts["word/footnotes.xml"], accept);
    load(header, parts["word/header1.xml"], accept);
    load(footer, parts["word/footer1.xml"], accept);
    std::map<std::string, std::string> notes;
    for (pugi::xml_node note : footnotes.document_element().children("w:footnote")) {
        std::string text;
        for (pugi::xml_node p : note.children("w:p")) text += (text.empty() ? "" : " / ") + paragraph_text(p, {});
        notes[note.attribute("w:id").value()] = text;
    }
    return paragraphs_text(document.document_element(), notes) + "--- running\n" +
           paragraphs_text(header.document_element(), notes) + paragraphs_text(footer.document_element(), notes);
}

int revision_count(const std::string& docx) {
    auto parts = docxtest::unzip_map(docx);
    int total = 0;
    for (const char* name : {"word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"}) {
        pugi::xml_document doc;
        REQUIRE(doc.load_string(parts[name].c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
        total += itucollab::import::count_revisions(doc.document_element()).total();
    }
    return total;
}

OfficeChanges office_changes(const std::string& odt) {
    auto parts = docxtest::unzip_map(odt);
    pugi::xml_document content;
    REQUIRE(content.load_string(parts["content.xml"].c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    OfficeChanges out;
    std::map<std::string, std::size_t> insertion_of;  // change id -> index in out.insertions
    for (pugi::xpath_node x : content.select_nodes("//text:changed-region")) {
        pugi::xml_node region = x.node();
        std::string id = region.attribute("text:id").value();
        if (pugi::xml_node deletion = region.child("text:deletion")) {
            std::string text;
            for (pugi::xml_node p : deletion.children()) {
                if (std::strcmp(p.name(), "office:change-info") == 0) continue;
                for (pugi::xpath_node t : p.select_nodes(".//text() | .//text:s")) {
                    text += t.node().type() == pugi::node_pcdata ? std::string(t.node().value()) : std::string(" ");
                }
                text += "\n";
            }
            out.deletions.push_back(text);
        } else if (region.child("text:insertion")) {
            insertion_of[id] = out.insertions.size();
            out.insertions.emplace_back();
        } else {
            ++out.other;
        }
    }
    // Inserted text lies in the body between text:change-start and text:change-end.
    std::set<std::string> open;
    pugi::xml_node body = content.document_element().child("office:body");
    for (pugi::xml_node n = body.first_child(); n;) {
        if (std::strcmp(n.name(), "text:change-start") == 0) open.insert(n.attribute("text:change-id").value());
        else if (std::strcmp(n.name(), "text:change-end") == 0) open.erase(n.attribute("text:change-id").value());
        else if (n.type() == pugi::node_pcdata || std::strcmp(n.name(), "text:s") == 0) {
            for (const std::string& id : open) {
                if (auto it = insertion_of.find(id); it != insertion_of.end()) {
                    out.insertions[it->second] += n.type() == pugi::node_pcdata ? n.value() : " ";
                }
            }
        } else if (std::strcmp(n.name(), "text:p") == 0 || std::strcmp(n.name(), "text:h") == 0) {
            for (const std::string& id : open) {
                if (auto it = insertion_of.find(id); it != insertion_of.end()) out.insertions[it->second] += "\n";
            }
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n != body && !n.next_sibling()) n = n.parent();
        if (n == body) break;
        n = n.next_sibling();
    }
    return out;
}

}  // namespace redlinetest
