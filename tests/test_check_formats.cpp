// `itucollab check` for CI: planted mistakes in every corpus file reach json, github and sarif output;
// the SARIF validates against SARIF 2.1.0; the JSON Schema agrees with the loader.
#include "support.hpp"

#include <itucollab/schema.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

using namespace testsupport;
namespace fs = std::filesystem;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }

std::string node_modules() { return source_dir() + "/node_modules"; }

Tool node() { return tool_command("node", "nodejs"); }

// A copy of the bundled corpus in a temp dir; returns its path.
std::string corpus_copy(const std::string& tag) {
    std::string dir = temp_dir(tag) + "/c21-inf-2";
    fs::copy(source_dir() + "/data/c21-inf-2", dir, fs::copy_options::recursive);
    return dir;
}

std::vector<std::string> corpus_files(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() == ".yaml") files.push_back(e.path().lexically_relative(dir).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::size_t line_count(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("an unknown key planted in any corpus file is reported as a github annotation, in json and in sarif") {
    std::string dir = corpus_copy("planted-key");
    auto files = corpus_files(dir);
    REQUIRE(files.size() == 14);
    for (const auto& rel : files) {
        INFO(rel);
        std::string path = dir + "/" + rel;
        std::string original = read_file(path);
        std::ofstream(path, std::ios::binary) << original << "zzz_planted: 1\n";
        std::size_t line = line_count(original) + 1;
        std::string shown = path;  // absolute: outside the working directory, shown as given
        RunResult gh = run(binary() + " check " + q(dir) + " --format github");
        CHECK(gh.status == 1);
        CHECK(gh.output.find(fmt::format("::error file={},line={},col=1,title=unknown-key::unknown key 'zzz_planted'",
                                         shown, line)) != std::string::npos);
        RunResult json = run(binary() + " check " + q(dir) + " --format json");
        CHECK(json.status == 1);
        CHECK(json.output.find(fmt::format(R"("code": "unknown-key", "file": "{}", "line": {}, "column": 1)", shown, line)) !=
              std::string::npos);
        RunResult sarif = run(binary() + " check " + q(dir) + " --format sarif");
        CHECK(sarif.status == 1);
        CHECK(sarif.output.find(fmt::format(R"("ruleId": "unknown-key")")) != std::string::npos);
        CHECK(sarif.output.find(fmt::format(R"("startLine": {}, "startColumn": 1)", line)) != std::string::npos);
        std::ofstream(path, std::ios::binary) << original;
    }
    CHECK(run(binary() + " check " + q(dir)).status == 0);
}

TEST_CASE("a YAML syntax error planted in any corpus file is reported as a github annotation naming file and line") {
    std::string dir = corpus_copy("planted-syntax");
    for (const auto& rel : corpus_files(dir)) {
        INFO(rel);
        std::string path = dir + "/" + rel;
        std::string original = read_file(path);
        std::ofstream(path, std::ios::binary) << original << "zzz_broken: [unclosed\n";
        RunResult gh = run(binary() + " check " + q(dir) + " --format github");
        CHECK(gh.status == 1);
        CHECK(gh.output.find("::error file=" + path + ",line=") != std::string::npos);
        CHECK(gh.output.find("title=yaml-syntax::YAML syntax error") != std::string::npos);
        std::ofstream(path, std::ios::binary) << original;
    }
}

TEST_CASE("github annotations escape newlines, percent signs, colons and commas") {
    std::string dir = temp_dir("escape") + "/corpus";
    fs::copy(source_dir() + "/tests/fixtures/mini", dir, fs::copy_options::recursive);
    std::ofstream(dir + "/sections/01-first.yaml", std::ios::app) << "\"a%b,c:d\": 1\n";
    RunResult gh = run(binary() + " check " + q(dir) + " --format github");
    CHECK(gh.output.find("title=unknown-key::unknown key 'a%25b,c:d' in section") != std::string::npos);
}

TEST_CASE("check's SARIF output validates against the SARIF 2.1.0 schema") {
    std::string schema = node_modules() + "/@microsoft/sarif-multitool-linux/sarif-2.1.0.json";
    if (!have_tools({node(), tool_node_module(".bin/ajv"), tool_node_module("ajv-formats"),
                     tool_node_module("@microsoft/sarif-multitool-linux/sarif-2.1.0.json")}))
        return;
    std::string dir = temp_dir("sarif");
    std::string broken = dir + "/corpus";
    fs::copy(source_dir() + "/tests/fixtures/mini", broken, fs::copy_options::recursive);
    std::ofstream(broken + "/sections/02-second.yaml", std::ios::app) << "colour: blue\n";
    std::ofstream(broken + "/annex/annex.yaml", std::ios::app) << "\n";
    REQUIRE(run(binary() + " check " + q(broken) + " --format sarif -o " + q(dir + "/bad.sarif.json")).status == 1);
    REQUIRE(run(binary() + " check " + q(source_dir() + "/data/c21-inf-2") + " --format sarif -o " +
                q(dir + "/good.sarif.json")).status == 0);
    std::string ajv = node_modules() + "/.bin/ajv validate --spec=draft2020 --strict=false -c ajv-formats -s " + q(schema);
    for (const char* name : {"bad.sarif.json", "good.sarif.json"}) {
        RunResult r = run("cd " + q(source_dir()) + " && " + ajv + " -d " + q(dir + "/" + name));
        INFO(r.output);
        CHECK(r.status == 0);
        CHECK(r.output.find(" valid") != std::string::npos);
    }
    // The validator does reject a broken log, so the pass above means something.
    std::string tampered = read_file(dir + "/bad.sarif.json");
    tampered = replace_once(tampered, "\"startLine\": 18", "\"startLine\": 0");
    std::ofstream(dir + "/tampered.sarif.json") << tampered;
    CHECK(run("cd " + q(source_dir()) + " && " + ajv + " -d " + q(dir + "/tampered.sarif.json")).status != 0);
}

TEST_CASE("check's json output has a summary") {
    RunResult r = run(binary() + " check " + q(source_dir() + "/tests/fixtures/mini") + " --format json 2>/dev/null");
    CHECK(r.status == 0);
    CHECK(r.output.find("\"format\": \"itucollab-diagnostics\"") != std::string::npos);
    CHECK(r.output.find("\"summary\": {\"errors\": 0, \"warnings\": 0}") != std::string::npos);
}

TEST_CASE("check's json output is valid JSON for python's json.tool") {
    if (!have_tools({tool_python3()})) return;
    std::string out = temp_dir("json") + "/d.json";
    run(binary() + " check " + q(source_dir() + "/tests/fixtures/mini") + " --format json -o " + q(out));
    CHECK(run("/usr/bin/python3 -m json.tool " + q(out)).status == 0);
}

TEST_CASE("warnings fail only under --strict, and human output has no colour when piped or with NO_COLOR") {
    std::string dir = temp_dir("strict") + "/corpus";
    fs::copy(source_dir() + "/tests/fixtures/mini", dir, fs::copy_options::recursive);
    std::string text = read_file(dir + "/sections/01-first.yaml");
    std::ofstream(dir + "/sections/01-first.yaml") << replace_once(text, "- Another bullet.", "- Another  bullet.");
    RunResult plain = run(binary() + " check " + q(dir));
    CHECK(plain.status == 0);
    CHECK(plain.output.find("warning: two spaces in a row") != std::string::npos);
    CHECK(plain.output.find('\x1b') == std::string::npos);
    CHECK(run(binary() + " check --strict " + q(dir)).status == 1);
    CHECK(run("NO_COLOR=1 " + binary() + " check " + q(dir)).output.find('\x1b') == std::string::npos);
}

TEST_CASE("the committed schema/ files are what `itucollab schema` generates") {
    for (const auto& kind : itucollab::corpus_file_kinds()) {
        INFO(kind);
        CHECK(read_file(source_dir() + "/schema/" + kind + ".schema.json") == itucollab::corpus_json_schema(kind));
    }
}

TEST_CASE("the JSON Schema and the loader agree on the bundled corpus and on bad fixtures") {
    if (!have_tools({node(), tool_node_module("ajv"), tool_node_module("js-yaml")})) return;
    std::string validate = "node " + q(source_dir() + "/tests/tools/schema/validate.mjs") + " ";
    std::string schemas = source_dir() + "/schema/";
    std::string corpus = source_dir() + "/data/c21-inf-2/";
    struct Kind {
        const char* schema;
        std::vector<std::string> files;
    };
    std::vector<Kind> kinds{{"report", {"report.yaml"}},
                            {"annex", {"annex/annex.yaml"}},
                            {"mechanisms", {"annex/mechanisms.yaml"}},
                            {"registry", {"registry/instruments.yaml", "registry/un-entities.yaml"}},
                            {"section", {}}};
    for (const auto& f : corpus_files(corpus)) {
        if (f.starts_with("sections/")) kinds.back().files.push_back(f);
    }
    for (const auto& k : kinds) {
        std::string args;
        for (const auto& f : k.files) args += " " + q(corpus + f);
        RunResult r = run(validate + q(schemas + k.schema + ".schema.json") + args);
        INFO(r.output);
        CHECK(r.status == 0);
    }
    REQUIRE(run(binary() + " check " + q(corpus)).status == 0);

    // Each bad file: the loader reports a schema error, and the schema rejects it too.
    struct Bad {
        const char* file;
        const char* kind;
        const char* from;
        const char* to;
    };
    const Bad bad[] = {
        {"sections/01-first.yaml", "section", "footnotes:", "footnotse:"},                      // unknown key
        {"registry/registry.yaml", "registry", "year: 2018", "year: twenty"},                  // wrong type
        {"report.yaml", "report", "  venue: Geneva\n", ""},                                     // missing field
        {"sections/02-second.yaml", "section", "sector: GS", "sector: GSS"},                    // enum
        {"annex/mechanisms.yaml", "mechanisms", "frequency: ~", "frequency: [a, b]"},         // list for scalar
        {"sections/01-first.yaml", "section", "id: first", "id: First"},                        // id pattern
        {"annex/mechanisms.yaml", "mechanisms", "    title: false", "    title: \"no\""},     // boolean
    };
    std::string dir = temp_dir("schema-bad");
    for (const auto& b : bad) {
        INFO(b.file << ": " << b.from << " -> " << b.to);
        std::string corpus_dir = dir + "/" + std::to_string(&b - bad);
        fs::copy(source_dir() + "/tests/fixtures/mini", corpus_dir, fs::copy_options::recursive);
        std::string path = corpus_dir + "/" + b.file;
        std::string edited = replace_once(read_file(path), b.from, b.to);  // read before truncating
        std::ofstream(path, std::ios::binary) << edited;
        CHECK(run(binary() + " check " + q(corpus_dir)).status == 1);
        CHECK(run(validate + q(schemas + b.kind + ".schema.json") + " " + q(path)).status == 1);
    }
}
