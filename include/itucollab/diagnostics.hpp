// Diagnostics: source locations, severities, stable codes, and their compiler-style rendering.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace itucollab {

/// A position in a corpus file: path as given to the loader, 1-based line and column (0 = unknown).
struct SourceLoc {
    std::string file;
    int line = 0;
    int column = 0;
};

/// How bad a diagnostic is. Errors stop `build`; warnings fail `check --strict` only.
enum class Severity { error, warning };

/// A second place that explains a finding, e.g. where the YAML parser gave up.
struct DiagnosticNote {
    SourceLoc loc;
    std::string message;
};

/// One finding about the corpus, with a stable code such as `unknown-key`.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;
    SourceLoc loc;
    std::string message;
    std::string subject;  ///< id of the record the finding is about, when there is one
    std::vector<DiagnosticNote> notes;  ///< related places, printed after the finding
};

/// Collects every diagnostic of a run; never stops at the first.
class Diagnostics {
public:
    void error(std::string code, SourceLoc loc, std::string message);
    /// An error with related places (`notes`), such as where the parser gave up.
    void error(std::string code, SourceLoc loc, std::string message, std::vector<DiagnosticNote> notes);
    void warning(std::string code, SourceLoc loc, std::string message, std::string subject = {});
    /// Adds `d`, its message made safe to print: control characters shown as `\xNN`, and cut
    /// to 500 bytes. Past the limit (set_limit) one `too-many-diagnostics` error stands for the rest.
    void add(Diagnostic d);
    /// Keeps at most `max_items` diagnostics (0: no limit), so a hostile file cannot flood a run.
    void set_limit(std::size_t max_items) { limit_ = max_items; }

    /// True once the limit is reached: what is added from now on is dropped, so callers may skip
    /// costly work for a message (such as a "did you mean" search).
    [[nodiscard]] bool full() const { return limit_ > 0 && items_.size() >= limit_; }
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
    /// Orders by file, line, column, then code, so output is stable whatever the check order.
    void sort();
    /// Removes the diagnostics for which `drop` returns true.
    template <class Pred> void remove_if(Pred drop) { std::erase_if(items_, drop); }

private:
    std::vector<Diagnostic> items_;
    std::size_t limit_ = 0;
    bool truncated_ = false;
};

/// The text of the files a run read, so diagnostics can quote the offending line.
class SourceTexts {
public:
    /// Keeps `text` as `path`'s; the view returned stays valid until the next add.
    std::string_view add(std::string path, std::string text);
    /// The 1-based line of `path` without its line break (LF, CR LF or CR); empty when unknown.
    [[nodiscard]] std::string_view line(std::string_view path, int line) const;

private:
    struct File {
        std::string path;
        std::string text;
        std::vector<std::size_t> line_starts;  // byte offset of every line, so a lookup is O(1)
    };
    std::vector<File> files_;
};

/// Renders `file:line:col: severity: message [code]`, the source line and a caret under the column,
/// then each note the same way as `file:line:col: note: message`.
std::string format_human(const Diagnostic& d, const SourceTexts& sources, bool colour = false);

/// The closest candidate to `word` by edit distance, or empty when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "Did you mean" over one fixed candidate list, for many lookups: the answer is closest_match's,
/// but candidates are grouped by length, each distinct word is searched once, and the
/// edit-distance work of all lookups together is capped at `budget` cells, past which no
/// suggestion is offered. So thousands of unknown ids against thousands of known ones stay cheap.
class Suggester {
public:
    explicit Suggester(std::vector<std::string> candidates, std::size_t budget = 50'000'000);
    /// The closest candidate to `word`, or empty when none is close enough or the budget is spent.
    std::string near(std::string_view word);

private:
    std::vector<std::string> candidates_;
    std::vector<std::vector<std::size_t>> by_length_;  // length -> candidate indexes, in list order
    std::unordered_map<std::string, std::string> answers_;
    std::vector<std::size_t> rows_;
    std::size_t budget_;
};

/// `text` safe for a terminal or a CI log: C0 and C1 controls, DEL and bytes that are not
/// well-formed UTF-8 shown as `\xNN`, so a file name cannot move the cursor or forge a line.
std::string terminal_safe(std::string_view text);

/// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string valid_utf8_or_replacement(std::string_view text);

/// Makes `path` relative to the current directory when it lies below it.
std::string display_path(const std::string& path);

}  // namespace itucollab
