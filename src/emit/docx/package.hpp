// The DOCX package as a list of parts: one builder (parts.cpp), two packagers (zip, Flat OPC).
#pragma once

#include <itucollab/emitter.hpp>

#include <string>
#include <vector>

namespace itucollab::emit::docx {

/// One package part: its name inside the package (no leading slash), content type and XML text.
struct Part {
    std::string name;          ///< "word/document.xml"
    std::string content_type;  ///< "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    std::string xml;           ///< the serialized part, with its XML declaration
};

/// Every part of the Word package for `doc`, in package order ([Content_Types].xml excluded: the zip
/// packager derives it from this list). Reference parts come from the docx/ templates.
std::vector<Part> build_parts(const Document& doc, const EmitOptions& options);

/// The [Content_Types].xml of a package holding `parts`.
std::string content_types_xml(const std::vector<Part>& parts);

/// The parts zipped (deflate, fixed timestamps, [Content_Types].xml first) as .docx bytes.
std::string zip_package(const std::vector<Part>& parts);

/// The parts as one Flat OPC pkg:package document.
std::string flat_opc_package(const std::vector<Part>& parts);

}  // namespace itucollab::emit::docx
