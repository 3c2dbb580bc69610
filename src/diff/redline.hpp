// The redline of two reports for Word: NEW's reading text with OLD's differences as tracked changes.
#pragma once

#include <itucollab/diff.hpp>

#include <string>
#include <vector>

namespace itucollab::diff {

/// One paragraph of the redline: its style, whether it was inserted or deleted whole, its runs.
struct RedlineParagraph {
    enum class Style { title, heading, body, bullet, note };
    Style style = Style::body;
    WordRun::Op whole = WordRun::Op::same;  ///< added: an inserted paragraph; removed: a deleted one
    std::vector<WordRun> runs;
};

/// NEW's texts in reading order, aligned with OLD's by record id (an edit script over the keys),
/// each matched text diffed word by word. Parts outside `options.only` show NEW's text unmarked.
std::vector<RedlineParagraph> redline(const Document& old_doc, const Document& new_doc, const Options& options = {});

/// The paragraphs as WordprocessingML `<w:p>` elements: insertions in <w:ins>, deletions in <w:del>
/// with <w:delText>, all by author "itucollab" at `date` (e.g. "2022-03-23T00:00:00Z").
std::string redline_wordml(const std::vector<RedlineParagraph>& paragraphs, const std::string& date);

}  // namespace itucollab::diff
