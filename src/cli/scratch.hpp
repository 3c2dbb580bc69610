// A scratch directory next to a target: files written there, registered with the interrupt
// handler, then renamed into place as a whole, or removed (used by `rollover` and `import`).
#pragma once

#include "cli.hpp"
#include "output.hpp"
#include "signals.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace itucollab::cli {

/// True when `dir` does not exist or is an empty directory: the targets `rollover` and `import` accept.
inline bool absent_or_empty_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    return !std::filesystem::exists(dir, ec) ||
           (std::filesystem::is_directory(dir, ec) && std::filesystem::is_empty(dir, ec));
}

// The new corpus is assembled in a scratch directory next to the target; every file and directory
// made there is registered with the interrupt handler, and removed on any failure.
/// A new directory assembled next to its target, committed by one rename.
class Scratch {
public:
    explicit Scratch(std::filesystem::path root) : root_(std::move(root)) {}

    /// The scratch directory of `command` ("import", "rollover") for `target`: a hidden sibling,
    /// ".NAME.COMMAND-PID", so the final rename stays on one file system.
    static Scratch beside(const std::filesystem::path& target, const char* command) {
        std::filesystem::path parent = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
        return Scratch(parent / fmt::format(".{}.{}-{}", target.filename().string(), command, ::getpid()));
    }

    /// Removes what was written, says why with "; nothing written", and gives the exit code.
    int abandon(const std::string& reason) {
        discard();
        say_error(reason + "; nothing written");
        return exit_trouble;
    }
    ~Scratch() { discard(); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    Scratch(Scratch&&) = default;

    [[nodiscard]] const std::filesystem::path& root() const { return root_; }

    std::string create() {
        install_interrupt_handler();
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
        return make_directory(root_);
    }

    // Streams `from` into ROOT/rel in blocks, never holding the file in memory; refuses a file that
    // grows past `max_bytes` while it is read.
    std::string copy(const std::filesystem::path& from, const std::filesystem::path& rel, std::uintmax_t max_bytes) {
        if (std::string why = make_parents(rel); !why.empty()) return why;
        int in = ::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (in < 0) return fmt::format("cannot read {}: {}", from.string(), std::strerror(errno));
        struct stat info {};
        if (::fstat(in, &info) != 0 || !S_ISREG(info.st_mode)) {
            ::close(in);
            return fmt::format("{} is not a regular file", from.string());
        }
        std::filesystem::path to = root_ / rel;
        std::string why = write_with(to, [&](int out) -> std::string {
            std::vector<char> block(64 * 1024);
            std::uintmax_t total = 0;
            for (;;) {
                ssize_t n = ::read(in, block.data(), block.size());
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) return fmt::format("cannot read {}: {}", from.string(), std::strerror(errno));
                if (n == 0) return {};
                total += static_cast<std::uintmax_t>(n);
                if (total > max_bytes) {
                    return fmt::format("{} grew past the limit of {} bytes per file while it was copied",
                                       from.string(), max_bytes);
                }
                if (!write_fully(out, {block.data(), static_cast<std::size_t>(n)})) return cannot_write(to);
            }
        });
        ::close(in);
        return why;
    }

    std::string write(const std::filesystem::path& rel, const std::string& bytes) {
        if (std::string why = make_parents(rel); !why.empty()) return why;
        std::filesystem::path to = root_ / rel;
        return write_with(to, [&](int out) { return write_fully(out, bytes) ? std::string() : cannot_write(to); });
    }

    // Renames the scratch directory to `target` (signals blocked); the handler forgets it all.
    std::string commit(const std::filesystem::path& target) {
        SignalsBlocked blocked;
        std::error_code ec;
        if (std::filesystem::exists(target, ec)) std::filesystem::remove(target, ec);  // an empty directory
        std::filesystem::rename(root_, target, ec);
        if (ec) return ec.message();
        for (const auto& path : made_) forget_on_signal(path);
        made_.clear();
        return {};
    }

    void discard() {
        if (made_.empty()) return;
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
        for (const auto& path : made_) forget_on_signal(path);
        made_.clear();
    }

private:
    static std::string cannot_write(const std::filesystem::path& to) {
        return fmt::format("cannot write {}: {}", to.string(), std::strerror(errno));
    }

    template <class Fill> std::string write_with(const std::filesystem::path& to, Fill fill) {
        int out = -1;
        {
            SignalsBlocked blocked;
            out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (out >= 0) remember(to.string());
        }
        if (out < 0) return fmt::format("cannot create {}: {}", to.string(), std::strerror(errno));
        std::string why = fill(out);
        if (::close(out) != 0 && why.empty()) why = fmt::format("cannot write {}: {}", to.string(), std::strerror(errno));
        return why;
    }

    std::string make_parents(const std::filesystem::path& rel) {
        std::filesystem::path dir = root_;
        for (const auto& part : rel.parent_path()) {
            dir /= part;
            if (std::string why = make_directory(dir); !why.empty()) return why;
        }
        return {};
    }

    std::string make_directory(const std::filesystem::path& dir) {
        SignalsBlocked blocked;
        if (::mkdir(dir.c_str(), 0755) == 0) {
            remember(dir.string());
            return {};
        }
        if (errno == EEXIST && std::filesystem::is_directory(dir)) return {};
        return fmt::format("cannot create {}: {}", dir.string(), std::strerror(errno));
    }

    void remember(const std::string& path) {
        made_.push_back(path);
        remove_on_signal(path);
    }

    std::filesystem::path root_;
    std::vector<std::string> made_;
};

}  // namespace itucollab::cli
