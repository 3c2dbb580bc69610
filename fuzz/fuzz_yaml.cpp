// libFuzzer target, lean and fast: bytes through the encoding checks, the event-based YAML tree
// builder (yaml-cpp underneath) and the schema reader of every corpus file type.
#include "../src/model/describe.hpp"
#include "../src/load/reader.hpp"
#include "../src/load/yaml_tree.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace fuzztarget {

/// One input of the yaml target (also replayed by tests/test_fuzz_replay.cpp).
inline int yaml(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    itucollab::Diagnostics diags;
    std::unique_ptr<itucollab::yaml::Node> root = itucollab::yaml::parse(text, "f.yaml", diags);
    if (!root) {
        if (!diags.has_errors()) std::abort();  // a refused file always says why
        return 0;
    }
    itucollab::load::Context ctx{"f.yaml", diags, ""};
    switch (data[0] % 4) {  // the first byte picks the file type the text is read as
        case 0: { itucollab::Section s; itucollab::load::read_record(*root, s, ctx); break; }
        case 1: { itucollab::RegistryFile r; itucollab::load::read_record(*root, r, ctx); break; }
        case 2: { itucollab::MechanismsFile m; itucollab::load::read_record(*root, m, ctx); break; }
        default: {
            itucollab::Document doc;
            itucollab::Manifest manifest;
            itucollab::ReportFile report{&doc, &manifest};
            itucollab::load::read_record(*root, report, ctx);
        }
    }
    return 0;
}

}  // namespace fuzztarget

#ifndef ITUCOLLAB_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return fuzztarget::yaml(data, size);
}
#endif
