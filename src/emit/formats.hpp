// Render functions of the registered formats, one source file each.
#pragma once

#include <itucollab/emitter.hpp>

namespace itucollab::emit {

std::string render_text(const Document& doc, const EmitOptions& options);      // text.cpp
std::string render_html(const Document& doc, const EmitOptions& options);      // html.cpp
std::string render_docx(const Document& doc, const EmitOptions& options);      // docx/docx.cpp
std::string render_flat_opc(const Document& doc, const EmitOptions& options);  // docx/flat_opc.cpp
std::string render_markdown(const Document& doc, const EmitOptions& options);  // markdown.cpp
std::string render_json(const Document& doc, const EmitOptions& options);      // json.cpp

}  // namespace itucollab::emit
