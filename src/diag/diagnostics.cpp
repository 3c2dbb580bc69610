// Diagnostic collection, stable ordering, compiler-style rendering and "did you mean" matching.
#include <itucollab/diagnostics.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace itucollab {

void Diagnostics::error(std::string code, SourceLoc loc, std::string message) {
    add({Severity::error, std::move(code), std::move(loc), std::move(message), {}, {}});
}

void Diagnostics::error(std::string code, SourceLoc loc, std::string message, std::vector<DiagnosticNote> notes) {
    add({Severity::error, std::move(code), std::move(loc), std::move(message), {}, std::move(notes)});
}

void Diagnostics::warning(std::string code, SourceLoc loc, std::string message, std::string subject) {
    add({Severity::warning, std::move(code), std::move(loc), std::move(message), std::move(subject), {}});
}

// The length of the well-formed UTF-8 sequence at the start of `s` (1-4), 0 when it is not one.
static std::size_t utf8_sequence_length(std::string_view s) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(0);
    if (c < 0x80) return 1;
    std::size_t len = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return 0;
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    if ((c == 0xE0 && byte(1) < 0xA0) || (c == 0xED && byte(1) >= 0xA0) || (c == 0xF0 && byte(1) < 0x90) ||
        (c == 0xF4 && byte(1) >= 0x90)) {
        return 0;
    }
    return len;
}

// C0 controls, DEL and the C1 controls U+0080..U+009F (C2 80..C2 9F in UTF-8).
static bool is_control_sequence(std::string_view s, std::size_t len) {
    auto c = static_cast<unsigned char>(s[0]);
    if (len == 1) return c < 0x20 || c == 0x7F;
    return len == 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) < 0xA0;
}

// `text` with controls and malformed bytes shown as \xNN, cut to `max_bytes` on a character boundary.
static std::string escaped_for_terminal(std::string_view text, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < max_bytes) {
        std::size_t len = utf8_sequence_length(text.substr(i));
        if (len == 0 || is_control_sequence(text.substr(i), len)) {
            for (std::size_t k = 0; k < std::max<std::size_t>(len, 1); ++k) {
                out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + k]));
            }
            i += std::max<std::size_t>(len, 1);
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    if (i < text.size()) out += "…";
    return out;
}

std::string terminal_safe(std::string_view text) { return escaped_for_terminal(text, std::string_view::npos); }

static std::string printable_message(std::string_view message, std::size_t max_bytes = 500) {
    return escaped_for_terminal(message, max_bytes);
}

void Diagnostics::add(Diagnostic d) {
    if (limit_ > 0 && items_.size() >= limit_) {
        if (!truncated_) {
            truncated_ = true;
            items_.push_back({Severity::error, "too-many-diagnostics", {d.loc.file, 0, 0},
                              fmt::format("more than {} diagnostics; the rest are not reported", limit_), {}, {}});
        }
        return;
    }
    d.message = printable_message(d.message);
    for (auto& note : d.notes) note.message = printable_message(note.message);
    items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.loc.file, a.loc.line, a.loc.column, a.code) <
               std::tie(b.loc.file, b.loc.line, b.loc.column, b.code);
    });
}

std::string_view SourceTexts::add(std::string path, std::string text) {
    File file{std::move(path), std::move(text), {0}};
    const std::string& t = file.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) file.line_starts.push_back(i + 1);
    }
    files_.push_back(std::move(file));
    return files_.back().text;
}

std::string_view SourceTexts::line(std::string_view path, int line) const {
    for (const auto& file : files_) {
        if (file.path != path) continue;
        if (line < 1 || static_cast<std::size_t>(line) > file.line_starts.size()) return {};
        std::size_t start = file.line_starts[static_cast<std::size_t>(line) - 1];
        std::size_t end = static_cast<std::size_t>(line) < file.line_starts.size()
                              ? file.line_starts[static_cast<std::size_t>(line)]
                              : file.text.size();
        std::string_view result(file.text.data() + start, end - start);
        if (!result.empty() && result.back() == '\n') result.remove_suffix(1);
        if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
        return result;
    }
    return {};
}

// No C0 control but tab, no DEL and no C1 control (U+0080-U+009F, C2 80-C2 9F: CSI, NEL…).
static bool printable_line(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if ((u < 0x20 && u != '\t') || u == 0x7F) return false;
        if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return false;
    }
    return true;
}

std::string valid_utf8_or_replacement(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = utf8_sequence_length(text.substr(i));
        if (len > 0) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

// The source line at `loc` and a caret under its column, indented by two spaces; empty when the
// line is unknown, too long or not printable.
static std::string quoted_line(const SourceLoc& loc, const SourceTexts& sources, bool colour) {
    std::string_view raw = loc.line > 0 ? sources.line(loc.file, loc.line) : std::string_view{};
    std::string line = raw.size() <= 400 ? valid_utf8_or_replacement(raw) : std::string();  // long lines: never copied
    if (line.empty() || line.size() > 400 || !printable_line(line)) return {};
    std::string out = fmt::format("  {}\n  ", line);
    // The caret goes under the column'th character; tabs are kept so it lines up.
    int col = 1;
    for (std::size_t i = 0; i < line.size() && col < loc.column; ++i) {
        auto u = static_cast<unsigned char>(line[i]);
        if ((u & 0xC0) == 0x80) continue;
        out.push_back(line[i] == '\t' ? '\t' : ' ');
        ++col;
    }
    out += colour ? "\x1b[1;32m^\x1b[0m\n" : "^\n";
    return out;
}

static std::string where(const SourceLoc& loc) {
    std::string out = terminal_safe(display_path(loc.file));
    if (loc.line > 0) out += fmt::format(":{}:{}", loc.line, loc.column);
    return out;
}

std::string format_human(const Diagnostic& d, const SourceTexts& sources, bool colour) {
    const char* sev = d.severity == Severity::error ? "error" : "warning";
    std::string out;
    if (colour) {
        const char* sev_colour = d.severity == Severity::error ? "\x1b[1;31m" : "\x1b[1;35m";
        out = fmt::format("\x1b[1m{}:\x1b[0m {}{}:\x1b[0m \x1b[1m{}\x1b[0m [{}]\n", where(d.loc), sev_colour, sev,
                          d.message, d.code);
    } else {
        out = fmt::format("{}: {}: {} [{}]\n", where(d.loc), sev, d.message, d.code);
    }
    out += quoted_line(d.loc, sources, colour);
    for (const auto& note : d.notes) {
        out += colour ? fmt::format("\x1b[1m{}:\x1b[0m \x1b[1;36mnote:\x1b[0m {}\n", where(note.loc), note.message)
                      : fmt::format("{}: note: {}\n", where(note.loc), note.message);
        out += quoted_line(note.loc, sources, colour);
    }
    return out;
}

// Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps) in three
// rolling rows that the caller lends, so a search over many candidates allocates once.
static std::size_t edit_distance(std::string_view a, std::string_view b, std::vector<std::size_t>& rows) {
    const std::size_t width = b.size() + 1;
    rows.assign(3 * width, 0);
    std::size_t* before = rows.data();          // row i-2
    std::size_t* previous = before + width;     // row i-1
    std::size_t* current = previous + width;    // row i
    for (std::size_t j = 0; j < width; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j < width; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::size_t* recycled = before;
        before = previous;
        previous = current;
        current = recycled;
    }
    return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return {};  // keeps the quadratic distance cheap
    // A suggestion is at most a quarter of the shorter word away (and at least one edit is allowed),
    // so a candidate whose length alone differs by more can never be the answer.
    const std::size_t reach = std::max<std::size_t>(1, word.size() / 4);
    std::vector<std::size_t> rows;
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        std::size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (length_gap > reach || (!best.empty() && length_gap >= best_distance)) continue;
        std::size_t d = edit_distance(word, c, rows);
        if (best.empty() || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best.size()) / 4);
    if (best.empty() || best_distance == 0 || best_distance > allowed) return {};
    return best;
}

Suggester::Suggester(std::vector<std::string> candidates, std::size_t budget)
    : candidates_(std::move(candidates)), budget_(budget) {
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        std::size_t length = candidates_[i].size();
        if (length > 64 + 16) continue;  // farther than any word closest_match answers for
        if (by_length_.size() <= length) by_length_.resize(length + 1);
        by_length_[length].push_back(i);
    }
}

std::string Suggester::near(std::string_view word) {
    if (word.size() > 64) return {};
    std::string key(word);
    if (auto it = answers_.find(key); it != answers_.end()) return it->second;
    // closest_match's answer: the first candidate (in list order) at the smallest distance, within
    // reach. Lengths are visited by growing gap, so a whole length is skipped once it cannot win.
    const std::size_t reach = std::max<std::size_t>(1, word.size() / 4);
    std::size_t best = candidates_.size();
    std::size_t best_distance = 0;
    bool spent = false;
    for (std::size_t gap = 0; gap <= reach && !spent; ++gap) {
        if (best < candidates_.size() && gap > best_distance) break;
        for (int side : {-1, 1}) {
            if (gap == 0 && side == 1) break;
            if (side == -1 && gap > word.size()) continue;
            std::size_t length = side == -1 ? word.size() - gap : word.size() + gap;
            if (length >= by_length_.size()) continue;
            for (std::size_t i : by_length_[length]) {
                std::size_t cost = (word.size() + 1) * (length + 1);
                if (cost > budget_) {
                    spent = true;
                    break;
                }
                budget_ -= cost;
                std::size_t d = edit_distance(word, candidates_[i], rows_);
                if (best == candidates_.size() || d < best_distance || (d == best_distance && i < best)) {
                    best = i;
                    best_distance = d;
                }
            }
            if (spent) break;
        }
    }
    std::string answer;
    if (!spent && best < candidates_.size()) {
        std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), candidates_[best].size()) / 4);
        if (best_distance != 0 && best_distance <= allowed) answer = candidates_[best];
    }
    if (spent) return answer;  // not remembered: the same word costs nothing more from now on either
    answers_.emplace(std::move(key), answer);
    return answer;
}

std::string display_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(path);
    if (!p.is_absolute()) return path;
    fs::path cwd = fs::current_path(ec);
    if (ec) return path;
    fs::path rel = p.lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.generic_string();
}

}  // namespace itucollab
