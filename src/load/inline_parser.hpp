// Parses the corpus's inline markup (a CommonMark subset) into spans.
#pragma once

#include <itucollab/model.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::load {

/// Receives problems found in inline markup: a stable code and a message.
using InlineReporter = std::function<void(const std::string& code, const std::string& message)>;

/// Splits `source` into text, emphasis (`*x*`), strong (`**x**`), links (`[t](url)`, `<url>`, the
/// target normalised) and footnote references (`[^id]`). Anything that does not form a span stays literal text.
std::vector<Span> parse_inlines(std::string_view source, const InlineReporter& report);

/// True for the link schemes a report may carry: http, https and mailto, in any letter case.
bool allowed_link_target(std::string_view target);

/// An allowed target with its scheme in lower case, as a URL parser serialises it ("HTTPS://x" ->
/// "https://x"), so every output carries the canonical form; any other target unchanged.
std::string normalized_link_target(std::string_view target);

}  // namespace itucollab::load
