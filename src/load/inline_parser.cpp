// Inline markup parser: a small, predictable CommonMark subset with no block syntax at all.
#include "inline_parser.hpp"

#include <algorithm>
#include <cctype>

namespace itucollab::load {
namespace {

bool is_escapable(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'Z') || c == '_';
}

class Parser {
public:
    Parser(std::string_view s, const InlineReporter& report) : s_(s), report_(report) {}

    std::vector<Span> run() { return parse(0, s_.size(), 0); }

private:
    static void add_text(std::vector<Span>& out, std::string_view t) {
        if (t.empty()) return;
        if (!out.empty() && out.back().kind == Span::Kind::text) {
            out.back().text.append(t);
        } else {
            out.push_back(Span{Span::Kind::text, std::string(t), {}, {}});
        }
    }

    // Finds the closing delimiter run of `n` stars for an opener at `open`, within [open, end).
    std::size_t find_closer(std::size_t from, std::size_t end, std::size_t n) const {
        for (std::size_t i = from; i + n <= end; ++i) {
            if (s_[i] == '\\') { ++i; continue; }
            if (s_.compare(i, n, std::string(n, '*')) == 0 && i > from &&
                !std::isspace(static_cast<unsigned char>(s_[i - 1])) &&
                (n == 2 || i + 1 >= end || s_[i + 1] != '*')) {
                return i;
            }
            if (n == 1 && s_[i] == '*' && i + 1 < end && s_[i + 1] == '*') ++i;  // skip strong runs
        }
        return std::string_view::npos;
    }

    std::vector<Span> parse(std::size_t begin, std::size_t end, int depth) {
        std::vector<Span> out;
        std::size_t text_start = begin;
        std::string pending;
        auto flush = [&](std::size_t upto) {
            pending.append(s_.substr(text_start, upto - text_start));
            add_text(out, pending);
            pending.clear();
        };
        for (std::size_t i = begin; i < end;) {
            char c = s_[i];
            if (c == '\\' && i + 1 < end && is_escapable(s_[i + 1])) {
                pending.append(s_.substr(text_start, i - text_start));
                pending.push_back(s_[i + 1]);
                i += 2;
                text_start = i;
                continue;
            }
            if (c == '*' && depth < 8) {
                std::size_t n = (i + 1 < end && s_[i + 1] == '*') ? 2 : 1;
                if (i + n < end && !std::isspace(static_cast<unsigned char>(s_[i + n]))) {
                    std::size_t close = find_closer(i + n, end, n);
                    if (close != std::string_view::npos) {
                        flush(i);
                        Span span{n == 2 ? Span::Kind::strong : Span::Kind::emphasis, {}, {}, {}};
                        span.children = parse(i + n, close, depth + 1);
                        out.push_back(std::move(span));
                        i = close + n;
                        text_start = i;
                        continue;
                    }
                }
                i += n;
                continue;
            }
            if (c == '[' && i + 1 < end && s_[i + 1] == '^') {
                std::size_t j = i + 2;
                while (j < end && is_id_char(s_[j])) ++j;
                if (j < end && s_[j] == ']' && j > i + 2) {
                    flush(i);
                    out.push_back(Span{Span::Kind::footnote_ref, std::string(s_.substr(i + 2, j - i - 2)), {}, {}});
                    i = j + 1;
                    text_start = i;
                    continue;
                }
            }
            if (c == '[' && depth < 8) {
                std::size_t close = matching_bracket(i, end);
                if (close != std::string_view::npos && close + 1 < end && s_[close + 1] == '(') {
                    std::size_t paren = s_.find(')', close + 2);
                    if (paren != std::string_view::npos && paren < end) {
                        std::string target(s_.substr(close + 2, paren - close - 2));
                        if (target.find_first_of(" \t\n") == std::string::npos) {
                            flush(i);
                            check_link(target);
                            out.push_back(Span{Span::Kind::link, {}, normalized_link_target(target),
                                               parse(i + 1, close, depth + 1)});
                            i = paren + 1;
                            text_start = i;
                            continue;
                        }
                    }
                }
            }
            if (c == '<') {
                std::size_t close = s_.find('>', i + 1);
                if (close != std::string_view::npos && close < end) {
                    std::string_view inside = s_.substr(i + 1, close - i - 1);
                    auto colon = inside.find(':');
                    if (colon != std::string_view::npos && colon >= 2 &&
                        inside.find_first_of(" \t\n<") == std::string_view::npos &&
                        std::all_of(inside.begin(), inside.begin() + static_cast<long>(colon), [](char ch) {
                            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '.' || ch == '-';
                        })) {
                        flush(i);
                        std::string target(inside);
                        check_link(target);
                        out.push_back(Span{Span::Kind::link, {}, normalized_link_target(target),
                                           {Span{Span::Kind::text, target, {}, {}}}});
                        i = close + 1;
                        text_start = i;
                        continue;
                    }
                }
            }
            ++i;
        }
        flush(end);
        return out;
    }

    std::size_t matching_bracket(std::size_t open, std::size_t end) const {
        int level = 0;
        for (std::size_t i = open; i < end; ++i) {
            if (s_[i] == '\\') { ++i; continue; }
            if (s_[i] == '[') ++level;
            if (s_[i] == ']' && --level == 0) return i;
        }
        return std::string_view::npos;
    }

    void check_link(const std::string& target) {
        if (target.empty()) {
            report_("empty-link", "link with an empty target");
        } else if (!allowed_link_target(target)) {
            report_("link-scheme", "link target '" + target + "' is not an http, https or mailto address");
        }
    }

    std::string_view s_;
    const InlineReporter& report_;
};

}  // namespace

std::vector<Span> parse_inlines(std::string_view source, const InlineReporter& report) {
    return Parser(source, report).run();
}

std::string normalized_link_target(std::string_view target) {
    std::string out(target);
    if (!allowed_link_target(target)) return out;
    for (char& c : out) {
        if (c == ':') break;
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool allowed_link_target(std::string_view target) {
    std::string lower;
    for (char c : target.substr(0, 8)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:");
}

}  // namespace itucollab::load
