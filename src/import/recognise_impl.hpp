// The recogniser's state, shared by recognise.cpp (body), recognise_header.cpp and recognise_annex.cpp.
#pragma once

#include "recognise.hpp"

#include <optional>
#include <set>

namespace itucollab::import {
namespace detail {

/// One line of a paragraph (split at w:br), with its runs and trimmed text.
struct Line {
    std::string text;
    std::vector<Run> runs;
    std::string style;
    std::string style_name;
};

std::string trim(const std::string& s);
Text make_text(const std::string& source);
void fill_spans(Document& doc);
std::vector<Line> split_lines(const Para& p);
void strip_prefix(std::vector<Run>& runs, std::size_t count);
void trim_runs(std::vector<Run>& runs);
bool has_content(const Para& p);
std::optional<Date> parse_date(const std::string& text);
bool parse_date_range(const std::string& text, Date& start, Date& end);

}  // namespace detail

class Recogniser {
public:
    Recogniser(const Body& body, const PackageMetadata& meta);
    Recognised run();

private:
    // recognise_header.cpp
    std::size_t header();
    void header_lines(std::vector<detail::Line>& lines);

    // recognise.cpp
    std::string unique_id(std::string base);
    std::string record_id(const std::vector<std::string>& bookmarks, const std::string& fallback, const char* kind);
    std::string markup(const std::vector<Run>& runs);
    void note_referenced(const std::string& wid);
    void flush_notes();
    void unplaced(const std::string& where, const std::string& text);
    void start_section(const Para& p);
    std::string where(const Para& p) const;
    std::size_t typed_paragraph_number(const Para& p) const;
    void section_paragraph(const Para& p);
    InitiativeItem initiative_item(const InitiativeGroup& group, std::vector<Run> runs,
                                   const std::vector<std::string>& bookmarks);
    std::string entity_for(const std::string& acronym);

    // recognise_annex.cpp
    void annex_paragraph(const Para& p);
    void annex_table(const Table& t);
    void mechanism_row(const std::vector<const CellBlock*>& cells, const std::string& where);
    RelevanceBlock relevance_block(const Para& p);
    std::string instrument_for(const std::string& label, bool bold);
    void finish_annex();

    const Body& body_;
    PackageMetadata meta_;
    Recognised out_;
    std::set<std::string> used_ids_;
    std::set<std::string> present_bookmarks_;  // every _itc bookmark the body and notes still hold
    std::map<std::string, std::pair<std::string, std::size_t>> record_positions_;  // bookmark -> (kind, index)
    std::map<std::string, std::size_t> kind_cursor_;  // kind -> index after the last record placed
    std::map<std::string, int> next_suffix_;                   // id base -> last suffix handed out
    std::map<std::string, std::string> entity_index_;          // acronym -> entity id
    std::map<std::string, std::string> instrument_index_;      // printed label -> instrument id
    std::map<std::string, std::string> note_ids_;  // footnote w:id -> corpus id
    std::vector<std::pair<std::string, std::string>> pending_notes_;
    std::string note_wid_;  // the annex note's custom-mark footnote
    bool in_annex_ = false;
    bool table_seen_ = false;
    std::vector<std::string> intro_pieces_;
    struct Citation {
        std::size_t mechanism;
        std::size_t block;
        std::string instrument;
        std::string after;  // the text printed after the label: title and append
    };
    std::vector<Citation> citations_;
    std::set<std::string> carried_instruments_;
};

}  // namespace itucollab::import
