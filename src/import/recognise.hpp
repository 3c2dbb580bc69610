// Recognising the Council report layout in a DOCX body and building the typed document from it.
#pragma once

#include "body.hpp"

#include <itucollab/model.hpp>

#include <string>
#include <vector>

namespace itucollab::import {

/// What the package says about itself outside the body.
struct PackageMetadata {
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
