// The preview's web side: the pages of the latest build, and the HTTP server that serves them live.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace itucollab::cli {

/// The pages of the latest build, numbered by generation, with the live-reload script injected.
/// Shared by the builder and the HTTP workers; every member is thread-safe.
class LiveSite {
public:
    /// What a request sees: one generation's pages (redline null without --against).
    struct Snapshot {
        std::uint64_t generation = 0;
        std::shared_ptr<const std::string> report;
        std::shared_ptr<const std::string> redline;
    };

    /// `nonce` goes on the injected script and in the Content-Security-Policy.
    explicit LiveSite(std::string nonce) : nonce_(std::move(nonce)) {}

    /// Publishes a new generation (the pages as built, without the script) and wakes the event streams.
    /// Returns the new generation number.
    std::uint64_t publish(const std::string& report, const std::optional<std::string>& redline);
    [[nodiscard]] Snapshot current() const;
    /// Waits until a generation newer than `since` exists, the site stops, or `limit` passes;
    /// returns the current generation.
    std::uint64_t wait_newer(std::uint64_t since, std::chrono::milliseconds limit) const;
    /// Ends every event stream; they return at their next wake-up.
    void stop();
    [[nodiscard]] bool stopping() const;
    /// Claims one of `max` long-lived event-stream slots; false when all are taken.
    bool claim_stream(int max);
    void release_stream();
    [[nodiscard]] const std::string& nonce() const { return nonce_; }

private:
    std::string with_script(const std::string& page, std::uint64_t generation) const;

    std::string nonce_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    Snapshot snapshot_;
    bool stopping_ = false;
    int streams_ = 0;
};

/// The HTTP server: GET / (the report or the errors), /redline (with --against) and /events
/// (Server-Sent Events); 404 for everything else. Built on cpp-httplib.
class PreviewServer {
public:
    PreviewServer(LiveSite& site, std::string host, bool has_redline);
    ~PreviewServer();
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    /// Binds `host:port` (0: any free port). Returns the port, or nullopt with `why` filled.
    std::optional<int> bind(int port, std::string& why);
    /// Serves on a thread of its own until stop().
    void start();
    /// Stops accepting, ends the event streams and joins the workers.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The served page shown instead of the report when the corpus has errors.
std::string errors_page(const std::string& corpus, const std::string& diagnostics_text, std::size_t errors,
                        std::size_t warnings);

}  // namespace itucollab::cli
