// Word wrapping and alignment for plain-text outputs.
#include "wrap.hpp"

#include <vector>

namespace itucollab::emit {

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first_prefix,
                 std::string_view rest_prefix) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n\t", start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    std::string out;
    std::string line(first_prefix);
    std::size_t line_width = display_width(first_prefix);
    std::size_t prefix_width = line_width;
    bool line_has_word = false;
    for (auto word : words) {
        std::size_t w = display_width(word);
        if (line_has_word && line_width + 1 + w > width) {
            out += line;
            out += '\n';
            line.assign(rest_prefix);
            line_width = prefix_width = display_width(rest_prefix);
            line_has_word = false;
        }
        if (line_has_word) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += w;
        line_has_word = true;
    }
    (void)prefix_width;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
    return out;
}

std::string centre(std::string_view text, std::size_t width) {
    std::size_t w = display_width(text);
    if (w >= width) return std::string(text);
    return std::string((width - w) / 2, ' ') + std::string(text);
}

std::string align_right(std::string_view text, std::size_t width) {
    std::size_t w = display_width(text);
    if (w >= width) return std::string(text);
    return std::string(width - w, ' ') + std::string(text);
}

}  // namespace itucollab::emit
