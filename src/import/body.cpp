// The body of a WordprocessingML document read into a flat list of paragraphs and tables.
#include "body.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace itucollab::import {
namespace {

bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

bool on_off(pugi::xml_node n) {
    if (!n) return false;
    std::string v = n.attribute("w:val").as_string("true");
    return !(v == "0" || v == "false" || v == "off" || v == "none");
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct StyleInfo {
    std::string name;
    std::string based_on;
    int outline_level = -1;
    bool bold = false;
    bool italic = false;
    int num_id = 0;
};

struct Level {
    std::string format = "decimal";
    std::string text;
    int start = 1;
};

class Reader {
public:
    Reader(const pugi::xml_document* styles, const pugi::xml_document* numbering, const BodyLimits& limits)
        : limits_(limits) {
        if (styles) load_styles(*styles);
        if (numbering) load_numbering(*numbering);
    }

    void set_rels(const pugi::xml_document* rels) {
        rels_.clear();
        if (!rels) return;
        for (pugi::xml_node r : rels->document_element().children("Relationship")) {
            rels_[r.attribute("Id").as_string()] = r.attribute("Target").as_string();
        }
    }

    void body(pugi::xml_node container, std::vector<Block>& out) {
        for (pugi::xml_node child : container.children()) {
            if (named(child, "w:p")) {
                Block b;
                b.paragraph = paragraph(child, fmt::format("paragraph {}", ++paragraph_count_));
                push(out, std::move(b));
            } else if (named(child, "w:tbl")) {
                Block b;
                b.is_table = true;
                b.table = table(child);
                push(out, std::move(b));
            } else if (named(child, "w:sdt") || named(child, "w:customXml")) {
                body(named(child, "w:sdt") ? child.child("w:sdtContent") : child, out);
            }
        }
    }

    Para paragraph(pugi::xml_node p, std::string where) {
        Para para;
        para.where = std::move(where);
        pugi::xml_node props = p.child("w:pPr");
        para.style_id = props.child("w:pStyle").attribute("w:val").as_string();
        const StyleInfo* style = find_style(para.style_id.empty() ? default_paragraph_style_ : para.style_id);
        if (style) para.style_name = style->name;
        para.outline_level = inherited_outline(para.style_id);
        if (pugi::xml_node o = props.child("w:outlineLvl")) para.outline_level = o.attribute("w:val").as_int(-1);
        if (para.outline_level > 8) para.outline_level = -1;
        if (para.outline_level < 0) {
            // "heading 2" by name, whatever the id: documents from other producers.
            std::string n = para.style_name;
            if (n.starts_with("heading ") && n.size() == 9 && std::isdigit(static_cast<unsigned char>(n[8]))) {
                para.outline_level = n[8] - '1';
            }
        }
        int num_id = 0, level = 0;
        if (pugi::xml_node num = props.child("w:numPr")) {
            num_id = num.child("w:numId").attribute("w:val").as_int();
            level = num.child("w:ilvl").attribute("w:val").as_int();
        } else if (style) {
            num_id = inherited_num(para.style_id);
        }
        if (num_id > 0 && nums_.count(num_id)) number(para, num_id, std::clamp(level, 0, 8));
        RunState state;
        inline_content(p, para, state);
        return para;
    }

private:
    struct RunState {
        std::string link;
    };

    void push(std::vector<Block>& out, Block b) {
        if (out.size() >= limits_.max_blocks) {
            throw ImportError(fmt::format("word/document.xml: more than {} paragraphs and tables, the limit",
                                          limits_.max_blocks));
        }
        out.push_back(std::move(b));
    }

    Table table(pugi::xml_node tbl) {
        Table t;
        t.where = fmt::format("table {}", ++table_count_);
        std::size_t row_number = 0;
        for (pugi::xml_node tr : tbl.children("w:tr")) {
            if (++row_number > limits_.max_table_rows) {
                throw ImportError(fmt::format("word/document.xml: {} has more than {} rows, the limit", t.where,
                                              limits_.max_table_rows));
            }
            std::vector<CellBlock> row;
            std::size_t column = 0;
            for (pugi::xml_node tc : tr.children("w:tc")) {
                ++column;
                CellBlock cell;
                pugi::xml_node props = tc.child("w:tcPr");
                cell.span = std::clamp(props.child("w:gridSpan").attribute("w:val").as_int(1), 1, 64);
                if (pugi::xml_node vm = props.child("w:vMerge")) {
                    cell.merged_from_above = std::string(vm.attribute("w:val").as_string("continue")) != "restart";
                }
                std::string where = fmt::format("{} row {} column {}", t.where, row_number, column);
                cell_paragraphs(tc, where, cell.paragraphs);
                row.push_back(std::move(cell));
            }
            t.rows.push_back(std::move(row));
        }
        return t;
    }

    // Nested tables are flattened into the cell's paragraphs.
    void cell_paragraphs(pugi::xml_node container, const std::string& where, std::vector<Para>& out) {
        for (pugi::xml_node child : container.children()) {
            if (named(child, "w:p")) out.push_back(paragraph(child, where));
            else if (named(child, "w:tbl")) {
                for (pugi::xml_node tr : child.children("w:tr")) {
                    for (pugi::xml_node tc : tr.children("w:tc")) cell_paragraphs(tc, where, out);
                }
            } else if (named(child, "w:sdt")) cell_paragraphs(child.child("w:sdtContent"), where, out);
        }
    }

    void inline_content(pugi::xml_node container, Para& para, RunState& state) {
        for (pugi::xml_node child : container.children()) {
            std::string_view name = child.name();
            if (name == "w:r") {
                run(child, para, state);
            } else if (name == "w:bookmarkStart") {
                std::string mark = child.attribute("w:name").as_string();
                if (mark.starts_with("_itc")) para.bookmarks.push_back(mark);
            } else if (name == "w:hyperlink") {
                RunState inner = state;
                if (const char* id = child.attribute("r:id").as_string(); *id) {
                    auto it = rels_.find(id);
                    if (it != rels_.end()) inner.link = it->second;
                } else if (const char* anchor = child.attribute("w:anchor").as_string(); *anchor) {
                    inner.link = std::string("#") + anchor;
                }
                inline_content(child, para, inner);
            } else if (name == "w:smartTag" || name == "w:customXml" || name == "w:fldSimple" || name == "w:ins" ||
                       name == "w:moveTo" || name == "w:dir" || name == "w:bdo") {
                inline_content(child, para, state);
            } else if (name == "w:sdt") {
                inline_content(child.child("w:sdtContent"), para, state);
            }
        }
    }

    void run(pugi::xml_node r, Para& para, const RunState& state) {
        Run base;
        base.link = state.link;
        pugi::xml_node props = r.child("w:rPr");
        base.style = props.child("w:rStyle").attribute("w:val").as_string();
        if (const StyleInfo* s = find_style(base.style)) {
            base.bold = s->bold;
            base.italic = s->italic;
        }
        if (pugi::xml_node b = props.child("w:b")) base.bold = on_off(b);
        if (pugi::xml_node i = props.child("w:i")) base.italic = on_off(i);
        if (on_off(props.child("w:vanish"))) return;  // hidden text is not part of the page
        Run current = base;
        auto flush = [&] {
            if (!current.text.empty()) para.runs.push_back(current);
            current.text.clear();
        };
        for (pugi::xml_node c : r.children()) {
            std::string_view name = c.name();
            if (name == "w:t") current.text += c.text().get();
            else if (name == "w:tab" || name == "w:ptab") current.text += '\t';
            else if (name == "w:br" || name == "w:cr") current.text += '\n';
            else if (name == "w:noBreakHyphen") current.text += "\u2011";
            else if (name == "w:softHyphen") current.text += "\u00AD";
            else if (name == "w:footnoteReference") {
                flush();
                Run ref = base;
                ref.footnote = c.attribute("w:id").as_string();
                para.runs.push_back(ref);
            }
        }
        flush();
    }

    void load_styles(const pugi::xml_document& doc) {
        for (pugi::xml_node s : doc.document_element().children("w:style")) {
            StyleInfo info;
            info.name = lower(s.child("w:name").attribute("w:val").as_string());
            info.based_on = s.child("w:basedOn").attribute("w:val").as_string();
            info.outline_level = s.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int(-1);
            info.num_id = s.child("w:pPr").child("w:numPr").child("w:numId").attribute("w:val").as_int();
            info.bold = on_off(s.child("w:rPr").child("w:b"));
            info.italic = on_off(s.child("w:rPr").child("w:i"));
            std::string id = s.attribute("w:styleId").as_string();
            if (std::string(s.attribute("w:type").as_string()) == "paragraph" && s.attribute("w:default").as_bool()) {
                default_paragraph_style_ = id;
            }
            styles_[id] = info;
        }
    }

    const StyleInfo* find_style(const std::string& id) const {
        auto it = styles_.find(id);
        return it == styles_.end() ? nullptr : &it->second;
    }

    int inherited_outline(const std::string& id) const {
        std::string current = id;
        for (int guard = 0; guard < 16 && !current.empty(); ++guard) {
            const StyleInfo* s = find_style(current);
            if (!s) break;
            if (s->outline_level >= 0) return s->outline_level;
            current = s->based_on;
        }
        return -1;
    }

    int inherited_num(const std::string& id) const {
        std::string current = id;
        for (int guard = 0; guard < 16 && !current.empty(); ++guard) {
            const StyleInfo* s = find_style(current);
            if (!s) break;
            if (s->num_id) return s->num_id;
            current = s->based_on;
        }
        return 0;
    }

    void load_numbering(const pugi::xml_document& doc) {
        std::map<int, std::array<Level, 9>> abstracts;
        for (pugi::xml_node a : doc.document_element().children("w:abstractNum")) {
            std::array<Level, 9> levels;
            for (pugi::xml_node lvl : a.children("w:lvl")) {
                int i = lvl.attribute("w:ilvl").as_int();
                if (i < 0 || i > 8) continue;
                levels[i].format = lvl.child("w:numFmt").attribute("w:val").as_string("decimal");
                levels[i].text = lvl.child("w:lvlText").attribute("w:val").as_string();
                levels[i].start = lvl.child("w:start").attribute("w:val").as_int(1);
            }
            abstracts[a.attribute("w:abstractNumId").as_int()] = levels;
        }
        for (pugi::xml_node n : doc.document_element().children("w:num")) {
            int abstract = n.child("w:abstractNumId").attribute("w:val").as_int();
            auto it = abstracts.find(abstract);
            if (it == abstracts.end()) continue;
            nums_[n.attribute("w:numId").as_int()] = {abstract, it->second};
        }
    }

    void number(Para& para, int num_id, int level) {
        const auto& [abstract, levels] = nums_.at(num_id);
        para.numbered = true;
        para.level = level;
        const Level& lvl = levels[level];
        if (lvl.format == "bullet" || lvl.format == "none") {
            para.bullet = lvl.format == "bullet";
            return;
        }
        // Counters are kept per abstract numbering, so numbers continue across w:num instances of it.
        auto& counters = counters_[abstract];
        for (int i = 0; i < level; ++i) {
            if (counters[i] == 0) counters[i] = levels[i].start;
        }
        counters[level] = counters[level] == 0 ? levels[level].start : counters[level] + 1;
        for (int i = level + 1; i < 9; ++i) counters[i] = 0;
        std::string text = lvl.text;
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
                out += std::to_string(counters[text[i + 1] - '1']);
                ++i;
            } else {
                out += text[i];
            }
        }
        para.number = out;
    }

    BodyLimits limits_;
    std::map<std::string, StyleInfo> styles_;
    std::string default_paragraph_style_;
    std::map<int, std::pair<int, std::array<Level, 9>>> nums_;
    std::map<int, std::array<int, 9>> counters_;
    std::map<std::string, std::string> rels_;
    std::size_t paragraph_count_ = 0;
    std::size_t table_count_ = 0;
};

}  // namespace

std::string Para::text() const {
    std::string out;
    for (const Run& r : runs) out += r.text;
    return out;
}

void check_depth(const pugi::xml_document& doc, const std::string& part, std::size_t max_depth) {
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack{{doc.document_element(), 1}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        if (depth > max_depth) {
            throw ImportError(fmt::format("{}: elements nested deeper than {} levels, the limit", part, max_depth));
        }
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
        }
    }
}

Body read_body(const pugi::xml_document& document, const pugi::xml_document* styles,
               const pugi::xml_document* numbering, const pugi::xml_document* document_rels,
               const pugi::xml_document* footnotes, const pugi::xml_document* footnote_rels,
               const BodyLimits& limits) {
    Reader reader(styles, numbering, limits);
    Body body;
    pugi::xml_node root = document.document_element().child("w:body");
    if (!root) throw ImportError("word/document.xml: no w:body element");
    reader.set_rels(document_rels);
    reader.body(root, body.blocks);
    if (footnotes) {
        reader.set_rels(footnote_rels);
        for (pugi::xml_node note : footnotes->document_element().children("w:footnote")) {
            std::string type = note.attribute("w:type").as_string("normal");
            if (type != "normal") continue;
            std::string id = note.attribute("w:id").as_string();
            auto& paras = body.footnotes[id];
            std::size_t n = 0;
            for (pugi::xml_node p : note.children("w:p")) {
                paras.push_back(reader.paragraph(p, fmt::format("footnote {} paragraph {}", id, ++n)));
            }
        }
    }
    return body;
}

}  // namespace itucollab::import
