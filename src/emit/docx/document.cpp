// word/document.xml: the header block of the first page and the numbered sections (portrait A4).
#include "body.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace itucollab::emit::docx {

BodyBuilder::BodyBuilder(const Document& doc, const pugi::xml_document& layout, const BlockKeys* keys)
    : doc_(doc), index_(doc), labels_(labels_for(doc.language)), layout_(layout), keys_(keys) {}

void BodyBuilder::at(std::string key, bool movable) {
    key_ = std::move(key);
    movable_ = movable;
}

void BodyBuilder::tag(pugi::xml_node node) const {
    if (!keys_) return;
    node.append_attribute("itc-key") = xml_safe(key_).c_str();
    if (movable_) node.append_attribute("itc-move") = "1";
}

std::string BodyBuilder::record(const char* kind, const std::string& id) const {
    std::string key = std::string(kind) + ":" + id;
    if (!keys_) return key;
    auto renamed = keys_->renamed.find(key);
    return renamed == keys_->renamed.end() ? key : std::string(kind) + ":" + renamed->second;
}

pugi::xml_node BodyBuilder::layout_child(const char* name) const {
    // Elements of templates/docx/layout.xml carry the itucollab: prefix.
    pugi::xml_node node = layout_.document_element().child(("itucollab:" + std::string(name)).c_str());
    if (!node) throw std::runtime_error(fmt::format("template docx/layout.xml has no <{}> element", name));
    return node;
}

BodyParts BodyBuilder::run() {
    pugi::xml_node root = start_document(document_, "w:document");
    root.append_attribute("xmlns:w") = ns_w;
    root.append_attribute("xmlns:r") = ns_r;
    body_ = root.append_child("w:body");
    header_block();
    for (std::size_t i = 0; i < doc_.sections.size(); ++i) section(i);
    // The portrait section ends here: its properties ride on an empty paragraph.
    pugi::xml_node end_of_body = body_.append_child("w:p");
    at("body-end");
    tag(end_of_body);
    append_section_properties(end_of_body.append_child("w:pPr"), "body-section");
    annex();
    append_section_properties(body_, "annex-section");
    footnotes();
    return BodyParts{serialize(document_), serialize(footnotes_doc_), document_links_.entries(),
                     footnote_links_.entries(), carried_.part_xml(doc_)};
}

pugi::xml_node BodyBuilder::paragraph(const char* style, int num_id, int level) {
    pugi::xml_node p = body_.append_child("w:p");
    tag(p);
    pugi::xml_node props = p.append_child("w:pPr");
    add_val(props, "w:pStyle", style);
    if (num_id != 0) {
        pugi::xml_node num = props.append_child("w:numPr");
        add_val(num, "w:ilvl", std::to_string(level));
        add_val(num, "w:numId", std::to_string(num_id));
    }
    return p;
}

void BodyBuilder::append_section_properties(pugi::xml_node parent, const char* layout_name) {
    pugi::xml_node sect = layout_child(layout_name).child("w:sectPr");
    if (!sect) throw std::runtime_error(fmt::format("template docx/layout.xml: <{}> holds no w:sectPr", layout_name));
    // The header and footer references come first, as the schema orders them.
    pugi::xml_node copy = parent.append_copy(sect);
    for (pugi::xml_node old = copy.child("w:headerReference"); old; old = copy.child("w:headerReference")) copy.remove_child(old);
    for (pugi::xml_node old = copy.child("w:footerReference"); old; old = copy.child("w:footerReference")) copy.remove_child(old);
    pugi::xml_node footer = copy.prepend_child("w:footerReference");
    footer.append_attribute("w:type") = "default";
    footer.append_attribute("r:id") = footer_rel_id;
    pugi::xml_node header = copy.prepend_child("w:headerReference");
    header.append_attribute("w:type") = "default";
    header.append_attribute("r:id") = header_rel_id;
    // A section whose template asks for a distinct first page (w:titlePg) keeps the footer there
    // but no running head: the header block stands at the top of the first page.
    if (copy.child("w:titlePg")) {
        pugi::xml_node first = copy.insert_child_after("w:footerReference", footer);
        first.append_attribute("w:type") = "first";
        first.append_attribute("r:id") = footer_rel_id;
    }
}

void BodyBuilder::header_block() {
    // The session and symbol block: a borderless two-column table.
    pugi::xml_node layout = layout_child("header-table");
    pugi::xml_node table = body_.append_child("w:tbl");
    at("header:table");
    tag(table);
    table.append_copy(layout.child("w:tblPr"));
    pugi::xml_node grid = table.append_copy(layout.child("w:tblGrid"));
    pugi::xml_node row = table.append_child("w:tr");
    tag(row);
    std::vector<std::vector<std::pair<const char*, std::string>>> columns{
        {{"HeaderBlockStrong", doc_.session.name},
         {"HeaderBlock", fmt::format("{}, {}", doc_.session.venue, format_date_range(doc_.session.start, doc_.session.end))}},
        {{"HeaderBlockStrong", fmt::format("{} {}", labels_.document, full_symbol(doc_))},
         {"HeaderBlock", format_date(doc_.date)},
         {"HeaderBlock", doc_.distribution}}};
    pugi::xml_node col = grid.child("w:gridCol");
    for (const auto& lines : columns) {
        pugi::xml_node tc = row.append_child("w:tc");
        pugi::xml_node width = tc.append_child("w:tcPr").append_child("w:tcW");
        width.append_attribute("w:w") = col ? col.attribute("w:w").as_int() : 0;
        width.append_attribute("w:type") = "dxa";
        if (col) col = col.next_sibling("w:gridCol");
        for (const auto& [style, text] : lines) {
            pugi::xml_node p = tc.append_child("w:p");
            add_val(p.append_child("w:pPr"), "w:pStyle", style);
            text_run(p, text, {});
        }
    }

    at("header:origin");
    text_run(paragraph("Origin"), doc_.origin, {});
    at("header:title");
    text_run(paragraph("Title"), doc_.title, {});
    at("header:summary-heading");
    text_run(paragraph("BoxHeading"), labels_.summary, {});
    at("header:summary");
    text_paragraphs(body_, doc_.summary.spans, "BoxText");
    at("header:action-heading");
    text_run(paragraph("BoxHeading"), labels_.action_required, {});
    at("header:action");
    text_paragraphs(body_, doc_.action_required.spans, "BoxText");
    at("header:rule");
    text_run(paragraph("Rule"), std::string(12, '_'), {});
    at("header:references-heading");
    text_run(paragraph("BoxHeading"), labels_.references, {});
    at("header:references");
    text_run(paragraph("BoxText"), present::references_sentence(doc_), {});
}

void BodyBuilder::section(std::size_t section_index) {
    const Section& s = doc_.sections[section_index];
    const std::string section_key = record("section", s.id.value);
    at(section_key, true);
    // Numbers come from numbering.xml: level 0 on the heading, level 1 ("1.1") on its paragraphs.
    // Each record's first paragraph carries its bookmark (carried.hpp), for import.
    pugi::xml_node heading = paragraph("Heading1", numbering::paragraphs, 0);
    carried_.mark(heading, s.id.value, "section");
    text_run(heading, s.title, {});
    for (const Paragraph& p : s.paragraphs) {
        const std::string paragraph_key = section_key + "/" + record("paragraph", p.id.value);
        auto pieces = split_paragraphs(p.text.spans);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            at(paragraph_key + "#" + std::to_string(i), true);
            pugi::xml_node para =
                i == 0 ? paragraph("NumberedParagraph", numbering::paragraphs, 1) : paragraph("NumberedParagraph");
            if (i == 0) carried_.mark(para, p.id.value, "paragraph");
            spans(para, pieces[i], {});
        }
        at(paragraph_key + "/bullet");
        for (const Text& bullet : p.bullets) spans(paragraph("ListBullet", numbering::bullets), bullet.spans, {});
    }
    for (const InitiativeGroup& group : s.initiatives) {
        at(section_key + "/group:" + sector_label(group.sector), true);
        initiatives(group);
    }
}

void BodyBuilder::initiatives(const InitiativeGroup& group) {
    const std::string group_key = key_;
    text_run(paragraph("Heading2"), sector_label(group.sector), {});
    at(group_key + "/intro");
    for (const Text& intro : group.intro) text_paragraphs(body_, intro.spans, "IndentedText");
    for (const InitiativeItem& item : group.items) {
        at(group_key + "/" + record("item", item.id.value), true);
        pugi::xml_node p = paragraph("ListBullet", numbering::bullets);
        carried_.mark(p, item.id.value, "item");
        if (auto agency = present::agency_label(item, index_)) {
            text_run(p, *agency + ":", RunFormat{false, false, "AgencyLabel"});
            text_run(p, " ", {});
        }
        spans(p, item.text.spans, {});
    }
}

BodyParts build_body(const Document& doc, const pugi::xml_document& layout, const BlockKeys* keys) {
    return BodyBuilder(doc, layout, keys).run();
}

}  // namespace itucollab::emit::docx
