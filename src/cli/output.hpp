// Writing output files all-or-nothing: temporaries in the target directory, then renames.
#pragma once

#include <string>
#include <vector>

namespace itucollab::cli {

/// One file to write: its name inside the output directory and its bytes.
struct OutputFile {
    std::string name;
    std::string bytes;
};

/// Writes every file to a temporary in `dir` (created when missing), flushes it to disk, then
/// renames all into place. On failure removes the temporaries, leaves earlier files untouched,
/// and returns the reason; returns empty on success.
std::string write_all_or_nothing(const std::string& dir, const std::vector<OutputFile>& files);

/// True when `path` (existing or not) lies inside directory `dir` or is `dir` itself, after
/// resolving links and `..`: used to refuse writing over a corpus's own files.
bool path_inside(const std::string& path, const std::string& dir);

/// Writes one file at `path` the same way; returns the reason on failure, empty on success.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace itucollab::cli
