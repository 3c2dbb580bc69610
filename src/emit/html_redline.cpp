// The HTML redline: OLD's and NEW's keyed HTML reports parsed, merged block by block, words by words.
#include "html_redline.hpp"

#include "align.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <cstring>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace itucollab::emit {
namespace {

using html::escape_attribute;
using html::escape_text;

enum class Mark { none, ins, del, moved_from, moved_to };

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

bool is_block_tag(std::string_view name) {
    static const std::set<std::string_view> blocks{"p",  "div",   "section", "header", "footer", "nav",   "ul",
                                                   "ol", "li",    "table",   "caption", "thead", "tbody", "tfoot",
                                                   "tr", "td",    "th",      "h1",     "h2",     "h3",    "h4",
                                                   "main", "aside"};
    return blocks.contains(name);
}

// A container holds blocks; a leaf holds inline content (text, links, emphasis …).
bool is_container(pugi::xml_node n) {
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element && is_block_tag(c.name())) return true;
    }
    return false;
}

std::vector<pugi::xml_node> element_children(pugi::xml_node n) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_element) out.push_back(c);
    }
    return out;
}

std::string key_of(pugi::xml_node n) {
    if (pugi::xml_attribute key = n.attribute("data-itc-key")) return key.value();
    return std::string(n.name()) + "." + n.attribute("class").value();
}

// An inline element as context of the words inside it; in-page links and ids do not count.
std::string context_signature(pugi::xml_node n) {
    std::string out = std::string(n.name()) + "." + n.attribute("class").value();
    for (const char* attribute : {"href", "title", "datetime"}) {
        std::string_view value = n.attribute(attribute).value();
        if (!value.empty() && !value.starts_with("#")) out.append("|").append(attribute).append("=").append(value);
    }
    return out;
}

bool atomic(pugi::xml_node n) {
    return n.attribute("data-itc-number") || n.attribute("data-itc-note") || named(n, "br");
}

std::string atomic_signature(pugi::xml_node n) {
    if (n.attribute("data-itc-number")) return "number";
    if (pugi::xml_attribute note = n.attribute("data-itc-note")) return std::string("note:") + note.value();
    return n.name();
}

struct Token {
    std::vector<pugi::xml_node> context;  // inline ancestors, outermost first
    pugi::xml_node atom;                  // a number, a note reference, a line break
    std::string text;
    std::string signature;
    bool space = false;
};

struct Leaf {
    pugi::xml_node node;
    std::vector<Token> tokens;
    std::string signature;  // tokens and printed numbers
};

// Prefixes ids and in-page references of OLD's content, so they never clash with NEW's.
void rename_old_ids(pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    for (const char* attribute : {"id", "aria-labelledby"}) {
        if (pugi::xml_attribute a = n.attribute(attribute)) a.set_value(("old-" + std::string(a.value())).c_str());
    }
    if (pugi::xml_attribute href = n.attribute("href"); href && href.value()[0] == '#') {
        href.set_value(("#old-" + std::string(href.value() + 1)).c_str());
    }
    for (pugi::xml_node c : n.children()) rename_old_ids(c);
}

void drop_keys(pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    for (const char* attribute : {"data-itc-key", "data-itc-move", "data-itc-number", "data-itc-note"}) n.remove_attribute(attribute);
    for (pugi::xml_node c : n.children()) drop_keys(c);
}

void add_class(pugi::xml_node n, const char* cls) {
    pugi::xml_attribute a = n.attribute("class");
    if (!a) a = n.append_attribute("class");
    std::string value = a.value();
    a.set_value((value.empty() ? std::string(cls) : value + " " + cls).c_str());
}

class HtmlMerger {
public:
    explicit HtmlMerger(const HtmlRedlineOptions& options) : options_(options) {}

    void container(pugi::xml_node old_parent, pugi::xml_node new_parent, pugi::xml_node out, bool tracked) {
        std::vector<pugi::xml_node> olds = element_children(old_parent), news = element_children(new_parent);
        std::vector<std::string> keys, contents;
        for (auto* side : {&olds, &news}) {
            for (pugi::xml_node n : *side) {
                keys.push_back(key_of(n));
                contents.push_back(signature(n));
            }
        }
        std::vector<BlockRef> a, b;
        for (std::size_t k = 0; k < keys.size(); ++k) {
            pugi::xml_node n = k < olds.size() ? olds[k] : news[k - olds.size()];
            (k < olds.size() ? a : b).push_back({keys[k], contents[k], !n.attribute("data-itc-move").empty()});
        }
        for (const BlockStep& step : align_blocks(a, b)) {
            pugi::xml_node o = step.old_index == no_block ? pugi::xml_node() : olds[step.old_index];
            pugi::xml_node n = step.new_index == no_block ? pugi::xml_node() : news[step.new_index];
            block(step.op, o, n, out, tracked);
            out.append_child(pugi::node_pcdata).set_value("\n");
        }
    }

    [[nodiscard]] const std::vector<pugi::xml_node>& marked() const { return marked_; }

private:
    bool is_tracked(pugi::xml_node n, bool inherited) const {
        pugi::xml_attribute key = n.attribute("data-itc-key");
        if (!key || !options_.tracked) return inherited;
        return options_.tracked(key.value());
    }

    std::string signature(pugi::xml_node n) const {
        std::string out = std::string(n.name()) + "." + n.attribute("class").value() + "{";
        if (is_container(n)) {
            for (pugi::xml_node c : element_children(n)) out += signature(c) + "\x1d";
        } else {
            out += take_apart(n).signature;
        }
        return out + "}";
    }

    Leaf take_apart(pugi::xml_node leaf) const {
        Leaf out;
        out.node = leaf;
        std::vector<pugi::xml_node> context;
        auto add = [&](Token t) {
            for (pugi::xml_node c : t.context) t.signature += context_signature(c) + "\x1f";
            t.signature += t.atom ? atomic_signature(t.atom) : (t.space && options_.ignore_whitespace ? " " : t.text);
            out.signature += t.signature + "\x1e";
            if (t.atom && t.atom.attribute("data-itc-number")) out.signature += std::string(t.atom.child_value()) + "\x1e";
            out.tokens.push_back(std::move(t));
        };
        std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node parent) {
            for (pugi::xml_node c : parent.children()) {
                if (c.type() == pugi::node_pcdata) {
                    split_words(c.value(), [&](std::string_view piece, bool blank) {
                        add(Token{context, {}, std::string(piece), "", blank});
                    });
                } else if (c.type() == pugi::node_element) {
                    if (atomic(c)) {
                        add(Token{context, c, "", "", false});
                        continue;
                    }
                    context.push_back(c);
                    walk(c);
                    context.pop_back();
                }
            }
        };
        walk(leaf);
        return out;
    }

    // A shallow copy of an element: its name and attributes, ids dropped (context may repeat).
    static pugi::xml_node open_like(pugi::xml_node parent, pugi::xml_node like, bool old_side) {
        pugi::xml_node copy = parent.append_child(like.name());
        for (pugi::xml_attribute a : like.attributes()) {
            if (std::strcmp(a.name(), "id") == 0) continue;
            copy.append_attribute(a.name()) = a.value();
        }
        if (old_side) rename_old_ids(copy);
        return copy;
    }

    static const char* mark_tag(Mark mark) {
        return mark == Mark::ins || mark == Mark::moved_to ? "ins" : mark == Mark::none ? nullptr : "del";
    }

    struct Piece {
        const Token* token;
        Mark mark;
        bool old_side;
        const Token* was = nullptr;  // a printed number: OLD's, when it differs
    };

    void emit(pugi::xml_node leaf, const std::vector<Piece>& pieces) {
        std::vector<std::pair<std::string, pugi::xml_node>> open;  // context signature, output element
        for (const Piece& piece : pieces) {
            const Token& t = *piece.token;
            std::size_t common = 0;
            while (common < open.size() && common < t.context.size() &&
                   open[common].first == context_signature(t.context[common])) {
                ++common;
            }
            open.resize(common);
            for (std::size_t k = common; k < t.context.size(); ++k) {
                pugi::xml_node parent = open.empty() ? leaf : open.back().second;
                open.emplace_back(context_signature(t.context[k]), open_like(parent, t.context[k], piece.old_side));
            }
            pugi::xml_node into = open.empty() ? leaf : open.back().second;
            if (const char* tag = mark_tag(piece.mark)) {
                pugi::xml_node last = into.last_child();
                bool moved = piece.mark == Mark::moved_from || piece.mark == Mark::moved_to;
                if (last && named(last, tag) && (std::string_view(last.attribute("class").value()) == "rl-moved") == moved) {
                    into = last;
                } else {
                    into = into.append_child(tag);
                    if (moved) into.append_attribute("class") = "rl-moved";
                }
            }
            if (t.atom) {
                pugi::xml_node copy = into.append_copy(t.atom);
                if (piece.old_side) rename_old_ids(copy);
                if (piece.was && std::string_view(piece.was->atom.child_value()) != t.atom.child_value()) {
                    pugi::xml_node was = into.append_child("span");
                    was.append_attribute("class") = "rl-was";
                    was.append_child(pugi::node_pcdata).set_value(fmt::format(" (was {})", piece.was->atom.child_value()).c_str());
                }
            } else {
                pugi::xml_node last = into.last_child();
                if (last && last.type() == pugi::node_pcdata) last.set_value((std::string(last.value()) + t.text).c_str());
                else into.append_child(pugi::node_pcdata).set_value(t.text.c_str());
            }
        }
    }

    pugi::xml_node start_leaf(pugi::xml_node out, pugi::xml_node like, bool old_side) {
        pugi::xml_node leaf = out.append_child(like.name());
        for (pugi::xml_attribute a : like.attributes()) leaf.append_attribute(a.name()) = a.value();
        if (old_side) {
            for (const char* attribute : {"id", "aria-labelledby"}) {
                if (pugi::xml_attribute a = leaf.attribute(attribute)) a.set_value(("old-" + std::string(a.value())).c_str());
            }
        }
        return leaf;
    }

    // One leaf in place (`source`/`destination` false) or at one end of a move.
    void leaf(pugi::xml_node old_leaf, pugi::xml_node new_leaf, pugi::xml_node out, Mark role) {
        Leaf a = take_apart(old_leaf), b = take_apart(new_leaf);
        std::unordered_map<std::string_view, std::size_t> ids;
        auto intern = [&](const Leaf& l) {
            std::vector<TokenRef> refs;
            for (const Token& t : l.tokens) refs.push_back({ids.try_emplace(t.signature, ids.size()).first->second, t.space});
            return refs;
        };
        std::vector<TokenRef> ra = intern(a), rb = intern(b);
        bool source = role == Mark::moved_from, destination = role == Mark::moved_to;
        std::vector<Piece> pieces;
        bool marks = source || destination;
        for (const TokenStep& s : align_tokens(ra, rb)) {
            if (s.op == TokenStep::Op::same) {
                if (source) pieces.push_back({&a.tokens[s.index], Mark::moved_from, true});
                else pieces.push_back({&b.tokens[s.other], destination ? Mark::moved_to : Mark::none, false, &a.tokens[s.index]});
            } else if (s.op == TokenStep::Op::removed) {
                if (!destination) pieces.push_back({&a.tokens[s.index], Mark::del, true});
                marks = true;
            } else {
                if (!source) pieces.push_back({&b.tokens[s.index], Mark::ins, false});
                marks = true;
            }
        }
        pugi::xml_node node = start_leaf(out, source ? old_leaf : new_leaf, source);
        if (source) add_class(node, "rl-moved-from");
        if (destination) add_class(node, "rl-moved-to");
        if (marks) marked_.push_back(node);
        emit(node, pieces);
    }

    // A block only one side has, every leaf's content inside one <ins> or <del>.
    void whole(pugi::xml_node from, pugi::xml_node out, Mark mark) {
        bool old_side = mark == Mark::del || mark == Mark::moved_from;
        pugi::xml_node copy = out.append_copy(from);
        if (old_side) rename_old_ids(copy);
        add_class(copy, old_side ? "rl-deleted" : "rl-inserted");
        bool first = true;
        std::function<void(pugi::xml_node)> wrap = [&](pugi::xml_node n) {
            if (is_container(n)) {
                for (pugi::xml_node c : element_children(n)) wrap(c);
                return;
            }
            if (first) marked_.push_back(n);
            first = false;
            pugi::xml_node wrapper = n.prepend_child(mark_tag(mark));
            if (mark == Mark::moved_from || mark == Mark::moved_to) wrapper.append_attribute("class") = "rl-moved";
            while (wrapper.next_sibling()) wrapper.append_move(wrapper.next_sibling());
        };
        wrap(copy);
    }

    void block(BlockOp op, pugi::xml_node o, pugi::xml_node n, pugi::xml_node out, bool inherited) {
        bool tracked = is_tracked(n ? n : o, inherited);
        bool shows_new = op != BlockOp::removed && op != BlockOp::moved_from;
        if (!tracked || op == BlockOp::same) {
            if (shows_new) out.append_copy(n);
            return;
        }
        bool same_shape = o && n && std::strcmp(o.name(), n.name()) == 0 && is_container(o) == is_container(n);
        switch (op) {
            case BlockOp::changed:
                if (!same_shape) {
                    whole(o, out, Mark::del);
                    whole(n, out, Mark::ins);
                } else if (is_container(n)) {
                    container(o, n, start_leaf(out, n, false), tracked);
                } else {
                    leaf(o, n, out, Mark::none);
                }
                break;
            case BlockOp::removed: whole(o, out, Mark::del); break;
            case BlockOp::added: whole(n, out, Mark::ins); break;
            case BlockOp::moved_from:
                if (same_shape && !is_container(o)) leaf(o, n, out, Mark::moved_from);
                else whole(o, out, Mark::moved_from);
                break;
            case BlockOp::moved_to:
                if (same_shape && !is_container(n)) leaf(o, n, out, Mark::moved_to);
                else whole(n, out, Mark::moved_to);
                break;
            case BlockOp::same: break;
        }
    }

    const HtmlRedlineOptions& options_;
    std::vector<pugi::xml_node> marked_;
};

// The <main> element of a page as XML (the emitter writes void elements only as "<br>").
void parse_main(pugi::xml_document& doc, const std::string& page, std::size_t& begin, std::size_t& end) {
    begin = page.find("<main");
    end = page.rfind("</main>");
    if (begin == std::string::npos || end == std::string::npos) throw std::runtime_error("the HTML report has no <main>");
    end += std::strlen("</main>");
    std::string xml = page.substr(begin, end - begin);
    for (std::size_t at = xml.find("<br>"); at != std::string::npos; at = xml.find("<br>", at)) xml.replace(at, 4, "<br/>");
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
        throw std::runtime_error("the redline cannot read its own HTML");
    }
}

void write_html(pugi::xml_node n, std::string& out) {
    if (n.type() == pugi::node_pcdata) {
        out += escape_text(n.value());
        return;
    }
    if (n.type() != pugi::node_element) return;
    out += "<" + std::string(n.name());
    for (pugi::xml_attribute a : n.attributes()) out += fmt::format(" {}=\"{}\"", a.name(), escape_attribute(a.value()));
    out += ">";
    if (named(n, "br")) return;  // a void element
    for (pugi::xml_node c : n.children()) write_html(c, out);
    out += "</" + std::string(n.name()) + ">";
}

constexpr const char* redline_css = R"(
/* redline marks: underlined insertions, struck deletions, double lines for moves; legible in black and white */
ins { text-decoration: underline; text-decoration-thickness: 0.12em; color: #0b5d1e; background: #e7f5ea; }
del { text-decoration: line-through; text-decoration-thickness: 0.12em; color: #8a1111; background: #fbeaea; }
ins.rl-moved, del.rl-moved { text-decoration-style: double; color: #1a3f8f; background: #eaf0fb; }
.rl-was { font-size: 0.85em; font-style: italic; color: #444; }
.rl-nav { float: right; font-size: 0.8em; margin-left: 0.5em; }
.rl-nav a { padding: 0 0.2em; color: #1a3f8f; }
.rl-summary { border: 1px solid #444; padding: 0.5rem 1rem; margin: 1rem auto; max-width: 60rem; }
.rl-summary table { border-collapse: collapse; }
.rl-summary th, .rl-summary td { border: 1px solid #999; padding: 0.1rem 0.5rem; text-align: left; }
@media print { .rl-nav { display: none; } ins, del { background: none; color: inherit; } }
)";

}  // namespace

std::string render_html_redline(const Document& old_doc, const Document& new_doc, const EmitOptions& options,
                                const HtmlRedlineOptions& redline) {
    html::HtmlKeys old_keys{redline.renamed}, new_keys{};
    std::string old_page = render_keyed_html(old_doc, options, old_keys);
    std::string new_page = render_keyed_html(new_doc, options, new_keys);
    pugi::xml_document old_main, new_main, merged;
    std::size_t old_begin = 0, old_end = 0, begin = 0, end = 0;
    parse_main(old_main, old_page, old_begin, old_end);
    parse_main(new_main, new_page, begin, end);

    HtmlMerger merger(redline);
    pugi::xml_node main = merged.append_child("main");
    for (pugi::xml_attribute a : new_main.document_element().attributes()) main.append_attribute(a.name()) = a.value();
    main.append_child(pugi::node_pcdata).set_value("\n");
    merger.container(old_main.document_element(), new_main.document_element(), main, true);

    // Previous and next links between the marked places; the first and last lead to the summary.
    const auto& marked = merger.marked();
    for (std::size_t k = 0; k < marked.size(); ++k) {
        pugi::xml_node place = marked[k];
        pugi::xml_node nav = place.prepend_child("span");
        nav.append_attribute("class") = "rl-nav";
        nav.append_attribute("id") = fmt::format("rl-{}", k + 1).c_str();
        for (auto [target, label, glyph] : {std::tuple{k == 0 ? std::string("rl-summary") : fmt::format("rl-{}", k),
                                                       "previous change", "\u25c0"},
                                            {k + 1 == marked.size() ? std::string("rl-summary") : fmt::format("rl-{}", k + 2),
                                             "next change", "\u25b6"}}) {
            pugi::xml_node a = nav.append_child("a");
            a.append_attribute("href") = ("#" + target).c_str();
            a.append_attribute("aria-label") = label;
            a.append_child(pugi::node_pcdata).set_value(glyph);
        }
    }
    drop_keys(main);
    std::string body;
    write_html(main, body);

    std::string head = new_page.substr(0, begin);
    if (std::size_t style_end = head.find("</style>"); style_end != std::string::npos) head.insert(style_end, redline_css + 1);
    std::string summary = redline.summary ? redline.summary(marked.size()) : std::string();
    return head + summary + body + new_page.substr(end);
}

}  // namespace itucollab::emit
