// Recognising the Council report layout in a DOCX body and building the typed document from it.
#pragma once

#include "body.hpp"

#include <itucollab/model.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace itucollab::import {

/// What our own DOCX carries beyond the page (docs/importing.md, "Ids and non-printing data"):
/// record ids by `_itc<n>` bookmark, registries in order, mechanism acronyms, citation details
/// and accepted warnings.
struct CarriedData {
    std::map<std::string, std::string> ids;  ///< bookmark name -> record id
    /// Bookmark names per record kind ("section", "paragraph", "item", "mechanism", "footnote"), in reading order.
    std::map<std::string, std::vector<std::string>> records_by_kind;
    std::vector<UnEntity> entities;
    std::vector<Instrument> instruments;
    std::map<std::string, std::string> acronyms;  ///< mechanism id -> acronym
    /// How the n-th relevance block of a mechanism prints its cited instrument.
    struct Cite {
        std::string mechanism;
        std::size_t block = 0;
        bool show_title = true;
        std::optional<std::string> append;
    };
    std::vector<Cite> cites;
    std::vector<Acceptance> accepted;
    std::vector<Review> reviews;
    [[nodiscard]] bool empty() const { return ids.empty() && entities.empty() && instruments.empty(); }
};

/// Reads the customXml part of CarriedData (root <itucollab xmlns="urn:itucollab:docx:1">); with
/// `rejected`, the view a redline keeps for its rejected text (its <rejected> element), if it has one.
CarriedData read_carried_data(const pugi::xml_document& part, bool rejected = false);

/// What the package says about itself outside the body.
struct PackageMetadata {
    CarriedData carried;
    std::string core_title;     ///< docProps/core.xml dc:title
    std::string core_language;  ///< docProps/core.xml dc:language
    std::string running_head;   ///< the text of the first header part
};

/// Something the importer could not place, with its DOCX location.
struct Unplaced {
    std::string where;  ///< "section 3, paragraph 12" or "table 2 row 4 column 3"
    std::string text;
};

/// The recognised report: the document (texts carry their markup source and spans) and what
/// could not be placed.
struct Recognised {
    Document document;
    std::vector<Unplaced> unplaced;
};

/// Recognises the header block, sections, initiatives, annex and registries in `body`.
Recognised recognise(const Body& body, const PackageMetadata& meta);

/// "key-initiatives-with" from "Key initiatives with…": lower-case ASCII words joined by '-',
/// at most `max_words` words and 64 characters; "x" when nothing is left.
std::string slug(const std::string& text, std::size_t max_words = 6);

/// The inline markup (CommonMark emphasis, links, [^id] notes, escapes) of runs.
std::string runs_markup(const std::vector<Run>& runs, const std::map<std::string, std::string>& footnote_ids);

}  // namespace itucollab::import
