// libFuzzer target: two corpora compared and rendered as a redline in every diff format, never a crash.
// Input: byte 0 picks OLD's replaced file (its high bit asks for --ignore-whitespace), byte 1 NEW's; the
// rest up to the first NUL is OLD's file, after it NEW's. Without a NUL, OLD is the unchanged mini fixture.
#include "fuzz_checks.hpp"
#include "fuzz_corpus.hpp"
#include "redline_text.hpp"

#include <itucollab/diff.hpp>
#include <itucollab/emitter.hpp>

#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace diffcheck {

inline std::optional<itucollab::Document> load(const itucollab::MemoryFileSystem& fs) {
    itucollab::LoadResult result = itucollab::load_corpus(fs, "mini");
    return std::move(result.document);
}

inline const itucollab::Document& unchanged_mini() {
    static const itucollab::Document doc = [] {
        auto loaded = load(fuzzsupport::corpus_with(0, fuzzsupport::mini_files()[0].second));
        if (!loaded) fuzzsupport::fail("the mini fixture does not load", "diff", "");
        return std::move(*loaded);
    }();
    return doc;
}

[[noreturn]] inline void fail_words(const char* side, const std::string& location, const std::string& rebuilt) {
    fuzzsupport::fail(side[0] == 'o' ? "word runs do not rebuild the old text" : "word runs do not rebuild the new text",
                      "diff", location + ": " + rebuilt);
}

// A word diff rebuilds both sides: OLD is the kept and removed runs, NEW the kept and added runs.
inline void check_words(const itucollab::diff::Change& change) {
    if (change.words.empty()) return;
    std::string old_side, new_side;
    for (const auto& run : change.words) {
        if (run.op != itucollab::diff::WordRun::Op::added) old_side += run.text;
        if (run.op != itucollab::diff::WordRun::Op::removed) new_side += run.text;
    }
    if (old_side != change.old_text) fail_words("old", change.location, old_side);
    if (new_side != change.new_text) fail_words("new", change.location, new_side);
}

}  // namespace diffcheck

namespace fuzztarget {

/// One input of the diff target (also replayed by tests/test_fuzz_replay.cpp).
inline int diff(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
    std::size_t nul = rest.find('\0');
    std::optional<itucollab::Document> old_doc, new_doc;
    if (nul == std::string_view::npos) {
        old_doc = diffcheck::unchanged_mini();
        new_doc = diffcheck::load(fuzzsupport::corpus_with(data[1], rest));
    } else {
        old_doc = diffcheck::load(fuzzsupport::corpus_with(data[0], rest.substr(0, nul)));
        if (!old_doc) return 0;
        new_doc = diffcheck::load(fuzzsupport::corpus_with(data[1], rest.substr(nul + 1)));
    }
    if (!old_doc || !new_doc) return 0;

    itucollab::diff::Options options;
    options.ignore_whitespace = (data[0] & 0x80) != 0;
    if (!itucollab::diff::compare(*new_doc, *new_doc, options).changes.empty()) {
        fuzzsupport::fail("a document differs from itself", "diff", new_doc->symbol);
    }
    itucollab::diff::Result result = itucollab::diff::compare(*old_doc, *new_doc, options);
    if (result.summary().total() != result.changes.size()) fuzzsupport::fail("summary miscounts", "diff", "");
    if (!options.ignore_whitespace) {
        for (const auto& change : result.changes) diffcheck::check_words(change);
    }
    try {
        fuzzsupport::check_characters("diff text", itucollab::diff::render_text(result));
        fuzzsupport::check_characters("diff json", itucollab::diff::render_json(result));
        itucollab::EmitOptions emit;
        emit.templates_dir = std::string(ITUCOLLAB_SOURCE_DIR) + "/templates";
        emit.source_date_epoch = 0;
        fuzzsupport::check_html("diff html", itucollab::diff::render_html(result, *old_doc, *new_doc, options, emit),
                                {"html", "head", "meta", "title", "style", "body", "main", "nav", "section", "header",
                                 "footer", "aside", "div", "h1", "h2", "h3", "p", "a", "ol", "ul", "li", "table", "caption",
                                 "thead", "tbody", "tr", "th", "td", "span", "strong", "em", "abbr", "sup", "time", "br",
                                 "ins", "del"});
        std::string redline = itucollab::diff::render_docx(result, *old_doc, *new_doc, options, emit);
        fuzzsupport::check_docx("diff docx", redline);
        // Accepting every revision gives NEW's report and rejecting every one OLD's (whose whitespace-only
        // differences show as NEW when they are ignored).
        const itucollab::Emitter* docx = itucollab::find_emitter("docx");
        auto text = [](const std::string& bytes, std::optional<bool> accept) {
            return redlinetext::package_text(redlinetext::unzip(bytes), accept);
        };
        auto accepted = text(redline, true), rejected = text(redline, false);
        if (!accepted || accepted != text(docx->render(*new_doc, emit), std::nullopt)) {
            fuzzsupport::fail("the accepted redline is not NEW", "diff docx", accepted.value_or(""));
        }
        if (!options.ignore_whitespace && (!rejected || rejected != text(docx->render(*old_doc, emit), std::nullopt))) {
            fuzzsupport::fail("the rejected redline is not OLD", "diff docx", rejected.value_or(""));
        }
    } catch (const std::exception& e) {
        fuzzsupport::fail("a diff renderer threw", "diff", e.what());
    }
    return 0;
}

}  // namespace fuzztarget

#ifndef ITUCOLLAB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzztarget::diff(data, size);
}
#endif
