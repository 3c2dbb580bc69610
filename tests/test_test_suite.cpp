// The suite's own plumbing: every test name is one ctest entry selecting exactly its test case, and
// the npm test tools accept the Node.js that Debian 12 installs.
#define CATCH_CONFIG_EXTERNAL_INTERFACES  // Catch2's test-spec parser, as the ctest entries use it
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <vector>

using namespace testsupport;

namespace {

// The test spec catch_discover_tests (CatchAddTests.cmake) gives a discovered name: `,` `[` `]` escaped.
std::string discovered_spec(const std::string& name) {
    std::string spec;
    for (char c : name) {
        if (c == ',' || c == '[' || c == ']') spec += '\\';
        spec += c;
    }
    return spec;
}

// A version as numbers; "18" is {18, 0, 0}.
using Version = std::vector<int>;

Version parse_version(std::string text) {
    Version v;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, '.') && v.size() < 3;) v.push_back(std::stoi(part));
    v.resize(3, 0);
    return v;
}

// Whether `node` satisfies one npm `engines.node` range: alternatives joined by `||`, each a list of
// comparators (>=, >, <=, <, =, ^, ~, bare versions and x-ranges, `*`). Anything else fails the test.
bool satisfies(const Version& node, const std::string& range) {
    static const std::regex alternative_split(R"(\s*\|\|\s*)");
    static const std::regex comparator(R"((>=|<=|>|<|=|\^|~)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?)");
    std::sregex_token_iterator it(range.begin(), range.end(), alternative_split, -1), end;
    for (; it != end; ++it) {
        std::string alternative = std::regex_replace(it->str(), std::regex(R"((>=|<=|>|<|=|\^|~)\s+)"), "$1");
        bool all = true;
        std::istringstream words(alternative);
        for (std::string word; words >> word;) {
            if (word == "*" || word == "x") continue;
            std::smatch m;
            INFO("engines range '" << range << "': comparator '" << word << "' is not understood here");
            REQUIRE(std::regex_match(word, m, comparator));
            std::string op = m[1];
            Version v{std::stoi(m[2]), 0, 0};
            int given = 1;  // how many leading numbers were given before an x or the end
            for (int i : {3, 4}) {
                if (!m[i].matched || m[i] == "x" || m[i] == "*") break;
                v[static_cast<std::size_t>(i - 2)] = std::stoi(m[i]);
                ++given;
            }
            auto prefix_equal = [&](int n) { return std::equal(v.begin(), v.begin() + n, node.begin()); };
            bool ok = true;
            if (op == ">=") ok = node >= v;
            else if (op == ">") ok = given == 3 ? node > v : !prefix_equal(given) && node > v;
            else if (op == "<=") ok = given == 3 ? node <= v : node < v || prefix_equal(given);
            else if (op == "<") ok = node < v;
            else if (op == "^") ok = node >= v && node[0] == v[0];  // ranges here have a non-zero major
            else if (op == "~") ok = node >= v && prefix_equal(given == 1 ? 1 : 2);
            else ok = prefix_equal(given);  // "=" or a bare version / x-range
            all = all && ok;
        }
        if (all) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("every test name is one ctest entry that selects exactly its own test case") {
    const auto& all = Catch::getRegistryHub().getTestCaseRegistry().getAllTests();
    REQUIRE(all.size() > 100);
    for (const Catch::TestCase& test : all) {
        const std::string& name = test.name;
        INFO("test name: " << name);
        // CMake's list separator: catch_discover_tests splits the name into entries that select nothing.
        CHECK(name.find(';') == std::string::npos);
        // Catch2's escape character and quote, which catch_discover_tests passes through unescaped.
        CHECK(name.find('\\') == std::string::npos);
        CHECK(name.find('"') == std::string::npos);
        CHECK(name == std::regex_replace(name, std::regex(R"(^\s+|\s+$)"), ""));
        // The spec ctest passes selects this test case and no other.
        Catch::TestSpec spec = Catch::parseTestSpec(discovered_spec(name));
        std::size_t selected = 0;
        for (const Catch::TestCase& other : all) selected += spec.matches(other) ? 1 : 0;
        CHECK(spec.matches(test));
        CHECK(selected == 1);
    }
}

TEST_CASE("the npm test tools accept Debian 12's Node.js 18 and newer releases") {
    // package-lock.json as npm writes it: "node_modules/NAME": { ... "engines": { "node": RANGE } ... }
    std::istringstream lock(read_file(source_dir() + "/package-lock.json"));
    static const std::regex package_line(R"re(^    "(node_modules/[^"]+)": \{$)re");
    static const std::regex node_line(R"re(^        "node": "([^"]*)",?$)re");
    std::string package = "(root)";
    bool in_engines = false;
    std::size_t packages = 0, ranges = 0;
    for (std::string line; std::getline(lock, line);) {
        std::smatch m;
        if (std::regex_match(line, m, package_line)) {
            package = m[1];
            ++packages;
        } else if (line.starts_with("      \"engines\": ")) {
            INFO(package << ": " << line);
            REQUIRE(line == "      \"engines\": {");
            in_engines = true;
        } else if (in_engines && line.starts_with("      }")) {
            in_engines = false;
        } else if (in_engines && std::regex_match(line, m, node_line)) {
            ++ranges;
            INFO(package << " engines.node " << m[1]);
            // Debian 12 (bookworm and its security updates) ships Node.js 18.20.4; a fresh machine has it.
            for (const char* node : {"18.20.4", "20.19.0", "22.12.0", "24.0.0"}) {
                INFO("Node.js " << node);
                CHECK(satisfies(parse_version(node), m[1]));
            }
        }
    }
    CHECK(packages >= 10);
    CHECK(ranges >= 3);
    // The checker is live: the range that broke Debian 12 is refused.
    CHECK_FALSE(satisfies(parse_version("18.20.4"), ">=20"));
    CHECK(satisfies(parse_version("18.20.4"), ">= 0.4.0"));
    CHECK_FALSE(satisfies(parse_version("18.20.4"), "^20.0.0 || ^22.0.0"));
    CHECK(satisfies(parse_version("18.20.4"), "^18.17.0 || >=20.5.0"));
}
