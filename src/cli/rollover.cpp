// `itucollab rollover OLD NEWDIR`: next year's corpus from this year's, written all-or-nothing.
#include "cli.hpp"
#include "output.hpp"
#include "scratch.hpp"
#include "signals.hpp"

#include <itucollab/rollover.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace itucollab::cli {
namespace {
namespace fs = std::filesystem;

struct RolloverCliOptions {
    std::string old_corpus;
    std::string new_dir;
    std::optional<int> number;
    LoadOptions limits;
};

// Every regular file below `dir` as a relative path, within the load limits (count, size and total, read
// from the directory entries before anything is opened); symbolic links make the copy refuse.
std::optional<std::vector<fs::path>> corpus_files(const fs::path& dir, const LoadOptions& limits, std::string& why) {
    std::vector<fs::path> files;
    std::uintmax_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_symlink(ec)) {
            why = fmt::format("{} is a symbolic link; a corpus is copied only when confined to its directory",
                              it->path().string());
            return std::nullopt;
        }
        if (!it->is_regular_file(ec)) continue;  // FIFOs, sockets and devices are never opened
        std::uintmax_t size = it->file_size(ec);
        if (!ec && size > limits.max_file_size) {
            why = fmt::format("{} is {} bytes, over the limit of {} bytes per file (--max-file-size)",
                              it->path().string(), size, limits.max_file_size);
            return std::nullopt;
        }
        total += ec ? 0 : size;
        if (total > limits.max_corpus_size) {
            why = fmt::format("{} holds more than {} bytes, the limit for a whole corpus (--max-corpus-size)",
                              dir.string(), limits.max_corpus_size);
            return std::nullopt;
        }
        files.push_back(fs::relative(it->path(), dir));
        if (files.size() > limits.max_files) {
            why = fmt::format("{} holds more than {} files, the limit (--max-files)", dir.string(), limits.max_files);
            return std::nullopt;
        }
    }
    if (ec) {
        why = fmt::format("cannot list {}: {}", dir.string(), ec.message());
        return std::nullopt;
    }
    std::sort(files.begin(), files.end());
    return files;
}

int run_rollover(const RolloverCliOptions& cli) {
    fs::path target(cli.new_dir);
    std::error_code ec;
    if (!absent_or_empty_directory(target)) {
        say_error(fmt::format("{} exists and is not an empty directory; rollover writes a new corpus", cli.new_dir));
        return exit_trouble;
    }
    fs::path inside = fs::weakly_canonical(target, ec);
    fs::path old_root = fs::weakly_canonical(cli.old_corpus, ec);
    if (auto [end, _] = std::mismatch(old_root.begin(), old_root.end(), inside.begin(), inside.end());
        end == old_root.end()) {
        say_error(fmt::format("{} is inside {}; write the new corpus next to the old one", cli.new_dir, cli.old_corpus));
        return exit_trouble;
    }
    LoadResult old = load_quietly(cli.old_corpus, cli.limits);
    if (old.status != LoadResult::Status::ok || !old.document) {
        for (const auto& d : old.diagnostics.all()) std::cerr << format_human(d, old.sources, false);
        say_error(fmt::format("{}: cannot roll over a corpus with errors", cli.old_corpus));
        return exit_trouble;
    }
    fs::path source(cli.old_corpus);
    std::string report_path = (source / "report.yaml").string();
    std::optional<std::string> report_text = DiskFileSystem().read(report_path);
    if (!report_text) {
        say_error(fmt::format("cannot read {}", report_path));
        return exit_trouble;
    }
    RolloverResult rolled = rollover_report(*report_text, report_path, *old.document, {cli.number});
    if (!rolled.error.empty()) {
        say_error(rolled.error);
        return exit_trouble;
    }
    std::string why;
    auto files = corpus_files(source, cli.limits, why);
    if (!files) {
        say_error(why + "; nothing written");
        return exit_trouble;
    }
    // Everything goes to a sibling scratch directory first, is checked, then renamed into place.
    Scratch scratch = Scratch::beside(target, "rollover");
    if (std::string w = scratch.create(); !w.empty()) return scratch.abandon(w);
    for (const auto& rel : *files) {
        std::string w = rel == "report.yaml" ? scratch.write(rel, rolled.report_yaml)
                                             : scratch.copy(source / rel, rel, cli.limits.max_file_size);
        if (!w.empty()) return scratch.abandon(w);
    }
    LoadResult check = load_quietly(scratch.root().string(), cli.limits);
    if (check.status != LoadResult::Status::ok) {
        for (const auto& d : check.diagnostics.all()) {
            if (d.severity == Severity::error) std::cerr << format_human(d, check.sources, false);
        }
        return scratch.abandon("the rolled-over corpus does not load");
    }
    if (std::string w = scratch.commit(target); !w.empty()) {
        return scratch.abandon(fmt::format("cannot move the new corpus to {}: {}", cli.new_dir, w));
    }
    std::cerr << fmt::format("itucollab: wrote {} ({}) from {}: {} text(s) flagged for review\n", cli.new_dir,
                             rolled.new_symbol, old.document->symbol, rolled.reviews.size());
    return exit_ok;
}

}  // namespace

void setup_rollover(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<RolloverCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "rollover", "Start next year's corpus from OLD: symbol, session and dates advanced, texts flagged for review");
    sub->add_option("old", options->old_corpus, "This year's corpus directory")->required();
    sub->add_option("newdir", options->new_dir, "The new corpus directory (must not exist, or be empty)")->required();
    sub->add_option("--number", options->number, "Number of the new symbol (default: the old one)")
        ->check(CLI::Range(1, 999));
    add_limit_options(*sub, options->limits);
    sub->callback([options, &exit_code] { exit_code = run_rollover(*options); });
}

}  // namespace itucollab::cli
