// `itucollab serve`: the HTML report on a local web server, rebuilt on every save and reloaded in the browser.
#include "cli.hpp"
#include "serve_http.hpp"
#include "serve_watch.hpp"

#include "../load/parse_cache.hpp"

#include <itucollab/diff.hpp>
#include <itucollab/emitter.hpp>

#include <fmt/format.h>

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>
#include <random>

namespace itucollab::cli {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto quiet_window = 100ms;  // events this close together make one rebuild
constexpr auto longest_wait = 1000ms;  // ...but a steady stream of events still rebuilds every second

struct ServeOptions {
    std::string corpus;
    std::string host = "127.0.0.1";
    int port = 8000;
    std::string against;
    std::string templates;
    LoadOptions limits;
};

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Loads, checks and renders the working corpus, reusing what did not change since the last time.
class Builder {
public:
    Builder(std::string corpus, const ServeOptions& options, std::optional<Document> old)
        : corpus_(std::move(corpus)), limits_(options.limits), old_(std::move(old)) {
        limits_.parse_cache = &parses_;
        emit_.templates_dir = options.templates.empty() ? default_templates_dir() : options.templates;
    }

    CachingFileSystem& files() { return files_; }

    struct Outcome {
        std::string report;
        std::optional<std::string> redline;
        std::string summary;
    };

    Outcome build() {
        try {
            return build_or_throw();
        } catch (const std::exception& e) {  // out of memory, a template gone…: the server carries on
            std::string why = fmt::format("itucollab: cannot build the report: {}\n", e.what());
            std::cerr << why;
            Outcome out;
            out.report = errors_page(display_path(corpus_), why, 1, 0);
            if (old_) out.redline = out.report;
            out.summary = "the build failed";
            return out;
        }
    }

private:
    Outcome build_or_throw() {
        Outcome out;
        std::size_t reads = files_.misses(), parses = parses_.misses();
        Clock::time_point start = Clock::now();
        LoadResult loaded = load_corpus(files_, corpus_, limits_);
        parses_.sweep();
        double load_ms = ms_since(start);
        std::size_t errors = loaded.diagnostics.error_count(), warnings = loaded.diagnostics.warning_count();
        std::string diagnostics;
        for (const auto& d : loaded.diagnostics.all()) diagnostics += format_human(d, loaded.sources, false);
        std::cerr << diagnostics;  // format_human quotes corpus text terminal-safe
        if (loaded.status == LoadResult::Status::ok && loaded.document) {
            out.report = find_emitter("html")->render(*loaded.document, emit_);
            if (old_) {
                diff::Result changes = diff::compare(*old_, *loaded.document);
                out.redline = diff::render_html(changes, *old_, *loaded.document, {}, emit_);
            }
        } else {
            out.report = errors_page(display_path(corpus_), diagnostics, errors, warnings);
            if (old_) out.redline = out.report;
        }
        out.summary = fmt::format("{} error(s), {} warning(s); {} file(s) read, {} parsed; load and check {:.1f} ms, "
                                  "render {:.1f} ms",
                                  errors, warnings, files_.misses() - reads, parses_.misses() - parses, load_ms,
                                  ms_since(start) - load_ms);
        return out;
    }

    std::string corpus_;
    LoadOptions limits_;
    std::optional<Document> old_;
    EmitOptions emit_;
    CachingFileSystem files_;
    ParseCache parses_;
};

std::string random_nonce() {
    std::random_device device;
    return fmt::format("{:08x}{:08x}{:08x}", device(), device(), device());
}

// SIGINT, SIGTERM and SIGHUP, blocked in every thread and read from a descriptor by the main loop.
int signal_descriptor() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    ::signal(SIGPIPE, SIG_IGN);  // a browser that goes away mid-response is a failed write, not death
    return ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

std::string url_of(const std::string& host, int port) {
    bool v6 = host.find(':') != std::string::npos;
    return fmt::format("http://{}{}{}:{}/", v6 ? "[" : "", host, v6 ? "]" : "", port);
}

// Stops the server; exits at once if it has not finished within `limit` (a worker stuck on a slow client).
void stop_within(PreviewServer& server, std::chrono::milliseconds limit) {
    auto stopped = std::async(std::launch::async, [&server] { server.stop(); });
    if (stopped.wait_for(limit) != std::future_status::ready) {
        std::cerr << "itucollab: stopped\n";
        std::fflush(nullptr);
        ::_exit(exit_ok);
    }
}

int run_serve(const ServeOptions& options) {
    auto corpus = resolve_corpus(options.corpus);
    if (!corpus) return exit_trouble;
    if (!DiskFileSystem().is_directory(*corpus)) {
        say_error(fmt::format("{}: no corpus directory here", *corpus));
        return exit_trouble;
    }
    std::optional<Document> old;
    if (!options.against.empty()) {
        LoadResult loaded = load_quietly(options.against, options.limits);
        if (loaded.status != LoadResult::Status::ok || !loaded.document) {
            for (const auto& d : loaded.diagnostics.all()) std::cerr << format_human(d, loaded.sources, false);
            say_error(fmt::format("{}: cannot compare against it: {} error(s)", options.against,
                                  loaded.diagnostics.error_count()));
            return exit_trouble;
        }
        old = std::move(loaded.document);
    }

    int signals = signal_descriptor();  // before any thread starts, so every thread inherits the mask
    LiveSite site(random_nonce());
    PreviewServer server(site, options.host, old.has_value());
    std::string why;
    std::optional<int> port = server.bind(options.port, why);
    if (!port) {
        say_error(fmt::format("cannot listen on {}:{}: {}", options.host, options.port, why));
        return exit_trouble;
    }
    std::optional<CorpusWatcher> watcher;
    try {
        watcher.emplace(*corpus);
    } catch (const std::exception& e) {
        say_error(e.what());
        return exit_trouble;
    }

    Builder builder(*corpus, options, std::move(old));
    Clock::time_point start = Clock::now();
    Builder::Outcome shown = builder.build();  // what the open pages show
    site.publish(shown.report, shown.redline);
    std::cerr << fmt::format("itucollab: first build: load, check and render in {:.1f} ms: {}\n", ms_since(start),
                             shown.summary);
    server.start();
    std::string url = url_of(options.host, *port);
    std::cout << fmt::format("Serving {} at {}{}\n", display_path(*corpus), url,
                             options.against.empty() ? "" : fmt::format(" (redline against {}: {}redline)",
                                                                        display_path(options.against), url));
    std::cout << "Press Ctrl-C to stop.\n" << std::flush;

    CorpusWatcher::Changes pending;
    bool waiting = false;  // events arrived and no rebuild took them yet
    Clock::time_point first_event, last_event;
    auto due = [&] { return std::min(last_event + quiet_window, first_event + longest_wait); };
    for (;;) {
        // The corpus directory itself removed (or moved away): look for it again twice a second.
        int timeout = watcher->watching_root() ? -1 : 500;
        if (waiting) {
            auto left = std::chrono::ceil<std::chrono::milliseconds>(due() - Clock::now()).count();
            timeout = static_cast<int>(std::max<decltype(left)>(0, left));
        }
        pollfd fds[2] = {{watcher->fd(), POLLIN, 0}, {signals, POLLIN, 0}};
        int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR) break;
        if (fds[1].revents & POLLIN) break;
        if (fds[0].revents & POLLIN) {
            watcher->drain(pending);
            last_event = Clock::now();
            if (!waiting) first_event = last_event;
            waiting = true;
            continue;
        }
        if (!watcher->watching_root()) {
            CorpusWatcher::Changes back;
            watcher->rewatch_root(back);
            if (back.everything) {
                pending.everything = true;
                last_event = Clock::now();
                if (!waiting) first_event = last_event;
                waiting = true;
            }
        }
        if (!waiting || Clock::now() < due()) continue;
        Clock::time_point rebuild_start = Clock::now();
        if (pending.everything) builder.files().invalidate_all();
        for (const std::string& path : pending.paths) builder.files().invalidate(path);
        Builder::Outcome outcome = builder.build();
        if (outcome.report == shown.report && outcome.redline == shown.redline) {
            // A comment, an editor's swap file, a save without changes: the open pages stay as they are.
            std::cerr << fmt::format("itucollab: rebuilt in {:.1f} ms, pages unchanged (no reload): {}\n",
                                     ms_since(rebuild_start), outcome.summary);
        } else {
            std::uint64_t generation = site.publish(outcome.report, outcome.redline);
            std::cerr << fmt::format(
                "itucollab: rebuilt (generation {}) in {:.1f} ms, {:.1f} ms after the first change: {}\n",
                generation, ms_since(rebuild_start), ms_since(first_event), outcome.summary);
            shown = std::move(outcome);
        }
        pending = {};
        waiting = false;
    }
    std::cerr << "itucollab: stopping\n";
    stop_within(server, 700ms);
    std::cerr << "itucollab: stopped\n";
    return exit_ok;
}

}  // namespace

void setup_serve(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* sub = app.add_subcommand(
        "serve", "Serve the HTML report on a local web server, rebuilt and reloaded on every save (Ctrl-C stops)");
    sub->add_option("corpus", options->corpus, "Corpus directory (default: the newest under ./data)");
    sub->add_option("-p,--port", options->port, "TCP port (default: 8000; 0 picks a free one)")
        ->check(CLI::Range(0, 65535));
    sub->add_option("--host", options->host,
                    "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)");
    sub->add_option("--against", options->against,
                    "Also serve the redline of the corpus against this earlier corpus at /redline");
    sub->add_option("-t,--templates", options->templates, "Template directory (default: the installed templates)");
    add_limit_options(*sub, options->limits);
    sub->callback([options, &exit_code] { exit_code = run_serve(*options); });
}

}  // namespace itucollab::cli
