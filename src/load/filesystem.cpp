// Disk and in-memory corpus file systems; the disk one never follows links out of the corpus.
#include <itucollab/loader.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace itucollab {
namespace fs = std::filesystem;

static bool yaml_name(const std::string& name) {
    return name.ends_with(".yaml") || name.ends_with(".yml");
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
    std::error_code ec;
    // Never a link (list_yaml refused those) nor a device or FIFO, whose reading could hang.
    if (fs::is_symlink(path, ec) || !fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    auto size = fs::file_size(path, ec);
    if (!ec) text.reserve(size);  // one allocation; the loop below still reads whatever is there
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return std::nullopt;
    return text;
}

std::optional<std::uintmax_t> DiskFileSystem::size(const std::string& path) const {
    std::error_code ec;
    if (fs::is_symlink(path, ec) || !fs::is_regular_file(path, ec)) return std::nullopt;
    std::uintmax_t bytes = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    return bytes;
}

bool DiskFileSystem::is_directory(const std::string& path) const {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

std::vector<std::string> DiskFileSystem::list_yaml(const std::string& dir, std::vector<std::string>& refused) const {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::string rel = entry.path().lexically_relative(dir).generic_string();
        std::error_code sec;
        if (entry.is_symlink(sec)) {
            if (yaml_name(rel) || entry.is_directory(sec)) refused.push_back(rel);
            continue;  // links are never followed: a corpus is confined to its directory
        }
        if (entry.is_regular_file(sec) && yaml_name(rel)) out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
    std::sort(refused.begin(), refused.end());
    return out;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::uintmax_t> MemoryFileSystem::size(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second.size();
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    std::string prefix = path.ends_with('/') ? path : path + "/";
    return std::any_of(files_.begin(), files_.end(), [&](const auto& f) { return f.first.starts_with(prefix); });
}

std::vector<std::string> MemoryFileSystem::list_yaml(const std::string& dir, std::vector<std::string>&) const {
    std::string prefix = dir.ends_with('/') ? dir : dir + "/";
    std::vector<std::string> out;
    for (const auto& [path, content] : files_) {
        if (path.starts_with(prefix) && yaml_name(path)) out.push_back(path.substr(prefix.size()));
    }
    return out;
}

}  // namespace itucollab
