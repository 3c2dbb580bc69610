// Finding the corpus to work on, loading it, and printing its diagnostics.
#include "cli.hpp"

#include "../load/yaml_tree.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace itucollab::cli {
namespace fs = std::filesystem;

// Messages name corpus files, whose names the corpus's author chose: printed terminal-safe.
void say_error(const std::string& message) { std::cerr << "itucollab: " << terminal_safe(message) << '\n'; }

// The `date:` of a report.yaml, as written; empty when unreadable.
static std::string report_date(const fs::path& report) {
    DiskFileSystem disk;
    auto size = disk.size(report.string());
    if (!size || *size > LoadOptions{}.max_file_size) return {};
    auto text = disk.read(report.string());
    if (!text) return {};
    Diagnostics ignored;
    auto root = yaml::parse(*text, report.string(), ignored);
    if (!root || root->kind != yaml::Node::Kind::mapping) return {};
    for (const auto& [key, value] : root->entries) {
        if (key.value == "date" && value.kind == yaml::Node::Kind::scalar) return value.value;
    }
    return {};
}

std::optional<std::string> resolve_corpus(const std::string& given) {
    if (!given.empty()) return given;
    std::error_code ec;
    std::vector<std::pair<std::string, std::string>> candidates;  // (date, dir)
    for (fs::directory_iterator it("data", ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory() && fs::exists(it->path() / "report.yaml")) {
            candidates.emplace_back(report_date(it->path() / "report.yaml"), it->path().generic_string());
        }
    }
    if (candidates.empty()) {
        say_error("no corpus given and no report directory (with a report.yaml) under ./data");
        return std::nullopt;
    }
    return std::max_element(candidates.begin(), candidates.end())->second;
}

static bool use_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    return isatty(STDERR_FILENO) && (no_colour == nullptr || *no_colour == '\0');
}

void add_limit_options(CLI::App& sub, LoadOptions& limits) {
    sub.add_option("--max-file-size", limits.max_file_size,
                   fmt::format("Refuse corpus files larger than this, before reading them (default: {} MiB)",
                               LoadOptions{}.max_file_size / (1024 * 1024)))
        ->transform(CLI::AsSizeValue(false))
        ->check(CLI::Range(std::uintmax_t{1}, std::uintmax_t{1} << 40));
    sub.add_option("--max-corpus-size", limits.max_corpus_size,
                   fmt::format("Refuse corpora whose YAML files together are larger than this (default: {} MiB)",
                               LoadOptions{}.max_corpus_size / (1024 * 1024)))
        ->transform(CLI::AsSizeValue(false))
        ->check(CLI::Range(std::uintmax_t{1}, std::uintmax_t{1} << 40));
    sub.add_option("--max-files", limits.max_files,
                   fmt::format("Refuse corpora with more YAML files than this (default: {})", LoadOptions{}.max_files))
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
}

LoadResult load_quietly(const std::string& corpus, const LoadOptions& limits) {
    DiskFileSystem disk;
    return load_corpus(disk, corpus, limits);
}

LoadResult load_and_report(const std::string& corpus, const LoadOptions& limits) {
    LoadResult result = load_quietly(corpus, limits);
    bool colour = use_colour();
    for (const auto& d : result.diagnostics.all()) std::cerr << format_human(d, result.sources, colour);
    return result;
}

}  // namespace itucollab::cli
