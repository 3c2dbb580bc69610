// Private helpers of the HTML emitter: escaping, unique element ids and inline spans as HTML.
#pragma once

#include <itucollab/model.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::emit::html {

/// Escapes `&`, `<` and `>` for element content.
std::string escape_text(std::string_view text);

/// Escapes `&`, `<`, `>`, `"` and `'` for a double-quoted attribute value.
std::string escape_attribute(std::string_view text);

/// True for the link targets the HTML may carry: what present::keeps_link keeps, except in-document
/// "#anchors", with no blanks and something after the scheme.
bool is_safe_href(std::string_view target);

/// Hands out element ids that are unique within one page: data-derived parts are reduced to
/// [a-z0-9_-], prefixed, and suffixed "-2", "-3" … when already taken.
class IdRegistry {
public:
    std::string claim(std::string_view prefix, std::string_view raw);

private:
    std::set<std::string> used_;
    std::map<std::string, int, std::less<>> next_suffix_;  // base -> the suffix to try first next time
};

/// Splits spans at the '\n' characters of their text, repeating enclosing emphasis or links, so
/// each returned line can become its own paragraph.
std::vector<std::vector<Span>> split_lines(const std::vector<Span>& spans);

/// Renders inline spans to HTML. Footnote references become superscript links to "fn-N" and
/// are reported to `on_footnote` (id, number) so the caller can list the notes.
class InlineRenderer {
public:
    InlineRenderer(const DocumentIndex& index, IdRegistry& ids) : index_(index), ids_(ids) {}

    std::string render(const std::vector<Span>& spans);

    /// Footnote ids referenced so far, in order of first reference, not yet taken by take_pending().
    std::vector<std::string> take_pending();

    /// The id of the first reference to footnote `id` ("fnref-N"), for the back link.
    [[nodiscard]] std::string first_ref_anchor(const std::string& id) const;

    /// Tags each footnote reference with `data-itc-note="<key(id)>"` (a redline's keyed rendering).
    void tag_notes(std::function<std::string(const std::string&)> key) { note_key_ = std::move(key); }

private:
    void render_into(const std::vector<Span>& spans, std::string& out);

    const DocumentIndex& index_;
    IdRegistry& ids_;
    std::set<std::string> referenced_;
    std::vector<std::string> pending_;
    std::function<std::string(const std::string&)> note_key_;
};

/// What a redline needs from the HTML emitter: `data-itc-key` (and `data-itc-move`) on blocks,
/// `data-itc-number` on printed numbers, `data-itc-note` on footnote references. OLD's renamed
/// records ("section:old" → "new") are keyed by NEW's id.
struct HtmlKeys {
    std::map<std::string, std::string> renamed;
};

}  // namespace itucollab::emit::html
