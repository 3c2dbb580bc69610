// Parses the corpus's inline markup (CommonMark inlines, by libcmark, plus footnote references) into spans.
#pragma once

#include <itucollab/model.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::load {

/// Receives problems found in inline markup: a stable code and a message.
using InlineReporter = std::function<void(const std::string& code, const std::string& message)>;

/// Receives problems found in inline markup with the byte offset, in the parsed source, of the
/// construct at fault (where the editor must look).
using InlineReporterAt =
    std::function<void(const std::string& code, const std::string& message, std::size_t offset)>;

/// The most characters of inline markup (`\` `` ` `` `&` `_` `*` `[` `]` `<` `!` and line breaks)
/// one text may hold: bounds the memory libcmark needs for a text (about 200-400 bytes each).
inline constexpr std::size_t max_markup_characters = 1'000'000;

/// Splits `source` into spans by CommonMark's inline rules: text (backslash escapes and entities
/// decoded), emphasis and strong (`*`, `_`), links (`[t](url)`, `<url>`, `<a@b.org>`, the target
/// normalised) and our extension, footnote references (`[^id]`, not after a backslash). Raw HTML and
/// `[a][b]` stay literal text. Each line is inline content only: a line starting "1. ", "- " or "#"
/// is text, a blank line separates paragraphs inside the text. Reported as errors: links that are
/// not http, https or mailto (`link-scheme`, `empty-link`), images, code spans, link titles, link
/// reference definitions and texts over `max_markup_characters`.
std::vector<Span> parse_inlines(std::string_view source, const InlineReporterAt& report);

/// As above, for a reporter that needs no position.
std::vector<Span> parse_inlines(std::string_view source, const InlineReporter& report);

// The link policy is the model's (http, https and mailto, in any letter case).
using itucollab::allowed_link_target;

/// An allowed target with its scheme in lower case, as a URL parser serialises it ("HTTPS://x" ->
/// "https://x"), so every output carries the canonical form; any other target unchanged.
std::string normalized_link_target(std::string_view target);

}  // namespace itucollab::load
