// HTML emitter: one standalone HTML5 page (inlined stylesheet, no script, no external resources).
#include "formats.hpp"
#include "html_markup.hpp"
#include "html_redline.hpp"

#include "../present/present.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace itucollab::emit {
namespace {

using html::escape_attribute;
using html::escape_text;
using html::HtmlKeys;

// Keeps a user stylesheet from closing the <style> element early.
std::string guard_style(std::string css) {
    for (std::size_t at = css.find("</"); at != std::string::npos; at = css.find("</", at + 3)) css.replace(at, 2, "<\\/");
    return css;
}

class HtmlWriter {
public:
    HtmlWriter(const Document& doc, const EmitOptions& options, const HtmlKeys* keys = nullptr)
        : doc_(doc), options_(options), index_(doc), labels_(labels_for(doc.language)), inline_(index_, ids_),
          keys_(keys) {
        if (keys_) inline_.tag_notes([this](const std::string& id) { return record("footnote", id); });
        // Derived ids first, so no data-derived id can take them.
        for (const char* fixed : {"top", "contents", "contents-title", "annex", "annex-title", "annex-note"})
            ids_.claim("", fixed);
        for (std::size_t si = 0; si < doc_.sections.size(); ++si) {
            ids_.claim("section", std::to_string(si + 1));
            for (std::size_t pi = 0; pi < doc_.sections[si].paragraphs.size(); ++pi)
                ids_.claim("para", para_suffix(si, pi));
        }
    }

    std::string run() {
        out_ += "<!DOCTYPE html>\n";
        out_ += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                            escape_attribute(doc_.language.empty() ? "en" : doc_.language));
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<meta name=\"generator\" content=\"itucollab\">\n";
        out_ += fmt::format("<title>{}</title>\n", escape_text(doc_.short_title));
        out_ += "<style>\n" + guard_style(read_template(options_, "html/style.css"));
        if (!out_.ends_with('\n')) out_ += '\n';
        out_ += "</style>\n</head>\n<body>\n<main id=\"top\" class=\"report\">\n";
        header();
        contents();
        for (std::size_t i = 0; i < doc_.sections.size(); ++i) section(i);
        annex();
        out_ += "</main>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    // Redline keys (HtmlKeys): ` data-itc-key="…"` on the blocks a redline aligns, "" otherwise.
    [[nodiscard]] std::string key(const std::string& k, bool movable = false) const {
        if (!keys_) return {};
        return fmt::format(" data-itc-key=\"{}\"{}", escape_attribute(k), movable ? " data-itc-move=\"1\"" : "");
    }
    [[nodiscard]] std::string number_mark() const { return keys_ ? " data-itc-number=\"1\"" : ""; }
    [[nodiscard]] std::string record(const char* kind, const std::string& id) const {
        std::string k = std::string(kind) + ":" + id;
        if (!keys_) return k;
        auto renamed = keys_->renamed.find(k);
        return renamed == keys_->renamed.end() ? k : std::string(kind) + ":" + renamed->second;
    }

    static std::string para_suffix(std::size_t si, std::size_t pi) {
        std::string n = paragraph_number(si, pi);
        std::replace(n.begin(), n.end(), '.', '-');
        return n;
    }

    std::string inline_html(const Text& text) { return inline_.render(text.spans); }

    void header() {
        out_ += "<header class=\"doc-header\">\n";
        out_ += fmt::format("<p class=\"running-head\"{}>{}</p>\n", key("header:running"), escape_text(doc_.short_title));
        out_ += "<div class=\"masthead\">\n<div class=\"session\">\n";
        out_ += fmt::format("<p class=\"session-name\"{}>{}</p>\n", key("header:session"), escape_text(doc_.session.name));
        out_ += fmt::format("<p class=\"session-venue\"{}>{}, {}</p>\n", key("header:venue"), escape_text(doc_.session.venue),
                            escape_text(format_date_range(doc_.session.start, doc_.session.end)));
        out_ += "</div>\n<div class=\"doc-meta\">\n";
        out_ += fmt::format("<p class=\"doc-symbol\"{}>{} {}</p>\n", key("header:symbol"), escape_text(labels_.document),
                            escape_text(full_symbol(doc_)));
        out_ += fmt::format("<p class=\"doc-date\"{}><time datetime=\"{}\">{}</time></p>\n", key("header:date"),
                            escape_attribute(iso_date(doc_.date)), escape_text(format_date(doc_.date)));
        out_ += fmt::format("<p class=\"doc-distribution\"{}>{}</p>\n", key("header:distribution"), escape_text(doc_.distribution));
        out_ += "</div>\n</div>\n";
        out_ += fmt::format("<p class=\"origin\"{}>{}</p>\n", key("header:origin"), escape_text(doc_.origin));
        out_ += fmt::format("<h1 class=\"doc-title\"{}>{}</h1>\n", key("header:title"), escape_text(doc_.title));
        out_ += "<div class=\"summary-box\">\n";
        box_entry("summary", labels_.summary, inline_html(doc_.summary));
        box_entry("action-required", labels_.action_required, inline_html(doc_.action_required));
        box_entry("references", labels_.references, escape_text(present::references_sentence(doc_)));
        out_ += "</div>\n</header>\n";
    }

    void box_entry(const char* cls, const std::string& label, const std::string& body_html) {
        out_ += fmt::format("<div class=\"box-entry box-{}\"{}>\n<p class=\"box-label\">{}</p>\n<p>{}</p>\n</div>\n", cls,
                            key(std::string("header:") + cls), escape_text(label), body_html);
    }

    void contents() {
        out_ += "<nav class=\"toc\" id=\"contents\" aria-labelledby=\"contents-title\">\n";
        out_ += fmt::format("<p class=\"toc-title\" id=\"contents-title\">{}</p>\n<ol>\n", escape_text(labels_.contents));
        for (std::size_t si = 0; si < doc_.sections.size(); ++si) {
            out_ += fmt::format("<li{2}><a href=\"#section-{0}\"><span class=\"toc-number\"{3}>{0}</span> {1}</a></li>\n", si + 1,
                                escape_text(doc_.sections[si].title),
                                key("toc:" + record("section", doc_.sections[si].id.value), true), number_mark());
        }
        out_ += fmt::format(
            "<li class=\"toc-annex\"><a href=\"#annex\"><span class=\"toc-number\">{}</span> {}</a></li>\n</ol>\n</nav>\n",
            escape_text(labels_.annex), escape_text(doc_.annex.title));
    }

    void section(std::size_t si) {
        const Section& s = doc_.sections[si];
        std::string title_id = ids_.claim("section", fmt::format("{}-title", si + 1));
        const std::string section_key = record("section", s.id.value);
        out_ += fmt::format("<section class=\"section\" id=\"section-{}\" aria-labelledby=\"{}\"{}>\n", si + 1, title_id,
                            key(section_key, true));
        out_ += fmt::format("<h2 id=\"{}\"{}><span class=\"section-number\"{}>{}</span> {}</h2>\n", title_id,
                            key(section_key + "/title"), number_mark(), si + 1, escape_text(s.title));
        for (std::size_t pi = 0; pi < s.paragraphs.size(); ++pi) {
            const Paragraph& p = s.paragraphs[pi];
            const std::string paragraph_key = section_key + "/" + record("paragraph", p.id.value);
            out_ += fmt::format("<p class=\"para\" id=\"para-{}\"{}><span class=\"para-number\"{}>{}</span> {}</p>\n",
                                para_suffix(si, pi), key(paragraph_key, true), number_mark(), paragraph_number(si, pi),
                                inline_html(p.text));
            if (p.bullets.empty()) continue;
            out_ += fmt::format("<ul class=\"bullets\"{}>\n", key(paragraph_key + "/bullets"));
            for (const auto& b : p.bullets) out_ += fmt::format("<li>{}</li>\n", inline_html(b));
            out_ += "</ul>\n";
        }
        for (const auto& g : s.initiatives) initiative_group(si, g, section_key);
        footnotes(section_key + "/notes");
        out_ += "</section>\n";
    }

    void initiative_group(std::size_t si, const InitiativeGroup& g, const std::string& section_key) {
        std::string label = sector_label(g.sector);
        std::string cls = label;
        std::transform(cls.begin(), cls.end(), cls.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string id = ids_.claim(fmt::format("section-{}", si + 1), label);
        std::string title_id = ids_.claim("", id + "-title");
        const std::string group_key = section_key + "/group:" + label;
        out_ += fmt::format("<section class=\"sector-group sector-{}\" id=\"{}\" aria-labelledby=\"{}\"{}>\n",
                            escape_attribute(cls), id, title_id, key(group_key, true));
        out_ += fmt::format("<h3 id=\"{}\">{}</h3>\n", title_id, escape_text(label));
        for (const auto& t : g.intro) {
            out_ += fmt::format("<p class=\"sector-intro\"{}>{}</p>\n", key(group_key + "/intro"), inline_html(t));
        }
        if (!g.items.empty()) {
            out_ += "<ul class=\"initiatives\">\n";
            for (const auto& item : g.items) {
                out_ += fmt::format("<li id=\"{}\"{}>", ids_.claim("initiative", item.id.value),
                                    key(group_key + "/" + record("item", item.id.value), true));
                if (auto agency = present::agency_label(item, index_)) {
                    const UnEntity* e = index_.entity(item.agency->id);
                    std::string abbr = e ? fmt::format("<abbr title=\"{}\">{}</abbr>", escape_attribute(e->name),
                                                       escape_text(*agency))
                                         : escape_text(*agency);
                    out_ += fmt::format("<strong class=\"agency\">{}:</strong> ", abbr);
                }
                out_ += inline_html(item.text) + "</li>\n";
            }
            out_ += "</ul>\n";
        }
        out_ += "</section>\n";
    }

    // Lists the footnotes referenced since the last list, each linking back to its first reference.
    void footnotes(const std::string& notes_key) {
        std::vector<std::string> pending = inline_.take_pending();
        if (pending.empty()) return;
        std::string label_id = ids_.claim("footnotes", "title");
        out_ += fmt::format("<footer class=\"footnotes\" aria-labelledby=\"{}\"{}>\n", label_id, key(notes_key));
        out_ += fmt::format("<p class=\"footnotes-title\" id=\"{}\">{}</p>\n<ol>\n", label_id, escape_text(labels_.footnotes));
        for (const auto& id : pending) {
            const Footnote* f = index_.footnote(id);
            int number = index_.footnote_number(id);
            std::string body = f ? inline_html(f->text) : "";
            out_ += fmt::format("<li id=\"fn-{0}\" value=\"{0}\"{3}>{1} <a class=\"footnote-back\" href=\"#{2}\">\u21a9\ufe0e</a></li>\n",
                                number, body, inline_.first_ref_anchor(id), key(record("footnote", id), true));
        }
        out_ += "</ol>\n</footer>\n";
        footnotes(notes_key + "+");  // notes referenced from inside notes
    }

    [[nodiscard]] std::string heading(const std::string& key, const std::string& text) const {
        std::string mark = present::column_mark(doc_.annex.note, key);
        if (mark.empty()) return escape_text(text);
        return fmt::format("{}<a class=\"note-mark\" href=\"#annex-note\">{}</a>", escape_text(text), escape_text(mark));
    }

    // A cell's text: one paragraph inline, several (separated by '\n') as <p>s.
    std::string cell_html(const Text& text) {
        std::vector<std::vector<Span>> lines = html::split_lines(text.spans);
        std::erase_if(lines, [](const auto& l) { return l.empty(); });
        if (lines.size() == 1) return inline_.render(lines[0]);
        std::string out;
        for (const auto& l : lines) out += "<p>" + inline_.render(l) + "</p>";
        return out;
    }

    std::string relevance_html(const std::vector<RelevanceBlock>& blocks) {
        std::string out;
        for (const auto& b : blocks) {
            if (b.text) {
                for (const auto& l : html::split_lines(b.text->spans))
                    if (!l.empty()) out += "<p>" + inline_.render(l) + "</p>";
                continue;
            }
            auto cited = present::citation(b, index_);
            if (!cited) continue;
            out += fmt::format("<p class=\"instrument\"><span class=\"instrument-label\">{}</span>",
                               escape_text(cited->label));
            if (!cited->after.empty())
                out += fmt::format("<br><span class=\"instrument-title\">{}</span>", escape_text(cited->after));
            out += "</p>";
        }
        return out;
    }

    void mechanism_row(const Mechanism& m) {
        out_ += fmt::format("<tr id=\"{}\"{}>\n<th scope=\"row\">{}</th>\n", ids_.claim("mechanism", m.id.value),
                            key("annex:" + record("mechanism", m.id.value), true), escape_text(m.name));
        auto cell = [&](const char* cls, const Cell& value) {
            out_ += fmt::format("<td class=\"col-{}\">{}</td>\n", cls, value ? cell_html(*value) : "");
        };
        cell("key-activity", m.key_activity);
        out_ += fmt::format("<td class=\"col-relevance\">{}</td>\n", relevance_html(m.relevance));
        cell("frequency", m.frequency);
        cell("time-spent", m.time_spent);
        cell("financial", m.financial);
        out_ += "</tr>\n";
    }

    void annex() {
        const Annex& a = doc_.annex;
        const AnnexHeadings& h = a.headings;
        out_ += "<section class=\"annex\" id=\"annex\" aria-labelledby=\"annex-title\">\n";
        out_ += fmt::format(
            "<h2 id=\"annex-title\"><span class=\"annex-label\">{}</span> <span class=\"annex-title\">{}</span></h2>\n",
            escape_text(labels_.annex), escape_text(a.title));
        out_ += fmt::format("<p class=\"annex-intro\">{}</p>\n", inline_html(a.intro));
        if (!a.benefits.empty()) {
            out_ += "<ol class=\"benefits\">\n";
            for (const auto& b : a.benefits) out_ += fmt::format("<li>{}</li>\n", inline_html(b));
            out_ += "</ol>\n";
        }
        out_ += "<div class=\"table-wrap\">\n<table class=\"mechanisms\">\n";
        out_ += fmt::format("<caption>{}</caption>\n<thead>\n<tr>\n", escape_text(a.title));
        for (const auto& [key, title] : annex_columns(h)) {
            std::string cls = key;
            std::replace(cls.begin(), cls.end(), '_', '-');
            out_ += fmt::format("<th scope=\"col\" class=\"col-{}\">{}</th>\n", cls, heading(key, *title));
        }
        out_ += "</tr>\n</thead>\n<tbody>\n";
        for (const auto& m : a.mechanisms) mechanism_row(m);
        out_ += "</tbody>\n</table>\n</div>\n";
        out_ += fmt::format("<p class=\"annex-note\" id=\"annex-note\"{}>{} {}</p>\n", key("annex:note"),
                            escape_text(present::note_label(a.note)), inline_html(a.note.text));
        footnotes("annex:notes");
        out_ += "</section>\n";
    }

    const Document& doc_;
    const EmitOptions& options_;
    DocumentIndex index_;
    const Labels& labels_;
    html::IdRegistry ids_;
    html::InlineRenderer inline_;
    const HtmlKeys* keys_ = nullptr;
    std::string out_;
};

}  // namespace

std::string render_html(const Document& doc, const EmitOptions& options) { return HtmlWriter(doc, options).run(); }

std::string render_keyed_html(const Document& doc, const EmitOptions& options, const HtmlKeys& keys) {
    return HtmlWriter(doc, options, &keys).run();
}

}  // namespace itucollab::emit
