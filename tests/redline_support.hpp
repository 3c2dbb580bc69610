// Helpers of the redline tests: a Word redline resolved both ways and read as the report's text.
#pragma once

#include <itucollab/diff.hpp>
#include <itucollab/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace redlinetest {

/// The Word redline of OLD → NEW (`diff --format docx`), rendered from source templates.
std::string redline_docx(const itucollab::Document& old_doc, const itucollab::Document& new_doc,
                         const itucollab::diff::Options& options = {});

/// The report's DOCX built from `doc` (`build --format docx`).
std::string built_docx(const itucollab::Document& doc);

/// The reading text of a package: one line per body paragraph (table cells included) as
/// "Style|text", footnote references replaced by "[^note text]", the page header and footer last.
/// `accept`: resolve every revision first (true: accept, false: reject); nullopt: as it is.
std::string package_text(const std::string& docx, std::optional<bool> accept);

/// Revisions in the package's body, notes, header and footer.
int revision_count(const std::string& docx);

/// LibreOffice's tracked changes after it read a redline and wrote it as ODT: the text each
/// insertion and each deletion holds (one entry per LibreOffice redline), read from content.xml.
struct OfficeChanges {
    std::vector<std::string> insertions;
    std::vector<std::string> deletions;
    int other = 0;  ///< format changes
    [[nodiscard]] std::size_t total() const { return insertions.size() + deletions.size() + other; }
};

/// Reads the tracked changes of an ODT package.
OfficeChanges office_changes(const std::string& odt);

}  // namespace redlinetest
