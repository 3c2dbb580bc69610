// The rule catalogue: every diagnostic code itucollab can emit, with its severity and summary.
#pragma once

#include <itucollab/diagnostics.hpp>

#include <span>
#include <string_view>

namespace itucollab {

/// One rule: a stable code, its severity, what it checks, and whether `accept:` may waive it.
struct RuleInfo {
    std::string_view code;
    Severity severity;
    std::string_view group;    ///< "encoding", "yaml", "schema", "corpus", "document", "annex", "text"
    std::string_view summary;  ///< one line, for --help, SARIF and docs/rules.md
};

/// Every rule, grouped, in documentation order.
std::span<const RuleInfo> rule_catalogue();

/// The rule with `code`, or nullptr.
const RuleInfo* find_rule(std::string_view code);

}  // namespace itucollab
