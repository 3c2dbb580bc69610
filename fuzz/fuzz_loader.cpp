// libFuzzer target: arbitrary bytes as one corpus file must end in diagnostics or a model, never a crash.
#include "fuzz_corpus.hpp"

#include <itucollab/diagnostics.hpp>

#include <cstdlib>

namespace fuzztarget {

/// One input of the loader target (also replayed by tests/test_fuzz_replay.cpp).
inline int loader(const std::uint8_t* data, std::size_t size) {
    itucollab::MemoryFileSystem fs = fuzzsupport::corpus_from(data, size);
    itucollab::LoadResult result = itucollab::load_corpus(fs, "mini");
    bool ok = result.status == itucollab::LoadResult::Status::ok;
    if (ok != result.document.has_value()) std::abort();              // a model exactly when loading succeeded
    if (!ok && result.diagnostics.error_count() == 0) std::abort();  // a refusal always says why
    for (const auto& d : result.diagnostics.all()) {
        if (d.code.empty() || d.message.empty()) std::abort();
        (void)itucollab::format_human(d, result.sources);  // excerpts of hostile text must render too
    }
    return 0;
}

}  // namespace fuzztarget

#ifndef ITUCOLLAB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzztarget::loader(data, size);
}
#endif
