// Writing a document model as a corpus in the project's layout (report.yaml, sections/, annex/, registry/).
#pragma once

#include <itucollab/model.hpp>

#include <string>
#include <vector>

namespace itucollab::import {

/// One file of the corpus: its path relative to the corpus directory, and its bytes.
struct CorpusFile {
    std::string path;
    std::string bytes;
};

/// The corpus files of `doc`, laid out as data/c21-inf-2; `schema_dir` is the schema directory
/// relative to the corpus directory (for the `# yaml-language-server: $schema=` comments).
std::vector<CorpusFile> write_corpus(const Document& doc, const std::string& schema_dir = "../../schema");

/// `text` as a YAML value after "key:" or "- " at column `column`, whose block content is indented
/// by `indent` spaces: plain when safe, a wrapped `>-` folded block when long, else double-quoted.
/// The result starts with a space (or " >-\n") and ends with '\n'.
std::string yaml_value(const std::string& text, std::size_t column, std::size_t indent);

/// `text` double-quoted with YAML escapes.
std::string yaml_double_quoted(const std::string& text);

}  // namespace itucollab::import
