// Machine-readable renderings of a diagnostics list: JSON, GitHub workflow commands, SARIF 2.1.0.
#pragma once

#include <itucollab/diagnostics.hpp>

#include <string>
#include <vector>

namespace itucollab {

/// What a diagnostics report says about the run besides the diagnostics themselves.
struct RunInfo {
    std::string tool_version;
    std::string corpus;  ///< the corpus directory as displayed
};

/// Quotes `s` as a JSON string (UTF-8 kept, control characters as \u00XX).
std::string json_quote(std::string_view s);

/// `{"format": "itucollab-diagnostics", "version": 1, …}` listing every diagnostic.
std::string diagnostics_json(const std::vector<Diagnostic>& diags, const RunInfo& run);

/// One `::error file=…,line=…,col=…,title=CODE::message` line per diagnostic.
std::string diagnostics_github(const std::vector<Diagnostic>& diags);

/// A SARIF 2.1.0 log with one run, the rule catalogue as the driver's rules.
std::string diagnostics_sarif(const std::vector<Diagnostic>& diags, const RunInfo& run);

}  // namespace itucollab
