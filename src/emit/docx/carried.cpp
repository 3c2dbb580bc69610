// The ids and non-printing data our DOCX carries for `itucollab import` (docs/importing.md).
#include "carried.hpp"

namespace itucollab::emit::docx {

void CarriedData::mark(pugi::xml_node p, const std::string& id, const char* kind) {
    // Bookmark names: `_` first hides them in Word; letters, digits and `_`, at most 40 characters.
    int number = static_cast<int>(records_.size()) + 1;
    std::string name = "_itc" + std::to_string(number);
    pugi::xml_node props = p.child("w:pPr");
    pugi::xml_node start = props ? p.insert_child_after("w:bookmarkStart", props) : p.prepend_child("w:bookmarkStart");
    start.append_attribute("w:id") = number;
    start.append_attribute("w:name") = name.c_str();
    p.insert_child_after("w:bookmarkEnd", start).append_attribute("w:id") = number;
    records_.push_back({name, id, kind});
}

std::string CarriedData::part_xml(const Document& doc) const {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "itucollab");
    root.append_attribute("xmlns") = carried_namespace;
    auto attribute = [](pugi::xml_node n, const char* name, const std::string& value) {
        n.append_attribute(name) = xml_safe(value).c_str();
    };
    for (const Record& r : records_) {
        pugi::xml_node n = root.append_child("record");
        attribute(n, "bookmark", r.bookmark);
        attribute(n, "id", r.id);
        n.append_attribute("kind") = r.kind;
    }
    for (const UnEntity& e : doc.un_entities) {
        pugi::xml_node n = root.append_child("entity");
        attribute(n, "id", e.id.value);
        attribute(n, "acronym", e.acronym);
        attribute(n, "name", e.name);
    }
    for (const Instrument& i : doc.instruments) {
        pugi::xml_node n = root.append_child("instrument");
        attribute(n, "id", i.id.value);
        attribute(n, "body", i.body);
        attribute(n, "kind", i.kind);
        attribute(n, "number", i.number);
        n.append_attribute("revised") = i.revised;
        attribute(n, "place", i.place);
        n.append_attribute("year") = i.year;
        if (i.title) attribute(n, "title", *i.title);
        if (i.label) attribute(n, "label", *i.label);
    }
    for (const Mechanism& m : doc.annex.mechanisms) {
        if (m.acronym) {
            pugi::xml_node n = root.append_child("mechanism");
            attribute(n, "id", m.id.value);
            attribute(n, "acronym", *m.acronym);
        }
        for (std::size_t b = 0; b < m.relevance.size(); ++b) {
            const RelevanceBlock& block = m.relevance[b];
            if (!block.cite) continue;
            pugi::xml_node n = root.append_child("cite");
            attribute(n, "mechanism", m.id.value);
            n.append_attribute("block") = static_cast<unsigned>(b);
            n.append_attribute("title") = block.show_title;
            if (block.append) attribute(n, "append", *block.append);
        }
    }
    for (const Acceptance& a : doc.accepted) {
        pugi::xml_node n = root.append_child("accept");
        attribute(n, "rule", a.rule);
        attribute(n, "in", a.in.id);
        attribute(n, "reason", a.reason);
    }
    for (const Review& r : doc.reviews) {
        pugi::xml_node n = root.append_child("review");
        attribute(n, "in", r.in.id);
        attribute(n, "reason", r.reason);
    }
    return serialize(out);
}

std::string carried_properties_xml() {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "ds:datastoreItem");
    // A fixed item id: the package stays byte-identical from one build to the next.
    root.append_attribute("ds:itemID") = "{6C3C8BC8-F283-45AE-878A-BAB7291924A1}";
    root.append_attribute("xmlns:ds") = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
    root.append_child("ds:schemaRefs").append_child("ds:schemaRef").append_attribute("ds:uri") = carried_namespace;
    return serialize(out);
}

}  // namespace itucollab::emit::docx
