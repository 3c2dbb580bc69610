// Word coverage through dtl's shortest edit script: matched words are the common subsequence.
#include "word_coverage.hpp"

#include <dtl/dtl.hpp>

namespace testsupport {
namespace {

// Decodes one UTF-8 code point at s[i]; advances i.
char32_t next_code_point(const std::string& s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

enum class Cls { other, lower, upper, digit };

Cls classify(char32_t cp) {
    if (cp >= '0' && cp <= '9') return Cls::digit;
    if (cp >= 'a' && cp <= 'z') return Cls::lower;
    if (cp >= 'A' && cp <= 'Z') return Cls::upper;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return cp < 0xDF ? Cls::upper : Cls::lower;
    return Cls::other;
}

}  // namespace

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    Cls previous = Cls::other;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        Cls cls = classify(next_code_point(text, i));
        std::size_t peek = i;
        Cls next = i < text.size() ? classify(next_code_point(text, peek)) : Cls::other;
        bool boundary = cls == Cls::other || previous == Cls::other ||
                        (previous == Cls::lower && cls == Cls::upper) ||
                        (previous == Cls::upper && cls == Cls::upper && next == Cls::lower) ||  // "SIDSProvide"
                        ((previous == Cls::digit) != (cls == Cls::digit));
        if (boundary && !current.empty()) {
            out.push_back(current);
            current.clear();
        }
        if (cls != Cls::other) current.append(text, start, i - start);
        previous = cls;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

Coverage coverage(const std::string& reference, const std::string& output) {
    std::vector<std::string> a = words(reference);
    std::vector<std::string> b = words(output);
    dtl::Diff<std::string> diff(a, b);
    diff.compose();
    Coverage result;
    result.reference_words = a.size();
    std::string run;
    for (const auto& [word, info] : diff.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            ++result.matched;
            if (!run.empty()) result.missing_runs.push_back(run);
            run.clear();
        } else if (info.type == dtl::SES_DELETE) {
            run += (run.empty() ? "" : " ") + word;
        }
    }
    if (!run.empty()) result.missing_runs.push_back(run);
    return result;
}

}  // namespace testsupport
