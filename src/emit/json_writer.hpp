// Streaming JSON writer for the JSON emitter: 2-space indentation, minimal escaping, trailing newline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace itucollab::emit {

/// `s` as a JSON string literal: only '"', '\\' and control characters (as \u00XX) are escaped.
std::string json_quote(std::string_view s);

/// Writes one JSON value; the caller must balance begin_* and end_* calls.
class JsonWriter {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// The key of the next member; the next call writes its value.
    void key(std::string_view name);
    void string(std::string_view s);
    void number(long long n);
    /// A number already written as a JSON literal, e.g. "0.83".
    void number_literal(std::string_view literal);
    void boolean(bool b);
    void null();
    /// The document written so far, with a trailing newline.
    [[nodiscard]] std::string finish();

private:
    void before_value();
    void newline_indent(std::size_t depth);
    void open(char bracket, bool object);
    void close(char bracket);

    struct Level {
        bool object;
        bool empty = true;
    };
    std::vector<Level> levels_;
    bool after_key_ = false;
    std::string out_;
};

}  // namespace itucollab::emit
