// The hand-written replacements of hot-path regexes and the single-pass accept list behave as before.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace testsupport;

namespace {

std::string diagnostics_with(const std::string& file, const std::string& from, const std::string& to) {
    auto fs = fixture("mini", {{file, replace_once(read_file(source_dir() + "/tests/fixtures/mini/" + file), from, to)}});
    return diagnostics_text(itucollab::load_corpus(fs, "mini"));
}

bool warns_empty_parentheses(const std::string& bullet) {
    return diagnostics_with("sections/01-first.yaml", "- Another bullet.", "- " + bullet)
               .find("[empty-parentheses]") != std::string::npos;
}

bool invalid_id(const std::string& id) {
    return diagnostics_with("sections/01-first.yaml", "id: first", "id: " + id).find("[invalid-id]") !=
           std::string::npos;
}

}  // namespace

TEST_CASE("empty parentheses: (), ( ), (see ), (cf. ) and (see) warn, other parentheses do not") {
    for (const char* text : {"A bullet ().", "A bullet ( ).", "A bullet (see ).", "A bullet (cf.  ).", "A bullet (see)",
                             "A bullet (cf.)", "A bullet (x (see )"}) {
        INFO(text);
        CHECK(warns_empty_parentheses(text));
    }
    for (const char* text : {"A bullet (see the annex).", "A bullet (cf. above).", "A bullet (s ).", "A bullet ((x)).",
                             "A bullet (seen).", "A bullet (see", "A bullet ) ("}) {
        INFO(text);
        CHECK_FALSE(warns_empty_parentheses(text));
    }
}

TEST_CASE("ids: lower-case letters, digits and dashes, first not a dash, at most 64") {
    CHECK_FALSE(invalid_id("first-2"));
    CHECK_FALSE(invalid_id("9a"));
    CHECK_FALSE(invalid_id(std::string(64, 'a')));
    CHECK(invalid_id(std::string(65, 'a')));
    CHECK(invalid_id("-first"));
    CHECK(invalid_id("fir_st"));
    CHECK(invalid_id("\"\""));
    CHECK(invalid_id("f\u00e9e"));
}

TEST_CASE("accept list: an entry takes every matching warning, and a repeated entry is reported unused") {
    const std::string entry = "\n  - rule: doubled-space\n    in: second-para\n    reason: test";
    auto fs = fixture("mini", {
        {"report.yaml", replace_once(read_file(source_dir() + "/tests/fixtures/mini/report.yaml"),
                                     "registries: [registry/registry.yaml]",
                                     "registries: [registry/registry.yaml]\naccept:" + entry + entry)},
        {"sections/01-first.yaml", replace_once(replace_once(read_file(source_dir() + "/tests/fixtures/mini/sections/01-first.yaml"),
                                                             "- One bullet", "- One  bullet"),
                                                "- Another bullet.", "- Another  bullet.")},
    });
    std::string text = diagnostics_text(itucollab::load_corpus(fs, "mini"));
    CHECK(text.find("[doubled-space]") == std::string::npos);
    CHECK(text.find("mini/report.yaml:23:5: warning: nothing to accept") == std::string::npos);
    CHECK(text.find("mini/report.yaml:26:5: warning: nothing to accept: 'second-para' raises no doubled-space "
                    "warning; remove this entry [unused-accept]") != std::string::npos);
}
