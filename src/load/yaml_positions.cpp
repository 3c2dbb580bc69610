// Positions inside YAML text for diagnostics: unclosed quotes and flow collections, scalar segments.
#include "yaml_positions.hpp"

#include <algorithm>

namespace itucollab::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

std::size_t line_start(std::string_view text, std::size_t offset) {
    std::size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t indentation_at(std::string_view text, std::size_t start) {
    std::size_t i = start;
    while (i < text.size() && text[i] == ' ') ++i;
    return i - start;
}

// True when the line starting at `start` holds only blanks or a comment.
bool is_empty_line(std::string_view text, std::size_t start) {
    std::size_t i = start;
    while (i < text.size() && is_blank(text[i])) ++i;
    return i >= text.size() || text[i] == '\n' || text[i] == '#';
}

// Flow content read token by token: collections and quoted scalars are tracked, plain scalars and
// comments skipped. A quoted scalar that runs to the end of the text, or that swallows lines
// indented no more than its opening line, stops the scan as the culprit.
class FlowScanner {
public:
    FlowScanner(std::string_view text, std::size_t from)
        : text_(text), at_(from), base_indent_(indentation_at(text, line_start(text, from))) {}

    /// Scans until `stop` (or a block line or the end); false when the scan ended early.
    bool run_to(std::size_t stop) {
        while (at_ < stop && at_ < text_.size()) {
            if (!step()) return false;
        }
        return true;
    }

    std::vector<Opening> open;           // collections open now, outermost first
    std::optional<Opening> bad_quote;    // a quoted scalar that never closes properly
    bool block_line = false;             // stopped at a line that belongs to block structure

private:
    bool step() {
        char c = text_[at_];
        if (c == '\n') {
            ++at_;
            std::size_t next = at_;
            while (next < text_.size() && is_empty_line(text_, next)) {
                std::size_t nl = text_.find('\n', next);
                if (nl == std::string_view::npos) return true;
                next = nl + 1;
            }
            if (next < text_.size() && indentation_at(text_, next) <= base_indent_) {
                block_line = true;
                return false;
            }
            return true;
        }
        if (is_blank(c) || c == ',' || c == ':' || c == '?') {
            ++at_;
            return true;
        }
        if (c == '#' && (at_ == 0 || is_blank(text_[at_ - 1]) || text_[at_ - 1] == '\n')) {
            std::size_t nl = text_.find('\n', at_);
            at_ = nl == std::string_view::npos ? text_.size() : nl;
            return true;
        }
        if (c == '[' || c == '{') {
            open.push_back({c, at_++});
            return true;
        }
        if (c == ']' || c == '}') {
            if (!open.empty()) open.pop_back();
            ++at_;
            return !open.empty();  // the outermost collection closed: nothing is left unclosed
        }
        if (c == '"' || c == '\'') {
            std::optional<std::size_t> close = closing_quote(text_, at_);
            if (!close || swallows_lines(text_, at_, *close)) {
                bad_quote = Opening{c, at_};
                return false;
            }
            at_ = *close + 1;
            return true;
        }
        // A plain scalar runs to a flow indicator, ": ", " #" or the end of the line.
        while (at_ < text_.size()) {
            char p = text_[at_];
            if (p == '\n' || is_flow_indicator(p)) break;
            if (p == ':' && (at_ + 1 >= text_.size() || is_blank(text_[at_ + 1]) || text_[at_ + 1] == '\n' ||
                             is_flow_indicator(text_[at_ + 1]))) {
                break;
            }
            if (p == '#' && is_blank(text_[at_ - 1])) break;
            ++at_;
        }
        return true;
    }

    std::string_view text_;
    std::size_t at_;
    std::size_t base_indent_;
};

}  // namespace

std::optional<std::size_t> closing_quote(std::string_view text, std::size_t open) {
    const char quote = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        char c = text[i];
        if (quote == '"' && c == '\\') {
            ++i;  // the escaped character, whatever it is
        } else if (c == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;  // '' stands for one quote
            } else {
                return i;
            }
        }
    }
    return std::nullopt;
}

bool swallows_lines(std::string_view text, std::size_t open, std::size_t close) {
    // Only the quoted text itself is searched: a quote among thousands on one line costs its length.
    std::string_view quoted = text.substr(open, close - open);
    std::size_t nl = quoted.find('\n');
    if (nl == std::string_view::npos) return false;
    std::size_t base = indentation_at(text, line_start(text, open));
    for (; nl != std::string_view::npos; nl = quoted.find('\n', nl + 1)) {
        std::size_t next = open + nl + 1;
        if (!is_empty_line(text, next) && indentation_at(text, next) <= base) return true;
    }
    return false;
}

std::optional<Opening> unclosed_flow(std::string_view text, std::size_t from, std::size_t give_up) {
    FlowScanner scan(text, from);
    bool reached = scan.run_to(give_up);
    if (scan.bad_quote) return scan.bad_quote;
    if (!reached) return scan.open.empty() ? std::nullopt : std::optional<Opening>(scan.open.back());
    // At the give-up point: what is open there is unclosed if it stays open to the block structure.
    std::vector<Opening> at_give_up = scan.open;
    scan.run_to(text.size());
    if (scan.bad_quote) return scan.bad_quote;
    std::optional<Opening> culprit;
    for (std::size_t i = 0; i < std::min(at_give_up.size(), scan.open.size()); ++i) {
        if (at_give_up[i].offset != scan.open[i].offset) break;
        culprit = at_give_up[i];
    }
    return culprit;
}

std::optional<Opening> unclosed_in_block(std::string_view text, std::size_t from, std::size_t give_up) {
    give_up = std::min(give_up, text.size());
    auto broken_at = [&](std::size_t v) -> std::optional<Opening> {
        char c = text[v];
        if (c == '[' || c == '{') return unclosed_flow(text, v, give_up);
        std::optional<std::size_t> close = closing_quote(text, v);
        if (!close || swallows_lines(text, v, *close)) return Opening{c, v};
        return std::nullopt;
    };
    auto starts_value = [&](std::size_t v) {
        return v < text.size() && (text[v] == '[' || text[v] == '{' || text[v] == '"' || text[v] == '\'');
    };
    std::size_t block_text_indent = std::string_view::npos;  // inside a block scalar indented more than this
    for (std::size_t p = line_start(text, std::min(from, text.size())); p < give_up;) {
        std::size_t eol = std::min(text.find('\n', p), text.size());
        std::size_t indent = indentation_at(text, p);
        bool empty = is_empty_line(text, p);
        if (block_text_indent != std::string_view::npos && (empty || indent > block_text_indent)) {
            p = eol + 1;
            continue;
        }
        block_text_indent = std::string_view::npos;
        std::size_t i = p + indent;
        while (i < eol && text[i] == '-' && (i + 1 == eol || is_blank(text[i + 1]))) {
            ++i;
            while (i < eol && is_blank(text[i])) ++i;
        }
        if (!empty && starts_value(i)) {
            if (auto found = broken_at(i)) return found;
        } else if (!empty) {
            // A plain key: the value follows its ": ".
            std::size_t colon = i;
            while (colon < eol && !(text[colon] == ':' && (colon + 1 == eol || is_blank(text[colon + 1])))) ++colon;
            std::size_t v = colon + 1;
            while (v < eol && is_blank(text[v])) ++v;
            if (colon < eol && starts_value(v)) {
                if (auto found = broken_at(v)) return found;
            } else if (colon < eol && v < eol && (text[v] == '|' || text[v] == '>')) {
                block_text_indent = indent;
            }
        }
        if (eol >= text.size()) break;
        p = eol + 1;
    }
    return std::nullopt;
}

std::optional<Opening> enclosing_flow(std::string_view text, std::size_t from, std::size_t give_up) {
    FlowScanner scan(text, from);
    scan.run_to(give_up);
    if (scan.open.empty()) return std::nullopt;
    return scan.open.back();
}

std::vector<Segment> scalar_segments(std::string_view text, const LineIndex& lines, std::size_t start,
                                     std::string_view value) {
    std::vector<Segment> segments;
    if (start >= text.size() || value.empty()) return segments;
    std::size_t p = start;
    if (text[p] == '|' || text[p] == '>') {  // a block scalar's text starts on the next line
        std::size_t nl = text.find('\n', p);
        if (nl == std::string_view::npos) return segments;
        p = nl + 1;
    } else if (text[p] == '"' || text[p] == '\'') {
        ++p;
    }
    Pos first_pos;
    int line_number = 0;
    std::size_t cursor = 0;
    auto is_separator = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    // Lines are read only as far as the value reaches: a scalar on a long line (one item of a
    // flow list of thousands) costs its own length, never the rest of the line.
    while (p < text.size()) {
        while (cursor < value.size() && is_separator(value[cursor])) ++cursor;
        if (cursor >= value.size()) break;
        std::size_t content = p;
        while (content < text.size() && is_blank(text[content])) ++content;
        if (line_number == 0) first_pos = lines.position_of_offset(content);
        if (content < text.size() && text[content] != '\n') {
            std::size_t match = 0;
            while (content + match < text.size() && text[content + match] != '\n' && cursor + match < value.size() &&
                   text[content + match] == value[cursor + match]) {
                ++match;
            }
            if (match == 0) break;
            Pos pos = line_number == 0 ? first_pos
                                       : Pos{first_pos.line + line_number, static_cast<int>(content - p) + 1};
            segments.push_back({cursor, match, pos});
            cursor += match;
            if (cursor >= value.size()) break;
            // The value goes on: on the next line, unless this one holds more than blanks (an escape).
            std::size_t rest = content + match;
            while (rest < text.size() && is_blank(text[rest])) ++rest;
            if (rest < text.size() && text[rest] != '\n') break;
            content = rest;
        }
        if (content >= text.size()) break;
        p = content + 1;  // past the line break
        ++line_number;
    }
    return segments;
}

Pos position_in_scalar(const Node& node, std::size_t offset) {
    const auto& segs = node.segments;
    auto after = std::upper_bound(segs.begin(), segs.end(), offset,
                                  [](std::size_t value, const Segment& s) { return value < s.value_offset; });
    if (after == segs.begin()) return segs.empty() ? node.pos : segs.front().pos;
    const Segment& seg = *(after - 1);
    if (offset >= seg.value_offset + seg.length) return after == segs.end() ? node.pos : after->pos;
    int column = seg.pos.column;
    for (std::size_t i = seg.value_offset; i < offset && i < node.value.size(); ++i) {
        if ((static_cast<unsigned char>(node.value[i]) & 0xC0) != 0x80) ++column;
    }
    return {seg.pos.line, column};
}

}  // namespace itucollab::yaml
