// libFuzzer target: every corpus that loads renders in every registered format; XML parts re-parse,
// HTML carries no markup from the data, and no output holds a character XML 1.0 forbids.
#include "fuzz_corpus.hpp"

#include <itucollab/emitter.hpp>

#include "fuzz_checks.hpp"

#include <exception>

namespace fuzztarget {

/// One input of the emitters target (also replayed by tests/test_fuzz_replay.cpp).
inline int emitters(const std::uint8_t* data, std::size_t size) {
    itucollab::MemoryFileSystem fs = fuzzsupport::corpus_from(data, size);
    itucollab::LoadResult result = itucollab::load_corpus(fs, "mini");
    if (!result.document) return 0;
    itucollab::EmitOptions options;
    options.templates_dir = std::string(ITUCOLLAB_SOURCE_DIR) + "/templates";
    options.source_date_epoch = 0;
    for (const auto& e : itucollab::emitters()) {
        std::string out;
        try {
            out = e.render(*result.document, options);
        } catch (const std::exception& ex) {
            fuzzsupport::fail("render threw", e.name, ex.what());
        }
        if (e.name == "html") {
            fuzzsupport::check_html("html", out, {"html", "head", "meta", "title", "style", "body", "header", "nav", "main",
                                                  "footer", "section", "h1", "h2", "h3", "p", "span", "div", "ol", "ul",
                                                  "li", "a", "table", "caption", "thead", "tbody", "tr", "th", "td",
                                                  "strong", "em", "sup", "br", "abbr", "time"});
        } else if (e.name == "xml") {
            fuzzsupport::check_xml("xml", "flat OPC", out);
        } else if (e.name == "docx") {
            fuzzsupport::check_docx("docx", out);
        } else {
            fuzzsupport::check_characters(e.name, out);
        }
    }
    return 0;
}

}  // namespace fuzztarget

#ifndef ITUCOLLAB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzztarget::emitters(data, size);
}
#endif
