// Loading a corpus directory into a validated Document, with every diagnostic collected.
#pragma once

#include <itucollab/diagnostics.hpp>
#include <itucollab/model.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace itucollab {

class ParseCache;  // src/load/parse_cache.hpp

/// Where corpus files come from: the disk, or memory in tests.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    /// The file's bytes, or nullopt when it cannot be read.
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    /// The file's size in bytes without reading it, or nullopt when unknown (then the loader
    /// reads the file and checks its length instead).
    virtual std::optional<std::uintmax_t> size(const std::string&) const { return std::nullopt; }
    [[nodiscard]] virtual bool is_directory(const std::string& path) const = 0;
    /// Every regular `*.yaml`/`*.yml` file below `dir`, as paths relative to it with `/`
    /// separators, sorted. Entries that may not be read (links leaving the tree…) go to `refused`.
    virtual std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const = 0;
};

/// The real file system.
class DiskFileSystem final : public FileSystem {
public:
    std::optional<std::string> read(const std::string& path) const override;
    std::optional<std::uintmax_t> size(const std::string& path) const override;
    [[nodiscard]] bool is_directory(const std::string& path) const override;
    std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const override;
};

/// An in-memory file system for tests: paths map to contents; directories are implied.
class MemoryFileSystem final : public FileSystem {
public:
    void add(std::string path, std::string content) { files_[std::move(path)] = std::move(content); }
    std::optional<std::string> read(const std::string& path) const override;
    std::optional<std::uintmax_t> size(const std::string& path) const override;
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

/// Limits that keep a hostile corpus (e.g. from a pull request) from exhausting memory, stack or
/// time; docs/security.md explains each. The defaults are far above what a real report needs.
struct LoadOptions {
    std::uintmax_t max_file_size = 4 * 1024 * 1024;  ///< bytes per file, checked before reading (file-too-large)
    std::size_t max_nodes = 200'000;                 ///< YAML nodes per file (too-many-nodes)
    int max_depth = 64;                              ///< nesting levels per file (nesting-too-deep)
    std::size_t max_files = 1000;                    ///< YAML files per corpus (too-many-files)
    std::uintmax_t max_corpus_size = 8 * 1024 * 1024;  ///< bytes of all YAML files together (corpus-too-large)
    std::size_t max_diagnostics = 1000;              ///< diagnostics kept per run (too-many-diagnostics)
    /// Parsed trees reused from earlier loads of the same corpus (`itucollab serve`); nullptr: parse every file.
    ParseCache* parse_cache = nullptr;
};

/// Reads `dir/report.yaml` and every file it lists, checks the schema and cross-references,
/// and returns the document (when error-free) with all diagnostics sorted.
LoadResult load_corpus(const FileSystem& fs, const std::string& dir, const LoadOptions& options = {});

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
