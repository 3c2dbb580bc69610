// The parser's own floor: YAML::LoadFile on every *.yaml file under a corpus directory, nothing else.
// Usage: itucollab_yaml_floor [--one-at-a-time] CORPUS_DIR
//   default          every tree is kept until the end, as a compiler holds the whole corpus
//   --one-at-a-time  each tree is dropped before the next file is parsed (the streaming minimum)
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    bool one_at_a_time = argc == 3 && std::strcmp(argv[1], "--one-at-a-time") == 0;
    if (argc != 2 && !one_at_a_time) {
        std::fprintf(stderr, "usage: itucollab_yaml_floor [--one-at-a-time] CORPUS_DIR\n");
        return 2;
    }
    const char* dir = argv[argc - 1];
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string path = entry.path().string();
        if (entry.is_regular_file() && (path.ends_with(".yaml") || path.ends_with(".yml"))) files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    std::vector<YAML::Node> kept;
    std::size_t nodes = 0;
    try {
        for (const auto& path : files) {
            YAML::Node root = YAML::LoadFile(path);
            nodes += root.size();
            if (!one_at_a_time) kept.push_back(root);
        }
    } catch (const YAML::Exception& e) {
        std::fprintf(stderr, "itucollab_yaml_floor: %s\n", e.what());
        return 1;
    }
    std::printf("%zu files, %zu top-level nodes\n", files.size(), nodes);
    return 0;
}
