// The registry table of output formats: adding a format is one file and one row here.
#include <itucollab/emitter.hpp>

#include "formats.hpp"

#include <array>

namespace itucollab {

static const std::array<Emitter, 6> registry{{
    {"text", ".txt", "plain text at a configurable width (--width)", emit::render_text},
    {"html", ".html", "standalone HTML5 page with inlined CSS, print-ready", emit::render_html},
    {"docx", ".docx", "Word document (WordprocessingML package)", emit::render_docx},
    {"xml", ".xml", "Flat OPC: the Word document as one XML file (\"DOCX-ready XML\")", emit::render_flat_opc},
    {"md", ".md", "pandoc-flavoured Markdown with a YAML metadata block", emit::render_markdown},
    {"json", ".json", "the typed document model as versioned JSON", emit::render_json},
}};

std::span<const Emitter> emitters() { return registry; }

const Emitter* find_emitter(std::string_view name) {
    for (const auto& e : registry) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

}  // namespace itucollab
