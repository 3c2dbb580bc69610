// The layer check (cmake/check_layers.cpp): an include against the direction fails, naming file:line and edge.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

// A copy of the source tree's src/ and include/, where a test may plant includes.
struct TreeCopy {
    std::string root = temp_dir("layers");
    TreeCopy() {
        for (const char* dir : {"src", "include"})
            fs::copy(fs::path(source_dir()) / dir, fs::path(root) / dir, fs::copy_options::recursive);
    }
    ~TreeCopy() { fs::remove_all(root); }
    // Puts `line` before line `at` (1-based) of `relative`.
    void plant(const std::string& relative, std::size_t at, const std::string& line) const {
        std::string text = read_file(root + "/" + relative);
        std::size_t pos = 0;
        for (std::size_t n = 1; n < at; ++n) pos = text.find('\n', pos) + 1;
        text.insert(pos, line + "\n");
        std::ofstream(root + "/" + relative, std::ios::binary) << text;
    }
    [[nodiscard]] RunResult check() const {
        return run(std::string(ITUCOLLAB_LAYER_CHECK) + " '" + root + "' --stamp '" + root + "/stamp'");
    }
};

}  // namespace

TEST_CASE("layers: the source tree's includes all follow the layer direction") {
    TreeCopy tree;
    RunResult r = tree.check();
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(fs::exists(tree.root + "/stamp"));
}

TEST_CASE("layers: an include against the direction fails, naming file:line and the forbidden edge") {
    TreeCopy tree;
    SECTION("the model including an emitter's header by a relative path") {
        tree.plant("src/model/document.cpp", 3, "#include \"../emit/formats.hpp\"");
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("src/model/document.cpp:3: error: layer model -> emit is against the direction") !=
              std::string::npos);
    }
    SECTION("an emitter reaching into the loader, as docx/runs.cpp once did") {
        tree.plant("src/emit/docx/runs.cpp", 4, "#include \"../../load/inline_parser.hpp\"");
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("src/emit/docx/runs.cpp:4: error: layer emit -> load") != std::string::npos);
    }
    SECTION("the presentation layer naming a loader header from the src/ root") {
        tree.plant("src/present/present.cpp", 2, "#include \"load/inline_parser.hpp\"");
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("src/present/present.cpp:2: error: layer present -> load") != std::string::npos);
    }
    SECTION("a public header of a lower layer including a higher one") {
        tree.plant("include/itucollab/model.hpp", 5, "#include <itucollab/diff.hpp>");
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("include/itucollab/model.hpp:5: error: layer model -> diff") != std::string::npos);
    }
    SECTION("the diff renderers reaching into the loader") {
        tree.plant("src/diff/render_text.cpp", 2, "#include <itucollab/loader.hpp>");
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("src/diff/render_text.cpp:2: error: layer diff -> load") != std::string::npos);
    }
    SECTION("a new src/ directory no layer owns") {
        fs::create_directories(tree.root + "/src/extra");
        std::ofstream(tree.root + "/src/extra/extra.cpp") << "// extra\n";
        RunResult r = tree.check();
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find("src/extra/ belongs to no layer") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(tree.root + "/stamp"));
}

TEST_CASE("layers: includes down the table pass") {
    TreeCopy tree;
    tree.plant("src/diff/render_text.cpp", 2, "#include \"../present/present.hpp\"");
    tree.plant("src/rollover/rollover.cpp", 2, "#include <itucollab/loader.hpp>");
    tree.plant("src/cli/main.cpp", 2, "#include \"../import/import.hpp\"");
    RunResult r = tree.check();
    INFO(r.output);
    CHECK(r.status == 0);
}
