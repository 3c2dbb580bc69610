// The Word redline: the comparison's renames, parts and summary handed to the DOCX emitter's merge.
#include "../emit/docx/package.hpp"
#include "../emit/docx/redline.hpp"

#include <itucollab/diff.hpp>

#include <fmt/format.h>

namespace itucollab::diff {
namespace {

// The block key's kind for a record noun of the comparison ("initiative" items are "item:").
const char* key_kind(const std::string& noun) {
    if (noun == "section") return "section";
    if (noun == "paragraph") return "paragraph";
    if (noun == "initiative") return "item";
    if (noun == "mechanism") return "mechanism";
    if (noun == "footnote") return "footnote";
    return nullptr;
}

}  // namespace

std::map<std::string, std::string> renamed_records(const Result& result) {
    std::map<std::string, std::string> out;
    for (const Change& c : result.changes) {
        const char* kind = key_kind(c.subject);
        if (c.kind != Kind::renamed || !kind) continue;
        out[std::string(kind) + ":" + c.old_id] = c.location.substr(c.location.rfind('/') + 1);
    }
    return out;
}

Part part_of_block(std::string_view key) {
    if (key.starts_with("toc:")) key.remove_prefix(4);
    if (key.starts_with("annex:") || key == "footnote:annex-note") return Part::annex;
    if (key.starts_with("section:")) return key.find("/group:") != std::string_view::npos ? Part::initiatives : Part::sections;
    if (key.starts_with("footnote:")) return Part::sections;
    return Part::header;
}

std::function<bool(std::string_view)> tracked_blocks(const Options& options) {
    if (options.only.empty()) return {};
    return [only = options.only](std::string_view key) { return only.contains(part_of_block(key)); };
}

std::vector<std::string> unmarked_notes(const Options& options) {
    std::vector<std::string> notes;
    if (!options.only.empty()) {
        std::string parts;
        for (Part p : options.only) parts += (parts.empty() ? "" : ", ") + part_name(p);
        notes.push_back(fmt::format("Only {} marked: differences elsewhere show NEW's text unmarked.", parts));
    }
    if (options.ignore_whitespace) notes.emplace_back("Whitespace-only differences are not marked.");
    return notes;
}

std::vector<std::string> redline_summary(const Result& result, const Options& options) {
    std::vector<std::string> lines;
    lines.push_back(fmt::format("itucollab diff {} → {}: {}", result.old_symbol, result.new_symbol,
                                summary_line(result.summary())));
    for (const Renumbering& r : result.renumbered) lines.push_back(r.sentence);
    for (std::string& note : unmarked_notes(options)) lines.push_back(std::move(note));
    bool heading = false;
    for (const Change& c : result.changes) {
        if (c.visible) continue;
        if (!heading) lines.push_back("Not printed in the report:");
        heading = true;
        lines.push_back(fmt::format("{}{}: {}", c.place, c.label.empty() ? "" : ", " + c.label, describe_change(c)));
    }
    return lines;
}

std::string render_docx(const Result& result, const Document& old_doc, const Document& new_doc, const Options& options,
                        const EmitOptions& emit, const std::string& author) {
    emit::docx::RedlineOptions redline;
    redline.author = author.empty() ? "itucollab" : author;
    redline.date = (new_doc.date.year ? iso_date(new_doc.date) : std::string("2000-01-01")) + "T00:00:00Z";
    redline.ignore_whitespace = options.ignore_whitespace;
    redline.renamed = renamed_records(result);
    redline.tracked = tracked_blocks(options);
    redline.summary = redline_summary(result, options);
    return emit::docx::zip_package(emit::docx::redline_parts(old_doc, new_doc, emit, redline));
}

}  // namespace itucollab::diff
