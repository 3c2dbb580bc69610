// `itucollab check`: the same loading and validation as build, writing nothing.
#include "cli.hpp"

#include <fmt/format.h>

#include <iostream>

namespace itucollab::cli {
namespace {

struct CheckOptions {
    std::string corpus;
    bool strict = false;
};

int run_check(const CheckOptions& options) {
    auto corpus = resolve_corpus(options.corpus);
    if (!corpus) return exit_trouble;
    LoadResult loaded = load_and_report(*corpus);
    if (loaded.status == LoadResult::Status::unreadable) return exit_trouble;
    std::size_t errors = loaded.diagnostics.error_count();
    std::size_t warnings = loaded.diagnostics.warning_count();
    std::cerr << fmt::format("itucollab: {}: {} error(s), {} warning(s)\n", *corpus, errors, warnings);
    if (errors > 0 || (options.strict && warnings > 0)) return exit_corpus_errors;
    return exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand("check", "Validate a corpus and print every diagnostic; write nothing");
    sub->add_option("corpus", options->corpus, "Corpus directory (default: the newest under ./data)");
    sub->add_flag("--strict", options->strict, "Fail on warnings too");
    sub->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace itucollab::cli
