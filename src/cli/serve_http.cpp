// The preview's HTTP side on cpp-httplib: three routes, bounded requests, event streams that never pin a worker.
#include "serve_http.hpp"

#include "../emit/html_markup.hpp"

#include <httplib.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <thread>

namespace itucollab::cli {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// The worker pool: event streams may hold at most `max_streams` workers at a time, so at least
// `workers - max_streams` are always free for pages. Streams past that get one answer and close;
// their browsers reconnect (`retry:`) and poll.
constexpr int workers = 32;
constexpr int max_streams = 24;
constexpr auto stream_lifetime = 20s;  // a stream then ends and the browser reconnects
constexpr auto stream_poll = 200ms;    // how long one provider call waits for a new generation
constexpr auto heartbeat = 5s;         // a comment line, so a vanished client is noticed
constexpr std::size_t max_body = 4096;

constexpr const char* live_script = R"(<script nonce="{nonce}">
(() => {{
  const key = 'itucollab-serve-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {{ sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }}
  const events = new EventSource('/events?since={generation}&server={nonce}');
  events.addEventListener('reload', () => {{
    events.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }});
}})();
</script>
)";

bool loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

// The name in a Host header, without its port: "127.0.0.1:8000" → "127.0.0.1", "[::1]:80" → "::1".
std::string host_name(std::string_view header) {
    if (header.starts_with('[')) {
        auto close = header.find(']');
        return std::string(header.substr(1, close == std::string_view::npos ? header.size() : close - 1));
    }
    return std::string(header.substr(0, header.find(':')));
}

}  // namespace

// ---- LiveSite ----

std::string LiveSite::with_script(const std::string& page, std::uint64_t generation) const {
    std::string script = fmt::format(live_script, fmt::arg("nonce", nonce_), fmt::arg("generation", generation));
    std::string out = page;
    std::size_t body_end = out.rfind("</body>");
    if (body_end == std::string::npos) return out + script;
    out.insert(body_end, script);
    return out;
}

std::uint64_t LiveSite::publish(const std::string& report, const std::optional<std::string>& redline) {
    std::uint64_t generation;
    {
        std::lock_guard lock(mutex_);
        generation = snapshot_.generation + 1;
    }
    // The pages are made outside the lock; only the builder publishes, so the number stays ours.
    auto report_page = std::make_shared<const std::string>(with_script(report, generation));
    std::shared_ptr<const std::string> redline_page;
    if (redline) redline_page = std::make_shared<const std::string>(with_script(*redline, generation));
    {
        std::lock_guard lock(mutex_);
        snapshot_ = Snapshot{generation, std::move(report_page), std::move(redline_page)};
    }
    changed_.notify_all();
    return generation;
}

LiveSite::Snapshot LiveSite::current() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

std::uint64_t LiveSite::wait_newer(std::uint64_t since, std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, limit, [&] { return snapshot_.generation > since || stopping_; });
    return snapshot_.generation;
}

void LiveSite::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
}

bool LiveSite::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

bool LiveSite::claim_stream(int max) {
    std::lock_guard lock(mutex_);
    if (streams_ >= max) return false;
    ++streams_;
    return true;
}

void LiveSite::release_stream() {
    std::lock_guard lock(mutex_);
    --streams_;
}

// ---- PreviewServer ----

struct PreviewServer::Impl {
    LiveSite& site;
    std::string host;
    bool has_redline;
    httplib::Server server;
    std::thread thread;

    Impl(LiveSite& s, std::string h, bool redline) : site(s), host(std::move(h)), has_redline(redline) {}

    void security_headers(httplib::Response& res) const {
        res.set_header("Content-Security-Policy",
                       fmt::format("default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{}'; "
                                   "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                                   site.nonce()));
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Cache-Control", "no-store");
    }

    void page(httplib::Response& res, const std::shared_ptr<const std::string>& body) const {
        security_headers(res);
        res.set_content(*body, "text/html; charset=utf-8");
    }

    void events(const httplib::Request& req, httplib::Response& res) {
        std::uint64_t since = 0;
        for (const std::string& value : {req.get_param_value("since"), req.get_header_value("Last-Event-ID")}) {
            std::uint64_t n = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec == std::errc{} && end == value.data() + value.size()) since = std::max(since, n);
        }
        // A page from an earlier server run (restarted since) counts its generations from another start.
        if (req.has_param("server") && req.get_param_value("server") != site.nonce()) since = 0;
        bool held = site.claim_stream(max_streams);
        struct Stream {
            std::uint64_t since;
            bool first = true;
            Clock::time_point until;
            Clock::time_point last_write;
        };
        auto state = std::make_shared<Stream>(Stream{since, true, Clock::now() + (held ? stream_lifetime : 0s),
                                                     Clock::now()});
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Accel-Buffering", "no");
        LiveSite* live = &site;
        res.set_chunked_content_provider(
            "text/event-stream",
            [live, state](std::size_t, httplib::DataSink& sink) {
                std::string out;
                if (state->first) out += "retry: 1000\n: itucollab serve\n\n";
                std::uint64_t generation = live->wait_newer(state->since, state->first ? 0ms : stream_poll);
                state->first = false;
                if (generation > state->since) {
                    out += fmt::format("id: {0}\nevent: reload\ndata: {0}\n\n", generation);
                    state->since = generation;
                }
                Clock::time_point now = Clock::now();
                if (out.empty() && now - state->last_write >= heartbeat) out = ": keep-alive\n\n";
                if (!out.empty()) {
                    if (!sink.write(out.data(), out.size())) return false;  // the client is gone
                    state->last_write = now;
                }
                if (live->stopping() || now >= state->until) sink.done();
                return true;
            },
            [live, held](bool) {
                if (held) live->release_stream();
            });
    }

    void routes() {
        server.new_task_queue = [] { return new httplib::ThreadPool(workers); };
        server.set_payload_max_length(max_body);
        // One request per connection: an idle kept-alive connection would hold a worker doing nothing.
        // (Connections are local and cheap; a client that connects and says nothing is dropped after 1 s.)
        server.set_keep_alive_timeout(1);
        server.set_keep_alive_max_count(1);
        server.set_read_timeout(5, 0);
        server.set_write_timeout(5, 0);
        server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            // A page on another site must not read the report through DNS rebinding.
            if (loopback(host) && req.has_header("Host") && !loopback(host_name(req.get_header_value("Host")))) {
                res.status = 403;
                res.set_content("unexpected Host header\n", "text/plain; charset=utf-8");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (req.method != "GET" && req.method != "HEAD") {
                res.status = 405;
                res.set_header("Allow", "GET, HEAD");
                res.set_content("only GET and HEAD\n", "text/plain; charset=utf-8");
                return httplib::Server::HandlerResponse::Handled;
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
        server.Get("/", [this](const httplib::Request&, httplib::Response& res) { page(res, site.current().report); });
        server.Get("/redline", [this](const httplib::Request&, httplib::Response& res) {
            LiveSite::Snapshot now = site.current();
            if (!now.redline) {
                res.status = 404;
                return;
            }
            page(res, now.redline);
        });
        server.Get("/events", [this](const httplib::Request& req, httplib::Response& res) { events(req, res); });
        server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
            if (res.body.empty()) {
                res.set_content(res.status == 404 ? "not found\n" : fmt::format("HTTP {}\n", res.status),
                                "text/plain; charset=utf-8");
            }
        });
        server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content("internal error\n", "text/plain; charset=utf-8");
        });
    }
};

PreviewServer::PreviewServer(LiveSite& site, std::string host, bool has_redline)
    : impl_(std::make_unique<Impl>(site, std::move(host), has_redline)) {
    impl_->routes();
}

PreviewServer::~PreviewServer() { stop(); }

std::optional<int> PreviewServer::bind(int port, std::string& why) {
    // No SO_REUSEPORT (cpp-httplib's default): a second server on a busy port must fail, not share it.
    impl_->server.set_socket_options([](int sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    errno = 0;
    int bound = port == 0 ? impl_->server.bind_to_any_port(impl_->host) : port;
    bool ok = port == 0 ? bound > 0 : impl_->server.bind_to_port(impl_->host, port);
    if (!ok || bound <= 0) {
        int err = errno;
        why = err == EADDRINUSE    ? "the port is in use (another server is running there: stop it, or pick "
                                     "another with --port N, or any free one with --port 0)"
              : err == EACCES      ? "permission denied (ports below 1024 need privileges: pick another with --port)"
              : err == EADDRNOTAVAIL ? "this machine has no such address (--host)"
              : err != 0           ? std::strerror(err)
                                   : "cannot resolve or bind this address";
        return std::nullopt;
    }
    return bound;
}

void PreviewServer::start() {
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
}

void PreviewServer::stop() {
    impl_->site.stop();
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

std::string errors_page(const std::string& corpus, const std::string& diagnostics_text, std::size_t errors,
                        std::size_t warnings) {
    using emit::html::escape_text;
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>{} error(s) in {}</title>\n", errors, escape_text(corpus));
    out += "<style>\nbody{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
           "h1{color:#a40000;font-size:1.4rem}"
           "pre{background:#f6f6f6;border-left:4px solid #a40000;padding:1rem;overflow-x:auto;"
           "white-space:pre-wrap;font-size:.95rem}\n</style>\n</head>\n<body>\n<main class=\"serve-errors\">\n";
    out += fmt::format("<h1>{}: {} error(s), {} warning(s)</h1>\n", escape_text(corpus), errors, warnings);
    out += "<p>The report is not shown until these are fixed; this page reloads on every save.</p>\n";
    out += "<pre id=\"diagnostics\">" + escape_text(diagnostics_text) + "</pre>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace itucollab::cli
