// Where a change sits, as the report prints it: places ("3.1 (was 2.1), Title"), field labels, visibility.
#pragma once

#include "comparer.hpp"

#include <set>
#include <string>

namespace itucollab::diff {

/// The section whose fields are being compared, on both sides.
struct SectionPair {
    const Section* old_section = nullptr;
    std::size_t old_index = 0;
    const Section* new_section = nullptr;
    std::size_t new_index = 0;
};

/// "3 (was 2)", "3", or the one number a side has.
std::string numbered(const std::string& new_number, const std::string& old_number);

/// Names places and fields of two documents in the words of the report (NEW's wording first).
class Names {
public:
    Names(const Document& old_doc, const Document& new_doc, const DocumentIndex& old_index,
          const DocumentIndex& new_index);

    /// The label of field `key` of the record at `w` ("Frequency of meetings", "document date").
    [[nodiscard]] std::string field_label(const Where& w, const std::string& key) const;
    /// False for a field the report never prints (language, full names, acronyms of mechanisms …).
    [[nodiscard]] bool field_visible(const Where& w, const std::string& key) const;
    /// "bullet 2", "benefit 2", "introduction, paragraph 2".
    [[nodiscard]] static std::string item_label(const std::string& key, std::size_t n);
    /// The note's marked columns as their headings: "Frequency of meetings, Time spent".
    [[nodiscard]] std::string column_headings(const std::vector<std::string>& keys, bool new_side) const;

    [[nodiscard]] Where nested(const Where& w, const std::string& key, const char* record, const std::string& suffix) const;
    [[nodiscard]] Where section(const Section* x, std::size_t xi, const Section* y, std::size_t yi) const;
    [[nodiscard]] Where paragraph(const Where& w, const std::string& key, const Paragraph* x, std::size_t xi,
                                  const Paragraph* y, std::size_t yi, const SectionPair& section) const;
    [[nodiscard]] Where footnote(const Where& w, const std::string& key, const Footnote* x, const Footnote* y) const;
    [[nodiscard]] Where group(const Where& w, const std::string& key, const InitiativeGroup* g) const;
    [[nodiscard]] Where item(const Where& w, const std::string& key, const InitiativeItem* x, std::size_t xi,
                             const InitiativeItem* y, std::size_t yi) const;
    [[nodiscard]] Where mechanism(const Where& w, const std::string& key, const Mechanism* x, const Mechanism* y) const;
    [[nodiscard]] Where entity(const Where& w, const std::string& key, const UnEntity* x, const UnEntity* y) const;
    [[nodiscard]] Where instrument(const Where& w, const std::string& key, const Instrument* x,
                                   const Instrument* y) const;
    [[nodiscard]] Where editorial(const Where& w, const std::string& key, const std::string& id,
                                  const std::string& place) const;

private:
    const Document& old_;
    const Document& new_;
    const DocumentIndex& old_index_;
    const DocumentIndex& new_index_;
    [[nodiscard]] Where record_at(const Where& w, Part part, const char* record, const std::string& key,
                                  const std::string& id, std::string place, bool visible) const;
    // Whether any citation of the instrument prints differently with NEW's registry than with OLD's.
    [[nodiscard]] bool prints_differently(const std::string& instrument_id) const;

    std::set<std::string> cited_instruments_;  // cited in either document
    std::set<std::string> cited_entities_;     // an initiative's agency in either document
    std::set<std::string> labelled_instruments_;  // whose printed label overrides the generated one (in NEW or OLD)
};

}  // namespace itucollab::diff
