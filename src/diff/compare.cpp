// The model-level diff: header fields, keyed record lists (added, removed, renamed, moved), texts.
#include <itucollab/diff.hpp>

#include <dtl/dtl.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

namespace itucollab::diff {
namespace {

std::string cell_text(const Cell& c) { return c ? c->source : "~"; }

std::string block_text(const RelevanceBlock& b) {
    std::string s = b.text ? b.text->source : "";
    if (b.cite) {
        s += "[cite " + b.cite->id + "]";
        if (!b.show_title) s += " (label only)";
    }
    if (b.append) s += *b.append;
    return s;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
    return out;
}

std::vector<std::string> sources(const std::vector<Text>& texts) {
    std::vector<std::string> out;
    for (const auto& t : texts) out.push_back(t.source);
    return out;
}

// Pairs of old and new indexes of records that correspond, with the rename similarity if renamed.
struct Match {
    std::size_t old_index;
    std::size_t new_index;
    std::optional<double> renamed;
};

class Comparer {
public:
    Comparer(const Options& options, std::vector<Change>& out)
        : options_(options), out_(out), budget_{options.max_total_word_product} {}

    [[nodiscard]] bool enabled(Part p) const { return options_.only.empty() || options_.only.contains(p); }

    [[nodiscard]] bool same(const std::string& a, const std::string& b) const {
        return options_.ignore_whitespace ? normalize_whitespace(a) == normalize_whitespace(b) : a == b;
    }

    // A field that holds one value: reported as "changed NAME" with its word diff.
    void field(Part part, const std::string& location, const std::string& name, const std::string& a,
               const std::string& b) {
        if (!enabled(part) || same(a, b)) return;
        Change c;
        c.kind = Kind::changed;
        c.part = part;
        c.location = location;
        c.subject = name;
        c.old_text = a;
        c.new_text = b;
        c.words = word_diff(a, b, options_, budget_);
        out_.push_back(std::move(c));
    }

    void record_change(Kind kind, Part part, const std::string& location, const std::string& noun,
                       const std::string& old_text, const std::string& new_text) {
        if (!enabled(part)) return;
        Change c;
        c.kind = kind;
        c.part = part;
        c.location = location;
        c.subject = noun;
        c.old_text = old_text;
        c.new_text = new_text;
        out_.push_back(std::move(c));
    }

    // A list without ids (bullets, benefits, relevance blocks): an edit script over its items;
    // a removed item facing an added one is a changed item.
    void plain_list(Part part, const std::string& base, const std::string& noun, const std::vector<std::string>& a,
                    const std::vector<std::string>& b) {
        if (!enabled(part)) return;
        std::vector<std::string> ka, kb;
        for (const auto& s : a) ka.push_back(options_.ignore_whitespace ? normalize_whitespace(s) : s);
        for (const auto& s : b) kb.push_back(options_.ignore_whitespace ? normalize_whitespace(s) : s);
        dtl::Diff<std::string> d(ka, kb);
        d.compose();
        std::vector<std::size_t> removed, added;
        std::size_t i = 0, j = 0;
        auto flush = [&] {
            std::size_t paired = std::min(removed.size(), added.size());
            for (std::size_t k = 0; k < paired; ++k) {
                field(part, fmt::format("{}/{}", base, added[k] + 1), noun, a[removed[k]], b[added[k]]);
            }
            for (std::size_t k = paired; k < removed.size(); ++k) {
                record_change(Kind::removed, part, fmt::format("{}/{}", base, removed[k] + 1), noun, a[removed[k]], "");
            }
            for (std::size_t k = paired; k < added.size(); ++k) {
                record_change(Kind::added, part, fmt::format("{}/{}", base, added[k] + 1), noun, "", b[added[k]]);
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

    // A list of records with stable ids. `key` gives a record's id, `content` its text (for
    // renames and for added/removed records), `inner` compares two matched records. A key that
    // may repeat (a sector with two groups in one section) pairs its k-th use in NEW with its
    // k-th use in OLD, so a document never differs from itself.
    template <class T>
    void keyed_list(Part part, const std::string& base, const std::string& noun, const std::vector<T>& a,
                    const std::vector<T>& b, const std::function<std::string(const T&)>& key,
                    const std::function<std::string(const T&)>& content,
                    const std::function<void(const T&, const T&, const std::string&)>& inner, bool renames = true,
                    bool id_in_location = true) {
        std::map<std::string, std::vector<std::size_t>> uses_in_a;
        for (std::size_t i = 0; i < a.size(); ++i) uses_in_a[key(a[i])].push_back(i);
        std::map<std::string, std::size_t> uses_taken;
        std::vector<std::optional<Match>> by_new(b.size());
        std::vector<bool> old_matched(a.size(), false);
        for (std::size_t j = 0; j < b.size(); ++j) {
            std::string k = key(b[j]);
            auto it = uses_in_a.find(k);
            if (it == uses_in_a.end()) continue;
            std::size_t& taken = uses_taken[k];
            if (taken == it->second.size()) continue;
            std::size_t i = it->second[taken++];
            by_new[j] = Match{i, j, std::nullopt};
            old_matched[i] = true;
        }
        if (renames) find_renames(a, b, content, old_matched, by_new);

        // Moves: matched records outside the longest common subsequence of the two orders.
        std::vector<std::string> order_a, order_b;
        std::vector<std::size_t> new_of_old(a.size(), b.size());
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (by_new[j]) new_of_old[by_new[j]->old_index] = j;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (new_of_old[i] < b.size()) order_a.push_back(std::to_string(new_of_old[i]));
        }
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (by_new[j]) order_b.push_back(std::to_string(j));
        }
        std::vector<bool> moved(b.size(), false);
        dtl::Diff<std::string> d(order_a, order_b);
        d.compose();
        for (const auto& [item, info] : d.getSes().getSequence()) {
            if (info.type == dtl::SES_ADD) moved[std::stoul(item)] = true;
        }

        // Report in NEW's order, each removed record where it stood in OLD.
        std::size_t next_old = 0;
        auto flush_removed = [&](std::size_t up_to) {
            for (; next_old < up_to; ++next_old) {
                if (!old_matched[next_old]) {
                    record_change(Kind::removed, part, id_in_location ? base + "/" + key(a[next_old]) : base, noun,
                                  content(a[next_old]), "");
                }
            }
        };
        for (std::size_t j = 0; j < b.size(); ++j) {
            std::string location = id_in_location ? base + "/" + key(b[j]) : base;
            if (!by_new[j]) {
                record_change(Kind::added, part, location, noun, "", content(b[j]));
                continue;
            }
            const Match& m = *by_new[j];
            if (!moved[j]) flush_removed(m.old_index);
            if (m.renamed && enabled(part)) {
                Change c;
                c.kind = Kind::renamed;
                c.part = part;
                c.location = location;
                c.subject = noun;
                c.old_id = key(a[m.old_index]);
                c.similarity = *m.renamed;
                out_.push_back(std::move(c));
            }
            if (moved[j] && enabled(part)) {
                Change c;
                c.kind = Kind::moved;
                c.part = part;
                c.location = location;
                c.subject = noun;
                c.from = m.old_index + 1;
                c.to = j + 1;
                out_.push_back(std::move(c));
            }
            inner(a[m.old_index], b[j], location);
        }
        flush_removed(a.size());
    }

private:
    // Pairs each vanished id with the most similar new id, best pairs first, at or above the threshold.
    template <class T>
    void find_renames(const std::vector<T>& a, const std::vector<T>& b,
                      const std::function<std::string(const T&)>& content, std::vector<bool>& old_matched,
                      std::vector<std::optional<Match>>& by_new) const {
        std::vector<std::size_t> gone, fresh;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!old_matched[i]) gone.push_back(i);
        }
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (!by_new[j]) fresh.push_back(j);
        }
        if (gone.empty() || fresh.empty() || gone.size() * fresh.size() > 10'000) return;
        // Each record's words are counted once; comparing two costs their word counts. Past
        // max_rename_work (long records on both sides) renames are not looked for at all.
        std::vector<WordBag> gone_bags, fresh_bags;
        std::size_t gone_words = 0, fresh_words = 0;
        for (std::size_t i : gone) gone_words += gone_bags.emplace_back(content(a[i])).size;
        for (std::size_t j : fresh) fresh_words += fresh_bags.emplace_back(content(b[j])).size;
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
            if (old_matched[c.i] || by_new[c.j]) continue;
            old_matched[c.i] = true;
            by_new[c.j] = Match{c.i, c.j, std::round(c.score * 100) / 100};
        }
    }

    const Options& options_;
    std::vector<Change>& out_;
    WordBudget budget_;  // word pairs the run's word diffs may still compare
};

std::string sector_key(Sector s) {
    std::string k = sector_label(s);
    for (auto& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return k;
}

std::string section_content(const Section& s) {
    std::string out = s.title;
    for (const auto& p : s.paragraphs) out += "\n" + p.text.source;
    return out;
}

std::string mechanism_content(const Mechanism& m) {
    std::string out = m.name + "\n" + cell_text(m.key_activity);
    for (const auto& b : m.relevance) out += "\n" + block_text(b);
    return out + "\n" + cell_text(m.frequency) + "\n" + cell_text(m.time_spent) + "\n" + cell_text(m.financial);
}

std::string instrument_content(const Instrument& i) {
    return fmt::format("{} {} {} {} {} {} {} {}", i.body, i.kind, i.number, i.revised ? "revised" : "", i.place,
                       i.year, i.title.value_or(""), i.label.value_or(""));
}

void compare_header(Comparer& c, const Document& a, const Document& b) {
    const Part h = Part::header;
    const std::string at = "header";
    c.field(h, at, "language", a.language, b.language);
    c.field(h, at, "symbol", a.symbol, b.symbol);
    c.field(h, at, "short_title", a.short_title, b.short_title);
    c.field(h, at, "title", a.title, b.title);
    c.field(h, at, "session.name", a.session.name, b.session.name);
    c.field(h, at, "session.venue", a.session.venue, b.session.venue);
    c.field(h, at, "session.start", iso_date(a.session.start), iso_date(b.session.start));
    c.field(h, at, "session.end", iso_date(a.session.end), iso_date(b.session.end));
    c.field(h, at, "date", iso_date(a.date), iso_date(b.date));
    c.field(h, at, "distribution", a.distribution, b.distribution);
    c.field(h, at, "origin", a.origin, b.origin);
    c.field(h, at, "summary", a.summary.source, b.summary.source);
    c.field(h, at, "action_required", a.action_required.source, b.action_required.source);
    std::function<std::string(const std::string&)> self = [](const std::string& s) { return s; };
    c.keyed_list<std::string>(
        h, "header/references", "reference", a.references, b.references, self, self,
        [](const std::string&, const std::string&, const std::string&) {}, false, false);
}

void compare_section(Comparer& c, const Section& a, const Section& b, const std::string& at) {
    c.field(Part::sections, at, "title", a.title, b.title);
    c.keyed_list<Paragraph>(
        Part::sections, at + "/paragraphs", "paragraph", a.paragraphs, b.paragraphs,
        [](const Paragraph& p) { return p.id.value; },
        [](const Paragraph& p) {
            return p.text.source + (p.bullets.empty() ? "" : "\n" + join(sources(p.bullets), "\n"));
        },
        [&c](const Paragraph& x, const Paragraph& y, const std::string& loc) {
            c.field(Part::sections, loc, "text", x.text.source, y.text.source);
            c.plain_list(Part::sections, loc + "/bullets", "bullet", sources(x.bullets), sources(y.bullets));
        });
    c.keyed_list<Footnote>(
        Part::sections, at + "/footnotes", "footnote", a.footnotes, b.footnotes,
        [](const Footnote& f) { return f.id.value; }, [](const Footnote& f) { return f.text.source; },
        [&c](const Footnote& x, const Footnote& y, const std::string& loc) {
            c.field(Part::sections, loc, "text", x.text.source, y.text.source);
        });
    c.keyed_list<InitiativeGroup>(
        Part::initiatives, at + "/initiatives", "initiative group", a.initiatives, b.initiatives,
        [](const InitiativeGroup& g) { return sector_key(g.sector); },
        [](const InitiativeGroup& g) {
            std::string out = join(sources(g.intro), "\n");
            for (const auto& item : g.items) out += "\n" + item.text.source;
            return out;
        },
        [&c](const InitiativeGroup& x, const InitiativeGroup& y, const std::string& loc) {
            c.plain_list(Part::initiatives, loc + "/intro", "intro", sources(x.intro), sources(y.intro));
            c.keyed_list<InitiativeItem>(
                Part::initiatives, loc + "/items", "initiative", x.items, y.items,
                [](const InitiativeItem& i) { return i.id.value; },
                [](const InitiativeItem& i) { return i.text.source; },
                [&c](const InitiativeItem& p, const InitiativeItem& q, const std::string& where) {
                    c.field(Part::initiatives, where, "agency", p.agency ? p.agency->id : "", q.agency ? q.agency->id : "");
                    c.field(Part::initiatives, where, "text", p.text.source, q.text.source);
                });
        },
        false);
}

void compare_mechanism(Comparer& c, const Mechanism& x, const Mechanism& y, const std::string& at) {
    const Part p = Part::annex;
    c.field(p, at, "name", x.name, y.name);
    c.field(p, at, "acronym", x.acronym.value_or(""), y.acronym.value_or(""));
    c.field(p, at, "key_activity", cell_text(x.key_activity), cell_text(y.key_activity));
    std::vector<std::string> rx, ry;
    for (const auto& b : x.relevance) rx.push_back(block_text(b));
    for (const auto& b : y.relevance) ry.push_back(block_text(b));
    c.plain_list(p, at + "/relevance", "relevance block", rx, ry);
    c.field(p, at, "frequency", cell_text(x.frequency), cell_text(y.frequency));
    c.field(p, at, "time_spent", cell_text(x.time_spent), cell_text(y.time_spent));
    c.field(p, at, "financial", cell_text(x.financial), cell_text(y.financial));
}

void compare_annex(Comparer& c, const Annex& a, const Annex& b) {
    const Part p = Part::annex;
    c.field(p, "annex", "title", a.title, b.title);
    c.field(p, "annex", "intro", a.intro.source, b.intro.source);
    c.plain_list(p, "annex/benefits", "benefit", sources(a.benefits), sources(b.benefits));
    const std::string h = "annex/headings";
    c.field(p, h, "name", a.headings.name, b.headings.name);
    c.field(p, h, "key_activity", a.headings.key_activity, b.headings.key_activity);
    c.field(p, h, "relevance", a.headings.relevance, b.headings.relevance);
    c.field(p, h, "frequency", a.headings.frequency, b.headings.frequency);
    c.field(p, h, "time_spent", a.headings.time_spent, b.headings.time_spent);
    c.field(p, h, "financial", a.headings.financial, b.headings.financial);
    c.field(p, "annex/note", "mark", a.note.mark, b.note.mark);
    c.field(p, "annex/note", "columns", join(a.note.columns, ", "), join(b.note.columns, ", "));
    c.field(p, "annex/note", "text", a.note.text.source, b.note.text.source);
    c.keyed_list<Mechanism>(
        p, "annex/mechanisms", "mechanism", a.mechanisms, b.mechanisms, [](const Mechanism& m) { return m.id.value; },
        mechanism_content,
        [&c](const Mechanism& x, const Mechanism& y, const std::string& loc) { compare_mechanism(c, x, y, loc); });
}

void compare_registries(Comparer& c, const Document& a, const Document& b) {
    const Part p = Part::registries;
    c.keyed_list<UnEntity>(
        p, "registries/un-entities", "UN entity", a.un_entities, b.un_entities,
        [](const UnEntity& e) { return e.id.value; }, [](const UnEntity& e) { return e.acronym + " " + e.name; },
        [&c](const UnEntity& x, const UnEntity& y, const std::string& loc) {
            c.field(Part::registries, loc, "acronym", x.acronym, y.acronym);
            c.field(Part::registries, loc, "name", x.name, y.name);
        });
    c.keyed_list<Instrument>(
        p, "registries/instruments", "instrument", a.instruments, b.instruments,
        [](const Instrument& i) { return i.id.value; }, instrument_content,
        [&c](const Instrument& x, const Instrument& y, const std::string& loc) {
            const Part r = Part::registries;
            c.field(r, loc, "body", x.body, y.body);
            c.field(r, loc, "kind", x.kind, y.kind);
            c.field(r, loc, "number", x.number, y.number);
            c.field(r, loc, "revised", x.revised ? "true" : "false", y.revised ? "true" : "false");
            c.field(r, loc, "place", x.place, y.place);
            c.field(r, loc, "year", std::to_string(x.year), std::to_string(y.year));
            c.field(r, loc, "title", x.title.value_or(""), y.title.value_or(""));
            c.field(r, loc, "label", x.label.value_or(""), y.label.value_or(""));
        });
}

}  // namespace

Result compare(const Document& old_doc, const Document& new_doc, const Options& options) {
    Result result;
    result.old_symbol = old_doc.symbol;
    result.new_symbol = new_doc.symbol;
    Comparer c(options, result.changes);
    compare_header(c, old_doc, new_doc);
    c.keyed_list<Section>(
        Part::sections, "sections", "section", old_doc.sections, new_doc.sections,
        [](const Section& s) { return s.id.value; }, section_content,
        [&c](const Section& x, const Section& y, const std::string& loc) { compare_section(c, x, y, loc); });
    compare_annex(c, old_doc.annex, new_doc.annex);
    compare_registries(c, old_doc, new_doc);
    return result;
}

}  // namespace itucollab::diff
