// The Word redline: NEW's package from the DOCX part builder, its body replaced by tracked changes.
#include "redline.hpp"

#include "../emit/docx/package.hpp"
#include "../emit/docx/xml.hpp"

#include <stdexcept>

namespace itucollab::diff {

std::string render_docx(const Document& old_doc, const Document& new_doc, const Options& options,
                        const EmitOptions& emit) {
    std::vector<emit::docx::Part> parts = emit::docx::build_parts(new_doc, emit);
    std::string date = (new_doc.date.year ? iso_date(new_doc.date) : std::string("2000-01-01")) + "T00:00:00Z";
    std::string paragraphs = redline_wordml(redline(old_doc, new_doc, options), date);
    for (auto& part : parts) {
        if (part.name != "word/document.xml") continue;
        pugi::xml_document document;
        unsigned flags = pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata;
        if (!document.load_string(part.xml.c_str(), flags)) throw std::runtime_error("DOCX body does not parse");
        pugi::xml_node body = document.document_element().child("w:body");
        // The page setup (last child of the body) stays; the report's paragraphs give way to the redline's.
        pugi::xml_document page;
        if (pugi::xml_node sect = body.last_child(); std::string(sect.name()) == "w:sectPr") page.append_copy(sect);
        while (body.first_child()) body.remove_child(body.first_child());
        pugi::xml_document fragment;
        std::string wrapped = std::string("<w:body xmlns:w=\"") + emit::docx::ns_w + "\">" + paragraphs + "</w:body>";
        if (!fragment.load_string(wrapped.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) {
            throw std::runtime_error("the redline paragraphs do not parse");
        }
        for (pugi::xml_node p : fragment.document_element().children()) body.append_copy(p);
        if (page.first_child()) body.append_copy(page.first_child());
        part.xml = emit::docx::serialize(document);
    }
    return emit::docx::zip_package(parts);
}

}  // namespace itucollab::diff
