// Builds word/document.xml and word/footnotes.xml from the model: header block, sections, annex.
#pragma once

#include "carried.hpp"
#include "xml.hpp"

#include "../../present/present.hpp"

#include <itucollab/model.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace itucollab::emit::docx {

/// The w:num ids of templates/docx/numbering.xml the body refers to.
namespace numbering {
inline constexpr int paragraphs = 1;  ///< level 0: section headings "1"; level 1: paragraphs "1.1"
inline constexpr int benefits = 2;    ///< the annex benefits list "1."
inline constexpr int bullets = 3;     ///< bullets and initiative items
}  // namespace numbering

/// Relationship ids of one part's external hyperlinks, allocated in order of first use.
class HyperlinkTable {
public:
    explicit HyperlinkTable(int first_id) : next_(first_id) {}
    /// "rId7" for `target` (percent-encoded), the same id for the same target.
    std::string id_for(const std::string& target);
    /// (id, encoded target) pairs in allocation order.
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

private:
    int next_;
    std::map<std::string, std::string> ids_;
    std::vector<std::pair<std::string, std::string>> entries_;
};

/// The body parts of the package and the hyperlinks each refers to.
struct BodyParts {
    std::string document_xml;
    std::string footnotes_xml;
    std::vector<std::pair<std::string, std::string>> document_links;   ///< (rId, target)
    std::vector<std::pair<std::string, std::string>> footnote_links;   ///< (rId, target)
    std::string carried_xml;  ///< customXml/item1.xml: record ids and non-printing data
};

/// Relationship ids of the document part: rId1-rId6 are its fixed parts (parts.cpp), among them the
/// header and footer every section refers to; hyperlinks follow from rId7.
inline constexpr const char* header_rel_id = "rId5";
inline constexpr const char* footer_rel_id = "rId6";
inline constexpr int first_document_hyperlink_id = 7;

/// What the redline (redline.hpp) needs from a body: `itc-key` (and `itc-move` on a record's own
/// blocks) on every body-level block, table row and footnote, `itc-target` on hyperlinks and
/// `itc-note` on footnote references. OLD's ids renamed in NEW ("section:old" → "new") are keyed
/// by NEW's id. The attributes are not WordprocessingML: the redline strips them.
struct BlockKeys {
    std::map<std::string, std::string> renamed;
};

/// Builds the body parts; `layout` is templates/docx/layout.xml; `keys`: tag the blocks.
BodyParts build_body(const Document& doc, const pugi::xml_document& layout, const BlockKeys* keys = nullptr);

/// Run formatting accumulated through nested emphasis, strong and links.
struct RunFormat {
    bool bold = false;
    bool italic = false;
    const char* style = nullptr;  ///< character style id, e.g. "Hyperlink"
};

/// Writes w:document and w:footnotes; split over document.cpp (header block, sections),
/// annex.cpp (the landscape annex) and runs.cpp (inline content and notes).
class BodyBuilder {
public:
    BodyBuilder(const Document& doc, const pugi::xml_document& layout, const BlockKeys* keys = nullptr);
    BodyParts run();

private:
    // Redline keys (BlockKeys): the key of the blocks built next, tagged by paragraph() and tag().
    void at(std::string key, bool movable = false);
    void tag(pugi::xml_node node) const;
    std::string record(const char* kind, const std::string& id) const;

    // document.cpp
    void header_block();
    void section(std::size_t section_index);
    void initiatives(const InitiativeGroup& group);
    pugi::xml_node paragraph(const char* style, int num_id = 0, int level = 0);
    void append_section_properties(pugi::xml_node parent, const char* layout_name);

    // annex.cpp
    pugi::xml_node layout_child(const char* name) const;
    void annex();
    void annex_table();
    void heading_cell(pugi::xml_node row, const std::string& key, const std::string& title, int width,
                      pugi::xml_node heading_tcpr);
    pugi::xml_node cell(pugi::xml_node row, int width);
    void cell_text(pugi::xml_node tc, const Cell& value);
    void relevance_cell(pugi::xml_node tc, const std::vector<RelevanceBlock>& blocks);
    void note_footnote();

    // runs.cpp
    void spans(pugi::xml_node container, const std::vector<Span>& content, RunFormat format);
    void text_run(pugi::xml_node container, const std::string& text, RunFormat format);
    void footnote_reference(pugi::xml_node container, const std::string& id);
    void text_paragraphs(pugi::xml_node parent, const std::vector<Span>& content, const char* style);
    void footnotes();
    pugi::xml_node footnote(int id);

    const Document& doc_;
    DocumentIndex index_;
    const Labels& labels_;
    const pugi::xml_document& layout_;
    pugi::xml_document document_;
    pugi::xml_document footnotes_doc_;
    pugi::xml_node body_;
    pugi::xml_node footnotes_root_;
    HyperlinkTable document_links_{first_document_hyperlink_id};
    HyperlinkTable footnote_links_{1};
    HyperlinkTable* links_ = &document_links_;  // the table of the part being written
    std::set<std::string> referenced_footnotes_;
    std::vector<std::string> footnote_order_;
    int note_footnote_id_ = 0;
    CarriedData carried_;  // bookmarks on records, for import
    const BlockKeys* keys_ = nullptr;
    std::string key_;
    bool movable_ = false;
};

/// The spans split into paragraphs at '\n' characters inside their text.
std::vector<std::vector<Span>> split_paragraphs(const std::vector<Span>& content);

}  // namespace itucollab::emit::docx
