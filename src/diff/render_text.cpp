// The text rendering of a diff: one line per change at its published place, [-old-]{+new+} words with
// context, the renumberings, and a summary line.
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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Byte offsets where each of the words of `s` starts, and the end of each.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(const std::string& s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i == s.size()) break;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        out.emplace_back(start, i);
    }
    return out;
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

std::string moved_between(const Change& c) {
    if (!c.old_number.empty() && !c.new_number.empty()) return fmt::format("from {} to {}", c.old_number, c.new_number);
    const char* unit = c.subject == "mechanism" ? "row" : "position";
    return fmt::format("from {} {} to {} {}", unit, c.from, unit, c.to);
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace

std::vector<WordRun> with_context(const std::vector<WordRun>& runs, std::size_t context) {
    std::vector<WordRun> out;
    const std::string ellipsis = "\u2026";
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const WordRun& r = runs[k];
        if (r.op != WordRun::Op::same) {
            out.push_back(r);
            continue;
        }
        bool before_change = k + 1 < runs.size();  // a change follows
        bool after_change = k > 0;                 // a change precedes
        auto words = word_spans(r.text);
        std::size_t keep = (before_change ? context : 0) + (after_change ? context : 0);
        if (words.size() <= keep) {
            out.push_back(r);
            continue;
        }
        // The context-th word after the change before, "…", the last context words before the next.
        std::string text;
        if (after_change && context > 0) text += r.text.substr(0, words[context - 1].second) + " ";
        text += ellipsis;
        if (before_change) text += " " + (context > 0 ? r.text.substr(words[words.size() - context].first) : "");
        out.push_back({WordRun::Op::same, text});
    }
    return out;
}

std::string describe_change(const Change& c, const TextOptions& options) {
    std::string text;
    switch (c.kind) {
        case Kind::changed:
            text = redline(options.full ? c.words : with_context(c.words, options.context), options.colour);
            break;
        case Kind::added:
            text = fmt::format("added {} \"{}\"", c.label.empty() ? c.subject : c.label,
                               options.full ? one_line(c.new_text) : excerpt(c.new_text));
            break;
        case Kind::removed:
            text = fmt::format("removed {} \"{}\"", c.label.empty() ? c.subject : c.label,
                               options.full ? one_line(c.old_text) : excerpt(c.old_text));
            break;
        case Kind::moved: text = fmt::format("moved {} {}", c.subject, moved_between(c)); break;
        case Kind::renamed:
            text = fmt::format("{} id changed from '{}' (similarity {:.2f})", c.subject, c.old_id, c.similarity);
            break;
    }
    return text;
}

std::string summary_line(const Summary& s) {
    if (s.total() == 0) return "no differences";
    return fmt::format("{} change{}: {} added, {} removed, {} changed, {} moved, {} renamed{}", s.total(),
                       s.total() == 1 ? "" : "s", s.added, s.removed, s.changed, s.moved, s.renamed,
                       s.unprinted ? fmt::format(" ({} not printed in the report)", s.unprinted) : "");
}

std::string render_text(const Result& result, const TextOptions& options) {
    std::string out;
    // What the report prints, in document order, then its renumberings, then what it never prints.
    auto lines = [&](bool visible) {
        for (const auto& c : result.changes) {
            if (c.visible != visible) continue;
            std::string where = c.place;
            // A field's label ("Frequency of meetings") follows the place.
            if (!c.label.empty() && c.kind == Kind::changed) where += ", " + c.label;
            if (options.colour) where = "\x1b[1m" + where + "\x1b[0m";
            out += where + ": " + describe_change(c, options) + "\n";
        }
    };
    lines(true);
    for (const auto& r : result.renumbered) out += capitalised(r.sentence) + "\n";
    if (result.summary().unprinted > 0) {
        out += "Not printed in the report:\n";
        lines(false);
    }
    return out + summary_line(result.summary()) + "\n";
}

}  // namespace itucollab::diff
