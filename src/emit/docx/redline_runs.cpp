// The redline's paragraphs: runs taken apart into tokens, diffed, and written back with revision marks.
#include "redline_merge.hpp"

#include <cstring>
#include <sstream>
#include <unordered_map>

namespace itucollab::emit::docx::redline {
namespace {

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

std::string raw(pugi::xml_node n) {
    if (!n) return {};
    std::ostringstream s;
    n.print(s, "", pugi::format_raw);
    return s.str();
}

std::string link_signature(pugi::xml_node link) {
    if (!link) return {};
    if (pugi::xml_attribute target = link.attribute("itc-target")) return std::string("L") + target.value();
    return std::string("#") + link.attribute("w:anchor").value() + "|" + link.attribute("r:id").value();
}

std::string child_signature(pugi::xml_node child) {
    if (named(child, "w:footnoteReference")) {
        return std::string("note:") + child.attribute("itc-note").value() + "|" +
               child.attribute("w:customMarkFollows").value();
    }
    return raw(child);
}

}  // namespace

const char* mark_name(Mark mark) {
    switch (mark) {
        case Mark::ins: return "w:ins";
        case Mark::del: return "w:del";
        case Mark::move_from: return "w:moveFrom";
        case Mark::move_to: return "w:moveTo";
        case Mark::none: break;
    }
    return nullptr;
}

pugi::xml_node Merger::revision(pugi::xml_node node, const char* name) {
    pugi::xml_node r = node.append_child(name);
    r.append_attribute("w:id") = next_id_++;
    r.append_attribute("w:author") = options_.author.c_str();
    if (!options_.date.empty()) r.append_attribute("w:date") = options_.date.c_str();
    return r;
}

Paragraph Merger::take_apart(pugi::xml_node p) const {
    Paragraph out;
    out.node = p;
    auto add = [&](Token t) {
        t.signature = link_signature(t.link) + '\x1f' + raw(t.props) + '\x1f' +
                      (t.child ? child_signature(t.child) : (t.space && options_.ignore_whitespace ? " " : t.text));
        out.tokens.push_back(std::move(t));
    };
    auto run = [&](pugi::xml_node r, pugi::xml_node link) {
        pugi::xml_node props = r.child("w:rPr");
        for (pugi::xml_node c : r.children()) {
            if (c.type() != pugi::node_element || named(c, "w:rPr")) continue;
            if (!named(c, "w:t") && !named(c, "w:delText")) {
                add(Token{link, props, c, "", "", false});
                continue;
            }
            split_words(c.text().get(), [&](std::string_view piece, bool blank) {
                add(Token{link, props, {}, std::string(piece), "", blank});
            });
        }
    };
    for (pugi::xml_node c : p.children()) {
        if (c.type() != pugi::node_element) continue;
        if (named(c, "w:pPr")) out.props = c;
        else if (named(c, "w:bookmarkStart") || named(c, "w:bookmarkEnd")) out.bookmarks.push_back(c);
        else if (named(c, "w:r")) run(c, {});
        else if (named(c, "w:hyperlink")) {
            for (pugi::xml_node r : c.children("w:r")) run(r, c);
        } else {
            add(Token{{}, {}, c, "", "", false});  // a paragraph-level element (a field, a content control)
        }
    }
    out.signature = raw(out.props);
    for (const Token& t : out.tokens) out.signature.append(t.signature).push_back('\x1e');
    return out;
}

pugi::xml_node Merger::start_paragraph(const Paragraph& p, pugi::xml_node out, Mark mark) {
    pugi::xml_node np = out.append_child("w:p");
    for (pugi::xml_attribute a : p.node.attributes()) np.append_attribute(a.name()) = a.value();
    pugi::xml_node props = p.props ? np.append_copy(p.props) : pugi::xml_node();
    if (mark != Mark::none) {
        if (!props) props = np.append_child("w:pPr");
        // The paragraph mark's run properties come before a section break and a pPrChange.
        pugi::xml_node rpr = props.child("w:rPr");
        if (!rpr) {
            pugi::xml_node before = props.child("w:sectPr") ? props.child("w:sectPr") : props.child("w:pPrChange");
            rpr = before ? props.insert_child_before("w:rPr", before) : props.append_child("w:rPr");
        }
        pugi::xml_document holder;
        pugi::xml_node stamped = revision(holder, mark_name(mark));
        rpr.prepend_copy(stamped);
    }
    // OLD's bookmarks are renamed (carried.hpp): a paragraph of either side keeps its own.
    for (pugi::xml_node b : p.bookmarks) np.append_copy(b);
    return np;
}

void Merger::move_range(pugi::xml_node p, Mark mark, std::size_t move, bool start) {
    bool from = mark == Mark::move_from;
    if (start) {
        pugi::xml_node r = revision(p, from ? "w:moveFromRangeStart" : "w:moveToRangeStart");
        r.append_attribute("w:name") = ("move" + std::to_string(move)).c_str();
        return;
    }
    // The end names the start's id: the start is the first range marker of this paragraph.
    pugi::xml_node begin = p.child(from ? "w:moveFromRangeStart" : "w:moveToRangeStart");
    p.append_child(from ? "w:moveFromRangeEnd" : "w:moveToRangeEnd").append_attribute("w:id") =
        begin.attribute("w:id").value();
}

void Merger::emit_tokens(pugi::xml_node p, const std::vector<std::pair<const Token*, Mark>>& pieces) {
    pugi::xml_node container, wrapper, run, text;
    std::string link_sig, props_sig;
    Mark current = Mark::none;
    bool open = false;  // container and wrapper are set for the current link and mark
    for (const auto& [token, mark] : pieces) {
        bool deleted = mark == Mark::del;
        if (!token->props && token->child && !token->link && !named(token->child.parent(), "w:r")) {
            // A paragraph-level element: kept unless deleted (it cannot sit inside a revision).
            if (!deleted && mark != Mark::move_from) p.append_copy(token->child);
            open = false;
            continue;
        }
        std::string lsig = link_signature(token->link);
        if (!open || lsig != link_sig) {
            link_sig = lsig;
            container = p;
            if (token->link) {
                container = p.append_child("w:hyperlink");
                for (pugi::xml_attribute a : token->link.attributes()) container.append_attribute(a.name()) = a.value();
            }
            open = true;
            wrapper = {};
        }
        if (!wrapper || mark != current) {
            current = mark;
            wrapper = mark == Mark::none ? container : revision(container, mark_name(mark));
            run = {};
        }
        std::string psig = raw(token->props);
        if (!run || psig != props_sig) {
            props_sig = psig;
            run = wrapper.append_child("w:r");
            if (token->props) run.append_copy(token->props);
            text = {};
        }
        if (token->child) {
            pugi::xml_node c = run.append_copy(token->child);
            if (deleted && named(c, "w:instrText")) c.set_name("w:delInstrText");
            if (!deleted && named(c, "w:delInstrText")) c.set_name("w:instrText");
            text = {};
            continue;
        }
        if (!text) {
            text = run.append_child(deleted ? "w:delText" : "w:t");
            text.text().set(token->text.c_str());
        } else {
            text.text().set((std::string(text.text().get()) + token->text).c_str());
        }
        std::string_view value = text.text().get();
        if (!value.empty() && (value.front() == ' ' || value.back() == ' ') && !text.attribute("xml:space")) {
            text.append_attribute("xml:space") = "preserve";
        }
    }
}

void Merger::paragraph_whole(const Paragraph& p, pugi::xml_node out, Mark mark, std::size_t move) {
    pugi::xml_node np = start_paragraph(p, out, mark);
    if (move) move_range(np, mark, move, true);
    std::vector<std::pair<const Token*, Mark>> pieces;
    for (const Token& t : p.tokens) pieces.emplace_back(&t, mark);
    emit_tokens(np, pieces);
    if (move) move_range(np, mark, move, false);
}

void Merger::paragraph_changed(const Paragraph& old_p, const Paragraph& new_p, pugi::xml_node out, Mark old_mark,
                               Mark new_mark, std::size_t move) {
    std::unordered_map<std::string_view, std::size_t> ids;
    auto intern = [&](const std::vector<Token>& tokens) {
        std::vector<TokenRef> refs;
        refs.reserve(tokens.size());
        for (const Token& t : tokens) refs.push_back({ids.try_emplace(t.signature, ids.size()).first->second, t.space});
        return refs;
    };
    std::vector<TokenRef> a = intern(old_p.tokens), b = intern(new_p.tokens);
    std::vector<TokenStep> steps = align_tokens(a, b);
    std::vector<std::pair<const Token*, Mark>> pieces;
    using Op = TokenStep::Op;
    // In place (changed): NEW's paragraph with OLD's words deleted. A move's source keeps OLD's
    // words (those NEW dropped deleted), its destination NEW's (those NEW added inserted).
    bool source = old_mark == Mark::move_from;
    bool destination = new_mark == Mark::move_to;
    for (const TokenStep& s : steps) {
        if (s.op == Op::same) {
            if (source) pieces.emplace_back(&old_p.tokens[s.index], Mark::move_from);
            else if (destination) pieces.emplace_back(&new_p.tokens[s.other], Mark::move_to);
            else pieces.emplace_back(&new_p.tokens[s.other], Mark::none);
        } else if (s.op == Op::removed) {
            if (!destination) pieces.emplace_back(&old_p.tokens[s.index], Mark::del);
        } else if (!source) {
            pieces.emplace_back(&new_p.tokens[s.index], Mark::ins);
        }
    }
    const Paragraph& shape = source ? old_p : new_p;
    pugi::xml_node np = start_paragraph(shape, out, source ? old_mark : new_mark);
    if (!source && !destination && raw(old_p.props) != raw(new_p.props)) {
        // Paragraph properties changed (a style, a number): NEW's, with OLD's in a w:pPrChange.
        pugi::xml_node props = np.child("w:pPr") ? np.child("w:pPr") : np.prepend_child("w:pPr");
        pugi::xml_node change = revision(props, "w:pPrChange");
        pugi::xml_node was = change.append_child("w:pPr");
        for (pugi::xml_node c : old_p.props.children()) {
            if (!named(c, "w:rPr") && !named(c, "w:sectPr") && !named(c, "w:pPrChange")) was.append_copy(c);
        }
    }
    if (move) move_range(np, source ? old_mark : new_mark, move, true);
    emit_tokens(np, pieces);
    if (move) move_range(np, source ? old_mark : new_mark, move, false);
}

}  // namespace itucollab::emit::docx::redline
