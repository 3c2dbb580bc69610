// The body of a WordprocessingML document read into a flat list of paragraphs and tables.
#pragma once

#include "package.hpp"

#include <map>
#include <string>
#include <vector>

namespace itucollab::import {

/// A piece of a paragraph: text with its formatting, a link, or a footnote reference.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;      ///< hyperlink target ("#name" for an internal anchor); empty when none
    std::string footnote;  ///< footnote id when this run is a footnote reference (text empty)
    std::string style;     ///< character style id
};

/// One w:p with its style resolved and its list number rendered.
struct Para {
    std::string style_id;
    std::string style_name;  ///< lower case, e.g. "heading 1"
    int outline_level = -1;  ///< 0 for a first-level heading; -1 when not a heading
    bool numbered = false;   ///< carries Word numbering
    bool bullet = false;     ///< its numbering is a bullet
    int level = 0;           ///< list level (w:ilvl)
    std::string number;      ///< rendered list number, e.g. "1.2"; empty for bullets
    std::vector<Run> runs;
    std::string where;       ///< "paragraph 12" or "table 2 row 3 column 4"
    std::vector<std::string> bookmarks;  ///< names of the `_itc<n>` bookmarks that start in it
    /// The text of every run, footnote references left out.
    [[nodiscard]] std::string text() const;
};

/// A table cell: its paragraphs, how many grid columns it spans, and whether it continues a
/// vertical merge from the row above.
struct CellBlock {
    std::vector<Para> paragraphs;
    int span = 1;
    bool merged_from_above = false;
};

/// A table: rows of cells.
struct Table {
    std::vector<std::vector<CellBlock>> rows;
    std::string where;  ///< "table 2"
};

/// A paragraph or a table, in document order.
struct Block {
    bool is_table = false;
    Para paragraph;
    Table table;
};

/// Caps on the size of a body.
struct BodyLimits {
    std::size_t max_blocks = 200'000;
    std::size_t max_table_rows = 20'000;
    std::size_t max_depth = 200;
};

/// The document read into blocks, with its footnotes.
struct Body {
    std::vector<Block> blocks;
    std::map<std::string, std::vector<Para>> footnotes;  ///< by w:id
};

/// Refuses a document nested deeper than `max_depth` elements (checked without recursion).
void check_depth(const pugi::xml_document& doc, const std::string& part, std::size_t max_depth);

/// Reads word/document.xml (already resolved of revisions) with styles, numbering, links and notes.
Body read_body(const pugi::xml_document& document, const pugi::xml_document* styles,
               const pugi::xml_document* numbering, const pugi::xml_document* document_rels,
               const pugi::xml_document* footnotes, const pugi::xml_document* footnote_rels,
               const BodyLimits& limits = {});

}  // namespace itucollab::import
