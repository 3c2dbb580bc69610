// libFuzzer target for the inline markup parser (libcmark plus footnote references): any bytes as one text.
#include "../src/load/inline_parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzztarget {

namespace inline_checks {

// Links carry only allowed targets (unless link-scheme or empty-link was reported: the corpus then
// fails to load),
// footnote references an id, nesting stays within the emitters' reach.
inline void check_spans(const std::vector<itucollab::Span>& spans, int depth, bool scheme_reported = false) {
    if (!spans.empty() && depth > 17) std::abort();  // 16 levels of spans at most (deeper is flattened), then text
    for (const auto& span : spans) {
        using Kind = itucollab::Span::Kind;
        if (span.kind == Kind::link && !scheme_reported && !itucollab::load::allowed_link_target(span.target)) std::abort();
        if (span.kind == Kind::footnote_ref && span.text.empty()) std::abort();
        if (span.kind == Kind::text && !span.children.empty()) std::abort();
        check_spans(span.children, depth + 1, scheme_reported);
    }
}

// What the loader lets through to the parser: well-formed UTF-8 without C0/C1 controls, DEL,
// U+FFFE/U+FFFF (src/load/text_checks.cpp refuses the rest before any text is parsed).
inline bool loader_would_pass(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
        std::size_t len = c < 0x80 ? 1 : c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((at(k) & 0xC0) != 0x80) return false;
        }
        if ((c == 0xE0 && at(1) < 0xA0) || (c == 0xED && at(1) >= 0xA0) || (c == 0xF0 && at(1) < 0x90) ||
            (c == 0xF4 && at(1) >= 0x90)) {
            return false;
        }
        if ((len == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n') || (c == 0xC2 && at(1) < 0xA0) ||
            (c == 0xEF && at(1) == 0xBF && at(2) >= 0xBE)) {
            return false;
        }
        i += len;
    }
    return true;
}

inline std::string plain(const std::vector<itucollab::Span>& spans) {
    std::string out;
    for (const auto& span : spans) out += span.kind == itucollab::Span::Kind::text ? span.text : plain(span.children);
    return out;
}

}  // namespace inline_checks

/// One input of the inline target (also replayed by tests/test_fuzz_replay.cpp).
inline int inline_markup(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    bool reported_outside = false;
    bool scheme_reported = false;
    std::vector<itucollab::Span> spans = itucollab::load::parse_inlines(
        text, [&](const std::string& code, const std::string&, std::size_t offset) {
            if (code.empty() || offset > text.size()) reported_outside = true;
            if (code == "link-scheme" || code == "empty-link") scheme_reported = true;
        });
    if (reported_outside) std::abort();  // every problem is placed inside the text
    inline_checks::check_spans(spans, 1, scheme_reported);
    // Text the loader would pass, without any markup character, comes back exactly as written.
    if (text.find_first_of("\\`&_*[]<>!\n\r\t ") == std::string_view::npos && inline_checks::loader_would_pass(text) &&
        (spans.size() > 1 || inline_checks::plain(spans) != text)) {
        std::abort();
    }
    return 0;
}

}  // namespace fuzztarget

#ifndef ITUCOLLAB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzztarget::inline_markup(data, size);
}
#endif
