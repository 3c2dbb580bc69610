// The Word redline: OLD's and NEW's packages built by the same body builder, merged into NEW's
// package with OLD's differences as revision marks (w:ins, w:del, w:moveFrom, w:moveTo, rows).
#pragma once

#include "package.hpp"

#include <itucollab/model.hpp>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::emit::docx {

/// How the redline marks OLD's differences.
struct RedlineOptions {
    std::string author = "itucollab";
    std::string date;  ///< w:date of every revision, e.g. "2022-03-23T00:00:00Z"
    /// OLD's records that NEW has under another id: "section:old-id" → "new-id" (also "paragraph:",
    /// "item:", "mechanism:", "footnote:"), so their blocks pair up.
    std::map<std::string, std::string> renamed;
    /// Whether differences in the block with this key are marked; unmarked blocks show NEW as it is.
    /// Keys: "header:…", "section:<id>[/paragraph:<id>#<n>|/bullet|/group:<sector>[/intro|/item:<id>]]",
    /// "annex:…", "annex:mechanism:<id>", "footnote:<id>", "running" (page header and footer).
    std::function<bool(std::string_view key)> tracked;
    bool ignore_whitespace = false;  ///< whitespace-only differences are not marked
    /// Paragraphs of a comment on the title: the change summary, what the redline leaves unmarked.
    std::vector<std::string> summary;
};

/// NEW's package with every difference from OLD as a tracked change by `options.author`.
std::vector<Part> redline_parts(const Document& old_doc, const Document& new_doc, const EmitOptions& emit,
                                const RedlineOptions& options);

}  // namespace itucollab::emit::docx
