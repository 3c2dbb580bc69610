// XML helpers shared by the DOCX part builders: safe text, URIs, templates, serialization.
#pragma once

#include <itucollab/emitter.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace itucollab::emit::docx {

inline constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* ns_package_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* rel_type_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// `text` with every character XML 1.0 forbids removed (C0 controls other than tab, newline and
/// carriage return, U+FFFE, U+FFFF) and invalid UTF-8 replaced by U+FFFD.
std::string xml_safe(std::string_view text);

/// `uri` with every byte outside the URI character set (spaces, non-ASCII, quotes …) percent-encoded.
std::string percent_encode_uri(std::string_view uri);

/// Parses the template `docx/<name>` (comments dropped) into `out`; throws std::runtime_error on
/// malformed XML, naming the template.
void load_template(pugi::xml_document& out, const EmitOptions& options, const std::string& name);

/// The document serialized compactly after an `<?xml … standalone="yes"?>` declaration.
std::string serialize(const pugi::xml_document& doc);

/// A new `<?xml?>`-declared document whose root element is `root_name`.
pugi::xml_node start_document(pugi::xml_document& doc, const char* root_name);

/// Appends `<name w:val="value"/>` to `parent`.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, const std::string& value);

}  // namespace itucollab::emit::docx
