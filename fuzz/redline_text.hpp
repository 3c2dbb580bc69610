// The reading text of a Word package, as it is or with every revision accepted or rejected; shared by
// fuzz_diff and the redline tests, which compare a redline resolved both ways with the built reports.
#pragma once

#include "../src/import/revisions.hpp"

#include <pugixml.hpp>
#include <zip.h>

#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace redlinetext {

/// The package's entries by name; empty when the bytes are not a zip.
inline std::map<std::string, std::string> unzip(std::string_view bytes) {
    std::map<std::string, std::string> out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        return out;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
        std::string data(st.size, '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        if (f && zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size)) out[st.name] = data;
        if (f) zip_fclose(f);
    }
    zip_close(archive);
    return out;
}

namespace detail {

inline bool named(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// One paragraph's text; a footnote reference becomes "[^" its note's text "]".
inline std::string paragraph_text(pugi::xml_node p, const std::map<std::string, std::string>& notes) {
    std::string out;
    for (pugi::xml_node n = p.first_child(); n;) {
        if (named(n, "w:t") || named(n, "w:delText")) out += n.text().get();
        else if (named(n, "w:tab")) out += '\t';
        else if (named(n, "w:br")) out += '\n';
        else if (named(n, "w:footnoteReference")) {
            auto it = notes.find(n.attribute("w:id").value());
            out += "[^" + (it == notes.end() ? std::string("?") : it->second) + "]";
        }
        if (n.first_child() && !named(n, "w:pPr")) {
            n = n.first_child();
            continue;
        }
        while (n != p && !n.next_sibling()) n = n.parent();
        if (n == p) break;
        n = n.next_sibling();
    }
    return out;
}

inline std::string paragraphs_text(pugi::xml_node root, const std::map<std::string, std::string>& notes) {
    std::string out;
    for (pugi::xpath_node x : root.select_nodes(".//w:p")) {
        pugi::xml_node p = x.node();
        out += std::string(p.child("w:pPr").child("w:pStyle").attribute("w:val").value()) + "|" +
               paragraph_text(p, notes) + "\n";
    }
    return out;
}

inline bool load(pugi::xml_document& doc, const std::string& xml, std::optional<bool> accept) {
    if (!doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) return false;
    if (accept) {
        itucollab::import::strip_comment_anchors(doc.document_element());
        itucollab::import::resolve_revisions(doc.document_element(), *accept);
    }
    return true;
}

}  // namespace detail

/// One line per body paragraph (table cells included) as "Style|text", then "--- running" and the
/// page header's and footer's; `accept`: resolve every revision first (true accept, false reject).
/// nullopt when a part is missing or malformed.
inline std::optional<std::string> package_text(std::map<std::string, std::string> parts, std::optional<bool> accept) {
    pugi::xml_document document, footnotes, header, footer;
    if (!detail::load(document, parts["word/document.xml"], accept) || !detail::load(footnotes, parts["word/footnotes.xml"], accept) ||
        !detail::load(header, parts["word/header1.xml"], accept) || !detail::load(footer, parts["word/footer1.xml"], accept)) {
        return std::nullopt;
    }
    std::map<std::string, std::string> notes;
    for (pugi::xml_node note : footnotes.document_element().children("w:footnote")) {
        std::string text;
        for (pugi::xml_node p : note.children("w:p")) text += (text.empty() ? "" : " / ") + detail::paragraph_text(p, {});
        notes[note.attribute("w:id").value()] = text;
    }
    return detail::paragraphs_text(document.document_element(), notes) + "--- running\n" +
           detail::paragraphs_text(header.document_element(), notes) + detail::paragraphs_text(footer.document_element(), notes);
}

}  // namespace redlinetext
