// Streaming JSON writer: layout and string escaping for the JSON emitter.
#include "json_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace itucollab::emit {

// Appends `s` as a JSON string literal to `out` (no temporaries: the emitter calls this for every value).
static void quote_into(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += fmt::format("\\u{:04x}", u);
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string json_quote(std::string_view s) {
    std::string out;
    quote_into(out, s);
    return out;
}

void JsonWriter::newline_indent(std::size_t depth) {
    out_ += '\n';
    out_.append(2 * depth, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) {
        if (!out_.empty()) throw std::logic_error("JsonWriter: a second top-level value");
        return;
    }
    Level& top = levels_.back();
    if (top.object) throw std::logic_error("JsonWriter: an object member without a key");
    if (!top.empty) out_ += ',';
    newline_indent(levels_.size());
    top.empty = false;
}

void JsonWriter::key(std::string_view name) {
    if (levels_.empty() || !levels_.back().object || after_key_) throw std::logic_error("JsonWriter: misplaced key");
    Level& top = levels_.back();
    if (!top.empty) out_ += ',';
    newline_indent(levels_.size());
    quote_into(out_, name);
    out_ += ": ";
    top.empty = false;
    after_key_ = true;
}

void JsonWriter::open(char bracket, bool object) {
    before_value();
    out_ += bracket;
    levels_.push_back({object});
}

void JsonWriter::close(char bracket) {
    if (levels_.empty() || after_key_) throw std::logic_error("JsonWriter: unbalanced close");
    bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) newline_indent(levels_.size());
    out_ += bracket;
}

void JsonWriter::begin_object() { open('{', true); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('[', false); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::string(std::string_view s) {
    before_value();
    quote_into(out_, s);
}

void JsonWriter::number(long long n) {
    before_value();
    out_ += std::to_string(n);
}

void JsonWriter::number_literal(std::string_view literal) {
    before_value();
    out_ += literal;
}

void JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

std::string JsonWriter::finish() {
    if (!levels_.empty() || after_key_) throw std::logic_error("JsonWriter: unfinished document");
    out_ += '\n';
    return std::move(out_);
}

}  // namespace itucollab::emit
