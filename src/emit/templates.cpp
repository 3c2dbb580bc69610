// Locating and reading the user-editable templates (templates/html, templates/docx).
#include <itucollab/emitter.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef ITUCOLLAB_SOURCE_TEMPLATES
#define ITUCOLLAB_SOURCE_TEMPLATES "templates"
#endif

namespace itucollab {
namespace fs = std::filesystem;

std::string read_template(const EmitOptions& options, const std::string& relative) {
    fs::path path = fs::path(options.templates_dir.empty() ? default_templates_dir() : options.templates_dir) / relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read template " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

std::string default_templates_dir() {
    if (const char* env = std::getenv("ITUCOLLAB_TEMPLATES"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "itucollab" / "templates";
        if (fs::is_directory(installed, ec)) return installed.string();
    }
    return ITUCOLLAB_SOURCE_TEMPLATES;
}

}  // namespace itucollab
