// Parsed YAML trees of unchanged files, reused from one load of a corpus to the next (`itucollab serve`).
#pragma once

#include "yaml_tree.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace itucollab {

/// Remembers, per file path, the text last parsed, its tree and the diagnostics the parse gave.
/// A load that finds the same text again reuses both instead of parsing. Not thread-safe: one
/// loader at a time.
class ParseCache {
public:
    /// The tree of `text` (nullptr when unusable), its parse diagnostics added to `diags`, from
    /// the cache when `file` was last parsed with the same text and limits.
    std::shared_ptr<const yaml::Node> parse(std::string_view text, const std::string& file, Diagnostics& diags,
                                            const yaml::Limits& limits);
    /// Forgets the files no parse asked for since the previous call (deleted or unlisted files).
    void sweep();
    /// Parses served from the cache / parses run, since construction.
    [[nodiscard]] std::size_t hits() const { return hits_; }
    [[nodiscard]] std::size_t misses() const { return misses_; }

private:
    struct Entry {
        std::string text;
        int max_depth = 0;
        std::size_t max_nodes = 0;
        std::shared_ptr<const yaml::Node> root;
        std::vector<Diagnostic> diagnostics;
        bool used = false;
    };
    std::unordered_map<std::string, Entry> entries_;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

/// The loader's parse step: through `cache` when there is one, else a plain yaml::parse.
std::shared_ptr<const yaml::Node> parse_file(ParseCache* cache, std::string_view text, const std::string& file,
                                             Diagnostics& diags, const yaml::Limits& limits);

}  // namespace itucollab
