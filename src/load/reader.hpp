// Reads positioned YAML nodes into model values, driven by the `describe` schema definitions.
#pragma once

#include "../model/describe.hpp"
#include "yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace itucollab::load {

/// What every read needs: the file being read, where to report, and the key being filled.
struct Context {
    std::string file;
    Diagnostics& diags;
    std::string key;  ///< the mapping key whose value is being read, for messages
};

SourceLoc loc_of(const Context& ctx, const yaml::Node& node);
void wrong_type(Context& ctx, const yaml::Node& node, std::string_view expected);

void read_value(const yaml::Node& node, std::string& out, Context& ctx);
void read_value(const yaml::Node& node, int& out, Context& ctx);
void read_value(const yaml::Node& node, bool& out, Context& ctx);
void read_value(const yaml::Node& node, Date& out, Context& ctx);
void read_value(const yaml::Node& node, Text& out, Context& ctx);
void read_value(const yaml::Node& node, Id& out, Context& ctx);
void read_value(const yaml::Node& node, Ref& out, Context& ctx);
void read_value(const yaml::Node& node, FileRef& out, Context& ctx);
void read_value(const yaml::Node& node, Sector& out, Context& ctx);
void read_value(const yaml::Node& node, RelevanceBlock& out, Context& ctx);
template <class T> void read_value(const yaml::Node& node, std::optional<T>& out, Context& ctx);
template <class T> void read_value(const yaml::Node& node, std::vector<T>& out, Context& ctx);
template <class T> void read_record(const yaml::Node& node, T& out, Context& ctx);
template <class T>
    requires requires(T* t) { record_name(t); }
void read_value(const yaml::Node& node, T& out, Context& ctx) {
    read_record(node, out, ctx);
}

/// Reads one mapping: each `field` call consumes a key; `finish` reports the keys nobody asked for.
class MapReader {
public:
    MapReader(const yaml::Node& map, Context& ctx, const char* record);

    template <class T> void field(std::string_view key, T& out, Need need, std::string_view /*doc*/) {
        known_.emplace_back(key);
        auto it = entries_.find(key);
        if (it == entries_.end()) {
            if (need == Need::required) missing(key);
            return;
        }
        std::string saved = std::move(ctx_.key);
        ctx_.key = std::string(key);
        read_value(it->second->second, out, ctx_);
        ctx_.key = std::move(saved);
    }
    void finish();

private:
    void missing(std::string_view key);

    const yaml::Node& node_;
    Context& ctx_;
    const char* record_;
    std::unordered_map<std::string_view, const yaml::Entry*> entries_;
    std::vector<std::string> known_;
};

template <class T> void read_record(const yaml::Node& node, T& out, Context& ctx) {
    if (node.kind != yaml::Node::Kind::mapping) {
        wrong_type(ctx, node, std::string("a mapping (") + record_name(&out) + ")");
        return;
    }
    if constexpr (requires { out.loc; }) out.loc = loc_of(ctx, node);
    MapReader reader(node, ctx, record_name(&out));
    describe(reader, out);
    reader.finish();
}

template <class T> void read_value(const yaml::Node& node, std::optional<T>& out, Context& ctx) {
    if (node.kind == yaml::Node::Kind::null) {
        out.reset();
        return;
    }
    out.emplace();
    read_value(node, *out, ctx);
}

template <class T> void read_value(const yaml::Node& node, std::vector<T>& out, Context& ctx) {
    out.clear();
    if (node.kind != yaml::Node::Kind::sequence) {
        wrong_type(ctx, node, "a list");
        return;
    }
    out.resize(node.items.size());
    for (std::size_t i = 0; i < node.items.size(); ++i) read_value(node.items[i], out[i], ctx);
}

}  // namespace itucollab::load
