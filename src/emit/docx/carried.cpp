// The ids and non-printing data our DOCX carries for `itucollab import` (docs/importing.md).
#include "carried.hpp"

#include <algorithm>
#include <cstring>
#include <set>
#include <string_view>

namespace itucollab::emit::docx {
namespace {

constexpr std::string_view bookmark_prefix = "_itc";

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// "_itco12" for "_itc12"; names of other bookmarks, and OLD's already renamed, stay.
std::string old_name(std::string_view name) {
    std::string_view rest = name.substr(std::min(name.size(), bookmark_prefix.size()));
    bool ours = name.starts_with(bookmark_prefix) && !rest.empty() &&
                rest.find_first_not_of("0123456789") == std::string_view::npos;
    return ours ? std::string(old_bookmark_prefix).append(rest) : std::string(name);
}

}  // namespace

void CarriedData::mark(pugi::xml_node p, const std::string& id, const char* kind) {
    // Bookmark names: `_` first hides them in Word; letters, digits and `_`, at most 40 characters.
    int number = static_cast<int>(records_.size()) + 1;
    std::string name = std::string(bookmark_prefix) + std::to_string(number);
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

void rename_as_old(pugi::xml_node root, int id_offset) {
    std::set<int> renamed;
    for (pugi::xpath_node x : root.select_nodes(".//w:bookmarkStart")) {
        pugi::xml_node n = x.node();
        std::string name = old_name(n.attribute("w:name").as_string());
        if (name == n.attribute("w:name").as_string()) continue;
        n.attribute("w:name").set_value(name.c_str());
        renamed.insert(n.attribute("w:id").as_int());
    }
    for (pugi::xpath_node x : root.select_nodes(".//w:bookmarkStart | .//w:bookmarkEnd")) {
        pugi::xml_attribute id = x.node().attribute("w:id");
        if (renamed.count(id.as_int())) id.set_value(id.as_int() + id_offset);
    }
}

int highest_bookmark_id(pugi::xml_node root) {
    int highest = 0;
    for (pugi::xpath_node x : root.select_nodes(".//w:bookmarkStart")) {
        highest = std::max(highest, x.node().attribute("w:id").as_int());
    }
    return highest;
}

std::string redline_carried_xml(pugi::xml_document& new_part, const pugi::xml_document& old_part,
                                const std::map<std::string, std::string>& renamed) {
    std::map<std::string, std::string> old_id_of;  // "kind:new-id" → old id
    for (const auto& [old_key, new_id] : renamed) {
        std::size_t colon = old_key.find(':');
        old_id_of[old_key.substr(0, colon + 1) + new_id] = old_key.substr(colon + 1);
    }
    pugi::xml_node root = new_part.document_element();
    pugi::xml_node rejected = root.append_child("rejected");
    for (pugi::xml_node n : old_part.document_element().children()) {
        pugi::xml_node copy = rejected.append_copy(n);
        if (named(copy, "record")) copy.attribute("bookmark").set_value(old_name(copy.attribute("bookmark").as_string()).c_str());
    }
    for (pugi::xml_node r : root.children("record")) {
        std::string kind = r.attribute("kind").as_string(), id = r.attribute("id").as_string();
        auto old = old_id_of.find(kind + ":" + id);
        pugi::xml_node alias = rejected.append_child("alias");
        alias.append_attribute("bookmark") = r.attribute("bookmark").value();
        alias.append_attribute("id") = (old == old_id_of.end() ? id : old->second).c_str();
        alias.append_attribute("kind") = kind.c_str();
    }
    return serialize(new_part);
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
