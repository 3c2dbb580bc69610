// PLACEHOLDER being replaced by its emitter: throws until implemented.
#include "formats.hpp"

#include <stdexcept>

namespace itucollab::emit {

std::string render_json(const Document&, const EmitOptions&) { throw std::runtime_error("render_json is not implemented yet"); }

}  // namespace itucollab::emit
