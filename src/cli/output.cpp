// All-or-nothing output: nothing half-written, earlier reports never clobbered by a failure.
#include "output.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace itucollab::cli {
namespace fs = std::filesystem;

static std::string write_temp(const fs::path& dir, const OutputFile& file, std::string& temp_path) {
    std::string pattern = (dir / ("." + file.name + ".tmp-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    temp_path = pattern;
    const char* data = file.bytes.data();
    std::size_t left = file.bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string why = std::strerror(errno);
            ::close(fd);
            return fmt::format("cannot write {}: {}", file.name, why);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        return fmt::format("cannot flush {}: {}", file.name, why);
    }
    if (::close(fd) != 0) return fmt::format("cannot close {}: {}", file.name, std::strerror(errno));
    return {};
}

std::string write_all_or_nothing(const std::string& dir_name, const std::vector<OutputFile>& files) {
    fs::path dir(dir_name);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) {
        return fmt::format("cannot create output directory {}: {}", dir_name, ec ? ec.message() : "not a directory");
    }
    std::vector<std::string> temps;
    auto discard = [&] {
        for (const auto& t : temps) ::unlink(t.c_str());
    };
    for (const auto& file : files) {
        std::string temp;
        std::string why = write_temp(dir, file, temp);
        if (!temp.empty()) temps.push_back(temp);
        if (!why.empty()) {
            discard();
            return why;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(temps[i].c_str(), (dir / files[i].name).c_str()) != 0) {
            std::string why = std::strerror(errno);
            discard();
            return fmt::format("cannot move {} into place: {}", files[i].name, why);
        }
        temps[i].clear();
    }
    return {};
}

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
    fs::path p(path);
    std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
    return write_all_or_nothing(dir, {{p.filename().string(), bytes}});
}

}  // namespace itucollab::cli
