// Helpers of the import tests: DOCX packages built, unpacked and edited in memory.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace testsupport {

/// Entries of a zip package by name, in memory.
using ZipEntries = std::vector<std::pair<std::string, std::string>>;

/// Reads every entry of the zip file at `path`.
ZipEntries unzip_file(const std::string& path);

/// A zip (deflated) of `entries`, written to `path`.
void zip_file(const std::string& path, const ZipEntries& entries);

/// The entry `name` of `entries`; fails the test when absent.
std::string& entry(ZipEntries& entries, const std::string& name);

/// Builds `corpus` as a .docx and a text report into `dir`; returns the .docx path.
std::string build_docx(const std::string& corpus, const std::string& dir);

/// The text report of `corpus` (`build --format text`), as bytes.
std::string text_report(const std::string& corpus, const std::string& scratch);

/// Runs `itucollab import` on `docx` into `out` with `flags`; the exit status and output.
struct ImportRun {
    int status;
    std::string output;
};
ImportRun run_import(const std::string& docx, const std::string& out, const std::string& flags = "");

}  // namespace testsupport
