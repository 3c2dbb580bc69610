// Output-directory locking with flock(2), and finding the holder in /proc/locks for the message.
#include "dir_lock.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace itucollab::cli {

DirectoryLock::~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);
}

std::string DirectoryLock::acquire(const std::string& dir) {
    std::string shown = dir.ends_with('/') ? dir : dir + "/";
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return fmt::format("cannot open {}: {}", shown, std::strerror(errno));
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        int error = errno;
        struct stat info {};
        long holder = ::fstat(fd, &info) == 0 ? lock_holder(info.st_dev, info.st_ino) : 0;
        ::close(fd);
        if (error != EWOULDBLOCK) return fmt::format("cannot lock {}: {}", shown, std::strerror(error));
        return holder > 0 ? fmt::format("{} is in use by process {}", shown, holder)
                          : fmt::format("{} is in use by another process", shown);
    }
    fd_ = fd;
    return {};
}

long lock_holder(unsigned long long device, unsigned long long inode) {
    // Lines like "3: FLOCK  ADVISORY  WRITE 4242 fe:01:1234567 0 EOF" (device numbers in hex).
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        std::istringstream fields(line);
        std::string number, kind, mode, access, where;
        long pid = 0;
        if (line.find("->") != std::string::npos) continue;  // a waiter, not the holder
        if (!(fields >> number >> kind >> mode >> access >> pid >> where) || kind != "FLOCK") continue;
        unsigned int major_number = 0, minor_number = 0;
        unsigned long long file = 0;
        if (std::sscanf(where.c_str(), "%x:%x:%llu", &major_number, &minor_number, &file) != 3) continue;
        if (file == inode && major_number == major(device) && minor_number == minor(device)) return pid;
    }
    return 0;
}

}  // namespace itucollab::cli
