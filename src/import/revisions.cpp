// Tracked changes and comments in WordprocessingML: counted, then accepted or rejected in place.
#include "revisions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace itucollab::import {
namespace {

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

bool is_property_change(std::string_view name) {
    return name == "w:rPrChange" || name == "w:pPrChange" || name == "w:tblPrChange" || name == "w:trPrChange" ||
           name == "w:tcPrChange" || name == "w:sectPrChange" || name == "w:tblGridChange" ||
           name == "w:tblPrExChange" || name == "w:numberingChange";
}

// Markers that only delimit a move or a comment; they carry no content.
bool is_range_marker(std::string_view name) {
    return name == "w:moveFromRangeStart" || name == "w:moveFromRangeEnd" || name == "w:moveToRangeStart" ||
           name == "w:moveToRangeEnd" || name == "w:customXmlInsRangeStart" || name == "w:customXmlInsRangeEnd" ||
           name == "w:customXmlDelRangeStart" || name == "w:customXmlDelRangeEnd";
}

bool under_paragraph_mark(pugi::xml_node n) {
    pugi::xml_node parent = n.parent();
    return named(parent, "w:rPr") && named(parent.parent(), "w:pPr");
}

bool under_row_properties(pugi::xml_node n) { return named(n.parent(), "w:trPr"); }

// A revision of a paragraph mark, a row or a cell rather than of content it wraps. A paragraph
// mark may also be the source (w:moveFrom) or the destination (w:moveTo) of a move.
bool is_marker_revision(pugi::xml_node n) {
    if ((named(n, "w:moveFrom") || named(n, "w:moveTo")) && under_paragraph_mark(n)) return true;
    return (named(n, "w:ins") || named(n, "w:del")) &&
           (named(n.parent(), "w:rPr") || named(n.parent(), "w:trPr") || named(n.parent(), "w:tcPr"));
}

void count_into(pugi::xml_node n, RevisionCounts& c) {
    std::string_view name = n.name();
    if (name == "w:ins" || name == "w:del" || ((name == "w:moveFrom" || name == "w:moveTo") && under_paragraph_mark(n))) {
        if (under_paragraph_mark(n)) ++c.paragraph_marks;
        else if (under_row_properties(n)) ++c.rows_and_cells;
        else if (name == "w:ins") ++c.insertions;
        else ++c.deletions;
    } else if (name == "w:moveFrom" || name == "w:moveTo") {
        ++c.moves;
    } else if (name == "w:cellIns" || name == "w:cellDel" || name == "w:cellMerge") {
        ++c.rows_and_cells;
    } else if (is_property_change(name)) {
        ++c.formatting;
        return;  // the old properties inside are not revisions of their own
    }
    for (pugi::xml_node child : n.children()) count_into(child, c);
}

// Deleted text becomes ordinary text when a deletion is rejected.
void undelete_text(pugi::xml_node n) {
    for (pugi::xml_node child : n.children()) {
        if (named(child, "w:delText")) child.set_name("w:t");
        else if (named(child, "w:delInstrText")) child.set_name("w:instrText");
        undelete_text(child);
    }
}

// Replaces the properties holding `change` by the old properties the change records.
void restore_old_properties(pugi::xml_node change) {
    pugi::xml_node holder = change.parent();
    pugi::xml_node old = change.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; });
    std::vector<pugi::xml_node> drop;
    for (pugi::xml_node child : holder.children()) {
        // A paragraph's properties keep the mark's run properties and its section break.
        if (named(holder, "w:pPr") && (named(child, "w:rPr") || named(child, "w:sectPr"))) continue;
        drop.push_back(child);
    }
    pugi::xml_document keep;
    if (old) keep.append_copy(old);
    for (pugi::xml_node d : drop) holder.remove_child(d);
    if (pugi::xml_node copy = keep.first_child()) {
        for (pugi::xml_node child : copy.children()) holder.append_copy(child);
    }
}

// Whether nothing but bookmarks is left of a paragraph's content.
bool only_bookmarks(const std::vector<pugi::xml_node>& content) {
    return std::all_of(content.begin(), content.end(), [](pugi::xml_node c) {
        return c.type() != pugi::node_element || named(c, "w:bookmarkStart") || named(c, "w:bookmarkEnd");
    });
}

enum class Action { keep, remove, unwrap };

class Resolver {
public:
    explicit Resolver(bool accept) : accept_(accept) {}

    void run(pugi::xml_node root) {
        walk(root);
        // A removed paragraph mark joins the paragraph with the next one. A chain of such paragraphs
        // joins the first paragraph after it that keeps its mark; each node is moved once, in order,
        // in front of that paragraph's own content.
        std::set<pugi::xml_node> joining(joins_.begin(), joins_.end());
        std::map<pugi::xml_node, pugi::xml_node> target;
        for (auto it = joins_.rbegin(); it != joins_.rend(); ++it) {
            pugi::xml_node next = it->next_sibling();
            while (next && next.type() != pugi::node_element) next = next.next_sibling();
            if (!next || !named(next, "w:p")) continue;
            auto further = target.find(next);
            target[*it] = joining.count(next) && further != target.end() ? further->second : next;
        }
        std::map<pugi::xml_node, pugi::xml_node> anchors;  // target -> its first own content node
        for (pugi::xml_node p : joins_) {
            auto t = target.find(p);
            if (t == target.end()) continue;
            pugi::xml_node into = t->second;
            auto [a, fresh] = anchors.try_emplace(into);
            if (fresh) {
                a->second = into.first_child();
                while (a->second && named(a->second, "w:pPr")) a->second = a->second.next_sibling();
            }
            std::vector<pugi::xml_node> content;
            for (pugi::xml_node child : p.children()) {
                if (!named(child, "w:pPr")) content.push_back(child);
            }
            if (only_bookmarks(content)) continue;  // a paragraph gone whole takes its bookmarks along
            for (pugi::xml_node child : content) {
                if (a->second) into.insert_move_before(child, a->second);
                else into.append_move(child);
            }
        }
        for (pugi::xml_node p : joins_) {
            if (target.count(p)) p.parent().remove_child(p);
        }
        for (pugi::xml_node row : rows_) row.parent().remove_child(row);
    }

private:
    Action classify(pugi::xml_node n) {
        std::string_view name = n.name();
        if (is_range_marker(name)) return Action::remove;
        if (is_property_change(name)) {
            if (!accept_) restore_old_properties(n);
            return Action::remove;
        }
        if (is_marker_revision(n)) {
            bool inserted = name == "w:ins" || name == "w:moveTo";
            bool gone = accept_ ? !inserted : inserted;  // the marked thing does not exist in the result
            if (gone && under_paragraph_mark(n)) joins_.push_back(n.parent().parent().parent());
            if (gone && under_row_properties(n)) rows_.push_back(n.parent().parent());
            return Action::remove;
        }
        if (name == "w:cellIns" || name == "w:cellDel") {
            bool gone = accept_ ? name == "w:cellDel" : name == "w:cellIns";
            if (gone) cells_.push_back(n.parent().parent());
            return Action::remove;
        }
        if (name == "w:cellMerge") return Action::remove;
        if (name == "w:ins" || name == "w:moveTo") return accept_ ? Action::unwrap : Action::remove;
        if (name == "w:del" || name == "w:moveFrom") {
            if (accept_) return Action::remove;
            undelete_text(n);
            return Action::unwrap;
        }
        return Action::keep;
    }

    void walk(pugi::xml_node parent) {
        pugi::xml_node child = parent.first_child();
        while (child) {
            pugi::xml_node next = child.next_sibling();
            switch (classify(child)) {
                case Action::keep: walk(child); break;
                case Action::remove: parent.remove_child(child); break;
                case Action::unwrap: {
                    pugi::xml_node first = child.first_child();
                    while (pugi::xml_node inner = child.first_child()) parent.insert_move_before(inner, child);
                    parent.remove_child(child);
                    if (first) next = first;
                    break;
                }
            }
            child = next;
        }
        if (named(parent, "w:tr")) {
            for (pugi::xml_node cell : cells_) {
                if (cell.parent() == parent) parent.remove_child(cell);
            }
            cells_.clear();
        }
    }

    bool accept_;
    std::vector<pugi::xml_node> joins_;
    std::vector<pugi::xml_node> rows_;
    std::vector<pugi::xml_node> cells_;
};

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

}  // namespace

RevisionCounts& RevisionCounts::operator+=(const RevisionCounts& o) {
    insertions += o.insertions;
    deletions += o.deletions;
    moves += o.moves;
    paragraph_marks += o.paragraph_marks;
    rows_and_cells += o.rows_and_cells;
    formatting += o.formatting;
    return *this;
}

std::string RevisionCounts::describe() const {
    std::vector<std::string> parts;
    if (insertions) parts.push_back(plural(insertions, "insertion", "insertions"));
    if (deletions) parts.push_back(plural(deletions, "deletion", "deletions"));
    if (moves) parts.push_back(plural(moves, "move", "moves"));
    if (paragraph_marks) parts.push_back(plural(paragraph_marks, "paragraph-mark revision", "paragraph-mark revisions"));
    if (rows_and_cells) parts.push_back(plural(rows_and_cells, "row/cell revision", "row/cell revisions"));
    if (formatting) parts.push_back(plural(formatting, "formatting change", "formatting changes"));
    return fmt::format("{} ({})", plural(total(), "revision", "revisions"), fmt::join(parts, ", "));
}

RevisionCounts count_revisions(pugi::xml_node root) {
    RevisionCounts counts;
    count_into(root, counts);
    return counts;
}

void resolve_revisions(pugi::xml_node root, bool accept) { Resolver(accept).run(root); }

int strip_comment_anchors(pugi::xml_node root) {
    int references = 0;
    std::vector<pugi::xml_node> drop;
    std::vector<pugi::xml_node> stack{root};
    while (!stack.empty()) {
        pugi::xml_node n = stack.back();
        stack.pop_back();
        for (pugi::xml_node child : n.children()) {
            std::string_view name = child.name();
            if (name == "w:commentRangeStart" || name == "w:commentRangeEnd") {
                drop.push_back(child);
            } else if (name == "w:commentReference") {
                ++references;
                drop.push_back(child);
            } else {
                stack.push_back(child);
            }
        }
    }
    for (pugi::xml_node d : drop) d.parent().remove_child(d);
    return references;
}

}  // namespace itucollab::import
