// JSON Schema (draft-07) of the corpus files, generated from the loader's own field definitions.
#pragma once

#include <string>
#include <vector>

namespace itucollab {

/// The kinds of corpus file, each with its own schema.
std::vector<std::string> corpus_file_kinds();  // report, section, annex, mechanisms, registry

/// The JSON Schema of one kind of corpus file; throws std::invalid_argument for an unknown kind.
std::string corpus_json_schema(const std::string& kind);

}  // namespace itucollab
