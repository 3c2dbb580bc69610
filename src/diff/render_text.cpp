// The text rendering of a diff: one line per change, [-old-]{+new+} words, a summary line.
#include <itucollab/diff.hpp>

#include <fmt/format.h>

namespace itucollab::diff {
namespace {

// One line of text: line breaks inside values are shown as "↵".
std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') {
            out += "\u21b5";
        } else {
            out += c;
        }
    }
    return out;
}

// The first line of `s`, at most `limit` bytes (not cutting a UTF-8 sequence), with "…" when shortened.
std::string excerpt(const std::string& s, std::size_t limit = 80) {
    std::string line = s.substr(0, s.find('\n'));
    if (line.size() < s.size() && line.size() <= limit) return line + "\u2026";
    if (line.size() <= limit) return line;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return line.substr(0, cut) + "\u2026";
}

std::string redline(const std::vector<WordRun>& runs, bool colour) {
    std::string out;
    for (const auto& r : runs) {
        std::string text = one_line(r.text);
        switch (r.op) {
            case WordRun::Op::same: out += text; break;
            case WordRun::Op::removed:
                out += colour ? "\x1b[31m[-" + text + "-]\x1b[0m" : "[-" + text + "-]";
                break;
            case WordRun::Op::added:
                out += colour ? "\x1b[32m{+" + text + "+}\x1b[0m" : "{+" + text + "+}";
                break;
        }
    }
    return out;
}

}  // namespace

std::string describe_change(const Change& c, bool colour) {
    switch (c.kind) {
        case Kind::changed: return fmt::format("changed {}: {}", c.subject, redline(c.words, colour));
        case Kind::added: return fmt::format("added {} \"{}\"", c.subject, excerpt(c.new_text));
        case Kind::removed: return fmt::format("removed {} \"{}\"", c.subject, excerpt(c.old_text));
        case Kind::moved: return fmt::format("moved {} from position {} to {}", c.subject, c.from, c.to);
        case Kind::renamed:
            return fmt::format("renamed {} from '{}' (similarity {:.2f})", c.subject, c.old_id, c.similarity);
    }
    return {};
}

std::string summary_line(const Summary& s) {
    if (s.total() == 0) return "no differences";
    return fmt::format("{} change{}: {} added, {} removed, {} changed, {} moved, {} renamed", s.total(),
                       s.total() == 1 ? "" : "s", s.added, s.removed, s.changed, s.moved, s.renamed);
}

std::string render_text(const Result& result, bool colour) {
    std::string out;
    for (const auto& c : result.changes) {
        std::string where = colour ? "\x1b[1m" + c.location + "\x1b[0m" : c.location;
        out += where + ": " + describe_change(c, colour) + "\n";
    }
    return out + summary_line(result.summary()) + "\n";
}

}  // namespace itucollab::diff
