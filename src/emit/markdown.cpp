// PLACEHOLDER being replaced by its emitter: throws until implemented.
#include "formats.hpp"

#include <stdexcept>

namespace itucollab::emit {

std::string render_markdown(const Document&, const EmitOptions&) { throw std::runtime_error("render_markdown is not implemented yet"); }

}  // namespace itucollab::emit
