// The list algorithms of the diff: fields, plain lists (edit script) and keyed lists (ids, renames, moves).
#pragma once

#include <itucollab/diff.hpp>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

namespace itucollab::diff {

/// Where a record sits: its part, id path and published place.
struct Where {
    Part part = Part::header;
    std::string location;    // "sections/intro/paragraphs/opening"
    std::string place;       // "3.1 (was 2.1), Introduction"
    std::string old_number;  // "2.1"
    std::string new_number;  // "3.1"
    bool visible = true;
    std::string record;      // the record's noun, for its fields' labels: "mechanism", "session"
};

/// One side of a value as compared (`key`, whitespace-normalised under --ignore-whitespace) and as printed.
struct Shown {
    std::string key;
    std::string text;
};

/// How a keyed list's records and their places are named.
template <class T>
struct KeyedList {
    const char* noun;                                               // "paragraph"
    std::function<std::string(const T&)> key;                       // the record's id
    std::function<std::string(const T&, bool old_side)> content;    // printed text (renames, added, removed)
    std::function<Where(const T* old_record, std::size_t old_index, const T* new_record, std::size_t new_index)> where;
    std::function<void(const T&, const T&, const Where&)> inner;    // compares two matched records
    bool renames = true;
};

/// Which records of two lists correspond: NEW's index → OLD's, and the moved ones.
struct ListMatch {
    std::vector<std::optional<std::size_t>> old_of_new;
    std::vector<bool> old_matched;
    std::vector<bool> moved;  // by NEW index
};

class Comparer {
public:
    Comparer(const Options& options, std::vector<Change>& out)
        : options_(options), out_(out), budget_{options.max_total_word_product} {}

    [[nodiscard]] bool enabled(Part p) const { return options_.only.empty() || options_.only.contains(p); }
    [[nodiscard]] const Options& options() const { return options_; }

    [[nodiscard]] std::string normal(const std::string& s) const {
        return options_.ignore_whitespace ? normalize_whitespace(s) : s;
    }

    // A field that holds one value: a "changed" change with the printed texts' word diff. The
    // compared keys decide whether it changed; the printed texts are what the reader sees.
    void field(const Where& w, const std::string& key, const std::string& label, const Shown& a, const Shown& b,
               bool visible = true) {
        if (!enabled(w.part) || normal(a.key) == normal(b.key)) return;
        Change c = base(Kind::changed, w, key);
        c.label = label;
        c.visible = w.visible && visible;
        c.old_text = a.text;
        c.new_text = b.text;
        if (normal(a.text) == normal(b.text)) {
            // The values differ but print the same (an appended text on a free-text block): the
            // change is shown as the values, and marked as not printed.
            c.visible = false;
            c.old_text = a.key;
            c.new_text = b.key;
        }
        c.words = word_diff(c.old_text, c.new_text, options_, budget_);
        out_.push_back(std::move(c));
    }

    void record(Kind kind, const Where& w, const std::string& noun, const std::string& old_text,
                const std::string& new_text) {
        if (!enabled(w.part)) return;
        Change c = base(kind, w, noun);
        c.old_text = old_text;
        c.new_text = new_text;
        out_.push_back(std::move(c));
    }

    // A list without ids (bullets, benefits, relevance blocks): an edit script over its items; a
    // removed item facing an added one is a changed item. `label(n)` names item n (1-based).
    void plain_list(const Where& w, const std::string& key, const std::function<std::string(std::size_t)>& label,
                    const std::vector<Shown>& a, const std::vector<Shown>& b) {
        if (!enabled(w.part)) return;
        std::vector<std::string> ka, kb;
        for (const auto& s : a) ka.push_back(normal(s.key));
        for (const auto& s : b) kb.push_back(normal(s.key));
        dtl::Diff<std::string> d(ka, kb);
        d.compose();
        std::vector<std::size_t> removed, added;
        std::size_t i = 0, j = 0;
        auto at = [&](std::size_t n) {
            Where item = w;
            item.location = w.location + "/" + key + "/" + std::to_string(n);
            return item;
        };
        auto flush = [&] {
            std::size_t paired = std::min(removed.size(), added.size());
            for (std::size_t k = 0; k < paired; ++k) {
                field(at(added[k] + 1), key, label(added[k] + 1), a[removed[k]], b[added[k]]);
            }
            for (std::size_t k = paired; k < removed.size(); ++k) {
                Change c = base(Kind::removed, at(removed[k] + 1), key);
                c.label = label(removed[k] + 1);
                c.old_text = a[removed[k]].text;
                out_.push_back(std::move(c));
            }
            for (std::size_t k = paired; k < added.size(); ++k) {
                Change c = base(Kind::added, at(added[k] + 1), key);
                c.label = label(added[k] + 1);
                c.new_text = b[added[k]].text;
                out_.push_back(std::move(c));
            }
            removed.clear();
            added.clear();
        };
        for (const auto& [item, info] : d.getSes().getSequence()) {
            if (info.type == dtl::SES_COMMON) {
                flush();
                ++i;
                ++j;
            } else if (info.type == dtl::SES_DELETE) {
                removed.push_back(i++);
            } else {
                added.push_back(j++);
            }
        }
        flush();
    }

    // A list of records with stable ids. A key that may repeat (a sector with two groups in one
    // section) pairs its k-th use in NEW with its k-th use in OLD, so a document never differs
    // from itself. Reported in NEW's order, each removed record where it stood in OLD.
    template <class T>
    ListMatch keyed_list(Part part, const std::vector<T>& a, const std::vector<T>& b, const KeyedList<T>& list) {
        std::map<std::string, std::vector<std::size_t>> uses_in_a;
        for (std::size_t i = 0; i < a.size(); ++i) uses_in_a[list.key(a[i])].push_back(i);
        std::map<std::string, std::size_t> uses_taken;
        ListMatch m;
        m.old_of_new.resize(b.size());
        m.old_matched.assign(a.size(), false);
        std::vector<std::optional<double>> renamed(b.size());
        for (std::size_t j = 0; j < b.size(); ++j) {
            std::string k = list.key(b[j]);
            auto it = uses_in_a.find(k);
            if (it == uses_in_a.end()) continue;
            std::size_t& taken = uses_taken[k];
            if (taken == it->second.size()) continue;
            std::size_t i = it->second[taken++];
            m.old_of_new[j] = i;
            m.old_matched[i] = true;
        }
        if (list.renames) find_renames(a, b, list.content, m, renamed);

        // Moves: matched records outside the longest common subsequence of the two orders.
        std::vector<std::size_t> order_a, order_b;
        std::vector<std::size_t> new_of_old(a.size(), b.size());
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (m.old_of_new[j]) new_of_old[*m.old_of_new[j]] = j;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (new_of_old[i] < b.size()) order_a.push_back(new_of_old[i]);
        }
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (m.old_of_new[j]) order_b.push_back(j);
        }
        m.moved.assign(b.size(), false);
        dtl::Diff<std::size_t> d(order_a, order_b);
        d.compose();
        for (const auto& [item, info] : d.getSes().getSequence()) {
            if (info.type == dtl::SES_ADD) m.moved[item] = true;
        }

        std::size_t next_old = 0;
        auto flush_removed = [&](std::size_t up_to) {
            for (; next_old < up_to; ++next_old) {
                if (m.old_matched[next_old]) continue;
                Where w = list.where(&a[next_old], next_old, nullptr, 0);
                w.part = part;
                record(Kind::removed, w, list.noun, list.content(a[next_old], true), "");
            }
        };
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (!m.old_of_new[j]) {
                Where w = list.where(nullptr, 0, &b[j], j);
                w.part = part;
                record(Kind::added, w, list.noun, "", list.content(b[j], false));
                continue;
            }
            std::size_t i = *m.old_of_new[j];
            Where w = list.where(&a[i], i, &b[j], j);
            w.part = part;
            if (!m.moved[j]) flush_removed(i);
            if (renamed[j] && enabled(part)) {
                Change c = base(Kind::renamed, w, list.noun);
                c.visible = false;
                c.old_id = list.key(a[i]);
                c.similarity = *renamed[j];
                out_.push_back(std::move(c));
            }
            if (m.moved[j] && enabled(part)) {
                Change c = base(Kind::moved, w, list.noun);
                c.from = i + 1;
                c.to = j + 1;
                out_.push_back(std::move(c));
            }
            list.inner(a[i], b[j], w);
        }
        flush_removed(a.size());
        return m;
    }

private:
    static Change base(Kind kind, const Where& w, const std::string& subject) {
        Change c;
        c.kind = kind;
        c.part = w.part;
        c.location = w.location;
        c.subject = subject;
        c.place = w.place;
        c.old_number = w.old_number;
        c.new_number = w.new_number;
        c.visible = w.visible;
        return c;
    }

    // Pairs each vanished id with the most similar new id, best pairs first, at or above the threshold.
    template <class T>
    void find_renames(const std::vector<T>& a, const std::vector<T>& b,
                      const std::function<std::string(const T&, bool)>& content, ListMatch& m,
                      std::vector<std::optional<double>>& renamed) const {
        std::vector<std::size_t> gone, fresh;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!m.old_matched[i]) gone.push_back(i);
        }
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (!m.old_of_new[j]) fresh.push_back(j);
        }
        if (gone.empty() || fresh.empty() || gone.size() * fresh.size() > 10'000) return;
        // Each record's words are counted once; comparing two costs their word counts. Past
        // max_rename_work (long records on both sides) renames are not looked for at all.
        std::vector<WordBag> gone_bags, fresh_bags;
        std::size_t gone_words = 0, fresh_words = 0;
        for (std::size_t i : gone) gone_words += gone_bags.emplace_back(content(a[i], true)).size;
        for (std::size_t j : fresh) fresh_words += fresh_bags.emplace_back(content(b[j], false)).size;
        if (fresh.size() * gone_words + gone.size() * fresh_words > options_.max_rename_work) return;
        struct Candidate {
            double score;
            std::size_t i, j;
        };
        std::vector<Candidate> candidates;
        for (std::size_t gi = 0; gi < gone.size(); ++gi) {
            for (std::size_t fj = 0; fj < fresh.size(); ++fj) {
                double s = gone_bags[gi].similarity(fresh_bags[fj]);
                if (s >= options_.rename_threshold) candidates.push_back({s, gone[gi], fresh[fj]});
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
        for (const auto& c : candidates) {
            if (m.old_matched[c.i] || m.old_of_new[c.j]) continue;
            m.old_matched[c.i] = true;
            m.old_of_new[c.j] = c.i;
            renamed[c.j] = std::round(c.score * 100) / 100;
        }
    }

    const Options& options_;
    std::vector<Change>& out_;
    WordBudget budget_;  // word pairs the run's word diffs may still compare
};

}  // namespace itucollab::diff
