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
#include <optional>
#include <utility>

namespace itucollab::cli {
namespace fs = std::filesystem;

static std::string write_temp(const fs::path& dir, const std::string& name, const std::string& bytes,
                              std::string& temp_path) {
    std::string pattern = (dir / ("." + name + ".tmp-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    temp_path = pattern;
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string why = std::strerror(errno);
            ::close(fd);
            return fmt::format("cannot write {}: {}", name, why);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        return fmt::format("cannot flush {}: {}", name, why);
    }
    if (::close(fd) != 0) return fmt::format("cannot close {}: {}", name, std::strerror(errno));
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

struct OutputTransaction::State {
    fs::path dir;
    bool dir_ready = false;
    std::optional<HeldSignals> held;  // from the first temporary on
    std::vector<std::pair<std::string, std::string>> staged;  // (temporary, final name)

    void discard() {
        for (const auto& [temp, name] : staged) {
            if (!temp.empty()) ::unlink(temp.c_str());
        }
        staged.clear();
    }
};

OutputTransaction::OutputTransaction(std::string dir) : state_(std::make_unique<State>()) {
    state_->dir = std::move(dir);
}

OutputTransaction::~OutputTransaction() { state_->discard(); }

std::string OutputTransaction::stage(const std::string& name, const std::string& bytes) {
    State& st = *state_;
    if (!st.held) st.held.emplace();
    if (st.held->interrupted()) {  // before any rename: the earlier outputs stay as they were
        st.discard();
        return "interrupted";
    }
    if (!st.dir_ready) {
        std::error_code ec;
        fs::create_directories(st.dir, ec);
        if (ec || !fs::is_directory(st.dir)) {
            return fmt::format("cannot create output directory {}: {}", st.dir.string(),
                               ec ? ec.message() : "not a directory");
        }
        st.dir_ready = true;
    }
    std::string temp;
    std::string why = write_temp(st.dir, name, bytes, temp);
    if (!temp.empty()) st.staged.emplace_back(temp, name);
    test_pause();
    if (!why.empty()) st.discard();
    return why;
}

std::string OutputTransaction::commit() {
    State& st = *state_;
    if (st.held && st.held->interrupted()) {
        st.discard();
        return "interrupted";
    }
    for (auto& [temp, name] : st.staged) {
        if (::rename(temp.c_str(), (st.dir / name).c_str()) != 0) {
            std::string why = std::strerror(errno);
            st.discard();
            return fmt::format("cannot move {} into place: {}", name, why);
        }
        temp.clear();
    }
    st.staged.clear();
    return {};
}

std::string write_all_or_nothing(const std::string& dir_name, const std::vector<OutputFile>& files) {
    OutputTransaction transaction(dir_name);
    for (const auto& file : files) {
        std::string why = transaction.stage(file.name, file.bytes);
        if (!why.empty()) return why;
    }
    return transaction.commit();
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
