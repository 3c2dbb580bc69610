// The emitter registry: one row per output format, driving --format, help text and suggestions.
#pragma once

#include <itucollab/model.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace itucollab {

/// The line width of text outputs unless told otherwise (build's text format, --width).
inline constexpr int default_text_width = 80;

/// Settings every emitter receives.
struct EmitOptions {
    int width = default_text_width;  ///< line width of the text emitter
    std::string templates_dir;  ///< holds html/ and docx/; see default_templates_dir()
    /// Timestamp for package metadata (DOCX): SOURCE_DATE_EPOCH when set, else the document date.
    std::optional<long long> source_date_epoch;
};

/// Reads `relative` (e.g. "html/style.css") from the options' template directory; throws
/// std::runtime_error naming the full path when it cannot.
std::string read_template(const EmitOptions& options, const std::string& relative);

/// The template directory to use when none is given: $ITUCOLLAB_TEMPLATES, else
/// `<executable>/../share/itucollab/templates` when it exists, else the source tree's templates/.
std::string default_templates_dir();

/// Renders a whole document to the bytes of one output file; throws std::runtime_error on failure.
using RenderFn = std::string (*)(const Document&, const EmitOptions&);

/// One output format.
struct Emitter {
    std::string_view name;         ///< --format value, e.g. "text"
    std::string_view extension;    ///< file extension with dot, e.g. ".txt"
    std::string_view description;  ///< one line for --help
    RenderFn render;
};

/// Every registered format, in the order `--format all` writes them.
std::span<const Emitter> emitters();

/// The format called `name`, or nullptr.
const Emitter* find_emitter(std::string_view name);

}  // namespace itucollab
