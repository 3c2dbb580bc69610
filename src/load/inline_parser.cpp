// Inline markup by libcmark: each text is given to cmark as paragraphs of inline content only.
//
// cmark parses a whole document, so every paragraph of a text goes to it behind a dummy first line:
// each real line is then a continuation line, which cannot start an indented code block, an HTML
// block of kind 7 or a link reference definition; a line that would still start a block (heading,
// quote, list item, thematic break, setext underline, fence, HTML block) has that one character
// backslash-escaped, which changes nothing inline. The blanks around each line and the line breaks
// are put back from the source. Footnote references `[^id]` are replaced, before cmark runs, by
// placeholders of private-use characters that cmark leaves alone; so is the `!` of `![` (an image:
// an error), which keeps cmark away from image brackets (their handling is quadratic in libcmark 0.30.2).
#include "inline_parser.hpp"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

namespace itucollab::load {
namespace {

constexpr std::string_view dummy_line = "X";      // opens each paragraph given to cmark
constexpr std::string_view mark = "\xEE\x80\x80";  // U+E000, opens a placeholder
constexpr unsigned char digit_lead = 0xEE;         // placeholder digits: U+E100 … U+E1FF
constexpr std::size_t max_depth = 16;              // span nesting kept; deeper spans are flattened
constexpr std::size_t none = std::string_view::npos;

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The characters cmark's inline parser stops at; each may cost a node.
bool is_markup(char c) { return c != 0 && std::string_view("\n\r\\`&_*[]<!").find(c) != std::string_view::npos; }

// Length of a footnote reference `[^id]` at `i` of `s`, or 0.
std::size_t footnote_at(std::string_view s, std::size_t i) {
    if (i + 1 >= s.size() || s[i] != '[' || s[i + 1] != '^') return 0;
    std::size_t j = i + 2;
    while (j < s.size() && is_id_char(s[j])) ++j;
    return (j > i + 2 && j < s.size() && s[j] == ']') ? j + 1 - i : 0;
}

// A line (without its blanks) opening an HTML block of kinds 1-6, which may interrupt a paragraph.
bool opens_html_block(std::string_view line) {
    static constexpr std::string_view names =
        " address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div"
        " dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe"
        " legend li link main menu menuitem nav noframes ol optgroup option p param section source summary table"
        " tbody td tfoot th thead title tr track ul script pre style textarea ";
    if (line.size() < 2 || line[0] != '<') return false;
    if (line[1] == '?' || line.starts_with("<!--") || line.starts_with("<![CDATA[")) return true;
    if (line[1] == '!') return line.size() > 2 && std::isalpha(static_cast<unsigned char>(line[2]));
    std::size_t i = line[1] == '/' ? 2 : 1;
    std::size_t j = i;
    std::string name = " ";
    while (j < line.size() && std::isalnum(static_cast<unsigned char>(line[j]))) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(line[j++])));
    }
    bool ends = j == line.size() || is_blank(line[j]) || line[j] == '>' || line.substr(j).starts_with("/>");
    return ends && name.size() > 1 && names.find(name + ' ') != none;
}

// Offsets in `line` (a line without its blanks) of the characters to backslash-escape so that the
// line cannot interrupt a paragraph: none of them has a meaning inline at that place.
std::vector<std::size_t> block_escapes(std::string_view line) {
    if (line.empty()) return {};
    char c = line[0];
    auto run = [&](char ch) { return line.find_first_not_of(ch); };
    std::vector<std::size_t> all;
    if (c == '*' || c == '-' || c == '_') {  // a thematic break: every marker
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == c) all.push_back(i);
        }
        if (all.size() >= 3 && line.find_first_not_of(std::string{c, ' ', '\t'}) == none) return all;
        all.clear();
    }
    bool blank_after_1 = line.size() == 1 || is_blank(line[1]);
    if (c == '>' || ((c == '-' || c == '+' || c == '*') && blank_after_1)) return {0};
    if ((c == '=' || c == '-') && run(c) == none) return {0};  // setext underline
    if (c == '#') {
        std::size_t n = run('#');
        if (n == none || (n <= 6 && is_blank(line[n]))) return {0};
    }
    if (c == '`' || c == '~') {
        std::size_t n = std::min(run(c), line.size());
        if (n >= 3 && (c == '~' || line.find('`', n) == none)) {
            for (std::size_t i = 0; i < n; ++i) all.push_back(i);
            return all;
        }
    }
    std::size_t digits = line.find_first_not_of("0123456789");
    if (digits != none && digits >= 1 && digits <= 9 && (line[digits] == '.' || line[digits] == ')') &&
        (digits + 1 == line.size() || is_blank(line[digits + 1]))) {
        return {digits};
    }
    if (opens_html_block(line)) return {0};
    return {};
}

// Something the source holds where the text given to cmark holds a placeholder.
struct Stand {
    enum class Kind { footnote, literal, bang } kind;
    std::size_t at;      // source offset where it is inserted (bang) or that it replaces
    std::size_t length;  // source bytes replaced: `[^id]`, a private-use character, or none after `!`
    std::string text;    // the footnote id, or the private-use character
};

// One line of the source: its content without the blanks around it, and where it ends (before the break).
struct Line {
    std::size_t begin = 0, end = 0, raw_end = 0;
    bool blank() const { return begin == end; }
};

// A piece of the cmark input and the source offset it comes from, byte for byte if `verbatim`
// (else a placeholder or an escape).
struct Segment {
    std::size_t doc, src;
    bool verbatim;
};

// The cmark input for some paragraphs of the source.
struct Encoded {
    std::string doc;
    std::vector<std::size_t> line_start;   // offset in doc of each line
    std::vector<std::size_t> source_line;  // the source line of each line, or `none`
    std::vector<Segment> segments;
};

using Run = std::pair<std::size_t, std::size_t>;  // the first and last line of a paragraph

class Source {
public:
    explicit Source(std::string_view s) : s_(s) {
        split_lines();
        find_stands();
        while (width_ < 7 && (std::size_t{1} << (8 * width_)) <= stands_.size()) ++width_;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].blank()) continue;
            if (runs_.empty() || runs_.back().second + 1 != i) runs_.emplace_back(i, i);
            runs_.back().second = i;
        }
    }

    std::string_view text() const { return s_; }
    const std::vector<Line>& lines() const { return lines_; }
    const std::vector<Run>& runs() const { return runs_; }
    const std::vector<Stand>& stands() const { return stands_; }
    std::size_t width() const { return width_; }

    // The paragraphs `runs` as cmark input, separated by a blank line, each behind the dummy line
    // if `dummy`.
    Encoded encode(const std::vector<Run>& runs, bool dummy) const {
        Encoded e;
        auto add_line = [&](std::size_t source_line) {
            if (!e.line_start.empty()) e.doc += '\n';
            e.line_start.push_back(e.doc.size());
            e.source_line.push_back(source_line);
        };
        for (auto [first, last] : runs) {
            if (!e.line_start.empty()) add_line(none);
            if (dummy) {
                add_line(none);
                e.doc += dummy_line;
            }
            auto stand = std::lower_bound(stands_.begin(), stands_.end(), lines_[first].begin,
                                          [](const Stand& st, std::size_t at) { return st.at < at; });
            for (std::size_t i = first; i <= last; ++i) {
                add_line(i);
                encode_line(e, lines_[i], stand);
            }
        }
        return e;
    }

private:
    void encode_line(Encoded& e, const Line& line, std::vector<Stand>::const_iterator& stand) const {
        std::vector<std::size_t> escapes = block_escapes(s_.substr(line.begin, line.end - line.begin));
        auto escape = escapes.begin();
        for (std::size_t pos = line.begin;;) {
            std::size_t at_stand = stand != stands_.end() && stand->at < line.end ? stand->at : none;
            std::size_t at_escape = escape != escapes.end() ? line.begin + *escape : none;
            std::size_t stop = std::min({at_stand, at_escape, line.end});
            e.segments.push_back({e.doc.size(), pos, true});
            e.doc.append(s_.substr(pos, stop - pos));
            pos = stop;
            if (stop == line.end) return;
            if (stop == at_escape) {
                e.segments.push_back({e.doc.size(), stop, false});
                e.doc += '\\';
                ++escape;
            } else {
                e.segments.push_back({e.doc.size(), stand->kind == Stand::Kind::bang ? stop - 1 : stop, false});
                append_placeholder(e.doc, *stand, static_cast<std::size_t>(stand - stands_.begin()));
                pos = stop + stand->length;
                ++stand;
            }
        }
    }

    void split_lines() {
        for (std::size_t start = 0;;) {
            std::size_t stop = s_.find_first_of("\r\n", start);
            std::size_t end = stop == none ? s_.size() : stop;
            Line line{start, end, end};
            while (line.begin < line.end && is_blank(s_[line.begin])) ++line.begin;
            while (line.end > line.begin && is_blank(s_[line.end - 1])) --line.end;
            if (line.blank()) line.begin = line.end = line.raw_end;
            lines_.push_back(line);
            if (stop == none) break;
            start = stop + (s_.compare(stop, 2, "\r\n") == 0 ? 2 : 1);
        }
    }

    // Footnote references (not after a backslash), private-use characters of the placeholder
    // range, and each `!` before `[`, in source order.
    void find_stands() {
        for (const Line& line : lines_) {
            std::string_view content = s_.substr(0, line.end);
            for (std::size_t i = line.begin; i < line.end;) {
                char c = content[i];
                if (c == '\\' && i + 1 < line.end && is_ascii_punct(content[i + 1])) {
                    i += 2;
                } else if (std::size_t n = footnote_at(content, i)) {
                    stands_.push_back({Stand::Kind::footnote, i, n, std::string(content.substr(i + 2, n - 3))});
                    i += n;
                } else if (c == '!' && i + 1 < line.end && content[i + 1] == '[' && !footnote_at(content, i + 1)) {
                    stands_.push_back({Stand::Kind::bang, i + 1, 0, {}});
                    i += 1;
                } else if (static_cast<unsigned char>(c) == digit_lead && i + 2 < line.end &&
                           (static_cast<unsigned char>(content[i + 1]) & 0xF8) == 0x80) {  // U+E000 … U+E1FF
                    stands_.push_back({Stand::Kind::literal, i, 3, std::string(content.substr(i, 3))});
                    i += 3;
                } else {
                    ++i;
                }
            }
        }
    }

    // U+E000 and `width_` digits U+E100 + d; a footnote's between `{` and `}`, punctuation as `[` `]`.
    void append_placeholder(std::string& out, const Stand& stand, std::size_t index) const {
        if (stand.kind == Stand::Kind::footnote) out += '{';
        out += mark;
        for (std::size_t k = width_; k-- > 0;) {
            unsigned d = static_cast<unsigned>((index >> (8 * k)) & 0xFF);
            out += static_cast<char>(digit_lead);
            out += static_cast<char>(0x84 + (d >> 6));
            out += static_cast<char>(0x80 + (d & 0x3F));
        }
        if (stand.kind == Stand::Kind::footnote) out += '}';
    }

    std::string_view s_;
    std::vector<Line> lines_;
    std::vector<Run> runs_;
    std::vector<Stand> stands_;
    std::size_t width_ = 1;
};

// A placeholder in a literal from cmark: where it is (a footnote's with its braces) and what it stands for.
struct Found {
    std::size_t begin;
    std::size_t end;
    const Stand* stand;
};

std::optional<Found> find_placeholder(std::string_view text, const Source& source) {
    std::size_t length = mark.size() + 3 * source.width();
    for (std::size_t pos = text.find(mark); pos != none && pos + length <= text.size(); pos = text.find(mark, pos + 1)) {
        std::size_t index = 0;
        bool digits = true;
        for (std::size_t at = pos + mark.size(); digits && at < pos + length; at += 3) {
            auto b0 = static_cast<unsigned char>(text[at]);
            auto b1 = static_cast<unsigned char>(text[at + 1]);
            auto b2 = static_cast<unsigned char>(text[at + 2]);
            digits = b0 == digit_lead && b1 >= 0x84 && b1 <= 0x87 && b2 >= 0x80 && b2 <= 0xBF;
            index = (index << 8) | (std::size_t{b1 - 0x84u} << 6) | (b2 - 0x80u);
        }
        if (!digits || index >= source.stands().size()) continue;
        Found found{pos, pos + length, &source.stands()[index]};
        if (found.stand->kind == Stand::Kind::footnote) {
            if (found.begin > 0 && text[found.begin - 1] == '{') --found.begin;
            if (found.end < text.size() && text[found.end] == '}') ++found.end;
        }
        return found;
    }
    return std::nullopt;
}

using DocumentPtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

DocumentPtr parse_document(const std::string& doc) {
    return {cmark_parse_document(doc.data(), doc.size(), CMARK_OPT_VALIDATE_UTF8), &cmark_node_free};
}

bool same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Span& x, const Span& y) {
        return x.kind == y.kind && x.text == y.text && x.target == y.target && same_spans(x.children, y.children);
    });
}

void append_text(std::vector<Span>& out, std::string_view text) {
    if (text.empty()) return;
    if (out.empty() || out.back().kind != Span::Kind::text) out.push_back(Span{Span::Kind::text, {}, {}, {}});
    out.back().text.append(text);
}

// Turns one cmark paragraph into spans, putting back what the encoding took out.
class ParagraphReader {
public:
    ParagraphReader(const Source& source, const Encoded& encoded, const InlineReporterAt* report)
        : src_(source), enc_(encoded), report_(report) {}

    // Appends the spans of `paragraph` (lines `run` of the source) to `into`.
    void read(cmark_node* paragraph, Run run, bool dummy, std::vector<Span>& into) {
        into_ = &into;
        line_ = run.first;
        last_line_ = run.second;
        in_dummy_ = dummy;
        bang_ = autolink_ = false;
        frames_.assign(1, Frame{});
        kept_ = 0;
        std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(paragraph), &cmark_iter_free);
        for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            if (node == paragraph) continue;
            if (in_dummy_) {  // the dummy line: a text and the line break after it
                in_dummy_ = ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) != CMARK_NODE_SOFTBREAK;
            } else {
                ev == CMARK_EVENT_ENTER ? enter(node) : leave();
            }
        }
    }

private:
    struct Frame {
        Span span;
        std::size_t target = 0;  // the frame its children go to: itself, or below when too deep or an image
    };

    std::vector<Span>& out() {
        std::size_t target = frames_.back().target;
        return target == 0 ? *into_ : frames_[target].span.children;
    }

    void problem(const std::string& code, const std::string& message, std::size_t at) { if (report_) (*report_)(code, message, at); }

    void enter(cmark_node* node) {
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE) follow(node);
        switch (type) {
            case CMARK_NODE_TEXT: literal_text(cmark_node_get_literal(node)); break;
            case CMARK_NODE_HTML_INLINE: html(cmark_node_get_literal(node)); break;
            case CMARK_NODE_SOFTBREAK: line_break(); break;
            case CMARK_NODE_LINEBREAK:  // a backslash at the end of the line, unless blanks followed it
                if (line_ <= last_line_ && src_.lines()[line_].end != src_.lines()[line_].raw_end) plain("\\");
                line_break();
                break;
            case CMARK_NODE_CODE:
                problem("code-span", "code span (`…`): the report has no code; write the text without backticks",
                        code_offset(node));
                plain(restore(cmark_node_get_literal(node)));
                break;
            case CMARK_NODE_EMPH: open(Span::Kind::emphasis, {}, true); break;
            case CMARK_NODE_STRONG: open(Span::Kind::strong, {}, true); break;
            case CMARK_NODE_LINK: link(node); break;
            case CMARK_NODE_IMAGE:  // not produced (every `![` is split), kept for safety
                problem("inline-image", "image (![…](…)): a report text cannot show images", node_offset(node));
                open(Span::Kind::text, {}, false);
                break;
            default: break;
        }
    }

    void open(Span::Kind kind, std::string target, bool keep) {
        bang_ = false;
        keep = keep && kept_ < max_depth;
        kept_ += keep;
        frames_.push_back(Frame{Span{kind, {}, std::move(target), {}}, keep ? frames_.size() : frames_.back().target});
    }

    void leave() {
        autolink_ = bang_ = false;
        if (frames_.size() <= 1) return;
        Frame frame = std::move(frames_.back());
        frames_.pop_back();
        if (frame.target == frames_.size()) {
            --kept_;
            out().push_back(std::move(frame.span));
        }
    }

    void link(cmark_node* node) {
        std::size_t offset = node_offset(node);
        cmark_node* child = cmark_node_first_child(node);  // an autolink has one text, after a `<`
        std::size_t text_at = child && cmark_node_get_type(child) == CMARK_NODE_TEXT && !cmark_node_next(child)
                                  ? doc_offset(cmark_node_get_start_line(child), cmark_node_get_start_column(child))
                                  : none;
        autolink_ = text_at != none && text_at >= 1 && text_at <= enc_.doc.size() && enc_.doc[text_at - 1] == '<';
        if (bang_) {  // `!` + placeholder + `[`…`](…)`: an image
            problem("inline-image", "image (![…](…)): a report text cannot show images", bang_offset_);
            open(Span::Kind::text, {}, false);
            return;
        }
        std::string target = restore(cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
        if (cmark_node_get_title(node) && *cmark_node_get_title(node)) {
            problem("link-title", "link title ([…](url \"title\")): no output shows it; remove it", offset);
        }
        if (target.empty()) {
            problem("empty-link", "link with an empty target", offset);
        } else if (!allowed_link_target(target)) {
            problem("link-scheme", "link target '" + target.substr(0, 200) + "' is not an http, https or mailto address",
                    offset);
        }
        open(Span::Kind::link, normalized_link_target(target), true);
    }

    // A line break inside link syntax, a code span or a title shows nowhere: catch up with the
    // line a literal is on.
    void follow(cmark_node* node) {
        int line = cmark_node_get_start_line(node);
        if (line < 1 || static_cast<std::size_t>(line) > enc_.source_line.size()) return;
        std::size_t source_line = enc_.source_line[static_cast<std::size_t>(line) - 1];
        if (source_line != none && source_line > line_ && source_line <= last_line_) line_ = source_line;
    }

    // The gap between this line's content and the next line's: blanks, the line break, blanks.
    void line_break() {
        const auto& lines = src_.lines();
        plain(line_ < last_line_ ? src_.text().substr(lines[line_].end, lines[line_ + 1].begin - lines[line_].end) : "\n");
        if (line_ < last_line_) ++line_;
    }

    void plain(std::string_view text) {
        if (text.empty()) return;
        bang_ = false;
        append_text(out(), text);
    }

    // Text from cmark with its placeholders put back (as written, inside an autolink).
    void literal_text(std::string_view text) {
        if (autolink_) return plain(restore(text));
        while (auto found = find_placeholder(text, src_)) {
            plain(text.substr(0, found->begin));
            text.remove_prefix(found->end);
            const Stand& stand = *found->stand;
            if (stand.kind == Stand::Kind::literal) plain(stand.text);
            if (stand.kind == Stand::Kind::footnote) {
                out().push_back(Span{Span::Kind::footnote_ref, stand.text, {}, {}});
                bang_ = false;
            }
            if (stand.kind == Stand::Kind::bang && text.empty()) {
                bang_ = true;
                bang_offset_ = stand.at - 1;
            }
        }
        plain(text);
    }

    // Raw HTML stays literal text; a line break inside it is put back like any other.
    void html(std::string_view text) {
        for (std::size_t nl; (nl = text.find('\n')) != none;) {
            plain(restore(text.substr(0, nl)));
            line_break();
            text.remove_prefix(nl + 1);
        }
        plain(restore(text));
    }

    // A literal with every placeholder replaced by the source it stands for.
    std::string restore(std::string_view text) const {
        std::string out;
        while (auto found = find_placeholder(text, src_)) {
            out.append(text.substr(0, found->begin));
            text.remove_prefix(found->end);
            if (found->stand->kind == Stand::Kind::footnote) out += "[^" + found->stand->text + "]";
            if (found->stand->kind == Stand::Kind::literal) out += found->stand->text;
        }
        return out.append(text);
    }

    // The offset in the cmark input of a position cmark reports (1-based line and byte column).
    std::size_t doc_offset(int line, int column) const {
        if (line < 1 || column < 1 || static_cast<std::size_t>(line) > enc_.line_start.size()) return none;
        return enc_.line_start[static_cast<std::size_t>(line) - 1] + static_cast<std::size_t>(column) - 1;
    }

    std::size_t source_offset(std::size_t doc) const {
        auto it = std::upper_bound(enc_.segments.begin(), enc_.segments.end(), doc,
                                   [](std::size_t d, const Segment& s) { return d < s.doc; });
        if (doc == none || it == enc_.segments.begin()) return src_.lines()[line_].begin;
        --it;
        return std::min(it->verbatim ? it->src + (doc - it->doc) : it->src, src_.text().size());
    }

    // A link's `[` or `<` is just before its text; cmark's own position for a link is off after a line break.
    std::size_t node_offset(cmark_node* node) const {
        cmark_node* child = cmark_node_first_child(node);
        if (child && cmark_node_get_type(child) == CMARK_NODE_TEXT && cmark_node_get_start_column(child) > 1) {
            return source_offset(doc_offset(cmark_node_get_start_line(child), cmark_node_get_start_column(child) - 1));
        }
        return source_offset(doc_offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node)));
    }

    // cmark places a code span at its content: step back over the opening backticks.
    std::size_t code_offset(cmark_node* node) const {
        int line = cmark_node_get_start_line(node);
        std::size_t doc = doc_offset(line, cmark_node_get_start_column(node));
        if (doc == none) return source_offset(doc);
        std::size_t begin = enc_.line_start[static_cast<std::size_t>(line) - 1];
        while (doc > begin && doc <= enc_.doc.size() && enc_.doc[doc - 1] == '`') --doc;
        return source_offset(doc);
    }

    const Source& src_;
    const Encoded& enc_;
    const InlineReporterAt* report_;
    std::vector<Frame> frames_;  // the first stands for `into_`
    std::vector<Span>* into_ = nullptr;
    std::size_t kept_ = 0;  // frames above the first that keep their span
    std::size_t line_ = 0;
    std::size_t last_line_ = 0;
    bool in_dummy_ = false;
    bool autolink_ = false;  // reading the text of `<…>`
    bool bang_ = false;  // the last thing read was the placeholder after an `!` before `[`
    std::size_t bang_offset_ = 0;
};

// Would the paragraph, as a CommonMark paragraph, lose its start to a link reference definition
// (`[label]: url`)? Parse it so (without the dummy line) and compare with what was read.
bool may_start_with_definition(const Source& source, Run run) {
    const Line& line = source.lines()[run.first];
    std::string_view text = source.text().substr(line.begin, source.lines()[run.second].end - line.begin);
    return text.starts_with('[') && text.find("]:") != none;
}

bool starts_with_definition(const Source& source, Run run, const std::vector<Span>& read) {
    Encoded encoded = source.encode({run}, false);
    DocumentPtr doc = parse_document(encoded.doc);
    cmark_node* paragraph = cmark_node_first_child(doc.get());
    if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return true;
    std::vector<Span> as_commonmark;
    ParagraphReader(source, encoded, nullptr).read(paragraph, run, false, as_commonmark);
    return !same_spans(as_commonmark, read);
}

}  // namespace

std::vector<Span> parse_inlines(std::string_view source, const InlineReporterAt& report) {
    std::vector<Span> out;
    Source src(source);
    const auto& runs = src.runs();
    if (runs.empty()) {
        append_text(out, source);
        return out;
    }
    auto markup = static_cast<std::size_t>(std::count_if(source.begin(), source.end(), is_markup));
    if (markup > max_markup_characters) {
        report("too-much-markup",
               "the text holds " + std::to_string(markup) + " characters of inline markup (\\ ` & _ * [ ] < ! and "
               "line breaks), more than the limit of " + std::to_string(max_markup_characters) + ": split it",
               0);
        append_text(out, source);
        return out;
    }
    Encoded encoded = src.encode(runs, true);
    DocumentPtr doc = parse_document(encoded.doc);
    ParagraphReader reader(src, encoded, &report);
    const auto& lines = src.lines();
    append_text(out, source.substr(0, lines[runs.front().first].begin));
    cmark_node* paragraph = cmark_node_first_child(doc.get());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) {
            append_text(out, source.substr(lines[runs[r].first].begin));  // cannot happen: keep the text as written
            return out;
        }
        if (!may_start_with_definition(src, runs[r])) {
            reader.read(paragraph, runs[r], true, out);
        } else {
            std::vector<Span> spans;
            reader.read(paragraph, runs[r], true, spans);
            if (starts_with_definition(src, runs[r], spans)) {
                report("link-definition",
                       "link reference definition ([label]: url): it would vanish from the text; write the link "
                       "inline as [text](url)",
                       lines[runs[r].first].begin);
            }
            for (auto& span : spans) span.kind == Span::Kind::text ? append_text(out, span.text) : out.push_back(std::move(span));
        }
        cmark_node* read = paragraph;
        paragraph = cmark_node_next(paragraph);
        cmark_node_free(read);  // what is read is no longer needed
        std::size_t end = lines[runs[r].second].end;
        append_text(out, source.substr(end, (r + 1 < runs.size() ? lines[runs[r + 1].first].begin : source.size()) - end));
    }
    return out;
}

std::vector<Span> parse_inlines(std::string_view source, const InlineReporter& report) {
    return parse_inlines(source, InlineReporterAt([&](const std::string& code, const std::string& message, std::size_t) {
                             report(code, message);
                         }));
}

std::string normalized_link_target(std::string_view target) {
    std::string out(target);
    if (!allowed_link_target(target)) return out;
    for (char& c : out) {
        if (c == ':') break;
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace itucollab::load
