// Render functions of the registered formats, one source file each.
#pragma once

#include <itucollab/emitter.hpp>

namespace itucollab::emit {

std::string render_text(const Document& doc, const EmitOptions& options);

}  // namespace itucollab::emit
