// Writing output files all-or-nothing: temporaries in the target directory, then renames.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::cli {

/// One file to write: its name inside the output directory and its bytes.
struct OutputFile {
    std::string name;
    std::string bytes;
};

/// A set of output files written all or nothing, one at a time so that only one file's bytes need
/// to be in memory. `open` creates the directory when missing and locks it against other runs;
/// each `stage` writes a flushed temporary `.NAME.tmp-XXXXXX` there; `commit` renames them all
/// into place with signals blocked, undoing the earlier renames when one fails. A signal before
/// the commit removes the temporaries and exits 128+N (signals.hpp); destroying an uncommitted
/// transaction removes them too; a successful commit removes temporaries that a killed run left.
class OutputTransaction {
public:
    explicit OutputTransaction(std::string dir);
    ~OutputTransaction();
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    /// Creates and locks the directory (`stage` does it too); returns the reason on failure
    /// ("out/ is in use by process N"), empty on success.
    std::string open();
    /// Writes `bytes` to a temporary that `commit` will name `name`; returns the whole message on
    /// failure (ending "; nothing written"), empty on success.
    std::string stage(const std::string& name, const std::string& bytes);
    /// Renames every staged file into place; returns the whole message on failure (which files,
    /// if any, could not be restored), empty on success.
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

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; false with errno set on failure.
bool write_fully(int fd, std::string_view bytes);

/// True for the names of this tool's temporaries: `.NAME.tmp-XXXXXX` and their `.old` backups.
bool is_own_temporary(std::string_view filename);

/// Writes `text` to standard output and flushes it; returns why it failed, empty on success.
std::string write_stdout(std::string_view text);

/// Flushes standard output; returns `exit_code`, or 2 with a message when a write to it failed
/// (a full disk, /dev/full, a closed pipe), so output is never lost silently.
int finish_stdout(int exit_code);

}  // namespace itucollab::cli
