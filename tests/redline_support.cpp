// Helpers of the redline tests: a Word redline resolved both ways and read as the report's text.
#include "redline_support.hpp"

#include "support.hpp"
#include "test_docx_support.hpp"

#include "../fuzz/redline_text.hpp"
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

}  // namespace

std::string redline_docx(const itucollab::Document& old_doc, const itucollab::Document& new_doc,
                         const itucollab::diff::Options& options) {
    itucollab::diff::Result result = itucollab::diff::compare(old_doc, new_doc, options);
    return itucollab::diff::render_docx(result, old_doc, new_doc, options, source_templates());
}

std::string built_docx(const itucollab::Document& doc) { return docxtest::render(doc, "docx", source_templates()); }

std::string package_text(const std::string& docx, std::optional<bool> accept) {
    std::optional<std::string> text = redlinetext::package_text(redlinetext::unzip(docx), accept);
    REQUIRE(text);
    return *text;
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
