// What every output of a report shares: citations as printed, the references sentence, note marks,
// published plain text, the link policy and the text width. Emitters and diff renderers use this.
#pragma once

#include <itucollab/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::present {

/// An instrument cited in a relevance block, as the report prints it.
struct Citation {
    std::string label;  ///< "PP Res. 131 (Rev. Dubai, 2018)"
    std::string after;  ///< the title (unless the block hides it) and the appended text; may be empty
};

/// The citation of `block`, or nothing when the block is free text or cites an unknown id.
std::optional<Citation> citation(const RelevanceBlock& block, const DocumentIndex& index);

/// A relevance block as plain published text: its free text, or the label, a line break and what follows.
std::string relevance_text(const RelevanceBlock& block, const DocumentIndex& index);

/// The label an initiative carries before its text: its agency's acronym ("WHO"), the agency's id
/// when the registry does not know it, or nothing for an item without an agency.
std::optional<std::string> agency_label(const InitiativeItem& item, const DocumentIndex& index);

/// "Documents C20/INF/3, C19/INF/4 and C18/INF/4": the references line in the document's language.
std::string references_sentence(const Document& doc);

/// The mark the annex note puts on column `column_key` ("*"), or "" when it does not mark it.
std::string column_mark(const AnnexNote& note, std::string_view column_key);

/// The mark of footnote `number` in plain published text: "[3]".
std::string footnote_mark(int number);

/// The label the annex note starts with and its marked column headings point to: "(*)".
std::string note_label(const AnnexNote& note);

/// How links appear in plain published text.
enum class LinkStyle {
    text,             ///< the link text only (what a reader sees)
    text_and_target,  ///< "text <target>", or "<target>" when the text is the target (plain-text report)
};

/// Inline spans as plain published text: emphasis dropped, footnote references as "[n]" (their
/// numbers in order of first reference), links per `links` (a target keeps_link refuses: text only).
std::string plain(const std::vector<Span>& spans, const DocumentIndex& index, LinkStyle links = LinkStyle::text);

/// A table cell as plain published text; a blank cell (`~`) is "".
std::string cell_text(const Cell& cell, const DocumentIndex& index);

/// Whether an output keeps a link to `target` as a link: "#anchor" inside the document, or an
/// allowed scheme (http, https, mailto); anything else is printed as its text only.
bool keeps_link(std::string_view target);

}  // namespace itucollab::present
