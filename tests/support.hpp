// Test helpers: fixture corpora in memory, diagnostics as text, files and processes.
#pragma once

#include <itucollab/loader.hpp>

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

/// Compares `actual` with the golden file at `tests/golden/NAME`; with ITUCOLLAB_UPDATE_GOLDEN=1
/// rewrites the golden instead.
void check_golden(const std::string& name, const std::string& actual);

}  // namespace testsupport
