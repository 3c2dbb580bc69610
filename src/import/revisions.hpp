// Tracked changes and comments in WordprocessingML: counted, then accepted or rejected in place.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace itucollab::import {

/// How many revisions of each kind a part holds.
struct RevisionCounts {
    int insertions = 0;
    int deletions = 0;
    int moves = 0;             ///< w:moveFrom and w:moveTo
    int paragraph_marks = 0;   ///< w:pPr/w:rPr/w:ins|w:del
    int rows_and_cells = 0;    ///< w:trPr/w:ins|w:del, w:cellIns, w:cellDel, w:cellMerge
    int formatting = 0;        ///< w:rPrChange, w:pPrChange … w:numberingChange
    [[nodiscard]] int total() const {
        return insertions + deletions + moves + paragraph_marks + rows_and_cells + formatting;
    }
    RevisionCounts& operator+=(const RevisionCounts& o);
    /// "12 revisions (3 insertions, 2 deletions, 1 move, …)".
    [[nodiscard]] std::string describe() const;
};

/// Counts the revisions under `root`.
RevisionCounts count_revisions(pugi::xml_node root);

/// Resolves every revision under `root`: `accept` keeps the new state, otherwise the old one.
void resolve_revisions(pugi::xml_node root, bool accept);

/// Removes comment anchors and references under `root`; returns how many references it removed.
int strip_comment_anchors(pugi::xml_node root);

}  // namespace itucollab::import
