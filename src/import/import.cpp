// `itucollab import`: a .docx package read, its revisions resolved, and the report recognised.
#include "import.hpp"

#include <fmt/format.h>

#include <optional>

namespace itucollab::import {
namespace {

// The target of the first relationship of `type` (its last path segment) in a .rels part.
std::string relationship_target(const pugi::xml_document* rels, std::string_view type) {
    if (!rels) return {};
    for (pugi::xml_node r : rels->document_element().children("Relationship")) {
        std::string_view t = r.attribute("Type").as_string();
        if (t.size() >= type.size() && t.substr(t.size() - type.size()) == type) return r.attribute("Target").as_string();
    }
    return {};
}

// "word/header1.xml" from "header1.xml" relative to the part directory "word/".
std::string resolve(const std::string& dir, const std::string& target) {
    if (target.empty()) return {};
    if (target.front() == '/') return target.substr(1);
    return dir + target;
}

std::string all_text(pugi::xml_node root) {
    std::string out;
    for (pugi::xpath_node t : root.select_nodes(".//*[local-name()='t']")) out += t.node().text().get();
    return out;
}

// Whether the body keeps bookmarks of a redline's OLD records: the redline's revisions were all
// rejected (in Word, say) before the import.
bool holds_old_bookmarks(pugi::xml_node root) {
    for (pugi::xpath_node x : root.select_nodes(".//*[local-name()='bookmarkStart']")) {
        if (std::string_view(x.node().attribute("w:name").as_string()).starts_with("_itco")) return true;
    }
    return false;
}

}  // namespace

std::string default_corpus_dir(const std::string& symbol) {
    std::string stem;
    for (char c : symbol) {
        if (c == '/') stem += '-';
        else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '(' || c == ')')
            stem += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!stem.empty() && (stem.front() == '.' || stem.front() == '-')) stem.erase(0, 1);
    return "data/" + (stem.empty() ? std::string("imported") : stem);
}

ImportOutcome import_docx(const std::string& bytes, const ImportOptions& options) {
    Package package(bytes, options.package);
    if (!package.has("[Content_Types].xml")) {
        throw ImportError("[Content_Types].xml: missing from the package; not a .docx (Office Open XML) file");
    }
    package.xml("[Content_Types].xml");
    std::optional<pugi::xml_document> root_rels = package.optional_xml("_rels/.rels");
    std::string main = resolve("", relationship_target(root_rels ? &*root_rels : nullptr, "/officeDocument"));
    if (main.empty() || !package.has(main)) main = "word/document.xml";
    if (!package.has(main)) throw ImportError(main + ": missing from the package; no document body to import");
    std::string dir = main.substr(0, main.rfind('/') + 1);
    std::string rels_name = dir + "_rels/" + main.substr(dir.size()) + ".rels";

    pugi::xml_document document = package.xml(main);
    check_depth(document, main, options.body.max_depth);
    auto document_rels = package.optional_xml(rels_name);
    const pugi::xml_document* drels = document_rels ? &*document_rels : nullptr;
    auto part = [&](std::string_view type, const char* fallback) {
        std::string name = resolve(dir, relationship_target(drels, type));
        if (name.empty()) name = dir + fallback;
        return name;
    };
    std::string footnotes_name = part("/footnotes", "footnotes.xml");
    auto footnotes = package.optional_xml(footnotes_name);
    if (footnotes) check_depth(*footnotes, footnotes_name, options.body.max_depth);
    auto footnote_rels = package.optional_xml(dir + "_rels/" + footnotes_name.substr(dir.size()) + ".rels");
    auto styles = package.optional_xml(part("/styles", "styles.xml"));
    auto numbering = package.optional_xml(part("/numbering", "numbering.xml"));

    ImportOutcome outcome;
    RevisionCounts counts = count_revisions(document.document_element());
    if (footnotes) counts += count_revisions(footnotes->document_element());
    if (counts.total() > 0) {
        if (options.revisions == RevisionMode::refuse) {
            throw ImportError(fmt::format("{}: {}; use --accept or --reject", main, counts.describe()));
        }
        bool accept = options.revisions == RevisionMode::accept;
        resolve_revisions(document.document_element(), accept);
        if (footnotes) resolve_revisions(footnotes->document_element(), accept);
    }
    outcome.revisions = counts;
    std::string comments_name = part("/comments", "comments.xml");
    if (auto comments = package.optional_xml(comments_name)) {
        for (pugi::xml_node c : comments->document_element().children()) {
            if (std::string_view(c.name()) == "w:comment") ++outcome.comments;
        }
    }
    int anchors = strip_comment_anchors(document.document_element());
    if (footnotes) anchors += strip_comment_anchors(footnotes->document_element());
    outcome.comments = std::max(outcome.comments, anchors);

    Body body = read_body(document, styles ? &*styles : nullptr, numbering ? &*numbering : nullptr, drels,
                          footnotes ? &*footnotes : nullptr, footnote_rels ? &*footnote_rels : nullptr, options.body);
    PackageMetadata meta;
    if (auto core = package.optional_xml(resolve("", relationship_target(root_rels ? &*root_rels : nullptr,
                                                                          "/core-properties")))) {
        meta.core_title = core->document_element().child("dc:title").text().get();
        meta.core_language = core->document_element().child("dc:language").text().get();
    }
    for (const std::string& name : package.names()) {
        if (!name.starts_with("customXml/item") || name.find("/_rels/") != std::string::npos) continue;
        pugi::xml_document carried = package.xml(name);
        if (std::string_view(carried.document_element().attribute("xmlns").as_string()) == "urn:itucollab:docx:1") {
            // A redline names OLD's records apart (`_itco<n>`); a rejected one takes OLD's ids.
            bool rejected = counts.total() > 0 ? options.revisions == RevisionMode::reject
                                               : holds_old_bookmarks(document.document_element());
            meta.carried = read_carried_data(carried, rejected);
            break;
        }
    }
    std::string header = resolve(dir, relationship_target(drels, "/header"));
    if (!header.empty() && package.has(header)) meta.running_head = all_text(package.xml(header).document_element());
    outcome.recognised = recognise(body, meta);
    // Nothing is dropped: what has no place in the report's structure is kept in report.yaml.
    for (const Unplaced& u : outcome.recognised.unplaced) outcome.recognised.document.unplaced.push_back({u.where, u.text, {}});
    return outcome;
}

}  // namespace itucollab::import
