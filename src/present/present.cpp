// Shared presentation: citations, references sentence, note marks, plain text, link policy.
#include "present.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace itucollab::present {

std::optional<Citation> citation(const RelevanceBlock& block, const DocumentIndex& index) {
    if (block.text || !block.cite) return std::nullopt;
    const Instrument* ins = index.instrument(block.cite->id);
    if (!ins) return std::nullopt;
    Citation c;
    c.label = instrument_label(*ins);
    if (block.show_title && ins->title) c.after = *ins->title;
    if (block.append) c.after += *block.append;
    return c;
}

std::string relevance_text(const RelevanceBlock& block, const DocumentIndex& index) {
    if (block.text) return plain(block.text->spans, index);
    auto c = citation(block, index);
    if (!c) return "";
    return c->after.empty() ? c->label : c->label + "\n" + c->after;
}

std::optional<std::string> agency_label(const InitiativeItem& item, const DocumentIndex& index) {
    if (!item.agency) return std::nullopt;
    const UnEntity* entity = index.entity(item.agency->id);
    return entity ? entity->acronym : item.agency->id;
}

std::string references_sentence(const Document& doc) {
    const Labels& labels = labels_for(doc.language);
    std::string out = labels.documents + " ";
    for (std::size_t i = 0; i < doc.references.size(); ++i) {
        if (i > 0) out += i + 1 == doc.references.size() ? " " + labels.and_word + " " : ", ";
        out += doc.references[i];
    }
    return out;
}

std::string column_mark(const AnnexNote& note, std::string_view column_key) {
    if (note.mark.empty()) return "";
    bool marked = std::find(note.columns.begin(), note.columns.end(), column_key) != note.columns.end();
    return marked ? note.mark : "";
}

std::string footnote_mark(int number) { return fmt::format("[{}]", number); }

std::string note_label(const AnnexNote& note) { return "(" + note.mark + ")"; }

std::string plain(const std::vector<Span>& spans, const DocumentIndex& index, LinkStyle links) {
    std::string out;
    for (const Span& span : spans) {
        switch (span.kind) {
            case Span::Kind::text: out += span.text; break;
            case Span::Kind::emphasis:
            case Span::Kind::strong: out += plain(span.children, index, links); break;
            case Span::Kind::link: {
                std::string label = plain(span.children, index, links);
                if (links == LinkStyle::text || !keeps_link(span.target)) {
                    out += label;
                } else {
                    out += label == span.target ? fmt::format("<{}>", span.target)
                                                : fmt::format("{} <{}>", label, span.target);
                }
                break;
            }
            case Span::Kind::footnote_ref: out += footnote_mark(index.footnote_number(span.text)); break;
        }
    }
    return out;
}

std::string cell_text(const Cell& cell, const DocumentIndex& index) { return cell ? plain(cell->spans, index) : ""; }

bool keeps_link(std::string_view target) { return target.starts_with("#") || allowed_link_target(target); }

}  // namespace itucollab::present
