// Escaping, element ids and inline spans for the HTML emitter.
#include "html_markup.hpp"

#include "../present/present.hpp"

#include <fmt/format.h>

#include <utility>

namespace itucollab::emit::html {

namespace {

// Escapes &, < and >, and in attribute values also both quote characters.
std::string escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\'': out += attribute ? "&#39;" : "'"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string escape_text(std::string_view text) { return escape(text, false); }

std::string escape_attribute(std::string_view text) { return escape(text, true); }

bool is_safe_href(std::string_view target) {
    // The report's link policy decides the scheme; a page's own ids are not the content's anchors,
    // so "#..." from content stays text, and a URL with blanks or nothing after its scheme is no href.
    if (target.starts_with('#') || !present::keeps_link(target)) return false;
    if (target.find_first_of(" \t\r\n") != std::string_view::npos) return false;
    std::size_t rest = target.find(':') + 1;
    if (target.substr(rest).starts_with("//")) rest += 2;
    return rest < target.size();
}

std::string IdRegistry::claim(std::string_view prefix, std::string_view raw) {
    std::string part;
    for (char c : raw) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        char out = keep ? c : '-';
        if (out == '-' && !part.empty() && part.back() == '-') continue;
        part += out;
    }
    if (part.empty()) part.push_back('x');
    std::string base = prefix.empty() ? part : fmt::format("{}-{}", prefix, part);
    std::string id = base;
    if (used_.insert(id).second) return id;
    // Suffixes below the last one handed out for this base are all taken (ids are never released),
    // so the search resumes there: claiming one base n times costs n, not n².
    int& next = next_suffix_.try_emplace(base, 2).first->second;
    for (;; ++next) {
        id = fmt::format("{}-{}", base, next);
        if (used_.insert(id).second) break;
    }
    ++next;
    return id;
}

namespace {

// Appends `span` (possibly a container) to the current line, starting new lines at '\n'.
void split_into(const Span& span, std::vector<std::vector<Span>>& lines) {
    if (span.kind == Span::Kind::text) {
        std::size_t start = 0;
        while (true) {
            std::size_t end = span.text.find('\n', start);
            std::string piece = span.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (!piece.empty()) lines.back().push_back(Span{Span::Kind::text, piece, {}, {}});
            if (end == std::string::npos) break;
            lines.emplace_back();
            start = end + 1;
        }
        return;
    }
    if (span.kind == Span::Kind::footnote_ref) {
        lines.back().push_back(span);
        return;
    }
    std::vector<std::vector<Span>> inner = split_lines(span.children);
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (i > 0) lines.emplace_back();
        if (inner[i].empty()) continue;
        Span copy{span.kind, span.text, span.target, std::move(inner[i])};
        lines.back().push_back(std::move(copy));
    }
}

}  // namespace

std::vector<std::vector<Span>> split_lines(const std::vector<Span>& spans) {
    std::vector<std::vector<Span>> lines(1);
    for (const auto& span : spans) split_into(span, lines);
    return lines;
}

std::string InlineRenderer::render(const std::vector<Span>& spans) {
    std::string out;
    render_into(spans, out);
    return out;
}

void InlineRenderer::render_into(const std::vector<Span>& spans, std::string& out) {
    for (const auto& span : spans) {
        switch (span.kind) {
            case Span::Kind::text: out += escape_text(span.text); break;
            case Span::Kind::emphasis:
                out += "<em>";
                render_into(span.children, out);
                out += "</em>";
                break;
            case Span::Kind::strong:
                out += "<strong>";
                render_into(span.children, out);
                out += "</strong>";
                break;
            case Span::Kind::link:
                if (is_safe_href(span.target)) {
                    out += fmt::format("<a href=\"{}\">", escape_attribute(span.target));
                    render_into(span.children, out);
                    out += "</a>";
                } else {
                    render_into(span.children, out);  // never emit another scheme
                }
                break;
            case Span::Kind::footnote_ref: {
                int number = index_.footnote_number(span.text);
                if (number <= 0) break;
                std::string ref_id = ids_.claim("fnref", std::to_string(number));
                if (referenced_.insert(span.text).second) pending_.push_back(span.text);
                std::string tag = note_key_ ? fmt::format(" data-itc-note=\"{}\"", escape_attribute(note_key_(span.text))) : "";
                out += fmt::format("<sup class=\"footnote-ref\"{2}><a href=\"#fn-{0}\" id=\"{1}\">{0}</a></sup>",
                                   number, ref_id, tag);
                break;
            }
        }
    }
}

std::vector<std::string> InlineRenderer::take_pending() { return std::exchange(pending_, {}); }

std::string InlineRenderer::first_ref_anchor(const std::string& id) const {
    return fmt::format("fnref-{}", index_.footnote_number(id));
}

}  // namespace itucollab::emit::html
