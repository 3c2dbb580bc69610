// Pandoc-flavoured Markdown emitter: YAML metadata, headed sections, footnotes, the annex as one grid table.
#include "formats.hpp"

#include "../present/present.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace itucollab::emit {
namespace {

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_punct(char c) { return c > 0x20 && c < 0x7F && !is_ascii_alnum(c); }

// Escapes literal text so pandoc's Markdown reader gives back exactly that text. `line_start` is
// true when the next character begins a block (or a line of one); it is updated as text flows.
void escape_into(std::string& out, std::string_view text, bool& line_start) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            if (!line_start) out += '\n';  // never a blank line: it would end the block
            line_start = true;
            continue;
        }
        if (c == '\t' || c == '\r') c = ' ';  // a tab would indent a line or break a grid table
        if (line_start) {
            if (c == ' ') continue;  // leading blanks would make an indented code block
            line_start = false;
            if (is_ascii_punct(c)) {  // "-", "+", ">", "#", "|", ":", "(", "%" … start blocks
                out += '\\';
                out += c;
                continue;
            }
            // "1.", "2020)", "a.", "iv)" would start an ordered list: escape the delimiter.
            std::size_t j = i;
            while (j < text.size() && is_ascii_alnum(text[j])) ++j;
            if (j > i && j < text.size() && (text[j] == '.' || text[j] == ')')) {
                out.append(text.substr(i, j - i));
                out += '\\';
                out += text[j];
                i = j;
                continue;
            }
        }
        switch (c) {
            // inline markup, raw HTML, entities, math, citations, attributes, smart quotes
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '$':
            case '^': case '~': case '|': case '{': case '}': case '&': case '@': case '#': case '"':
            case '\'':
                out += '\\';
                out += c;
                break;
            case '-':  // "--" and "---" would become dashes
            case '.':  // "..." would become an ellipsis
                if (i + 1 < text.size() && text[i + 1] == c) out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
}

std::string escape(std::string_view text, bool line_start) {
    std::string out;
    escape_into(out, text, line_start);
    return out;
}

// Text for a one-line construct (a heading): line breaks become spaces.
std::string escape_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return escape(text, false);
}

// A link destination: backslash-escaped where pandoc would end or split it.
std::string link_target(std::string_view url) {
    std::string out;
    for (char c : url) {
        if (c == ' ') {
            out += "%20";
            continue;
        }
        if (c == '(' || c == ')' || c == '\\' || c == '<' || c == '>') out += '\\';
        out += c;
    }
    return out;
}

// A YAML double-quoted scalar.
std::string yaml_quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            out += fmt::format("\\x{:02X}", u);
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Columns pandoc counts for a string: East Asian wide characters take two, combining marks none.
std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        i += len;
        if (cp >= 0x300 && cp <= 0x36F) continue;
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x20000 && cp <= 0x3FFFD);
        n += wide ? 2 : 1;
    }
    return n;
}

// Whether a line of a paragraph starting with `word` could end the paragraph or change its meaning
// (setext underline, definition, list, quote, table, fence, footnote …): such words are not wrapped.
bool must_not_start_line(std::string_view word) {
    return std::string_view("-+=:#>|~`<*%[").find(word[0]) != std::string_view::npos;
}

// Wraps escaped Markdown at ASCII spaces into lines of about `width` columns; a word that must not
// start a line stays on the previous one, so a line can be longer.
std::vector<std::string> wrap_markdown(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::size_t line_width = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = std::min(text.find(' ', start), text.size());
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        std::size_t w = columns(word);
        if (lines.empty() || (!must_not_start_line(word) && line_width + 1 + w > width)) {
            lines.emplace_back(word);
            line_width = w;
        } else {
            lines.back() += ' ';
            lines.back() += word;
            line_width += 1 + w;
        }
    }
    return lines;
}

// A grid-table cell: paragraphs, each made of segments joined by hard line breaks.
using CellParagraph = std::vector<std::string>;
using GridCell = std::vector<CellParagraph>;

class MarkdownWriter {
public:
    explicit MarkdownWriter(const Document& doc) : doc_(doc), index_(doc), labels_(labels_for(doc.language)) {}

    std::string run() {
        metadata();
        header();
        for (std::size_t i = 0; i < doc_.sections.size(); ++i) section(i);
        annex();
        while (out_.ends_with("\n\n")) out_.pop_back();
        return std::move(out_);
    }

private:
    // Inline spans as Markdown; footnote references queue their definitions.
    std::string inline_md(const std::vector<Span>& spans, bool& line_start) {
        std::string s;
        for (const auto& span : spans) {
            if (span.kind != Span::Kind::text) line_start = false;  // the markup itself starts the line
            switch (span.kind) {
                case Span::Kind::text: escape_into(s, span.text, line_start); break;
                case Span::Kind::emphasis: s += "*" + inline_md(span.children, line_start) + "*"; break;
                case Span::Kind::strong: s += "**" + inline_md(span.children, line_start) + "**"; break;
                case Span::Kind::link:
                    if (!present::keeps_link(span.target)) {
                        s += inline_md(span.children, line_start);  // another scheme: its text only
                    } else if (present::plain(span.children, index_) == span.target &&
                               span.target.find_first_of(" <>") == std::string::npos) {
                        s += "<" + span.target + ">";
                    } else {
                        s += "[" + inline_md(span.children, line_start) + "](" + link_target(span.target) + ")";
                    }
                    break;
                case Span::Kind::footnote_ref: {
                    int number = index_.footnote_number(span.text);
                    if (number == 0 || !index_.footnote(span.text)) break;
                    s += fmt::format("[^{}]", number);
                    if (!defined_footnotes_.count(span.text)) pending_footnotes_.push_back(span.text);
                    break;
                }
            }
        }
        return s;
    }
    std::string block_text(const Text& text) {
        bool line_start = true;
        return inline_md(text.spans, line_start);
    }
    std::string run_in_text(const Text& text) {
        bool line_start = false;
        return inline_md(text.spans, line_start);
    }

    void block(const std::string& markdown) {
        out_ += markdown;  // no temporary: the annex table alone grows with the corpus
        out_ += "\n\n";
    }

    // Writes the definitions of footnotes referenced since the last flush, after a whole block.
    void flush_footnotes() {
        while (!pending_footnotes_.empty()) {
            std::string id = pending_footnotes_.front();
            pending_footnotes_.erase(pending_footnotes_.begin());
            if (!defined_footnotes_.insert(id).second) continue;
            const Footnote* f = index_.footnote(id);
            block(fmt::format("[^{}]: {}", index_.footnote_number(id), block_text(f->text)));
        }
    }

    void metadata() {
        auto md = [](const std::string& s) { return yaml_quote(escape(s, true)); };
        out_ += "---\n";
        out_ += "title: " + md(doc_.title) + "\n";
        out_ += "shorttitle: " + md(doc_.short_title) + "\n";
        out_ += "lang: " + yaml_quote(doc_.language) + "\n";
        out_ += "date: " + md(format_date(doc_.date)) + "\n";
        out_ += "session:\n";
        out_ += "  name: " + md(doc_.session.name) + "\n";
        out_ += "  venue: " + md(doc_.session.venue) + "\n";
        out_ += "  dates: " + md(format_date_range(doc_.session.start, doc_.session.end)) + "\n";
        out_ += "symbol: " + md(full_symbol(doc_)) + "\n";
        out_ += "distribution: " + md(doc_.distribution) + "\n";
        out_ += "origin: " + md(doc_.origin) + "\n";
        out_ += "---\n\n";
    }

    void header() {
        block(escape(doc_.session.name, true) + "\\\n" +
              escape(fmt::format("{}, {}", doc_.session.venue, format_date_range(doc_.session.start, doc_.session.end)),
                     true));
        block(escape(fmt::format("{} {}", labels_.document, full_symbol(doc_)), true) + "\\\n" +
              escape(format_date(doc_.date), true) + "\\\n" + escape(doc_.distribution, true));
        block(escape(doc_.origin, true));
        block("**" + escape(labels_.summary, false) + "**");
        block(block_text(doc_.summary));
        block("**" + escape(labels_.action_required, false) + "**");
        block(block_text(doc_.action_required));
        flush_footnotes();
        block("**" + escape(labels_.references, false) + "**");
        block(escape(present::references_sentence(doc_), true));
    }

    void section(std::size_t si) {
        const Section& s = doc_.sections[si];
        block(fmt::format("# {} {} {{#section-{} .unnumbered}}", si + 1, escape_line(s.title), si + 1));
        for (std::size_t pi = 0; pi < s.paragraphs.size(); ++pi) {
            const Paragraph& p = s.paragraphs[pi];
            std::string number = paragraph_number(si, pi);
            std::string anchor = number;
            std::replace(anchor.begin(), anchor.end(), '.', '-');
            block(fmt::format("[**{}**]{{#para-{}}} {}", number, anchor, run_in_text(p.text)));
            if (!p.bullets.empty()) {
                std::string list;
                for (const auto& b : p.bullets) list += "- " + block_text(b) + "\n";
                list.pop_back();
                block(list);
            }
            flush_footnotes();
        }
        for (const auto& g : s.initiatives) initiatives(si, g);
    }

    void initiatives(std::size_t si, const InitiativeGroup& g) {
        std::string label = sector_label(g.sector);
        std::string id = label;
        std::transform(id.begin(), id.end(), id.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
        block(fmt::format("## {} {{#section-{}-{} .unnumbered}}", escape(label, false), si + 1, id));
        for (const auto& t : g.intro) block(block_text(t));
        flush_footnotes();
        if (g.items.empty()) return;
        std::string list;
        for (const auto& item : g.items) {
            if (auto agency = present::agency_label(item, index_)) {
                list += "- **" + escape(*agency + ":", false) + "** " + run_in_text(item.text);
            } else {
                list += "- " + block_text(item.text);
            }
            list += "\n";
        }
        list.pop_back();
        block(list);
        flush_footnotes();
    }

    // ---- annex ----

    std::string heading(const std::string& key, const std::string& text) const {
        return text + present::column_mark(doc_.annex.note, key);
    }

    // A cell's text: each '\n'-separated line is a paragraph of its own.
    void add_paragraphs(GridCell& cell, const Text& text) {
        std::string md = block_text(text);
        std::size_t start = 0;
        while (start <= md.size()) {
            std::size_t end = std::min(md.find('\n', start), md.size());
            if (end > start) cell.push_back({md.substr(start, end - start)});
            start = end + 1;
        }
    }
    GridCell cell_of(const Cell& value) {
        GridCell cell;
        if (value) add_paragraphs(cell, *value);
        return cell;
    }
    GridCell relevance_cell(const Mechanism& m) {
        GridCell cell;
        for (const auto& b : m.relevance) {
            if (b.text) {
                add_paragraphs(cell, *b.text);
                continue;
            }
            auto cited = present::citation(b, index_);
            if (!cited) continue;
            CellParagraph p{escape(cited->label, true)};
            std::string after_md = escape(cited->after, true);
            if (!after_md.empty()) p.push_back(after_md);
            cell.push_back(p);
        }
        return cell;
    }

    static constexpr std::array<std::size_t, 6> base_widths{24, 36, 36, 14, 16, 18};

    // A cell's lines at `width`: paragraphs separated by an empty line, segments by a hard break.
    static std::vector<std::string> cell_lines(const GridCell& cell, std::size_t width) {
        std::vector<std::string> lines;
        for (const auto& paragraph : cell) {
            if (!lines.empty()) lines.emplace_back();
            for (std::size_t k = 0; k < paragraph.size(); ++k) {
                bool breaks = k + 1 < paragraph.size();
                auto wrapped = wrap_markdown(paragraph[k], breaks ? width - 1 : width);
                if (breaks && !wrapped.empty()) wrapped.back() += '\\';
                lines.insert(lines.end(), wrapped.begin(), wrapped.end());
            }
        }
        return lines;
    }

    static std::string grid_table(const std::vector<std::array<GridCell, 6>>& rows) {
        std::vector<std::array<std::vector<std::string>, 6>> wrapped(rows.size());
        std::array<std::size_t, 6> widths = base_widths;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (std::size_t c = 0; c < 6; ++c) {
                wrapped[r][c] = cell_lines(rows[r][c], base_widths[c]);
                for (const auto& line : wrapped[r][c]) widths[c] = std::max(widths[c], columns(line));
            }
        }
        auto rule = [&](char fill) {
            std::string s = "+";
            for (std::size_t w : widths) s += std::string(w + 2, fill) + "+";
            return s + "\n";
        };
        std::string out = rule('-');
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::size_t height = 1;
            for (const auto& lines : wrapped[r]) height = std::max(height, lines.size());
            for (std::size_t k = 0; k < height; ++k) {
                std::string line = "|";
                for (std::size_t c = 0; c < 6; ++c) {
                    std::string text = k < wrapped[r][c].size() ? wrapped[r][c][k] : "";
                    line += " " + text + std::string(widths[c] - columns(text), ' ') + " |";
                }
                out += line + "\n";
            }
            out += rule(r == 0 ? '=' : '-');
        }
        out.pop_back();
        return out;
    }

    void annex() {
        const Annex& a = doc_.annex;
        const AnnexHeadings& h = a.headings;
        block(fmt::format("# {} {{#annex .unnumbered}}", escape_line(labels_.annex)));
        block(fmt::format("## {} {{#annex-title .unnumbered}}", escape_line(a.title)));
        block(block_text(a.intro));
        if (!a.benefits.empty()) {
            std::string list;
            for (std::size_t i = 0; i < a.benefits.size(); ++i)
                list += fmt::format("{}. {}\n", i + 1, block_text(a.benefits[i]));
            list.pop_back();
            block(list);
        }
        flush_footnotes();
        std::vector<std::array<GridCell, 6>> rows;
        auto head = [&](const std::string& key, const std::string& title) {
            return GridCell{{escape(heading(key, title), true)}};
        };
        rows.push_back({head("name", h.name), head("key_activity", h.key_activity), head("relevance", h.relevance),
                        head("frequency", h.frequency), head("time_spent", h.time_spent),
                        head("financial", h.financial)});
        for (const auto& m : a.mechanisms) {
            rows.push_back({GridCell{{escape(m.name, true)}}, cell_of(m.key_activity), relevance_cell(m), cell_of(m.frequency),
                            cell_of(m.time_spent), cell_of(m.financial)});
        }
        block(grid_table(rows));
        block(fmt::format("[{}]{{#annex-note}} {}", escape(present::note_label(a.note), false),
                          run_in_text(a.note.text)));
        flush_footnotes();
    }

    const Document& doc_;
    DocumentIndex index_;
    const Labels& labels_;
    std::vector<std::string> pending_footnotes_;
    std::set<std::string> defined_footnotes_;
    std::string out_;
};

}  // namespace

std::string render_markdown(const Document& doc, const EmitOptions&) { return MarkdownWriter(doc).run(); }

}  // namespace itucollab::emit
