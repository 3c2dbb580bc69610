// What changed in the corpus directory: an inotify watch of the whole tree, and a file cache it keeps honest.
#pragma once

#include <itucollab/loader.hpp>

#include <sys/types.h>

#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace itucollab::cli {

/// Watches a directory and every subdirectory (new ones included) for files written, moved in
/// or out, created or deleted. Symbolic links are not followed.
class CorpusWatcher {
public:
    /// Starts watching `dir`; throws std::runtime_error when inotify cannot.
    explicit CorpusWatcher(const std::string& dir);
    ~CorpusWatcher();
    CorpusWatcher(const CorpusWatcher&) = delete;
    CorpusWatcher& operator=(const CorpusWatcher&) = delete;

    /// The descriptor to poll for readability.
    [[nodiscard]] int fd() const { return fd_; }

    /// What the pending events say changed.
    struct Changes {
        std::set<std::string> paths;  ///< files and directories, as `dir/relative/path`
        bool everything = false;      ///< events were lost (queue overflow): trust nothing cached
    };
    /// Reads every pending event (non-blocking) into `out`; watches new subdirectories, and
    /// reports the files already inside them, written before the watch existed.
    void drain(Changes& out);
    /// Whether the corpus directory itself is watched (false once it was removed or moved away).
    [[nodiscard]] bool watching_root() const;
    /// Watches the corpus directory again when it is back; reports everything in it as changed.
    void rewatch_root(Changes& out);

private:
    void watch_tree(const std::string& dir, Changes* found);

    int fd_ = -1;
    std::string root_;
    std::map<int, std::string> dirs_;  // watch descriptor → directory path
};

/// The disk, with the bytes of every file read kept until the file changes: a file is read
/// again only when the watcher reported it or its size, times or inode differ. Thread-safe.
class CachingFileSystem final : public FileSystem {
public:
    std::optional<std::string> read(const std::string& path) const override;
    std::optional<std::uintmax_t> size(const std::string& path) const override { return disk_.size(path); }
    [[nodiscard]] bool is_directory(const std::string& path) const override { return disk_.is_directory(path); }
    std::vector<std::string> list_yaml(const std::string& dir, std::vector<std::string>& refused) const override {
        return disk_.list_yaml(dir, refused);
    }
    /// Forgets `path` (a file, or a directory and everything below it).
    void invalidate(const std::string& path);
    /// Forgets every file.
    void invalidate_all();
    /// Reads served from memory / from the disk, since construction.
    [[nodiscard]] std::size_t hits() const;
    [[nodiscard]] std::size_t misses() const;

private:
    struct Stamp {
        dev_t device = 0;
        ino_t inode = 0;
        off_t size = 0;
        timespec modified{};
        timespec changed{};
        bool operator==(const Stamp& o) const;
    };
    struct Cached {
        Stamp stamp;
        std::string bytes;
    };
    static std::optional<Stamp> stamp_of(const std::string& path);

    DiskFileSystem disk_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, Cached> files_;
    mutable std::size_t hits_ = 0;
    mutable std::size_t misses_ = 0;
};

}  // namespace itucollab::cli
