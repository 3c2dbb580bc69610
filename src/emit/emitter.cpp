// The registry table of output formats: adding a format is one file and one row here.
#include <itucollab/emitter.hpp>

#include "formats.hpp"

#include <array>

namespace itucollab {

static const std::array<Emitter, 1> registry{{
    {"text", ".txt", "plain text at a configurable width (--width)", emit::render_text},
}};

std::span<const Emitter> emitters() { return registry; }

const Emitter* find_emitter(std::string_view name) {
    for (const auto& e : registry) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

}  // namespace itucollab
