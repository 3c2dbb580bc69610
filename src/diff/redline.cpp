// The whole NEW report as paragraphs with OLD's differences as tracked changes (Word w:ins/w:del).
#include "redline.hpp"

#include <dtl/dtl.hpp>

#include <fmt/format.h>

namespace itucollab::diff {
namespace {

// One paragraph of a report's reading text, keyed so the two versions can be aligned.
struct Unit {
    std::string key;
    Part part;
    RedlineParagraph::Style style;
    std::string text;
};

using Style = RedlineParagraph::Style;

class UnitWriter {
public:
    explicit UnitWriter(std::vector<Unit>& out) : out_(out) {}
    void add(std::string key, Part part, Style style, std::string text) {
        if (text.empty()) return;
        out_.push_back({std::move(key), part, style, std::move(text)});
    }
    // Items without ids are keyed by their text: an edited item is a deleted and an inserted paragraph.
    void add_item(const std::string& base, Part part, Style style, const std::string& text) {
        add(base + "#" + normalize_whitespace(text), part, style, text);
    }

private:
    std::vector<Unit>& out_;
};

std::string cell(const Cell& c) { return c ? c->source : ""; }

std::vector<Unit> units(const Document& doc) {
    std::vector<Unit> out;
    UnitWriter w(out);
    const Part h = Part::header;
    w.add("header/session", h, Style::body, doc.session.name + ", " + doc.session.venue);
    w.add("header/session-dates", h, Style::body, format_date_range(doc.session.start, doc.session.end));
    w.add("header/symbol", h, Style::body, "Document " + full_symbol(doc));
    w.add("header/date", h, Style::body, format_date(doc.date));
    w.add("header/title", h, Style::title, doc.title);
    w.add("header/summary", h, Style::body, doc.summary.source);
    w.add("header/action-required", h, Style::body, doc.action_required.source);
    for (const auto& r : doc.references) w.add("header/references/" + r, h, Style::bullet, r);
    for (const auto& s : doc.sections) {
        std::string at = "sections/" + s.id.value;
        w.add(at + "#title", Part::sections, Style::heading, s.title);
        for (const auto& p : s.paragraphs) {
            w.add(at + "/paragraphs/" + p.id.value, Part::sections, Style::body, p.text.source);
            for (const auto& b : p.bullets) w.add_item(at + "/paragraphs/" + p.id.value + "/bullets", Part::sections, Style::bullet, b.source);
        }
        for (const auto& g : s.initiatives) {
            std::string gat = at + "/initiatives/" + sector_label(g.sector);
            w.add(gat, Part::initiatives, Style::heading, sector_label(g.sector));
            for (const auto& t : g.intro) w.add_item(gat + "/intro", Part::initiatives, Style::body, t.source);
            for (const auto& item : g.items) {
                w.add(gat + "/items/" + item.id.value, Part::initiatives, Style::bullet,
                      (item.agency ? item.agency->id + ": " : "") + item.text.source);
            }
        }
        for (const auto& f : s.footnotes) w.add(at + "/footnotes/" + f.id.value, Part::sections, Style::note, f.text.source);
    }
    const Part a = Part::annex;
    const Annex& annex = doc.annex;
    w.add("annex#title", a, Style::heading, annex.title);
    w.add("annex#intro", a, Style::body, annex.intro.source);
    for (const auto& b : annex.benefits) w.add_item("annex/benefits", a, Style::bullet, b.source);
    for (const auto& m : annex.mechanisms) {
        std::string at = "annex/mechanisms/" + m.id.value;
        w.add(at + "#name", a, Style::heading, m.name);
        w.add(at + "#key_activity", a, Style::body, cell(m.key_activity));
        for (const auto& b : m.relevance) {
            std::string text = b.text ? b.text->source : "";
            if (b.cite) text += b.cite->id;
            if (b.append) text += *b.append;
            w.add_item(at + "/relevance", a, Style::bullet, text);
        }
        w.add(at + "#frequency", a, Style::body, cell(m.frequency));
        w.add(at + "#time_spent", a, Style::body, cell(m.time_spent));
        w.add(at + "#financial", a, Style::body, cell(m.financial));
    }
    w.add("annex/note", a, Style::note, annex.note.mark + " " + annex.note.text.source);
    return out;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

const char* style_id(Style s) {
    switch (s) {
        case Style::title: return "Title";
        case Style::heading: return "Heading1";
        case Style::body: return "Normal";
        case Style::bullet: return "ListBullet";
        case Style::note: return "FootnoteText";
    }
    return "Normal";
}

// Text runs: line breaks inside a value become <w:br/>.
std::string runs(const std::string& text, const char* element) {
    std::string out = "<w:r>";
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string piece = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!piece.empty()) out += fmt::format("<{0} xml:space=\"preserve\">{1}</{0}>", element, xml_escape(piece));
        if (end == std::string::npos) break;
        out += "<w:br/>";
        start = end + 1;
    }
    return out + "</w:r>";
}

}  // namespace

std::vector<RedlineParagraph> redline(const Document& old_doc, const Document& new_doc, const Options& options) {
    std::vector<Unit> a = units(old_doc);
    std::vector<Unit> b = units(new_doc);
    std::vector<std::string> ka, kb;
    for (const auto& u : a) ka.push_back(u.key);
    for (const auto& u : b) kb.push_back(u.key);
    dtl::Diff<std::string> d(ka, kb);
    d.compose();
    auto enabled = [&](Part p) { return options.only.empty() || options.only.contains(p); };
    std::vector<RedlineParagraph> out;
    WordBudget budget{options.max_total_word_product};
    std::size_t i = 0, j = 0;
    for (const auto& [key, info] : d.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            const Unit& x = a[i++];
            const Unit& y = b[j++];
            RedlineParagraph p{y.style, WordRun::Op::same, {}};
            bool same = options.ignore_whitespace ? normalize_whitespace(x.text) == normalize_whitespace(y.text)
                                                  : x.text == y.text;
            if (same || !enabled(y.part)) {
                p.runs.push_back({WordRun::Op::same, y.text});
            } else {
                Options raw = options;
                raw.ignore_whitespace = false;  // the document keeps NEW's text as written
                p.runs = word_diff(x.text, y.text, raw, budget);
            }
            out.push_back(std::move(p));
        } else if (info.type == dtl::SES_DELETE) {
            const Unit& x = a[i++];
            if (!enabled(x.part)) continue;
            out.push_back({x.style, WordRun::Op::removed, {{WordRun::Op::removed, x.text}}});
        } else {
            const Unit& y = b[j++];
            WordRun::Op whole = enabled(y.part) ? WordRun::Op::added : WordRun::Op::same;
            out.push_back({y.style, whole, {{whole, y.text}}});
        }
    }
    return out;
}

std::string redline_wordml(const std::vector<RedlineParagraph>& paragraphs, const std::string& date) {
    std::string out;
    int next_id = 1;
    auto mark = [&](const char* element) {
        return fmt::format("<{} w:id=\"{}\" w:author=\"itucollab\" w:date=\"{}\"", element, next_id++, date);
    };
    for (const auto& p : paragraphs) {
        out += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>", style_id(p.style));
        if (p.whole == WordRun::Op::added) out += "<w:rPr>" + mark("w:ins") + "/></w:rPr>";
        if (p.whole == WordRun::Op::removed) out += "<w:rPr>" + mark("w:del") + "/></w:rPr>";
        out += "</w:pPr>";
        for (const auto& r : p.runs) {
            switch (r.op) {
                case WordRun::Op::same: out += runs(r.text, "w:t"); break;
                case WordRun::Op::added: out += mark("w:ins") + ">" + runs(r.text, "w:t") + "</w:ins>"; break;
                case WordRun::Op::removed: out += mark("w:del") + ">" + runs(r.text, "w:delText") + "</w:del>"; break;
            }
        }
        out += "</w:p>";
    }
    return out;
}

}  // namespace itucollab::diff
