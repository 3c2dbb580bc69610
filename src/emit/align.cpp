// Aligning two renderings of a report for a redline: blocks by record key and content, tokens by dtl.
#include "align.hpp"

#include <dtl/dtl.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace itucollab::emit {
namespace {

using Pair = std::pair<std::size_t, std::size_t>;

// The common elements of two id sequences, as (index in a, index in b) in order.
std::vector<Pair> common_pairs(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b,
                               std::size_t a_offset = 0, std::size_t b_offset = 0) {
    std::vector<Pair> out;
    if (a.empty() || b.empty()) return out;
    dtl::Diff<std::size_t> d(a, b);
    d.compose();
    std::size_t i = a_offset, j = b_offset;
    for (const auto& [id, info] : d.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) out.emplace_back(i++, j++);
        else if (info.type == dtl::SES_DELETE) ++i;
        else ++j;
    }
    return out;
}

class Interner {
public:
    std::size_t id(std::string_view key, std::string_view content) {
        std::string joined;
        joined.reserve(key.size() + content.size() + 1);
        joined.append(key).push_back('\0');
        joined.append(content);
        return ids_.try_emplace(std::move(joined), ids_.size()).first->second;
    }

private:
    std::unordered_map<std::string, std::size_t> ids_;
};

// "C2{+,+} {+C3 +}and" reads "C2{+, C3+} and": a common blank between two insertions (or two
// deletions) on one side changes place with an equal blank that ends the second one.
void slide_one_sided(std::vector<TokenStep>& steps, std::span<const TokenRef> a, std::span<const TokenRef> b) {
    using Op = TokenStep::Op;
    for (std::size_t k = 1; k + 1 < steps.size(); ++k) {
        TokenStep& blank = steps[k];
        Op side = steps[k - 1].op;
        if (blank.op != Op::same || !a[blank.index].space || side == Op::same || steps[k + 1].op != side) continue;
        std::size_t end = k + 1;
        while (end < steps.size() && steps[end].op == side) ++end;
        TokenStep& last = steps[end - 1];
        const TokenRef& last_token = side == Op::added ? b[last.index] : a[last.index];
        if (!last_token.space || last_token.id != a[blank.index].id) continue;
        TokenStep moved{side, side == Op::added ? blank.other : blank.index, 0};
        TokenStep kept{Op::same, side == Op::added ? blank.index : last.index, side == Op::added ? last.index : blank.other};
        steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(end - 1));
        steps[k] = moved;
        steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(end - 1), kept);
        k = end - 1;
    }
}

}  // namespace

std::vector<BlockStep> align_blocks(std::span<const BlockRef> old_blocks, std::span<const BlockRef> new_blocks) {
    const std::size_t na = old_blocks.size(), nb = new_blocks.size();
    Interner whole, keys;
    std::vector<std::size_t> a(na), b(nb);
    for (std::size_t i = 0; i < na; ++i) a[i] = whole.id(old_blocks[i].key, old_blocks[i].content);
    for (std::size_t j = 0; j < nb; ++j) b[j] = whole.id(new_blocks[j].key, new_blocks[j].content);

    // 1. Identical blocks in order; 2. in each gap between them, equal keys in order.
    std::vector<Pair> anchors = common_pairs(a, b);
    std::vector<Pair> pairs;
    std::vector<bool> changed;
    std::size_t pi = 0, pj = 0;
    auto gap = [&](std::size_t ei, std::size_t ej) {
        std::vector<std::size_t> ka, kb;
        for (std::size_t i = pi; i < ei; ++i) ka.push_back(keys.id(old_blocks[i].key, {}));
        for (std::size_t j = pj; j < ej; ++j) kb.push_back(keys.id(new_blocks[j].key, {}));
        for (const Pair& p : common_pairs(ka, kb, pi, pj)) {
            pairs.push_back(p);
            changed.push_back(true);
        }
    };
    for (const Pair& anchor : anchors) {
        gap(anchor.first, anchor.second);
        pairs.push_back(anchor);
        changed.push_back(false);
        pi = anchor.first + 1;
        pj = anchor.second + 1;
    }
    gap(na, nb);

    std::vector<bool> old_paired(na), new_paired(nb);
    for (const Pair& p : pairs) {
        old_paired[p.first] = true;
        new_paired[p.second] = true;
    }
    // 3. A record's block left on both sides moved.
    std::vector<std::size_t> move_of_old(na, 0), partner_of_old(na, no_block), move_of_new(nb, 0), partner_of_new(nb, no_block);
    std::map<std::string_view, std::vector<std::size_t>> new_left;
    for (std::size_t j = nb; j-- > 0;) {
        if (!new_paired[j] && new_blocks[j].movable) new_left[new_blocks[j].key].push_back(j);
    }
    std::size_t moves = 0;
    for (std::size_t i = 0; i < na; ++i) {
        if (old_paired[i] || !old_blocks[i].movable) continue;
        auto it = new_left.find(old_blocks[i].key);
        if (it == new_left.end() || it->second.empty()) continue;
        std::size_t j = it->second.back();
        it->second.pop_back();
        move_of_old[i] = move_of_new[j] = ++moves;
        partner_of_old[i] = j;
        partner_of_new[j] = i;
    }

    std::vector<BlockStep> steps;
    steps.reserve(na + nb);
    std::size_t i = 0, j = 0;
    auto flush = [&](std::size_t ei, std::size_t ej) {
        for (; i < ei; ++i) {
            if (old_paired[i]) continue;
            if (move_of_old[i]) steps.push_back({BlockOp::moved_from, i, partner_of_old[i], move_of_old[i]});
            else steps.push_back({BlockOp::removed, i, no_block, 0});
        }
        for (; j < ej; ++j) {
            if (new_paired[j]) continue;
            if (move_of_new[j]) steps.push_back({BlockOp::moved_to, partner_of_new[j], j, move_of_new[j]});
            else steps.push_back({BlockOp::added, no_block, j, 0});
        }
    };
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        flush(pairs[k].first, pairs[k].second);
        steps.push_back({changed[k] ? BlockOp::changed : BlockOp::same, pairs[k].first, pairs[k].second, 0});
        i = pairs[k].first + 1;
        j = pairs[k].second + 1;
    }
    flush(na, nb);
    return steps;
}

void split_words(std::string_view text, const std::function<void(std::string_view, bool)>& piece) {
    constexpr std::string_view opening = "(\"'[";
    constexpr std::string_view closing = ",.;:)!?\"']";
    auto blank = [](char c) { return c == ' ' || c == '\n'; };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = i;
        bool is_blank = blank(text[i]);
        while (end < text.size() && blank(text[end]) == is_blank) ++end;
        std::string_view run = text.substr(i, end - i);
        i = end;
        if (is_blank) {
            piece(run, true);
            continue;
        }
        std::size_t lead = 0;
        while (lead < run.size() && opening.find(run[lead]) != std::string_view::npos) piece(run.substr(lead++, 1), false);
        std::size_t tail = run.size();
        while (tail > lead && closing.find(run[tail - 1]) != std::string_view::npos) --tail;
        if (tail > lead) piece(run.substr(lead, tail - lead), false);
        for (std::size_t k = tail; k < run.size(); ++k) piece(run.substr(k, 1), false);
    }
}

std::vector<TokenStep> align_tokens(std::span<const TokenRef> a, std::span<const TokenRef> b, std::size_t max_product) {
    using Op = TokenStep::Op;
    std::vector<TokenStep> out;
    out.reserve(a.size() + b.size());
    if (a.empty() || b.empty() || a.size() * b.size() > max_product) {
        for (std::size_t i = 0; i < a.size(); ++i) out.push_back({Op::removed, i, 0});
        for (std::size_t j = 0; j < b.size(); ++j) out.push_back({Op::added, j, 0});
        return out;
    }
    std::vector<std::size_t> ia(a.size()), ib(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) ia[i] = a[i].id;
    for (std::size_t j = 0; j < b.size(); ++j) ib[j] = b[j].id;
    dtl::Diff<std::size_t> d(ia, ib);
    d.compose();

    // Removed and added tokens between two common ones are gathered; a common space between two
    // changes both sides made joins them, and spaces both sides end with return to the common text.
    std::vector<std::size_t> removed, added;
    std::optional<Pair> held_space;
    auto flush = [&] {
        std::vector<Pair> tail;
        while (!removed.empty() && !added.empty() && a[removed.back()].space && a[removed.back()].id == b[added.back()].id) {
            tail.emplace_back(removed.back(), added.back());
            removed.pop_back();
            added.pop_back();
        }
        for (std::size_t r : removed) out.push_back({Op::removed, r, 0});
        for (std::size_t s : added) out.push_back({Op::added, s, 0});
        for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back({Op::same, it->first, it->second});
        if (held_space) out.push_back({Op::same, held_space->first, held_space->second});
        removed.clear();
        added.clear();
        held_space.reset();
    };
    std::size_t i = 0, j = 0;
    for (const auto& [id, info] : d.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            if (!held_space && a[i].space && (!removed.empty() || !added.empty())) {
                held_space = Pair{i++, j++};
                continue;
            }
            flush();
            out.push_back({Op::same, i++, j++});
            continue;
        }
        if (held_space) {
            if (!removed.empty() && !added.empty()) {
                removed.push_back(held_space->first);
                added.push_back(held_space->second);
                held_space.reset();
            } else {
                flush();
            }
        }
        if (info.type == dtl::SES_DELETE) removed.push_back(i++);
        else added.push_back(j++);
    }
    flush();
    slide_one_sided(out, a, b);
    return out;
}

}  // namespace itucollab::emit
