// The part list of the Word package: templates, body, relationships and document properties.
#include "body.hpp"
#include "package.hpp"

#include <fmt/format.h>

#include <ctime>

namespace itucollab::emit::docx {
namespace {

constexpr const char* wml_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
constexpr const char* rels_type = "application/vnd.openxmlformats-package.relationships+xml";

struct Relationship {
    std::string id;
    std::string type;  ///< suffix after rel_type_base, or a full URI
    std::string target;
    bool external = false;
};

std::string relationships_xml(const std::vector<Relationship>& rels) {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "Relationships");
    root.append_attribute("xmlns") = ns_package_rels;
    for (const Relationship& r : rels) {
        pugi::xml_node rel = root.append_child("Relationship");
        rel.append_attribute("Id") = r.id.c_str();
        std::string type = r.type.find("://") == std::string::npos ? rel_type_base + r.type : r.type;
        rel.append_attribute("Type") = type.c_str();
        rel.append_attribute("Target") = r.target.c_str();
        if (r.external) rel.append_attribute("TargetMode") = "External";
    }
    return serialize(out);
}

std::vector<Relationship> hyperlinks(const std::vector<std::pair<std::string, std::string>>& links) {
    std::vector<Relationship> rels;
    for (const auto& [id, target] : links) rels.push_back({id, "hyperlink", target, true});
    return rels;
}

// "2021-03-23T00:00:00Z": SOURCE_DATE_EPOCH when given, else the document's own date; never the clock.
std::string package_timestamp(const Document& doc, const EmitOptions& options) {
    if (options.source_date_epoch) {
        std::time_t t = static_cast<std::time_t>(*options.source_date_epoch);
        std::tm utc{};
        gmtime_r(&t, &utc);
        return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                           utc.tm_hour, utc.tm_min, utc.tm_sec);
    }
    if (doc.date.year == 0) return {};
    return iso_date(doc.date) + "T00:00:00Z";
}

std::string core_xml(const Document& doc, const EmitOptions& options) {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_child("dc:title").text().set(xml_safe(doc.short_title).c_str());
    root.append_child("dc:subject").text().set(xml_safe(doc.title).c_str());
    root.append_child("cp:keywords").text().set(xml_safe(full_symbol(doc)).c_str());
    root.append_child("dc:identifier").text().set(xml_safe(full_symbol(doc)).c_str());
    root.append_child("dc:language").text().set(xml_safe(doc.language).c_str());
    std::string when = package_timestamp(doc, options);
    if (!when.empty()) {
        for (const char* name : {"dcterms:created", "dcterms:modified"}) {
            pugi::xml_node date = root.append_child(name);
            date.append_attribute("xsi:type") = "dcterms:W3CDTF";
            date.text().set(when.c_str());
        }
    }
    return serialize(out);
}

std::string app_xml() {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    root.append_child("Application").text().set("itucollab");
    root.append_child("DocSecurity").text().set("0");
    return serialize(out);
}

}  // namespace

std::string running_part(const Document& doc, const EmitOptions& options, const char* name) {
    pugi::xml_document part;
    load_template(part, options, name);
    const std::pair<std::string, std::string> fields[] = {
        {"{{symbol}}", full_symbol(doc)}, {"{{short_title}}", doc.short_title}, {"{{date}}", format_date(doc.date)}};
    for (pugi::xpath_node hit : part.select_nodes("//w:t")) {
        std::string text = hit.node().text().get();
        for (const auto& [key, value] : fields) {
            std::string safe = xml_safe(value);
            for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + safe.size())) {
                text.replace(at, key.size(), safe);
            }
        }
        hit.node().text().set(text.c_str());
    }
    return serialize(part);
}

namespace {

// The styles template with the document language on the default run properties.
std::string styles_xml(const Document& doc, const EmitOptions& options) {
    pugi::xml_document styles;
    load_template(styles, options, "styles.xml");
    pugi::xml_attribute lang = styles.document_element().child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child("w:lang").attribute("w:val");
    std::string current = lang.value();
    if (lang && !doc.language.empty() && current.substr(0, current.find('-')) != doc.language) lang.set_value(xml_safe(doc.language).c_str());
    return serialize(styles);
}

std::string template_part(const EmitOptions& options, const char* name) {
    pugi::xml_document part;
    load_template(part, options, name);
    return serialize(part);
}

}  // namespace

std::vector<Part> build_parts(const Document& doc, const EmitOptions& options) {
    pugi::xml_document layout;
    load_template(layout, options, "layout.xml");
    return assemble_parts(doc, options,
                          {build_body(doc, layout), running_part(doc, options, "header1.xml"),
                           running_part(doc, options, "footer1.xml"), ""});
}

std::vector<Part> assemble_parts(const Document& doc, const EmitOptions& options, PackageContent content) {
    BodyParts& body = content.body;

    // rId1-rId6 are fixed (the sections refer to the header and footer by id); hyperlinks follow.
    std::vector<Relationship> document_rels{{"rId1", "styles", "styles.xml"},     {"rId2", "numbering", "numbering.xml"},
                                            {"rId3", "settings", "settings.xml"}, {"rId4", "footnotes", "footnotes.xml"},
                                            {header_rel_id, "header", "header1.xml"}, {footer_rel_id, "footer", "footer1.xml"}};
    for (auto& r : hyperlinks(body.document_links)) document_rels.push_back(std::move(r));
    // The customXml part with record ids and non-printing data, for `itucollab import`.
    document_rels.push_back({"rIdItucollab", "customXml", "../customXml/item1.xml"});
    if (!content.comments_xml.empty()) document_rels.push_back({"rIdComments", "comments", "comments.xml"});
    std::vector<Relationship> package_rels{
        {"rId1", "officeDocument", "word/document.xml"},
        {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
        {"rId3", "extended-properties", "docProps/app.xml"}};

    std::vector<Part> parts;
    parts.push_back({"_rels/.rels", rels_type, relationships_xml(package_rels)});
    parts.push_back({"word/document.xml", std::string(wml_type) + "document.main+xml", std::move(body.document_xml)});
    parts.push_back({"word/_rels/document.xml.rels", rels_type, relationships_xml(document_rels)});
    parts.push_back({"word/styles.xml", std::string(wml_type) + "styles+xml", styles_xml(doc, options)});
    parts.push_back({"word/numbering.xml", std::string(wml_type) + "numbering+xml", template_part(options, "numbering.xml")});
    parts.push_back({"word/settings.xml", std::string(wml_type) + "settings+xml", template_part(options, "settings.xml")});
    parts.push_back({"word/footnotes.xml", std::string(wml_type) + "footnotes+xml", std::move(body.footnotes_xml)});
    if (!body.footnote_links.empty()) {
        parts.push_back({"word/_rels/footnotes.xml.rels", rels_type, relationships_xml(hyperlinks(body.footnote_links))});
    }
    parts.push_back({"word/header1.xml", std::string(wml_type) + "header+xml", std::move(content.header_xml)});
    parts.push_back({"word/footer1.xml", std::string(wml_type) + "footer+xml", std::move(content.footer_xml)});
    if (!content.comments_xml.empty()) {
        parts.push_back({"word/comments.xml", std::string(wml_type) + "comments+xml", std::move(content.comments_xml)});
    }
    parts.push_back({"customXml/item1.xml", "application/xml", std::move(body.carried_xml)});
    parts.push_back({"customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
                     carried_properties_xml()});
    parts.push_back({"customXml/_rels/item1.xml.rels", rels_type,
                     relationships_xml({{"rId1", "customXmlProps", "itemProps1.xml"}})});
    parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", core_xml(doc, options)});
    parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", app_xml()});
    return parts;
}

std::string content_types_xml(const std::vector<Part>& parts) {
    pugi::xml_document out;
    pugi::xml_node root = start_document(out, "Types");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
    pugi::xml_node rels = root.append_child("Default");
    rels.append_attribute("Extension") = "rels";
    rels.append_attribute("ContentType") = rels_type;
    pugi::xml_node xml = root.append_child("Default");
    xml.append_attribute("Extension") = "xml";
    xml.append_attribute("ContentType") = "application/xml";
    for (const Part& part : parts) {
        if (part.content_type == rels_type) continue;
        pugi::xml_node over = root.append_child("Override");
        over.append_attribute("PartName") = ("/" + part.name).c_str();
        over.append_attribute("ContentType") = part.content_type.c_str();
    }
    return serialize(out);
}

}  // namespace itucollab::emit::docx
