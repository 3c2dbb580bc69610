// `itucollab serve`: the real binary on a copy of the mini fixture, over HTTP; and the loader's parse cache.
#include "support.hpp"
#include "test_serve_support.hpp"

#include "load/parse_cache.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>

using namespace testsupport;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A scratch copy of tests/fixtures/mini, removed at the end.
struct MiniCopy {
    std::string root = temp_dir("serve");
    std::string corpus = root + "/mini";
    MiniCopy() { fs::copy(source_dir() + "/tests/fixtures/mini", corpus, fs::copy_options::recursive); }
    ~MiniCopy() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    std::string path(const std::string& rel) const { return corpus + "/" + rel; }
    // Writes like an editor that saves in place (close-write) or through a rename (moved-to).
    void write(const std::string& rel, const std::string& text, bool by_rename = false) const {
        std::string target = path(rel);
        std::string written = by_rename ? target + ".swp~" : target;
        std::ofstream(written, std::ios::binary | std::ios::trunc) << text;
        if (by_rename) fs::rename(written, target);
    }
};

std::string page(const ServeProcess& server, const std::string& target = "/") {
    return http_get(server.port(), target).raw;
}

// The generation the served page was built from, as its live-reload script says.
// (with the server's instance, as the page's script asks for events).
std::string generation_of(const std::string& page_text) {
    std::smatch m;
    REQUIRE(std::regex_search(page_text, m, std::regex(R"(/events\?since=(\d+)&server=([0-9a-f]+))")));
    return m[1].str() + "&server=" + m[2].str();
}

std::string wait_for_page(const ServeProcess& server, const std::string& text, const std::string& target = "/") {
    return poll_until([&] { return page(server, target); },
                      [&](const std::string& p) { return p.find(text) != std::string::npos; }, 5000ms);
}

}  // namespace

TEST_CASE("serve: the report page is served, with the live-reload script that build never writes") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    HttpReply reply = http_get(server.port(), "/");
    CHECK(reply.status == 200);
    CHECK(reply.raw.find("<title>Mini report</title>") != std::string::npos);
    CHECK(reply.raw.find("new EventSource('/events?since=") != std::string::npos);
    CHECK(reply.raw.find("Content-Security-Policy: default-src 'none'") != std::string::npos);
    // The script's nonce is the one the policy allows.
    std::smatch nonce;
    REQUIRE(std::regex_search(reply.raw, nonce, std::regex(R"re(<script nonce="([0-9a-f]+)">)re")));
    CHECK(reply.raw.find("script-src 'nonce-" + nonce[1].str() + "'") != std::string::npos);

    std::string out = mini.root + "/out";
    RunResult built = run("'" + binary() + "' build '" + mini.corpus + "' --format html -o '" + out + "'");
    REQUIRE(built.status == 0);
    for (const auto& entry : fs::directory_iterator(out)) {
        CHECK(read_file(entry.path().string()).find("<script") == std::string::npos);
    }
}

TEST_CASE("serve: only its own pages: traversal, corpus files, other methods and foreign hosts are refused") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    for (std::string target : {"/../report.yaml", "/%2e%2e/report.yaml", "/..%2freport.yaml", "/%2e%2e%2freport.yaml",
                               "/report.yaml", "/sections/01-first.yaml", "//etc/passwd", "/../../../../etc/passwd",
                               "/index.html/..", "/redline", "/events/../report.yaml"}) {
        HttpReply reply = http_get(server.port(), target);
        INFO(target << "\n" << reply.raw.substr(0, 300));
        CHECK(reply.status == 404);
        CHECK(reply.raw.find("symbol: C99/INF/7") == std::string::npos);
        CHECK(reply.raw.find("root:") == std::string::npos);
    }
    CHECK(http_get(server.port(), "/", "127.0.0.1", "POST").status == 405);
    CHECK(http_get(server.port(), "/", "attacker.example:80").status == 403);  // DNS rebinding
    CHECK(http_get(server.port(), "/", "localhost:" + std::to_string(server.port())).status == 200);
    // An oversized request line is refused without harm.
    CHECK(http_get(server.port(), "/" + std::string(20000, 'a')).status == 414);
    CHECK(http_get(server.port(), "/").status == 200);
}

TEST_CASE("serve: a save sends a reload event and the page shows the edit") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    std::string generation = generation_of(page(server));
    EventStream events(server.port(), "/events?since=" + generation);
    REQUIRE(events.wait_for("retry: ", 2000ms));
    std::string text = read_file(mini.path("sections/01-first.yaml"));

    auto start = std::chrono::steady_clock::now();
    mini.write("sections/01-first.yaml", replace_once(text, "The opening paragraph", "The REWRITTEN opening"));
    INFO(server.log());
    REQUIRE(events.wait_for("event: reload", 2000ms));
    double latency = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(latency < 1000);
    WARN("save to reload event: " << latency << " ms");
    CHECK(page(server).find("The REWRITTEN opening") != std::string::npos);
    // A save that changes no output (a comment) rebuilds but reloads nothing.
    EventStream quiet(server.port(), "/events?since=" + generation_of(page(server)));
    REQUIRE(quiet.wait_for("retry: ", 1000ms));
    mini.write("sections/01-first.yaml", "# a comment\n" + replace_once(text, "The opening paragraph", "The REWRITTEN opening"));
    CHECK(poll_until([&] { return server.log(); },
                     [](const std::string& l) { return l.find("pages unchanged (no reload)") != std::string::npos; },
                     2000ms)
              .find("pages unchanged (no reload)") != std::string::npos);
    CHECK_FALSE(quiet.wait_for("event: reload", 300ms));
    // Incremental: the rebuild read and parsed the one file that changed, of the six.
    std::string log = poll_until([&] { return server.log(); },
                                 [](const std::string& l) { return l.find("rebuilt (generation 2)") != std::string::npos; },
                                 2000ms);
    CHECK(log.find("first build: load, check and render in") != std::string::npos);
    CHECK(log.find("6 file(s) read, 6 parsed") != std::string::npos);
    CHECK(log.find("rebuilt (generation 2) in") != std::string::npos);
    CHECK(log.find("1 file(s) read, 1 parsed") != std::string::npos);

    // An editor that saves through a rename is seen too; a stale `since` gets the reload at once.
    SECTION("rename-save") {
        std::string before = generation_of(page(server));
        mini.write("sections/01-first.yaml", replace_once(text, "The opening paragraph", "The RENAMED opening"), true);
        CHECK(wait_for_page(server, "The RENAMED opening").find("The RENAMED opening") != std::string::npos);
        EventStream late(server.port(), "/events?since=" + before);
        CHECK(late.wait_for("event: reload", 1000ms));
        // A page from an earlier run of the server (another instance) reloads at once, whatever its number.
        EventStream restarted(server.port(), "/events?since=99&server=0123");
        CHECK(restarted.wait_for("event: reload", 1000ms));
        EventStream current(server.port(), "/events?since=" + generation_of(page(server)));
        CHECK(current.wait_for("retry: ", 1000ms));
        CHECK_FALSE(current.wait_for("event: reload", 300ms));
    }
}

TEST_CASE("serve: corpus errors replace the report with file:line:col and the source line, until fixed") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    std::string text = read_file(mini.path("sections/01-first.yaml"));
    mini.write("sections/01-first.yaml", replace_once(text, "title: First section\n",
                                                      "title: First section\nbogus_key: <b>x</b>\n"));
    std::string broken = wait_for_page(server, "unknown-key");
    INFO(broken.substr(0, 2000));
    CHECK(broken.find("sections/01-first.yaml:3:1: error: unknown key 'bogus_key'") != std::string::npos);
    CHECK(broken.find("  bogus_key: &lt;b&gt;x&lt;/b&gt;\n  ^") != std::string::npos);  // source line, escaped
    CHECK(broken.find("<b>x</b>") == std::string::npos);
    CHECK(broken.find("<title>Mini report</title>") == std::string::npos);  // no stale report
    CHECK(broken.find("new EventSource(") != std::string::npos);            // and it reloads itself

    mini.write("sections/01-first.yaml", text);
    std::string fixed = wait_for_page(server, "<title>Mini report</title>");
    CHECK(fixed.find("<title>Mini report</title>") != std::string::npos);
    CHECK(fixed.find("unknown-key") == std::string::npos);

    SECTION("a new subdirectory and a deleted file are watched too") {
        fs::create_directories(mini.path("extra/deeper"));
        mini.write("extra/deeper/stray.yaml", "id: stray\n");
        CHECK(wait_for_page(server, "unlisted-file").find("extra/deeper/stray.yaml:1:1") != std::string::npos);
        fs::remove(mini.path("extra/deeper/stray.yaml"));
        CHECK(wait_for_page(server, "<title>Mini report</title>").find("unlisted-file") == std::string::npos);
        fs::remove(mini.path("sections/02-second.yaml"));
        CHECK(wait_for_page(server, "missing-file").find("no file 'sections/02-second.yaml'") !=
              std::string::npos);
    }
}

TEST_CASE("serve: pages are served while 20 live-reload clients are connected, and vanished clients do no harm") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    std::string generation = generation_of(page(server));
    std::vector<std::unique_ptr<EventStream>> clients;
    for (int i = 0; i < 20; ++i) clients.push_back(std::make_unique<EventStream>(server.port(), "/events?since=" + generation));
    for (auto& c : clients) REQUIRE(c->wait_for("retry: ", 3000ms));

    auto start = std::chrono::steady_clock::now();
    HttpReply reply = http_get(server.port(), "/");
    CHECK(reply.status == 200);
    CHECK((std::chrono::steady_clock::now() - start < 1000ms));
    // Past the streams the server holds open, a client gets its answer and an end (its browser polls).
    std::vector<std::unique_ptr<EventStream>> extra;
    for (int i = 0; i < 12; ++i) extra.push_back(std::make_unique<EventStream>(server.port(), "/events?since=" + generation));
    for (auto& c : extra) CHECK(c->wait_for("retry: ", 3000ms));
    start = std::chrono::steady_clock::now();
    CHECK(http_get(server.port(), "/").status == 200);
    CHECK((std::chrono::steady_clock::now() - start < 1000ms));
    int ended = 0;  // the chunked body ended
    for (auto& c : extra) ended += c->wait_for("\r\n0\r\n\r\n", 400ms) ? 1 : 0;
    CHECK(ended >= 8);
    extra.clear();

    // Clients that go away: a reset event stream, a page request dropped after its first bytes.
    clients.back()->abort();
    clients.pop_back();
    {
        EventStream dropped(server.port(), "/");
        dropped.wait_for("HTTP/1.1", 2000ms);
        dropped.abort();
    }
    std::string text = read_file(mini.path("report.yaml"));
    mini.write("report.yaml", replace_once(text, "short_title: Mini report", "short_title: Mini report two"));
    for (auto& c : clients) CHECK(c->wait_for("event: reload", 3000ms));
    CHECK(page(server).find("<title>Mini report two</title>") != std::string::npos);
}

TEST_CASE("serve: Ctrl-C and SIGTERM exit 0 within a second with event streams open") {
    MiniCopy mini;
    for (int sig : {SIGINT, SIGTERM}) {
        ServeProcess server(mini.corpus);
        std::string generation = generation_of(page(server));
        EventStream a(server.port(), "/events?since=" + generation), b(server.port(), "/events?since=" + generation);
        REQUIRE(a.wait_for("retry: ", 2000ms));
        REQUIRE(b.wait_for("retry: ", 2000ms));
        double seconds = 0;
        int status = server.stop(sig, 3000ms, seconds);
        INFO("signal " << sig << ", " << seconds << " s");
        CHECK(status == 0);
        CHECK(seconds < 1.0);
    }
}

TEST_CASE("serve: a busy port is exit 2 with a clear message") {
    MiniCopy mini;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    std::string port = std::to_string(ntohs(addr.sin_port));
    RunResult r = run("timeout 10 '" + binary() + "' serve '" + mini.corpus + "' --port " + port);
    ::close(fd);
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("cannot listen on 127.0.0.1:" + port + ": the port is in use") != std::string::npos);
    CHECK(r.output.find("--port 0") != std::string::npos);
}

TEST_CASE("serve: --against serves the live redline at /redline") {
    MiniCopy mini;
    ServeProcess server(mini.corpus, {"--against", source_dir() + "/tests/fixtures/mini"});
    HttpReply redline = http_get(server.port(), "/redline");
    CHECK(redline.status == 200);
    CHECK(redline.raw.find("No differences.") != std::string::npos);
    CHECK(redline.raw.find("new EventSource(") != std::string::npos);
    std::string text = read_file(mini.path("sections/01-first.yaml"));
    mini.write("sections/01-first.yaml", replace_once(text, "The opening paragraph", "The amended opening paragraph"));
    std::string changed = wait_for_page(server, "<ins>", "/redline");
    CHECK(changed.find("<ins>amended") != std::string::npos);
}

TEST_CASE("parse cache: unchanged text reuses the tree and its diagnostics, changed text is parsed again") {
    itucollab::ParseCache cache;
    itucollab::yaml::Limits limits;
    itucollab::Diagnostics first, second, third;
    auto a = cache.parse("a: 1\nb: [x\n", "f.yaml", first, limits);
    auto b = cache.parse("a: 1\nb: [x\n", "f.yaml", second, limits);
    CHECK(cache.hits() == 1);
    CHECK(cache.misses() == 1);
    CHECK(a == b);
    REQUIRE(first.all().size() == second.all().size());
    REQUIRE_FALSE(first.all().empty());
    CHECK(first.all()[0].message == second.all()[0].message);
    CHECK(first.all()[0].loc.line == second.all()[0].loc.line);
    auto c = cache.parse("a: 2\n", "f.yaml", third, limits);
    CHECK(cache.misses() == 2);
    REQUIRE(c);
    CHECK(third.all().empty());
    // Another file with the same text is its own entry (positions name the file).
    itucollab::Diagnostics other;
    cache.parse("a: 1\nb: [x\n", "g.yaml", other, limits);
    CHECK(cache.misses() == 3);
    CHECK(other.all().at(0).loc.file == "g.yaml");
    // sweep() keeps what was asked for since the last sweep only.
    cache.sweep();
    cache.parse("a: 2\n", "f.yaml", third, limits);
    cache.sweep();
    cache.parse("a: 1\nb: [x\n", "g.yaml", other, limits);
    CHECK(cache.misses() == 4);
}

TEST_CASE("parse cache: a load through the cache equals a plain load, errors included") {
    auto fs_ok = fixture("mini");
    auto fs_bad = fixture("mini", {{"mini/sections/01-first.yaml", "id: first\ntitle: [unclosed\n"}});
    itucollab::ParseCache cache;
    itucollab::LoadOptions cached;
    cached.parse_cache = &cache;
    for (int round = 0; round < 2; ++round) {
        for (auto* files : {&fs_ok, &fs_bad}) {
            itucollab::LoadResult plain = itucollab::load_corpus(*files, "mini");
            itucollab::LoadResult reused = itucollab::load_corpus(*files, "mini", cached);
            CHECK(diagnostics_text(plain) == diagnostics_text(reused));
            CHECK(plain.status == reused.status);
        }
    }
    CHECK(cache.hits() > 0);
}

TEST_CASE("serve: in headless Chromium the open page follows saves, shows an unknown key's file:line, recovers") {
    std::string script = source_dir() + "/tests/tools/serve/live-reload.mjs";
    const char* chromium = "/usr/bin/chromium";
    if (!have_tools({tool_command("node", "nodejs"), tool_path(chromium, "Debian package chromium"),
                     tool_node_module("playwright-core")})) {
        return;
    }
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    RunResult r = run("node '" + script + "' '" + server.url() + "' '" + mini.corpus + "' " + chromium);
    INFO(r.output << "\nserver log:\n" << server.log());
    CHECK(r.status == 0);
    CHECK(r.output.find("passed: 3 self-reloads") != std::string::npos);
}

TEST_CASE("serve: the corpus directory replaced as a whole (moved away, put back) is watched again") {
    MiniCopy mini;
    ServeProcess server(mini.corpus);
    std::string aside = mini.root + "/aside";
    fs::rename(mini.corpus, aside);
    CHECK(wait_for_page(server, "corpus-not-found").find("corpus-not-found") != std::string::npos);
    fs::rename(aside, mini.corpus);
    CHECK(wait_for_page(server, "<title>Mini report</title>").find("<title>Mini report</title>") != std::string::npos);
    std::string text = read_file(mini.path("sections/01-first.yaml"));
    mini.write("sections/01-first.yaml", replace_once(text, "The opening paragraph", "The RETURNED opening"));
    CHECK(wait_for_page(server, "The RETURNED opening").find("The RETURNED opening") != std::string::npos);
}

TEST_CASE("serve: clients that reset mid-page or close their event stream do no harm") {
    std::string root = temp_dir("serve-big");
    fs::copy(source_dir() + "/data/c21-inf-2", root + "/c21", fs::copy_options::recursive);
    ServeProcess server(root + "/c21");
    // The bundled report's page (~100 KB) cannot fit in a 4 KiB receive buffer: the server is
    // still writing when each of these clients resets the connection.
    for (int i = 0; i < 10; ++i) {
        EventStream reader(server.port(), "/", 4096);
        REQUIRE(reader.wait_for("HTTP/1.1 200", 2000ms));
        reader.abort();
    }
    HttpReply reply = http_get(server.port(), "/");
    CHECK(reply.status == 200);
    CHECK(reply.raw.find("</html>") != std::string::npos);

    // Event streams whose clients closed (no reset): the next event is written to a closed peer and
    // the one after fails with EPIPE, which must not end the server (SIGPIPE).
    std::string generation = generation_of(page(server));
    for (int i = 0; i < 3; ++i) {
        EventStream gone(server.port(), "/events?since=" + generation);
        REQUIRE(gone.wait_for("retry: ", 2000ms));
    }
    std::string report = root + "/c21/report.yaml";
    std::string text = read_file(report);
    for (const char* title : {"short_title: One", "short_title: Two", "short_title: Three"}) {
        std::ofstream(report, std::ios::binary | std::ios::trunc)
            << replace_once(text, "short_title: Collaboration with UN system", title);
        std::string shown = std::string("<title>") + (title + 13) + "</title>";
        CHECK(wait_for_page(server, shown).find(shown) != std::string::npos);
        ::usleep(300'000);  // let the streams write (and fail) before the next save
    }
    CHECK(http_get(server.port(), "/").status == 200);
    std::error_code ec;
    fs::remove_all(root, ec);
}
