// An exclusive lock on an output directory, so two runs never mix their files in it.
#pragma once

#include <string>

namespace itucollab::cli {

/// flock(2) on the directory's own descriptor: no lock file appears in the directory, and the
/// lock goes away with the process, however it ends.
class DirectoryLock {
public:
    DirectoryLock() = default;
    ~DirectoryLock();
    DirectoryLock(DirectoryLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    DirectoryLock& operator=(DirectoryLock&&) = delete;
    DirectoryLock(const DirectoryLock&) = delete;

    /// Locks `dir` without waiting; returns "DIR/ is in use by process N" (or why it cannot be
    /// opened) on failure, empty on success.
    std::string acquire(const std::string& dir);
    /// The directory's descriptor (for fsync after renames), -1 before `acquire`.
    [[nodiscard]] int fd() const { return fd_; }

private:
    int fd_ = -1;
};

/// The process holding a flock on the file with this device and inode, from /proc/locks; 0 when unknown.
long lock_holder(unsigned long long device, unsigned long long inode);

}  // namespace itucollab::cli
