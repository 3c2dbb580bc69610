// A small YAML tree with source positions, built from yaml-cpp parser events under strict limits.
#pragma once

#include <itucollab/diagnostics.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::yaml {

/// A 1-based position inside one file.
struct Pos {
    int line = 0;
    int column = 0;
};

struct Entry;

/// A run of a scalar's value copied verbatim from the source: where in the value, how long, and
/// where in the file it starts.
struct Segment {
    std::size_t value_offset = 0;
    std::size_t length = 0;
    Pos pos;
};

/// A YAML node: null, scalar, sequence or mapping, with where it starts.
struct Node {
    enum class Kind { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    std::string value;  ///< scalar text
    bool quoted = false;  ///< the scalar was written quoted or as a block (never a YAML null/bool/number)
    Pos pos;
    std::vector<Segment> segments;  ///< scalar text: where each run of the value was written
    std::vector<Node> items;                     ///< sequence items
    std::vector<Entry> entries;  ///< mapping entries: key (always a scalar), value
};

/// One mapping entry (a named struct, not std::pair, which may not hold the incomplete Node).
struct Entry {
    Node first;   ///< the key, always a scalar
    Node second;  ///< the value
    Entry(Node key, Node value) : first(std::move(key)), second(std::move(value)) {}
};

/// Limits that keep a hostile file from exhausting memory, stack or time.
struct Limits {
    int max_depth = 64;
    std::size_t max_nodes = 1'000'000;
};

/// Parses one file's text into a tree. Reports syntax errors, anchors and aliases, tags,
/// duplicate keys, non-scalar keys, a second document and excessive nesting to `diags`
/// with `file`'s positions; returns nullptr when the tree cannot be used.
std::unique_ptr<Node> parse(std::string_view text, const std::string& file, Diagnostics& diags,
                            const Limits& limits = {});

/// Where the byte at `offset` of a scalar's value was written: exact inside its segments, else
/// the node's own position.
Pos position_in_scalar(const Node& node, std::size_t offset);

/// "a mapping", "a sequence", "text", "nothing" — for "expected X, found Y" messages.
std::string describe_kind(const Node& node);

}  // namespace itucollab::yaml
