// inotify over the corpus tree, and the stat-checked file cache the watcher invalidates.
#include "serve_watch.hpp"

#include <fmt/format.h>

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace itucollab::cli {
namespace fs = std::filesystem;

namespace {
constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                         IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW;

std::string join(const std::string& dir, const std::string& name) {
    return dir.ends_with('/') ? dir + name : dir + "/" + name;
}
}  // namespace

CorpusWatcher::CorpusWatcher(const std::string& dir) : root_(dir) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(fmt::format("cannot watch {}: {}", dir, std::strerror(errno)));
    watch_tree(root_, nullptr);
    if (dirs_.empty()) {
        ::close(fd_);
        throw std::runtime_error(fmt::format("cannot watch {}: {}", dir, std::strerror(errno)));
    }
}

CorpusWatcher::~CorpusWatcher() {
    if (fd_ >= 0) ::close(fd_);
}

// Watches `dir` and the directories below it (never through a link); with `found`, also reports
// every entry below it as changed (they may have been written before their watch existed).
void CorpusWatcher::watch_tree(const std::string& dir, Changes* found) {
    int wd = inotify_add_watch(fd_, dir.c_str(), watched_events);
    if (wd < 0) {
        // Gone already, or not a directory: the next load sees what is there. Out of watches: say so.
        int err = errno;
        if (err == ENOSPC || err == ENOMEM) {
            std::fprintf(stderr, "itucollab: cannot watch %s: %s (raise fs.inotify.max_user_watches); "
                                 "saves there are not seen\n", terminal_safe(dir).c_str(), std::strerror(err));
        }
        return;
    }
    dirs_[wd] = dir;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code sec;
        std::string path = it->path().string();
        if (found) found->paths.insert(path);
        if (!it->is_symlink(sec) && it->is_directory(sec)) watch_tree(path, found);
    }
}

void CorpusWatcher::drain(Changes& out) {
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n <= 0) return;  // EAGAIN: nothing more pending
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                out.everything = true;
                continue;
            }
            auto dir = dirs_.find(event->wd);
            if (dir == dirs_.end()) continue;
            if (event->mask & IN_IGNORED) {  // the watched directory went away
                out.paths.insert(dir->second);
                dirs_.erase(dir);
                continue;
            }
            // The corpus directory moved away: drop its watch (IN_IGNORED follows) and look for it anew.
            if ((event->mask & IN_MOVE_SELF) && dir->second == root_) inotify_rm_watch(fd_, event->wd);
            std::string path = event->len > 0 ? join(dir->second, event->name) : dir->second;
            out.paths.insert(path);
            if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path, &out);
        }
    }
}

bool CorpusWatcher::watching_root() const {
    return std::any_of(dirs_.begin(), dirs_.end(), [&](const auto& item) { return item.second == root_; });
}

void CorpusWatcher::rewatch_root(Changes& out) {
    if (watching_root()) return;
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) return;
    for (auto it = dirs_.begin(); it != dirs_.end();) {  // stale watches from the old tree
        inotify_rm_watch(fd_, it->first);
        it = dirs_.erase(it);
    }
    watch_tree(root_, &out);
    out.everything = true;
}

bool CachingFileSystem::Stamp::operator==(const Stamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && modified.tv_sec == o.modified.tv_sec &&
           modified.tv_nsec == o.modified.tv_nsec && changed.tv_sec == o.changed.tv_sec &&
           changed.tv_nsec == o.changed.tv_nsec;
}

std::optional<CachingFileSystem::Stamp> CachingFileSystem::stamp_of(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return Stamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

std::optional<std::string> CachingFileSystem::read(const std::string& path) const {
    std::optional<Stamp> before = stamp_of(path);
    if (!before) return disk_.read(path);  // not a regular file: the disk says why
    {
        std::lock_guard lock(mutex_);
        auto it = files_.find(path);
        if (it != files_.end() && it->second.stamp == *before) {
            ++hits_;
            return it->second.bytes;
        }
    }
    std::optional<std::string> bytes = disk_.read(path);
    std::optional<Stamp> after = stamp_of(path);
    std::lock_guard lock(mutex_);
    ++misses_;
    // Kept only when the file did not change while it was read; else the next load reads again.
    if (bytes && after && *after == *before) {
        files_.insert_or_assign(path, Cached{*after, *bytes});
    } else {
        files_.erase(path);
    }
    return bytes;
}

void CachingFileSystem::invalidate(const std::string& path) {
    std::lock_guard lock(mutex_);
    std::string below = path.ends_with('/') ? path : path + "/";
    std::erase_if(files_, [&](const auto& item) { return item.first == path || item.first.starts_with(below); });
}

void CachingFileSystem::invalidate_all() {
    std::lock_guard lock(mutex_);
    files_.clear();
}

std::size_t CachingFileSystem::hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
}

std::size_t CachingFileSystem::misses() const {
    std::lock_guard lock(mutex_);
    return misses_;
}

}  // namespace itucollab::cli
