// The HTML redline: NEW's report with OLD's differences marked, under a change summary with counts.
#include <itucollab/diff.hpp>

#include "../emit/html_markup.hpp"
#include "../emit/html_redline.hpp"

#include <fmt/format.h>

namespace itucollab::diff {
namespace {

using emit::html::escape_text;

std::string marked_words(const std::vector<WordRun>& runs) {
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

// One change as the summary lists it: its place, then what happened, words marked.
std::string change_item(const Change& c, const TextOptions& text) {
    std::string where = escape_text(c.place + (c.label.empty() || c.kind != Kind::changed ? "" : ", " + c.label));
    std::string what;
    if (c.kind == Kind::changed && !c.words.empty()) {
        what = marked_words(text.full ? c.words : with_context(c.words, text.context));
    } else {
        what = escape_text(describe_change(c, text));
    }
    return fmt::format("<li><span class=\"rl-place\">{}</span>: {}</li>\n", where, what);
}

}  // namespace

std::string render_html_summary(const Result& result, const Options& options, const TextOptions& text,
                                std::size_t marked_places) {
    std::string title = fmt::format("Changes from {} to {}", result.old_symbol, result.new_symbol);
    std::string out = "<aside class=\"rl-summary\" id=\"rl-summary\" aria-labelledby=\"rl-summary-title\">\n";
    out += fmt::format("<h2 id=\"rl-summary-title\">{}</h2>\n", escape_text(title));
    Summary s = result.summary();
    out += s.total() == 0 ? std::string("<p>No differences.") : fmt::format("<p>{}.", escape_text(summary_line(s)));
    if (marked_places > 0) {
        out += fmt::format(" The report below marks them in {} place{}: <a href=\"#rl-1\">first marked place</a>; "
                           "each has links to the previous and the next.",
                           marked_places, marked_places == 1 ? "" : "s");
    }
    out += "</p>\n";
    out += "<table class=\"rl-counts\">\n<caption>Changes by kind</caption>\n<tbody>\n";
    for (auto [name, n] : {std::pair{"added", s.added}, {"removed", s.removed}, {"changed", s.changed},
                           {"moved", s.moved}, {"renamed", s.renamed}}) {
        out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", name, n);
    }
    out += fmt::format("<tr><th scope=\"row\">total</th><td>{}</td></tr>\n</tbody>\n</table>\n", s.total());
    for (const std::string& note : unmarked_notes(options)) out += "<p>" + escape_text(note) + "</p>\n";
    std::string printed, unprinted;
    for (const Change& c : result.changes) (c.visible ? printed : unprinted) += change_item(c, text);
    if (!printed.empty()) out += "<ol class=\"rl-changes\">\n" + printed + "</ol>\n";
    if (!result.renumbered.empty()) {
        out += "<p>Renumbered:</p>\n<ul>\n";
        for (const auto& r : result.renumbered) out += "<li>" + escape_text(r.sentence) + "</li>\n";
        out += "</ul>\n";
    }
    if (!unprinted.empty()) out += "<p>Not printed in the report:</p>\n<ul class=\"rl-unprinted\">\n" + unprinted + "</ul>\n";
    out += "</aside>\n";
    return out;
}

std::string render_html(const Result& result, const Document& old_doc, const Document& new_doc, const Options& options,
                        const EmitOptions& emit, const TextOptions& text) {
    emit::HtmlRedlineOptions redline;
    redline.renamed = renamed_records(result);
    redline.tracked = tracked_blocks(options);
    redline.ignore_whitespace = options.ignore_whitespace;
    redline.summary = [&](std::size_t marked) { return render_html_summary(result, options, text, marked); };
    return emit::render_html_redline(old_doc, new_doc, emit, redline);
}

}  // namespace itucollab::diff
