// What our DOCX carries beyond the page for `itucollab import`: `_itc<n>` bookmarks on records and
// the customXml part with ids and non-printing data (format: docs/importing.md).
#pragma once

#include "xml.hpp"

#include <itucollab/model.hpp>

#include <map>
#include <string>
#include <vector>

namespace itucollab::emit::docx {

/// The namespace of the customXml part.
inline constexpr const char* carried_namespace = "urn:itucollab:docx:1";

/// Bookmarks placed while the body is built, and the part that maps them to ids.
class CarriedData {
public:
    /// Puts the bookmark of record `id` (a "section", "paragraph", "item", "mechanism" or "footnote")
    /// at the start of paragraph `p`, after its properties.
    void mark(pugi::xml_node p, const std::string& id, const char* kind);

    /// customXml/item1.xml: the records' bookmarks, then the registries, mechanism acronyms,
    /// citation options, accepted warnings and texts to review of `doc`.
    [[nodiscard]] std::string part_xml(const Document& doc) const;

private:
    struct Record {
        std::string bookmark;
        std::string id;
        const char* kind;
    };
    std::vector<Record> records_;
};

/// The prefix of OLD's record bookmarks in a redline ("_itco<n>"): only the rejected view names them.
inline constexpr const char* old_bookmark_prefix = "_itco";

/// Renames the record bookmarks under `root` as OLD's in a redline: `_itc<n>` becomes `_itco<n>` and
/// each w:id is raised by `id_offset`, so they stand beside NEW's without a clash.
void rename_as_old(pugi::xml_node root, int id_offset);

/// The highest w:id of a bookmark under `root`, 0 for none.
int highest_bookmark_id(pugi::xml_node root);

/// The redline's customXml part: NEW's part (the accepted view) holding a <rejected> element with
/// OLD's part (bookmarks renamed as OLD's) and, as <alias> records, NEW's bookmarks under OLD's ids
/// (`renamed`: "kind:old-id" → "new-id"), so an import that rejects every revision gets OLD's ids.
std::string redline_carried_xml(pugi::xml_document& new_part, const pugi::xml_document& old_part,
                                const std::map<std::string, std::string>& renamed);

/// customXml/itemProps1.xml, which Word and LibreOffice need to keep the part on save.
std::string carried_properties_xml();

}  // namespace itucollab::emit::docx
