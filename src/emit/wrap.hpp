// Word wrapping by character count, for the plain-text outputs.
#pragma once

#include <string>
#include <string_view>

namespace itucollab::emit {

/// Number of characters (code points) in UTF-8 text.
std::size_t display_width(std::string_view s);

/// Wraps `text` at ordinary spaces (never at no-break spaces) into lines of at most `width`
/// characters; the first line starts with `first_prefix`, the others with `rest_prefix`.
/// Each line ends with '\n'. A word longer than the line gets a line of its own.
std::string wrap(std::string_view text, std::size_t width, std::string_view first_prefix,
                 std::string_view rest_prefix);

/// `text` centred in `width` columns (no trailing spaces), or as is when longer.
std::string centre(std::string_view text, std::size_t width);

/// `text` pushed right to end at column `width`.
std::string align_right(std::string_view text, std::size_t width);

}  // namespace itucollab::emit
