// The per-file parse cache: a tree is reused only for byte-identical text parsed under the same limits.
#include "parse_cache.hpp"

namespace itucollab {

std::shared_ptr<const yaml::Node> ParseCache::parse(std::string_view text, const std::string& file,
                                                    Diagnostics& diags, const yaml::Limits& limits) {
    auto it = entries_.find(file);
    if (it != entries_.end() && it->second.text == text && it->second.max_depth == limits.max_depth &&
        it->second.max_nodes == limits.max_nodes) {
        ++hits_;
        it->second.used = true;
        for (const Diagnostic& d : it->second.diagnostics) diags.add(d);
        return it->second.root;
    }
    ++misses_;
    Diagnostics own;  // the parse's findings alone, kept to be replayed on a hit
    std::shared_ptr<const yaml::Node> root = yaml::parse(text, file, own, limits);
    for (const Diagnostic& d : own.all()) diags.add(d);
    Entry entry{std::string(text), limits.max_depth, limits.max_nodes, root, own.all(), true};
    entries_.insert_or_assign(file, std::move(entry));
    return root;
}

void ParseCache::sweep() {
    std::erase_if(entries_, [](const auto& item) { return !item.second.used; });
    for (auto& [file, entry] : entries_) entry.used = false;
}

std::shared_ptr<const yaml::Node> parse_file(ParseCache* cache, std::string_view text, const std::string& file,
                                             Diagnostics& diags, const yaml::Limits& limits) {
    if (cache != nullptr) return cache->parse(text, file, diags, limits);
    return yaml::parse(text, file, diags, limits);
}

}  // namespace itucollab
