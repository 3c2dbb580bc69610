// The HTML rendering of a diff: a standalone redline page with a summary table and linked changes.
#include <itucollab/diff.hpp>

#include "../emit/html_markup.hpp"

#include <fmt/format.h>

namespace itucollab::diff {
namespace {

using emit::html::escape_text;

constexpr const char* style = R"(body { font-family: Calibri, Arial, sans-serif; line-height: 1.45; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.2rem 0.6rem; text-align: left; }
td.count { text-align: right; }
code { font-size: 0.95em; }
.change { border-top: 1px solid #ccc; padding: 0.5rem 0; }
.change h3 { font-size: 1rem; margin: 0.3rem 0; }
.redline { white-space: pre-wrap; }
del { color: #a00000; background: #fde8e8; }
ins { color: #005a00; background: #e6f6e6; }
)";

std::string redline(const std::vector<WordRun>& runs) {
    std::string out;
    for (const auto& r : runs) {
        switch (r.op) {
            case WordRun::Op::same: out += escape_text(r.text); break;
            case WordRun::Op::removed: out += "<del>" + escape_text(r.text) + "</del>"; break;
            case WordRun::Op::added: out += "<ins>" + escape_text(r.text) + "</ins>"; break;
        }
    }
    return out;
}

std::string heading(const Change& c) {
    std::string where = c.place + (c.label.empty() || c.kind != Kind::changed ? "" : ", " + c.label);
    std::string what = c.kind == Kind::changed ? "changed" : kind_name(c.kind) + " " + (c.label.empty() ? c.subject : c.label);
    return fmt::format("{}: {}{}", escape_text(where), escape_text(what), c.visible ? "" : " (not printed in the report)");
}

std::string body(const Change& c) {
    switch (c.kind) {
        case Kind::changed: return "<p class=\"redline\">" + redline(c.words) + "</p>";
        case Kind::added: return "<p class=\"redline\"><ins>" + escape_text(c.new_text) + "</ins></p>";
        case Kind::removed: return "<p class=\"redline\"><del>" + escape_text(c.old_text) + "</del></p>";
        case Kind::moved:
            if (!c.old_number.empty() && !c.new_number.empty()) {
                return fmt::format("<p>Moved from {} to {}.</p>", escape_text(c.old_number), escape_text(c.new_number));
            }
            return fmt::format("<p>Moved from position {} to {}.</p>", c.from, c.to);
        case Kind::renamed:
            return fmt::format("<p>Same record under a new id; it was <code>{}</code> (word similarity {:.2f}).</p>",
                               escape_text(c.old_id), c.similarity);
    }
    return {};
}

}  // namespace

std::string render_html(const Result& result) {
    std::string title = fmt::format("Changes from {} to {}", result.old_symbol, result.new_symbol);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"itucollab diff\">\n";
    out += fmt::format("<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n", escape_text(title), style);
    out += fmt::format("<h1>{}</h1>\n", escape_text(title));
    Summary s = result.summary();
    out += "<table class=\"summary\">\n<caption>Summary</caption>\n";
    out += "<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n";
    for (auto [name, n] : {std::pair{"added", s.added}, {"removed", s.removed}, {"changed", s.changed},
                           {"moved", s.moved}, {"renamed", s.renamed}}) {
        out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"count\">{}</td></tr>\n", name, n);
    }
    out += fmt::format("</tbody>\n<tfoot><tr><th scope=\"row\">total</th><td class=\"count\">{}</td></tr></tfoot>\n",
                       s.total());
    out += "</table>\n";
    if (result.changes.empty()) {
        out += "<p>No differences.</p>\n";
    } else {
        out += "<nav aria-labelledby=\"index-title\">\n<h2 id=\"index-title\">Changes</h2>\n<ol>\n";
        for (std::size_t i = 0; i < result.changes.size(); ++i) {
            out += fmt::format("<li><a href=\"#change-{}\">{}</a></li>\n", i + 1, heading(result.changes[i]));
        }
        out += "</ol>\n</nav>\n";
        if (!result.renumbered.empty()) {
            out += "<h2>Renumbered</h2>\n<ul>\n";
            for (const auto& r : result.renumbered) out += "<li>" + escape_text(r.sentence) + "</li>\n";
            out += "</ul>\n";
        }
        out += "<h2>Redline</h2>\n";
        for (std::size_t i = 0; i < result.changes.size(); ++i) {
            const Change& c = result.changes[i];
            out += fmt::format("<section id=\"change-{}\" class=\"change {}\" aria-labelledby=\"change-{}-title\">\n",
                               i + 1, kind_name(c.kind), i + 1);
            out += fmt::format("<h3 id=\"change-{}-title\">{}. {}</h3>\n{}\n</section>\n", i + 1, i + 1, heading(c),
                               body(c));
        }
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace itucollab::diff
