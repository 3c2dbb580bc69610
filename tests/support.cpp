// Test helpers shared by the test files.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace testsupport {

std::string source_dir() { return ITUCOLLAB_SOURCE_DIR; }

// ITUCOLLAB_TEST_BINARY runs the suite against another binary, e.g. the installed package's.
std::string binary() {
    const char* other = std::getenv("ITUCOLLAB_TEST_BINARY");
    return other && *other ? other : ITUCOLLAB_BINARY;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

itucollab::MemoryFileSystem fixture(const std::string& name, const std::map<std::string, std::string>& overrides) {
    itucollab::MemoryFileSystem mem;
    fs::path root = fs::path(source_dir()) / "tests" / "fixtures" / name;
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            files[entry.path().lexically_relative(root).generic_string()] = read_file(entry.path().string());
        }
    }
    for (const auto& [path, content] : overrides) {
        if (content.empty()) {
            files.erase(path);
        } else {
            files[path] = content;
        }
    }
    for (const auto& [path, content] : files) mem.add(name + "/" + path, content);
    return mem;
}

itucollab::Document load_mini(const std::map<std::string, std::string>& overrides) {
    auto fs = fixture("mini", overrides);
    itucollab::LoadResult result = itucollab::load_corpus(fs, "mini");
    INFO(diagnostics_text(result));
    REQUIRE(result.document.has_value());
    return std::move(*result.document);
}

itucollab::Document load_bundled() {
    itucollab::DiskFileSystem disk;
    itucollab::LoadResult result = itucollab::load_corpus(disk, source_dir() + "/data/c21-inf-2");
    INFO(diagnostics_text(result));
    REQUIRE(result.document.has_value());
    return std::move(*result.document);
}

std::string diagnostics_text(const itucollab::LoadResult& result) {
    std::string out;
    for (const auto& d : result.diagnostics.all()) out += itucollab::format_human(d, result.sources);
    return out;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    INFO("looking for: " << from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

RunResult run(const std::string& command) {
    RunResult result{-1, {}};
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string temp_dir(const std::string& tag) {
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() / ("itucollab-test-" + tag + "-" + std::to_string(rd()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

namespace {
bool skipped = false;
}  // namespace

bool running_in_ci() {
    const char* ci = std::getenv("CI");
    if (ci == nullptr) return false;
    std::string value = ci;
    return !value.empty() && value != "0" && value != "false";
}

void skip_missing_tool(const std::string& tool) {
    if (running_in_ci()) FAIL("missing tool under CI=" << std::getenv("CI") << ": " << tool);
    skipped = true;
    WARN("skipped: missing tool: " << tool);
}

bool any_test_skipped() { return skipped; }

Tool tool_command(const std::string& command, const std::string& package) {
    return {run("command -v " + command + " >/dev/null").status == 0,
            command + " (Debian package " + package + ", scripts/install-deps --test)"};
}

Tool tool_node_module(const std::string& path) {
    return {fs::exists(fs::path(source_dir()) / "node_modules" / path), "node_modules/" + path + " (npm ci)"};
}

Tool tool_python3() { return tool_path("/usr/bin/python3", "Debian package python3, scripts/install-deps --test"); }

Tool tool_python_module(const std::string& module, const std::string& package) {
    return {run("/usr/bin/python3 -c 'import " + module + "' >/dev/null").status == 0,
            "the Python module " + module + " for /usr/bin/python3 (Debian package " + package +
                ", scripts/install-deps --test)"};
}

Tool tool_path(const std::string& path, const std::string& how) { return {fs::exists(path), path + " (" + how + ")"}; }

bool have_tools(std::initializer_list<Tool> tools) {
    std::string missing;
    for (const Tool& tool : tools) {
        if (!tool.present) missing += (missing.empty() ? "" : "; ") + tool.what;
    }
    if (missing.empty()) return true;
    skip_missing_tool(missing);
    return false;
}

void check_golden(const std::string& name, const std::string& actual) {
    fs::path path = fs::path(source_dir()) / "tests" / "golden" / name;
    const char* update = std::getenv("ITUCOLLAB_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        WARN("golden rewritten: " << path.string());
        return;
    }
    INFO("golden " << path.string() << " (ITUCOLLAB_UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(fs::exists(path));
    CHECK(actual == read_file(path.string()));
}

}  // namespace testsupport
