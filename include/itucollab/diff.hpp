// The semantic diff of two report models: records matched by id, word-level changes inside texts.
#pragma once

#include <itucollab/emitter.hpp>
#include <itucollab/model.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::diff {

/// The parts of a report a diff can be limited to (`--only`). `editorial` is report.yaml's
/// `accept:` and `review:` lists, which the report never prints.
enum class Part { header, sections, initiatives, annex, registries, editorial };

/// "header", "sections" …
std::string part_name(Part part);
/// The part named `name`, or false when there is none.
bool parse_part(const std::string& name, Part& out);

/// One run of a word-level diff: text both sides share, text only OLD has, text only NEW has.
struct WordRun {
    enum class Op { same, removed, added };
    Op op = Op::same;
    std::string text;
};

/// What happened to a record or a field.
enum class Kind { added, removed, changed, moved, renamed };

/// "added", "removed", "changed", "moved", "renamed".
std::string kind_name(Kind kind);

/// One difference, reported once, at one location. Texts are as the report prints them.
struct Change {
    Kind kind = Kind::changed;
    Part part = Part::header;
    std::string location;  ///< ids: "annex/mechanisms/ceb", "sections/intro/paragraphs/opening"
    std::string subject;   ///< "mechanism", "paragraph" (record-level) or the field's key ("frequency")
    /// Where the report prints it: "3.1 (was 2.1), The 2030 Agenda…", "Annex, CEB", "Header".
    std::string place;
    std::string label;       ///< the field as the report names it ("Frequency of meetings"); "" for a record
    std::string old_number;  ///< published number in OLD ("2.1", "3", footnote "4"), "" when unnumbered
    std::string new_number;  ///< published number in NEW
    bool visible = true;     ///< false: the report never prints this (ids, full names, accept: …)
    std::string old_text;    ///< changed: the old value; removed: the record's text
    std::string new_text;    ///< changed: the new value; added: the record's text
    std::vector<WordRun> words;  ///< changed text: OLD → NEW word by word
    std::string old_id;          ///< renamed: the id that disappeared
    double similarity = 0;       ///< renamed: word similarity of the two records, 0…1
    std::size_t from = 0;        ///< moved: 1-based position in OLD's list
    std::size_t to = 0;          ///< moved: 1-based position in NEW's list
};

/// Records renumbered as a consequence of other changes, reported once per run of numbers.
struct Renumbering {
    Part part = Part::sections;
    std::string what;         ///< "sections", "paragraphs", "footnotes"
    std::string old_first, old_last, new_first, new_last;  ///< published numbers
    std::string cause;        ///< "section 2 was inserted"
    std::string sentence;     ///< "sections 2–8 renumbered 3–9 after section 2 was inserted"
};

/// How to compare.
struct Options {
    bool ignore_whitespace = false;  ///< whitespace-only differences are not changes
    std::set<Part> only;             ///< empty: every part
    double rename_threshold = 0.6;   ///< minimum word similarity of a renamed record
    /// Word diffs of fields whose word counts multiply to more than this become a whole-field replace.
    std::size_t max_word_product = 4'000'000;
    /// The same bound for one whole run (compare, redline): once the fields diffed word by word
    /// add up to this many token pairs, every further changed field is a whole-field replace.
    std::size_t max_total_word_product = 40'000'000;
    /// Words compared, summed over every pair of vanished and new records of one list, above
    /// which renames in that list are not looked for (they show as removed and added).
    std::size_t max_rename_work = 20'000'000;
};

/// A text's words as a sorted multiset, for the similarity of many pairs of texts.
struct WordBag {
    explicit WordBag(const std::string& text);
    /// similarity() of the two texts, in one merge of the two sorted lists.
    [[nodiscard]] double similarity(const WordBag& other) const;
    std::vector<std::string> words;  ///< sorted
    std::size_t size = 0;            ///< words.size()
};

/// What is left of `Options::max_total_word_product` in one run; shared by its word diffs.
struct WordBudget {
    std::size_t left = 0;
};

/// Counts of changes by kind.
struct Summary {
    std::size_t added = 0, removed = 0, changed = 0, moved = 0, renamed = 0;
    std::size_t unprinted = 0;  ///< of the total, changes the report never prints
    [[nodiscard]] std::size_t total() const { return added + removed + changed + moved + renamed; }
};

/// Every difference between two documents, in document order.
struct Result {
    std::string old_symbol;
    std::string new_symbol;
    std::vector<Change> changes;
    std::vector<Renumbering> renumbered;  ///< consequences, not counted as changes
    [[nodiscard]] Summary summary() const;
};

/// Compares OLD with NEW.
Result compare(const Document& old_doc, const Document& new_doc, const Options& options = {});

/// The word-level diff of two texts, through dtl over word and whitespace tokens; a whole-field
/// replace when the texts are longer than `options.max_word_product` allows.
std::vector<WordRun> word_diff(const std::string& old_text, const std::string& new_text, const Options& options = {});
/// The same, charging the token pairs compared to `budget`: a whole-field replace when they do
/// not fit in what is left (then nothing is charged).
std::vector<WordRun> word_diff(const std::string& old_text, const std::string& new_text, const Options& options,
                               WordBudget& budget);

/// Word similarity of two texts (Dice coefficient over word multisets), 0…1.
double similarity(const std::string& a, const std::string& b);

/// Collapses whitespace runs to one space and trims both ends.
std::string normalize_whitespace(const std::string& s);

// ---- renderers (src/diff/render_*.cpp) ----

/// How the text rendering shows changes.
struct TextOptions {
    bool colour = false;      ///< ANSI colours (a terminal)
    std::size_t context = 8;  ///< words kept either side of a change in a long text ("…" for the rest)
    bool full = false;        ///< whole texts, no shortening
};

/// One change as a phrase after its place: "changed: [-Twice-]{+Once+} per year".
std::string describe_change(const Change& change, const TextOptions& options = {});
/// "3 changes: 1 added, …" or "no differences".
std::string summary_line(const Summary& summary);
/// The runs of a word diff shortened to `context` words either side of each change, "…" between.
std::vector<WordRun> with_context(const std::vector<WordRun>& runs, std::size_t context);

/// One line per change, "place, field: description", `[-old-]{+new+}` word changes, the
/// renumberings, and a summary line.
std::string render_text(const Result& result, const TextOptions& options = {});
/// The change summary of the HTML redline: counts, the changes in the report's words (with
/// `text.context`), renumberings, what `options` leaves unmarked, the changes never printed, and a
/// link to the first of `marked_places` ("#rl-1").
std::string render_html_summary(const Result& result, const Options& options, const TextOptions& text,
                                std::size_t marked_places);
/// NEW's HTML report (the `build` page) with every difference from OLD marked in place (<ins>,
/// <del>, moved blocks at both places, "(was 2.1)" by renumbered numbers), under the summary.
std::string render_html(const Result& result, const Document& old_doc, const Document& new_doc, const Options& options,
                        const EmitOptions& emit, const TextOptions& text = {});
/// Stable JSON: {"format": "itucollab-diff", "version": 2, …}: ids, published places and numbers, whole texts.
std::string render_json(const Result& result);
/// OLD's renamed records for the redlines' block keys: "section:old-id" → NEW's id.
std::map<std::string, std::string> renamed_records(const Result& result);
/// The report part a redline block belongs to, from its key ("section:intro/group:BDT/…" → initiatives).
Part part_of_block(std::string_view key);
/// Whether a redline marks the block with this key under `options.only` (empty: every block).
std::function<bool(std::string_view key)> tracked_blocks(const Options& options);
/// What a redline leaves unmarked, one sentence each: the parts outside `--only`, whitespace.
std::vector<std::string> unmarked_notes(const Options& options);
/// The change summary the Word redline carries as a comment on the title: counts, renumberings,
/// what `options` leaves unmarked, and the changes the report never prints.
std::vector<std::string> redline_summary(const Result& result, const Options& options);
/// NEW's report as a Word package (.docx bytes), built by the DOCX emitter, with every difference
/// from OLD as a tracked change by `author` dated NEW's document date: words inside paragraphs,
/// notes and cells as w:ins/w:del, whole paragraphs with their marks, annex rows as tracked rows,
/// moved paragraphs as w:moveFrom/w:moveTo. Accepting every change gives NEW, rejecting every one OLD.
std::string render_docx(const Result& result, const Document& old_doc, const Document& new_doc, const Options& options,
                        const EmitOptions& emit, const std::string& author = "itucollab");

}  // namespace itucollab::diff
