// The xml format: the same Word package parts as one Flat OPC document (pkg:package).
#include "../formats.hpp"
#include "package.hpp"
#include "xml.hpp"

#include <sstream>
#include <stdexcept>

namespace itucollab::emit {
namespace docx {

std::string flat_opc_package(const std::vector<Part>& parts) {
    pugi::xml_document out;
    out.append_child(pugi::node_pi).set_name("mso-application");
    out.first_child().set_value(R"(progid="Word.Document")");
    pugi::xml_node package = out.append_child("pkg:package");
    package.append_attribute("xmlns:pkg") = "http://schemas.microsoft.com/office/2006/xmlPackage";
    for (const Part& part : parts) {
        pugi::xml_node node = package.append_child("pkg:part");
        node.append_attribute("pkg:name") = ("/" + part.name).c_str();
        node.append_attribute("pkg:contentType") = part.content_type.c_str();
        if (part.name.ends_with(".rels")) node.append_attribute("pkg:padding") = "512";
        pugi::xml_document parsed;
        if (!parsed.load_buffer(part.xml.data(), part.xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single)) {
            throw std::runtime_error("cannot embed part " + part.name + " in the Flat OPC package");
        }
        node.append_child("pkg:xmlData").append_copy(parsed.document_element());
    }
    std::ostringstream s;
    s << R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" << '\n';
    for (pugi::xml_node child = out.first_child(); child; child = child.next_sibling()) {
        child.print(s, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        if (child.type() == pugi::node_pi) s << '\n';
    }
    return s.str();
}

}  // namespace docx

std::string render_flat_opc(const Document& doc, const EmitOptions& options) {
    return docx::flat_opc_package(docx::build_parts(doc, options));
}

}  // namespace itucollab::emit
