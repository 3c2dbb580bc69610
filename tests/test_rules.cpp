// Every rule of the catalogue, by exact diagnostic in human and json form; docs/rules.md generated.
#include "support.hpp"

#include <itucollab/report_formats.hpp>
#include <itucollab/rules.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

using namespace testsupport;
using namespace itucollab;

namespace {

struct RuleCase {
    std::string rule, file, find, replace, expect, fix;
    bool whole_file = false;
};

std::vector<RuleCase> load_cases() {
    YAML::Node root = YAML::LoadFile(source_dir() + "/tests/rules/cases.yaml");
    std::vector<RuleCase> cases;
    for (const auto& n : root) {
        RuleCase c;
        c.rule = n["rule"].as<std::string>();
        c.file = n["file"].as<std::string>();
        c.find = n["find"].as<std::string>();
        c.replace = n["replace"].as<std::string>();
        c.expect = n["expect"] ? n["expect"].as<std::string>() : "";
        c.fix = n["fix"].as<std::string>();
        c.whole_file = n["whole_file"] && n["whole_file"].as<bool>();
        for (auto at = c.replace.find("<0xFF>"); at != std::string::npos; at = c.replace.find("<0xFF>")) {
            c.replace.replace(at, 6, "\xFF");
        }
        cases.push_back(c);
    }
    return cases;
}

// Rules whose failing input cannot be an edit of the mini fixture, and where they are tested.
const std::map<std::string, std::string> tested_elsewhere{
    {"corpus-not-found", "a missing directory: tests/test_cli.cpp (usage and I/O trouble exit 2)"},
    {"unreadable-file", "a file the process may not read: covered by the loader's read path, not reproducible as root"},
    {"symlink-refused", "a symbolic link on disk: tests/test_hostile.cpp"},
    {"yaml-alias", "yaml-cpp reports an alias to an undefined anchor as a syntax error, and every defined anchor is refused first"},
    {"file-too-large", "the size limit: tests/test_hostile.cpp"},
    {"too-many-nodes", "the node limit: tests/test_hostile.cpp"},
    {"too-many-files", "the file-count limit: tests/test_hostile.cpp"},
    {"corpus-too-large", "the corpus size limit: tests/hostile/cases.yaml and tests/test_bounds.cpp"},
    {"too-many-diagnostics", "the diagnostic limit: tests/test_hostile.cpp"},
    {"too-much-markup", "the inline markup limit: tests/test_inline_cmark.cpp and tests/hostile/cases.yaml"},
};

struct Outcome {
    std::string human;  // every line of the first diagnostic with the rule's code
    std::string json;
    bool found = false;
};

Outcome run_case(const RuleCase& c) {
    std::string content = c.whole_file ? c.replace
                                       : replace_once(read_file(source_dir() + "/tests/fixtures/mini/" + c.file), c.find,
                                                      c.replace);
    auto fs = fixture("mini", {{c.file, content}});
    LoadResult result = load_corpus(fs, "mini");
    Outcome out;
    for (const auto& d : result.diagnostics.all()) {
        if (d.code == c.rule && !out.found) {
            out.human = format_human(d, result.sources);
            out.found = true;
        }
    }
    out.json = diagnostics_json(result.diagnostics.all(), {"test", "mini"});
    return out;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("every rule's failing example gives its exact diagnostic, in human and json form") {
    for (const auto& c : load_cases()) {
        INFO("rule " << c.rule);
        Outcome out = run_case(c);
        REQUIRE(out.found);
        CHECK(first_line(out.human) == c.expect);
        static const std::regex line(R"((.*):(\d+):(\d+): (error|warning): (.*) \[([a-z0-9-]+)\])");
        std::smatch m;
        REQUIRE(std::regex_match(c.expect, m, line));
        CHECK(m[6] == c.rule);
        std::string object = fmt::format(R"({{"severity": "{}", "code": "{}", "file": {}, "line": {}, "column": {}, "message": {})",
                                         m[4].str(), c.rule, json_quote(m[1].str()), m[2].str(), m[3].str(),
                                         json_quote(m[5].str()));
        INFO(out.json);
        CHECK(out.json.find(object) != std::string::npos);
        const RuleInfo* info = find_rule(c.rule);
        REQUIRE(info != nullptr);
        CHECK(m[4].str() == (info->severity == Severity::error ? "error" : "warning"));
    }
}

TEST_CASE("every rule in the catalogue has a failing example or names where it is tested") {
    std::set<std::string> with_case;
    for (const auto& c : load_cases()) with_case.insert(c.rule);
    for (const auto& r : rule_catalogue()) {
        INFO("rule " << r.code);
        CHECK((with_case.contains(std::string(r.code)) || tested_elsewhere.contains(std::string(r.code))));
    }
    for (const auto& code : with_case) CHECK(find_rule(code) != nullptr);
}

TEST_CASE("docs/rules.md documents every rule, generated from the catalogue and the cases") {
    auto cases = load_cases();
    std::string doc =
        "# Rules\n\n"
        "Every diagnostic `itucollab check` and `itucollab build` can report, with its stable code and severity.\n"
        "`--strict` makes warnings fail. A warning about published wording that must stay as it is can be\n"
        "accepted in `report.yaml`, naming the rule, the record and the reason:\n\n"
        "```yaml\naccept:\n  - rule: unbalanced-brackets\n    in: iaga\n"
        "    reason: published wording, \"PP Res. 175 (Rev. Dubai (2018)\"\n```\n\n"
        "Errors cannot be accepted. Each example below is an edit of the test fixture `tests/fixtures/mini`;\n"
        "`tests/test_rules.cpp` checks that it gives exactly the diagnostic shown (this file is generated from\n"
        "`tests/rules/cases.yaml`: `ITUCOLLAB_UPDATE_GOLDEN=1` rewrites it).\n";
    std::string group;
    for (const auto& r : rule_catalogue()) {
        if (r.group != group) {
            group = r.group;
            doc += fmt::format("\n## {} rules\n", group);
        }
        doc += fmt::format("\n### `{}` ({})\n\n{}.\n\n", r.code, r.severity == Severity::error ? "error" : "warning",
                           std::string(1, static_cast<char>(std::toupper(r.summary[0]))) + std::string(r.summary.substr(1)));
        auto it = std::find_if(cases.begin(), cases.end(), [&](const RuleCase& c) { return c.rule == r.code; });
        if (it == cases.end()) {
            doc += fmt::format("Tested elsewhere: {}.\n", tested_elsewhere.at(std::string(r.code)));
            continue;
        }
        std::string shown = it->replace;
        for (auto& ch : shown) {
            if (ch == '\xFF') ch = '?';
        }
        if (it->whole_file) {
            doc += fmt::format("Example: `{}` holding\n\n```yaml\n{}\n```\n\n", it->file, shown);
        } else {
            doc += fmt::format("Example: in `{}`, `{}` written as\n\n```yaml\n{}\n```\n\n", it->file, it->find, shown);
        }
        Outcome out = run_case(*it);
        std::string human = out.human;
        std::string printable;
        for (unsigned char ch : human) printable += (ch < 0x20 && ch != '\n') ? '?' : static_cast<char>(ch);
        doc += fmt::format("gives\n\n```\n{}```\n\nFix: {}\n", printable, it->fix);
    }
    std::string path = source_dir() + "/docs/rules.md";
    const char* update = std::getenv("ITUCOLLAB_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << doc;
        WARN("rewrote " << path);
        return;
    }
    REQUIRE(std::filesystem::exists(path));
    CHECK(read_file(path) == doc);
}
