// Where things are inside YAML text: the end of a quoted scalar, the unclosed construct behind a
// syntax error, and which source line and column each part of a scalar's value came from.
#pragma once

#include "text_checks.hpp"
#include "yaml_tree.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace itucollab::yaml {

/// The offset of the quote that closes the quoted scalar opened at `text[open]` (`"` with
/// backslash escapes, `'` with `''`), or nullopt when the text ends first.
std::optional<std::size_t> closing_quote(std::string_view text, std::size_t open);

/// A construct that opens with one character and must be closed by another.
struct Opening {
    char opener = '[';  ///< '[', '{', '"' or '\''
    std::size_t offset = 0;
};

/// Scans flow content from `text[from]` (a '[' or '{') to `give_up`, where the parser stopped,
/// and returns the innermost construct still open there that is never closed: a quoted scalar
/// that runs to the end of the text, or a flow collection not closed before a line indented no
/// more than the line it opened on. Nullopt when everything open at `give_up` closes properly.
std::optional<Opening> unclosed_flow(std::string_view text, std::size_t from, std::size_t give_up);

/// Looks, line by line from the line of `from` to `give_up`, for a flow collection or quoted
/// scalar that starts a value (after indentation, "- " or "key: ") and is never closed properly,
/// as unclosed_flow and swallows_lines judge. For errors yaml-cpp raises while it scans ahead,
/// before it reports the collection's start. Block scalars' text is skipped.
std::optional<Opening> unclosed_in_block(std::string_view text, std::size_t from, std::size_t give_up);

/// The innermost flow collection open at `give_up` (closed or not), for a note; nullopt when none.
std::optional<Opening> enclosing_flow(std::string_view text, std::size_t from, std::size_t give_up);

/// True when the quoted scalar from `open` to `close` continues on a line indented no more than
/// the line it opened on: the sign of a missing closing quote that swallowed the next keys.
bool swallows_lines(std::string_view text, std::size_t open, std::size_t close);

/// Splits a scalar's `value` into the runs copied verbatim from the source, each with the position
/// of its first character. The scalar's node starts at `text[start]` (a quote, '|', '>' or the
/// first character of plain text). Stops at the first part it cannot match (an escape sequence),
/// so positions are only ever given where they are certain.
std::vector<Segment> scalar_segments(std::string_view text, const LineIndex& lines, std::size_t start,
                                     std::string_view value);

}  // namespace itucollab::yaml
