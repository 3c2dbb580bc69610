// Writing output files all-or-nothing: temporaries in the target directory, then renames.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace itucollab::cli {

/// One file to write: its name inside the output directory and its bytes.
struct OutputFile {
    std::string name;
    std::string bytes;
};

/// A set of output files written all or nothing, one at a time so that only one file's bytes need
/// to be in memory: each `stage` writes a flushed temporary in `dir` (created when missing),
/// `commit` renames them all into place. Until `commit` succeeds, SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT are held back, and destroying the transaction removes its temporaries, so earlier
/// files stay byte-identical whatever happens.
class OutputTransaction {
public:
    explicit OutputTransaction(std::string dir);
    ~OutputTransaction();
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    /// Writes `bytes` to a temporary that `commit` will name `name`; returns the reason on failure
    /// ("interrupted" when a held signal is pending), empty on success.
    std::string stage(const std::string& name, const std::string& bytes);
    /// Renames every staged file into place; returns the reason on failure, empty on success.
    std::string commit();

private:
    struct State;
    std::unique_ptr<State> state_;
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
