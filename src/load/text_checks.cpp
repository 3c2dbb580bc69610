// Byte-level checks on corpus files and the line/column arithmetic diagnostics rely on.
#include "text_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace itucollab::yaml {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            starts_.push_back(i + 1);
        }
    }
    block_counts_.reserve(text.size() / block + 1);
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % block == 0) block_counts_.push_back(count);
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
}

std::size_t LineIndex::code_points_before(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    std::size_t k = offset / block;
    if (k >= block_counts_.size()) {  // offset == text size, on a block boundary
        k = block_counts_.empty() ? 0 : block_counts_.size() - 1;
    }
    return (block_counts_.empty() ? 0 : block_counts_[k]) + code_points_in(k * block, offset);
}

std::size_t LineIndex::code_points_in(std::size_t from, std::size_t to) const {
    std::size_t count = 0;
    for (std::size_t i = from; i < to; ++i) {
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
}

Pos LineIndex::position(int line0, int byte_column0) const {
    if (line0 < 0) return {1, 1};
    auto line = static_cast<std::size_t>(line0);
    if (line >= starts_.size()) return {static_cast<int>(starts_.size()), 1};
    std::size_t start = starts_[line];
    std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(std::max(0, byte_column0)));
    // A column shorter than a block is counted directly: one short scan instead of two block scans.
    std::size_t characters = end - start < block ? code_points_in(start, end) : code_points_before(end) - code_points_before(start);
    return {line0 + 1, static_cast<int>(characters) + 1};
}

std::size_t LineIndex::offset(int line0, int byte_column0) const {
    if (line0 < 0) return 0;
    auto line = static_cast<std::size_t>(line0);
    if (line >= starts_.size()) return text_.size();
    return std::min(text_.size(), starts_[line] + static_cast<std::size_t>(std::max(0, byte_column0)));
}

Pos LineIndex::position_of_offset(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line = static_cast<std::size_t>(it - starts_.begin()) - 1;
    return position(static_cast<int>(line), static_cast<int>(offset - starts_[line]));
}

std::string normalize_line_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
        } else if (i + 1 == text.size() || text[i + 1] != '\n') {
            out.push_back('\n');
        }
    }
    return out;
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned int cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;  // surrogates are not characters
    return len;
}

int control_character_at(std::string_view s, std::size_t i, std::size_t len) {
    auto c = static_cast<unsigned char>(s[i]);
    if (len == 1) return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ? c : -1;
    if (len == 2 && c == 0xC2) {
        auto next = static_cast<unsigned char>(s[i + 1]);
        if (next <= 0x9F) return next;  // U+0080-U+009F: C1 controls (CSI, NEL…)
    }
    return -1;
}

bool check_encoding(std::string_view text, const std::string& file, const LineIndex& lines,
                    Diagnostics& diags) {
    constexpr int max_reports = 20;  // a binary file is refused after this many, not byte by byte
    int reports = 0;
    auto report = [&](std::size_t offset, const std::string& code, const std::string& message) {
        Pos p = lines.position_of_offset(offset);
        diags.error(code, {file, p.line, p.column},
                    ++reports < max_reports ? message : message + "; further encoding errors in this file are not reported");
    };
    bool usable = true;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        report(0, "byte-order-mark", "the file starts with a byte-order mark; save it as UTF-8 without BOM");
    }
    for (std::size_t i = 0; i < text.size() && reports < max_reports;) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            report(i, "invalid-utf8", fmt::format("invalid UTF-8 byte 0x{:02X} at byte offset {}", c, i));
            usable = false;
            ++i;
            continue;
        }
        if (c == 0) {
            report(i, "control-character", fmt::format("NUL byte at byte offset {}", i));
            usable = false;
        } else if (int control = control_character_at(text, i, len); control >= 0) {
            report(i, "control-character", fmt::format("control character U+{:04X} at byte offset {}", control, i));
            usable = false;
        } else if (len == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
            report(i, "noncharacter", fmt::format("noncharacter U+FFF{} at byte offset {}",
                                                  static_cast<unsigned char>(text[i + 2]) == 0xBE ? 'E' : 'F', i));
            usable = false;
        }
        i += len;
    }
    return usable;
}

}  // namespace itucollab::yaml
