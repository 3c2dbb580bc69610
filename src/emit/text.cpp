// Plain-text emitter: the whole report at a fixed width, the annex as one record per mechanism.
#include "formats.hpp"
#include "wrap.hpp"

#include "../present/present.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace itucollab::emit {
namespace {

constexpr std::size_t gutter = 6;  // width of the paragraph-number column

class TextWriter {
public:
    TextWriter(const Document& doc, const EmitOptions& options)
        : doc_(doc), index_(doc), labels_(labels_for(doc.language)),
          width_(static_cast<std::size_t>(std::max(options.width, 30))) {}

    std::string run() {
        header();
        for (std::size_t i = 0; i < doc_.sections.size(); ++i) section(i);
        annex();
        return std::move(out_);
    }

private:
    std::string inline_text(const std::vector<Span>& spans) const {
        return present::plain(spans, index_, present::LinkStyle::text_and_target);
    }

    void blank() {
        if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
    }
    void lines(std::string_view text, std::size_t indent_first, std::size_t indent_rest) {
        out_ += wrap(text, width_, std::string(indent_first, ' '), std::string(indent_rest, ' '));
    }
    void centred(std::string_view text) {
        std::string wrapped = wrap(text, width_, "", "");
        std::size_t start = 0;
        while (start < wrapped.size()) {
            std::size_t end = wrapped.find('\n', start);
            out_ += centre(std::string_view(wrapped).substr(start, end - start), width_) + "\n";
            start = end + 1;
        }
    }
    void right(std::string_view text) { out_ += align_right(text, width_) + "\n"; }

    void header() {
        right(doc_.short_title);  // the running head of the printed report
        blank();
        out_ += doc_.session.name + "\n";
        lines(fmt::format("{}, {}", doc_.session.venue, format_date_range(doc_.session.start, doc_.session.end)), 0, 0);
        right(fmt::format("{} {}", labels_.document, full_symbol(doc_)));
        right(format_date(doc_.date));
        right(doc_.distribution);
        blank();
        out_ += doc_.origin + "\n";
        blank();
        centred(doc_.title);
        blank();
        out_ += labels_.summary + "\n";
        lines(inline_text(doc_.summary.spans), 2, 2);
        blank();
        out_ += labels_.action_required + "\n";
        lines(inline_text(doc_.action_required.spans), 2, 2);
        blank();
        out_ += std::string(12, '_') + "\n";
        blank();
        out_ += labels_.references + "\n";
        lines(present::references_sentence(doc_), 2, 2);
    }

    // Prints, after a paragraph, the footnotes it references for the first time.
    void footnotes_of(const Text& text) {
        std::vector<std::string> ids;
        collect_refs(text.spans, ids);
        for (const auto& id : ids) {
            if (!printed_footnotes_.insert(id).second) continue;
            const Footnote* f = index_.footnote(id);
            if (!f) continue;
            blank();
            std::string mark = present::footnote_mark(index_.footnote_number(id)) + " ";
            out_ += wrap(mark + inline_text(f->text.spans), width_, std::string(gutter, ' '),
                         std::string(gutter + display_width(mark), ' '));
        }
    }
    static void collect_refs(const std::vector<Span>& spans, std::vector<std::string>& ids) {
        for (const auto& s : spans) {
            if (s.kind == Span::Kind::footnote_ref) ids.push_back(s.text);
            collect_refs(s.children, ids);
        }
    }

    void section(std::size_t si) {
        const Section& s = doc_.sections[si];
        blank();
        out_ += wrap(s.title, width_, fmt::format("{:<{}}", fmt::format("{}", si + 1), gutter), std::string(gutter, ' '));
        for (std::size_t pi = 0; pi < s.paragraphs.size(); ++pi) {
            const Paragraph& p = s.paragraphs[pi];
            blank();
            out_ += wrap(inline_text(p.text.spans), width_, fmt::format("{:<{}}", paragraph_number(si, pi), gutter),
                         std::string(gutter, ' '));
            for (const auto& b : p.bullets) {
                blank();
                out_ += wrap(inline_text(b.spans), width_, std::string(gutter, ' ') + "- ", std::string(gutter + 2, ' '));
            }
            footnotes_of(p.text);
        }
        for (const auto& g : s.initiatives) {
            blank();
            out_ += std::string(gutter, ' ') + sector_label(g.sector) + "\n";
            for (const auto& t : g.intro) {
                blank();
                lines(inline_text(t.spans), gutter, gutter);
            }
            for (const auto& item : g.items) {
                blank();
                std::string text = inline_text(item.text.spans);
                if (auto agency = present::agency_label(item, index_)) text = fmt::format("{}: {}", *agency, text);
                out_ += wrap(text, width_, std::string(gutter, ' ') + "- ", std::string(gutter + 2, ' '));
            }
        }
    }

    std::string heading(const std::string& key, const std::string& text) const {
        return text + present::column_mark(doc_.annex.note, key);
    }

    void cell(const std::string& key, const std::string& title, const Cell& value) {
        if (!value) return;
        out_ += "  " + heading(key, title) + "\n";
        cell_lines(inline_text(value->spans));
    }
    void cell_lines(const std::string& text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string_view line = std::string_view(text).substr(start, end - start);
            if (!line.empty()) lines(line, 6, 6);
            start = end + 1;
        }
    }

    void mechanism(const Mechanism& m) {
        const AnnexHeadings& h = doc_.annex.headings;
        blank();
        out_ += std::string(width_, '-') + "\n";
        lines(m.name, 0, 2);
        cell("key_activity", h.key_activity, m.key_activity);
        if (!m.relevance.empty()) {
            out_ += "  " + heading("relevance", h.relevance) + "\n";
            for (const auto& b : m.relevance) {
                if (b.text) {
                    cell_lines(inline_text(b.text->spans));
                    continue;
                }
                auto cited = present::citation(b, index_);
                if (!cited) continue;
                lines(cited->label, 6, 6);
                if (!cited->after.empty()) lines(cited->after, 6, 6);
            }
        }
        cell("frequency", h.frequency, m.frequency);
        cell("time_spent", h.time_spent, m.time_spent);
        cell("financial", h.financial, m.financial);
    }

    void annex() {
        const Annex& a = doc_.annex;
        blank();
        out_ += std::string(width_, '=') + "\n";
        blank();
        centred(labels_.annex);
        blank();
        centred(a.title);
        blank();
        lines(inline_text(a.intro.spans), 0, 0);
        for (std::size_t i = 0; i < a.benefits.size(); ++i) {
            blank();
            std::string mark = fmt::format("{}. ", i + 1);
            out_ += wrap(mark + inline_text(a.benefits[i].spans), width_, "  ", std::string(2 + mark.size(), ' '));
        }
        blank();
        std::string legend;
        for (const auto& [key, title] : annex_columns(a.headings)) {
            legend += (legend.empty() ? "" : " | ") + heading(key, *title);
        }
        lines(legend, 0, 2);
        for (const auto& m : a.mechanisms) mechanism(m);
        blank();
        out_ += std::string(width_, '-') + "\n";
        blank();
        std::string mark = present::note_label(a.note) + " ";
        out_ += wrap(mark + inline_text(a.note.text.spans), width_, "", std::string(display_width(mark), ' '));
    }

    const Document& doc_;
    DocumentIndex index_;
    const Labels& labels_;
    std::size_t width_;
    std::set<std::string> printed_footnotes_;
    std::string out_;
};

}  // namespace

std::string render_text(const Document& doc, const EmitOptions& options) { return TextWriter(doc, options).run(); }

}  // namespace itucollab::emit
