// The DOCX package as a list of parts: one builder (parts.cpp), two packagers (zip, Flat OPC).
#pragma once

#include "body.hpp"

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

/// What a package holds beyond the template parts.
struct PackageContent {
    BodyParts body;
    std::string header_xml;    ///< word/header1.xml
    std::string footer_xml;    ///< word/footer1.xml
    std::string comments_xml;  ///< word/comments.xml, "" for none
};

/// The parts of a package with this content (build_parts with a body built elsewhere: the redline).
std::vector<Part> assemble_parts(const Document& doc, const EmitOptions& options, PackageContent content);

/// The header or footer template `name` ("header1.xml") with {{symbol}}, {{short_title}} and
/// {{date}} filled in from `doc`.
std::string running_part(const Document& doc, const EmitOptions& options, const char* name);

/// The [Content_Types].xml of a package holding `parts`.
std::string content_types_xml(const std::vector<Part>& parts);

/// The parts zipped (deflate, fixed timestamps, [Content_Types].xml first) as .docx bytes.
std::string zip_package(const std::vector<Part>& parts);

/// The parts as one Flat OPC pkg:package document.
std::string flat_opc_package(const std::vector<Part>& parts);

}  // namespace itucollab::emit::docx
