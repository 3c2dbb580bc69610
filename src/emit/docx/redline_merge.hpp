// The redline's merge of two keyed bodies (internal to redline*.cpp): blocks, rows, paragraphs, runs.
#pragma once

#include "redline.hpp"
#include "xml.hpp"

#include "../align.hpp"

#include <map>

#include <string>
#include <vector>

namespace itucollab::emit::docx::redline {

/// The revision a run, a paragraph mark or a row carries.
enum class Mark { none, ins, del, move_from, move_to };

/// One token of a paragraph: a word, a space run, or another run child (tab, break, note
/// reference, field character), in its hyperlink and run formatting.
struct Token {
    pugi::xml_node link;  ///< the enclosing w:hyperlink, or null
    pugi::xml_node props; ///< the run's w:rPr, or null
    pugi::xml_node child; ///< for a run child other than text
    std::string text;     ///< a word or spaces; "" for a child
    std::string signature;
    bool space = false;
};

/// A paragraph taken apart for the merge.
struct Paragraph {
    pugi::xml_node node;
    pugi::xml_node props;                   ///< w:pPr or null
    std::vector<pugi::xml_node> bookmarks;  ///< w:bookmarkStart/End
    std::vector<Token> tokens;
    std::string signature;  ///< pPr and tokens, for matching identical paragraphs
};

/// Builds the merged parts: one Merger per package, shared revision ids.
class Merger {
public:
    explicit Merger(const RedlineOptions& options) : options_(options) {}

    /// Merges the block-level children of OLD's and NEW's `old_parent`/`new_parent` (a body, a
    /// cell, a footnote, a header) into `out`. `tracked`: mark differences (else NEW unmarked);
    void blocks(pugi::xml_node old_parent, pugi::xml_node new_parent, pugi::xml_node out, bool tracked);

    /// The footnotes part: OLD's and NEW's notes merged, each note's id remapped; fills note_ids_.
    void footnotes(pugi::xml_node old_root, pugi::xml_node new_root, pugi::xml_node out);

    /// Sets footnote reference ids and hyperlink relationship ids, drops the itc- attributes.
    void finish(pugi::xml_node root, HyperlinkTable& links) const;

    /// Number of revisions written so far.
    [[nodiscard]] int revisions() const { return next_id_ - 1; }

    /// A w:ins/w:del/… element under `parent` with id, author and date ("" name for Mark::none).
    pugi::xml_node revision(pugi::xml_node parent, const char* name);

private:
    // redline.cpp: blocks and tables
    bool is_tracked(pugi::xml_node block, bool inherited) const;
    void block(const BlockStep& step, const std::vector<pugi::xml_node>& olds, const std::vector<pugi::xml_node>& news,
               pugi::xml_node out, bool tracked);
    void table(pugi::xml_node old_table, pugi::xml_node new_table, pugi::xml_node out, Mark whole, bool tracked);
    void row(pugi::xml_node old_row, pugi::xml_node new_row, pugi::xml_node out, Mark whole, bool tracked);
    void whole_container(pugi::xml_node from, pugi::xml_node out, Mark mark);
    std::string signature(pugi::xml_node block) const;
    // The merge steps of two lists of blocks, rows or notes: keyed, signed, aligned. `all_movable`:
    // every element names one record (rows, notes), else those marked itc-move.
    std::vector<BlockStep> align(const std::vector<pugi::xml_node>& olds, const std::vector<pugi::xml_node>& news,
                                 bool all_movable) const;
    void close_segments(pugi::xml_node out);

    // redline_runs.cpp: paragraphs
    Paragraph take_apart(pugi::xml_node p) const;
    void paragraph_changed(const Paragraph& old_p, const Paragraph& new_p, pugi::xml_node out, Mark old_mark,
                           Mark new_mark, std::size_t move = 0);
    void paragraph_whole(const Paragraph& p, pugi::xml_node out, Mark mark, std::size_t move = 0);
    pugi::xml_node start_paragraph(const Paragraph& p, pugi::xml_node out, Mark mark);
    void emit_tokens(pugi::xml_node p, const std::vector<std::pair<const Token*, Mark>>& pieces);
    void move_range(pugi::xml_node p, Mark mark, std::size_t move, bool start);

    const RedlineOptions& options_;
    int next_id_ = 1;
    std::map<std::string, int> note_ids_;  // footnote key -> merged w:id
};

/// "w:ins", "w:del", "w:moveFrom", "w:moveTo" (nullptr for none).
const char* mark_name(Mark mark);

}  // namespace itucollab::emit::docx::redline
