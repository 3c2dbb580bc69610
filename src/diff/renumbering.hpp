// Renumbering as a consequence: runs of sections, paragraphs and footnotes whose numbers shifted, with their cause.
#pragma once

#include "comparer.hpp"
#include "places.hpp"

namespace itucollab::diff {

/// Collects the matches of numbered lists during the walk; `finish` turns them into sentences.
class RenumberingFinder {
public:
    void sections(const ListMatch& m);
    void paragraphs(const ListMatch& m, const SectionPair& section);
    /// Sections, then paragraphs in NEW's order, then footnotes (numbered document-wide).
    std::vector<Renumbering> finish(const Document& a, const Document& b, const DocumentIndex& old_index,
                                    const DocumentIndex& new_index, const Comparer& comparer);

private:
    std::vector<Renumbering> sections_;
    std::vector<Renumbering> paragraphs_;
};

}  // namespace itucollab::diff
