// Aligning two renderings of a report for a redline: blocks by record key and content, tokens by dtl.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace itucollab::emit {

/// One block of a rendered report (a paragraph, a table row): the record slot it renders and what
/// it shows. `movable`: the key names one record (an id), so the block may move.
struct BlockRef {
    std::string_view key;
    std::string_view content;
    bool movable = false;
};

/// What the redline does with a block.
enum class BlockOp {
    same,        ///< in both, unchanged
    changed,     ///< in both, content differs: diff its tokens
    removed,     ///< only in OLD
    added,       ///< only in NEW
    moved_from,  ///< OLD's place of a block NEW has elsewhere (`new_index` is its partner)
    moved_to,    ///< NEW's place of a moved block (`old_index` is its partner)
};

inline constexpr std::size_t no_block = static_cast<std::size_t>(-1);

/// One step of the merged sequence, in reading order of the redline.
struct BlockStep {
    BlockOp op = BlockOp::same;
    std::size_t old_index = no_block;
    std::size_t new_index = no_block;
    std::size_t move = 0;  ///< moved_from/moved_to: 1-based number of the move, shared by the pair
};

/// Merges OLD's and NEW's blocks: blocks equal in key and content are matched in order (LCS); in
/// the gaps between them blocks with equal keys are paired as changed; a movable key left on both
/// sides is a move; the rest is removed or added. `same_key` may rewrite OLD keys (renamed records)
/// before this is called. Every OLD and every NEW block appears exactly once (moves: once per side).
std::vector<BlockStep> align_blocks(std::span<const BlockRef> old_blocks, std::span<const BlockRef> new_blocks);

/// Splits text into the tokens a redline compares: runs of blanks (space, newline), words, and the
/// ASCII brackets, quotes and punctuation a word opens or ends with ("(Rev." → "(", "Rev", ".").
void split_words(std::string_view text, const std::function<void(std::string_view piece, bool blank)>& piece);

/// One token of a paragraph, interned by the caller: equal ids compare equal.
struct TokenRef {
    std::size_t id = 0;
    bool space = false;  ///< whitespace: joins two changes that both sides made
};

/// One run of the token diff.
struct TokenStep {
    enum class Op { same, removed, added };
    Op op = Op::same;
    std::size_t index = 0;  ///< into OLD's tokens (same, removed) or NEW's (added)
    std::size_t other = 0;  ///< same: NEW's index
};

/// The token-level diff of two paragraphs. Removed and added tokens between two common ones are
/// gathered (all removed first), and a common space between two changes on both sides joins them.
/// When `a.size() * b.size()` exceeds `max_product`, the whole of OLD is removed and NEW added.
std::vector<TokenStep> align_tokens(std::span<const TokenRef> a, std::span<const TokenRef> b,
                                    std::size_t max_product = 4'000'000);

}  // namespace itucollab::emit
