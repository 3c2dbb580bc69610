// Word-level comparison of texts: dtl over word and whitespace tokens, similarity, normalisation.
#include <itucollab/diff.hpp>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <map>

namespace itucollab::diff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool opens(char c) { return c == '(' || c == '"' || c == '\''; }
bool closes(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '!' || c == '?' || c == '"' || c == '\'';
}

// Runs of space characters and words, an opening bracket or quote before a word and the
// punctuation after it split off ("(Rev." -> "(", "Rev", "."), so "A, B" against "A and B" keeps
// "A"; concatenated they give `s` back.
std::vector<std::string> tokens(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        bool space = is_space(s[i]);
        std::size_t j = i;
        while (j < s.size() && is_space(s[j]) == space) ++j;
        if (space) {
            out.emplace_back(s, i, j - i);
            i = j;
            continue;
        }
        std::size_t start = i, end = j;
        while (start < end && opens(s[start])) out.emplace_back(1, s[start++]);
        std::size_t word_end = end;
        while (word_end > start && closes(s[word_end - 1])) --word_end;
        if (word_end > start) out.emplace_back(s, start, word_end - start);
        for (std::size_t k = word_end; k < end; ++k) out.emplace_back(1, s[k]);
        i = j;
    }
    return out;
}

// The words of `s`, split at whitespace only (punctuation stays on its word).
std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        if (j > i) out.emplace_back(s, i, j - i);
        i = j;
    }
    return out;
}

void append(std::vector<WordRun>& runs, WordRun::Op op, const std::string& text) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().op == op) {
        runs.back().text += text;
    } else {
        runs.push_back({op, text});
    }
}

}  // namespace

std::string normalize_whitespace(const std::string& s) {
    std::string out;
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

namespace {

// "C2{+,+} {+C3 +}and" reads "C2{+, C3+} and": a common blank between two insertions (or two deletions)
// changes place with the equal blank that ends the second one.
void slide_one_sided(std::vector<WordRun>& runs) {
    for (std::size_t k = 1; k + 1 < runs.size(); ++k) {
        const std::string& blank = runs[k].text;
        WordRun::Op side = runs[k - 1].op;
        bool all_blank = !blank.empty() && std::all_of(blank.begin(), blank.end(), [](char c) { return is_space(c); });
        if (runs[k].op != WordRun::Op::same || !all_blank || side == WordRun::Op::same || runs[k + 1].op != side ||
            !runs[k + 1].text.ends_with(blank) || runs[k + 1].text.size() == blank.size()) {
            continue;
        }
        runs[k - 1].text += blank + runs[k + 1].text.substr(0, runs[k + 1].text.size() - blank.size());
        runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        if (k + 1 < runs.size() && runs[k + 1].op == WordRun::Op::same) {
            runs[k].text += runs[k + 1].text;
            runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        }
    }
}

}  // namespace

std::vector<WordRun> word_diff(const std::string& old_text, const std::string& new_text, const Options& options) {
    WordBudget unlimited{static_cast<std::size_t>(-1)};
    return word_diff(old_text, new_text, options, unlimited);
}

std::vector<WordRun> word_diff(const std::string& old_text, const std::string& new_text, const Options& options,
                               WordBudget& budget) {
    std::string a_text = options.ignore_whitespace ? normalize_whitespace(old_text) : old_text;
    std::string b_text = options.ignore_whitespace ? normalize_whitespace(new_text) : new_text;
    std::vector<std::string> a = tokens(a_text);
    std::vector<std::string> b = tokens(b_text);
    std::vector<WordRun> runs;
    // Bounded cost: very long fields, and every field once the run's budget is spent, are shown
    // as one replacement instead of an expensive edit script. Either way the removed and same
    // runs give OLD back and the added and same runs give NEW.
    std::size_t pairs = a.size() * b.size();
    if (pairs > options.max_word_product || pairs > budget.left) {
        append(runs, WordRun::Op::removed, a_text);
        append(runs, WordRun::Op::added, b_text);
        return runs;
    }
    budget.left -= pairs;
    dtl::Diff<std::string> d(a, b);
    d.compose();
    // Removed and added runs between two common tokens are gathered so each change reads
    // "[-old words-]{+new words+}" rather than alternating word by word: a common space between
    // two changes joins both sides, and whitespace both sides end with goes back to the common text.
    std::string removed, added, held_space;
    auto flush = [&] {
        std::size_t keep = 0;
        while (keep < removed.size() && keep < added.size() && is_space(removed[removed.size() - 1 - keep]) &&
               removed[removed.size() - 1 - keep] == added[added.size() - 1 - keep]) {
            ++keep;
        }
        std::string tail = removed.substr(removed.size() - keep);
        append(runs, WordRun::Op::removed, removed.substr(0, removed.size() - keep));
        append(runs, WordRun::Op::added, added.substr(0, added.size() - keep));
        append(runs, WordRun::Op::same, tail);
        append(runs, WordRun::Op::same, held_space);
        removed.clear();
        added.clear();
        held_space.clear();
    };
    for (const auto& [token, info] : d.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            if (held_space.empty() && is_space(token[0]) && (!removed.empty() || !added.empty())) {
                held_space = token;
                continue;
            }
            flush();
            append(runs, WordRun::Op::same, token);
            continue;
        }
        if (!held_space.empty()) {
            // A space both sides share joins two changes only when both sides changed; otherwise
            // the first change ends there and the space stays common text (both sides keep it).
            if (!removed.empty() && !added.empty()) {
                removed += held_space;
                added += held_space;
                held_space.clear();
            } else {
                flush();
            }
        }
        (info.type == dtl::SES_DELETE ? removed : added) += token;
    }
    flush();
    slide_one_sided(runs);
    return runs;
}

double similarity(const std::string& a, const std::string& b) {
    std::vector<std::string> wa = words_of(a);
    std::vector<std::string> wb = words_of(b);
    if (wa.empty() && wb.empty()) return 1.0;
    std::map<std::string, long> counts;
    for (const auto& w : wa) ++counts[w];
    std::size_t common = 0;
    for (const auto& w : wb) {
        if (auto it = counts.find(w); it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

WordBag::WordBag(const std::string& text) : words(words_of(text)), size(words.size()) {
    std::sort(words.begin(), words.end());
}

double WordBag::similarity(const WordBag& other) const {
    if (words.empty() && other.words.empty()) return 1.0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < words.size() && j < other.words.size();) {
        int order = words[i].compare(other.words[j]);
        if (order == 0) {
            ++common;
            ++i;
            ++j;
        } else if (order < 0) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(words.size() + other.words.size());
}

std::string part_name(Part part) {
    switch (part) {
        case Part::header: return "header";
        case Part::sections: return "sections";
        case Part::initiatives: return "initiatives";
        case Part::annex: return "annex";
        case Part::registries: return "registries";
        case Part::editorial: return "editorial";
    }
    return "header";
}

bool parse_part(const std::string& name, Part& out) {
    for (Part p : {Part::header, Part::sections, Part::initiatives, Part::annex, Part::registries, Part::editorial}) {
        if (part_name(p) == name) {
            out = p;
            return true;
        }
    }
    return false;
}

std::string kind_name(Kind kind) {
    switch (kind) {
        case Kind::added: return "added";
        case Kind::removed: return "removed";
        case Kind::changed: return "changed";
        case Kind::moved: return "moved";
        case Kind::renamed: return "renamed";
    }
    return "changed";
}

Summary Result::summary() const {
    Summary s;
    for (const auto& c : changes) {
        if (!c.visible) ++s.unprinted;
        switch (c.kind) {
            case Kind::added: ++s.added; break;
            case Kind::removed: ++s.removed; break;
            case Kind::changed: ++s.changed; break;
            case Kind::moved: ++s.moved; break;
            case Kind::renamed: ++s.renamed; break;
        }
    }
    return s;
}

}  // namespace itucollab::diff
