// Renumbering runs: matched records whose published numbers moved by the same step, told once with their cause.
#include "renumbering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

namespace itucollab::diff {
namespace {

// A numbered list's matches, as 1-based positions on each side.
struct Positions {
    std::vector<std::pair<std::size_t, std::size_t>> matched;  // (old, new), records not moved
    std::vector<std::size_t> added;                             // NEW positions
    std::vector<std::size_t> removed;                           // OLD positions
    std::vector<std::pair<std::size_t, std::size_t>> moved;     // (old, new)
};

Positions positions(const ListMatch& m) {
    Positions p;
    for (std::size_t j = 0; j < m.old_of_new.size(); ++j) {
        if (!m.old_of_new[j]) {
            p.added.push_back(j + 1);
        } else if (m.moved[j]) {
            p.moved.emplace_back(*m.old_of_new[j] + 1, j + 1);
        } else {
            p.matched.emplace_back(*m.old_of_new[j] + 1, j + 1);
        }
    }
    for (std::size_t i = 0; i < m.old_matched.size(); ++i) {
        if (!m.old_matched[i]) p.removed.push_back(i + 1);
    }
    return p;
}

std::string listed(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

using Format = std::function<std::string(std::size_t)>;

// "section 2 was inserted", "sections 2 and 5 were removed".
std::string events(const std::string& singular, const std::string& plural, const std::vector<std::string>& numbers,
                   const char* what) {
    if (numbers.empty()) return "";
    return fmt::format("{} {} {} {}", numbers.size() == 1 ? singular : plural, listed(numbers),
                       numbers.size() == 1 ? "was" : "were", what);
}

std::string range(const std::string& first, const std::string& last) {
    return first == last ? first : first + "\u2013" + last;
}

void find_runs(Part part, const std::string& singular, const std::string& plural, const Positions& p,
               const Format& old_number, const Format& new_number, std::vector<Renumbering>& out) {
    std::vector<std::pair<std::size_t, std::size_t>> matched = p.matched;
    std::sort(matched.begin(), matched.end(), [](auto& x, auto& y) { return x.second < y.second; });
    for (std::size_t k = 0; k < matched.size();) {
        auto [o, n] = matched[k];
        if (o == n) {
            ++k;
            continue;
        }
        std::size_t end = k + 1;
        while (end < matched.size() && matched[end].first == matched[end - 1].first + 1 &&
               matched[end].second == matched[end - 1].second + 1) {
            ++end;
        }
        Renumbering r;
        r.part = part;
        r.what = plural;
        r.old_first = old_number(o);
        r.old_last = old_number(matched[end - 1].first);
        r.new_first = new_number(n);
        r.new_last = new_number(matched[end - 1].second);
        std::vector<std::string> inserted, removed, moved;
        for (std::size_t a : p.added) {
            if (a < n) inserted.push_back(new_number(a));
        }
        for (std::size_t a : p.removed) {
            if (a < o) removed.push_back(old_number(a));
        }
        for (auto [mo, mn] : p.moved) {
            if (mo < o || mn < n) moved.push_back(old_number(mo));
        }
        std::vector<std::string> causes;
        for (std::string c : {events(singular, plural, inserted, "inserted"), events(singular, plural, removed, "removed"),
                              events(singular, plural, moved, "moved")}) {
            if (!c.empty()) causes.push_back(c);
        }
        r.cause = listed(causes);
        r.sentence = fmt::format("{} {} renumbered {}{}", end - k == 1 ? singular : plural, range(r.old_first, r.old_last),
                                 range(r.new_first, r.new_last), r.cause.empty() ? "" : " after " + r.cause);
        out.push_back(std::move(r));
        k = end;
    }
}

}  // namespace

void RenumberingFinder::sections(const ListMatch& m) {
    auto number = [](std::size_t n) { return std::to_string(n); };
    find_runs(Part::sections, "section", "sections", positions(m), number, number, sections_);
}

void RenumberingFinder::paragraphs(const ListMatch& m, const SectionPair& section) {
    find_runs(
        Part::sections, "paragraph", "paragraphs", positions(m),
        [&](std::size_t n) { return paragraph_number(section.old_index, n - 1); },
        [&](std::size_t n) { return paragraph_number(section.new_index, n - 1); }, paragraphs_);
}

std::vector<Renumbering> RenumberingFinder::finish(const Document& a, const Document& b, const DocumentIndex& old_index,
                                                   const DocumentIndex& new_index, const Comparer& comparer) {
    // Footnotes are numbered document-wide, in order of first reference: matched by id.
    std::map<std::string, std::size_t> old_numbers, new_numbers;
    for (const Section& s : a.sections) {
        for (const Footnote& f : s.footnotes) {
            if (int n = old_index.footnote_number(f.id.value); n > 0) old_numbers[f.id.value] = static_cast<std::size_t>(n);
        }
    }
    for (const Section& s : b.sections) {
        for (const Footnote& f : s.footnotes) {
            if (int n = new_index.footnote_number(f.id.value); n > 0) new_numbers[f.id.value] = static_cast<std::size_t>(n);
        }
    }
    Positions p;
    for (const auto& [id, n] : new_numbers) {
        auto it = old_numbers.find(id);
        if (it == old_numbers.end()) {
            p.added.push_back(n);
        } else {
            p.matched.emplace_back(it->second, n);
        }
    }
    for (const auto& [id, n] : old_numbers) {
        if (!new_numbers.contains(id)) p.removed.push_back(n);
    }
    std::vector<Renumbering> footnotes;
    auto number = [](std::size_t n) { return std::to_string(n); };
    find_runs(Part::sections, "footnote", "footnotes", p, number, number, footnotes);

    std::vector<Renumbering> out;
    for (auto* list : {&sections_, &paragraphs_, &footnotes}) {
        for (auto& r : *list) {
            if (comparer.enabled(r.part)) out.push_back(std::move(r));
        }
    }
    return out;
}

}  // namespace itucollab::diff
