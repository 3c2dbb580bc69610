// Test helpers: fixture corpora in memory, diagnostics as text, files and processes.
#pragma once

#include <itucollab/loader.hpp>

#include <initializer_list>
#include <map>
#include <string>

namespace testsupport {

/// The source tree, for fixtures and goldens.
std::string source_dir();

/// Reads a file; fails the test when it cannot.
std::string read_file(const std::string& path);

/// The `tests/fixtures/NAME` corpus in memory under `NAME/`, with `overrides` (relative path →
/// content) applied; an empty override content removes the file.
itucollab::MemoryFileSystem fixture(const std::string& name, const std::map<std::string, std::string>& overrides = {});

/// The mini fixture (with `overrides` as for fixture()) loaded; the test fails when it has errors.
itucollab::Document load_mini(const std::map<std::string, std::string>& overrides = {});

/// The bundled corpus data/c21-inf-2 loaded; the test fails when it has errors.
itucollab::Document load_bundled();

/// Every diagnostic of a load, rendered as the CLI prints it (no colour).
std::string diagnostics_text(const itucollab::LoadResult& result);

/// `text` with the first occurrence of `from` replaced by `to`; fails the test when absent.
std::string replace_once(std::string text, const std::string& from, const std::string& to);

/// Runs a shell command, returning its exit status and combined stdout/stderr.
struct RunResult {
    int status;
    std::string output;
};
RunResult run(const std::string& command);

/// The itucollab binary under test.
std::string binary();

/// A fresh empty directory under the system temp dir.
std::string temp_dir(const std::string& tag);

/// Exit status of a test run in which nothing failed but a test case was skipped for a missing tool;
/// tests/CMakeLists.txt defines it and gives it to ctest as SKIP_RETURN_CODE, so ctest reports
/// Skipped, not Passed.
inline constexpr int skip_exit_code = ITUCOLLAB_TEST_SKIP_CODE;

/// True when the environment says this is a CI run (CI set, and not to "", "0" or "false").
bool running_in_ci();

/// The one way a test case gives up for want of a tool: `tool` names what is missing and how to get it.
/// Under CI a missing tool is an error and the test case fails here; otherwise the test case is
/// recorded as skipped (the run exits with skip_exit_code) and the caller returns at once.
void skip_missing_tool(const std::string& tool);

/// Whether a test case of this run was skipped by skip_missing_tool().
bool any_test_skipped();

/// Something a test case needs from outside the build, and whether it is there.
struct Tool {
    bool present;
    std::string what;  ///< its name and how to get it
};

/// A command on PATH, from the Debian package `package` (scripts/install-deps --test installs it).
Tool tool_command(const std::string& command, const std::string& package);

/// `node_modules/<path>` of the source tree (npm ci at the repository root installs it).
Tool tool_node_module(const std::string& path);

/// /usr/bin/python3 (the tests call it by path, past any python3 earlier on PATH).
Tool tool_python3();

/// A module /usr/bin/python3 imports, from the Debian package `package`.
Tool tool_python_module(const std::string& module, const std::string& package);

/// A file or directory at `path`; `how` says where it comes from.
Tool tool_path(const std::string& path, const std::string& how);

/// True when every tool is present; otherwise skip_missing_tool() with every missing one, and the
/// caller returns (`if (!have_tools({...})) return;`).
bool have_tools(std::initializer_list<Tool> tools);

/// Compares `actual` with the golden file at `tests/golden/NAME`; with ITUCOLLAB_UPDATE_GOLDEN=1
/// rewrites the golden instead.
void check_golden(const std::string& name, const std::string& actual);

}  // namespace testsupport
