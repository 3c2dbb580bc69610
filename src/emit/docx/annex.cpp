// word/document.xml: the annex in its landscape section, with the six-column mechanisms table.
#include "body.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace itucollab::emit::docx {

void BodyBuilder::annex() {
    const Annex& a = doc_.annex;
    // "ANNEX" and the annex title form one Heading1, so the navigation pane shows both.
    at("annex:heading");
    pugi::xml_node heading = paragraph("Heading1");
    add_val(heading.child("w:pPr"), "w:jc", "center");
    text_run(heading, labels_.annex + "\n" + a.title, {});
    at("annex:intro");
    text_paragraphs(body_, a.intro.spans, "Normal");
    at("annex:benefit");
    for (const Text& benefit : a.benefits) spans(paragraph("ListNumber", numbering::benefits), benefit.spans, {});
    annex_table();
}

pugi::xml_node BodyBuilder::cell(pugi::xml_node row, int width) {
    pugi::xml_node tc = row.append_child("w:tc");
    pugi::xml_node w = tc.append_child("w:tcPr").append_child("w:tcW");
    w.append_attribute("w:w") = width;
    w.append_attribute("w:type") = "dxa";
    return tc;
}

void BodyBuilder::heading_cell(pugi::xml_node row, const std::string& key, const std::string& title, int width,
                               pugi::xml_node heading_tcpr) {
    pugi::xml_node tc = row.append_child("w:tc");
    pugi::xml_node props = heading_tcpr ? tc.append_copy(heading_tcpr) : tc.append_child("w:tcPr");
    pugi::xml_node w = props.prepend_child("w:tcW");  // tcW leads the tcPr sequence
    w.append_attribute("w:w") = width;
    w.append_attribute("w:type") = "dxa";
    pugi::xml_node p = tc.append_child("w:p");
    add_val(p.append_child("w:pPr"), "w:pStyle", "TableHeading");
    text_run(p, title, {});
    std::string mark = present::column_mark(doc_.annex.note, key);
    if (mark.empty()) return;
    // The first marked heading carries the note as a footnote with a custom mark; later ones the mark.
    if (note_footnote_id_ == 0) {
        int highest = 0;
        for (const Section& s : doc_.sections) {
            for (const Footnote& f : s.footnotes) highest = std::max(highest, index_.footnote_number(f.id.value));
        }
        note_footnote_id_ = highest + 1;
        pugi::xml_node run = p.append_child("w:r");
        add_val(run.append_child("w:rPr"), "w:rStyle", "FootnoteReference");
        pugi::xml_node ref = run.append_child("w:footnoteReference");
        ref.append_attribute("w:customMarkFollows") = "1";
        ref.append_attribute("w:id") = note_footnote_id_;
        if (keys_) ref.append_attribute("itc-note") = "footnote:annex-note";
    }
    text_run(p, mark, RunFormat{false, false, "FootnoteReference"});
}

void BodyBuilder::note_footnote() {
    const AnnexNote& note = doc_.annex.note;
    pugi::xml_node fn = footnote(note_footnote_id_);
    at("footnote:annex-note");
    tag(fn);
    auto pieces = split_paragraphs(note.text.spans);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        pugi::xml_node p = fn.append_child("w:p");
        add_val(p.append_child("w:pPr"), "w:pStyle", "FootnoteText");
        if (i == 0) text_run(p, present::note_label(note) + " ", {});
        spans(p, pieces[i], {});
    }
}

void BodyBuilder::cell_text(pugi::xml_node tc, const Cell& value) {
    if (value) text_paragraphs(tc, value->spans, "TableText");
}

void BodyBuilder::relevance_cell(pugi::xml_node tc, const std::vector<RelevanceBlock>& blocks) {
    for (const RelevanceBlock& block : blocks) {
        if (block.text) {
            text_paragraphs(tc, block.text->spans, "TableText");
            continue;
        }
        auto cited = present::citation(block, index_);
        if (!cited) continue;
        pugi::xml_node p = tc.append_child("w:p");
        add_val(p.append_child("w:pPr"), "w:pStyle", "TableText");
        text_run(p, cited->label, RunFormat{true, false, nullptr});
        if (!cited->after.empty()) text_run(p, "\n" + cited->after, {});
    }
}

void BodyBuilder::annex_table() {
    const Annex& a = doc_.annex;
    const AnnexHeadings& h = a.headings;
    pugi::xml_node layout = layout_child("annex-table");
    pugi::xml_node table = body_.append_child("w:tbl");
    at("annex:table");
    tag(table);
    table.append_copy(layout.child("w:tblPr"));
    pugi::xml_node grid = table.append_copy(layout.child("w:tblGrid"));
    std::array<int, 6> widths{};
    std::size_t count = 0;
    for (pugi::xml_node col : grid.children("w:gridCol")) {
        if (count < widths.size()) widths[count] = col.attribute("w:w").as_int();
        ++count;
    }
    if (count != widths.size()) {
        throw std::runtime_error(fmt::format("template docx/layout.xml: the annex tblGrid has {} gridCol, 6 expected", count));
    }

    // The heading row repeats on every page and, like every row, never splits across pages.
    pugi::xml_node head = table.append_child("w:tr");
    at("annex:headings");
    tag(head);
    pugi::xml_node head_props = head.append_child("w:trPr");
    head_props.append_child("w:cantSplit");
    head_props.append_child("w:tblHeader");
    pugi::xml_node heading_tcpr = layout.child("w:tcPr");
    const auto columns = annex_columns(h);
    for (std::size_t i = 0; i < columns.size(); ++i) heading_cell(head, columns[i].first, *columns[i].second, widths[i], heading_tcpr);

    for (const Mechanism& m : a.mechanisms) {
        pugi::xml_node row = table.append_child("w:tr");
        at("annex:" + record("mechanism", m.id.value), true);
        tag(row);
        row.append_child("w:trPr").append_child("w:cantSplit");
        pugi::xml_node name = cell(row, widths[0]);
        pugi::xml_node p = name.append_child("w:p");
        add_val(p.append_child("w:pPr"), "w:pStyle", "TableText");
        carried_.mark(p, m.id.value, "mechanism");
        text_run(p, m.name, RunFormat{true, false, nullptr});
        cell_text(cell(row, widths[1]), m.key_activity);
        relevance_cell(cell(row, widths[2]), m.relevance);
        cell_text(cell(row, widths[3]), m.frequency);
        cell_text(cell(row, widths[4]), m.time_spent);
        cell_text(cell(row, widths[5]), m.financial);
    }
    // Every cell needs a paragraph: blank cells (`~`) get an empty one.
    for (pugi::xml_node row : table.children("w:tr")) {
        for (pugi::xml_node tc : row.children("w:tc")) {
            if (!tc.child("w:p")) add_val(tc.append_child("w:p").append_child("w:pPr"), "w:pStyle", "TableText");
        }
    }
    // A paragraph after the table keeps the final section from starting inside it.
    at("annex:end");
    paragraph("Normal");
}

}  // namespace itucollab::emit::docx
