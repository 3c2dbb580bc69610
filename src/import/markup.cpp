// Inline markup from DOCX runs: emphasis, strong, links and footnote references, escaped minimally.
#include "recognise.hpp"

#include "../load/inline_parser.hpp"

#include <cctype>

namespace itucollab::import {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Escapes only what CommonMark (and our [^id] extension) would otherwise read as markup, so a
// text without markup characters comes back exactly as it was written.
std::string escape_text(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        char next = i + 1 < text.size() ? text[i + 1] : '\0';
        char prev = i > 0 ? text[i - 1] : '\0';
        bool escape = false;
        switch (c) {
            case '\\': escape = std::ispunct(static_cast<unsigned char>(next)) != 0 || next == '\0'; break;
            case '*':
            case '`': escape = true; break;
            case '_': escape = !(is_alnum(prev) && is_alnum(next)); break;
            case '[': escape = next == '^'; break;
            case ']': escape = next == '('; break;
            case '<': escape = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?'; break;
            case '&': {
                std::size_t j = i + 1;
                if (j < text.size() && text[j] == '#') ++j;
                std::size_t start = j;
                while (j < text.size() && is_alnum(text[j])) ++j;
                escape = j > start && j < text.size() && text[j] == ';';
                break;
            }
            case '!': escape = next == '['; break;
            default: break;
        }
        if (escape) out += '\\';
        out += c;
    }
    return out;
}

// Consecutive runs of one link, or of none, formatted with * and ** around their non-blank middle.
std::string formatted(const std::vector<Run>& runs, std::size_t begin, std::size_t end) {
    std::string out;
    std::size_t i = begin;
    while (i < end) {
        std::size_t j = i;
        std::string text;
        while (j < end && runs[j].bold == runs[i].bold && runs[j].italic == runs[i].italic) text += runs[j++].text;
        const char* mark = runs[i].bold && runs[i].italic ? "***" : runs[i].bold ? "**" : runs[i].italic ? "*" : "";
        std::size_t first = text.find_first_not_of(" \t\n");
        if (*mark == '\0' || first == std::string::npos) {
            out += escape_text(text);
        } else {
            std::size_t last = text.find_last_not_of(" \t\n");
            out += escape_text(text.substr(0, first));
            out += mark + escape_text(text.substr(first, last + 1 - first)) + mark;
            out += escape_text(text.substr(last + 1));
        }
        i = j;
    }
    return out;
}

std::string link_destination(const std::string& target) {
    bool plain = target.find_first_of(" <>\t\n") == std::string::npos;
    int depth = 0;
    for (char c : target) {
        if (c == '(') ++depth;
        if (c == ')' && --depth < 0) plain = false;
    }
    if (plain && depth == 0) return target;
    std::string out = "<";
    for (char c : target) {
        if (c == '<' || c == '>') out += '\\';
        out += c;
    }
    return out + ">";
}

}  // namespace

std::string runs_markup(const std::vector<Run>& runs, const std::map<std::string, std::string>& footnote_ids) {
    std::string out;
    std::size_t i = 0;
    while (i < runs.size()) {
        const Run& r = runs[i];
        if (!r.footnote.empty()) {
            if (auto it = footnote_ids.find(r.footnote); it != footnote_ids.end()) out += "[^" + it->second + "]";
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < runs.size() && runs[j].footnote.empty() && runs[j].link == r.link) ++j;
        if (!r.link.empty() && load::allowed_link_target(r.link)) {
            out += "[" + formatted(runs, i, j) + "](" + link_destination(r.link) + ")";
        } else {
            out += formatted(runs, i, j);
        }
        i = j;
    }
    return out;
}

}  // namespace itucollab::import
