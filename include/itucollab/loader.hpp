// Loading a corpus directory into a validated Document, with every diagnostic collected.
#pragma once

#include <itucollab/diagnostics.hpp>
#include <itucollab/model.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace itucollab {

/// Where corpus files come from: the disk, or memory in tests.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    /// The file's bytes, or nullopt when it cannot be read.
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    [[nodiscard]] virtual bool is_directory(const std::string& path) const = 0;
    /// Every regular `*.yaml`/`*.yml` file below `dir`, as paths relative to it with `/`
    /// separators, sorted. Entries that may not be read (links leaving the tree…) go to `refused`.
    virtual std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const = 0;
};

/// The real file system.
class DiskFileSystem final : public FileSystem {
public:
    std::optional<std::string> read(const std::string& path) const override;
    [[nodiscard]] bool is_directory(const std::string& path) const override;
    std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const override;
};

/// An in-memory file system for tests: paths map to contents; directories are implied.
class MemoryFileSystem final : public FileSystem {
public:
    void add(std::string path, std::string content) { files_[std::move(path)] = std::move(content); }
    std::optional<std::string> read(const std::string& path) const override;
    [[nodiscard]] bool is_directory(const std::string& path) const override;
    std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const override;

private:
    std::map<std::string, std::string> files_;
};

/// The outcome of loading: a document when it has no errors, plus everything found.
struct LoadResult {
    enum class Status { ok, invalid, unreadable };
    Status status = Status::ok;
    std::optional<Document> document;
    Diagnostics diagnostics;
    SourceTexts sources;
};

/// Reads `dir/report.yaml` and every file it lists, checks the schema and cross-references,
/// and returns the document (when error-free) with all diagnostics sorted.
LoadResult load_corpus(const FileSystem& fs, const std::string& dir);

/// Which whole-document checks may run: those on parts that loaded cleanly only, so one
/// mistake does not cascade into follow-on diagnostics.
struct ValidationScope {
    bool header = true;      ///< report.yaml loaded without errors
    bool references = true;  ///< every registry file loaded
    bool complete = true;    ///< every listed file loaded (else "never cited" would be noise)
};

/// Cross-reference and content checks on a loaded document (ids, references, annex note…).
void validate_document(const Document& doc, Diagnostics& diags, ValidationScope scope = {});

}  // namespace itucollab
