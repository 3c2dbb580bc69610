// Shared pieces of the command-line interface: exit codes, subcommand entry points, helpers.
#pragma once

#include <itucollab/loader.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace itucollab::cli {

/// Process exit codes, the same for every subcommand.
enum ExitCode : int { exit_ok = 0, exit_corpus_errors = 1, exit_trouble = 2 };

/// Registers `build` on `app`; the subcommand sets `exit_code` when it runs.
void setup_build(CLI::App& app, int& exit_code);
/// Registers `check` on `app`.
void setup_check(CLI::App& app, int& exit_code);
/// Registers `schema` on `app`.
void setup_schema(CLI::App& app, int& exit_code);
/// Registers `diff` on `app`.
void setup_diff(CLI::App& app, int& exit_code);
/// Registers `rollover` on `app`.
void setup_rollover(CLI::App& app, int& exit_code);
/// Registers `import` on `app`.
void setup_import(CLI::App& app, int& exit_code);
/// Registers `serve` on `app`.
void setup_serve(CLI::App& app, int& exit_code);

/// The corpus named on the command line, or the newest report directory under ./data.
/// Prints why and returns nullopt when there is none.
std::optional<std::string> resolve_corpus(const std::string& given);

/// Adds --max-file-size (bytes, or with a unit: 8MiB, 512KiB) to a subcommand that loads a corpus.
void add_limit_options(CLI::App& sub, LoadOptions& limits);

/// Loads a corpus and prints its diagnostics to stderr in compiler style.
LoadResult load_and_report(const std::string& corpus, const LoadOptions& limits = {});

/// Loads a corpus without printing anything.
LoadResult load_quietly(const std::string& corpus, const LoadOptions& limits = {});

/// "itucollab: " prefixed message on stderr.
void say_error(const std::string& message);

}  // namespace itucollab::cli
