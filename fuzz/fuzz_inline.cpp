// libFuzzer target for the inline markup parser (libcmark plus footnote references): any bytes as one text.
#include "../src/load/inline_parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzztarget {

namespace inline_checks {

// Links carry only allowed targets, footnote references an id, nesting stays within the emitters' reach.
inline void check_spans(const std::vector<itucollab::Span>& spans, int depth) {
    if (depth > 17) std::abort();  // nesting deeper than 16 is flattened
    for (const auto& span : spans) {
        using Kind = itucollab::Span::Kind;
        if (span.kind == Kind::link && !itucollab::load::allowed_link_target(span.target)) std::abort();
        if (span.kind == Kind::footnote_ref && span.text.empty()) std::abort();
        if (span.kind == Kind::text && !span.children.empty()) std::abort();
        check_spans(span.children, depth + 1);
    }
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
    std::vector<itucollab::Span> spans = itucollab::load::parse_inlines(
        text, [&](const std::string& code, const std::string&, std::size_t offset) {
            if (code.empty() || offset > text.size()) reported_outside = true;
        });
    if (reported_outside) std::abort();  // every problem is placed inside the text
    inline_checks::check_spans(spans, 1);
    // Text without any markup character comes back exactly as written.
    if (text.find_first_of("\\`&_*[]<>!\n\r\t ") == std::string_view::npos &&
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
