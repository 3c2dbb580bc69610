// The HTML redline: OLD's and NEW's keyed HTML reports merged into NEW's page with <ins> and <del>.
#pragma once

#include "html_markup.hpp"

#include <itucollab/emitter.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace itucollab::emit {

/// How the HTML redline marks OLD's differences.
struct HtmlRedlineOptions {
    /// OLD's records NEW has under another id: "section:old-id" → "new-id" (also "paragraph:",
    /// "item:", "mechanism:", "footnote:").
    std::map<std::string, std::string> renamed;
    /// Whether differences in the block with this key are marked (else NEW shows unmarked). Keys
    /// as the DOCX redline's: "header:…", "toc:…", "section:<id>…", "annex:…", "footnote:<id>".
    std::function<bool(std::string_view key)> tracked;
    bool ignore_whitespace = false;  ///< whitespace-only differences are not marked
    /// The change summary placed first in <body>, given the number of marked places (whose
    /// anchors are "rl-1" … "rl-N"); trusted markup.
    std::function<std::string(std::size_t marked_places)> summary;
};

/// NEW's HTML report (render_html) with the blocks keyed for a redline (html::HtmlKeys).
std::string render_keyed_html(const Document& doc, const EmitOptions& options, const html::HtmlKeys& keys);

/// NEW's HTML report with every difference from OLD marked: changed words as <ins>/<del> inside
/// paragraphs, items, notes and annex cells, whole blocks and rows inserted or deleted, moved
/// paragraphs at both places, "(was 2.1)" beside renumbered numbers, and previous/next links
/// between the marked places.
std::string render_html_redline(const Document& old_doc, const Document& new_doc, const EmitOptions& options,
                                const HtmlRedlineOptions& redline);

}  // namespace itucollab::emit
