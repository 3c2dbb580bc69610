// Build-time check of the library's layering: every #include in src/ and include/ must point down the table below.
//
// Usage: itucollab_layer_check <source-root> [--stamp <file>]
// Prints "<file>:<line>: error: ..." for each include against the direction and exits 1; on success
// writes the stamp file (the build's record that the check ran) and exits 0. The build runs it
// before compiling any layer, so a forbidden include fails the build; ctest runs it too.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Which layers each layer may include (besides itself). Keep in step with CMakeLists.txt and
// docs/architecture.md: diag under everything; model <- load; model <- present <- emit <- diff;
// rollover uses load; import uses load and emit; cli on top.
const std::map<std::string, std::set<std::string>> allowed{
    {"diag", {}},
    {"model", {"diag"}},
    {"load", {"model", "diag"}},
    {"present", {"model", "diag"}},
    {"emit", {"present", "model", "diag"}},
    {"diff", {"emit", "present", "model", "diag"}},
    {"rollover", {"load", "model", "diag"}},
    {"import", {"load", "emit", "present", "model", "diag"}},
    {"cli", {"import", "rollover", "diff", "emit", "present", "load", "model", "diag"}},
};

// The layer that implements each public header.
const std::map<std::string, std::string> public_headers{
    {"diagnostics.hpp", "diag"}, {"report_formats.hpp", "diag"}, {"rules.hpp", "diag"},
    {"model.hpp", "model"},      {"schema.hpp", "model"},        {"loader.hpp", "load"},
    {"emitter.hpp", "emit"},     {"diff.hpp", "diff"},           {"rollover.hpp", "rollover"},
};

// The layer of a file given relative to the source root ("src/emit/docx/runs.cpp" -> "emit"), or
// nothing for files outside src/ and include/itucollab/. `error` explains a file no row covers.
std::optional<std::string> layer_of(const fs::path& relative, std::string& error) {
    auto it = relative.begin();
    if (it == relative.end()) return std::nullopt;
    std::string top = it->string();
    if (++it == relative.end()) return std::nullopt;
    if (top == "src") {
        std::string layer = it->string();
        if (!allowed.count(layer)) error = "src/" + layer + "/ belongs to no layer (add it to cmake/check_layers.cpp)";
        return layer;
    }
    if (top == "include" && it->string() == "itucollab") {
        auto header = public_headers.find(relative.filename().string());
        if (header == public_headers.end()) {
            error = relative.generic_string() + " belongs to no layer (add it to cmake/check_layers.cpp)";
            return std::nullopt;
        }
        return header->second;
    }
    return std::nullopt;
}

// Where an #include lands, relative to the root: quoted names next to the including file first,
// then under src/ and include/ (the roots a target could put on its path); <itucollab/...> under include/.
std::optional<fs::path> resolve(const fs::path& root, const fs::path& file, char delimiter, const std::string& name) {
    std::vector<fs::path> candidates;
    if (delimiter == '"') candidates.push_back(file.parent_path() / name);
    candidates.push_back(root / "include" / name);
    if (delimiter == '"') candidates.push_back(root / "src" / name);
    for (const auto& candidate : candidates) {
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) continue;
        fs::path relative = fs::weakly_canonical(candidate).lexically_relative(fs::weakly_canonical(root));
        if (relative.empty() || *relative.begin() == "..") return std::nullopt;
        return relative;
    }
    return std::nullopt;
}

std::string join(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "nothing" : out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--stamp")) {
        std::cerr << "usage: itucollab_layer_check <source-root> [--stamp <file>]\n";
        return 2;
    }
    const fs::path root = fs::weakly_canonical(argv[1]);
    std::vector<fs::path> files;
    for (const char* dir : {"src", "include"}) {
        std::error_code ec;
        if (!fs::is_directory(root / dir, ec)) {
            std::cerr << (root / dir).string() << ": error: no such directory\n";
            return 2;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
            auto ext = entry.path().extension();
            if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());

    static const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    int violations = 0;
    for (const auto& file : files) {
        fs::path relative = file.lexically_relative(root);
        std::string error;
        std::optional<std::string> own = layer_of(relative, error);
        if (!error.empty()) {
            std::cout << relative.generic_string() << ":1: error: " << error << "\n";
            ++violations;
            continue;
        }
        if (!own) continue;
        std::ifstream in(file);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            std::smatch m;
            if (!std::regex_search(line, m, include_line)) continue;
            auto target = resolve(root, file, m[1].str()[0], m[2].str());
            if (!target) continue;  // a system or generated header: no layer
            std::string target_error;
            std::optional<std::string> theirs = layer_of(*target, target_error);
            if (!theirs || *theirs == *own || allowed.at(*own).count(*theirs)) continue;
            std::cout << relative.generic_string() << ":" << number << ": error: layer " << *own << " -> " << *theirs
                      << " is against the direction: " << m[2].str() << " (" << target->generic_string()
                      << ") is in layer " << *theirs << "; " << *own << " may include " << join(allowed.at(*own))
                      << "\n";
            ++violations;
        }
    }
    if (violations > 0) {
        std::cout << violations << " include(s) against the layer direction (table: cmake/check_layers.cpp, "
                  << "docs/architecture.md)\n";
        return 1;
    }
    if (argc == 4) std::ofstream(argv[3]) << "layers ok\n";
    return 0;
}
