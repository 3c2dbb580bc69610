// Google Benchmark micro-benchmarks: each pipeline stage on the bundled corpus, in memory, no process start.
#include <itucollab/emitter.hpp>
#include <itucollab/loader.hpp>

#include "load/yaml_tree.hpp"

#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

const std::string corpus_dir = ITUCOLLAB_SOURCE_DIR "/data/c21-inf-2";

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

// The bundled corpus as an in-memory file system under "corpus/", so no stage below touches the disk.
const itucollab::MemoryFileSystem& corpus() {
    static const itucollab::MemoryFileSystem fs = [] {
        itucollab::MemoryFileSystem m;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
                m.add("corpus/" + entry.path().lexically_relative(corpus_dir).generic_string(), slurp(entry.path()));
            }
        }
        return m;
    }();
    return fs;
}

const itucollab::Document& document() {
    static const itucollab::Document doc = [] {
        auto result = itucollab::load_corpus(corpus(), "corpus");
        if (!result.document) throw std::runtime_error("the bundled corpus does not load");
        return *result.document;
    }();
    return doc;
}

const std::string mechanisms_text = slurp(corpus_dir + "/annex/mechanisms.yaml");

void load_corpus(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(itucollab::load_corpus(corpus(), "corpus"));
}
BENCHMARK(load_corpus)->Unit(benchmark::kMillisecond);

// Our positioned tree (yaml-cpp events) against yaml-cpp's own YAML::Load on the largest file.
void tree_parse_mechanisms(benchmark::State& state) {
    for (auto _ : state) {
        itucollab::Diagnostics diags;
        benchmark::DoNotOptimize(itucollab::yaml::parse(mechanisms_text, "mechanisms.yaml", diags));
    }
}
BENCHMARK(tree_parse_mechanisms)->Unit(benchmark::kMillisecond);

void yaml_cpp_load_mechanisms(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(YAML::Load(mechanisms_text));
}
BENCHMARK(yaml_cpp_load_mechanisms)->Unit(benchmark::kMillisecond);

void render(benchmark::State& state, const itucollab::Emitter* emitter) {
    itucollab::EmitOptions options;
    options.templates_dir = ITUCOLLAB_SOURCE_DIR "/templates";
    try {
        (void)emitter->render(document(), options);
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(emitter->render(document(), options));
}

const int registered = [] {
    for (const auto& e : itucollab::emitters()) {
        benchmark::RegisterBenchmark(("render/" + std::string(e.name)).c_str(), render, &e)
            ->Unit(benchmark::kMillisecond);
    }
    return 0;
}();

}  // namespace

BENCHMARK_MAIN();
