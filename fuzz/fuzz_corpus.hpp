// Shared by the fuzz targets: the mini fixture in memory with one file replaced by the fuzzer's bytes.
#pragma once

#include <itucollab/loader.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuzzsupport {

/// The mini fixture's files (path relative to the corpus, content), sorted by path.
inline const std::vector<std::pair<std::string, std::string>>& mini_files() {
    static const std::vector<std::pair<std::string, std::string>> files = [] {
        namespace fs = std::filesystem;
        std::vector<std::pair<std::string, std::string>> out;
        fs::path root = fs::path(ITUCOLLAB_SOURCE_DIR) / "tests" / "fixtures" / "mini";
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            out.emplace_back(entry.path().lexically_relative(root).generic_string(), s.str());
        }
        std::sort(out.begin(), out.end());
        if (out.empty()) std::abort();
        return out;
    }();
    return files;
}

/// The corpus "mini/" where the file numbered `which` (modulo the file count) holds `content`.
inline itucollab::MemoryFileSystem corpus_with(std::size_t which, std::string_view content) {
    const auto& files = mini_files();
    which %= files.size();
    itucollab::MemoryFileSystem mem;
    for (std::size_t i = 0; i < files.size(); ++i) {
        mem.add("mini/" + files[i].first, i == which ? std::string(content) : files[i].second);
    }
    return mem;
}

/// The corpus "mini/" where the file numbered data[0] (modulo the file count) holds data[1..].
inline itucollab::MemoryFileSystem corpus_from(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return corpus_with(0, {});
    return corpus_with(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
}

}  // namespace fuzzsupport
