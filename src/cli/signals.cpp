// The interrupt handler: removes registered scratch files with async-signal-safe calls, then _exit.
#include "signals.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace itucollab::cli {
namespace {

constexpr int interrupting[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// The paths the handler removes. Changed only while the signals are blocked (single-threaded
// program), so the handler reads a consistent list; it only reads it.
std::vector<std::string>& pending_removals() {
    static std::vector<std::string> paths;
    return paths;
}

sigset_t interrupting_set() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : interrupting) sigaddset(&set, sig);
    return set;
}

void write_stderr(const char* text) {
    std::size_t left = std::strlen(text);
    while (left > 0) {
        ssize_t n = ::write(STDERR_FILENO, text, left);
        if (n <= 0) return;
        text += n;
        left -= static_cast<std::size_t>(n);
    }
}

extern "C" void on_interrupt(int sig) {
    const auto& paths = pending_removals();
    for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
        if (::unlink(it->c_str()) != 0 && (errno == EISDIR || errno == EPERM)) ::rmdir(it->c_str());
    }
    write_stderr(sig == SIGINT ? "itucollab: interrupted; nothing written\n"
                               : "itucollab: terminated; nothing written\n");
    ::_exit(128 + sig);
}

}  // namespace

void install_interrupt_handler() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_mask = interrupting_set();  // one handler run at a time
    for (int sig : interrupting) {
        struct sigaction old {};
        // A signal the caller ignores (nohup, a background job of a non-interactive shell) stays ignored.
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(sig, &action, nullptr);
    }
    ::signal(SIGXFSZ, SIG_IGN);
}

void remove_on_signal(const std::string& path) {
    SignalsBlocked blocked;
    pending_removals().push_back(path);
}

void forget_on_signal(const std::string& path) {
    SignalsBlocked blocked;
    auto& paths = pending_removals();
    auto it = std::find(paths.rbegin(), paths.rend(), path);
    if (it != paths.rend()) paths.erase(std::next(it).base());
}

SignalsBlocked::SignalsBlocked() {
    sigset_t set = interrupting_set();
    ::sigprocmask(SIG_BLOCK, &set, &previous_);
}

SignalsBlocked::~SignalsBlocked() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace itucollab::cli
