// Byte-level checks on a corpus file before parsing: UTF-8 validity, BOM, forbidden characters.
#pragma once

#include "yaml_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace itucollab::yaml {

/// Maps 0-based (line, byte column) or byte offsets to 1-based (line, character column). Lines
/// end at LF, CR LF or a lone CR (YAML 1.2 line breaks). Each lookup costs at most one block of
/// bytes, however long the line: the code points before every block boundary are counted once.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    [[nodiscard]] Pos position(int line0, int byte_column0) const;
    [[nodiscard]] Pos position_of_offset(std::size_t offset) const;
    /// The byte offset of 0-based (line, byte column), clamped to the text.
    [[nodiscard]] std::size_t offset(int line0, int byte_column0) const;
    /// Number of lines (an empty text has one).
    [[nodiscard]] std::size_t lines() const { return starts_.size(); }

private:
    static constexpr std::size_t block = 256;
    [[nodiscard]] std::size_t code_points_before(std::size_t offset) const;
    [[nodiscard]] std::size_t code_points_in(std::size_t from, std::size_t to) const;

    std::string_view text_;
    std::vector<std::size_t> starts_;
    std::vector<std::size_t> block_counts_;  // code points before byte k * block
};

/// `text` with every CR LF and lone CR turned into LF: the same lines with the same byte columns,
/// in the only line-break form yaml-cpp 0.7 counts.
std::string normalize_line_breaks(std::string_view text);

/// Reports invalid UTF-8 (with its byte offset), a byte-order mark, NUL and other control
/// characters (C0 but tab and line breaks, DEL, and the C1 range U+0080–U+009F), and the noncharacters U+FFFE/U+FFFF. Returns false when the file is unusable.
bool check_encoding(std::string_view text, const std::string& file, const LineIndex& lines,
                    Diagnostics& diags);

/// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// The control character (C0 but tab, LF and CR; DEL; C1) whose valid UTF-8 sequence of `len`
/// bytes starts at `s[i]`, or -1 when it is none.
int control_character_at(std::string_view s, std::size_t i, std::size_t len);

}  // namespace itucollab::yaml
