// PLACEHOLDER being replaced by its emitter: throws until implemented.
#include "../formats.hpp"

#include <stdexcept>

namespace itucollab::emit {

std::string render_docx(const Document&, const EmitOptions&) { throw std::runtime_error("render_docx is not implemented yet"); }

}  // namespace itucollab::emit
