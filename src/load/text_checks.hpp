// Byte-level checks on a corpus file before parsing: UTF-8 validity, BOM, forbidden characters.
#pragma once

#include "yaml_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace itucollab::yaml {

/// Maps 0-based (line, byte column) or byte offsets to 1-based (line, character column).
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    [[nodiscard]] Pos position(int line0, int byte_column0) const;
    [[nodiscard]] Pos position_of_offset(std::size_t offset) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

/// Reports invalid UTF-8 (with its byte offset), a byte-order mark, NUL and other control
/// characters, and the noncharacters U+FFFE/U+FFFF. Returns false when the file is unusable.
bool check_encoding(std::string_view text, const std::string& file, const LineIndex& lines,
                    Diagnostics& diags);

/// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace itucollab::yaml
