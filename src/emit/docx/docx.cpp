// The docx format: the Word package parts zipped into a .docx.
#include "../formats.hpp"
#include "package.hpp"

namespace itucollab::emit {

std::string render_docx(const Document& doc, const EmitOptions& options) {
    return docx::zip_package(docx::build_parts(doc, options));
}

}  // namespace itucollab::emit
