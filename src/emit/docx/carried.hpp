// What our DOCX carries beyond the page for `itucollab import`: `_itc<n>` bookmarks on records and
// the customXml part with ids and non-printing data (format: docs/importing.md).
#pragma once

#include "xml.hpp"

#include <itucollab/model.hpp>

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

/// customXml/itemProps1.xml, which Word and LibreOffice need to keep the part on save.
std::string carried_properties_xml();

}  // namespace itucollab::emit::docx
