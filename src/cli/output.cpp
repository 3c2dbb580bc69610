// All-or-nothing output: nothing half-written, earlier reports never clobbered by a failure.
#include "output.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
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

namespace {

// Holds SIGINT, SIGTERM, SIGHUP and SIGQUIT back while temporaries exist, so an interrupted
// build never leaves one behind: a signal that arrives meanwhile stays pending, and is delivered
// (with its usual effect) once the temporaries are gone or renamed. SIGXFSZ (a file-size limit)
// is ignored so that writing past the limit fails with EFBIG and is cleaned up like a full disk.
class HeldSignals {
public:
    HeldSignals() {
        sigemptyset(&held_);
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&held_, sig);
        ::sigprocmask(SIG_BLOCK, &held_, &previous_);
        ::signal(SIGXFSZ, SIG_IGN);
    }
    ~HeldSignals() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;

    // True when one of the held signals is waiting: the caller should give up and clean up.
    [[nodiscard]] bool interrupted() const {
        sigset_t pending;
        sigemptyset(&pending);
        if (::sigpending(&pending) != 0) return false;
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
            if (sigismember(&pending, sig) == 1) return true;
        }
        return false;
    }

private:
    sigset_t held_;
    sigset_t previous_;
};

// ITUCOLLAB_TEST_WRITE_PAUSE_MS: a pause after each temporary, so tests can interrupt a build
// while temporaries exist (tests/test_hostile.cpp). Unset in normal use.
void test_pause() {
    const char* ms = std::getenv("ITUCOLLAB_TEST_WRITE_PAUSE_MS");
    if (!ms || !*ms) return;
    long value = std::strtol(ms, nullptr, 10);
    if (value > 0 && value < 10'000) ::usleep(static_cast<useconds_t>(value) * 1000);
}

}  // namespace

std::string write_all_or_nothing(const std::string& dir_name, const std::vector<OutputFile>& files) {
    HeldSignals held;
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
        if (held.interrupted()) {  // before any rename: the earlier outputs stay as they were
            discard();
            return "interrupted";
        }
        std::string temp;
        std::string why = write_temp(dir, file, temp);
        if (!temp.empty()) temps.push_back(temp);
        test_pause();
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

bool path_inside(const std::string& path, const std::string& dir) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
    fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    return target == root || target.string().starts_with(root.string() + "/");
}

std::string write_file_atomically(const std::string& path, const std::string& bytes) {
    fs::path p(path);
    std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
    return write_all_or_nothing(dir, {{p.filename().string(), bytes}});
}

}  // namespace itucollab::cli
