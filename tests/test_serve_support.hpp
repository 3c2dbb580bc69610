// Test helpers for `itucollab serve`: the binary as a child process, and a raw-socket HTTP client.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace testsupport {

/// `itucollab serve CORPUS --port 0 ARGS…` running as a child; the constructor waits for its URL.
class ServeProcess {
public:
    ServeProcess(const std::string& corpus, const std::vector<std::string>& args = {});
    ~ServeProcess();
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string url() const;
    /// Everything the server wrote to stderr so far.
    [[nodiscard]] std::string log() const;
    /// Sends `sig` and waits up to `limit` for the exit; returns the exit status (-1: still
    /// running, then killed; -2: killed by a signal) and how long it took.
    int stop(int sig, std::chrono::milliseconds limit, double& seconds);

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::string log_path_;
};

/// An HTTP response as read from the socket.
struct HttpReply {
    int status = 0;  ///< 0: no answer
    std::string raw;  ///< status line, headers and body
};

/// Sends `GET target` (the target byte for byte, no normalisation) and reads the whole reply.
HttpReply http_get(int port, const std::string& target, const std::string& host = "127.0.0.1",
                   const std::string& method = "GET");

/// An open connection to /events that reads what the server streams.
class EventStream {
public:
    /// `receive_buffer` > 0 shrinks the socket's receive buffer, so a large reply cannot fit in it.
    EventStream(int port, const std::string& target, int receive_buffer = 0);
    ~EventStream();
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;
    /// Reads until the stream so far contains `text` or `limit` passes; returns whether it does.
    bool wait_for(const std::string& text, std::chrono::milliseconds limit);
    /// Closes the connection with a reset, as a crashed client would.
    void abort();
    [[nodiscard]] const std::string& received() const { return received_; }

private:
    int fd_ = -1;
    std::string received_;
};

/// Polls `fetch` every 50 ms until `done(result)` or `limit`; returns the last result.
template <class Fetch, class Done>
auto poll_until(Fetch fetch, Done done, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    auto result = fetch();
    while (!done(result) && std::chrono::steady_clock::now() < end) {
        struct timespec pause {0, 50'000'000};
        nanosleep(&pause, nullptr);
        result = fetch();
    }
    return result;
}

}  // namespace testsupport
