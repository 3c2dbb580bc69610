// The serve test helpers: fork/exec of the binary, and HTTP over plain sockets (no client-side normalisation).
#include "test_serve_support.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace testsupport {
namespace {

using Clock = std::chrono::steady_clock;

int connect_to(int port, int receive_buffer = 0) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    if (receive_buffer > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    return fd;
}

// Reads what is available within `limit`; false on end of stream or error.
bool read_some(int fd, std::string& into, std::chrono::milliseconds limit) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(limit.count())) <= 0) return true;
    char buffer[8192];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return false;
    into.append(buffer, static_cast<std::size_t>(n));
    return true;
}

}  // namespace

ServeProcess::ServeProcess(const std::string& corpus, const std::vector<std::string>& args) {
    log_path_ = temp_dir("serve-log") + "/stderr.txt";
    int out[2];
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    std::vector<std::string> argv_text = {binary(), "serve", corpus, "--port", "0"};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        int err = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(err, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& a : argv_text) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out[1]);
    std::string printed;
    std::smatch m;
    std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
    auto end = Clock::now() + std::chrono::seconds(20);
    while (!std::regex_search(printed, m, url) && Clock::now() < end) {
        if (!read_some(out[0], printed, std::chrono::milliseconds(200))) break;
    }
    ::close(out[0]);
    INFO("stdout: " << printed << "\nstderr: " << log());
    REQUIRE(std::regex_search(printed, m, url));
    port_ = std::stoi(m[1]);
}

ServeProcess::~ServeProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
}

std::string ServeProcess::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

std::string ServeProcess::log() const {
    std::ifstream in(log_path_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int ServeProcess::stop(int sig, std::chrono::milliseconds limit, double& seconds) {
    auto start = Clock::now();
    ::kill(pid_, sig);
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0 && Clock::now() - start < limit) ::usleep(5000);
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (done == 0) return -1;  // the destructor kills it
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

HttpReply http_get(int port, const std::string& target, const std::string& host, const std::string& method) {
    int fd = connect_to(port);
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    HttpReply reply;
    auto end = Clock::now() + std::chrono::seconds(5);
    while (Clock::now() < end && read_some(fd, reply.raw, std::chrono::milliseconds(200))) {
    }
    ::close(fd);
    std::smatch m;
    if (std::regex_search(reply.raw, m, std::regex(R"(^HTTP/1\.1 (\d{3}))"))) reply.status = std::stoi(m[1]);
    return reply;
}

EventStream::EventStream(int port, const std::string& target, int receive_buffer)
    : fd_(connect_to(port, receive_buffer)) {
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    REQUIRE(::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
}

EventStream::~EventStream() {
    if (fd_ >= 0) ::close(fd_);
}

bool EventStream::wait_for(const std::string& text, std::chrono::milliseconds limit) {
    auto end = Clock::now() + limit;
    while (received_.find(text) == std::string::npos && Clock::now() < end) {
        if (!read_some(fd_, received_, std::chrono::milliseconds(50))) break;
    }
    return received_.find(text) != std::string::npos;
}

void EventStream::abort() {
    linger hard{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd_);
    fd_ = -1;
}

}  // namespace testsupport
