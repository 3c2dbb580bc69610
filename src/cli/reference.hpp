// The hidden `reference` subcommand: man page and shell completions generated from the CLI11 definitions.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace itucollab::cli {

/// The `--version` text: version and commit of this build.
std::string version_text();

/// Registers the hidden `reference man|bash|zsh` subcommand on `app`; call it after every visible
/// subcommand has been registered, since the output describes them. Sets `exit_code` when it runs.
void setup_reference(CLI::App& app, int& exit_code);

}  // namespace itucollab::cli
