// Interruption: SIGINT/SIGTERM/SIGHUP/SIGQUIT remove this run's scratch files and exit 128+N at once.
#pragma once

#include <signal.h>

#include <string>

namespace itucollab::cli {

/// Installs the handler (idempotent): on SIGINT, SIGTERM, SIGHUP or SIGQUIT it removes every path
/// registered with `remove_on_signal` (files unlinked, directories removed when empty, latest
/// registration first), says "interrupted" on stderr and exits with 128 + the signal number.
/// Also ignores SIGXFSZ, so a write past a file-size limit fails with EFBIG like a full disk.
void install_interrupt_handler();

/// Registers a file or (empty by the time it is removed) directory the handler must remove.
/// Registration and `forget_on_signal` run with the signals blocked, so the handler never sees a
/// half-updated list.
void remove_on_signal(const std::string& path);

/// Takes `path` off the list (after it was renamed into place or removed by the caller).
void forget_on_signal(const std::string& path);

/// Blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT for its lifetime: around renames that must all
/// happen or none. A signal that arrives meanwhile is delivered when the block ends.
class SignalsBlocked {
public:
    SignalsBlocked();
    ~SignalsBlocked();
    SignalsBlocked(const SignalsBlocked&) = delete;
    SignalsBlocked& operator=(const SignalsBlocked&) = delete;

private:
    sigset_t previous_;
};

}  // namespace itucollab::cli
