// Corpus loading: report.yaml, then every listed file, then cross-reference validation.
#include <itucollab/loader.hpp>

#include "../model/describe.hpp"
#include "parse_cache.hpp"
#include "reader.hpp"
#include "rules.hpp"
#include "yaml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <type_traits>
#include <unordered_set>

namespace itucollab {
namespace {

std::string join(const std::string& dir, const std::string& rel) {
    if (dir.empty() || dir == ".") return rel;
    return dir.ends_with('/') ? dir + rel : dir + "/" + rel;
}

bool safe_relative_path(const std::string& p) {
    if (p.empty() || p.front() == '/' || p.find('\\') != std::string::npos || p.find('\0') != std::string::npos) {
        return false;
    }
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find('/', start);
        if (end == std::string::npos) end = p.size();
        std::string_view part(p.data() + start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

class CorpusLoader {
public:
    CorpusLoader(const FileSystem& fs, std::string dir, const LoadOptions& options, LoadResult& result)
        : fs_(fs), dir_(std::move(dir)), options_(options), result_(result), diags_(result.diagnostics) {}

    void run() {
        if (!fs_.is_directory(dir_)) {
            diags_.error("corpus-not-found", {dir_, 0, 0}, "no corpus directory here");
            result_.status = LoadResult::Status::unreadable;
            return;
        }
        std::vector<std::string> refused;
        present_ = fs_.list_yaml(dir_, refused);
        present_set_.insert(present_.begin(), present_.end());
        for (const auto& r : refused) {
            diags_.error("symlink-refused", {join(dir_, r), 0, 0},
                         "symbolic links are not followed: a corpus is confined to its directory");
        }
        if (present_.size() > options_.max_files) {
            diags_.error("too-many-files", {dir_, 0, 0},
                         fmt::format("the corpus has {} YAML files, more than the limit of {}", present_.size(),
                                     options_.max_files));
            result_.status = LoadResult::Status::invalid;
            return;
        }
        if (!within_corpus_size()) {
            result_.status = LoadResult::Status::invalid;
            return;
        }
        if (!present_set_.contains("report.yaml")) {
            diags_.error("corpus-not-found", {join(dir_, "report.yaml"), 0, 0},
                         "no report.yaml: this is not a corpus directory");
            result_.status = LoadResult::Status::unreadable;
            return;
        }
        Document doc;
        Manifest manifest;
        ReportFile report{&doc, &manifest};
        std::size_t errors_before = diags_.error_count();
        if (!load_file("report.yaml", report)) {  // without the manifest no other file can be placed
            result_.status = LoadResult::Status::invalid;
            return;
        }
        ValidationScope scope;
        scope.header = diags_.error_count() == errors_before;
        doc.loc = {join(dir_, "report.yaml"), 1, 1};

        for (const auto& ref : manifest.sections) {
            Section section;
            if (accept(ref) && load_file(ref.path, section)) {
                doc.sections.push_back(std::move(section));
            } else {
                scope.complete = false;
            }
        }
        if (!manifest.annex.path.empty() && !(accept(manifest.annex) && load_file(manifest.annex.path, doc.annex))) {
            scope.complete = false;
        }
        for (const auto& ref : manifest.mechanisms) {
            MechanismsFile file;
            if (!accept(ref) || !load_file(ref.path, file)) {
                scope.complete = false;
            } else {
                std::move(file.mechanisms.begin(), file.mechanisms.end(), std::back_inserter(doc.annex.mechanisms));
            }
        }
        for (const auto& ref : manifest.registries) {
            RegistryFile file;
            if (!accept(ref) || !load_file(ref.path, file)) {
                scope.references = false;
            } else {
                std::move(file.un_entities.begin(), file.un_entities.end(), std::back_inserter(doc.un_entities));
                std::move(file.instruments.begin(), file.instruments.end(), std::back_inserter(doc.instruments));
            }
        }
        for (const auto& path : present_) {
            if (!listed_.contains(path)) {
                diags_.error("unlisted-file", {join(dir_, path), 1, 1},
                             "this YAML file is not listed in report.yaml; list it there or remove it");
            }
        }
        validate_document(doc, diags_, scope);
        check_content_rules(doc, diags_, scope);
        if (scope.header) {
            check_reviews(doc, diags_);
            check_unplaced(doc, diags_);
            apply_acceptances(doc, diags_);
        }
        result_.status = diags_.has_errors() ? LoadResult::Status::invalid : LoadResult::Status::ok;
        if (result_.status == LoadResult::Status::ok) result_.document = std::move(doc);
    }

private:
    // Checks a path named in report.yaml: confined, existing, and named once.
    bool accept(const FileRef& ref) {
        if (!safe_relative_path(ref.path)) {
            diags_.error("bad-path", ref.loc,
                         fmt::format("'{}' must be a relative path inside the corpus directory", ref.path.substr(0, 80)));
            return false;
        }
        if (!(ref.path.ends_with(".yaml") || ref.path.ends_with(".yml"))) {
            diags_.error("bad-path", ref.loc, fmt::format("'{}' is not a .yaml file", ref.path));
            return false;
        }
        if (!present_set_.contains(ref.path)) {
            if (!file_suggester_) file_suggester_.emplace(present_);
            std::string near = diags_.full() ? std::string() : file_suggester_->near(ref.path);
            diags_.error("missing-file", ref.loc,
                         fmt::format("no file '{}' in the corpus{}", ref.path,
                                     near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
            return false;
        }
        if (!listed_.insert(ref.path).second || ref.path == "report.yaml") {
            diags_.error("duplicate-file", ref.loc, fmt::format("'{}' is listed more than once", ref.path));
            return false;
        }
        return true;
    }

    template <class T> bool load_file(const std::string& rel, T& out) {
        listed_.insert(rel);
        std::string path = join(dir_, rel);
        // The size is checked before reading, and again after (the file may have grown meanwhile).
        std::optional<std::uintmax_t> size = fs_.size(path);
        if (size && *size > options_.max_file_size) return too_large(path, *size);
        std::optional<std::string> text = fs_.read(path);
        if (!text) {
            diags_.error("unreadable-file", {path, 0, 0}, "cannot read this file");
            return false;
        }
        if (text->size() > options_.max_file_size) return too_large(path, text->size());
        read_bytes_ += text->size();
        if (read_bytes_ > options_.max_corpus_size) {  // the files grew after they were measured
            if (!corpus_too_large_reported_) corpus_too_large(path, read_bytes_);
            corpus_too_large_reported_ = true;
            return false;
        }
        std::string_view stored = result_.sources.add(path, std::move(*text));  // kept once, to quote lines
        yaml::Limits limits;
        limits.max_depth = options_.max_depth;
        limits.max_nodes = options_.max_nodes;
        std::shared_ptr<const yaml::Node> root = parse_file(options_.parse_cache, stored, path, diags_, limits);
        if (!root) return false;
        load::Context ctx{path, diags_, ""};
        if (root->kind == yaml::Node::Kind::null) {
            diags_.error("empty-file", {path, 1, 1}, "the file is empty");
            return false;
        }
        load::read_record(*root, out, ctx);
        if constexpr (std::is_same_v<T, ReportFile>) record_field_locs(*root, path, *out.doc);
        return true;
    }

    // Every YAML file of the directory counts, listed or not, before any is parsed: time and
    // memory grow with the bytes parsed, and the limit keeps both bounded (docs/performance.md).
    bool within_corpus_size() {
        std::uintmax_t total = 0;
        for (const auto& rel : present_) {
            std::optional<std::uintmax_t> size = fs_.size(join(dir_, rel));
            if (size) total += *size;
        }
        if (total <= options_.max_corpus_size) return true;
        corpus_too_large(dir_, total);
        return false;
    }

    void corpus_too_large(const std::string& where, std::uintmax_t total) {
        diags_.error("corpus-too-large", {where, 0, 0},
                     fmt::format("the corpus has {} bytes of YAML, more than the limit of {} (--max-corpus-size "
                                 "raises it)", total, options_.max_corpus_size));
    }

    bool too_large(const std::string& path, std::uintmax_t size) {
        diags_.error("file-too-large", {path, 0, 0},
                     fmt::format("the file has {} bytes, more than the limit of {} (--max-file-size raises it)", size,
                                 options_.max_file_size));
        return false;
    }

    // Remembers where report.yaml's top-level values (and list items) were written, for diagnostics.
    static void record_field_locs(const yaml::Node& root, const std::string& path, Document& doc) {
        if (root.kind != yaml::Node::Kind::mapping) return;
        for (const auto& [key, value] : root.entries) {
            doc.field_locs[key.value] = {path, value.pos.line, value.pos.column};
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                doc.field_locs[key.value + "." + std::to_string(i)] = {path, value.items[i].pos.line,
                                                                       value.items[i].pos.column};
            }
        }
    }

    const FileSystem& fs_;
    std::string dir_;
    const LoadOptions& options_;
    LoadResult& result_;
    Diagnostics& diags_;
    std::vector<std::string> present_;                  // sorted, for suggestions
    std::unordered_set<std::string> present_set_;       // the same, for lookups (one per listed file)
    std::set<std::string> listed_;
    std::optional<Suggester> file_suggester_;  // "did you mean" for missing files, bounded per run
    std::uintmax_t read_bytes_ = 0;  // bytes of the files read so far
    bool corpus_too_large_reported_ = false;
};

}  // namespace

LoadResult load_corpus(const FileSystem& fs, const std::string& dir, const LoadOptions& options) {
    LoadResult result;
    result.diagnostics.set_limit(options.max_diagnostics);
    CorpusLoader(fs, dir, options, result).run();
    result.diagnostics.sort();
    return result;
}

}  // namespace itucollab
