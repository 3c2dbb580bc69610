// The Word redline: OLD's and NEW's keyed bodies merged block by block, row by row, into NEW's package.
#include "redline_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace itucollab::emit::docx {
namespace redline {
namespace {

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// Properties and grids belong to their container, not to the blocks merged inside it.
bool is_properties(pugi::xml_node n) {
    std::string_view name = n.name();
    return name.ends_with("Pr") || name == "w:tblGrid" || name == "w:tblPrEx";
}

std::vector<pugi::xml_node> block_children(pugi::xml_node parent) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : parent.children()) {
        if (c.type() == pugi::node_element && !is_properties(c)) out.push_back(c);
    }
    return out;
}

std::string raw_properties(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        std::ostringstream s;
        c.print(s, "", pugi::format_raw);
        out += s.str();
    }
    return out;
}

std::string key_of(pugi::xml_node n) {
    pugi::xml_attribute key = n.attribute("itc-key");
    return key ? key.value() : n.name();
}

}  // namespace

bool Merger::is_tracked(pugi::xml_node block, bool inherited) const {
    pugi::xml_attribute key = block.attribute("itc-key");
    if (!key || !options_.tracked) return inherited;
    return options_.tracked(key.value());
}

std::string Merger::signature(pugi::xml_node block) const {
    if (named(block, "w:p")) return take_apart(block).signature;
    std::string out = block.name();
    for (pugi::xml_node c : block_children(block)) out.append(signature(c)).push_back('\x1d');
    return out;
}

std::vector<BlockStep> Merger::align(const std::vector<pugi::xml_node>& olds, const std::vector<pugi::xml_node>& news,
                                     bool all_movable) const {
    // Keys and signatures live here while align_blocks reads them through string_views.
    std::vector<std::string> keys, contents;
    keys.reserve(olds.size() + news.size());
    contents.reserve(olds.size() + news.size());
    std::vector<BlockRef> a, b;
    for (auto* side : {&olds, &news}) {
        for (pugi::xml_node n : *side) {
            keys.push_back(key_of(n));
            contents.push_back(signature(n));
        }
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        pugi::xml_node n = k < olds.size() ? olds[k] : news[k - olds.size()];
        (k < olds.size() ? a : b).push_back({keys[k], contents[k], all_movable || !n.attribute("itc-move").empty()});
    }
    return align_blocks(a, b);
}

void Merger::blocks(pugi::xml_node old_parent, pugi::xml_node new_parent, pugi::xml_node out, bool tracked) {
    std::vector<pugi::xml_node> olds = block_children(old_parent), news = block_children(new_parent);
    for (const BlockStep& step : align(olds, news, false)) block(step, olds, news, out, tracked);
    close_segments(out);
}

namespace {

// The revision on a paragraph's mark (w:ins, w:del, w:moveFrom, w:moveTo), or null.
pugi::xml_node mark_of(pugi::xml_node p) {
    if (!named(p, "w:p")) return {};
    for (pugi::xml_node c : p.child("w:pPr").child("w:rPr").children()) {
        if (named(c, "w:ins") || named(c, "w:del") || named(c, "w:moveFrom") || named(c, "w:moveTo")) return c;
    }
    return {};
}

// Whether the paragraph is there once every revision is accepted.
bool kept_on_accept(pugi::xml_node mark) { return named(mark, "w:ins") || named(mark, "w:moveTo"); }

void remove_mark(pugi::xml_node mark) {
    pugi::xml_node rpr = mark.parent();
    rpr.remove_child(mark);
    if (!rpr.first_child()) rpr.parent().remove_child(rpr);
}

// A paragraph's properties without its mark, section break and recorded change.
void copy_properties(pugi::xml_node from, pugi::xml_node into) {
    for (pugi::xml_node c : from.children()) {
        if (!named(c, "w:rPr") && !named(c, "w:sectPr") && !named(c, "w:pPrChange")) into.append_copy(c);
    }
}

}  // namespace

void Merger::close_segments(pugi::xml_node out) {
    // A removed paragraph mark joins its paragraph with the next one. Before a table and at the end
    // of a body, cell or note there is no next one: the last paragraph there must keep its mark in
    // both the accepted and the rejected document. A run of marked paragraphs ending there is
    // closed by the paragraph before it (its mark takes the run's revision) or, when the run holds
    // both kinds, by joining the last paragraph of each kind into one.
    std::vector<pugi::xml_node> kids = block_children(out);
    for (std::size_t k = 0; k < kids.size();) {
        if (!mark_of(kids[k])) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < kids.size() && mark_of(kids[end])) ++end;
        bool closed = end < kids.size() && named(kids[end], "w:p");
        std::size_t first = k;
        k = end;
        if (closed) continue;
        pugi::xml_node last = kids[end - 1];
        pugi::xml_node last_mark = mark_of(last);
        bool last_accepted = kept_on_accept(last_mark);
        pugi::xml_node other;  // the last paragraph of the other kind in the run
        for (std::size_t j = end - 1; j-- > first;) {
            if (kept_on_accept(mark_of(kids[j])) != last_accepted) {
                other = kids[j];
                break;
            }
        }
        pugi::xml_node accepted_props, rejected_props;  // what the paragraph is in each document
        if (other) {
            // Both kinds: the other paragraph's runs go first into the last one, which keeps its mark.
            accepted_props = (last_accepted ? last : other).child("w:pPr");
            rejected_props = (last_accepted ? other : last).child("w:pPr");
            pugi::xml_node anchor = last.child("w:pPr") ? last.child("w:pPr").next_sibling() : last.first_child();
            for (pugi::xml_node c = other.first_child(); c;) {
                pugi::xml_node next = c.next_sibling();
                if (!named(c, "w:pPr")) {
                    if (anchor) last.insert_move_before(c, anchor);
                    else last.append_move(c);
                }
                c = next;
            }
        } else {
            pugi::xml_node before = first > 0 ? kids[first - 1] : pugi::xml_node();
            if (!before || !named(before, "w:p") || before.child("w:pPr").child("w:pPrChange")) continue;
            // One kind: the paragraph before the run ends where the run ends in the other document.
            pugi::xml_node props = before.child("w:pPr") ? before.child("w:pPr") : before.prepend_child("w:pPr");
            pugi::xml_node rpr = props.child("w:rPr");
            if (!rpr) {
                pugi::xml_node at = props.child("w:sectPr");
                rpr = at ? props.insert_child_before("w:rPr", at) : props.append_child("w:rPr");
            }
            pugi::xml_document holder;
            pugi::xml_node moved = revision(holder, last_accepted ? "w:ins" : "w:del");
            rpr.prepend_copy(moved);
            accepted_props = (last_accepted ? last : before).child("w:pPr");
            rejected_props = (last_accepted ? before : last).child("w:pPr");
        }
        // The last paragraph keeps no revision on its mark and shows the accepted properties,
        // the rejected ones recorded in a w:pPrChange.
        pugi::xml_document saved;
        pugi::xml_node accepted = saved.append_child("accepted"), rejected = saved.append_child("rejected");
        copy_properties(accepted_props, accepted);
        copy_properties(rejected_props, rejected);
        remove_mark(last_mark);
        if (other) other.parent().remove_child(other);
        pugi::xml_node props = last.child("w:pPr") ? last.child("w:pPr") : last.prepend_child("w:pPr");
        for (pugi::xml_node c = props.first_child(); c;) {
            pugi::xml_node next = c.next_sibling();
            if (!named(c, "w:rPr") && !named(c, "w:sectPr")) props.remove_child(c);
            c = next;
        }
        pugi::xml_node tail = props.first_child();  // rPr or sectPr, which come last
        for (pugi::xml_node c : accepted.children()) {
            if (tail) props.insert_copy_before(c, tail);
            else props.append_copy(c);
        }
        if (raw_properties(accepted) != raw_properties(rejected)) {
            pugi::xml_node change = revision(props, "w:pPrChange");
            pugi::xml_node was = change.append_child("w:pPr");
            for (pugi::xml_node c : rejected.children()) was.append_copy(c);
        }
        if (!props.first_child()) last.remove_child(props);
    }
}

void Merger::block(const BlockStep& step, const std::vector<pugi::xml_node>& olds, const std::vector<pugi::xml_node>& news,
                   pugi::xml_node out, bool tracked) {
    pugi::xml_node o = step.old_index == no_block ? pugi::xml_node() : olds[step.old_index];
    pugi::xml_node n = step.new_index == no_block ? pugi::xml_node() : news[step.new_index];
    bool shows_new = step.op == BlockOp::same || step.op == BlockOp::changed || step.op == BlockOp::added ||
                     step.op == BlockOp::moved_to;
    if (!is_tracked(n ? n : o, tracked) || step.op == BlockOp::same) {
        if (shows_new) out.append_copy(n);  // untracked: NEW as it is; OLD's own blocks are left out
        return;
    }
    auto whole = [&](pugi::xml_node node, Mark mark) {
        if (named(node, "w:p")) paragraph_whole(take_apart(node), out, mark);
        else if (named(node, "w:tbl")) table(mark == Mark::del ? node : pugi::xml_node(), mark == Mark::del ? pugi::xml_node() : node, out, mark, true);
        else if (mark != Mark::del) out.append_copy(node);
    };
    bool paragraphs = o && n && named(o, "w:p") && named(n, "w:p");
    switch (step.op) {
        case BlockOp::changed:
            if (paragraphs) paragraph_changed(take_apart(o), take_apart(n), out, Mark::none, Mark::none);
            else if (named(o, "w:tbl") && named(n, "w:tbl")) table(o, n, out, Mark::none, true);
            else {
                whole(o, Mark::del);
                whole(n, Mark::ins);
            }
            break;
        case BlockOp::removed: whole(o, Mark::del); break;
        case BlockOp::added: whole(n, Mark::ins); break;
        case BlockOp::moved_from:
            if (paragraphs) paragraph_changed(take_apart(o), take_apart(n), out, Mark::move_from, Mark::none, step.move);
            else whole(o, Mark::del);
            break;
        case BlockOp::moved_to:
            if (paragraphs) paragraph_changed(take_apart(o), take_apart(n), out, Mark::none, Mark::move_to, step.move);
            else whole(n, Mark::ins);
            break;
        case BlockOp::same: break;
    }
}

void Merger::whole_container(pugi::xml_node from, pugi::xml_node out, Mark mark) {
    for (pugi::xml_node c : block_children(from)) {
        if (named(c, "w:p")) paragraph_whole(take_apart(c), out, mark);
        else if (named(c, "w:tbl")) table(mark == Mark::del ? c : pugi::xml_node(), mark == Mark::del ? pugi::xml_node() : c, out, mark, true);
        else if (mark != Mark::del) out.append_copy(c);
    }
}

void Merger::table(pugi::xml_node old_table, pugi::xml_node new_table, pugi::xml_node out, Mark whole, bool tracked) {
    pugi::xml_node source = new_table ? new_table : old_table;
    pugi::xml_node tbl = out.append_child("w:tbl");
    if (pugi::xml_node props = source.child("w:tblPr")) tbl.append_copy(props);
    if (pugi::xml_node grid = source.child("w:tblGrid")) tbl.append_copy(grid);
    if (whole != Mark::none) {
        for (pugi::xml_node r : source.children("w:tr")) row(whole == Mark::del ? r : pugi::xml_node(), whole == Mark::del ? pugi::xml_node() : r, tbl, whole, true);
        return;
    }
    std::vector<pugi::xml_node> olds, news;
    for (pugi::xml_node r : old_table.children("w:tr")) olds.push_back(r);
    for (pugi::xml_node r : new_table.children("w:tr")) news.push_back(r);
    for (const BlockStep& step : align(olds, news, true)) {
        pugi::xml_node o = step.old_index == no_block ? pugi::xml_node() : olds[step.old_index];
        pugi::xml_node n = step.new_index == no_block ? pugi::xml_node() : news[step.new_index];
        bool row_tracked = is_tracked(n ? n : o, tracked);
        switch (step.op) {
            case BlockOp::same: tbl.append_copy(n); break;
            case BlockOp::changed:
                if (row_tracked) row(o, n, tbl, Mark::none, true);
                else tbl.append_copy(n);
                break;
            // A row that moved is deleted where it was and inserted where it is: rows have no moves.
            case BlockOp::removed:
            case BlockOp::moved_from:
                if (row_tracked) row(o, {}, tbl, Mark::del, true);
                break;
            case BlockOp::added:
            case BlockOp::moved_to:
                if (row_tracked) row({}, n, tbl, Mark::ins, true);
                else tbl.append_copy(n);
                break;
        }
    }
}

void Merger::row(pugi::xml_node old_row, pugi::xml_node new_row, pugi::xml_node out, Mark whole, bool tracked) {
    pugi::xml_node source = new_row ? new_row : old_row;
    pugi::xml_node tr = out.append_child("w:tr");
    for (pugi::xml_attribute a : source.attributes()) tr.append_attribute(a.name()) = a.value();
    if (pugi::xml_node ex = source.child("w:tblPrEx")) tr.append_copy(ex);
    pugi::xml_node props = source.child("w:trPr") ? tr.append_copy(source.child("w:trPr")) : pugi::xml_node();
    if (whole != Mark::none) {
        if (!props) props = tr.append_child("w:trPr");
        revision(props, mark_name(whole));
        for (pugi::xml_node tc : source.children("w:tc")) {
            pugi::xml_node cell = tr.append_child("w:tc");
            if (pugi::xml_node tcpr = tc.child("w:tcPr")) cell.append_copy(tcpr);
            whole_container(tc, cell, whole);
        }
        return;
    }
    std::vector<pugi::xml_node> old_cells, new_cells;
    for (pugi::xml_node tc : old_row.children("w:tc")) old_cells.push_back(tc);
    for (pugi::xml_node tc : new_row.children("w:tc")) new_cells.push_back(tc);
    for (std::size_t k = 0; k < new_cells.size(); ++k) {
        if (k >= old_cells.size()) {
            tr.append_copy(new_cells[k]);
            continue;
        }
        pugi::xml_node cell = tr.append_child("w:tc");
        if (pugi::xml_node tcpr = new_cells[k].child("w:tcPr")) cell.append_copy(tcpr);
        blocks(old_cells[k], new_cells[k], cell, tracked);
        if (!cell.child("w:p")) cell.append_child("w:p");
    }
}

void Merger::footnotes(pugi::xml_node old_root, pugi::xml_node new_root, pugi::xml_node out) {
    std::vector<pugi::xml_node> olds, news;
    for (pugi::xml_node f : old_root.children("w:footnote")) olds.push_back(f);
    for (pugi::xml_node f : new_root.children("w:footnote")) news.push_back(f);
    int highest = 0;
    for (pugi::xml_node f : news) {
        highest = std::max(highest, f.attribute("w:id").as_int());
        note_ids_[key_of(f)] = f.attribute("w:id").as_int();
    }
    for (pugi::xml_node f : olds) note_ids_.try_emplace(key_of(f), ++highest);

    auto start = [&](pugi::xml_node from) {
        pugi::xml_node note = out.append_child("w:footnote");
        for (pugi::xml_attribute attr : from.attributes()) note.append_attribute(attr.name()) = attr.value();
        note.attribute("w:id").set_value(note_ids_[key_of(from)]);
        return note;
    };
    // Notes are found by id, not by place: a note NEW keeps is merged where NEW has it.
    for (const BlockStep& step : align(olds, news, true)) {
        pugi::xml_node o = step.old_index == no_block ? pugi::xml_node() : olds[step.old_index];
        pugi::xml_node n = step.new_index == no_block ? pugi::xml_node() : news[step.new_index];
        bool tracked = is_tracked(n ? n : o, true);
        switch (step.op) {
            case BlockOp::same: out.append_copy(n); break;
            case BlockOp::changed:
            case BlockOp::moved_to:
                if (tracked) blocks(o, n, start(n), true);
                else out.append_copy(n);
                break;
            case BlockOp::moved_from: break;
            // A note only OLD has is referenced from deleted text; it stays, deleted, for a reject.
            case BlockOp::removed: whole_container(o, start(o), tracked ? Mark::del : Mark::none); break;
            case BlockOp::added:
                if (tracked) whole_container(n, start(n), Mark::ins);
                else out.append_copy(n);
                break;
        }
    }
}

void Merger::finish(pugi::xml_node root, HyperlinkTable& links) const {
    for (pugi::xml_node n = root.first_child(); n;) {
        if (n.type() == pugi::node_element) {
            if (pugi::xml_attribute note = n.attribute("itc-note")) {
                if (auto it = note_ids_.find(note.value()); it != note_ids_.end()) n.attribute("w:id").set_value(it->second);
                n.remove_attribute(note);
            }
            if (pugi::xml_attribute target = n.attribute("itc-target")) {
                if (pugi::xml_attribute id = n.attribute("r:id")) id.set_value(links.id_for(target.value()).c_str());
                n.remove_attribute(target);
            }
            n.remove_attribute("itc-key");
            n.remove_attribute("itc-move");
        }
        // Depth-first without recursion.
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling()) n = n.parent();
        if (!n || n == root) break;
        n = n.next_sibling();
    }
}

}  // namespace redline

namespace {

void parse(pugi::xml_document& doc, const std::string& xml, const char* what) {
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
        throw std::runtime_error(fmt::format("the redline cannot read its own {}", what));
    }
}

pugi::xml_node start_like(pugi::xml_document& out, pugi::xml_node root) {
    pugi::xml_node copy = start_document(out, root.name());
    for (pugi::xml_attribute a : root.attributes()) copy.append_attribute(a.name()) = a.value();
    return copy;
}

// The change summary as a comment on the report's title (the first Title paragraph).
std::string summary_comment(pugi::xml_node body, const RedlineOptions& options) {
    pugi::xml_node anchor;
    for (pugi::xml_node p : body.children("w:p")) {
        if (std::string_view(p.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == "Title") {
            anchor = p;
            break;
        }
    }
    if (!anchor) anchor = body.child("w:p");
    if (!anchor) return {};
    pugi::xml_node after_props = anchor.child("w:pPr");
    pugi::xml_node start = after_props ? anchor.insert_child_after("w:commentRangeStart", after_props)
                                       : anchor.prepend_child("w:commentRangeStart");
    start.append_attribute("w:id") = 0;
    anchor.append_child("w:commentRangeEnd").append_attribute("w:id") = 0;
    pugi::xml_node ref_run = anchor.append_child("w:r");
    add_val(ref_run.append_child("w:rPr"), "w:rStyle", "CommentReference");
    ref_run.append_child("w:commentReference").append_attribute("w:id") = 0;

    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "w:comments");
    root.append_attribute("xmlns:w") = ns_w;
    pugi::xml_node comment = root.append_child("w:comment");
    comment.append_attribute("w:id") = 0;
    comment.append_attribute("w:author") = xml_safe(options.author).c_str();
    if (!options.date.empty()) comment.append_attribute("w:date") = options.date.c_str();
    comment.append_attribute("w:initials") = "itc";
    for (const std::string& line : options.summary) {
        pugi::xml_node p = comment.append_child("w:p");
        add_val(p.append_child("w:pPr"), "w:pStyle", "CommentText");
        pugi::xml_node t = p.append_child("w:r").append_child("w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(xml_safe(line).c_str());
    }
    return serialize(out);
}

}  // namespace

std::vector<Part> redline_parts(const Document& old_doc, const Document& new_doc, const EmitOptions& emit,
                                const RedlineOptions& options) {
    pugi::xml_document layout;
    load_template(layout, emit, "layout.xml");
    BlockKeys old_keys{options.renamed}, new_keys{};
    BodyParts old_body = build_body(old_doc, layout, &old_keys);
    BodyParts new_body = build_body(new_doc, layout, &new_keys);
    pugi::xml_document od, nd, of, nf;
    parse(od, old_body.document_xml, "OLD body");
    parse(nd, new_body.document_xml, "NEW body");
    parse(of, old_body.footnotes_xml, "OLD notes");
    parse(nf, new_body.footnotes_xml, "NEW notes");
    // OLD's records keep their bookmarks under their own names, for an import that rejects all.
    int offset = std::max(highest_bookmark_id(nd.document_element()), highest_bookmark_id(nf.document_element()));
    rename_as_old(od.document_element(), offset);
    rename_as_old(of.document_element(), offset);

    redline::Merger merger(options);
    pugi::xml_document notes;
    merger.footnotes(of.document_element(), nf.document_element(), start_like(notes, nf.document_element()));

    pugi::xml_document document;
    pugi::xml_node new_body_node = nd.document_element().child("w:body");
    pugi::xml_node body = start_like(document, nd.document_element()).append_child("w:body");
    merger.blocks(od.document_element().child("w:body"), new_body_node, body, true);
    if (pugi::xml_node sect = new_body_node.last_child(); sect && std::string_view(sect.name()) == "w:sectPr") {
        body.append_copy(sect);
    }
    HyperlinkTable document_links{first_document_hyperlink_id}, note_links{1}, unused{1};
    merger.finish(document.document_element(), document_links);
    merger.finish(notes.document_element(), note_links);

    std::string running[2];
    const char* names[2] = {"header1.xml", "footer1.xml"};
    bool running_tracked = !options.tracked || options.tracked("running");
    for (int k = 0; k < 2; ++k) {
        pugi::xml_document o, n, merged;
        parse(o, running_part(old_doc, emit, names[k]), names[k]);
        parse(n, running_part(new_doc, emit, names[k]), names[k]);
        merger.blocks(o.document_element(), n.document_element(), start_like(merged, n.document_element()), running_tracked);
        merger.finish(merged.document_element(), unused);
        running[k] = serialize(merged);
    }
    std::string comments = options.summary.empty() ? std::string() : summary_comment(body, options);

    pugi::xml_document new_carried, old_carried;
    parse(new_carried, new_body.carried_xml, "NEW ids");
    parse(old_carried, old_body.carried_xml, "OLD ids");
    BodyParts merged{serialize(document), serialize(notes), document_links.entries(), note_links.entries(),
                     redline_carried_xml(new_carried, old_carried, options.renamed)};
    return assemble_parts(new_doc, emit, {std::move(merged), std::move(running[0]), std::move(running[1]), std::move(comments)});
}

}  // namespace itucollab::emit::docx
