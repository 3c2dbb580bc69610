// All-or-nothing output: nothing half-written, earlier reports never clobbered by a failure.
#include "output.hpp"

#include "cli.hpp"
#include "dir_lock.hpp"
#include "signals.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

namespace itucollab::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view temp_marker = ".tmp-";
constexpr std::string_view backup_suffix = ".old";

// ITUCOLLAB_TEST_WRITE_PAUSE_MS: a pause after each temporary, so tests can interrupt a build
// while temporaries exist. ITUCOLLAB_TEST_FAIL_RENAME=N: the N-th rename of a commit (1-based)
// fails with EIO, so tests can reach the rollback. Both unset in normal use.
void test_pause() {
    const char* ms = std::getenv("ITUCOLLAB_TEST_WRITE_PAUSE_MS");
    if (!ms || !*ms) return;
    long value = std::strtol(ms, nullptr, 10);
    if (value > 0 && value < 10'000) ::usleep(static_cast<useconds_t>(value) * 1000);
}

int rename_or_injected_failure(const char* from, const char* to, std::size_t index) {
    const char* fail = std::getenv("ITUCOLLAB_TEST_FAIL_RENAME");
    if (fail && *fail && std::strtoul(fail, nullptr, 10) == index + 1) {
        errno = EIO;
        return -1;
    }
    return ::rename(from, to);
}

// Writes `bytes` to a new hidden temporary `.NAME.tmp-XXXXXX` in `dir`, flushed to disk. The
// temporary is registered with the interrupt handler from the moment it exists.
std::string write_temp(const fs::path& dir, const std::string& name, const std::string& bytes, std::string& temp_path) {
    std::string pattern = (dir / ("." + name + std::string(temp_marker) + "XXXXXX")).string();
    int fd = -1;
    {
        SignalsBlocked blocked;
        fd = ::mkstemp(pattern.data());
        if (fd >= 0) {
            temp_path = pattern;
            remove_on_signal(temp_path);
        }
    }
    if (fd < 0) return fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    if (!write_fully(fd, bytes)) {
        std::string why = std::strerror(errno);
        ::close(fd);
        return fmt::format("cannot write {}: {}", name, why);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        return fmt::format("cannot flush {}: {}", name, why);
    }
    if (::close(fd) != 0) return fmt::format("cannot close {}: {}", name, std::strerror(errno));
    return {};
}

}  // namespace

bool write_fully(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool is_own_temporary(std::string_view filename) {
    if (filename.size() < 2 || filename.front() != '.') return false;
    if (filename.ends_with(backup_suffix)) filename.remove_suffix(backup_suffix.size());
    if (filename.size() < temp_marker.size() + 6 + 2) return false;
    std::string_view random = filename.substr(filename.size() - 6);
    for (char c : random) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    }
    return filename.substr(filename.size() - 6 - temp_marker.size(), temp_marker.size()) == temp_marker;
}

struct OutputTransaction::State {
    struct Entry {
        std::string temp;    // the staged temporary; empty once renamed
        std::string name;    // the final name inside dir
        std::string backup;  // a hard link to the file it replaces, kept until the commit ends
    };
    fs::path dir;
    std::optional<DirectoryLock> lock;
    std::vector<Entry> staged;

    std::string target(const Entry& e) const { return (dir / e.name).string(); }

    void discard() {
        for (auto& e : staged) {
            for (std::string* path : {&e.temp, &e.backup}) {
                if (path->empty()) continue;
                ::unlink(path->c_str());
                forget_on_signal(*path);
                path->clear();
            }
        }
        staged.clear();
    }

    // Removes `.NAME.tmp-XXXXXX` files left by a run that was killed (SIGKILL cannot be caught).
    // Only called with the directory locked, so no other run can own them.
    void remove_stale_temporaries() const {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (is_own_temporary(it->path().filename().string()) && it->is_regular_file(ec) && !it->is_symlink(ec)) {
                fs::remove(it->path(), ec);
            }
        }
    }
};

OutputTransaction::OutputTransaction(std::string dir) : state_(std::make_unique<State>()) {
    state_->dir = std::move(dir);
    install_interrupt_handler();
}

OutputTransaction::~OutputTransaction() { state_->discard(); }

std::string OutputTransaction::open() {
    State& st = *state_;
    if (st.lock) return {};
    std::error_code ec;
    fs::create_directories(st.dir, ec);
    if (ec || !fs::is_directory(st.dir)) {
        return fmt::format("cannot create output directory {}: {}", st.dir.string(),
                           ec ? ec.message() : "not a directory");
    }
    DirectoryLock lock;
    if (std::string why = lock.acquire(st.dir.string()); !why.empty()) return why;
    st.lock.emplace(std::move(lock));
    return {};
}

std::string OutputTransaction::stage(const std::string& name, const std::string& bytes) {
    State& st = *state_;
    if (std::string why = open(); !why.empty()) return why + "; nothing written";
    std::string temp;
    std::string why = write_temp(st.dir, name, bytes, temp);
    if (!temp.empty()) st.staged.push_back({temp, name, {}});
    test_pause();
    if (!why.empty()) {
        st.discard();
        return why + "; nothing written";
    }
    return {};
}

std::string OutputTransaction::commit() {
    State& st = *state_;
    if (std::string why = open(); !why.empty()) return why + "; nothing written";
    SignalsBlocked blocked;  // the renames happen all, or are undone, before a signal is acted on
    // Keep a hard link to every file about to be replaced, so a failed rename can put it back.
    std::vector<bool> existed(st.staged.size(), false);
    for (std::size_t i = 0; i < st.staged.size(); ++i) {
        auto& e = st.staged[i];
        struct stat info {};
        if (::lstat(st.target(e).c_str(), &info) != 0) continue;
        existed[i] = true;
        if (S_ISREG(info.st_mode) && ::link(st.target(e).c_str(), (e.temp + std::string(backup_suffix)).c_str()) == 0) {
            e.backup = e.temp + std::string(backup_suffix);
        }
    }
    for (std::size_t i = 0; i < st.staged.size(); ++i) {
        auto& e = st.staged[i];
        if (rename_or_injected_failure(e.temp.c_str(), st.target(e).c_str(), i) == 0) {
            forget_on_signal(e.temp);
            e.temp.clear();
            continue;
        }
        std::string message = fmt::format("cannot move {} into place: {}", e.name, std::strerror(errno));
        // Undo the renames already done, newest first.
        std::vector<std::string> kept_new;
        for (std::size_t j = i; j-- > 0;) {
            auto& done = st.staged[j];
            std::string path = st.target(done);
            if (!done.backup.empty()) {
                if (::rename(done.backup.c_str(), path.c_str()) == 0) {
                    done.backup.clear();
                } else {
                    kept_new.push_back(path);
                }
            } else if (!existed[j]) {
                if (::unlink(path.c_str()) != 0) kept_new.push_back(path);
            } else {
                kept_new.push_back(path);  // replaced, and no link to the old one could be made
            }
        }
        st.discard();
        if (kept_new.empty()) return message + "; nothing written";
        return message + fmt::format("; could not undo the earlier renames: {} now hold(s) the new version, the "
                                     "other outputs are as before",
                                     fmt::join(kept_new, ", "));
    }
    for (auto& e : st.staged) {
        if (!e.backup.empty()) ::unlink(e.backup.c_str());
        e.backup.clear();
    }
    st.staged.clear();
    ::fsync(st.lock->fd());
    st.remove_stale_temporaries();
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

std::string write_stdout(std::string_view text) {
    errno = 0;
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    int error = errno;
    if (std::cout.good() && std::fflush(stdout) == 0 && !std::ferror(stdout)) return {};
    if (error == 0) error = errno;
    return error != 0 ? fmt::format("cannot write to standard output: {}", std::strerror(error))
                      : "cannot write to standard output";
}

int finish_stdout(int exit_code) {
    std::string why = write_stdout({});
    if (why.empty()) return exit_code;
    if (exit_code != exit_trouble) say_error(why);  // a subcommand that failed has said why already
    return exit_trouble;
}

}  // namespace itucollab::cli
