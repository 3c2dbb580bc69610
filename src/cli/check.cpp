// `itucollab check`: the same loading and validation as build, reported for people or for CI.
#include "cli.hpp"
#include "output.hpp"

#include <itucollab/report_formats.hpp>

#include <fmt/format.h>

#include <iostream>

#ifndef ITUCOLLAB_VERSION
#define ITUCOLLAB_VERSION "0.0.0"
#endif

namespace itucollab::cli {
namespace {

struct CheckOptions {
    std::string corpus;
    bool strict = false;
    std::string format = "human";
    std::string output;  // empty: stdout
    LoadOptions limits;
};

int run_check(const CheckOptions& options) {
    auto corpus = resolve_corpus(options.corpus);
    if (!corpus) return exit_trouble;
    if (!options.output.empty() && path_inside(options.output, *corpus)) {
        say_error(fmt::format("refusing to write {} inside the corpus directory {}", options.output, *corpus));
        return exit_trouble;
    }
    bool human = options.format == "human";
    LoadResult loaded = human ? load_and_report(*corpus, options.limits) : load_quietly(*corpus, options.limits);
    std::size_t errors = loaded.diagnostics.error_count();
    std::size_t warnings = loaded.diagnostics.warning_count();
    if (!human) {
        RunInfo run{ITUCOLLAB_VERSION, display_path(*corpus)};
        const auto& all = loaded.diagnostics.all();
        std::string text = options.format == "json"     ? diagnostics_json(all, run)
                           : options.format == "github" ? diagnostics_github(all)
                                                        : diagnostics_sarif(all, run);
        if (options.output.empty()) {
            if (std::string why = write_stdout(text); !why.empty()) {
                say_error(why);
                return exit_trouble;
            }
        } else if (std::string why = write_file_atomically(options.output, text); !why.empty()) {
            say_error(why);
            return exit_trouble;
        }
    }
    std::cerr << fmt::format("itucollab: {}: {} error(s), {} warning(s)\n", display_path(*corpus), errors, warnings);
    if (loaded.status == LoadResult::Status::unreadable) return exit_trouble;
    if (errors > 0 || (options.strict && warnings > 0)) return exit_corpus_errors;
    return exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* sub = app.add_subcommand("check", "Validate a corpus and print every diagnostic; write nothing");
    sub->add_option("corpus", options->corpus, "Corpus directory (default: the newest under ./data)");
    sub->add_flag("--strict", options->strict, "Fail on warnings too");
    sub->add_option("-f,--format", options->format,
                    "human (default: compiler style on stderr, colour on a terminal unless NO_COLOR), "
                    "json, github (workflow annotations) or sarif (SARIF 2.1.0)")
        ->check(CLI::IsMember({"human", "json", "github", "sarif"}));
    sub->add_option("-o,--output", options->output, "Write the json/github/sarif report to this file, not stdout");
    add_limit_options(*sub, options->limits);
    sub->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace itucollab::cli
