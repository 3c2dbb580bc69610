// The five fuzz targets, compiled into the suite: every kept crash input and every seed replays clean.
#define ITUCOLLAB_FUZZ_REPLAY 1
#include "../fuzz/fuzz_diff.cpp"
#include "../fuzz/fuzz_emitters.cpp"
#include "../fuzz/fuzz_inline.cpp"
#include "../fuzz/fuzz_loader.cpp"
#include "../fuzz/fuzz_yaml.cpp"

#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <filesystem>
#include <map>
#include <string>

namespace fs = std::filesystem;
using testsupport::read_file;
using testsupport::source_dir;

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, Target>& targets() {
    static const std::map<std::string, Target> all{{"fuzz_yaml", fuzztarget::yaml},
                                                   {"fuzz_inline", fuzztarget::inline_markup},
                                                   {"fuzz_loader", fuzztarget::loader},
                                                   {"fuzz_emitters", fuzztarget::emitters},
                                                   {"fuzz_diff", fuzztarget::diff}};
    return all;
}

// A failed check inside a target aborts: Catch reports the SIGABRT with the input named by INFO.
void replay(const std::string& target, const std::string& name, const std::string& bytes) {
    INFO(target << " on " << name);
    CHECK(targets().at(target)(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) == 0);
}

std::string with_index(std::size_t index, const std::string& content) {
    return std::string(1, static_cast<char>(index)) + content;
}

}  // namespace

TEST_CASE("fuzz replay: every input kept under fuzz/regressions passes its target", "[fuzz]") {
    fs::path root = fs::path(source_dir()) / "fuzz" / "regressions";
    std::size_t replayed = 0;
    for (const auto& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory()) continue;
        std::string target = dir.path().filename().string();
        INFO("fuzz/regressions/" << target);
        REQUIRE(targets().contains(target));  // a folder per target, named like the binary
        for (const auto& input : fs::directory_iterator(dir.path())) {
            replay(target, input.path().filename().string(), read_file(input.path().string()));
            ++replayed;
        }
    }
    WARN("fuzz regressions replayed: " << replayed);
}

TEST_CASE("fuzz replay: the seeds pass every target, and the fixture files render in every format", "[fuzz]") {
    const auto& files = fuzzsupport::mini_files();
    REQUIRE(files.size() == 6);
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string single = with_index(i, files[i].second);
        // Unchanged, the fixture loads, so the emitter and diff checks below run on real output.
        auto fs_ = fuzzsupport::corpus_from(reinterpret_cast<const std::uint8_t*>(single.data()), single.size());
        CHECK(itucollab::load_corpus(fs_, "mini").status == itucollab::LoadResult::Status::ok);
        for (const char* target : {"fuzz_yaml", "fuzz_inline", "fuzz_loader", "fuzz_emitters"}) replay(target, files[i].first, single);
        std::string pair = std::string(1, static_cast<char>(i)) + single;
        replay("fuzz_diff", files[i].first, pair);
        replay("fuzz_diff", files[i].first + " on both sides", pair + '\0' + files[i].second);
    }
    std::size_t payloads = 0;
    for (const auto& seed : fs::directory_iterator(fs::path(source_dir()) / "fuzz" / "seeds")) {
        std::string bytes = read_file(seed.path().string());
        for (std::size_t file : {std::size_t{3}, std::size_t{4}}) {  // report.yaml, the first section
            for (const auto& [name, fn] : targets()) replay(name, seed.path().filename().string(), with_index(file, bytes));
        }
        ++payloads;
    }
    CHECK(payloads >= 10);
}

TEST_CASE("fuzz replay: the checks catch what they look for", "[fuzz]") {
    // check_html must refuse data that became markup; run in a child so the abort is observable.
    auto aborts = [](auto check) {
        pid_t child = ::fork();
        if (child == 0) {
            ::freopen("/dev/null", "w", stderr);
            check();
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    };
    CHECK(aborts([] { fuzzsupport::check_html("html", "<p>a</p><script>x</script>", {"p"}); }));
    CHECK(aborts([] { fuzzsupport::check_html("html", "<a href=\"javascript:x\">a</a>", {"a"}); }));
    CHECK(aborts([] { fuzzsupport::check_characters("txt", std::string("a\x01" "b")); }));
    CHECK(aborts([] { fuzzsupport::check_xml("xml", "part", "<a><b></a>"); }));
    CHECK(aborts([] { fuzzsupport::check_docx("docx", "PK not a zip"); }));
    CHECK(aborts([] {
        itucollab::Span link{itucollab::Span::Kind::link, "", "javascript:x", {}};
        fuzztarget::inline_checks::check_spans({link}, 1);
    }));
    CHECK(aborts([] { fuzzsupport::check_html("html", "<p class=\"x\"><a id=\"y\" href=\"data:x\">a</a></p>", {"a", "p"}); }));
    CHECK_FALSE(aborts([] { fuzzsupport::check_html("html", "<!DOCTYPE html><p>a &lt;b&gt;</p>", {"p"}); }));
    // Quotes need no escaping in HTML text: `href="` there is text, not a link (fuzz/regressions/fuzz_diff/).
    CHECK_FALSE(aborts([] { fuzzsupport::check_html("html", "<p>Key IT/href=\"vance</p><a href=\"#x\">a</a>", {"a", "p"}); }));
}
