// Builds the positioned YAML tree from yaml-cpp events; refuses what a report corpus never needs.
#include "yaml_tree.hpp"

#include "text_checks.hpp"
#include "yaml_positions.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <new>
#include <istream>
#include <streambuf>
#include <string_view>
#include <unordered_map>

namespace itucollab::yaml {
namespace {

// Thrown from inside the event handler to stop yaml-cpp when the file is refused.
struct Abort {};

// An input stream over text held elsewhere, so yaml-cpp reads the file without a copy of it.
class TextBuffer final : public std::streambuf {
public:
    explicit TextBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // only ever read through the get area
        setg(begin, begin, begin + text.size());
    }
};

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, const LineIndex& lines, const std::string& file, Diagnostics& diags,
                const Limits& limits)
        : text_(text), lines_(lines), file_(file), diags_(diags), limits_(limits) {}

    std::unique_ptr<Node> take() { return std::move(root_); }
    int documents() const { return documents_; }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            // yaml-cpp 0.7 answers a flow indicator no node can start with ("," "]" "}" at the top level)
            // with empty documents that consume nothing: that is a stray character, not a second document.
            std::size_t at = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : text_.size();
            if (at < text_.size() && (text_[at] == ',' || text_[at] == ']' || text_[at] == '}')) {
                fail("yaml-syntax", mark,
                     fmt::format("YAML syntax error: unexpected '{}'; quote the text if it is meant as a value",
                                 text_[at]));
            }
            fail("second-document", mark, "a corpus file holds one YAML document; remove the second '---' document");
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_anchor(mark, anchor);
        Node n;
        n.kind = Node::Kind::null;
        n.pos = pos(mark);
        attach(std::move(n), mark);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        fail("yaml-alias", mark, "YAML aliases (*name) are not allowed; cite registry entries by id instead");
    }
    void OnAnchor(const YAML::Mark& mark, const std::string&) override {
        fail("yaml-anchor", mark, "YAML anchors (&name) are not allowed; cite registry entries by id instead");
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        Node n;
        n.kind = Node::Kind::scalar;
        n.value = value;
        n.quoted = (tag == "!");
        n.pos = pos(mark);
        std::size_t at = lines_.offset(mark.line, mark.column);
        last_quote_.reset();
        if (n.quoted && at < text_.size() && (text_[at] == '"' || text_[at] == '\'')) check_quote(mark, at);
        n.segments = scalar_segments(text_, lines_, at, n.value);
        check_characters(n);
        attach(std::move(n), mark);
    }

    /// Where the parser gave up (`mark`) explained by what was left open before it: the innermost
    /// unclosed flow collection or quote, or a quoted text that swallowed the lines after it.
    /// Empty when nothing open explains it.
    std::optional<Diagnostic> unclosed_construct(const YAML::Mark& mark, const std::string& parser_message) const {
        std::size_t give_up = mark.is_null() ? text_.size() : lines_.offset(mark.line, mark.column);
        std::optional<Opening> culprit;
        const Frame* outer_flow = nullptr;
        for (const Frame& f : stack_) {
            if (f.flow) {
                outer_flow = &f;
                break;
            }
        }
        if (outer_flow) culprit = unclosed_flow(text_, outer_flow->offset, give_up);
        if (!culprit) culprit = unclosed_in_block(text_, last_event_, give_up);
        if (!culprit && last_quote_ && last_quote_->second <= give_up &&
            swallows_lines(text_, last_quote_->first, last_quote_->second)) {
            culprit = Opening{text_[last_quote_->first], last_quote_->first};
        }
        Pos stop = lines_.position_of_offset(give_up);
        if (!culprit) {
            if (!outer_flow) return std::nullopt;
            std::optional<Opening> inside = enclosing_flow(text_, outer_flow->offset, give_up);
            if (!inside) return std::nullopt;
            Pos open = lines_.position_of_offset(inside->offset);
            return Diagnostic{Severity::error, "yaml-syntax", {file_, stop.line, stop.column},
                              "YAML syntax error: " + parser_message, {},
                              {{{file_, open.line, open.column},
                                fmt::format("inside the {} opened here", inside->opener == '[' ? "list" : "mapping")}}};
        }
        Pos open = lines_.position_of_offset(culprit->offset);
        std::string what;
        if (culprit->opener == '[') {
            what = "the list opened here with '[' is never closed with ']'";
        } else if (culprit->opener == '{') {
            what = "the mapping opened here with '{' is never closed with '}'";
        } else if (std::optional<std::size_t> close = closing_quote(text_, culprit->offset)) {
            Pos end = lines_.position_of_offset(*close);
            what = fmt::format("the quoted text opened here runs on to line {}, taking in the lines between; is a "
                               "closing quote missing?", end.line);
        } else {
            what = fmt::format("the quoted text opened here has no closing {}", culprit->opener);
        }
        std::string note = give_up >= text_.size() ? "the parser reached the end of the file here"
                                                   : "the parser gave up here: " + parser_message;
        return Diagnostic{Severity::error, "yaml-syntax", {file_, open.line, open.column}, "YAML syntax error: " + what,
                          {}, {{{file_, stop.line, stop.column}, note}}};
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(mark, tag, anchor, Node::Kind::sequence, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(mark, tag, anchor, Node::Kind::mapping, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        Node* node;
        bool has_key = false;
        std::unordered_map<std::string, int> seen_keys;  // key -> line
        bool flow = false;        // written [..] or {..}
        std::size_t offset = 0;   // where it opens in the text
    };

    // yaml-cpp 0.7 takes a quoted scalar that the file ends inside as if it were closed, swallowing
    // the rest of the file; it must be refused at its opening quote. One that closes lines later
    // is remembered: if the parser then fails, the missing quote is the likely cause.
    void check_quote(const YAML::Mark& mark, std::size_t at) {
        std::optional<std::size_t> close = closing_quote(text_, at);
        if (!close) {
            Pos end = lines_.position_of_offset(text_.size());
            Pos open = pos(mark);
            diags_.error("yaml-syntax", {file_, open.line, open.column},
                         fmt::format("YAML syntax error: the quoted text opened here has no closing {}", text_[at]),
                         {{{file_, end.line, end.column}, "the text runs on to the end of the file"}});
            throw Abort{};
        }
        if (text_.substr(at, *close - at).find('\n') != std::string_view::npos) last_quote_ = std::make_pair(at, *close);
    }

    Pos pos(const YAML::Mark& mark) {
        last_event_ = lines_.offset(mark.line, mark.column);
        return lines_.position(mark.line, mark.column);
    }

    [[noreturn]] void fail(const char* code, const YAML::Mark& mark, const std::string& message) {
        Pos p = pos(mark);
        diags_.error(code, {file_, p.line, p.column}, message);
        throw Abort{};
    }
    void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) fail("yaml-anchor", mark, "YAML anchors (&name) are not allowed; cite registry entries by id instead");
    }
    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (!tag.empty() && tag != "?" && tag != "!") {
            fail("yaml-tag", mark, fmt::format("YAML tags ('{}') are not allowed", tag));
        }
    }
    // Escapes in quoted scalars ("\x01", "\uFFFE", "\uD800") can make what the byte-level checks
    // refuse; no such character may reach the model, where XML and terminals would choke on it.
    void check_characters(const Node& n) {
        const std::string& v = n.value;
        for (std::size_t i = 0; i < v.size();) {
            auto c = static_cast<unsigned char>(v[i]);
            std::size_t len = utf8_sequence_length(v, i);
            std::string problem;
            const char* code = "control-character";
            if (len == 0) {
                problem = "a character that is not valid UTF-8";
                code = "invalid-utf8";
            } else if (int control = control_character_at(v, i, len); control >= 0) {
                problem = fmt::format("control character U+{:04X}", control);
            } else if (len == 3 && c == 0xEF && static_cast<unsigned char>(v[i + 1]) == 0xBF &&
                       (static_cast<unsigned char>(v[i + 2]) & 0xFE) == 0xBE) {
                problem = "noncharacter U+FFFE or U+FFFF";
                code = "noncharacter";
            }
            if (!problem.empty()) {
                diags_.error(code, {file_, n.pos.line, n.pos.column},
                             fmt::format("the text holds {} (written as an escape); remove it", problem));
                return;
            }
            i += len;
        }
    }

    void count(const YAML::Mark& mark) {
        if (++nodes_ > limits_.max_nodes) {
            fail("too-many-nodes", mark, fmt::format("the file has more than {} YAML nodes", limits_.max_nodes));
        }
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, Node::Kind kind, bool flow) {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
            fail("nesting-too-deep", mark, fmt::format("nesting deeper than {} levels", limits_.max_depth));
        }
        Node n;
        n.kind = kind;
        n.pos = pos(mark);
        Node* placed = attach(std::move(n), mark);
        last_quote_.reset();
        stack_.push_back(Frame{placed, false, {}, flow, lines_.offset(mark.line, mark.column)});
    }
    void close() { stack_.pop_back(); }

    Node* attach(Node n, const YAML::Mark& mark) {
        count(mark);
        if (stack_.empty()) {
            root_ = std::make_unique<Node>(std::move(n));
            return root_.get();
        }
        Frame& top = stack_.back();
        if (top.node->kind == Node::Kind::sequence) {
            top.node->items.push_back(std::move(n));
            return &top.node->items.back();
        }
        if (!top.has_key) {
            if (n.kind != Node::Kind::scalar) {
                fail("yaml-complex-key", mark, "mapping keys must be plain text");
            }
            if (!n.quoted && n.value == "<<") {
                fail("yaml-merge-key", mark, "merge keys ('<<') are not allowed; write the fields out");
            }
            auto [it, inserted] = top.seen_keys.emplace(n.value, n.pos.line);
            if (!inserted) {
                diags_.error("duplicate-key", {file_, n.pos.line, n.pos.column},
                             fmt::format("duplicate key '{}' (first written on line {})", n.value, it->second));
            }
            top.node->entries.emplace_back(std::move(n), Node{});
            top.has_key = true;
            return &top.node->entries.back().first;
        }
        top.has_key = false;
        Node& slot = top.node->entries.back().second;
        slot = std::move(n);
        return &slot;
    }

    std::string_view text_;
    const LineIndex& lines_;
    const std::string& file_;
    Diagnostics& diags_;
    const Limits& limits_;
    std::unique_ptr<Node> root_;
    std::vector<Frame> stack_;
    std::size_t nodes_ = 0;
    int documents_ = 0;
    std::optional<std::pair<std::size_t, std::size_t>> last_quote_;  // the last scalar, quoted over lines
    std::size_t last_event_ = 0;  // where the latest event the parser reported starts
};

}  // namespace

std::unique_ptr<Node> parse(std::string_view text, const std::string& file, Diagnostics& diags,
                            const Limits& limits) {
    LineIndex original_lines(text);
    if (!check_encoding(text, file, original_lines, diags)) return nullptr;
    // yaml-cpp 0.7 knows LF only; CR LF and lone CR become LF, which keeps every line and column.
    bool has_cr = text.find('\r') != std::string_view::npos;
    std::string normalized = has_cr ? normalize_line_breaks(text) : std::string();
    std::string_view yaml_text = has_cr ? std::string_view(normalized) : text;
    std::optional<LineIndex> normalized_lines;
    if (has_cr) normalized_lines.emplace(yaml_text);
    const LineIndex& lines = has_cr ? *normalized_lines : original_lines;  // the same lines and columns
    TextBuffer buffer(yaml_text);
    std::istream in(&buffer);
    TreeBuilder builder(yaml_text, lines, file, diags, limits);
    try {
        YAML::Parser parser(in);
        if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
    } catch (const Abort&) {
        return nullptr;
    } catch (const YAML::DeepRecursion& e) {
        Pos p = lines.position(e.mark.line, e.mark.column);
        diags.error("nesting-too-deep", {file, p.line, p.column}, "nesting too deep");
        return nullptr;
    } catch (const YAML::Exception& e) {
        if (std::optional<Diagnostic> found = builder.unclosed_construct(e.mark, e.msg)) {
            diags.add(std::move(*found));
            return nullptr;
        }
        Pos p = e.mark.is_null() ? Pos{1, 1} : lines.position(e.mark.line, e.mark.column);
        diags.error("yaml-syntax", {file, p.line, p.column}, fmt::format("YAML syntax error: {}", e.msg));
        return nullptr;
    } catch (const std::bad_alloc&) {
        diags.error("yaml-syntax", {file, 1, 1}, "out of memory while parsing the file");
        return nullptr;
    }
    auto root = builder.take();
    if (!root) {  // an empty file is an empty document
        root = std::make_unique<Node>();
        root->pos = {1, 1};
    }
    return root;  // duplicate keys were reported but leave a usable tree
}

// position_in_scalar lives with the segments it reads (yaml_positions.cpp).

std::string describe_kind(const Node& node) {
    switch (node.kind) {
        case Node::Kind::null: return "nothing";
        case Node::Kind::scalar: return "text";
        case Node::Kind::sequence: return "a list";
        case Node::Kind::mapping: return "a mapping";
    }
    return "?";
}

}  // namespace itucollab::yaml
