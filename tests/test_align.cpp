// The redline's alignment: blocks by key and content (each block once, moves paired), words and punctuation.
#include "emit/align.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <string>
#include <vector>

using namespace itucollab::emit;

namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    split_words(text, [&](std::string_view piece, bool) { out.emplace_back(piece); });
    return out;
}

// The token diff of two texts as "[-old-]{+new+}" markup.
std::string marked(const std::string& a, const std::string& b) {
    std::vector<std::string> wa = words(a), wb = words(b);
    std::vector<std::string> vocabulary;
    auto refs = [&](const std::vector<std::string>& ws) {
        std::vector<TokenRef> out;
        for (const std::string& w : ws) {
            auto it = std::find(vocabulary.begin(), vocabulary.end(), w);
            if (it == vocabulary.end()) it = vocabulary.insert(vocabulary.end(), w);
            out.push_back({static_cast<std::size_t>(it - vocabulary.begin()), w == " "});
        }
        return out;
    };
    std::vector<TokenRef> ra = refs(wa), rb = refs(wb);
    std::string out;
    TokenStep::Op open = TokenStep::Op::same;
    auto close = [&] {
        if (open == TokenStep::Op::removed) out += "-]";
        if (open == TokenStep::Op::added) out += "+}";
        open = TokenStep::Op::same;
    };
    for (const TokenStep& s : align_tokens(ra, rb)) {
        if (s.op != open) {
            close();
            if (s.op == TokenStep::Op::removed) out += "[-";
            if (s.op == TokenStep::Op::added) out += "{+";
            open = s.op;
        }
        out += s.op == TokenStep::Op::added ? wb[s.index] : wa[s.index];
    }
    close();
    return out;
}

}  // namespace

TEST_CASE("split_words: blanks and words and the punctuation a word opens or ends with") {
    CHECK(words("PP Res. 131 (Rev. Dubai, 2018)") ==
          std::vector<std::string>{"PP", " ", "Res", ".", " ", "131", " ", "(", "Rev", ".", " ", "Dubai", ",", " ", "2018", ")"});
    CHECK(words("  a\n\"b\"") == std::vector<std::string>{"  ", "a", "\n", "\"", "b", "\""});
    CHECK(words("...") == std::vector<std::string>{".", ".", "."});
    CHECK(words("").empty());
}

TEST_CASE("align_tokens: changes gathered and joined by shared blanks and one-sided changes slid") {
    CHECK(marked("Twice per year", "Three times per year") == "[-Twice-]{+Three times+} per year");
    CHECK(marked("in New York.", "in Vienna.") == "in [-New York-]{+Vienna+}.");
    CHECK(marked("Documents C2 and C3", "Documents C2, C3 and C4") == "Documents C2{+, C3+} and [-C3-]{+C4+}");
    CHECK(marked("a b c", "a b c") == "a b c");
    CHECK(marked("", "new") == "{+new+}");
    // Past the bound, the whole of OLD is removed and NEW added.
    std::vector<TokenRef> a(3, TokenRef{1, false}), b(3, TokenRef{1, false});
    auto steps = align_tokens(a, b, 8);
    REQUIRE(steps.size() == 6);
    CHECK(steps[0].op == TokenStep::Op::removed);
    CHECK(steps[5].op == TokenStep::Op::added);
}

TEST_CASE("align_blocks: every block once with identical blocks kept and equal keys paired and records moved") {
    std::vector<BlockRef> old_blocks{{"header", "Title", false}, {"p:a", "A", true}, {"p:b", "B", true},
                                     {"bullet", "x", false},   {"bullet", "y", false}, {"p:c", "C", true}};
    std::vector<BlockRef> new_blocks{{"header", "Title 2", false}, {"p:c", "C", true}, {"p:a", "A", true},
                                     {"bullet", "y", false},       {"p:d", "D", true}};
    auto steps = align_blocks(old_blocks, new_blocks);
    std::vector<int> old_seen(old_blocks.size()), new_seen(new_blocks.size());
    std::string ops;
    for (const BlockStep& s : steps) {
        if (s.op != BlockOp::added && s.op != BlockOp::moved_to) ++old_seen[s.old_index];
        if (s.op != BlockOp::removed && s.op != BlockOp::moved_from) ++new_seen[s.new_index];
        ops += std::to_string(static_cast<int>(s.op));
    }
    CHECK(old_seen == std::vector<int>(old_blocks.size(), 1));
    CHECK(new_seen == std::vector<int>(new_blocks.size(), 1));
    // header changed; c moved before a; b removed; bullet x removed, y kept; d added.
    CHECK(steps[0].op == BlockOp::changed);
    CHECK(std::count_if(steps.begin(), steps.end(), [](const BlockStep& s) { return s.op == BlockOp::moved_to; }) == 1);
    CHECK(std::count_if(steps.begin(), steps.end(), [](const BlockStep& s) { return s.op == BlockOp::removed; }) == 2);
    CHECK(std::count_if(steps.begin(), steps.end(), [](const BlockStep& s) { return s.op == BlockOp::added; }) == 1);
    for (const BlockStep& s : steps) {
        if (s.op == BlockOp::moved_from || s.op == BlockOp::moved_to) {
            CHECK(old_blocks[s.old_index].key == new_blocks[s.new_index].key);
            CHECK(s.move == 1);
        }
    }
}
